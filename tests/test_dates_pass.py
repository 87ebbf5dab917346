"""The ``NormalizeDates`` pass inside a pipeline."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.edits import Change
from textclean.passes.dates import NormalizeDates, normalize_dates
from textclean.pipeline import Document, Pass, Pipeline

SEEDS = Path(__file__).parent.parent / "seeds"


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_seed_000_metadata_from_header_lines() -> None:
    text = _seed("000")
    r = Pipeline([NormalizeDates()])(text)
    assert r.metadata["published"] == "2022-01-12T08:30"
    assert r.metadata["modified"] == "2022-12-24T22:37"
    assert r.text == text and r.edits == ()
    assert all(text[d.start : d.end] == d.text for d in r.dates)


def test_seed_004_metadata_and_inferred_year() -> None:
    r = Pipeline([NormalizeDates()])(_seed("004"))
    assert r.metadata["published"] == "2022-01-06T13:15+03:00"
    by_text = {d.text: d for d in r.dates}
    assert by_text["January 5"].value == "2022-01-05" and by_text["January 5"].year_inferred


def test_existing_metadata_is_the_reference_and_is_kept() -> None:
    pipe = Pipeline([NormalizeDates()])
    text = "Something happened on January 5 and 3 days ago."
    r = pipe(text)
    assert [d.value for d in r.dates] == ["--01-05", None]

    # a metadata pass that ran first fills "published"
    class Meta(Pass):
        name = "metadata"

        def propose(self, doc: Document) -> list:  # type: ignore[type-arg]
            doc.metadata["published"] = "2021-01-10T09:00+03:00"
            return []

    r = Pipeline([Meta(), NormalizeDates()])(text)
    assert r.metadata["published"] == "2021-01-10T09:00+03:00"
    assert [d.value for d in r.dates] == ["2021-01-05", "2021-01-07"]
    assert r.dates[0].year_inferred


def test_raw_metadata_value_still_serves_as_reference() -> None:
    class Meta(Pass):
        name = "metadata"

        def propose(self, doc: Document) -> list:  # type: ignore[type-arg]
            doc.metadata["published"] = "Tuesday, 11 January 2022"
            return []

    r = Pipeline([Meta(), NormalizeDates()])("Talks began on January 10.")
    assert r.metadata["published"] == "Tuesday, 11 January 2022"
    assert [d.value for d in r.dates] == ["2022-01-10"]


def test_zone_on_lifted_dateline_completes_published() -> None:
    class Lift(Pass):
        """Stands in for a header pass: lifts the dateline line, reads it without the next line."""

        name = "metadata"

        def propose(self, doc: Document) -> list[Change]:
            start = doc.text.index("06.01")
            end = doc.text.index("\n", start) + 1
            doc.metadata["published"] = "2022-01-06T13:15"
            return [Change(start, end, "", "dateline")]

    text = "Title\n\nAuthor Name.\n06.01.2022 13:15\n  (Moscow time), Moscow\nOn January 5 it began."
    r = Pipeline([Lift(), NormalizeDates()])(text)
    assert r.metadata["published"] == "2022-01-06T13:15+03:00"
    assert [d.value for d in r.dates] == ["2022-01-05"]


def test_offsets_are_original_after_earlier_edits() -> None:
    def drop_banner(text: str) -> str:
        return text.replace("ADVERTISEMENT\n", "")

    text = "ADVERTISEMENT\nPosted 12 января 2022,, 08:30\nThe vote on 3-4 января."
    r = Pipeline([drop_banner, NormalizeDates()])(text)
    assert [text[d.start : d.end] for d in r.dates] == ["12 января 2022,, 08:30", "3-4 января"]
    assert [d.text for d in r.dates] == ["12 января 2022,, 08:30", "3-4 января"]


def test_iso_style_rewrites_and_restores() -> None:
    text = "Posted 12 января 2022,, 08:30\nOn 6/1/2022 and on the night of January 3-4, in 2018."
    r = Pipeline([NormalizeDates(style="iso")])(text)
    assert "2022-01-12T08:30" in r.text
    assert "2022-01-03/2022-01-04" in r.text
    assert "6/1/2022" in r.text  # ambiguous: annotated, not rewritten
    assert r.restore() == text
    assert {e.rule for e in r.edits} <= {"dm", "mr", "yp", "num"}


def test_iso_style_leaves_unresolved_alone() -> None:
    text = "It happened on May 5 and yesterday."
    assert Pipeline([NormalizeDates(style="iso")])(text).text == text


def test_keep_style_changes_nothing() -> None:
    text = _seed("004")
    assert Pipeline([NormalizeDates()])(text).text == text


def test_pass_value_semantics() -> None:
    p = NormalizeDates(style="iso", languages=["ru"])
    assert p.languages == ("ru",)
    assert NormalizeDates(languages="en").languages == ("en",)
    assert NormalizeDates(languages=("en", "de")).languages == ("en",)
    assert NormalizeDates(languages=("de",)).languages == ("en", "ru")
    assert pickle.loads(pickle.dumps(p)) == p
    with pytest.raises(ValueError):
        NormalizeDates(style="fancy")
    with pytest.raises(ValueError):
        NormalizeDates(date_order="DYM")
    with pytest.raises(TypeError):
        NormalizeDates("iso")  # type: ignore[misc]


def test_normalize_dates_function() -> None:
    assert normalize_dates("в 2018 году", reference="2022-01-01") == "в 2018"
    assert normalize_dates("nothing here") == "nothing here"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Posted 12 января 2022,, 08:30", "on May 5", "2 days ago", "x", "\n", "6/1/22", "в 2018 году"]
        ),
        max_size=12,
    )
)
def test_iso_restore_property(parts: list[str]) -> None:
    text = "\n".join(parts)  # one expression per line: the header/dateline reading cannot change
    r = Pipeline([NormalizeDates(style="iso")])(text)
    assert r.restore() == text
    again = Pipeline([NormalizeDates(style="iso")])(r.text)
    assert again.edits == ()  # ISO output is a fixed point
