"""Hostile inputs: no crash, restore() holds, and no catastrophic (super-linear) blow-up.

Speed targets live in ``benchmarks/bench_hostile.py``; this test only catches
the catastrophic cases (backtracking or quadratic work turns 200 KB into
minutes), with a deliberately generous bound.
"""

from __future__ import annotations

import time

import pytest

import textclean
from benchmarks.hostile import CASES

SIZE = 200_000
GENEROUS_SECONDS = 30.0


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_is_handled(name: str) -> None:
    text = CASES[name](SIZE)
    pipe = textclean.default_pipeline()
    t0 = time.perf_counter()
    result = pipe(text)
    elapsed = time.perf_counter() - t0
    assert result.restore() == text
    assert elapsed < GENEROUS_SECONDS, f"{name}: {elapsed:.1f}s for {SIZE:,} characters"
    again = pipe(result.text)
    assert again.text == result.text, f"{name}: cleaning is not idempotent"
