"""The corpus-learned boilerplate model, its file format, its pass and ``textclean learn``."""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.cli.commands import learn
from textclean.corpus.boilerplate import (
    FORMAT,
    VERSION,
    BoilerplateModel,
    ModelError,
    RemoveBoilerplate,
    line_hash,
    normalise_line,
)
from textclean.pipeline import Pipeline

CHROME = ["Skip to content", "Subscribe to our newsletter", "Share on Facebook", "© 2024 Example Media"]
LEGAL = (
    "All content on this site is provided for general information only and does not constitute legal, "
    "financial or medical advice; always consult a qualified professional about your own situation, "
    "and read the terms of use before you rely on anything published here."
)


def story(n: int) -> str:
    return f"Story {n}: the council met on day {n} and talked about topic number {n * 7} for a long time."


def site_pages(count: int, *, extra: list[str] | None = None) -> list[str]:
    return ["\n".join([CHROME[0], story(n), CHROME[1], CHROME[2], *(extra or []), CHROME[3]]) for n in range(count)]


def learned(count: int = 6, **kw: object) -> BoilerplateModel:
    model = BoilerplateModel(**kw)  # type: ignore[arg-type]
    for text in site_pages(count, extra=[LEGAL]):
        model.add(text, site="example.com")
    return model


def test_recurring_lines_are_removed_and_articles_kept() -> None:
    model = learned()
    page = "\n".join([CHROME[0], "A brand new article about something else.", CHROME[2], CHROME[3]])
    result = RemoveBoilerplate(model=model)(page)
    assert result.text == "A brand new article about something else."
    assert {e.rule for e in result.edits} == {"site-boilerplate"}
    assert result.restore() == page


def test_digits_and_spacing_do_not_matter() -> None:
    model = learned()
    assert model.is_boilerplate("©  2031 Example   media")
    assert normalise_line(" A  1 ") == "a 0"
    assert line_hash("A 1") == line_hash("a   7")


def test_min_docs_threshold() -> None:
    assert not learned(2, min_docs=3).is_boilerplate(CHROME[1])
    assert learned(3, min_docs=3).is_boilerplate(CHROME[1])


def test_long_prose_needs_to_recur_in_most_pages() -> None:
    model = BoilerplateModel(min_docs=2)
    quoted = LEGAL.replace("general", "specific")
    pages = site_pages(10)
    pages[0] += "\n" + quoted
    pages[1] += "\n" + quoted
    for text in pages:
        model.add(text, site="s")
    assert model.is_boilerplate(CHROME[1])
    assert len(quoted) >= model.long_chars
    assert not model.is_boilerplate(quoted)  # long, and only in 2 of 10 pages
    assert learned(6, min_docs=2).is_boilerplate(LEGAL)  # long, but under every page


def test_sites_are_separate() -> None:
    model = learned()
    model.add("Skip to content\nOther site text", site="other.org")
    assert model.is_boilerplate(CHROME[0], site="example.com")
    assert not model.is_boilerplate(CHROME[0], site="other.org")
    assert not model.is_boilerplate(CHROME[0], site="unknown.net")
    assert RemoveBoilerplate(model=model, site="other.org").hashes == frozenset()


@pytest.mark.parametrize("name", ["site.model", "site.model.gz"])
def test_save_load_roundtrip(tmp_path: Path, name: str) -> None:
    model = learned()
    path = tmp_path / name
    model.save(path)
    raw = path.read_bytes()
    data = json.loads(gzip.decompress(raw) if name.endswith(".gz") else raw)
    assert data["format"] == FORMAT
    assert data["version"] == VERSION
    again = BoilerplateModel.load(path)
    assert again.boilerplate() == model.boilerplate()
    assert again.min_docs == model.min_docs
    # no text is stored, only hashes
    assert CHROME[1] not in raw.decode("latin-1")


def test_load_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.model"
    bad.write_text("{not json")
    with pytest.raises(ModelError, match=r"bad\.model"):
        BoilerplateModel.load(bad)
    other = tmp_path / "other.model"
    other.write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(ModelError, match=r"other\.model: not a textclean boilerplate model"):
        BoilerplateModel.load(other)
    newer = tmp_path / "newer.model"
    newer.write_text(json.dumps({**learned().to_dict(), "version": VERSION + 1}))
    with pytest.raises(ModelError, match="not supported"):
        BoilerplateModel.load(newer)
    with pytest.raises(ModelError, match=r"missing\.model"):
        BoilerplateModel.load(tmp_path / "missing.model")


def test_pass_pickles_and_runs_in_a_pipeline() -> None:
    step = RemoveBoilerplate(model=learned())
    again = pickle.loads(pickle.dumps(step))
    page = site_pages(1)[0]
    assert Pipeline([again])(page).text == Pipeline([step])(page).text == story(0)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from([*CHROME, LEGAL, "", "Some article text here.", "x"]), max_size=20))
def test_removes_whole_lines_only(lines: list[str]) -> None:
    text = "\n".join(lines)
    result = RemoveBoilerplate(model=learned())(text)
    assert result.restore() == text
    kept = [ln for ln in lines if ln.strip() not in CHROME and ln != LEGAL]
    assert result.text == "\n".join(kept) or result.text.split("\n") == kept


# -- the CLI ---------------------------------------------------------------------------
def run_learn(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    learn.register(sub)
    args = parser.parse_args(["learn", *argv])
    code: int = args.func(args)
    return code


def write_corpus(path: Path, records: list[dict[str, object]]) -> None:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")


def test_cli_learns_a_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [{"text": t, "url": f"https://www.example.com/{i}"} for i, t in enumerate(site_pages(5))]
    records += [{"text": "Skip to content\nonly once", "url": "https://other.org/x"}]
    write_corpus(corpus, records)
    out = tmp_path / "site.model"
    assert run_learn(str(corpus), "-o", str(out), "--site-field", "url") == 0
    model = BoilerplateModel.load(out)
    assert set(model.sites) == {"example.com", "other.org"}
    assert model.is_boilerplate(CHROME[1], site="example.com")
    assert "learned 6 records of 2 site(s)" in capsys.readouterr().err


def test_cli_errors_name_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"text": "a"}\n{"body": "b"}\n', encoding="utf-8")
    assert run_learn(str(corpus), "-o", str(tmp_path / "m")) == 1
    err = capsys.readouterr().err
    assert f"{corpus}:2:" in err and "'text'" in err
    corpus.write_text('{"text": "a"}\n{oops\n', encoding="utf-8")
    assert run_learn(str(corpus), "-o", str(tmp_path / "m")) == 1
    assert f"{corpus}:2" in capsys.readouterr().err
    assert run_learn(str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "m")) == 1
    assert "nope.jsonl" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_site_of() -> None:
    assert learn.site_of("https://www.example.com/a?b=1") == "example.com"
    assert learn.site_of("http://news.example.co.uk") == "news.example.co.uk"
    assert learn.site_of("Example.org") == "example.org"
    assert learn.site_of(3) == ""
