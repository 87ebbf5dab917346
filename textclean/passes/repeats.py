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

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Any

import attrs

from textclean.edits import Change
from textclean.pipeline import Document, Pass
from textclean.repeats import KINDS, Repeat, removal_span
from textclean.repeats._find import search
from textclean.repeats._spans import Tokens, near_seams

__all__ = ["RemoveRepeats", "remove_repeats", "repeat_changes"]

# Rounds of removal at most: each later round runs only when the one before removed something.
_ROUNDS = 8


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


class _Kept:
    """The text left after some removals, and the way back to the text's own offsets."""

    def __init__(self, text: str, removed: list[tuple[int, int]]) -> None:
        self.segments: list[tuple[int, int]] = []  # kept runs of ``text``
        pos = 0
        for s, e in removed:
            if s > pos:
                self.segments.append((pos, s))
            pos = max(pos, e)
        if pos < len(text) or not self.segments:
            self.segments.append((pos, len(text)))
        self.cum = list(accumulate((e - s for s, e in self.segments), initial=0))
        self.full = len(text)
        self.text = "".join(text[s:e] for s, e in self.segments)

    def seams(self) -> list[int]:
        """Offsets in the kept text where removed text was."""
        out = [c for c, (s, _) in zip(self.cum, self.segments, strict=False) if s > 0]
        out.extend(c for c, (_, e) in zip(self.cum[1:], self.segments, strict=False) if e < self.full)
        return sorted(set(out))

    def inverse(self, p: int) -> int:
        """Offset in the kept text of full-text offset ``p`` (or of the next kept character)."""
        k = bisect_right(self.segments, (p, len(self.text) + self.full + 1)) - 1
        if k < 0:
            return 0
        s, e = self.segments[k]
        return self.cum[k] + min(p, e) - s

    def pos(self, p: int) -> int:
        """Offset in the full text of the character at ``p`` in the kept text."""
        k = min(bisect_right(self.cum, p) - 1, len(self.segments) - 1)
        return self.segments[k][0] + p - self.cum[k]

    def span(self, s: int, e: int) -> tuple[int, int]:
        """A span of the kept text in full-text offsets (it may enclose removed runs)."""
        return (self.pos(s), self.pos(e - 1) + 1) if e > s else (self.pos(s), self.pos(s))


def _merged(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans, those separated by whitespace only merged."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or not text[out[-1][1] : s].strip()):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def remove_repeats(
    text: str, *, kinds: Iterable[str] = KINDS, max_rounds: int = _ROUNDS, **options: Any
) -> tuple[list[Repeat], list[Change]]:
    """Repeats found in ``text`` and the changes that remove those of ``kinds``, until none is left.

    Removing copies can leave another repeat behind (a passage that overlapped
    a removed copy, two lines brought next to each other), so the remaining
    text is searched again, up to ``max_rounds`` times, and the removals are
    merged into one set of disjoint changes against ``text``.  A later round
    runs the span search only near the seams the removals left and near the
    candidates set aside that may stand once the copies are gone; the cheap
    line checks run on the whole text every time.  Running the
    removal again on its own output therefore finds nothing to remove.
    Repeats are returned with offsets against ``text`` (a later round's copy
    may enclose text removed before); ``removed`` tells which were removed.

    >>> s = "The council announced plans to review the contract and the budget on Monday."
    >>> t = "A report was published by the ministry of finance late last week, officials said."
    >>> text = f"{s}\\n\\n{t} {s}\\n\\nOther news.\\n\\n{t} {s}"
    >>> found, changes = remove_repeats(text)
    >>> [(r.kind, r.removed) for r in found]
    [('exact', True), ('exact', True), ('exact', True)]
    >>> [(c.start, c.end) for c in changes]
    [(159, 236), (249, 332), (332, 409)]
    >>> RemoveRepeats()(text).text == f"{s}\\n\\n{t}\\n\\nOther news."
    True
    """
    wanted = _kinds(kinds)
    found_all: list[Repeat] = []
    changes: list[Change] = []  # disjoint, in full-text offsets
    recorded: set[tuple[int, int, str]] = set()
    kept = _Kept(text, [])
    focus: list[int] | None = None
    carried: Tokens | None = None  # the token stream of the kept text, when known
    for _ in range(max(1, max_rounds)):
        found, pending, toks = search(kept.text, focus=focus, tokens=carried, **options)
        if not found:
            break
        planned = repeat_changes(kept.text, found, kinds=wanted)
        removed = {id(r) for r, _ in planned}
        for r in found:
            s, e = kept.span(r.start, r.end)
            if id(r) not in removed and (s, e, r.kind) in recorded:
                continue  # kept in an earlier round and found again
            recorded.add((s, e, r.kind))
            ss, se = kept.span(r.source_start, r.source_end)
            found_all.append(attrs.evolve(r, start=s, end=e, source_start=ss, source_end=se, removed=id(r) in removed))
        if not planned:
            break
        for _, c in planned:
            s, e = kept.span(c.start, c.end)
            changes = [x for x in changes if not (s <= x.start and x.end <= e)]
            changes.append(Change(s, e, c.replacement, c.rule))
        changes.sort(key=lambda c: (c.start, c.end))
        # The next round looks again only near the candidates set aside that
        # may stand once these copies are gone, and near the seams the removals
        # left when a seed is there (a copy rejoined, a line now whole).  The
        # line checks always run on the whole text.
        points = [kept.pos(p) for p in pending]
        cuts = _merged(kept.text, [(c.start, c.end) for _, c in planned])
        seams = toks is not None and near_seams(toks, cuts)
        kept = _Kept(text, [(c.start, c.end) for c in changes])
        focus = sorted({*(kept.seams() if seams else ()), *map(kept.inverse, points)})
        # the span search of the next round runs only when there is a focus
        carried = toks.without(cuts, kept.text) if toks is not None and focus else None
    return found_all, changes


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
        found, changes = remove_repeats(
            doc.text,
            kinds=self.kinds if self.remove else (),
            min_chars=self.min_chars,
            min_words=self.min_words,
            min_similarity=self.min_similarity,
            min_words_unaligned=self.min_words_unaligned,
            lines=self.lines,
            headers=self.headers,
            labels=self.labels,
        )
        for r in found:
            s, e = doc.span_to_original(r.start, r.end)
            ss, se = doc.span_to_original(r.source_start, r.source_end)
            doc.repeats.append(attrs.evolve(r, start=s, end=e, source_start=ss, source_end=se))
        return changes
