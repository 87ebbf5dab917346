"""Repeated passages: quality per kind and time against document size.

``python -m benchmarks.bench_repeats [--docs N] [--max-pars N] [--seed S]``

Documents come from :mod:`benchmarks.repeats_data` (real article text with
injected copies and hard negatives, known spans).  Systems compared in the
same run:

* ``textclean`` — :func:`textclean.repeats.find`;
* ``para-hash`` — exact hash of normalised lines (what CCNet/datatrove-style
  line dedup does inside one document);
* ``all-pairs`` — rapidfuzz ``partial_ratio_alignment`` between every pair of
  lines (quadratic), flagging the aligned part of the later line;
* ``minhash`` — MinHash-LSH over 5-word shingles of lines (datasketch), then
  the same alignment on the candidate pairs.

Metrics: character-level precision / recall / F1 of flagged copies
(whitespace ignored), per kind; pair accuracy (the flagged copy points at the
right source); the share of hard negatives flagged; flags on clean real
documents; and seconds against paragraph count.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from benchmarks import repeats_data as rd
from textclean import repeats

Flag = tuple[int, int, int, int]  # copy start, end, source start, end
Finder = Callable[[str], list[Flag]]

_WS = re.compile(r"\s")


def _lines(text: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        st = line.strip()
        if st:
            lead = line.find(st[0])
            out.append((pos + lead, pos + lead + len(st), st))
        pos += len(line) + 1
    return out


# ---------------------------------------------------------------- systems


def textclean_find(text: str) -> list[Flag]:
    return [(r.start, r.end, r.source_start, r.source_end) for r in repeats.find(text)]


def para_hash(text: str) -> list[Flag]:
    seen: dict[str, tuple[int, int]] = {}
    out: list[Flag] = []
    for s, e, line in _lines(text):
        key = " ".join(line.lower().split())
        if len(key) < 20:
            continue
        if key in seen:
            out.append((s, e, *seen[key]))
        else:
            seen[key] = (s, e)
    return out


def _align(text: str, i: tuple[int, int, str], j: tuple[int, int, str], cutoff: float) -> Flag | None:
    """Flag the part of the later line ``j`` that matches the earlier line ``i``."""
    si, ei, li = i
    sj, ej, lj = j
    if len(li) < 60 and len(lj) < 60:
        return None
    if len(lj) <= len(li):
        res = fuzz.partial_ratio_alignment(lj, li, score_cutoff=cutoff)
        if res is None:
            return None
        return sj, ej, si + res.dest_start, si + res.dest_end
    res = fuzz.partial_ratio_alignment(li, lj, score_cutoff=cutoff)
    if res is None or res.dest_end - res.dest_start < 60:
        return None
    return sj + res.dest_start, sj + res.dest_end, si, ei


def all_pairs(text: str, cutoff: float = 90) -> list[Flag]:
    lines = _lines(text)
    out: list[Flag] = []
    for b in range(len(lines)):
        for a in range(b):
            flag = _align(text, lines[a], lines[b], cutoff)
            if flag:
                out.append(flag)
                break
    return out


def minhash_lsh(text: str, cutoff: float = 90) -> list[Flag]:
    from datasketch import MinHash, MinHashLSH

    lines = _lines(text)
    lsh = MinHashLSH(threshold=0.5, num_perm=64)
    out: list[Flag] = []
    for b, line in enumerate(lines):
        words = line[2].lower().split()
        shingles = {" ".join(words[k : k + 5]) for k in range(max(1, len(words) - 4))}
        mh = MinHash(num_perm=64, seed=1)
        for sh in shingles:
            mh.update(sh.encode("utf-8"))
        for a in sorted(lsh.query(mh)):
            flag = _align(text, lines[a], line, cutoff)
            if flag:
                out.append(flag)
                break
        lsh.insert(b, mh)
    return out


SYSTEMS: dict[str, Finder] = {
    "textclean": textclean_find,
    "para-hash": para_hash,
    "all-pairs": all_pairs,
    "minhash": minhash_lsh,
}


# ---------------------------------------------------------------- scoring


def _chars(text: str, s: int, e: int) -> set[int]:
    return {k for k in range(s, e) if not text[k].isspace()}


@dataclass
class Tally:
    tp: int = 0
    pred: int = 0
    truth: int = 0
    pairs_ok: int = 0
    pairs: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 1.0
        r = self.tp / self.truth if self.truth else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: list[rd.Doc], finder: Finder) -> tuple[dict[str, Tally], dict[str, list[int]], float]:
    per_kind: dict[str, Tally] = defaultdict(Tally)
    negs: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    t0 = time.perf_counter()
    flags_all = [finder(d.text) for d in docs]
    elapsed = time.perf_counter() - t0
    for doc, flags in zip(docs, flags_all, strict=True):
        text = doc.text
        flag_chars = [_chars(text, s, e) for s, e, _, _ in flags]
        flagged: set[int] = set().union(*flag_chars) if flag_chars else set()
        everything = _all_truth(doc, text)
        for t in doc.repeats:
            tc = _chars(text, t.start, t.end)
            tally = per_kind[t.kind]
            tally.truth += len(tc)
            tally.tp += len(tc & flagged)
            # flagged characters charged to this kind: the part of every overlapping
            # flag that falls on this copy, plus the part that falls on no copy at all
            for fc in flag_chars:
                if fc & tc:
                    tally.pred += len(fc & tc) + len(fc - everything)
            if len(tc & flagged) >= 0.5 * len(tc):
                tally.pairs += 1
                best = max(range(len(flags)), key=lambda k: len(flag_chars[k] & tc))
                src = _chars(text, flags[best][2], flags[best][3])
                tsrc = _chars(text, t.source_start, t.source_end)
                if src and tsrc and len(src & tsrc) >= 0.5 * min(len(src), len(tsrc)):
                    tally.pairs_ok += 1
        overall = per_kind["ALL"]
        overall.truth += len(everything)
        overall.pred += len(flagged)
        overall.tp += len(flagged & everything)
        for n in doc.negatives:
            nc = _chars(text, n.start, n.end)
            negs[n.kind][1] += 1
            if len(nc & flagged) >= 5:
                negs[n.kind][0] += 1
    for k, tally in per_kind.items():
        if k != "ALL":
            per_kind["ALL"].pairs += tally.pairs
            per_kind["ALL"].pairs_ok += tally.pairs_ok
    return per_kind, negs, elapsed


def _all_truth(doc: rd.Doc, text: str) -> set[int]:
    out: set[int] = set()
    for t in doc.repeats:
        out |= _chars(text, t.start, t.end)
    return out


def clean_flags(finder: Finder) -> tuple[int, int, float]:
    """Documents flagged and share of characters flagged on untouched real articles."""
    arts = rd.load_articles()
    docs_flagged = 0
    chars = total = 0
    for _, _, body in arts:
        flags = finder(body)
        total += len(body)
        if flags:
            docs_flagged += 1
            chars += sum(e - s for s, e, _, _ in flags)
    return docs_flagged, len(arts), chars / total if total else 0.0


# ---------------------------------------------------------------- timing


def _best(f: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t0)
    return best


def throughput() -> tuple[float, float, float]:
    """MB/s of ``find``, of the ``RemoveRepeats`` pass and of ``ftfy.fix_text`` on the untouched articles."""
    import ftfy

    from textclean.passes.repeats import RemoveRepeats

    bodies = [body for _, _, body in rd.load_articles()]
    size = sum(map(len, bodies)) / 1e6
    pass_ = RemoveRepeats()
    t_find = _best(lambda: [repeats.find(b) for b in bodies], 5)
    t_pass = _best(lambda: [pass_(b) for b in bodies], 5)
    t_ftfy = _best(lambda: [ftfy.fix_text(b) for b in bodies], 3)
    return size / t_find, size / t_pass, size / t_ftfy


def timing(
    max_pars: int, seed: int, all_pairs_max: int = 300
) -> list[tuple[int, int, float, float | None, bool, float]]:
    pool = rd.paragraph_pool()
    rng = random.Random(seed)
    rows = []
    for n in (10, 30, 100, 300, 1000, 3000, 10000):
        if n > max_pars:
            break
        doc = rd.make_scaled(n, pool, rng)
        reps = 3 if n <= 1000 else 1
        t_tc = _best(lambda doc=doc: repeats.find(doc.text), reps)
        found = textclean_find(doc.text)
        hit = sum(1 for t in doc.repeats if any(s <= t.start < e or t.start <= s < t.end for s, e, _, _ in found))
        recall = hit / len(doc.repeats) if doc.repeats else 1.0
        t_ap: float | None = _best(lambda doc=doc: all_pairs(doc.text), 1) if n <= all_pairs_max else None
        rows.append((n, len(doc.text), t_tc, t_ap, t_ap is not None, recall))
    # extrapolate all-pairs quadratically from the largest measured size
    base = max((r for r in rows if r[4]), key=lambda r: r[0])
    out = []
    for n, size, t_tc, t_ap, measured, recall in rows:
        if t_ap is None and base[3] is not None:
            t_ap = base[3] * (n / base[0]) ** 2
        out.append((n, size, t_tc, t_ap, measured, recall))
    return out


# ---------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--max-pars", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--all-pairs-max", type=int, default=300, help="largest size timed for all-pairs (then est.)")
    ap.add_argument("--json", help="write the numbers to this file")
    args = ap.parse_args()
    docs = rd.make_corpus(args.docs, seed=args.seed)
    n_rep = sum(len(d.repeats) for d in docs)
    n_neg = sum(len(d.negatives) for d in docs)
    print(f"# repeats benchmark: {len(docs)} documents, {n_rep} injected copies, {n_neg} hard negatives\n")
    results: dict[str, object] = {}
    kinds = [*rd.REPEAT_KINDS, "ALL"]
    summary = []
    for name in args.systems.split(","):
        finder = SYSTEMS[name]
        per_kind, negs, elapsed = score(docs, finder)
        clean = clean_flags(finder)
        results[name] = {
            "kinds": {k: {"prf": per_kind[k].prf(), "pairs": (per_kind[k].pairs_ok, per_kind[k].pairs)} for k in kinds},
            "negatives": {k: v for k, v in negs.items()},
            "clean": clean,
            "seconds": elapsed,
        }
        print(f"## {name}  ({elapsed:.2f} s for the corpus)\n")
        print("| kind | precision | recall | F1 | pair accuracy |")
        print("|---|---:|---:|---:|---:|")
        for k in kinds:
            t = per_kind[k]
            p, r, f = t.prf()
            pa = f"{t.pairs_ok / t.pairs:.3f}" if t.pairs else "-"
            label = f"**{k}**" if k == "ALL" else k
            print(f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | {pa} |")
        neg_total = sum(v[0] for v in negs.values())
        neg_all = sum(v[1] for v in negs.values())
        neg_txt = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(negs.items()))
        print(f"\nhard negatives flagged: {neg_total}/{neg_all} ({neg_total / max(1, neg_all):.1%}) — {neg_txt}")
        print(f"clean articles with any flag: {clean[0]}/{clean[1]}, flagged characters {clean[2]:.3%}\n")
        p, r, f = per_kind["ALL"].prf()
        t = per_kind["ALL"]
        summary.append((name, p, r, f, t.pairs_ok / t.pairs if t.pairs else 0.0, neg_total / max(1, neg_all), elapsed))
    print("## summary\n")
    print("| system | precision | recall | F1 | pair accuracy | hard negatives flagged | corpus seconds |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    base = next((s for s in summary if s[0] == "textclean"), summary[0])
    for name, p, r, f, pa, neg, sec in summary:
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {pa:.3f} | {neg:.1%} | {sec:.2f} ({sec / base[6]:.1f}×) |")
    print("\n## time against paragraph count\n")
    print("| paragraphs | MB | textclean s | MB/s | recall of injected copies | all-pairs s | all-pairs / textclean |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    rows = timing(args.max_pars, args.seed, args.all_pairs_max)
    for n, size, t_tc, t_ap, measured, recall in rows:
        ap_txt = "-" if t_ap is None else (f"{t_ap:.3f}" if measured else f"~{t_ap:.0f} (est.)")
        ratio = "-" if t_ap is None else f"{t_ap / t_tc:.0f}×"
        print(f"| {n} | {size / 1e6:.2f} | {t_tc:.4f} | {size / 1e6 / t_tc:.1f} | {recall:.3f} | {ap_txt} | {ratio} |")
    by_n = {r[0]: r for r in rows}
    if 1000 in by_n and 10000 in by_n:
        print(f"\n10,000 / 1,000 paragraphs time ratio: {by_n[10000][2] / by_n[1000][2]:.1f}× (goal ≤ 15×)")
    results["timing"] = rows
    mb_find, mb_pass, mb_ftfy = throughput()
    print("\n## throughput on the untouched articles (few repeats)\n")
    print("| what | MB/s | vs ftfy.fix_text |")
    print("|---|---:|---:|")
    print(f"| textclean.repeats.find | {mb_find:.1f} | {mb_find / mb_ftfy:.1f}× |")
    print(f"| RemoveRepeats pass (pipeline overhead included) | {mb_pass:.1f} | {mb_pass / mb_ftfy:.1f}× |")
    print(f"| ftfy.fix_text | {mb_ftfy:.1f} | 1.0× |")
    results["throughput"] = {"find": mb_find, "pass": mb_pass, "ftfy": mb_ftfy}
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=1, default=str)


if __name__ == "__main__":
    main()
