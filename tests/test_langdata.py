"""Stop-word data and the language guess."""

from __future__ import annotations

import contextlib
import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.langdata import (
    LANGUAGES,
    _letters,
    cp1252_stopwords,
    cp1252_words,
    guess_language,
    stopword_density,
    stopwords,
    words,
)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_stopword_file_is_clean(lang: str) -> None:
    text = resources.files("textclean.langdata").joinpath("stopwords", f"{lang}.txt").read_text(encoding="utf-8")
    entries = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    assert len(entries) >= 50
    assert len(entries) == len(set(entries)), "duplicate entries"
    for word in entries:
        assert word == word.strip().lower(), word
        assert words(word) == [word], f"{word!r} is not one token"
    assert stopwords(lang) == frozenset(entries)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The committee said that it would review all of the proposals before the end of the month.", "en"),
        ("Die Regierung hat am Montag angekündigt, dass sie die Steuern nicht erhöhen wird.", "de"),
        ("Правительство заявило, что не будет повышать налоги в этом году, хотя об этом просили.", "ru"),
        ("El gobierno anunció que no subirá los impuestos, pero que revisará el gasto de las regiones.", "es"),
        ("Le gouvernement a annoncé qu'il ne va pas augmenter les impôts, mais il veut réduire les dépenses.", "fr"),
        ("O governo anunciou que não vai aumentar os impostos, mas que vai rever as despesas.", "pt"),
        ("Il governo ha annunciato che non aumenterà le tasse, ma che rivedrà la spesa delle regioni.", "it"),
    ],
)
def test_guess_language(text: str, lang: str) -> None:
    assert guess_language(text) == lang


@pytest.mark.parametrize("text", ["", "12345 67890", "政府は月曜日に税金を上げないと発表した。", "Home | News | 2024"])
def test_guess_language_none_without_evidence(text: str) -> None:
    assert guess_language(text) is None


def test_prose_is_denser_than_chrome() -> None:
    prose = "He said that the council would not be able to pay for the repairs this year."
    menu = "Home News Sport Weather Business Technology Culture Travel"
    assert stopword_density(prose, "en") > 0.3 > stopword_density(menu, "en")


def test_unknown_language_has_no_stopwords() -> None:
    assert stopwords("xx") == frozenset()
    assert stopword_density("the the the", "xx") == 0.0


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_guess_language_total(text: str) -> None:
    assert guess_language(text) in (*LANGUAGES, None)
    for lang in ("en", "ru"):
        assert 0.0 <= stopword_density(text, lang) <= 1.0


CP1252_CHARS = "".join(
    ch for ch in map(chr, range(0x3000)) if ch.encode("cp1252", "ignore") or ch.encode("latin-1", "ignore")
)


def encoded_words(text: str) -> list[bytes] | None:
    """:func:`words` encoded in Latin-1 or cp1252 (the same bytes for letters and digits), if either fits."""
    for encoding in ("latin-1", "cp1252"):
        try:
            text.encode(encoding)
        except UnicodeEncodeError:
            continue
        return [w.encode(encoding) for w in words(text)]
    return None


@pytest.mark.parametrize("char", list(CP1252_CHARS))
def test_cp1252_words_of_every_character(char: str) -> None:
    for text in (char, f"A{char}b", f"{char}{char.upper()} x", f"\u0436{char}"):
        assert cp1252_words(text) == encoded_words(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(CP1252_CHARS + " \n\t_-'\u201c\u2019Łżč\u0436\u4e00"), max_size=80))
def test_cp1252_words_agree_with_words(text: str) -> None:
    assert cp1252_words(text) == encoded_words(text)


def test_cp1252_stopwords_are_the_encodable_ones() -> None:
    for lang in LANGUAGES:
        expected = set()
        for word in stopwords(lang):
            with contextlib.suppress(UnicodeEncodeError):
                expected.add(word.encode("cp1252"))
        assert cp1252_stopwords(lang) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x600) | st.sampled_from("\u1e00\u2019\u4e00\ud800"), max_size=40))
def test_letter_counts_match_the_scripts(text: str) -> None:
    cyr = len(re.findall(r"[\u0400-\u04ff]", text))
    lat = len(re.findall(r"[A-Za-z\u00c0-\u024f]", text))
    # the Latin letters are counted only when there are Cyrillic ones; else only "any" matters
    expected = (cyr, lat) if cyr else (0, min(lat, 1))
    assert _letters(text) == expected
