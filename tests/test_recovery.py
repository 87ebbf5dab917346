"""Recovery rates on generated data: the default pipeline must return ``.clean`` for at least
95% of scraped documents, and ``textclean.dates.find`` must find at least 95% of generated dates.

The samples are seeded (``textclean.testing.samples``), so the rates are reproducible.
"""

from __future__ import annotations

import pytest

import textclean
from textclean.testing import recovery, samples

TARGET = 0.95
DOCS = 300
DATES = 400


def test_default_pipeline_recovers_clean_text() -> None:
    if "artifacts" not in textclean.default_pipeline().names:
        pytest.skip("the default pipeline has no artifact passes yet")
    report = recovery.cleaning_recovery(textclean.clean, samples.scraped_documents(DOCS, seed="recovery"))
    assert report.rate >= TARGET, (
        f"recovered {report.rate:.1%} of generated documents (want {TARGET:.0%})\n"
        + report.table()
        + "\nfirst failures:\n"
        + "\n".join(report.failures)
    )


def test_date_finder_recovers_generated_dates() -> None:
    dates = pytest.importorskip("textclean.dates")
    report = recovery.date_recovery(dates.find, samples.dates(DATES, seed="recovery"))
    assert report.rate >= TARGET, (
        f"found {report.rate:.1%} of generated dates (want {TARGET:.0%})\n"
        + report.table()
        + "\nfirst failures:\n"
        + "\n".join(report.failures)
    )
