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
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from itertools import compress, repeat
from operator import ne

import attrs
from rapidfuzz.distance import Levenshtein

__all__ = ["FOCUS", "SEED", "Candidate", "Tokens", "near_seams", "span_candidates"]

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
# How far below ``min_similarity`` a candidate may start, before its ends are trimmed.
_SLACK = 0.15
# A seed seen more often than this is boilerplate within the document: it is
# paired with its previous occurrence only.
_FREQUENT = 32
# Relative cost of stripping a word on demand over stripping every word at once, rounded up.
_STRIP_COST = 4
# Later occurrences of seeds, one in this many positions or more, are found with one pass over every position.
_DENSE = 8

_TOKEN = re.compile(r"\S+")
# Tokens per block of offsets computed together (see Tokens.locate), and one block of them, matched at a token end.
_BLOCK = 64
_BLOCK_RUN = re.compile(rf"(?:\s*+\S++){{{_BLOCK}}}+")
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
_OPENS_AFTER = (*_FINAL, ":", ";")
_ELLIPSIS = ("...", "\u2026")


class Tokens:
    """The token stream of one text: lower-cased tokens, offsets on demand.

    :meth:`locate` finds where every :data:`_BLOCK`-th token ends with one
    regex scan; the offsets and line breaks of the tokens of a block are
    computed the first time one of them is asked for, so a text whose
    candidates cover a few passages pays for those passages only.
    """

    def __init__(self, text: str, low: list[str] | None = None) -> None:
        """``low``: the tokens, when known already."""
        self.text = text
        self.low: list[str] = text.lower().split() if low is None else low
        # Offsets and line breaks (filled block by block, see locate); breaks[i]: a line
        # break between token i - 1 and token i (token 0 and the end count as breaks).
        self._anchors: list[int] = []  # where block k's scan starts: after token k * _BLOCK - 1
        self._filled = bytearray()  # 1 for a block whose offsets are known (and one past the last)
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._breaks: list[bool] = []
        self._lowercase: dict[str, bool] = {}
        #: Seed hash -> first position, and the positions of every seed said more than once
        #: (filled by :func:`span_candidates`).
        self.seeds: dict[int, int] = {}
        self.repeated: list[int] = []
        self.hashes: list[int] = []
        self.normed: list[str] | None = None

    def __len__(self) -> int:
        return len(self.low)

    def without(self, removed: list[tuple[int, int]], text: str) -> Tokens:
        """The tokens of ``text``: this text with the sorted, disjoint character spans ``removed`` taken out.

        The words and the seed hashes away from the seams are reused, so a
        second look at the rest of a text costs little.  When a removal
        does not fall between tokens, the new text is tokenised afresh.
        """
        old, n = self.text, len(self.text)
        for s, e in removed:
            inside_s = 0 < s < n and not old[s - 1].isspace() and not old[s].isspace()
            inside_e = 0 < e < n and not old[e - 1].isspace() and not old[e].isspace()
            glued = s > 0 and e < n and not old[s - 1].isspace() and not old[e].isspace()
            if inside_s or inside_e or glued:
                return Tokens(text)
        bounds = self.count_before(sorted({x for span in removed for x in span}))
        index = dict(zip(sorted({x for span in removed for x in span}), bounds, strict=True))
        runs: list[tuple[int, int]] = []  # kept token runs [u, v)
        u = 0
        for s, e in removed:
            a, b = index[s], index[e]
            if a > u:
                runs.append((u, a))
            u = max(u, b)
        if u < len(self.low):
            runs.append((u, len(self.low)))
        low: list[str] = []
        for a, b in runs:
            low += self.low[a:b]
        new = Tokens(text, low)
        if self.normed is not None:
            new.normed = [w for a, b in runs for w in self.normed[a:b]]
        if self.hashes:
            hashes: list[int] = []
            m = len(low)
            pos = 0
            for a, b in runs:
                width = b - a
                hashes += self.hashes[a : max(a, b - SEED + 1)]
                for j in range(pos + max(0, width - SEED + 1), min(pos + width, m - SEED + 1)):
                    hashes.append(hash(tuple(low[j : j + SEED])))
                pos += width
            new.hashes = hashes
        return new

    def norm(self, i: int) -> str:
        """Token ``i`` lower-cased with punctuation stripped from its ends."""
        return self.low[i].strip(PUNCT) if self.normed is None else self.normed[i]

    def norms(self, a: int, b: int) -> list[str]:
        """:meth:`norm` of tokens ``a`` to ``b`` (exclusive)."""
        if self.normed is None:
            return [t.strip(PUNCT) for t in self.low[a:b]]
        return self.normed[a:b]

    def normalise(self) -> None:
        """Strip every token once (worth it when many candidates will compare words)."""
        if self.normed is None:
            self.normed = list(map(str.strip, self.low, repeat(PUNCT, len(self.low))))

    def locate(self) -> None:
        """Make token offsets available (done once, when a candidate needs them).

        One regex scan finds where each block of :data:`_BLOCK` tokens ends;
        a block's own offsets are computed when one of its tokens is first
        asked for (:meth:`_fill`).
        """
        if self._anchors:
            return
        text, n = self.text, len(self.low)
        anchors = [0]
        m = _BLOCK_RUN.match(text)
        while m is not None:
            anchors.append(m.end())
            m = _BLOCK_RUN.match(text, m.end())
        self._anchors = anchors
        blocks = -(-n // _BLOCK)
        # a byte past the last block stands for the end (token n), whose break is always there
        self._filled = bytearray(blocks) + b"\x01"
        self._starts = [0] * n
        self._ends = [0] * n
        self._breaks = [True] * (n + 1)

    def _fill(self, k: int) -> None:
        """Compute the offsets and line breaks of the tokens of block ``k``."""
        text, anchors = self.text, self._anchors
        i0 = k * _BLOCK
        i1 = min(i0 + _BLOCK, len(self.low))
        pos = anchors[k]
        stop = anchors[k + 1] if k + 1 < len(anchors) else len(text)
        found = list(_TOKEN.finditer(text, pos, stop))
        starts = list(map(re.Match.start, found))
        self._starts[i0:i1] = starts
        self._ends[i0:i1] = map(re.Match.end, found)
        # a line break before the token after each line feed (after the last: the end, a break anyway)
        breaks = [k == 0] + [False] * (i1 - i0 - 1)
        nl = text.find("\n", pos, stop)
        while nl >= 0:
            j = bisect_left(starts, nl)
            if j == len(starts):
                break
            breaks[j] = True
            nl = text.find("\n", starts[j], stop)
        self._breaks[i0:i1] = breaks
        self._filled[k] = 1

    def count_before(self, offsets: list[int]) -> list[int]:
        """For sorted character offsets, how many tokens start before each."""
        if self._anchors:
            out = []
            n = len(self.low)
            for pos in offsets:
                k = bisect_right(self._anchors, pos) - 1
                i0 = k * _BLOCK
                i1 = min(i0 + _BLOCK, n)
                if i1 > i0 and not self._filled[k]:
                    self._fill(k)
                out.append(bisect_left(self._starts, pos, i0, max(i0, i1)))
            return out
        text = self.text
        out = []
        n = prev = 0
        for pos in offsets:
            k = len(text[prev:pos].split())
            if k and 0 < prev < len(text) and not text[prev].isspace() and not text[prev - 1].isspace():
                k -= 1  # the tail of a token counted already
            n += k
            out.append(n)
            prev = pos
        return out

    def start(self, i: int) -> int:
        """Character offset where token ``i`` starts (after :meth:`locate`)."""
        if not self._filled[i // _BLOCK]:
            self._fill(i // _BLOCK)
        return self._starts[i]

    def end(self, i: int) -> int:
        """Character offset where token ``i`` ends (after :meth:`locate`)."""
        if not self._filled[i // _BLOCK]:
            self._fill(i // _BLOCK)
        return self._ends[i]

    def raw(self, i: int) -> str:
        """Token ``i`` as written (after :meth:`locate`)."""
        if not self._filled[i // _BLOCK]:
            self._fill(i // _BLOCK)
        return self.text[self._starts[i] : self._ends[i]]

    def line_start(self, i: int) -> bool:
        """True when token ``i`` is the first on its line."""
        if not self._filled[i // _BLOCK]:
            self._fill(i // _BLOCK)
        return self._breaks[i]

    def line_end(self, i: int) -> bool:
        """True when token ``i`` is the last on its line."""
        if not self._filled[(i + 1) // _BLOCK]:
            self._fill((i + 1) // _BLOCK)
        return self._breaks[i + 1]

    def first_line_start(self, a: int, b: int) -> int:
        """The first token in ``[a, b)`` that starts a line; -1 when there is none."""
        if a >= b:
            return -1
        if a == 0:
            return 0
        nl = self.text.find("\n", self.end(a - 1), self.start(b - 1))
        return -1 if nl < 0 else self._after(nl)

    def last_line_start(self, a: int, b: int) -> int:
        """The last token in ``[a, b)`` that starts a line; -1 when there is none."""
        if a >= b:
            return -1
        nl = self.text.rfind("\n", self.end(a - 1) if a else 0, self.start(b - 1))
        if nl >= 0:
            return self._after(nl)
        return 0 if a == 0 else -1

    def _after(self, pos: int) -> int:
        """The first token that starts after character ``pos`` (outside any token)."""
        k = bisect_right(self._anchors, pos) - 1
        i0 = k * _BLOCK
        if not self._filled[k]:
            self._fill(k)
        return bisect_left(self._starts, pos, i0, min(i0 + _BLOCK, len(self.low)))

    def opens_unit(self, i: int) -> bool:
        """True when a sentence, a line or a quoted/dashed turn starts at token ``i``."""
        filled = self._filled
        if not filled[i // _BLOCK]:
            self._fill(i // _BLOCK)
        if self._breaks[i]:
            return True
        text, starts = self.text, self._starts
        if text[starts[i]].islower():
            return False  # "the U.S. ambassador": an abbreviation, not a sentence end
        if not filled[(i - 1) // _BLOCK]:
            self._fill((i - 1) // _BLOCK)
        prev = text[starts[i - 1] : self._ends[i - 1]].rstrip(_CLOSERS)
        return prev.endswith(_OPENS_AFTER) or (not prev and self.closes_unit(i - 1))

    def closes_unit(self, i: int) -> bool:
        """True when a sentence or a line ends at token ``i``."""
        filled = self._filled
        if not filled[(i + 1) // _BLOCK]:
            self._fill((i + 1) // _BLOCK)
        if self._breaks[i + 1]:
            return True
        if not filled[i // _BLOCK]:
            self._fill(i // _BLOCK)
        text, starts, ends = self.text, self._starts, self._ends
        word = text[starts[i] : ends[i]].rstrip(_CLOSERS)
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


def _gaps(kept: list[int], n: int) -> list[int]:
    """The positions in ``range(n)`` missing from the sorted, distinct ``kept`` (which it extends).

    ``kept[k] - k`` grows exactly where positions are missing, so runs
    without a gap are skipped by bisection: the work follows the gaps.

    >>> _gaps([1, 2, 5, 6], 9)
    [0, 3, 4, 7, 8]
    """
    kept.append(n)
    out: list[int] = list(range(kept[0]))
    todo = [(0, len(kept) - 1)]
    while todo:
        lo, hi = todo.pop()
        if kept[hi] - hi == kept[lo] - lo:
            continue
        if hi - lo == 1:
            out.extend(range(kept[lo] + 1, kept[hi]))
            continue
        mid = (lo + hi) // 2
        todo.append((mid, hi))
        todo.append((lo, mid))  # the left half first: the output stays sorted
    return out


def _seed_pairs(toks: Tokens, min_shift: int) -> list[tuple[int, int]]:
    """``(diagonal, source)`` pairs of repeated seeds, sorted.

    Each later occurrence of a seed is paired with the first and with the
    previous occurrence only, so a phrase said a thousand times costs two
    pairs per occurrence, not a quadratic number.  The first occurrences and
    the later ones are found with C-level passes (a dict built backwards, a
    compress); only later occurrences cost Python work.
    """
    low = toks.low
    n = len(low) - SEED + 1
    if n < 1:
        return []
    if len(toks.hashes) == n:
        hashes = toks.hashes  # carried over by Tokens.without
    else:
        hashes = list(map(hash, zip(low, low[1:], low[2:], low[3:], low[4:], strict=False)))
    toks.hashes = hashes  # kept even when too few to pair, as Tokens.without carries them
    if n < 2:
        return []
    first = toks.seeds = dict(zip(reversed(hashes), range(n - 1, -1, -1), strict=True))
    if len(first) == n:
        return []  # the common case: no run of SEED words is said twice
    if (n - len(first)) * _DENSE > n:  # many later occurrences: one pass over every position
        later = list(compress(range(n), map(ne, map(first.__getitem__, hashes), range(n))))
    else:  # a few: the work follows the gaps between first occurrences
        later = _gaps(sorted(first.values()), n)
    seeds = list(map(hashes.__getitem__, later))
    firsts = list(map(first.__getitem__, seeds))
    toks.repeated = sorted({*later, *firsts})
    counts = Counter(seeds)  # occurrences after the first
    last: dict[int, int] = {}
    pairs: list[tuple[int, int]] = []
    add = pairs.append
    for j, h, f in zip(later, seeds, firsts, strict=True):
        p = last.get(h, f)
        if p == f:
            if j - f >= min_shift:
                add((j - f, f))
        else:
            if j - f >= min_shift and counts[h] < _FREQUENT:
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
    _extend(c, toks.normed.__getitem__ if toks.normed is not None else toks.norm, len(toks.low))
    if c.t1 - c.t0 < min_words or c.s1 - c.s0 < min_words // 2:
        return False
    tgt = toks.norms(c.t0, c.t1)
    if len(tgt) - tgt.count("") < min_words:
        return False
    c.similarity = similarity(toks.norms(c.s0, c.s1), tgt)
    return c.similarity >= floor


def span_candidates(
    toks: Tokens, *, min_words: int, min_similarity: float, focus: list[int] | None = None
) -> list[Candidate]:
    """Candidate pairs of copies that pass the word-level checks.

    The similarity floor here is a little lower than ``min_similarity``: the
    ends are trimmed and snapped to sentence and line boundaries later, which
    can only raise it.  Joined segments that fail are tried one by one.
    ``focus`` (sorted character offsets) keeps only the candidates whose
    copies come within :data:`FOCUS` tokens of one of them.
    """
    pairs = _seed_pairs(toks, min_shift=max(SEED, min_words // 2))
    if not pairs:
        return []
    segs = _join(_segments(pairs))
    if focus is not None:
        marks = toks.count_before(focus)
        segs = [c for c in segs if _near(marks, c.s0, c.s1) or _near(marks, c.t0, c.t1)]
    if not segs:
        return []
    # Stripping every token once pays off only when the candidates will compare
    # a good share of them; otherwise each word is stripped when compared.
    if sum(c.s1 - c.s0 + c.t1 - c.t0 + 4 * _REACH for c in segs) * _STRIP_COST > len(toks):
        toks.normalise()
    floor = max(0.0, min_similarity - _SLACK)
    out: list[Candidate] = []
    for c in segs:
        if _check(c, toks, min_words, floor):
            out.append(c)
        else:
            out.extend(part for part in c.parts if _check(part, toks, min_words, floor))
    return out


#: Tokens around a focus point within which a candidate is examined again.
FOCUS = 2 * _REACH + SEED


def _near(marks: list[int], a: int, b: int) -> bool:
    """True when a mark falls within :data:`FOCUS` tokens of ``[a, b)``."""
    k = bisect_left(marks, a - FOCUS)
    return k < len(marks) and marks[k] <= b + FOCUS


def near_seams(toks: Tokens, removed: list[tuple[int, int]]) -> bool:
    """Whether removing the character spans ``removed`` from the text of ``toks`` may leave a repeat near a seam.

    ``toks`` must have been through :func:`span_candidates`.  A new repeat
    after the removals has a seed near a seam: either a seed that is still
    said at least twice (one of them within :data:`FOCUS` tokens of the
    seam), or a run of words that now spans the seam and is said elsewhere.
    """
    low, seeds, repeated, hashes = toks.low, toks.seeds, toks.repeated, toks.hashes
    if not removed or len(low) < SEED:
        return False
    offsets = sorted({x for span in removed for x in span})
    index = dict(zip(offsets, toks.count_before(offsets), strict=True))
    gone = [(index[s], index[e]) for s, e in removed]  # token ranges, sorted
    starts = [a for a, _ in gone]

    def survives(p: int) -> bool:
        k = bisect_left(starts, p + SEED) - 1  # the last range starting before the seed ends
        return k < 0 or gone[k][1] <= p

    occurrences: dict[int, list[int]] = {}  # seed hash -> positions, built when first needed

    def said(h: int) -> list[int]:
        if not occurrences:
            for p in repeated:
                occurrences.setdefault(hashes[p], []).append(p)
        return occurrences[h]

    joined: list[int] = []
    for a, b in gone:
        for mark in (a, b):
            k = bisect_left(repeated, mark - FOCUS - SEED)
            while k < len(repeated) and repeated[k] <= mark + FOCUS:
                p = repeated[k]
                if survives(p) and sum(map(survives, said(hashes[p]))) > 1:
                    return True
                k += 1
        window = low[max(0, a - SEED + 1) : a] + low[b : b + SEED - 1]
        joined.extend(map(hash, zip(*(window[i:] for i in range(SEED)), strict=False)))
    if len(set(joined)) < len(joined):
        return True
    known = [h for h in joined if h in seeds]
    if known and repeated:
        said(hashes[repeated[0]])  # fill the table
    return any(survives(q) for h in known for q in occurrences.get(h, (seeds[h],)))
