"""The fast paths of the chrome pass agree with its general path.

Text without needles whose units a cheap check proves plainly article is
left alone without labelling (nor a language guess); every text so proved
must be one the general path leaves alone too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.config import Aggressiveness
from textclean.langdata import stopwords
from textclean.passes import chrome
from textclean.passes.chrome import chrome_changes, classify_lines, remove_chrome

ROOT = Path(__file__).resolve().parent.parent
LANGS = [None, "en", "de", "ru"]

# Prose, titles, lines that may continue the one before them (ending in a stop word of some
# language, a comma, or none at all), bullets, links back, comment headers, symbols, lines
# that make a separator when joined, short menu-like lines and CJK.
GATE_LINE = st.one_of(
    st.sampled_from(
        [
            "The council met again on Monday to discuss the new plan for the bridge.",
            "Engineers had warned for months that the structure was no longer safe for heavy traffic and",
            "the mayor said the decision could not wait any longer.",
            "Residents who use the bridge every day were not happy about the decision, and",
            "Some of them have written to the mayor to complain about it",
            "Der Rat hat am Montag beschlossen, die alte Brücke zu schließen, und",
            "Городской совет в понедельник решил закрыть старый мост на ремонт до конца года и",
            "Жители города недовольны этим решением.",
            "Storm hits the coast of northern England overnight",
            "Officers said the road would stay closed for most of the week:",
            "Jane on May 3, 2019 at 4:47 pm said:",
            "- the bridge over the river and the roads leading to it",
            "1. Review the contract and reopen the border crossing",
            "• ***",
            "< Previous story",
            "« Back",
            "***",
            "—",
            "Home",
            "News",
            "Sport",
            "Contact us",
            "Share this article",
            "12:30",
            "a long line of words that ends with a slash and continues below it /",
            "| a line that starts with a separator after a join",
            "政府は月曜日、来年度の予算案について発表した。",
            "関係者によると、",
            "",
        ]
    ),
    st.text(alphabet=st.sampled_from(list("ab c.,:|/<«—1\u00a0")), min_size=1, max_size=60),
)


def _general_drops(text: str, lang: str | None, level: Aggressiveness) -> dict[int, str]:
    return chrome._decide(text, lang, level, lazy=False)[1]


def _gate(text: str, lang: str | None, level: Aggressiveness) -> bool:
    if chrome._has_needle(text):
        return False
    units = chrome._units(text, stopwords(lang) if lang else chrome._any_stopwords())
    return chrome._plainly_article(units, lang, chrome.Thresholds.for_level(level))


@settings(max_examples=150, deadline=None)
@given(st.lists(GATE_LINE, max_size=30), st.sampled_from(LANGS), st.sampled_from(list(Aggressiveness)))
def test_text_proved_plainly_article_is_left_alone_by_the_general_path(
    lines: list[str], lang: str | None, level: Aggressiveness
) -> None:
    text = "\n".join(lines)
    if _gate(text, lang, level):
        assert _general_drops(text, lang, level) == {}
    # and the whole pass (gate, reused units, lazy labelling) agrees with the line labels
    labels = classify_lines(text, lang=lang, aggressiveness=level)
    kept = "\n".join(text[lb.start : lb.end] for lb in labels if lb.keep)
    assert remove_chrome(text, lang=lang, aggressiveness=level) == kept


def _shipped_texts() -> list[str]:
    """The real pages shipped with the tests (the seeds, the golden inputs), whole and in windows of lines."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    for name in ("negative", "synthetic"):
        for row in map(json.loads, (ROOT / "tests" / "golden" / f"{name}.jsonl").read_text().splitlines()):
            texts.append(row["text"])
    windows = []
    for text in texts:
        lines = text.split("\n")
        for size in (3, 8, 20):
            windows.extend("\n".join(lines[i : i + size]) for i in range(0, len(lines), max(1, size // 2)))
    return texts + windows


SHIPPED = _shipped_texts()


@pytest.mark.parametrize("level", list(Aggressiveness))
def test_shipped_texts_proved_plainly_article_are_left_alone(level: Aggressiveness) -> None:
    proved = 0
    for text in SHIPPED:
        for lang in (None, "en"):
            if _gate(text, lang, level):
                proved += 1
                assert _general_drops(text, lang, level) == {}, text[:200]
    # the check is no vacuous one: it proves some real text plainly article
    assert proved > 0


def test_shipped_texts_lose_the_same_lines_through_every_path() -> None:
    for text in SHIPPED:
        labels = classify_lines(text)
        kept = "\n".join(text[lb.start : lb.end] for lb in labels if lb.keep)
        assert remove_chrome(text) == kept


def test_article_text_is_proved_plainly_article() -> None:
    text = "\n".join(
        [
            "Bridge to close for repairs",
            "The city council voted on Tuesday to close the old bridge for repairs until the end of next year.",
            "Drivers will have to use the ring road, which adds about ten minutes to the journey into the centre.",
        ]
    )
    assert _gate(text, None, Aggressiveness.BALANCED)
    assert list(chrome_changes(text)) == []


@pytest.mark.parametrize(
    "extra",
    [
        ["Home", "News", "Sport", "Weather", "Contact", "About us"],  # a menu
        ["Reply", "text", "Reply", "text", "Reply"],  # a line seen three times
        ["***"],  # symbols
        ["< Previous"],  # a link back
        ["Jane on May 3, 2019 at 4:47 pm said:"],  # a comment header
    ],
    ids=["menu", "repeated", "symbols", "back", "comment"],
)
def test_text_with_possible_chrome_takes_the_general_path(extra: list[str]) -> None:
    text = "\n".join(
        [
            *extra,
            "The city council voted on Tuesday to close the old bridge for repairs until the end of next year.",
        ]
    )
    assert not _gate(text, None, Aggressiveness.BALANCED)


def test_joins_that_depend_on_the_language_take_the_general_path() -> None:
    # "and" ends the first line: a stop word of English only, so the units depend on the language
    text = (
        "The council met again on Monday to discuss the plan and\n"
        "Residents were asked to comment on it before the end of the month."
    )
    assert not _gate(text, None, Aggressiveness.BALANCED)
    assert _gate(text, "de", Aggressiveness.BALANCED)
