"""Seeded, reproducible samples from the same generators as :mod:`~textclean.testing.strategies`.

For measurements rather than properties: recovery rates, benchmarks, fixtures.
Example ``i`` of a sample depends only on ``seed`` and ``i``, so a longer
sample starts with the shorter one, and results are identical across runs and
machines.  No Hypothesis involved.

>>> from textclean.testing import samples
>>> docs = samples.scraped_documents(3, seed=1, lang="en")
>>> [d.lang for d in docs]
['en', 'en', 'en']
>>> samples.scraped_documents(2, seed=1, lang="en") == docs[:2]
True
"""

from __future__ import annotations

from collections.abc import Iterable

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
from textclean.testing._grammar import RandomChooser

__all__ = ["articles", "artifacts", "dates", "repeated_passages", "scraped_documents"]


def _chooser(seed: int | str, i: int) -> RandomChooser:
    return RandomChooser(f"{seed}:{i}")


def articles(n: int, *, seed: int | str = 0, lang: str | None = None) -> list[str]:
    """``n`` clean articles (see :func:`textclean.testing.strategies.articles`)."""
    lang = check_lang(lang)
    return [gen_article(_chooser(seed, i), lang) for i in range(n)]


def artifacts(
    n: int,
    *,
    seed: int | str = 0,
    kinds: Iterable[ArtifactKind | str] | ArtifactKind | str | None = None,
    lang: str | None = None,
) -> list[Artifact]:
    """``n`` artifacts of the given kinds (default: all)."""
    lang, ks = check_lang(lang), parse_kinds(kinds)
    out = []
    for i in range(n):
        ch = _chooser(seed, i)
        out.append(gen_artifact(ch, ks[ch.index(len(ks))], lang))
    return out


def scraped_documents(
    n: int,
    *,
    seed: int | str = 0,
    kinds: Iterable[ArtifactKind | str] | ArtifactKind | str | None = None,
    lang: str | None = None,
    max_artifacts: int = 5,
) -> list[ScrapedDocument]:
    """``n`` documents with artifacts injected (see :func:`textclean.testing.strategies.scraped_documents`)."""
    lang, ks = check_lang(lang), parse_kinds(kinds)
    return [gen_document(_chooser(seed, i), ks, lang, max_artifacts=max_artifacts) for i in range(n)]


def dates(n: int, *, seed: int | str = 0, lang: str | None = None) -> list[DateSample]:
    """``n`` texts with one date expression each."""
    lang = check_lang(lang)
    return [gen_date(_chooser(seed, i), lang) for i in range(n)]


def repeated_passages(n: int, *, seed: int | str = 0, lang: str | None = None) -> list[RepeatedPassages]:
    """``n`` texts with a passage repeated verbatim."""
    lang = check_lang(lang)
    return [gen_repeated(_chooser(seed, i), lang) for i in range(n)]
