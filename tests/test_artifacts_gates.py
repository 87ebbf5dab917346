"""The C-speed pre-filters of the residue passes change nothing: same output with every line looked at."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.passes import artifacts, widgets
from textclean.passes.artifacts import artifact_changes
from textclean.pipeline import line_spans
from textclean.rules import (
    LANGUAGES,
    STRIP_CHARS,
    LineMatcher,
    Rule,
    _alternation,
    _inline_anchors,
    line_matcher,
    load_rules,
    normalise_line,
)

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
    "Photo: John Smith / AFP",
    "Tom / Jerry",
    "https://example.com/page",
    "name@example.com",
    "write to name@example.com today",
    "Press Ctrl+Enter to report a typo",
    "1+1",
    "© 2024 Example Media",
    "a-b",
    "- a-b-c-d-e",
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


# -- the anchored inline scan ---------------------------------------------------

_INLINE_BITS = [
    " ",
    "\n",
    "\u00a0",
    "(",
    ")",
    "[",
    "]",
    "Photo",
    "PHOTO",
    " by ",
    ": ",
    "/",
    "AP",
    "ad_",
    "ads",
    "1",
    "Click to Tweet",
    "Фото",
    "text",
    "crédit",
    "ſ",
    "ı",
]
_INLINE_EXAMPLES = [ex for r in load_rules() if r.kind == "inline" for ex in (*r.examples, *r.counter_examples)]
_inline_text = st.lists(st.sampled_from(_INLINE_BITS + _INLINE_EXAMPLES), max_size=30).map("".join)


def _plain_inline(matcher: LineMatcher, text: str, stop: int) -> list[tuple[int, int, str | None]]:
    assert matcher.inline_pattern is not None
    return [(m.start(), m.end(), m.lastgroup) for m in matcher.inline_pattern.finditer(text, 0, stop)]


def _anchored_inline(matcher: LineMatcher, text: str, stop: int) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matcher.inline_matches(text, stop)]


@pytest.mark.parametrize("languages", [(lang,) for lang in LANGUAGES] + [("en", "ru")])
def test_inline_anchors_are_used_for_the_shipped_rules(languages: tuple[str, ...]) -> None:
    matcher = line_matcher(languages)
    assert matcher.inline_pattern is None or matcher.inline_anchors is not None


@pytest.mark.parametrize("languages", [(lang,) for lang in LANGUAGES] + [("en", "ru")])
def test_anchored_inline_scan_finds_every_example_as_the_plain_scan(languages: tuple[str, ...]) -> None:
    matcher = line_matcher(languages)
    if matcher.inline_pattern is None:
        return
    for rule in matcher.rules:
        if rule.kind != "inline":
            continue
        for example in (*rule.examples, *rule.counter_examples):
            for text in (example, example.upper(), f"x {example} y ({example}) [{example}]\n{example.title()}"):
                for stop in (len(text), len(text) // 2):
                    assert _anchored_inline(matcher, text, stop) == _plain_inline(matcher, text, stop)


@settings(max_examples=300, deadline=None)
@given(_inline_text, st.integers(0, 400), st.sampled_from([("en", "ru"), ("de",), ("fr", "es")]))
def test_anchored_inline_scan_is_the_plain_scan(text: str, cut: int, languages: tuple[str, ...]) -> None:
    matcher = line_matcher(languages)
    stop = min(cut, len(text))
    assert _anchored_inline(matcher, text, stop) == _plain_inline(matcher, text, stop)


_OTHER_INLINE = [
    r"\s?\((?:via|by)\s[^()\n]{1,40}\)",
    r"<<\s?(?:more|mehr)\s?>>|\{\{[a-z_]{2,20}\}\}",
    r"(?:see|voir)\s(?:also|aussi)\b",
    r"[^\W\d_]{2,5}\s?(?:©|\(c\))",
    r".{0,5}xyz",
    r"[^\n]*xyz",  # no anchor near the start: the plain scan
    r"\s*",  # may match empty: the plain scan
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_OTHER_INLINE), min_size=1, max_size=3, unique=True),
    st.lists(
        st.sampled_from(
            [
                " ",
                "\n",
                "(",
                ")",
                "via ",
                "By",
                "<<",
                ">>",
                "More",
                "{{",
                "}}",
                "ad_x",
                "see ",
                "Also",
                "voir aussi",
                "©",
                "(c)",
                "Ab",
                "xyz",
                "ſ",
                "ı",
            ]
        ),
        max_size=25,
    ).map("".join),
)
def test_anchored_inline_scan_holds_for_other_rule_data(patterns: list[str], text: str) -> None:
    rules = [
        Rule(id=f"common.x{i}", family="ads", lang="common", description="", kind="inline", pattern=p, find="x")
        for i, p in enumerate(patterns)
    ]
    matcher = attrs.evolve(
        line_matcher(("en",)),
        inline_pattern=_alternation(rules, re.IGNORECASE),
        by_group={r.group: r for r in rules},
        **{"inline_anchors": None, "inline_back": 0, **_inline_anchors(rules)},
    )
    if any(p in (r"[^\n]*xyz", r"\s*") for p in patterns):
        assert matcher.inline_anchors is None
    assert _anchored_inline(matcher, text, len(text)) == _plain_inline(matcher, text, len(text))


@pytest.mark.parametrize("languages", [(lang,) for lang in LANGUAGES] + [("en", "ru")])
def test_line_gate_lets_through_every_line_a_rule_matches(languages: tuple[str, ...]) -> None:
    # every example and counter-example of the rule data, as written, bulleted and upper-cased
    matcher = line_matcher(languages)
    lines = [ex for r in matcher.rules for ex in (*r.examples, *r.counter_examples) if "\n" not in ex]
    lines += [f"• {line}" for line in lines] + [line.upper() for line in lines]
    text = "\n".join(lines)
    low = text.lower()
    if len(low) != len(text):
        return
    _spans, starts, norms, odd = artifacts._line_table(low, matcher.max_len + 40)
    gated = matcher.gated_lines(low, norms, starts, odd)
    assert gated is not None
    for k, norm in enumerate(norms):
        if norm and matcher.match_normalised(norm, level=2) is not None:
            assert k in gated, lines[k]
