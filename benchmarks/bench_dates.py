"""Date finding: accuracy, false positives and speed beside dateparser.

``python -m benchmarks.bench_dates [--quick]``

* **accuracy** on the case tables (``tests/data/dates/cases_*.jsonl``): a
  case is right when every expected mention is found with the right value
  and nothing else is reported; mention precision/recall count values.
  dateparser (``search_dates(languages=["ru","en"])`` with the case's
  reference as ``RELATIVE_BASE``) is scored the same way, a mention being
  right when its datetime agrees with the expected value at the expected
  grain (the start of a range; dateparser has no ranges);
* **false positives**: mentions reported on ``negatives.jsonl``, and junk
  mentions (a bare English word such as ``may``/``now``, a bare number, a
  decimal, a phone-like run) on the seeds and the dev pages;
* **speed** of ``dates.find`` in KB/s beside ``search_dates`` on the same
  text, and of ``find`` on 1 MB hostile inputs.

dateparser is a dev dependency only (``pip install dateparser``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textclean import dates

from .hostile import CASES as HOSTILE
from .hostile import ordinary
from .realworld import load

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "dates"
_JUNK_WORDS = {
    "may",
    "march",
    "now",
    "we",
    "today",
    "a",
    "an",
    "on",
    "in",
    "at",
    "sat",
    "sun",
    "second",
    "mon",
    "the",
}  # lower-case only
_JUNK = re.compile(r"^\s*(?:\d{1,3}|\d{5,}|\d+[.,]\d+%?|(?!\d{4}-\d\d-\d\d)[\d\s()+-]{9,})\s*$")

Finder = Callable[[str, str | None], list[tuple[str, int, int, str | None]]]


def _cases(name: str) -> list[dict[str, Any]]:
    return [json.loads(x) for x in (DATA / name).read_text(encoding="utf-8").splitlines() if x.strip()]


def ours(text: str, reference: str | None) -> list[tuple[str, int, int, str | None]]:
    return [(m.text, m.start, m.end, m.value) for m in dates.find(text, reference=reference)]


def _dateparser() -> Finder | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    def run(text: str, reference: str | None) -> list[tuple[str, int, int, str | None]]:
        settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False}
        if reference:
            ref = dates.coerce_reference(reference)
            if isinstance(ref, dt.datetime):
                settings["RELATIVE_BASE"] = ref.replace(tzinfo=None)
            elif isinstance(ref, dt.date):
                settings["RELATIVE_BASE"] = dt.datetime(ref.year, ref.month, ref.day)
        try:
            found = search_dates(text, languages=["ru", "en"], settings=settings) or []
        except Exception:  # noqa: BLE001 - a crash of the peer scores as "nothing found"
            return []
        out = []
        pos = 0
        for sub, when in found:
            start = text.find(sub, pos)
            if start < 0:
                start = text.find(sub)
            pos = max(pos, start + len(sub))
            out.append((sub, start, start + len(sub), when.isoformat(timespec="minutes")))
        return out

    return run


def _agrees(expected: str, got: str | None, exact: bool) -> bool:
    """Does ``got`` say ``expected``?  ``exact`` for ISO strings; else a datetime read at the expected grain."""
    if got is None:
        return False
    if exact:
        return got == expected
    first = expected.split("/", maxsplit=1)[0]
    if first.startswith("--"):
        return False  # dateparser always invents a year
    if "-W" in first:
        year, week = first.split("-W")
        d = dt.datetime.fromisoformat(got).date().isocalendar()
        return (d.year, d.week) == (int(year), int(week))
    first = re.sub(r"(Z|[+-]\d\d:\d\d)$", "", first)
    n = len(first)
    return got[:n] == first if n <= 16 else got[:16] == first[:16]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(finder: Finder, cases: Iterable[dict[str, Any]], *, exact: bool) -> dict[str, float]:
    right_cases = total_cases = tp = fp = fn = 0
    for case in cases:
        total_cases += 1
        found = finder(case["text"], case.get("reference"))
        exp = []
        pos = 0
        for e in case["expect"]:
            s = case["text"].find(e["text"], pos)
            pos = s + len(e["text"])
            exp.append((s, s + len(e["text"]), e["value"]))
        used: set[int] = set()
        ok = True
        for s, t, value in exp:
            hit = next(
                (i for i, f in enumerate(found) if i not in used and _overlaps((s, t), (f[1], f[2]))),
                None,
            )
            if hit is not None and _agrees(value, found[hit][3], exact):
                tp += 1
                used.add(hit)
            else:
                fn += 1
                ok = False
                if hit is not None:
                    used.add(hit)
                    fp += 1
        extra = len(found) - len(used)
        fp += extra
        if ok and extra == 0:
            right_cases += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"cases": total_cases, "accuracy": right_cases / total_cases, "precision": precision, "recall": recall}


def junk(mentions: Iterable[tuple[str, int, int, str | None]]) -> int:
    return sum(1 for m in mentions if m[0].strip() in _JUNK_WORDS or _JUNK.match(m[0]))


def _rate(fn: Callable[[], object], size: int, *, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return size / 1000 / best


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer cases and pages for dateparser")
    args = ap.parse_args(argv)
    peer = _dateparser()
    dates.find("warm up 12 января 2022")

    print("### Accuracy on the case tables\n")
    print("| set | finder | cases | case accuracy | mention precision | mention recall |")
    print("|---|---|---:|---:|---:|---:|")
    for lang in ("en", "ru"):
        cases = _cases(f"cases_{lang}.jsonl")
        peer_cases = cases[::3] if args.quick else cases
        for name, finder, subset, exact in (
            ("textclean", ours, cases, True),
            ("dateparser", peer, peer_cases, False),
        ):
            if finder is None:
                continue
            r = score(finder, subset, exact=exact)
            print(
                f"| {lang} | {name} | {r['cases']} | {r['accuracy']:.1%} | {r['precision']:.1%} | {r['recall']:.1%} |"
            )
    print(
        "\ntextclean must match the ISO value exactly (ranges, zones, weeks, year-less forms);"
        " dateparser only at the expected grain, on the start of a range.\n"
    )

    print("### False positives\n")
    negatives = _cases("negatives.jsonl")
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    try:
        pages = [r["noisy_text"] for r in load("fullpage") if r.get("lang") in ("en", "ru")]
    except OSError:
        pages = []
    if args.quick:
        pages = pages[:40]
    print("| input | finder | texts | mentions | junk mentions |")
    print("|---|---|---:|---:|---:|")
    peer_pages = pages[:40]
    for label, texts, peer_texts in (
        ("negatives.jsonl (any mention is wrong)", [c["text"] for c in negatives], [c["text"] for c in negatives]),
        ("seeds", seeds, seeds),
        ("dev pages (en/ru fullpage)", pages, peer_pages),
    ):
        for name, finder, subset in (("textclean", ours, texts), ("dateparser", peer, peer_texts)):
            if finder is None or not subset:
                continue
            found = [m for t in subset for m in finder(t, None)]
            print(f"| {label} | {name} | {len(subset)} | {len(found)} | {junk(found)} |")
    print()

    print("### Speed\n")
    news = "\n\n".join(seeds)
    sample = (news * (200_000 // len(news) + 1))[:200_000]
    page_text = "\n".join(pages)[:1_000_000] or sample
    print("| text | size | textclean KB/s | dateparser KB/s | ratio |")
    print("|---|---:|---:|---:|---:|")
    for label, text in (("seeds (news)", sample), ("dev pages", page_text)):
        rate = _rate(lambda text=text: dates.find(text), len(text))
        peer_rate = float("nan")
        if peer is not None:
            chunk = text[:20_000]
            peer_rate = _rate(lambda chunk=chunk: peer(chunk, None), len(chunk), repeat=1)
        print(f"| {label} | {len(text) // 1000} KB | {rate:,.0f} | {peer_rate:,.0f} | {rate / peer_rate:,.0f}× |")
    print()

    print("### find on 1 MB hostile inputs\n")
    base = ordinary(1_000_000)
    base_t = 1_000 / _rate(lambda: dates.find(base), len(base), repeat=1)
    print("| input | seconds | × ordinary |")
    print("|---|---:|---:|")
    for label, make in HOSTILE.items():
        text = make(1_000_000)
        secs = 1_000 / _rate(lambda text=text: dates.find(text), len(text), repeat=1)
        print(f"| {label} | {secs:.3f} | {secs / base_t:.1f} |")


if __name__ == "__main__":
    main()
