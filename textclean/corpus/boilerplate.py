"""Corpus-learned boilerplate: lines that recur across many pages of one site are chrome.

A page on its own cannot tell its footer from its last paragraph; a hundred
pages of the same site can.  :class:`BoilerplateModel` counts, per site, in
how many documents each normalised line occurs (as CCNet does with paragraph
hashes); lines seen in at least ``min_docs`` documents (and ``min_share`` of
the site's documents) are boilerplate.  The model is an explicit object the
caller owns: learn it once on a corpus, save it, load it, and apply it with
the :class:`RemoveBoilerplate` pass.

Lines are normalised before hashing (lower case, digits as ``0``, runs of
whitespace as one space), so "© 2019 Example" and "© 2020 Example" count as
one line.  Only hashes are stored, never the text.  A long line (``long_chars``
or more) counts as boilerplate only when it recurs in ``long_share`` of the
site's pages: a legal notice under every page goes, a paragraph quoted by a
few articles stays.

>>> from textclean.corpus.boilerplate import BoilerplateModel, RemoveBoilerplate
>>> model = BoilerplateModel(min_docs=2)
>>> for n in range(3):
...     model.add(f"Story number {n} is about something else entirely.\\nShare this article\\n"
...               "Copyright 2024 Example News", site="example.com")
>>> RemoveBoilerplate(model=model)("A new story.\\nShare this article\\nCopyright 2025 Example News").text
'A new story.'
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from textclean.edits import Change
from textclean.passes.chrome import line_deletions
from textclean.pipeline import Document, Pass

__all__ = ["FORMAT", "VERSION", "BoilerplateModel", "ModelError", "RemoveBoilerplate", "normalise_line"]

#: The ``format`` field of a saved model.
FORMAT = "textclean-boilerplate"
#: The ``version`` field of a saved model; :meth:`BoilerplateModel.load` refuses newer ones.
VERSION = 1

_DIGITS = re.compile(r"\d")
_SPACES = re.compile(r"\s+")


class ModelError(ValueError):
    """A model file that cannot be read; the message names the file."""


def normalise_line(line: str) -> str:
    """The form a line is hashed in: lower case, digits as ``0``, single spaces, stripped.

    >>> normalise_line("  © 2019   Example  News ")
    '© 0000 example news'
    """
    return _SPACES.sub(" ", _DIGITS.sub("0", line.lower())).strip()


def line_hash(line: str) -> str:
    """16 hex digits of BLAKE2b over the normalised line (stable across runs and machines)."""
    return hashlib.blake2b(normalise_line(line).encode("utf-8"), digest_size=8).hexdigest()


@attrs.define
class _Site:
    docs: int = 0
    counts: dict[str, int] = attrs.field(factory=dict)
    lengths: dict[str, int] = attrs.field(factory=dict)


@attrs.define
class BoilerplateModel:
    """Per-site document frequencies of normalised lines.

    ``min_docs``: a line must occur in at least this many documents of a site;
    ``min_share``: ... and in at least this share of them; ``long_chars`` /
    ``long_share``: a line this long must occur in this share of the site's
    documents; ``min_chars``: shorter lines (after stripping) are ignored.
    """

    min_docs: int = attrs.field(default=3, kw_only=True)
    min_share: float = attrs.field(default=0.05, kw_only=True)
    long_chars: int = attrs.field(default=200, kw_only=True)
    long_share: float = attrs.field(default=0.5, kw_only=True)
    min_chars: int = attrs.field(default=2, kw_only=True)
    sites: dict[str, _Site] = attrs.field(factory=dict, kw_only=True, repr=False)

    # -- learning ----------------------------------------------------------------------
    def add(self, text: str, *, site: str = "") -> None:
        """Count the distinct lines of one document of ``site``."""
        entry = self.sites.setdefault(site, _Site())
        entry.docs += 1
        seen: set[str] = set()
        for raw in text.split("\n"):
            line = raw.strip()
            if len(line) < self.min_chars:
                continue
            h = line_hash(line)
            if h in seen:
                continue
            seen.add(h)
            entry.counts[h] = entry.counts.get(h, 0) + 1
            if h not in entry.lengths:
                entry.lengths[h] = len(line)

    def learn(self, documents: Iterable[tuple[str, str]]) -> BoilerplateModel:
        """Add ``(text, site)`` pairs; returns ``self`` for chaining."""
        for text, site in documents:
            self.add(text, site=site)
        return self

    # -- querying ----------------------------------------------------------------------
    @property
    def documents(self) -> int:
        """Documents learned, over all sites."""
        return sum(s.docs for s in self.sites.values())

    def _is_boilerplate(self, site: _Site, h: str) -> bool:
        df = site.counts.get(h, 0)
        if df < self.min_docs or df < self.min_share * site.docs:
            return False
        return site.lengths.get(h, 0) < self.long_chars or df >= self.long_share * site.docs

    def boilerplate(self, site: str | None = None) -> frozenset[str]:
        """Hashes of the boilerplate lines of ``site`` (of every site when ``None``)."""
        names = self.sites if site is None else [site] if site in self.sites else []
        out: set[str] = set()
        for name in names:
            entry = self.sites[name]
            out.update(h for h in entry.counts if self._is_boilerplate(entry, h))
        return frozenset(out)

    def is_boilerplate(self, line: str, *, site: str | None = None) -> bool:
        """Whether ``line`` is boilerplate of ``site`` (of any site when ``None``)."""
        h = line_hash(line)
        names = self.sites if site is None else [site] if site in self.sites else []
        return any(self._is_boilerplate(self.sites[n], h) for n in names)

    def prune(self) -> BoilerplateModel:
        """Drop the counts that can never reach ``min_docs`` (learning more documents may still need them)."""
        for entry in self.sites.values():
            keep = {h: c for h, c in entry.counts.items() if c >= self.min_docs}
            entry.counts = keep
            entry.lengths = {h: entry.lengths[h] for h in keep}
        return self

    # -- files -------------------------------------------------------------------------
    def to_dict(self, *, prune: bool = True) -> dict[str, Any]:
        """The saved form (see :meth:`save`); ``prune`` leaves out lines below ``min_docs``."""
        sites: dict[str, Any] = {}
        for name, entry in sorted(self.sites.items()):
            hashes = sorted(h for h, c in entry.counts.items() if not prune or c >= self.min_docs)
            sites[name] = {"docs": entry.docs, "lines": {h: [entry.counts[h], entry.lengths[h]] for h in hashes}}
        return {
            "format": FORMAT,
            "version": VERSION,
            "normalisation": "lower, digits as 0, whitespace collapsed; blake2b-64 hex",
            "min_docs": self.min_docs,
            "min_share": self.min_share,
            "long_chars": self.long_chars,
            "long_share": self.long_share,
            "min_chars": self.min_chars,
            "sites": sites,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "model") -> BoilerplateModel:
        """Rebuild a model from :meth:`to_dict` output; raises :class:`ModelError` naming ``source``."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ModelError(f"{source}: not a textclean boilerplate model (no format {FORMAT!r})")
        version = data.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise ModelError(f"{source}: model version {version!r} is not supported (this build reads <= {VERSION})")
        try:
            model = cls(
                min_docs=int(data["min_docs"]),
                min_share=float(data["min_share"]),
                long_chars=int(data["long_chars"]),
                long_share=float(data["long_share"]),
                min_chars=int(data.get("min_chars", 2)),
            )
            for name, raw in data["sites"].items():
                entry = _Site(docs=int(raw["docs"]))
                for h, (count, length) in raw["lines"].items():
                    entry.counts[str(h)] = int(count)
                    entry.lengths[str(h)] = int(length)
                model.sites[str(name)] = entry
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelError(f"{source}: malformed model: {type(exc).__name__}: {exc}") from exc
        return model

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model as JSON (gzip JSON when the name ends in ``.gz``); atomic replace."""
        target = Path(path)
        payload = json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if target.name.endswith(".gz"):
            payload = gzip.compress(payload, mtime=0)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(payload)
        os.replace(tmp, target)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> BoilerplateModel:
        """Read a model written by :meth:`save` (plain or gzip JSON, detected from the content)."""
        source = os.fspath(path)
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise ModelError(f"{source}: cannot read: {exc.strerror or exc}") from exc
        try:
            if raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            data = json.loads(raw.decode("utf-8"))
        except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ModelError(f"{source}: not JSON or gzip JSON: {exc}") from exc
        return cls.from_dict(data, source=source)


def boilerplate_changes(text: str, hashes: frozenset[str], *, min_chars: int = 2) -> Iterator[Change]:
    """Deletions of the whole lines of ``text`` whose hash is in ``hashes`` (rule ``site-boilerplate``)."""
    drops: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        line = raw.strip()
        if len(line) >= min_chars and line_hash(line) in hashes:
            drops.append((pos, end, "site-boilerplate"))
        pos = end + 1
    return line_deletions(text, drops)


@attrs.frozen(kw_only=True)
class RemoveBoilerplate(Pass):
    """Remove the lines a :class:`BoilerplateModel` knows as boilerplate (rule ``site-boilerplate``).

    ``site`` limits the model to one site's lines; by default the lines of
    every site in the model count (a model learned on one site's pages).
    The set of hashes is computed once, when the pass is made.
    """

    name = "boilerplate"

    model: BoilerplateModel = attrs.field(eq=False)
    site: str | None = None
    hashes: frozenset[str] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "hashes", self.model.boilerplate(self.site))

    def propose(self, doc: Document) -> list[Change]:
        if not self.hashes:
            return []
        return list(boilerplate_changes(doc.text, self.hashes, min_chars=self.model.min_chars))
