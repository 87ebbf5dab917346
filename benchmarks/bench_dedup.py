"""Near-duplicate detection on a synthetic corpus of real article text with known clusters.

Run: ``.venv/bin/python -m benchmarks.bench_dedup [--sizes 10000 100000] [--skip-clean]``

The corpus is built from the paragraphs of the 581 real pages in
``../shared/dev/realworld/residual.jsonl``: each base article joins 4-14 random
paragraphs; 30 % of them get 1-5 copies, each an exact copy, a reformatted
copy (case, spacing, punctuation), an edited copy (about 3 % of the words
changed), a truncated copy (75-95 % of the words), a copy with header and
footer chrome (short lines taken from the real pages), or a mix.  Hard
negatives: 5 % of the articles share a quarter of their paragraphs with
another article and are not duplicates.

Each method runs in its own process, so its peak memory (``ru_maxrss``) is
its own:

* ``textclean dedup``: the whole CLI run (read JSONL, dedup, write kept
  records and clusters);
* ``Deduplicator``: the library on texts already in memory;
* ``datasketch``: ``MinHash`` (128 permutations, the same word 4-shingles)
  and ``MinHashLSH(threshold=0.5)`` used directly, candidates taken as
  duplicates (no verification), clusters by union-find.
* ``textclean clean`` (streaming) for memory against corpus size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "realworld"
VARIANTS = ("exact", "reformat", "edited", "truncated", "chrome", "truncated+chrome", "edited+chrome")
TRUNCATED = {"truncated", "truncated+chrome"}


def _pools() -> tuple[list[str], list[str]]:
    """Distinct paragraphs of 15-150 words, and short lines (page chrome), from the real pages.

    Paragraphs that start with the same eight words count once, so two base
    articles never share a paragraph by accident (the dev pages hold the same
    sites, and the same sentence of site chrome, many times).
    """
    paragraphs: dict[str, str] = {}
    chrome: set[str] = set()
    with open(DEV / "residual.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for text in (row.get("truth_text"), row.get("noisy_text")):
                for para in (text or "").split("\n"):
                    para = " ".join(para.split())
                    words = para.split(" ")
                    if 15 <= len(words) <= 150:
                        paragraphs.setdefault(" ".join(words[:8]).casefold(), para)
                    elif 1 <= len(words) <= 6 and para:
                        chrome.add(para)
    return sorted(paragraphs.values()), sorted(chrome)


def _edit(text: str, rng: random.Random, rate: float = 0.03) -> str:
    words = text.split(" ")
    out = []
    for w in words:
        r = rng.random()
        if r < rate / 3:
            continue  # deleted
        if r < 2 * rate / 3:
            out.append(w[::-1] or w)  # changed
        elif r < rate:
            out.extend((w, rng.choice(("also", "reportedly", "now", "however"))))  # inserted
        else:
            out.append(w)
    return " ".join(out)


def _variant(kind: str, base: str, rng: random.Random, chrome: list[str]) -> str:
    text = base
    if "edited" in kind:
        text = _edit(text, rng)
    if "truncated" in kind:
        words = text.split(" ")
        text = " ".join(words[: int(len(words) * rng.uniform(0.75, 0.95))])
    if "chrome" in kind:
        head = "\n".join(rng.sample(chrome, rng.randint(1, 4)))
        foot = "\n".join(rng.sample(chrome, rng.randint(2, 6)))
        text = f"{head}\n{text}\n{foot}"
    if kind == "reformat":
        text = re.sub(r"\n", "\n\n", text).upper().replace(",", " ,")
    return text


def build_corpus(n_docs: int, seed: int = 7) -> tuple[list[dict[str, Any]], dict[str, int], dict[str, str]]:
    """Records, the true cluster of each id, and each id's variant kind."""
    rng = random.Random(seed)
    paragraphs, chrome = _pools()
    records: list[dict[str, Any]] = []
    truth: dict[str, int] = {}
    kinds: dict[str, str] = {}
    cluster = 0
    previous: list[str] = []
    while len(records) < n_docs:
        paras = rng.sample(paragraphs, rng.randint(4, 14))
        if previous and rng.random() < 0.05:  # hard negative: shares a quarter of another article
            other = rng.choice(previous).split("\n")
            share = max(1, len(paras) // 4)
            paras[:share] = other[:share]
        base = "\n".join(paras)
        if len(previous) < 2000:
            previous.append(base)
        else:
            previous[rng.randrange(2000)] = base
        members = [("original", base)]
        if rng.random() < 0.3:
            for _ in range(rng.randint(1, 5)):
                kind = rng.choice(VARIANTS)
                members.append((kind, _variant(kind, base, rng, chrome)))
        rng.shuffle(members)
        for kind, text in members:
            doc_id = f"d{len(records)}"
            records.append({"id": doc_id, "text": text})
            truth[doc_id] = cluster
            kinds[doc_id] = kind
        cluster += 1
    return records, truth, kinds


def _pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    out = set()
    for g in groups:
        g = sorted(g)
        for i in range(len(g)):
            for j in range(i + 1, len(g)):
                out.add((g[i], g[j]))
    return out


def score(pred_groups: list[list[str]], truth: dict[str, int]) -> tuple[float, float, float]:
    by: dict[int, list[str]] = {}
    for doc_id, c in truth.items():
        by.setdefault(c, []).append(doc_id)
    gold = _pairs([g for g in by.values() if len(g) > 1])
    pred = _pairs(pred_groups)
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


# -- methods (each runs in a child process) ------------------------------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _load(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def run_api(path: str) -> dict[str, Any]:
    from textclean.corpus import Deduplicator

    records = _load(path)
    t0 = time.perf_counter()
    dd = Deduplicator()
    for r in records:
        dd.add(r["id"], r["text"])
    clusters = dd.clusters()
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "groups": [list(c.ids) for c in clusters], "kept": [c.kept for c in clusters]}


def run_datasketch(path: str) -> dict[str, Any]:
    from datasketch import MinHash, MinHashLSH

    from textclean.corpus.dedup import normalise_tokens

    records = _load(path)
    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in records:
        toks = normalise_tokens(r["text"])
        m = MinHash(num_perm=128)
        m.update_batch([" ".join(toks[i : i + 4]).encode("utf-8") for i in range(max(1, len(toks) - 3))])
        parent[r["id"]] = r["id"]
        for other in lsh.query(m):
            a, b = find(other), find(r["id"])
            if a != b:
                parent[b] = a
        lsh.insert(r["id"], m)
    groups: dict[str, list[str]] = {}
    for doc_id in parent:
        groups.setdefault(find(doc_id), []).append(doc_id)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "groups": [g for g in groups.values() if len(g) > 1], "kept": []}


def _child_cmd(argv: list[str]) -> dict[str, Any]:
    """Run a command and measure its wall time and peak RSS (via a tiny wrapper process)."""
    wrapper = (
        "import json, resource, subprocess, sys, time\n"
        "t0 = time.perf_counter()\n"
        "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
        "print(json.dumps({'rc': rc, 'seconds': time.perf_counter() - t0,"
        " 'peak_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, *argv], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(out.stdout)
    if result["rc"] != 0:
        raise RuntimeError(f"{argv} exited with {result['rc']}")
    return result


def run_cli(path: str, workdir: str) -> dict[str, Any]:
    out, cl = os.path.join(workdir, "kept.jsonl"), os.path.join(workdir, "clusters.jsonl")
    code = (  # the dedup command alone, as the CLI registers it
        "import argparse, sys; from textclean.cli.commands import dedup; p = argparse.ArgumentParser(); "
        "dedup.register(p.add_subparsers()); a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))"
    )
    res = _child_cmd([sys.executable, "-c", code, "dedup", path, "-o", out, "--clusters", cl, "--no-progress"])
    groups, kept = [], []
    with open(cl, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            groups.append(row["ids"])
            kept.append(row["kept"])
    with open(out, encoding="utf-8") as fh:
        res["records_kept"] = sum(1 for _ in fh)
    res.update(groups=groups, kept=kept)
    return res


def run_clean(path: str, workdir: str) -> dict[str, Any]:
    code = "import sys; from textclean.cli import main; sys.exit(main())"
    return _child_cmd([sys.executable, "-c", code, "clean", path, "-o", os.path.join(workdir, "clean.jsonl")])


def _in_child(method: str, path: str) -> dict[str, Any]:
    code = (
        "import json, sys; from benchmarks import bench_dedup as b; "
        f"r = b.run_{method}(sys.argv[1]); r['peak_mb'] = b._peak_mb(); print(json.dumps(r))"
    )
    out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def run_ray(path: str, cpus: int) -> dict[str, Any]:
    """``clean_dataset`` and ``dedup_dataset`` on a local Ray with ``cpus`` CPUs (run in a child process)."""
    import ray

    from textclean.integrations.ray import clean_dataset, dedup_dataset

    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False, configure_logging=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        ds = ray.data.read_json(path, override_num_blocks=8 * cpus).materialize()
        t0 = time.perf_counter()
        clean_dataset(ds).materialize()
        t1 = time.perf_counter()
        kept = dedup_dataset(ds, num_partitions=4 * cpus, drop=True).count()
        t2 = time.perf_counter()
    finally:
        ray.shutdown()
    return {"clean_seconds": t1 - t0, "dedup_seconds": t2 - t1, "kept": kept}


def ray_table(n: int) -> None:
    records, truth, _ = build_corpus(n)
    with tempfile.TemporaryDirectory() as workdir:
        path = os.path.join(workdir, "corpus.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        results = {}
        for cpus in (1, 2):
            code = (
                "import json, sys; from benchmarks import bench_dedup as b; "
                f"print(json.dumps(b.run_ray(sys.argv[1], {cpus})))"
            )
            out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, check=True)
            results[cpus] = json.loads(out.stdout.strip().splitlines()[-1])
    n_clusters = len(set(truth.values()))
    print(f"Ray Data, {n:,} records ({n_clusters:,} true clusters), local Ray")
    print("CPUs  clean docs/s  dedup docs/s  kept     speed-up clean  speed-up dedup")
    for cpus, r in results.items():
        print(
            f"{cpus:<5} {n / r['clean_seconds']:>12,.0f}  {n / r['dedup_seconds']:>12,.0f}  {r['kept']:<8,} "
            f"{results[1]['clean_seconds'] / r['clean_seconds']:>14.2f}  "
            f"{results[1]['dedup_seconds'] / r['dedup_seconds']:>14.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000])
    parser.add_argument("--skip-clean", action="store_true", help="do not measure 'textclean clean' memory")
    parser.add_argument("--skip-datasketch", action="store_true")
    parser.add_argument("--ray", type=int, metavar="N", help="instead: the Ray adapter on N records, 1 CPU vs 2")
    args = parser.parse_args()
    if args.ray:
        ray_table(args.ray)
        return
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for n in args.sizes:
            records, truth, kinds = build_corpus(n)
            path = os.path.join(workdir, f"corpus{n}.jsonl")
            with open(path, "w", encoding="utf-8") as fh:
                for r in records:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            n_clusters = len(set(truth.values()))
            mb = os.path.getsize(path) / 1e6
            print(f"corpus {n:,} records ({mb:,.0f} MB), {n_clusters:,} true clusters, {Counter(kinds.values())}")
            results = {"textclean dedup (CLI)": run_cli(path, workdir), "Deduplicator (API)": _in_child("api", path)}
            if not args.skip_datasketch:
                results["datasketch MinHashLSH"] = _in_child("datasketch", path)
            base = results.get("datasketch MinHashLSH", {}).get("seconds")
            for name, res in results.items():
                p, r, f1 = score(res["groups"], truth)
                kept_ok = sum(kinds[k] not in TRUNCATED for k in res["kept"])
                grouped = sum(len(g) for g in res["groups"])
                records_kept = res.get("records_kept", n - grouped + len(res["groups"]))
                rows.append(
                    (
                        n,
                        name,
                        f"{p:.4f}",
                        f"{r:.4f}",
                        f"{f1:.4f}",
                        f"{records_kept:,}/{n_clusters:,}",
                        f"{kept_ok / len(res['kept']):.3f}" if res["kept"] else "-",
                        f"{n / res['seconds']:,.0f}",
                        f"{base / res['seconds']:.2f}x" if base else "-",
                        f"{res['peak_mb']:,.0f}",
                    )
                )
            if not args.skip_clean:
                res = run_clean(path, workdir)
                speed, peak = f"{n / res['seconds']:,.0f}", f"{res['peak_mb']:,.0f}"
                rows.append((n, "textclean clean (streaming)", "", "", "", "", "", speed, "", peak))
    head = ("docs", "method", "pair P", "pair R", "pair F1", "kept/clusters", "kept complete", "docs/s", "vs ds", "MB")
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=False)]
    for row in (head, *rows):
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)))
    print(
        "\n'kept complete': share of clusters whose kept record is not a truncated copy; "
        "'vs ds': speed relative to datasketch in this run; MB: peak resident memory of the process."
    )


if __name__ == "__main__":
    main()
