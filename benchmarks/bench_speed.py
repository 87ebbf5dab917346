"""Speed of the whole default pipeline beside peers: ``python -m benchmarks.bench_speed``.

Runs on the real pages of ``../shared/dev/realworld`` (both files), single
process, peers interleaved in one run (best of ``--repeat``):

* ``textclean.clean`` — the whole default pipeline;
* ``ftfy.fix_text`` with ftfy's defaults (the goal: textclean ≥ 2× faster);
* clean-text's ``clean(to_ascii=False, lower=False)``;
* a textacy preprocessing pipeline (unicode, whitespace, quotes, bullets, hyphens).

Also prints per-pass time shares, peak traced memory, the CLI's MB/s on a large
JSONL with 1 and 2 worker processes, and the profile's top entries.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import textclean
from benchmarks.realworld import load

Cleaner = Callable[[str], str]


def _peers() -> dict[str, Cleaner]:
    import ftfy

    pipe = textclean.default_pipeline()
    peers: dict[str, Cleaner] = {
        "textclean (default pipeline)": lambda t: pipe(t).text,
        "ftfy.fix_text": ftfy.fix_text,
    }
    try:
        from cleantext import clean as clean_text

        peers["clean-text clean()"] = lambda t: clean_text(t, to_ascii=False, lower=False)
    except ImportError:
        print("(clean-text not installed: pip install clean-text)")
    try:
        from textacy import preprocessing as tp

        textacy_pipe = tp.make_pipeline(
            tp.normalize.bullet_points,
            tp.normalize.hyphenated_words,
            tp.normalize.quotation_marks,
            tp.normalize.unicode,
            tp.normalize.whitespace,
        )
        peers["textacy preprocessing"] = textacy_pipe
    except ImportError:
        print("(textacy not installed: pip install textacy)")
    return peers


def _time_corpus(func: Cleaner, texts: list[str]) -> float:
    t0 = time.perf_counter()
    for text in texts:
        func(text)
    return time.perf_counter() - t0


def speed_table(texts: list[str], repeat: int) -> tuple[list[str], dict[str, float]]:
    peers = _peers()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = {name: float("inf") for name in peers}
    for _ in range(repeat):  # interleaved: every peer sees the same machine state
        for name, func in peers.items():
            best[name] = min(best[name], _time_corpus(func, texts))
    ftfy_s = best["ftfy.fix_text"]
    lines = [
        f"{len(texts)} pages, {mb:.1f} MB, best of {repeat}, one process",
        "",
        "| cleaner | MB/s | docs/s | speed vs ftfy.fix_text |",
        "|---|---|---|---|",
    ]
    for name, seconds in best.items():
        lines.append(f"| {name} | {mb / seconds:.2f} | {len(texts) / seconds:,.0f} | {ftfy_s / seconds:.2f}× |")
    return lines, best


def pass_shares(texts: list[str]) -> list[str]:
    pipe = textclean.default_pipeline()
    totals: Counter[str] = Counter()
    for text in texts:
        for name, seconds in pipe(text).timings.items():
            totals[name] += seconds
    whole = sum(totals.values()) or 1.0
    lines = ["| pass | share of time |", "|---|---|"]
    lines += [f"| {name} | {seconds / whole:.1%} |" for name, seconds in totals.most_common()]
    return lines


def peak_memory(texts: list[str]) -> str:
    pipe = textclean.default_pipeline()
    tracemalloc.start()
    for text in texts:
        pipe(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    largest = max(len(t) for t in texts)
    return f"peak traced memory while cleaning one page at a time: {peak / 1e6:.1f} MB (largest page {largest:,} chars)"


def cli_speed(texts: list[str], target_mb: float) -> list[str]:
    lines = ["| CLI `textclean clean` on JSONL | MB | seconds | MB/s |", "|---|---|---|---|"]
    exe = Path(sys.executable).with_name("textclean")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "big.jsonl"
        size = 0
        with src.open("w", encoding="utf-8") as fh:
            i = 0
            while size < target_mb * 1e6:
                row = json.dumps({"id": i, "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n"
                fh.write(row)
                size += len(row.encode("utf-8"))
                i += 1
        for workers in (1, 2):
            out = Path(tmp) / f"out{workers}.jsonl"
            t0 = time.perf_counter()
            subprocess.run(
                [str(exe), "clean", str(src), "-o", str(out), "--workers", str(workers)],
                check=True,
                stderr=subprocess.DEVNULL,
            )
            seconds = time.perf_counter() - t0
            lines.append(f"| --workers {workers} | {size / 1e6:.1f} | {seconds:.1f} | {size / 1e6 / seconds:.2f} |")
    return lines


def profile_top(texts: list[str], top: int) -> list[str]:
    pipe = textclean.default_pipeline()
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        pipe(text)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    body = [ln for ln in buf.getvalue().splitlines() if ln.strip()]
    start = next((i for i, ln in enumerate(body) if ln.lstrip().startswith("ncalls")), 0)
    return [ln.replace(str(Path.cwd()) + os.sep, "") for ln in body[start:]]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="pages per file")
    parser.add_argument("--cli-mb", type=float, default=20.0, help="size of the JSONL for the CLI run (0: skip)")
    parser.add_argument("--profile", type=int, default=12, help="profile entries to print (0: skip)")
    args = parser.parse_args(argv)
    texts = [r["noisy_text"] for name in ("residual", "fullpage") for r in load(name, args.limit)]
    print(f"pipeline: {' → '.join(textclean.default_pipeline().names)}\n")
    lines, best = speed_table(texts, args.repeat)
    print("\n".join(lines))
    ratio = best["ftfy.fix_text"] / best["textclean (default pipeline)"]
    print(f"\ntextclean / ftfy speed ratio: {ratio:.2f}× (goal ≥ 2×, aim 4×)\n")
    print("\n".join(pass_shares(texts)) + "\n")
    print(peak_memory(texts) + "\n")
    if args.cli_mb > 0:
        print("\n".join(cli_speed(texts, args.cli_mb)) + "\n")
    if args.profile > 0:
        print("profile (tottime):")
        print("\n".join(profile_top(texts, args.profile)))


if __name__ == "__main__":
    main()
