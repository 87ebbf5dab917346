"""Hypothesis strategies for scraped news text, in English and Russian.

Every strategy returns a typed :class:`~hypothesis.strategies.SearchStrategy`
built from Hypothesis draws, so failing examples shrink: towards fewer
paragraphs, fewer artifacts, and the first (simplest) alternative of every
grammar rule.  Text comes from grammars and word lists in
``textclean/testing/data/``, not from real pages, so a cleaner tested on it
has to generalise.

>>> from hypothesis import given, settings
>>> from textclean.testing import strategies
>>> @settings(max_examples=5, database=None)
... @given(strategies.scraped_documents(kinds=["share"], lang="ru"))
... def test_spans(doc):
...     assert all(doc.noisy[a.start : a.end] == a.text for a in doc.artifacts)
>>> test_spans()

``ArtifactKind`` names the kinds; ``kinds=`` accepts its members or their
string values (``"ad"``, ``"read-also"``, …).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from textclean.testing._generate import (
    Artifact,
    ArtifactKind,
    DateSample,
    RepeatedPassages,
    ScrapedDocument,
    check_lang,
    gen_article,
    gen_artifact,
    gen_date,
    gen_document,
    gen_repeated,
    parse_kinds,
)
from textclean.testing._grammar import Chooser

__all__ = [
    "ArtifactKind",
    "articles",
    "artifacts",
    "dates",
    "repeated_passages",
    "scraped_documents",
]

T = TypeVar("T")

Kinds = Iterable[ArtifactKind | str] | ArtifactKind | str | None


class _DrawChooser:
    """A chooser whose every choice is a Hypothesis draw (so it shrinks)."""

    __slots__ = ("draw",)

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw

    def index(self, n: int) -> int:
        return self.draw(st.integers(0, n - 1)) if n > 1 else 0

    def integer(self, lo: int, hi: int) -> int:
        return self.draw(st.integers(lo, hi)) if hi > lo else lo

    def chance(self, percent: int) -> bool:
        # 0 (the shrink target) means False
        return self.draw(st.integers(0, 99)) >= 100 - percent

    def many(self, element: Callable[[Chooser], T], lo: int, hi: int) -> list[T]:
        return self.draw(st.lists(_element(element), min_size=lo, max_size=hi))


@st.composite
def _element(draw: st.DrawFn, element: Callable[[Chooser], T]) -> T:
    return element(_DrawChooser(draw))


def _check_lang(lang: str | None) -> None:
    try:
        check_lang(lang)
    except ValueError as exc:
        raise InvalidArgument(f"lang={lang!r}: {exc}") from None


def _check_kinds(kinds: Kinds) -> tuple[ArtifactKind, ...]:
    try:
        return parse_kinds(kinds)
    except ValueError as exc:
        raise InvalidArgument(str(exc)) from None


@st.composite
def _articles(draw: st.DrawFn, lang: str | None, low: int, high: int) -> str:
    return gen_article(_DrawChooser(draw), lang, min_paragraphs=low, max_paragraphs=high)


@st.composite
def _artifacts(draw: st.DrawFn, kinds: tuple[ArtifactKind, ...], lang: str | None) -> Artifact:
    ch = _DrawChooser(draw)
    return gen_artifact(ch, kinds[ch.index(len(kinds))], lang)


@st.composite
def _documents(draw: st.DrawFn, kinds: tuple[ArtifactKind, ...], lang: str | None, most: int) -> ScrapedDocument:
    return gen_document(_DrawChooser(draw), kinds, lang, max_artifacts=most)


@st.composite
def _dates(draw: st.DrawFn, lang: str | None) -> DateSample:
    return gen_date(_DrawChooser(draw), lang)


@st.composite
def _repeats(draw: st.DrawFn, lang: str | None) -> RepeatedPassages:
    return gen_repeated(_DrawChooser(draw), lang)


def articles(lang: str | None = None, *, min_paragraphs: int = 1, max_paragraphs: int = 6) -> SearchStrategy[str]:
    """Realistic news prose with no artifacts, already in clean form.

    Paragraphs are separated by one blank line; lines inside a paragraph
    (numbered lists, dialogue) by one newline.  The prose is built to trip
    naive cleaners: artifact trigger words inside sentences (``Share prices
    fell``, ``Подписаться на петицию успели…``, ``He declined to comment``),
    one-line paragraphs and subheadings, numbered and bulleted lists, quotes,
    dialogue lines, dates inside sentences, Latin names in Russian text and
    Cyrillic ones in English.  ``lang`` is ``"en"``, ``"ru"`` or ``None``
    (either).  A correct cleaner returns these texts unchanged.
    """
    _check_lang(lang)
    if not 1 <= min_paragraphs <= max_paragraphs:
        raise InvalidArgument(f"need 1 <= min_paragraphs <= max_paragraphs, got {min_paragraphs}, {max_paragraphs}")
    return _articles(lang, min_paragraphs, max_paragraphs)


def artifacts(kinds: Kinds = None, lang: str | None = None) -> SearchStrategy[Artifact]:
    """One scraping artifact (``.text``, ``.kind``, ``.lang``) of the given kinds (default: all)."""
    _check_lang(lang)
    return _artifacts(_check_kinds(kinds), lang)


def scraped_documents(
    kinds: Kinds = None, lang: str | None = None, *, max_artifacts: int = 5
) -> SearchStrategy[ScrapedDocument]:
    """Prose with 1..``max_artifacts`` artifacts injected at line level.

    ``.noisy`` is what a scraper returns, ``.clean`` what a correct cleaner
    returns (the prose paragraphs, one blank line between them; metadata
    headers are lifted out, so they are not in ``.clean``), ``.artifacts``
    each injected piece with ``.kind`` and its ``.start``/``.end`` in
    ``.noisy``.  With ``lang=None`` a few artifacts come in the other
    language, as on translated pages.
    """
    _check_lang(lang)
    if max_artifacts < 1:
        raise InvalidArgument(f"max_artifacts={max_artifacts}: must be at least 1")
    return _documents(_check_kinds(kinds), lang, max_artifacts)


def dates(lang: str | None = None) -> SearchStrategy[DateSample]:
    """A sentence or header line with one date expression.

    ``.text[.start:.end]`` is the expression and ``.value`` its ISO form
    (``2023-03-05``, or ``2023-03-05T14:30`` when a time is given).  Formats
    include ``March 5, 2023``, ``5th March 2023``, ``Sunday, March 5, 2023 at
    2:30 p.m.``, ``5 марта 2023 года``, ``05.03.2023 14:30``,
    ``14:30, 5 марта 2023`` and ISO dates.
    """
    _check_lang(lang)
    return _dates(lang)


def repeated_passages(lang: str | None = None) -> SearchStrategy[RepeatedPassages]:
    """Prose where one paragraph recurs verbatim later; ``.repeats`` are the later copies' spans."""
    _check_lang(lang)
    return _repeats(lang)
