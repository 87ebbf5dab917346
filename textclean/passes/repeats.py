"""Remove repeated passages inside a document (see :mod:`textclean.repeats`).

>>> from textclean.passes.repeats import RemoveRepeats
>>> title = "Power in Kazakhstan passes to the triumvirate"
>>> out = RemoveRepeats()(f"{title}\\n\\n{title}\\n\\nBody text.")
>>> out.text
'Power in Kazakhstan passes to the triumvirate\\n\\nBody text.'
>>> [(r.kind, r.start, r.source_start, r.removed) for r in out.repeats]
[('line', 47, 0, True)]
>>> out.restore() == f"{title}\\n\\n{title}\\n\\nBody text."
True
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from textclean.edits import Change
from textclean.pipeline import Document, Pass
from textclean.repeats import KINDS, Repeat, find, removal_span

__all__ = ["RemoveRepeats", "repeat_changes"]


def _kinds(value: Iterable[str]) -> tuple[str, ...]:
    """Kinds in the canonical order of ``KINDS`` (so the pass's repr is reproducible)."""
    kinds = set(value)
    unknown = kinds - set(KINDS)
    if unknown:
        raise ValueError(f"unknown repeat kinds {sorted(unknown)}; expected some of {KINDS}")
    return tuple(k for k in KINDS if k in kinds)


def repeat_changes(text: str, found: Iterable[Repeat], *, kinds: Iterable[str]) -> list[tuple[Repeat, Change]]:
    """The removal of each repeat whose kind is in ``kinds``; changes never overlap.

    >>> from textclean.repeats import Repeat
    >>> r = Repeat(5, 9, 0, 4, 1.0, "exact")
    >>> [(c.start, c.end, c.rule) for _, c in repeat_changes("Abcd Abcd!", [r], kinds={"exact"})]
    [(4, 9, 'repeat-exact')]
    """
    wanted = set(kinds)
    out: list[tuple[Repeat, Change]] = []
    last_end = 0
    for r in sorted(found, key=lambda r: (r.start, r.end)):
        if r.kind not in wanted:
            continue
        s, e, rep = removal_span(text, r.start, r.end)
        s = max(s, last_end, 0)
        e = max(e, s)
        if s >= r.end:
            continue
        out.append((r, Change(s, e, rep, f"repeat-{r.kind}")))
        last_end = e
    return out


@attrs.frozen(kw_only=True)
class RemoveRepeats(Pass):
    """Drop redundant copies of repeated passages and record them in ``result.repeats``.

    Options are those of :func:`textclean.repeats.find`, plus ``kinds`` (the
    kinds removed; others are only recorded) and ``remove`` (``False``
    records every repeat without touching the text).
    """

    name = "repeats"

    min_chars: int = 60
    min_words: int = 10
    min_similarity: float = 0.85
    min_words_unaligned: int = 30
    lines: bool = True
    headers: bool = True
    labels: bool = True
    kinds: tuple[str, ...] = attrs.field(default=KINDS, converter=_kinds)
    remove: bool = True

    def propose(self, doc: Document) -> list[Change]:
        text = doc.text
        found = find(
            text,
            min_chars=self.min_chars,
            min_words=self.min_words,
            min_similarity=self.min_similarity,
            min_words_unaligned=self.min_words_unaligned,
            lines=self.lines,
            headers=self.headers,
            labels=self.labels,
        )
        if not found:
            return []
        planned = repeat_changes(text, found, kinds=self.kinds) if self.remove else []
        removed = {id(r) for r, _ in planned}
        for r in found:
            s, e = doc.span_to_original(r.start, r.end)
            ss, se = doc.span_to_original(r.source_start, r.source_end)
            doc.repeats.append(
                attrs.evolve(r, start=s, end=e, source_start=ss, source_end=se, removed=id(r) in removed)
            )
        return [change for _, change in planned]
