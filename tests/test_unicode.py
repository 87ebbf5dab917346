"""The unicode pass equals ftfy.fix_text on the whole text, while skipping most lines."""

from __future__ import annotations

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
