"""textclean's own properties over the default pipeline, using textclean.testing's strategies."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textclean
from textclean.testing import ScrapedDocument, properties, strategies

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIPELINE = textclean.default_pipeline()


@FAST
@given(strategies.articles())
def test_clean_prose_passes_untouched(text: str) -> None:
    properties.assert_unchanged(textclean.clean, text)


@pytest.mark.parametrize("step", PIPELINE.steps, ids=PIPELINE.names)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=strategies.articles())
def test_no_pass_touches_clean_prose(step: textclean.Pass, text: str) -> None:
    properties.assert_unchanged(step, text)


@FAST
@given(strategies.scraped_documents())
def test_cleaning_scraped_documents_is_sound(doc: ScrapedDocument) -> None:
    properties.assert_idempotent(textclean.clean, doc.noisy)
    properties.assert_restores(textclean.clean, doc.noisy)
    properties.assert_only_removes_reported(PIPELINE, doc.noisy)


@FAST
@given(st.text())
def test_cleaning_arbitrary_text_is_sound(text: str) -> None:
    properties.assert_idempotent(textclean.clean, text)
    properties.assert_restores(PIPELINE, text)
    properties.assert_only_removes_reported(textclean.clean, text)


@FAST
@given(strategies.repeated_passages())
def test_repeated_passages_clean_soundly(doc: object) -> None:
    from textclean.testing import RepeatedPassages

    assert isinstance(doc, RepeatedPassages)
    properties.assert_idempotent(textclean.clean, doc.text)
    properties.assert_restores(textclean.clean, doc.text)
