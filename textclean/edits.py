"""Edits and offset bookkeeping: the one place where offsets live.

A pass never rewrites text itself.  It proposes :class:`Change` objects against
the text it was shown; the pipeline applies them with :class:`EditLog`, which
keeps the current text as a sequence of *pieces* — runs copied verbatim from
the original, and runs produced by an edit — so that every change can be
reported against the **original** text, however many passes ran before it.

The final report is a tuple of :class:`Edit` values that are sorted, never
overlap, and carry their original span, the removed text and the replacement.
Replaying them on the input gives the output (:func:`apply_edits`); inverting
them on the output gives the input back (:func:`restore`).

>>> log = EditLog("Hello  world")
>>> log.apply([Change(5, 7, " ", "collapse-spaces")], pass_name="structure")
1
>>> log.text
'Hello world'
>>> [(e.start, e.end, e.removed, e.replacement) for e in log.edits()]
[(5, 7, '  ', ' ')]
>>> restore(log.text, log.edits()) == "Hello  world"
True
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import pairwise

import attrs

__all__ = [
    "Change",
    "Edit",
    "EditLog",
    "OverlapError",
    "apply_changes",
    "apply_edits",
    "resolve_overlaps",
    "restore",
]


class OverlapError(ValueError):
    """Raised when edits handed to :func:`apply_edits` overlap or are unsorted."""


@attrs.frozen(slots=True)
class Change:
    """A change proposed by a pass, in the coordinates of the text the pass saw.

    ``start``/``end`` delimit the span to replace (``start == end`` inserts),
    ``replacement`` is the new text and ``rule`` the id of the rule that fired.
    """

    start: int
    end: int
    replacement: str
    rule: str

    def __attrs_post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}:{self.end} for rule {self.rule!r}")


@attrs.frozen(slots=True)
class Edit:
    """One change in the final report, against the **original** text.

    ``removed`` is ``original[start:end]``; ``replacement`` is what stands in
    its place in the output.  ``pass_name`` and ``rule`` name what made the
    change; when a later pass rewrote text an earlier pass had produced, the
    edits are merged and ``merged`` lists the earlier ``pass:rule`` ids.
    """

    start: int
    end: int
    replacement: str
    removed: str
    pass_name: str
    rule: str
    merged: tuple[str, ...] = ()

    @property
    def is_removal(self) -> bool:
        """True when the edit deletes text without putting anything visible back."""
        return not self.replacement.strip()

    @property
    def qualified_rule(self) -> str:
        """``pass_name:rule``, the key the per-rule counters use."""
        return f"{self.pass_name}:{self.rule}"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (used by the CLI's ``--report``)."""
        out: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "removed": self.removed,
            "replacement": self.replacement,
            "pass": self.pass_name,
            "rule": self.rule,
        }
        if self.merged:
            out["merged"] = list(self.merged)
        return out


def resolve_overlaps(changes: Iterable[Change]) -> list[Change]:
    """Sort changes and drop any that overlap an earlier, wider one.

    Deterministic: ties go to the change that starts first, then to the longer
    one.  Zero-width insertions at the same point as another change are kept
    before it.

    >>> [c.rule for c in resolve_overlaps([Change(2, 4, "", "b"), Change(0, 5, "", "a")])]
    ['a']
    """
    ordered = sorted(changes, key=lambda c: (c.start, -(c.end - c.start), c.rule))
    kept: list[Change] = []
    last_end = -1
    for change in ordered:
        if change.start < last_end:
            continue
        if change.start == change.end and kept and kept[-1].start == change.start == kept[-1].end:
            continue  # two insertions at one point: keep the first
        kept.append(change)
        last_end = max(last_end, change.end)
    return kept


class _Piece:
    """A run of the current text: ``text`` stands for ``original[ostart:oend]``."""

    __slots__ = ("edited", "merged", "oend", "ostart", "pass_name", "rule", "size", "text")

    def __init__(  # noqa: PLR0917 - a hot internal constructor
        self,
        ostart: int,
        oend: int,
        text: str,
        edited: bool,
        pass_name: str = "",
        rule: str = "",
        merged: tuple[str, ...] = (),
    ) -> None:
        self.ostart = ostart
        self.oend = oend
        self.text = text  # the replacement, for edited runs; empty for copies
        self.edited = edited
        self.pass_name = pass_name
        self.rule = rule
        self.merged = merged
        self.size = len(text) if edited else oend - ostart  # length in the current text


def coalesce(changes: list[Change]) -> list[Change]:
    """Fuse runs of adjacent deletions of one rule into one change (sorted, disjoint input).

    A block of twenty menu lines is one edit of ``chrome:menu``, not twenty.

    >>> coalesce([Change(0, 4, "", "menu"), Change(4, 9, "", "menu"), Change(9, 12, "", "ad")])
    [Change(start=0, end=9, replacement='', rule='menu'), Change(start=9, end=12, replacement='', rule='ad')]
    """
    out: list[Change] = []
    run: list[Change] = []  # adjacent deletions of one rule, fused when the run ends
    for change in changes:
        if (
            run
            and run[-1].end == change.start
            and run[-1].rule == change.rule
            and not run[-1].replacement
            and not change.replacement
            and change.start < change.end
        ):
            run.append(change)
            continue
        if run:
            out.append(run[0] if len(run) == 1 else Change(run[0].start, run[-1].end, "", run[0].rule))
        run = [change]
    if run:
        out.append(run[0] if len(run) == 1 else Change(run[0].start, run[-1].end, "", run[0].rule))
    return out


class EditLog:
    """The current text of a pipeline run and how it maps back to the original.

    Work per :meth:`apply` is linear in the text length plus the number of
    pieces; no quadratic string rebuilding.
    """

    __slots__ = ("_cur_starts", "_pieces", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self._pieces: list[_Piece] = [_Piece(0, len(original), "", False)] if original else []
        self._cur_starts: list[int] = [0] if original else []

    # -- mapping ---------------------------------------------------------
    def to_original(self, pos: int) -> int:
        """Map an offset in the current text to an offset in the original.

        Inside an edited run the position maps to that run's start (or end, at
        its very end); inside a copied run it maps exactly.
        """
        if not self._pieces:
            return 0
        if pos >= len(self.text):
            return len(self.original)
        i = bisect.bisect_right(self._cur_starts, pos) - 1
        while i > 0 and self._pieces[i].size == 0:
            i -= 1
        piece = self._pieces[i]
        off = pos - self._cur_starts[i]
        if not piece.edited:
            return piece.ostart + off
        return piece.ostart if off < piece.size else piece.oend

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a current ``[start, end)`` span to the smallest original span covering it."""
        ostart = self.to_original(start)
        if end <= start or not self._pieces:
            return ostart, ostart
        i = bisect.bisect_right(self._cur_starts, end - 1) - 1
        piece = self._pieces[i]
        oend = piece.oend if piece.edited else piece.ostart + (end - self._cur_starts[i])
        return ostart, max(ostart, oend)

    # -- applying --------------------------------------------------------
    def apply(self, changes: Sequence[Change], *, pass_name: str) -> int:
        """Apply one pass's changes (current-text coordinates); return how many took.

        Overlapping changes are resolved with :func:`resolve_overlaps`.  A change
        that cuts into text an earlier edit produced absorbs that whole edit, so
        the report stays a set of disjoint spans of the original.
        """
        text = self.text
        size = len(text)
        # a deletion of a non-empty span always changes the text (no slice needed to tell)
        todo = [
            c
            for c in resolve_overlaps(changes)
            if c.end <= size and ((c.start < c.end and not c.replacement) or text[c.start : c.end] != c.replacement)
        ]
        if not todo:
            return 0
        applied = len(todo)
        todo = coalesce(todo)
        groups = self._group(todo)
        pieces = list(self._pieces)
        starts = list(self._cur_starts)
        n = len(pieces)
        out: list[_Piece] = []
        i = 0
        for s, e, replacement, rule, fused in groups:
            merged = [f"{pass_name}:{r}" for r in fused]
            heaviest: _Piece | None = None
            while i < n and starts[i] + pieces[i].size <= s:
                out.append(pieces[i])
                i += 1
            if i < n and starts[i] < s:  # a copied run straddles s: split it
                piece, k = pieces[i], s - starts[i]
                out.append(_Piece(piece.ostart, piece.ostart + k, "", False))
                pieces[i] = _Piece(piece.ostart + k, piece.oend, "", False)
                starts[i] = s
            ostart = pieces[i].ostart if i < n else len(self.original)
            oend = ostart
            while i < n and starts[i] < e and starts[i] + pieces[i].size <= e:
                piece = pieces[i]
                if piece.edited:
                    merged.append(f"{piece.pass_name}:{piece.rule}")
                    merged.extend(piece.merged)
                    if heaviest is None or piece.oend - piece.ostart > heaviest.oend - heaviest.ostart:
                        heaviest = piece
                oend = piece.oend
                i += 1
            if i < n and starts[i] < e:  # a copied run straddles e: split it
                piece, k = pieces[i], e - starts[i]
                oend = piece.ostart + k
                pieces[i] = _Piece(piece.ostart + k, piece.oend, "", False)
                starts[i] = e
            who, why = pass_name, rule
            if heaviest is not None and not replacement.strip() and not text[s:e].strip():
                # whitespace tidied around an earlier removal: the removal explains the edit
                who, why = heaviest.pass_name, heaviest.rule
                merged.insert(0, f"{pass_name}:{rule}")
            own = f"{who}:{why}"
            out.append(
                _Piece(
                    ostart,
                    oend,
                    replacement,
                    True,
                    who,
                    why,
                    tuple(dict.fromkeys(m for m in merged if m != own)) if merged else (),
                )
            )
        out.extend(pieces[i:])
        self._install(out, todo)
        return applied

    def _group(self, todo: list[Change]) -> list[tuple[int, int, str, str, list[str]]]:
        """Widen changes to whole earlier edits they cut into; fuse those that then overlap."""
        if not any(piece.edited for piece in self._pieces) or (
            not self._cuts_into_edit(todo) and not any(a.start == a.end == b.start for a, b in pairwise(todo))
        ):  # nothing to absorb, nothing to fuse
            return [(c.start, c.end, c.replacement, c.rule, []) for c in todo]
        text = self.text
        widened: list[tuple[int, int, Change]] = []
        for change in todo:
            s, e = change.start, change.end
            i = bisect.bisect_right(self._cur_starts, s) - 1
            if i >= 0:
                piece, p0 = self._pieces[i], self._cur_starts[i]
                if piece.edited and p0 < s < p0 + piece.size:
                    s = p0
                    e = max(e, p0 + piece.size) if change.start == change.end else e
            if change.end > change.start:
                j = bisect.bisect_right(self._cur_starts, change.end - 1) - 1
                piece, p0 = self._pieces[j], self._cur_starts[j]
                if piece.edited and p0 < change.end < p0 + piece.size:
                    e = p0 + piece.size
            widened.append((s, e, change))
        groups: list[tuple[int, int, str, str, list[str]]] = []
        k = 0
        while k < len(widened):
            s, e, first = widened[k]
            members = [first]
            k += 1
            while k < len(widened) and (widened[k][0] < e or (widened[k][0] == e == s)):
                e = max(e, widened[k][1])
                members.append(widened[k][2])
                k += 1
            chunks = [text[s : members[0].start]]
            for a, b in zip(members, [*members[1:], None], strict=True):
                chunks.append(a.replacement)
                chunks.append(text[a.end : (b.start if b is not None else e)])
            groups.append((s, e, "".join(chunks), first.rule, [m.rule for m in members[1:]]))
        return groups

    def _cuts_into_edit(self, todo: list[Change]) -> bool:
        """Whether a change (sorted, disjoint) starts or ends strictly inside an edited run.

        One merge-like sweep over the changes and the edited runs of two or more
        characters (a shorter run has no inside).
        """
        runs = [
            (p0, p0 + piece.size)
            for piece, p0 in zip(self._pieces, self._cur_starts, strict=True)
            if piece.edited and piece.size > 1
        ]
        if not runs:
            return False
        k, last = 0, len(runs)
        for change in todo:
            for pos in (change.start, change.end):
                while k < last and runs[k][1] <= pos:
                    k += 1
                if k == last:
                    return False
                if runs[k][0] < pos:
                    return True
        return False

    def _install(self, pieces: list[_Piece], todo: list[Change]) -> None:
        # rebuild the text once from the old text and the changes (linear)
        chunks: list[str] = []
        pos = 0
        for change in todo:
            chunks.append(self.text[pos : change.start])
            chunks.append(change.replacement)
            pos = change.end
        chunks.append(self.text[pos:])
        self.text = "".join(chunks)
        normal = _normalise(pieces, self.original)
        self._pieces = normal
        starts: list[int] = []
        pos = 0
        for piece in normal:
            starts.append(pos)
            pos += piece.size
        self._cur_starts = starts
        if pos != len(self.text):  # pragma: no cover - internal invariant
            raise AssertionError("edit log out of step with text")

    def edits(self) -> tuple[Edit, ...]:
        """The report: disjoint edits against the original, in order."""
        return tuple(
            Edit(p.ostart, p.oend, p.text, self.original[p.ostart : p.oend], p.pass_name, p.rule, p.merged)
            for p in self._pieces
            if p.edited
        )


def _normalise(pieces: list[_Piece], original: str) -> list[_Piece]:
    """Drop empty copies, join adjacent copies, and turn no-op edits back into copies."""
    out: list[_Piece] = []
    for piece in pieces:
        if piece.edited and piece.text == original[piece.ostart : piece.oend]:
            piece = _Piece(piece.ostart, piece.oend, "", False)
        if not piece.edited and piece.size == 0:
            continue
        if out and not piece.edited and not out[-1].edited:
            prev = out[-1]
            out[-1] = _Piece(prev.ostart, piece.oend, "", False)
            continue
        out.append(piece)
    return out


def _check_sorted(edits: Sequence[Edit], length: int) -> None:
    last = 0
    for edit in edits:
        if edit.start < last or edit.end < edit.start or edit.end > length:
            raise OverlapError(f"edits overlap or are out of range at {edit.start}:{edit.end}")
        last = edit.end


def apply_changes(text: str, changes: Iterable[Change]) -> str:
    """Apply one pass's changes to ``text`` (overlaps resolved as the pipeline does).

    The pure-function form of a pass: ``apply_changes(text, pass_changes(text))``.

    >>> apply_changes("a  b!", [Change(1, 3, " ", "spaces"), Change(4, 5, "", "bang")])
    'a b'
    """
    chunks: list[str] = []
    pos = 0
    for change in resolve_overlaps(changes):
        chunks.append(text[pos : change.start])
        chunks.append(change.replacement)
        pos = change.end
    chunks.append(text[pos:])
    return "".join(chunks)


def apply_edits(original: str, edits: Sequence[Edit]) -> str:
    """Replay a report on the original text; returns the cleaned text.

    >>> apply_edits("a  b", [Edit(1, 3, " ", "  ", "structure", "spaces")])
    'a b'
    """
    _check_sorted(edits, len(original))
    chunks: list[str] = []
    pos = 0
    for edit in edits:
        chunks.append(original[pos : edit.start])
        chunks.append(edit.replacement)
        pos = edit.end
    chunks.append(original[pos:])
    return "".join(chunks)


def restore(cleaned: str, edits: Sequence[Edit]) -> str:
    """Invert a report on the cleaned text; returns the original text.

    >>> restore("a b", [Edit(1, 3, " ", "  ", "structure", "spaces")])
    'a  b'
    """
    chunks: list[str] = []
    pos = 0  # position in cleaned
    delta = 0  # cleaned offset - original offset
    for edit in edits:
        out_start = edit.start + delta
        chunks.append(cleaned[pos:out_start])
        chunks.append(edit.removed)
        pos = out_start + len(edit.replacement)
        delta += len(edit.replacement) - (edit.end - edit.start)
    chunks.append(cleaned[pos:])
    return "".join(chunks)
