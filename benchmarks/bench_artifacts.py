"""Quality of the residue passes on the dev pages: ``python -m benchmarks.bench_artifacts``.

Builds ``unicode → structure → metadata → artifacts → structure`` and prints the
:mod:`benchmarks.realworld` table beside doing nothing and the C4 line filter,
for each aggressiveness level.
"""

from __future__ import annotations

import argparse

from benchmarks import realworld
from textclean.config import Aggressiveness
from textclean.passes.artifacts import Artifacts
from textclean.passes.structure import TidyWhitespace
from textclean.passes.unicode import FixUnicode
from textclean.pipeline import Pipeline

try:
    from textclean.passes.metadata import HeaderMetadata
except ImportError:  # pragma: no cover
    HeaderMetadata = None  # type: ignore[assignment,misc]

LANGS = ("en", "ru", "de", "es", "fr")


def residue_pipeline(level: str = "balanced", languages: tuple[str, ...] = ("en", "ru")) -> Pipeline:
    steps = [FixUnicode(), TidyWhitespace()]
    if HeaderMetadata is not None:
        steps.append(HeaderMetadata(languages=languages))
    steps += [Artifacts(languages=languages, aggressiveness=Aggressiveness(level)), TidyWhitespace()]
    return Pipeline(steps)


def _cleaner(pipe: Pipeline) -> realworld.Cleaner:
    return lambda text: pipe(text).text


def speed_table(rows: list[dict[str, object]], repeat: int = 2) -> str:
    """MB/s of the artifacts and metadata passes beside ``ftfy.fix_text`` on the same texts."""
    import time

    from textclean.passes.artifacts import artifact_changes
    from textclean.passes.metadata import header_changes

    texts = [str(r["noisy_text"]) for r in rows]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    def best(func: realworld.Cleaner | object) -> float:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            for t in texts:
                func(t)  # type: ignore[operator]
            times.append(time.perf_counter() - t0)
        return size / min(times)

    peers: dict[str, object] = {
        "artifacts pass": lambda t: list(artifact_changes(t)),
        "metadata pass": lambda t: list(header_changes(t)),
    }
    try:
        import ftfy

        peers["ftfy.fix_text"] = ftfy.fix_text
    except ImportError:  # pragma: no cover
        pass
    speeds = {name: best(func) for name, func in peers.items()}
    base = speeds.get("ftfy.fix_text")
    lines = ["| step | MB/s | × ftfy |", "|---|---|---|"]
    for name, mbs in speeds.items():
        ratio = f"{mbs / base:.1f}" if base else "-"
        lines.append(f"| {name} | {mbs:.1f} | {ratio} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--datasets", default="residual,fullpage")
    parser.add_argument("--levels", default="conservative,balanced,aggressive")
    parser.add_argument("--damaged", action="store_true", help="list the ids of damaged documents")
    parser.add_argument("--speed", action="store_true", help="only time the passes beside ftfy")
    args = parser.parse_args(argv)
    if args.speed:
        rows = [row for ds in args.datasets.split(",") for row in realworld.load(ds, args.limit)]
        print(f"\n### speed on {len(rows)} pages\n")
        print(speed_table(rows))
        return
    cleaners: dict[str, realworld.Cleaner] = {"nothing": realworld.nothing, "c4-lines": realworld.c4_lines}
    for level in args.levels.split(","):
        cleaners[f"residue en+ru {level}"] = _cleaner(residue_pipeline(level))
    cleaners["residue 5 langs balanced"] = _cleaner(residue_pipeline("balanced", LANGS))
    for ds in args.datasets.split(","):
        rows = realworld.load(ds, args.limit)
        print(f"\n### {ds}.jsonl ({len(rows)} pages; token metrics over {sum(1 for r in rows if r.get('truth_text'))})")
        print(realworld.HEADER)
        for name, cleaner in cleaners.items():
            score = realworld.evaluate(cleaner, rows)
            print(score.row(name), flush=True)
            if args.damaged and score.damaged_ids:
                print("   damaged:", " ".join(score.damaged_ids))


if __name__ == "__main__":
    main()
