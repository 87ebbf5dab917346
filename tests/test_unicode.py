"""The unicode pass equals ftfy.fix_text on the whole text, while skipping most lines."""

from __future__ import annotations

import re

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.passes.unicode import CONSERVATIVE_FTFY, FixUnicode, fix_unicode, suspicious_lines

WORDS = ["Привет", "мир", "für", "Übergröße", "café", "naïve", "«цитата»", "“quote”", "№5", "—", "…", "&amp;", "<b>"]


def _mojibake(s: str) -> list[str]:
    out = []
    for enc in ("latin-1", "cp1252", "cp1251", "mac_roman", "cp437"):
        try:
            out.append(s.encode("utf-8").decode(enc))
        except UnicodeDecodeError:
            continue
    return out


@st.composite
def _mixed_lines(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["words", "mojibake", "chars"]))
        if kind == "words":
            parts.append(" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=6))))
        elif kind == "mojibake":
            variants = _mojibake(" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))))
            parts.append(draw(st.sampled_from(variants)) if variants else "")
        else:
            parts.append(draw(st.text(max_size=12)))
    return draw(st.sampled_from(["\n", "\r\n", " ", "\n\n"])).join(parts)


@settings(max_examples=400, deadline=None)
@given(_mixed_lines())
def test_gated_equals_ftfy_on_mixed_text(text: str) -> None:
    assert fix_unicode(text) == ftfy.fix_text(text, CONSERVATIVE_FTFY)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_gated_equals_ftfy_on_arbitrary_text(text: str) -> None:
    assert fix_unicode(text) == ftfy.fix_text(text, CONSERVATIVE_FTFY)


@pytest.mark.parametrize(
    "config",
    [
        ftfy.TextFixerConfig(explain=False),
        ftfy.TextFixerConfig(uncurl_quotes=False, normalization="NFKC", explain=False),
        ftfy.TextFixerConfig(unescape_html=False, fix_latin_ligatures=False, explain=False),
    ],
)
def test_gated_equals_ftfy_with_other_configs(config: ftfy.TextFixerConfig) -> None:
    text = "A ﬁne “day” — ｆｕｌｌ  width\ncafÃ©\n&lt;b&gt; Ð¿Ñ€Ð¸Ð²ÐµÑ‚\r\nПривет, «мир»\n"
    assert fix_unicode(text, config=config) == ftfy.fix_text(text, config)


def test_clean_prose_is_not_sent_to_ftfy() -> None:
    prose = "Правительство объявило «новые меры» — №5.\nDie Übergröße für Häuser.\nA “curly” quote, isn’t it?\n"
    assert list(suspicious_lines(prose)) == []


def test_keeps_curly_quotes_and_cyrillic_fixes_mojibake() -> None:
    result = FixUnicode()("He said “hi”\nÐŸÑ€Ð¸Ð²ÐµÑ‚\n")
    assert result.text == "He said “hi”\nПривет\n"
    (edit,) = result.edits
    assert edit.rule == "mojibake" and edit.removed.startswith("Ð")
    assert result.restore() == "He said “hi”\nÐŸÑ€Ð¸Ð²ÐµÑ‚\n"


def test_entities_only_when_no_markup_came_first() -> None:
    assert fix_unicode("a &amp; b") == "a & b"
    assert fix_unicode("<p>\na &amp; b") == ftfy.fix_text("<p>\na &amp; b", CONSERVATIVE_FTFY)


def test_pass_accepts_a_dict_config() -> None:
    assert FixUnicode({"uncurl_quotes": True})("“x”").text == '"x"'


def _detector_alphabet() -> list[str]:
    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

    from textclean.passes.unicode import _expand

    chars = set()
    for body in MOJIBAKE_CATEGORIES.values():
        chars.update(_expand(body))
    chars.update(c for c in BADNESS_RE.pattern if ord(c) > 0x7F)
    chars.update("aZ .,?!\n\tяВГРСаёЁ0")
    return sorted(chars)


def test_hint_finds_every_detector_match_in_short_strings() -> None:
    import random

    from ftfy.badness import BADNESS_RE

    from textclean.passes.unicode import _hint

    alphabet = _detector_alphabet()
    hint = _hint()
    missed = [a + b for a in alphabet for b in alphabet if BADNESS_RE.search(a + b) and not hint.search(a + b)]
    assert missed == []
    rng = random.Random(1234)
    for length in (3, 4, 5, 7):
        for _ in range(40_000):
            s = "".join(rng.choice(alphabet) for _ in range(length))
            assert not BADNESS_RE.search(s) or hint.search(s), s


def _branch_chars(item: tuple[object, object], universe: list[str]) -> list[str]:
    """The characters of ``universe`` that one parsed regex item (a literal, a class, ``.``) matches."""
    import re._constants as c

    op, av = item
    if op is c.ANY:
        return [ch for ch in universe if ch != "\n"]
    if op is c.LITERAL:
        return [chr(av)]  # type: ignore[call-overload]
    assert op is c.IN, item
    tests = []
    negate = False
    for o, a in av:  # type: ignore[attr-defined]
        if o is c.NEGATE:
            negate = True
        elif o is c.LITERAL:
            tests.append(lambda ch, a=a: ord(ch) == a)
        elif o is c.RANGE:
            tests.append(lambda ch, a=a: a[0] <= ord(ch) <= a[1])
        else:
            assert o is c.CATEGORY and a in (c.CATEGORY_SPACE, c.CATEGORY_WORD), (o, a)
            pattern = re.compile(r"\s" if a is c.CATEGORY_SPACE else r"\w")
            tests.append(lambda ch, p=pattern: p.match(ch) is not None)
    return [ch for ch in universe if any(t(ch) for t in tests) != negate]


def test_hint_covers_every_detector_branch() -> None:
    """Every string any branch of ftfy's detector matches holds a hint.

    The hint reads characters only through its character classes, so one
    character per way of falling in those classes stands for all of them;
    every branch is tried with every combination of such characters.
    """
    import itertools
    import re._constants as c
    import re._parser

    from ftfy.badness import BADNESS_RE

    from textclean.passes.unicode import _LONGEST, _hint

    assert re._parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).getwidth()[1] <= _LONGEST
    hint = _hint()
    classes = [re.compile(body) for body in set(re.findall(r"\[(?:\\.|[^\]\\])*\]", hint.pattern))]
    # the hint's classes and the detector's only hold characters below U+3000, or literal ones
    universe = sorted({chr(i) for i in range(0x3000)} | {ch for ch in BADNESS_RE.pattern + hint.pattern} | {"中"})
    kind = {ch: (*(p.match(ch) is not None for p in classes), ch == "\n") for ch in universe}
    ((op, av),) = re._parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).data
    assert op is c.BRANCH
    missed = []
    for branch in av[1]:
        shapes: list[list[tuple[object, object]]] = [[]]
        for item in branch:
            if item[0] is c.MAX_REPEAT:  # "\s?"
                lo, hi, sub = item[1]
                assert (lo, hi) == (0, 1)
                shapes = [s + extra for s in shapes for extra in ([], list(sub))]
            elif item[0] is not c.AT:  # "^" only narrows the detector
                shapes = [[*s, item] for s in shapes]
        for shape in shapes:
            picks = [list({kind[ch]: ch for ch in _branch_chars(item, universe)}.values()) for item in shape]
            for chars in itertools.product(*picks):
                s = "".join(chars)
                assert BADNESS_RE.search(s), s
                if not hint.search(s):
                    missed.append(s)
    assert missed == []


@pytest.mark.parametrize(
    "text",
    [
        "¸\x1f",  # a hint whose window reaches the line end, then a control character
        "caf\u00e9 \u00bb\x7f and more",
        "R&D, Q&A; AT&T &c.",  # a '&' that starts no entity
        "fish &amp; chips &#8212; R&D &notanentity",
        "&" + "a" * 30 + ";",  # too long for an entity
    ],
)
def test_gate_edge_cases_equal_ftfy(text: str) -> None:
    for line in (text, text + "\n" + text):
        assert fix_unicode(line) == ftfy.fix_text(line, CONSERVATIVE_FTFY)
