"""Check that a change to the repeats pass keeps its output: ``python -m benchmarks.repeats_identity``.

``save DIR`` runs the default pipeline up to the repeats pass on every dev page
(``../shared/dev/realworld/{residual,fullpage}.jsonl``) and stores those texts
(the pass's real input) with the pass's output: the repeats found, the changes,
the cleaned text and the edits.  ``compare DIR`` runs the pass again on the
stored inputs and counts the pages whose output differs; it also prints the
pass's MB/s on its input.  Save before a change, compare after it.
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path
from typing import Any

from benchmarks.realworld import load
from textclean.defaults import default_pipeline
from textclean.passes.repeats import RemoveRepeats, remove_repeats
from textclean.pipeline import Pipeline


def _inputs() -> list[str]:
    pipe = default_pipeline()
    before = Pipeline(pipe.steps[: pipe.names.index("repeats")])
    return [before(r["noisy_text"]).text for name in ("residual", "fullpage") for r in load(name)]


def _outputs(texts: list[str]) -> tuple[list[Any], float]:
    t0 = time.perf_counter()
    found = [remove_repeats(t) for t in texts]
    seconds = time.perf_counter() - t0
    pipe = Pipeline([RemoveRepeats()])
    out = []
    for text, (reps, changes) in zip(texts, found, strict=True):
        cleaned = pipe(text)
        out.append(
            (
                [repr(r) for r in reps],
                [(c.start, c.end, c.replacement, c.rule) for c in changes],
                cleaned.text,
                [repr(r) for r in cleaned.repeats],
                [repr(e) for e in cleaned.edits],
            )
        )
    return out, seconds


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("command", choices=["save", "compare"])
    ap.add_argument("dir", type=Path)
    args = ap.parse_args(argv)
    if args.command == "save":
        texts = _inputs()
        args.dir.mkdir(parents=True, exist_ok=True)
        (args.dir / "inputs.pkl").write_bytes(pickle.dumps(texts))
    else:
        texts = pickle.loads((args.dir / "inputs.pkl").read_bytes())
    out, seconds = _outputs(texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} pages, {mb:.1f} MB of repeats-pass input, remove_repeats {mb / seconds:.1f} MB/s")
    if args.command == "save":
        (args.dir / "outputs.pkl").write_bytes(pickle.dumps(out))
        return
    ref = pickle.loads((args.dir / "outputs.pkl").read_bytes())
    differ = [i for i, (a, b) in enumerate(zip(ref, out, strict=True)) if a != b]
    print(f"compared {len(ref)} pages, differences: {len(differ)}" + (f" (first: {differ[:10]})" if differ else ""))
    if differ:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
