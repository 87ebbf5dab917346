"""The docs: examples run, generated pages cover the code, the nav and links hold, the build is offline."""

from __future__ import annotations

import argparse
import doctest
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

#: Pages whose ``pycon`` examples are run as doctests.
EXAMPLE_PAGES = ["index.md", "getting-started.md", "concepts.md", "writing-rules.md", "explain.md"]
_PYCON = re.compile(r"^```pycon\n(.*?)^```", re.S | re.M)


def _gen_pages() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_pages", DOCS / "gen_pages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _nav_files() -> list[str]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text[text.index("\nnav:") : text.index("\nmarkdown_extensions:")]
    return re.findall(r":\s*([\w/.-]+\.md)\s*$", nav, re.M)


@pytest.mark.parametrize("page", EXAMPLE_PAGES)
def test_page_examples_run(page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = DOCS / page
    if not path.exists():
        pytest.skip(f"{page} not written")
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    blocks = _PYCON.findall(path.read_text(encoding="utf-8"))
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    # one doctest for the whole page: later examples use names defined by earlier ones; a blank
    # line inside a pycon block is printed output (the page shows it as it would appear)
    source = "\n".join(re.sub(r"(?m)^$", "<BLANKLINE>", block.rstrip("\n")) + "\n" for block in blocks)
    test = parser.get_doctest(source, {"__name__": f"docs.{page}"}, page, str(path), 0)
    runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, f"{results.failed} failing example(s) in docs/{page} (see output above)"


def test_generated_pages_cover_passes_rules_and_commands(tmp_path: Path) -> None:
    gen = _gen_pages()
    changed = gen.generate(tmp_path)
    assert {p.relative_to(tmp_path).as_posix() for p in changed} >= {
        "catalogue.md",
        "reference/cli.md",
        "reference/passes.md",
        "reference/modules.md",
    }
    catalogue = (tmp_path / "catalogue.md").read_text(encoding="utf-8")
    import textclean

    for name in textclean.default_pipeline().names:
        assert f"| `{name}`<br>" in catalogue
    from textclean.rules import FAMILIES, load_rules

    for family in FAMILIES:
        assert f"\n### {family}\n" in catalogue
    for rule in load_rules("en") + load_rules("ru"):
        assert f"`{rule.id}`" in catalogue
    cli = (tmp_path / "reference" / "cli.md").read_text(encoding="utf-8")
    from textclean.cli import build_parser

    parser = build_parser()
    subcommands = [a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert subcommands
    for choices in subcommands:
        for name, sub in choices.items():
            assert f"## textclean {name}" in cli
            for opt in sub._actions:
                for flag in opt.option_strings:
                    if flag not in ("-h", "--help"):
                        assert f"`{flag}" in cli, (name, flag)
    # a second run over the same tree writes nothing
    assert gen.generate(tmp_path) == []


def test_catalogue_cells_are_escaped() -> None:
    gen = _gen_pages()
    assert gen.cell("a | b <script>\nnext", code=True) == "<code>a &#124; b &lt;script&gt; ↵ next</code>"
    assert gen.cell("x" * 50, limit=10) == "x" * 9 + "…"


def test_benchmark_charts_come_from_the_tables() -> None:
    gen = _gen_pages()
    page = (
        "text\n\n"
        '<!-- chart: speed column="docs/s" title="Throughput" -->\n\n'
        "| tool | docs/s | ratio |\n|---|---:|---:|\n| textclean | 1,250.5 | 1.0× |\n| peer | 300 | 0.24× |\n"
        '\n<!-- chart: empty column="docs/s" -->\n| tool | docs/s |\n|---|---|\n| textclean | — |\n'
    )
    charts = gen.benchmark_charts(page)
    assert set(charts) == {"speed", "empty"}
    assert "textclean" in charts["speed"] and "1,250" in charts["speed"] and "peer" in charts["speed"]
    assert "no measurements yet" in charts["empty"]
    assert "<script" not in charts["speed"]


def test_nav_lists_every_page_and_only_pages_that_will_exist() -> None:
    nav = _nav_files()
    assert len(nav) == len(set(nav))
    generated = {"catalogue.md", "reference/cli.md", "reference/passes.md", "reference/modules.md"}
    for page in nav:
        assert page in generated or (DOCS / page).exists(), f"nav entry {page} has no file"
    written = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    assert written - set(nav) == set(), "pages missing from the nav"


def test_relative_links_point_at_pages() -> None:
    nav = set(_nav_files())
    for page in DOCS.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        text = re.sub(r"```.*?```", "", text, flags=re.S)
        for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", text):
            resolved = (page.parent / target).resolve().relative_to(DOCS.resolve()).as_posix()
            assert resolved in nav, f"{page.name} links to {target}, which is not in the nav"
        for image in re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text):
            assert not image.startswith(("http:", "https:", "//")), f"{page.name} loads a remote image"
            if not image.startswith("img/bench-"):  # charts are generated
                assert (page.parent / image).exists(), f"{page.name}: missing image {image}"


def test_site_config_is_offline() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+font: false$", config, re.M), "web fonts must stay off"
    assert not re.search(r"^\s*-\s*(social|privacy|optimize)\b", config, re.M), "no plugins that fetch"
    assert "extra_javascript" not in config and "extra_css" not in config
    assert "strict: true" in config


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None, reason="the docs extra is not installed")
def test_docs_build_strict(tmp_path: Path) -> None:
    """The whole site builds with --strict from a copy (missing guide pages stubbed)."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    for page in _nav_files():
        target = docs / page
        if not target.exists() and not page.startswith(("catalogue", "reference/")):
            target.write_text(f"# {page}\n", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: docs", f"docs_dir: {docs}").replace(
        "site_dir: site", f"site_dir: {tmp_path / 'site'}"
    )
    config = config.replace("paths: [.]", f"paths: [{ROOT}]").replace(
        "docs/griffe_rest.py", f"{DOCS / 'griffe_rest.py'}"
    )
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    subprocess.run([sys.executable, str(DOCS / "gen_pages.py"), "--docs-dir", str(docs)], check=True, cwd=ROOT)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(tmp_path / "mkdocs.yml")]
    done = subprocess.run(
        mkdocs, check=False, cwd=ROOT, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""}
    )
    assert done.returncode == 0, done.stdout + done.stderr
    site = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in site and "cdn.jsdelivr" not in site and "unpkg.com" not in site


def test_gen_pages_doctests() -> None:
    gen = _gen_pages()
    failed, attempted = doctest.testmod(gen, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert attempted > 0 and failed == 0


def test_benchmark_results_replace_their_placeholder(tmp_path: Path) -> None:
    gen = _gen_pages()
    page = (
        "# B\n\n<!-- results: speed -->\n*Not measured yet.*\n<!-- /results -->\n\n"
        "<!-- results: other -->\nx\n<!-- /results -->\n"
    )
    (tmp_path / "speed.md").write_text(
        "Measured 2026-01-02 03:04 UTC on x86_64.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", encoding="utf-8"
    )
    filled = gen.fill_results(page, tmp_path)
    assert "Not measured yet" not in filled and "Measured 2026-01-02 03:04 UTC" in filled and "| 1 | 2 |" in filled
    assert "<!-- results: other -->\nx\n<!-- /results -->" in filled  # no result file: placeholder kept
    assert gen.fill_results(filled, tmp_path) == filled  # idempotent
