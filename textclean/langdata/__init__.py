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
from codecs import charmap_encode
from collections import Counter
from encodings.cp1252 import encoding_table as cp1252_table
from functools import cache, lru_cache
from importlib import resources

__all__ = [
    "LANGUAGES",
    "cp1252_stopwords",
    "cp1252_words",
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
# Letters are counted in UTF-8, where a byte count is a C loop: the Cyrillic letters U+0400..U+04FF are
# exactly the characters whose lead byte is D0..D3, the Latin ones [A-Za-z\u00c0-\u024f] the ASCII
# letters, the characters led by C3..C8 (U+00C0..U+023F) and those led by C9 then 80..8F (U+0240..U+024F).
_NOT_CYRILLIC = bytes(sorted(set(range(256)) - set(range(0xD0, 0xD4))))
_NOT_LATIN = bytes(
    sorted(set(range(256)) - set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\xc3\xc4\xc5\xc6\xc7\xc8"))
)
_LATIN_C9 = re.compile(rb"\xc9[\x80-\x8f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


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


def _words_table(encoding: str) -> bytes:
    """Byte -> the byte of its lower case when it encodes a letter or digit, else a space."""
    table = bytearray(b" " * 256)
    for byte in range(256):
        try:
            char = bytes([byte]).decode(encoding)
        except UnicodeDecodeError:
            continue
        if _WORD.fullmatch(char):
            table[byte] = char.lower().encode(encoding)[0]
    return bytes(table)


# Text of the Western European languages (typographic quotes and dashes included) fits in cp1252, one
# byte a character, where lowercasing and splitting into words is one translation and a split.  Text in
# Latin-1 (most of it) is encoded fastest as such, and its letters and digits are cp1252's too.
_LATIN1_WORDS = _words_table("latin-1")
_CP1252_WORDS = _words_table("cp1252")


def _cp1252(text: str) -> bytes | None:
    try:
        return charmap_encode(text, "strict", cp1252_table)[0]
    except UnicodeEncodeError:
        return None


def cp1252_words(text: str) -> list[bytes] | None:
    """The tokens of :func:`words`, encoded in cp1252, or ``None`` when ``text`` has a character cp1252 lacks.

    Found several times faster than by :func:`words` (no regex, one byte a character).

    >>> cp1252_words("It's 5 o'clock, Mr. Müller!")
    [b'it', b's', b'5', b'o', b'clock', b'mr', b'm\\xfcller']
    >>> cp1252_words("“Œuvre”"), cp1252_words("Привет")
    ([b'\\x9cuvre'], None)
    """
    try:
        return text.encode("latin-1").translate(_LATIN1_WORDS).split()
    except UnicodeEncodeError:
        data = _cp1252(text)
        return None if data is None else data.translate(_CP1252_WORDS).split()


@cache
def cp1252_stopwords(lang: str) -> frozenset[bytes]:
    """The stop words of ``lang`` that cp1252 can encode, encoded (to match :func:`cp1252_words`).

    >>> b"und" in cp1252_stopwords("de"), cp1252_stopwords("ru")
    (True, frozenset())
    """
    return frozenset(b for b in map(_cp1252, stopwords(lang)) if b is not None)


@lru_cache(maxsize=1)
def _cp1252_index() -> dict[bytes, int]:
    """:func:`stopword_index` of the words that cp1252 can encode, encoded."""
    return {b: mask for word, mask in stopword_index().items() if (b := _cp1252(word)) is not None}


def stopword_density(text: str, lang: str) -> float:
    """Share of the words of ``text`` that are stop words of ``lang`` (0.0 for no words)."""
    toks = words(text)
    if not toks:
        return 0.0
    stops = stopwords(lang)
    return sum(1 for t in toks if t in stops) / len(toks)


def _letters(text: str) -> tuple[int, int]:
    """The number of Cyrillic letters of ``text``, and of Latin ones when there are Cyrillic ones (else 0 or 1).

    >>> _letters("Привет, world"), _letters("hello"), _letters("12")
    ((6, 5), (0, 1), (0, 0))
    """
    if text.isascii():
        return 0, 0 if _LATIN.search(text) is None else 1
    data = text.encode("utf-8", "surrogatepass")
    cyr = len(data.translate(None, _NOT_CYRILLIC))
    if not cyr:
        return 0, 0 if _LATIN.search(text) is None else 1  # only "is there any" matters now
    lat = len(data.translate(None, _NOT_LATIN))
    if b"\xc9" in data:
        lat += len(_LATIN_C9.findall(data))
    return cyr, lat


def guess_language(text: str, *, sample: int = 8000, min_hits: int = 3) -> str | None:
    """Guess the language of ``text`` from stop-word hits in its first ``sample`` characters.

    Cyrillic text is taken as Russian (the one Cyrillic list shipped).  Returns
    ``None`` when fewer than ``min_hits`` stop words (or fewer than one word in
    twenty) of the best language occur: no shipped language fits (Chinese,
    Korean, ...).
    """
    head = text[:sample]
    cyr, lat = _letters(head)
    if cyr > lat:
        toks = (_WORD if "_" in head else _WORD_FAST).findall(head.lower())
        return "ru" if sum(map(stopwords("ru").__contains__, toks)) >= min_hits else None
    if lat == 0:
        return None
    encoded = cp1252_words(head)
    if encoded is None:
        toks = (_WORD if "_" in head else _WORD_FAST).findall(head.lower())
        masks, total = Counter(filter(None, map(stopword_index().get, toks))), len(toks)
    else:
        masks, total = Counter(filter(None, map(_cp1252_index().get, encoded))), len(encoded)
    counts = [0] * len(LANGUAGES)
    for mask, n in masks.items():
        for bit in range(len(LANGUAGES)):
            if mask >> bit & 1:
                counts[bit] += n
    best = max(range(len(LANGUAGES)), key=lambda i: (counts[i], -i))
    return LANGUAGES[best] if counts[best] >= max(min_hits, total // 20) else None
