"""Stop-word data and the language guess."""

from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.langdata import LANGUAGES, guess_language, stopword_density, stopwords, words


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
