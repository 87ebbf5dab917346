"""Time the default pipeline on hostile 1 MB inputs: ``python -m benchmarks.bench_hostile``."""

from __future__ import annotations

import argparse
import time

import textclean
from benchmarks.hostile import CASES, MB


def best_of(func: object, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = func(text)  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    assert result.restore() == text, "restore() must return the input"
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=MB)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    pipe = textclean.default_pipeline()
    base = best_of(pipe, CASES["ordinary news text"](args.size), args.repeat)
    print(f"default pipeline: {' → '.join(pipe.names)}")
    print("| input (1 MB) | seconds | ratio to ordinary text | slowest pass |")
    print("|---|---|---|---|")
    worst = 0.0
    for name, make in CASES.items():
        text = make(args.size)
        seconds = best_of(pipe, text, args.repeat)
        timings = pipe(text).timings
        slowest = max(timings, key=lambda k: timings[k]) if timings else "-"
        ratio = seconds / base
        worst = max(worst, ratio)
        print(f"| {name} | {seconds:.3f} | {ratio:.1f}× | {slowest} |", flush=True)
    print(f"\nworst ratio: {worst:.1f}× (goal: under 10×)")


if __name__ == "__main__":
    main()
