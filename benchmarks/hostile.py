"""Hostile inputs: 1 MB texts built to hurt regexes and aligners.

``python -m benchmarks.bench_hostile`` times the default pipeline on each and
prints the ratio to 1 MB of ordinary news text (goal: every ratio under 10×).
The same generators feed ``tests/test_hostile.py`` with a generous bound that
only catches catastrophic (super-linear) behaviour.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000


def _fill(unit: str, size: int) -> str:
    return (unit * (size // max(len(unit), 1) + 1))[:size]


def ordinary(size: int = MB) -> str:
    """Ordinary news text: the seeds repeated (the baseline)."""
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    return _fill(seeds + "\n\n", size)


def _sentence_variants(size: int) -> str:
    rng = random.Random(7)
    words = [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "it",
        "with",
        "as",
        "was",
        "by",
        "at",
        "be",
        "this",
        "from",
        "or",
        "an",
        "are",
    ]
    out, n = [], 0
    while n < size:
        s = " ".join(rng.choice(words) for _ in range(12)).capitalize() + ".\n"
        out.append(s)
        n += len(s)
    return "".join(out)[:size]


CASES: dict[str, Callable[[int], str]] = {
    "ordinary news text": ordinary,
    "a million '['": lambda n: "[" * n,
    "'[ad_' repeated": lambda n: _fill("[ad_", n),
    "'[ad_1]' lines": lambda n: _fill("[ad_1]\n", n),
    "one 1 MB line": lambda n: ordinary(n).replace("\n", " "),
    "500,000 lines": lambda n: _fill("x\n", n),
    "a digit run": lambda n: "7" * n,
    "NBSP-only lines": lambda n: _fill("\u00a0\u00a0\n", n),
    "spaces, no newline": lambda n: "a" + " " * (n - 2) + "b",
    "same sentence 16,000 times": lambda n: _fill("The quick brown fox jumps over the lazy dog, again and again.\n", n),
    "date phrase 40,000 times": lambda n: _fill("12 января 2022,, 08:30 ", n),
    "calendar rows": lambda n: _fill("Mon Tues Wed Thurs Fri Sat Sun\n12345\n6789101112\n13141516171819\n", n),
    "combining marks": lambda n: _fill("e\u0301\u0302\u0303\u0304", n),
    "NUL and terminal escapes": lambda n: _fill("\x00\x1b[31mred\x1b[0m\x07", n),
    "lone surrogates": lambda n: _fill("a\ud800b\udfff", n),
    "mojibake everywhere": lambda n: _fill("ÐŸÑ€Ð¸Ð²ÐµÑ‚ cafÃ© â€œquoteâ€\n", n),
    "unclosed quotes and brackets": lambda n: _fill('"(«[“', n),
    "near-duplicate sentences": _sentence_variants,
    "one word per line": lambda n: _fill("Share\n", n),
    "url soup": lambda n: _fill("https://example.com/a/b?c=d&e=f ", n),
}
