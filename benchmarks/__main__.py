"""Run every benchmark: ``python -m benchmarks [NAME ...]`` (what ``make bench`` does).

Each benchmark prints its own tables; this runner also saves them, with the
date they were measured, under ``benchmarks/results/NAME.md`` for the docs.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = [
    "realworld",
    "bench_fullpage",
    "bench_dates",
    "bench_repeats",
    "bench_dedup",
    "bench_speed",
    "bench_hostile",
]


def main(argv: list[str]) -> int:
    names = argv or [n for n in ORDER if importlib.util.find_spec(f"benchmarks.{n}") is not None]
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    failed = []
    for name in names:
        print(f"\n## {name}\n", flush=True)
        proc = subprocess.run(
            [sys.executable, "-m", f"benchmarks.{name}"], capture_output=True, text=True, check=False, cwd=HERE.parent
        )
        print(proc.stdout, end="")
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
            failed.append(name)
            continue
        (out_dir / f"{name}.md").write_text(
            f"<!-- measured {stamp} on {machine} -->\nMeasured {stamp} on {machine}.\n\n{proc.stdout}", encoding="utf-8"
        )
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
