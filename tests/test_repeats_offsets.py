"""Token offsets computed block by block agree with a plain scan of the whole text, whatever is asked first."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.repeats._spans import _BLOCK, _CLOSERS, _FINAL, _OPENS_AFTER, Tokens

_PIECES = [
    "river",
    "Stone.",
    "ΟΔΟΣ",
    "İx",
    "a",
    "end!",
    "»",
    "\u201d",
    "“Quote",
    " ",
    "  ",
    "\n",
    "\n \n",
    "\u00a0",
    "\u2028",
]


class _Plain:
    """Offsets, line starts and sentence ends from one scan of every token (the reference)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [m.span() for m in re.finditer(r"\S+", text)]
        n = len(self.spans)
        self.breaks = [i == 0 or i == n or "\n" in text[self.spans[i - 1][1] : self.spans[i][0]] for i in range(n + 1)]

    def raw(self, i: int) -> str:
        return self.text[self.spans[i][0] : self.spans[i][1]]

    def opens_unit(self, i: int) -> bool:
        if self.breaks[i]:
            return True
        if self.raw(i)[0].islower():
            return False
        prev = self.raw(i - 1).rstrip(_CLOSERS)
        return prev.endswith(_OPENS_AFTER) or (not prev and self.closes_unit(i - 1))

    def closes_unit(self, i: int) -> bool:
        if self.breaks[i + 1]:
            return True
        word = self.raw(i).rstrip(_CLOSERS)
        return word.endswith(_FINAL) or (not word and i > 0 and self.raw(i - 1).rstrip(_CLOSERS).endswith(_FINAL))


def _texts() -> st.SearchStrategy[str]:
    # long enough to span several blocks, sometimes exactly a whole number of them
    return st.one_of(
        st.lists(st.sampled_from(_PIECES), min_size=0, max_size=6 * _BLOCK).map("".join),
        st.sampled_from([_BLOCK - 1, _BLOCK, _BLOCK + 1, 2 * _BLOCK, 3 * _BLOCK - 1]).flatmap(
            lambda n: st.lists(st.sampled_from(["w", "W.", "x\n", "y \n\n"]), min_size=n, max_size=n).map(" ".join)
        ),
    )


@settings(max_examples=150, deadline=None)
@given(_texts(), st.randoms(use_true_random=False))
def test_block_offsets_match_a_plain_scan(text: str, rng: random.Random) -> None:
    """Every accessor, asked in a random order (so blocks are filled in any order), agrees with the plain scan."""
    plain = _Plain(text)
    toks = Tokens(text)
    toks.locate()
    n = len(toks)
    assert n == len(plain.spans)
    order = list(range(n))
    rng.shuffle(order)
    for i in order:
        which = rng.randrange(5)
        if which == 0:
            assert (toks.start(i), toks.end(i), toks.raw(i)) == (*plain.spans[i], plain.raw(i))
        elif which == 1:
            assert (toks.line_start(i), toks.line_end(i)) == (plain.breaks[i], plain.breaks[i + 1])
        elif which == 2:
            assert toks.opens_unit(i) == plain.opens_unit(i)
        elif which == 3:
            assert toks.closes_unit(i) == plain.closes_unit(i)
        else:
            b = rng.randint(i, n)
            inside = [j for j in range(i, b) if plain.breaks[j]]
            assert toks.first_line_start(i, b) == (inside[0] if inside else -1)
            assert toks.last_line_start(i, b) == (inside[-1] if inside else -1)
    assert [(toks.start(i), toks.end(i)) for i in range(n)] == plain.spans
    assert [toks.line_start(i) for i in range(n)] == plain.breaks[:n]


@settings(max_examples=100, deadline=None)
@given(_texts(), st.lists(st.integers(0, 4000), max_size=12), st.booleans())
def test_tokens_before_an_offset_match_a_plain_count(text: str, offsets: list[int], located: bool) -> None:
    """``count_before`` gives the number of tokens starting before each offset, located or not."""
    toks = Tokens(text)
    if located:
        toks.locate()
    points = sorted({min(p, len(text)) for p in offsets} | {0, len(text)})
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    assert toks.count_before(points) == [sum(1 for s in starts if s < p) for p in points]
