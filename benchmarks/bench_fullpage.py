"""Whole-page text: the chrome classifier and the corpus boilerplate model on real pages.

Run: ``.venv/bin/python -m benchmarks.bench_fullpage [--limit N] [--siblings 8]``

Part 1 scores, on ``../shared/dev/realworld/{fullpage,residual}.jsonl`` and with
the metrics of ``benchmarks.realworld`` (token P/R/F1 and *damaged* over the
pages with ``truth_text``; snippet figures over all pages): doing nothing, the
C4 line filter, and ``Pipeline([FixUnicode(), TidyWhitespace(), ChromePass(),
TidyWhitespace()])`` at each aggressiveness.  The same run times ``ftfy.fix_text``
for a speed reference.

Part 2 measures the boilerplate model.  The dev pages hold about one page per
site (the table says how many), too few to learn from, so a **synthetic site
corpus** is built: each page with a human-annotated article becomes a site
template — the page text before and after its article — and each of
``--siblings`` sibling pages joins that template (with 20 % of its chrome
lines dropped at random, as pages of one site differ in their teasers) to the
article of another page.  The model is learned on the first half of each
site's siblings and applied to the other half; the table compares the chrome
pipeline with and without the model (and the model alone).
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from benchmarks import realworld as rw
from textclean.config import Aggressiveness
from textclean.corpus.boilerplate import BoilerplateModel, RemoveBoilerplate
from textclean.passes.chrome import ChromePass, chrome_changes
from textclean.passes.structure import TidyWhitespace
from textclean.passes.unicode import FixUnicode
from textclean.pipeline import Pipeline, Step


def chrome_pipeline(level: Aggressiveness = Aggressiveness.BALANCED, *pre: Step) -> Pipeline:
    return Pipeline([FixUnicode(), TidyWhitespace(), *pre, ChromePass(aggressiveness=level), TidyWhitespace()])


def as_cleaner(pipe: Pipeline) -> Callable[[str], str]:
    def clean(text: str) -> str:
        return pipe(text).text

    return clean


def real_pages(limit: int | None) -> None:
    import ftfy

    cleaners: dict[str, Callable[[str], str]] = {
        "nothing": rw.nothing,
        "c4-lines": rw.c4_lines,
        "ftfy.fix_text": ftfy.fix_text,
    }
    for level in Aggressiveness:
        cleaners[f"chrome ({level.value})"] = as_cleaner(chrome_pipeline(level))
    for ds in ("fullpage", "residual"):
        rows = rw.load(ds, limit)
        n_truth = sum(1 for r in rows if r.get("truth_text"))
        print(f"\n### {ds}.jsonl ({len(rows)} pages; token metrics over {n_truth})")
        print(rw.HEADER)
        speeds: dict[str, float] = {}
        for name, cleaner in cleaners.items():
            score = rw.evaluate(cleaner, rows)
            speeds[name] = score.chars / max(score.seconds, 1e-9)
            print(score.row(name), flush=True)
        ref = speeds["ftfy.fix_text"]
        texts = [r["noisy_text"] for r in rows]
        size = sum(len(t.encode("utf-8")) for t in texts)
        t0 = time.perf_counter()
        for text in texts:
            list(chrome_changes(text))
        alone = size / (time.perf_counter() - t0)
        print(
            f"\nChromePass alone (chrome_changes): {alone / 1e6:.2f} MB/s = {alone / ref:.1f}× ftfy.fix_text "
            f"({ref / 1e6:.2f} MB/s) in the same run; the pipeline rows include FixUnicode (ftfy)"
        )


def _site(row: dict[str, Any]) -> str:
    url = row.get("url") or ""
    host = urlsplit(url).hostname if "://" in url else ""
    return host or row["id"].split("/")[-1].split("-")[0]


def _template(row: dict[str, Any]) -> tuple[list[str], list[str]] | None:
    """The chrome lines before and after the article of a page, or None if the article is not found."""
    noisy, truth = row["noisy_text"], row["truth_text"]
    paras = [p.strip() for p in truth.split("\n") if p.strip()]
    if len(paras) < 2:
        return None
    start, end = noisy.find(paras[0]), noisy.rfind(paras[-1])
    if start < 0 or end < 0 or end < start:
        return None
    return noisy[:start].split("\n"), noisy[end + len(paras[-1]) :].split("\n")


def synthetic_sites(rows: list[dict[str, Any]], siblings: int, seed: int = 7) -> list[list[dict[str, str]]]:
    """One list of sibling pages (``noisy_text``, ``truth_text``) per template page."""
    rng = random.Random(seed)
    articles = [r for r in rows if r.get("truth_text")]
    sites = []
    for row in articles:
        tpl = _template(row)
        if tpl is None:
            continue
        head, tail = tpl
        pages = []
        same = [a for a in articles if a is not row and a.get("lang") == row.get("lang")]
        pool = same if len(same) >= siblings else [a for a in articles if a is not row]
        for k, other in enumerate(rng.sample(pool, siblings)):
            art = other["truth_text"]
            h = [ln for ln in head if not ln.strip() or rng.random() > 0.2]
            t = [ln for ln in tail if not ln.strip() or rng.random() > 0.2]
            pages.append({"noisy_text": "\n".join([*h, art, *t]), "truth_text": art, "id": f"{row['id']}#{k}"})
        sites.append(pages)
    return sites


def corpus_gain(limit: int | None, siblings: int) -> None:
    rows = rw.load("fullpage", limit)
    per_site = Counter(_site(r) for r in rows)
    sizes = Counter(per_site.values())
    print(
        f"\n### boilerplate model\n\nreal pages per site: {len(rows)} pages on {len(per_site)} sites "
        f"({', '.join(f'{n} site(s) with {k}' for k, n in sorted(sizes.items()))}): too few pages per site to "
        "learn from, so the gain is measured on a synthetic site corpus (see the module docstring)."
    )
    sites = synthetic_sites(rows, siblings)
    half = siblings // 2
    model = BoilerplateModel(min_docs=2)
    t0 = time.perf_counter()
    for i, pages in enumerate(sites):
        for page in pages[:half]:
            model.add(page["noisy_text"], site=str(i))
    learn_s = time.perf_counter() - t0
    test: list[dict[str, Any]] = []
    pipes: dict[str, list[Pipeline]] = {"chrome": [], "boilerplate model alone": [], "model + chrome": []}
    for i, pages in enumerate(sites):
        remove = RemoveBoilerplate(model=model, site=str(i))
        for page in pages[half:]:
            test.append(page)
            pipes["chrome"].append(chrome_pipeline())
            pipes["boilerplate model alone"].append(Pipeline([FixUnicode(), remove, TidyWhitespace()]))
            pipes["model + chrome"].append(chrome_pipeline(Aggressiveness.BALANCED, remove))
    print(
        f"\n{len(sites)} synthetic sites × {siblings} pages; learned on {half} per site "
        f"({model.documents} pages, {learn_s * 1000:.0f} ms), scored on the other {len(test)}\n"
    )
    print(rw.HEADER)
    print(rw.evaluate(rw.nothing, test).row("nothing"))
    print(rw.evaluate(rw.c4_lines, test).row("c4-lines"))
    for name, plist in pipes.items():
        it = iter(plist)
        score = rw.evaluate(lambda text, it=it: next(it)(text).text, test)  # type: ignore[misc]
        print(score.row(name), flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="pages per dataset (default: all)")
    parser.add_argument("--siblings", type=int, default=8, help="synthetic pages per site (default: 8)")
    parser.add_argument("--skip-real", action="store_true", help="only the boilerplate-model part")
    args = parser.parse_args(argv)
    if not args.skip_real:
        real_pages(args.limit)
    corpus_gain(args.limit, args.siblings)


if __name__ == "__main__":
    main()
