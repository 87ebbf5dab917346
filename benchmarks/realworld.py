"""Cleaning quality on real pages: ``python -m benchmarks.realworld [--limit N]``.

Data: ``../shared/dev/realworld/{residual,fullpage}.jsonl`` (or ``$TEXTCLEAN_REALWORLD``).
Each record has ``noisy_text`` and either ``truth_text`` (a human-annotated
article body) or ``with``/``without`` snippets (text that must be kept / must
be dropped).

Metrics, per dataset:

* token precision / recall / F1 per document (lower-cased ``\\w+`` bags with
  counts), averaged over documents that have ``truth_text``;
* *damaged*: share of those documents where the cleaner itself removed more
  than 10% of the truth tokens that the input had;
* snippet precision / recall / F1 over all ``with`` (should be kept) and
  ``without`` (should be dropped) snippets that occur in the input, as in
  trafilatura's evaluation.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")

Cleaner = Callable[[str], str]


def data_dir() -> Path:
    env = os.environ.get("TEXTCLEAN_REALWORLD")
    return Path(env) if env else ROOT.parent / "shared" / "dev" / "realworld"


def load(name: str, limit: int | None = None) -> list[dict[str, Any]]:
    path = data_dir() / f"{name}.jsonl"
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def tokens(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


@dataclass
class Score:
    docs: int = 0
    p: float = 0.0
    r: float = 0.0
    f1: float = 0.0
    damaged: int = 0
    damaged_ids: list[str] = field(default_factory=list)
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    seconds: float = 0.0
    chars: int = 0

    @property
    def snippet_p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def snippet_r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def snippet_f1(self) -> float:
        p, r = self.snippet_p, self.snippet_r
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def with_kept(self) -> float:
        """Share of must-keep snippets kept: the snippet recall, under the name the tables use."""
        return self.snippet_r

    @property
    def without_dropped(self) -> float:
        return self.tn / (self.tn + self.fp) if self.tn + self.fp else 1.0

    def row(self, name: str) -> str:
        n = max(self.docs, 1)
        return (
            f"| {name:<22} | {self.p / n:.3f} | {self.r / n:.3f} | {self.f1 / n:.3f} | {self.damaged / n:6.1%} "
            f"| {self.with_kept:.3f} | {self.without_dropped:.3f} | {self.snippet_f1:.3f} "
            f"| {self.chars / max(self.seconds, 1e-9) / 1e6:6.2f} |"
        )


HEADER = (
    "| cleaner                | P     | R     | F1    | damaged | with  | w/out | snipF1 | MB/s   |\n"
    "|------------------------|-------|-------|-------|---------|-------|-------|-------|--------|"
)


def prf(truth: Counter[str], out: Counter[str]) -> tuple[float, float, float]:
    common = sum((truth & out).values())
    p = common / sum(out.values()) if out else (1.0 if not truth else 0.0)
    r = common / sum(truth.values()) if truth else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(cleaner: Cleaner, rows: Iterable[dict[str, Any]]) -> Score:
    score = Score()
    for row in rows:
        noisy = row["noisy_text"]
        t0 = time.perf_counter()
        out = cleaner(noisy)
        score.seconds += time.perf_counter() - t0
        score.chars += len(noisy.encode("utf-8"))
        truth = row.get("truth_text")
        if truth:
            t_tok, o_tok, i_tok = tokens(truth), tokens(out), tokens(noisy)
            p, r, f = prf(t_tok, o_tok)
            score.docs += 1
            score.p += p
            score.r += r
            score.f1 += f
            had = sum((t_tok & i_tok).values())
            kept = sum((t_tok & o_tok & i_tok).values())
            if had and (had - kept) / had > 0.10:
                score.damaged += 1
                score.damaged_ids.append(row["id"])
        n_in, n_out = norm(noisy), norm(out)
        for snip in row.get("with") or []:
            s = norm(snip)
            if s and s in n_in:
                if s in n_out:
                    score.tp += 1
                else:
                    score.fn += 1
        for snip in row.get("without") or []:
            s = norm(snip)
            if s and s in n_in:
                if s in n_out:
                    score.fp += 1
                else:
                    score.tn += 1
    return score


# -- baselines -----------------------------------------------------------------
_TERMINAL = (".", "!", "?", '"', "”", "»", "'", "’")


def nothing(text: str) -> str:
    return text


def c4_lines(text: str) -> str:
    """The C4 line heuristics: keep lines ending in terminal punctuation with >= 3 words."""
    kept = []
    for line in text.splitlines():
        s = line.strip()
        low = s.lower()
        if not s.endswith(_TERMINAL) or len(s.split()) < 3:
            continue
        if "javascript" in low or "lorem ipsum" in low or "{" in s:
            continue
        kept.append(s)
    return "\n".join(kept)


def textclean_default(text: str) -> str:
    import textclean

    return textclean.clean(text).text


CLEANERS: dict[str, Cleaner] = {"nothing": nothing, "c4-lines": c4_lines, "textclean": textclean_default}


def iter_tables(limit: int | None, names: list[str], datasets: list[str]) -> Iterator[str]:
    for ds in datasets:
        rows = load(ds, limit)
        yield f"\n### {ds}.jsonl ({len(rows)} pages; token metrics over {sum(1 for r in rows if r.get('truth_text'))})"
        yield HEADER
        for name in names:
            score = evaluate(CLEANERS[name], rows)
            yield score.row(name)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cleaners", default=",".join(CLEANERS))
    parser.add_argument("--datasets", default="residual,fullpage")
    args = parser.parse_args(argv)
    for line in iter_tables(args.limit, args.cleaners.split(","), args.datasets.split(",")):
        print(line, flush=True)


if __name__ == "__main__":
    main()
