"""Span-level repeats on the word stream: seeds, chains, alignment, policy.

The text is split on whitespace into a stream of tokens (lower-cased).  Every
run of :data:`SEED` tokens is hashed; a run seen before is a *seed* pairing a
later position with its first and its previous occurrence (two pairs at most,
so the work stays linear however often a phrase recurs).  Seeds on one
diagonal (same distance between the copies) are chained into segments,
segments on nearby diagonals are joined (an inserted or dropped word shifts
the diagonal), the ends are extended word by word, and each candidate is
scored with a word-level Levenshtein alignment (rapidfuzz).  Most texts have
no seed at all, or only a few isolated ones, and leave after one pass over
the tokens.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import compress
from operator import add

import attrs
from rapidfuzz.distance import Levenshtein

__all__ = ["SEED", "Candidate", "Tokens", "span_candidates"]

#: Tokens per hashed seed.
SEED = 5
# Largest token gap between two seeds of one segment (an edited word breaks SEED seeds).
_GAP = SEED + 8
# Largest diagonal shift joined between neighbouring segments (inserted/dropped words).
_SHIFT = 4
# How far the ends of a candidate may grow beyond its seeds, in tokens.
_REACH = 2 * SEED + 6
# Segments examined when joining (they are sorted, so recent ones suffice).
_LOOKBACK = 8
# Above this many tokens a text almost always repeats some run of SEED words:
# the cheap early exit (a set) is skipped and the counts are built directly.
_BIG = 50_000
# How far below ``min_similarity`` a candidate may start, before its ends are trimmed.
_SLACK = 0.15
# A seed seen more often than this is boilerplate within the document: it is
# paired with its previous occurrence only.
_FREQUENT = 32

_TOKEN = re.compile(r"\S+")
#: Characters stripped from both ends of a token before comparing words.
PUNCT = "".join(
    [
        "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
        "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u2039\u203a",
        "\u2010\u2011\u2012\u2013\u2014\u2015\u2026\u00b7\u2022\u00a7\u00b6",
    ]
)
_CLOSERS = "\"'\u00bb\u201d\u2019\u203a)]}*"
_FINAL = (".", "!", "?", "\u2026")
_ELLIPSIS = ("...", "\u2026")


class Tokens:
    """The token stream of one text: lower-cased tokens, offsets on demand."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.low: list[str] = text.lower().split()
        self.starts: list[int] = []
        self.ends: list[int] = []
        self._lowercase: dict[str, bool] = {}

    def __len__(self) -> int:
        return len(self.low)

    def norm(self, i: int) -> str:
        """Token ``i`` lower-cased with punctuation stripped from its ends."""
        return self.low[i].strip(PUNCT)

    def norms(self, a: int, b: int) -> list[str]:
        """:meth:`norm` of tokens ``a`` to ``b`` (exclusive)."""
        return [t.strip(PUNCT) for t in self.low[a:b]]

    def locate(self) -> None:
        """Compute the character offsets of every token (done once, when a candidate needs them)."""
        if not self.starts:
            self.starts = list(map(re.Match.start, _TOKEN.finditer(self.text)))
            self.ends = list(map(add, self.starts, map(len, self.text.split())))

    def start(self, i: int) -> int:
        """Character offset where token ``i`` starts (after :meth:`locate`)."""
        return self.starts[i]

    def end(self, i: int) -> int:
        """Character offset where token ``i`` ends (after :meth:`locate`)."""
        return self.ends[i]

    def raw(self, i: int) -> str:
        """Token ``i`` as written (after :meth:`locate`)."""
        return self.text[self.starts[i] : self.ends[i]]

    def line_start(self, i: int) -> bool:
        """True when token ``i`` is the first on its line."""
        return i == 0 or "\n" in self.text[self.ends[i - 1] : self.starts[i]]

    def line_end(self, i: int) -> bool:
        """True when token ``i`` is the last on its line."""
        return i == len(self.low) - 1 or "\n" in self.text[self.ends[i] : self.starts[i + 1]]

    def opens_unit(self, i: int) -> bool:
        """True when a sentence, a line or a quoted/dashed turn starts at token ``i``."""
        if self.line_start(i):
            return True
        if self.raw(i)[:1].islower():
            return False  # "the U.S. ambassador": an abbreviation, not a sentence end
        prev = self.raw(i - 1).rstrip(_CLOSERS)
        return prev.endswith((*_FINAL, ":", ";")) or (not prev and self.closes_unit(i - 1))

    def closes_unit(self, i: int) -> bool:
        """True when a sentence or a line ends at token ``i``."""
        if self.line_end(i):
            return True
        word = self.raw(i).rstrip(_CLOSERS)
        if word.endswith(_FINAL):
            return True
        # a closing quote standing alone after the end of a sentence: 'here. ”'
        return not word and i > 0 and self.raw(i - 1).rstrip(_CLOSERS).endswith(_FINAL)

    def written_lower(self, word: str) -> bool:
        """True when ``word`` (lower-cased) occurs written in lower case somewhere in the text."""
        lw = word.lower()
        known = self._lowercase.get(lw)
        if known is None:
            known = re.search(rf"(?<!\w){re.escape(lw)}(?!\w)", self.text) is not None
            self._lowercase[lw] = known
        return known

    def ends_in_ellipsis(self, i: int) -> bool:
        """True when token ``i`` ends with ``...`` or ``…`` (closing quotes aside)."""
        return self.raw(i).rstrip(_CLOSERS).endswith(_ELLIPSIS)


@attrs.define(slots=True)
class Candidate:
    """A candidate pair of copies in token coordinates: ``[s0, s1)`` earlier, ``[t0, t1)`` later."""

    s0: int
    s1: int
    t0: int
    t1: int
    similarity: float = 0.0
    parts: list[Candidate] = attrs.field(factory=list, repr=False)


def _seed_pairs(low: list[str], min_shift: int) -> list[tuple[int, int]]:
    """``(diagonal, source)`` pairs of repeated seeds, sorted.

    Each later occurrence of a seed is paired with the first and with the
    previous occurrence only, so a phrase said a thousand times costs two
    pairs per occurrence, not a quadratic number.
    """
    n = len(low) - SEED + 1
    if n < 2:
        return []
    hashes = list(map(hash, zip(*(low[i:] for i in range(SEED)), strict=False)))
    if n < _BIG and len(set(hashes)) == n:
        return []  # the common case: no run of SEED words is said twice
    counts = Counter(hashes)
    if len(counts) == n:
        return []
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    pairs: list[tuple[int, int]] = []
    add = pairs.append
    setdefault = first.setdefault
    for j in compress(range(n), map((1).__lt__, map(counts.__getitem__, hashes))):
        h = hashes[j]
        f = setdefault(h, j)
        if f != j:
            p = last[h]
            if p == f:
                if j - f >= min_shift:
                    add((j - f, f))
            else:
                if j - f >= min_shift and counts[h] <= _FREQUENT:
                    add((j - f, f))
                if j - p >= min_shift:
                    add((j - p, p))
        last[h] = j
    pairs.sort()
    return pairs


def _segments(pairs: list[tuple[int, int]]) -> list[Candidate]:
    """Chain seeds on one diagonal; a chain never lets the copies overlap."""
    segs: list[Candidate] = []
    if not pairs:
        return segs
    d, i0 = pairs[0]
    il = i0
    for dd, i in pairs[1:]:
        if dd == d and i - il <= _GAP and i + SEED <= i0 + d:
            il = i
            continue
        segs.append(Candidate(i0, il + SEED, i0 + d, il + SEED + d))
        d, i0, il = dd, i, i
    segs.append(Candidate(i0, il + SEED, i0 + d, il + SEED + d))
    return segs


def _join(segs: list[Candidate]) -> list[Candidate]:
    """Join segments whose diagonals differ by a few words (insertions, deletions)."""
    segs.sort(key=lambda c: (c.t0, c.s0))
    out: list[Candidate] = []
    for seg in segs:
        dseg = seg.t0 - seg.s0
        for prev in reversed(out[-_LOOKBACK:]):
            dprev = prev.t0 - prev.s0
            if (
                abs(dseg - dprev) <= _SHIFT
                and prev.t0 <= seg.t0 <= prev.t1 + _GAP
                and prev.s0 <= seg.s0 <= prev.s1 + _GAP
                and max(prev.s1, seg.s1) <= min(prev.t0, seg.t0)
            ):
                if not prev.parts:
                    prev.parts.append(Candidate(prev.s0, prev.s1, prev.t0, prev.t1))
                prev.parts.append(seg)
                prev.s1 = max(prev.s1, seg.s1)
                prev.t1 = max(prev.t1, seg.t1)
                break
        else:
            out.append(seg)
    return out


def _step_left(norm: Callable[[int], str], s: int, t: int, floor: int) -> tuple[int, int]:
    """Words to add before source ``s`` and target ``t`` (``(0, 0)``: stop); ``floor`` bounds the target."""
    if norm(s - 1) == norm(t - 1) != "":
        return 1, 1
    if s >= 3 and t - 3 >= floor and norm(s - 2) == norm(t - 2) and norm(s - 3) == norm(t - 3):
        return 1, 1  # one word substituted
    if s >= 3 and t - 2 >= floor and norm(s - 2) == norm(t - 1) and norm(s - 3) == norm(t - 2):
        return 2, 1  # one word dropped from the later copy
    if s >= 2 and t - 3 >= floor and norm(s - 1) == norm(t - 2) and norm(s - 2) == norm(t - 3):
        return 1, 2  # one word added to the later copy
    return 0, 0


def _step_right(norm: Callable[[int], str], s: int, t: int, ceiling: int, n: int) -> tuple[int, int]:
    """Words to add after source ``s`` and target ``t`` (``(0, 0)``: stop); ``ceiling`` bounds the source."""
    if norm(s) == norm(t) != "":
        return 1, 1
    if t + 2 < n and s + 2 < ceiling and norm(s + 1) == norm(t + 1) and norm(s + 2) == norm(t + 2):
        return 1, 1
    if t + 1 < n and s + 2 < ceiling and norm(s + 1) == norm(t) and norm(s + 2) == norm(t + 1):
        return 2, 1
    if t + 2 < n and s + 1 < ceiling and norm(s) == norm(t + 1) and norm(s + 1) == norm(t + 2):
        return 1, 2
    return 0, 0


def _extend(c: Candidate, norm: Callable[[int], str], n: int) -> None:
    """Grow both ends while the words agree, bridging one substituted, dropped or added word."""
    for _ in range(_REACH):
        if c.s0 <= 0 or c.t0 <= c.s1:
            break
        ds, dt = _step_left(norm, c.s0, c.t0, c.s1)
        if not ds:
            break
        c.s0 -= ds
        c.t0 -= dt
    for _ in range(_REACH):
        if c.t1 >= n or c.s1 >= c.t0:
            break
        ds, dt = _step_right(norm, c.s1, c.t1, c.t0, n)
        if not ds:
            break
        c.s1 += ds
        c.t1 += dt


def similarity(a: list[str], b: list[str]) -> float:
    """Share of words two aligned copies have in common (normalised Levenshtein on words).

    >>> similarity("a b c d".split(), "a b x d".split())
    0.75
    """
    if a == b:
        return 1.0
    return float(Levenshtein.normalized_similarity(a, b))


def _check(c: Candidate, toks: Tokens, min_words: int, floor: float) -> bool:
    """Extend ``c`` and keep it when it is long enough and similar enough (``floor``)."""
    _extend(c, toks.norm, len(toks.low))
    if c.t1 - c.t0 < min_words or c.s1 - c.s0 < min_words // 2:
        return False
    tgt = toks.norms(c.t0, c.t1)
    if sum(1 for w in tgt if w) < min_words:
        return False
    c.similarity = similarity(toks.norms(c.s0, c.s1), tgt)
    return c.similarity >= floor


def span_candidates(toks: Tokens, *, min_words: int, min_similarity: float) -> list[Candidate]:
    """Candidate pairs of copies that pass the word-level checks (no offsets needed).

    The similarity floor here is a little lower than ``min_similarity``: the
    ends are trimmed and snapped to sentence and line boundaries later, which
    can only raise it.  Joined segments that fail are tried one by one.
    """
    pairs = _seed_pairs(toks.low, min_shift=max(SEED, min_words // 2))
    if not pairs:
        return []
    floor = max(0.0, min_similarity - _SLACK)
    out: list[Candidate] = []
    for c in _join(_segments(pairs)):
        if _check(c, toks, min_words, floor):
            out.append(c)
        else:
            out.extend(part for part in c.parts if _check(part, toks, min_words, floor))
    return out
