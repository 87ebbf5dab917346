"""Language data: stop-word lists shipped as package data and a cheap language guess.

Stop words are the frequent function words of a language ("the", "und",
"что").  Prose is full of them and page chrome (menus, link lists, bylines,
tag clouds) has few, which makes *stop-word density* — the share of a line's
words that are stop words — the strongest plain-text signal that a line is
article text.  One file per language lives in ``textclean/langdata/stopwords/``
(one lower-case word per line, ``#`` starts a comment line).

>>> from textclean.langdata import guess_language, stopwords, stopword_density
>>> "the" in stopwords("en"), "und" in stopwords("de")
(True, True)
>>> guess_language("Der Hund und die Katze sind nicht im Haus, sondern auf der Straße.")
'de'
>>> guess_language("Он сказал, что это было не так.")
'ru'
>>> guess_language("12345 67890") is None
True
>>> round(stopword_density("The cat sat on the mat", "en"), 2)
0.5
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from importlib import resources

__all__ = [
    "LANGUAGES",
    "guess_language",
    "stopword_density",
    "stopword_index",
    "stopwords",
    "words",
]

#: Languages with a shipped stop-word list.
LANGUAGES: tuple[str, ...] = ("de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru")

_WORD = re.compile(r"[^\W_]+")
# The same tokens as _WORD in text without "_", found faster.
_WORD_FAST = re.compile(r"\w+")
# Runs of letters: counting their lengths is cheaper than one match per letter.
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (runs of letters and digits).

    >>> words("It's 5 o'clock, Mr. Müller!")
    ['it', 's', '5', 'o', 'clock', 'mr', 'müller']
    """
    return _WORD.findall(text.lower())


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The stop words of ``lang`` (an ISO 639-1 code); unknown languages give an empty set.

    >>> len(stopwords("fr")) > 50, stopwords("xx")
    (True, frozenset())
    """
    if lang not in LANGUAGES:
        return frozenset()
    data = resources.files(__package__).joinpath("stopwords", f"{lang}.txt").read_text(encoding="utf-8")
    return frozenset(w for w in (line.strip() for line in data.splitlines()) if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def stopword_index() -> dict[str, int]:
    """Word -> bit mask of the languages (bit ``i`` is ``LANGUAGES[i]``) whose list holds it."""
    index: dict[str, int] = {}
    for bit, lang in enumerate(LANGUAGES):
        for word in stopwords(lang):
            index[word] = index.get(word, 0) | (1 << bit)
    return index


def stopword_density(text: str, lang: str) -> float:
    """Share of the words of ``text`` that are stop words of ``lang`` (0.0 for no words)."""
    toks = words(text)
    if not toks:
        return 0.0
    stops = stopwords(lang)
    return sum(1 for t in toks if t in stops) / len(toks)


def guess_language(text: str, *, sample: int = 8000, min_hits: int = 3) -> str | None:
    """Guess the language of ``text`` from stop-word hits in its first ``sample`` characters.

    Cyrillic text is taken as Russian (the one Cyrillic list shipped).  Returns
    ``None`` when fewer than ``min_hits`` stop words (or fewer than one word in
    twenty) of the best language occur: no shipped language fits (Chinese,
    Korean, ...).
    """
    head = text[:sample]
    if _CYRILLIC.search(head) is None:
        cyr = 0
        lat = 0 if _LATIN.search(head) is None else 1  # only "is there any" matters now
    else:
        cyr = sum(map(len, _CYRILLIC.findall(head)))
        lat = sum(map(len, _LATIN.findall(head)))
    toks = (_WORD if "_" in head else _WORD_FAST).findall(head.lower()) if cyr or lat else []
    if cyr > lat:
        return "ru" if sum(map(stopwords("ru").__contains__, toks)) >= min_hits else None
    if lat == 0:
        return None
    index = stopword_index()
    counts = [0] * len(LANGUAGES)
    masks = Counter(map(index.get, toks))
    masks.pop(None, None)
    for mask, n in masks.items():
        for bit in range(len(LANGUAGES)):
            if mask >> bit & 1:  # type: ignore[operator]
                counts[bit] += n
    best = max(range(len(LANGUAGES)), key=lambda i: (counts[i], -i))
    return LANGUAGES[best] if counts[best] >= max(min_hits, len(toks) // 20) else None
