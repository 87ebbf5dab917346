"""The C-speed pre-filters of the residue passes change nothing: same output with every line looked at."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.passes import artifacts, widgets
from textclean.passes.artifacts import artifact_changes
from textclean.pipeline import line_spans
from textclean.rules import STRIP_CHARS, LineMatcher, normalise_line

_LINES = [
    "",
    "  ",
    "The council met on Monday and voted for the plan after a long debate.",
    "May 2024",
    "« Apr",
    "Mon Tues Wed Thurs Fri Sat Sun",
    "Пн Вт Ср Чт Пт Сб Вс",
    "12345",
    "6789101112",
    "13 14 15 16 17 18 19",
    "20",
    "21",
    "• 28",
    "Facebook Twitter WhatsApp",
    "Telegram",
    "  • Share:  VK",
    "Read also:",
    "Short headline here",
    "- Another headline",
    "[ad_1]",
    "Advertisement",
    "We use cookies to improve your experience.",
    "Subscribe to our newsletter",
    "12 views",
    "Comments",
    "Thank you!",
    "1",
    "css-class-name-here",
    "Sign  up\u00a0for our  newsletter",
    "\ufeff",
    "Фото: РИА Новости",
    "Поделиться",
]

_text = st.lists(st.sampled_from(_LINES), max_size=40).map("\n".join)


def _reference_norms(text: str, limit: int) -> list[str | None]:
    out: list[str | None] = []
    low = text.lower()
    for s, e in line_spans(text):
        if e - s > limit:
            out.append(None)
            continue
        line = low[s:e].strip(STRIP_CHARS)
        if line and (line[0] in artifacts._BULLETS or "  " in line or artifacts._ODD_SPACE.search(line)):
            line = normalise_line(line)
        out.append(line)
    return out


@settings(max_examples=150, deadline=None)
@given(_text, st.sampled_from([5, 30, 520]))
def test_line_table_matches_line_by_line_normalisation(text: str, limit: int) -> None:
    spans, starts, norms, odd = artifacts._line_table(text.lower(), limit)
    assert spans == line_spans(text)
    assert starts == [s for s, _ in spans]
    assert norms == _reference_norms(text, limit)
    assert set(odd) <= set(range(len(spans)))


@settings(max_examples=150, deadline=None)
@given(_text)
def test_calendar_gate_changes_nothing(text: str) -> None:
    spans = line_spans(text)
    norms = widgets.normalised_lines(text, spans)
    assert list(widgets.calendar_runs(norms, widgets.digit_lines(text, spans))) == list(widgets.calendar_runs(norms))


@settings(max_examples=150, deadline=None)
@given(_text, st.sampled_from([0, 1, 2]))
def test_share_gate_changes_nothing(text: str, level: int) -> None:
    spans = line_spans(text)
    norms = widgets.normalised_lines(text, spans)
    gated = widgets.structural_removals(text, level=level, spans=spans, norms=norms, low=text.lower())
    assert gated == widgets.structural_removals(text, level=level, spans=spans, norms=norms)


@settings(max_examples=100, deadline=None)
@given(_text, st.sampled_from(["conservative", "balanced", "aggressive"]))
def test_line_gate_changes_nothing(text: str, level: str) -> None:
    gated = list(artifact_changes(text, aggressiveness=level))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(LineMatcher, "gated_lines", lambda *_a, **_k: None)
        assert list(artifact_changes(text, aggressiveness=level)) == gated


def _kind_reference(s: str | None) -> str | None:
    """The calendar kind with every detector run (no cheap pre-checks)."""
    if not s or len(s) > 80:
        return None
    head = s.lstrip('«»"‹›<> ').split(" ", 1)[0].strip('.,«»"‹›<>')
    if not head:
        return None
    if head[0].isdigit() or head in widgets._WEEKDAYS or head.startswith(widgets._GLUED_START):
        return widgets._kind_of(s)
    if widgets._is_day_row(s):
        return "day"
    if widgets._is_weekday_header(s):
        return "week"
    if widgets._is_month_heading(s) or widgets._is_nav(s):
        return "cal"
    return None


_CAL_WORDS = [
    "may",
    "2024",
    "mon",
    "tue",
    "wed",
    "пн",
    "вт",
    "«",
    "»",
    "next",
    "назад",
    "апреля",
    "the",
    "12",
    "г.",
    ":",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CAL_WORDS), min_size=1, max_size=7), st.sampled_from([" ", ""]))
def test_calendar_kind_pre_checks_change_nothing(words: list[str], sep: str) -> None:
    s = normalise_line(sep.join(words))
    assert widgets._kind_of(s) == _kind_reference(s)
