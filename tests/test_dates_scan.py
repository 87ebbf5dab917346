"""The finder's fast scans find what the plain scan finds.

The finder skips digit runs where no date can be (``_digit_scanner``,
``_step_scanner``), checks for Cyrillic through UTF-16 bytes, and reads a
document's head only on the lines it needs (``find_mentions_in_lines``).
Each shortcut is compared here with the plain way it replaces: every free
digit run a trigger, the exact Cyrillic pattern, the whole head scanned.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean import dates
from textclean.dates import _api, _finder
from textclean.dates._lexicon import Lexicon, lexicon

DATA = Path(__file__).parent / "data" / "dates"
_DIGITS = re.compile(r"[0-9]+")


def _plain_triggers(text: str, lex: Lexicon, spans: list[tuple[int, int]] | None = None) -> list[int]:
    """Every run of at most four digits not glued to what precedes it, plus the word triggers."""
    assert spans is None
    trig = [
        m.start()
        for m in _DIGITS.finditer(text)
        if m.end() - m.start() <= 4
        and (
            m.start() == 0
            or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in _finder._BAD_BEFORE_DIGIT)
            or _finder._mid(text, m.start())
        )
    ]
    _finder._word_triggers(text, lex, 0, len(text), trig)
    trig.sort()
    return trig


def _plain_find(text: str, monkeypatch: pytest.MonkeyPatch, **kw: object) -> list[dates.Mention]:
    with monkeypatch.context() as m:
        m.setattr(_finder, "_triggers", _plain_triggers)
        return _finder.find_mentions(text, **kw)  # type: ignore[arg-type]


def _case_texts() -> list[str]:
    out = []
    for path in sorted(DATA.glob("*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    return out


_PIECES = [
    "in",
    "In",
    "on",
    "January",
    "jan.",
    "Sept",
    "мая",
    "января",
    "в",
    "с",
    "по",
    "года",
    "г.",
    "from",
    "to",
    "between",
    "and",
    "the",
    "of",
    "mid-",
    "Monday,",
    "ago",
    "days",
    "вчера",
    "назад",
    "last",
    "year",
    "at",
    "pm",
    "a.m.",
    "MSK",
    "(GMT)",
    "15",
    "5",
    "31",
    "2020",
    "1999",
    "3000",
    "123",
    "06.01.2022",
    "6/1/22",
    "12:30",
    "09.30",
    "2019-2020",
    "1990s",
    "5th",
    "-",
    "–",
    ",",
    ".",
    ", ",
    " ",
    "  ",
    "\u00a0",
    "\n",
    "\n(",
    "people",
    "COVID-",
    "$",
    "%",
    "v",
    "K",
    "-го",
    "-х",
    "Jun",
    "June",
    "Tuesday",
    "двух",
    "two",
    "15:",
    "\u212a",
    "٣",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_prefilter_keeps_every_date(pieces: list[str]) -> None:
    text = "".join(pieces)
    with pytest.MonkeyPatch.context() as mp:
        plain = _plain_find(text, mp)
    assert _finder.find_mentions(text) == plain


def test_prefilter_on_the_case_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _case_texts()
    assert len(texts) > 500
    for text in texts:
        for kw in ({}, {"languages": ("en",)}, {"date_order": "DMY"}):
            assert _finder.find_mentions(text, **kw) == _plain_find(text, monkeypatch, **kw), text  # type: ignore[arg-type]


def test_prefilter_skips_numbers_that_are_no_dates() -> None:
    lex = lexicon(("ru", "en"))
    text = "Views: 10692, 15 people (COVID-19) paid $30, up 3.5% in v2.0 and 123 more"
    assert _finder._triggers(text, lex) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ Ą\u2004\u0404ёЯж“ ,\n\ud800")), max_size=60))
def test_cyrillic_test_agrees_with_the_pattern(text: str) -> None:
    for lo, hi in ((0, len(text)), (len(text) // 3, len(text))):
        assert _finder._has_cyrillic(text, lo, hi) == (_finder._CYR.search(text, lo, hi) is not None)


_HEAD_LINES = [
    "Title of the story",
    "",
    "By Author Name",
    "Posted 12 января 2022,, 08:30",
    "Updated: January 5, 2021 at 9:45 a.m.",
    "06.01.2022 13:15",
    "  (Moscow time), Moscow",
    "on 6/1/2022 and 7/13/2022",
    "5/6/2021",
    "Views: 10692",
    "Текст: Имя Фамилия · 11 октября 2018",
    "A long paragraph " * 12 + "on March 3, 2020.",
    "вчера в 10:15",
    "2019-2020",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_HEAD_LINES), max_size=20))
def test_head_lines_only_agree_with_the_whole_head(lines: list[str]) -> None:
    text = "\n".join(lines)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_api, "find_mentions_in_lines", lambda *a, **k: None)
        whole = dates.document_dates(text)
    assert dates.document_dates(text) == whole


def test_head_lines_only_on_the_case_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _case_texts()
    fast = [dates.document_dates(t) for t in texts]
    monkeypatch.setattr(_api, "find_mentions_in_lines", lambda *a, **k: None)
    assert [dates.document_dates(t) for t in texts] == fast


def test_lines_scan_gives_up_when_order_evidence_could_decide() -> None:
    assert _finder.find_mentions_in_lines("on 6/1/2022", [(0, 11)]) is None
    found = _finder.find_mentions_in_lines("x\non 06.01.2022", [(2, 15)])
    assert found is not None and [m.value for m in found] == ["2022-01-06"]
