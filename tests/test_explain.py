"""The explain view: the HTML page marks every edit, escapes everything and loads nothing."""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textclean
from textclean.edits import Change, Edit
from textclean.explain import PALETTE, display_rule, family_colours, family_of, render_html, render_text, rule_table
from textclean.passes.structure import TidyWhitespace
from textclean.pipeline import Cleaned, Document, Pass, Pipeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
VOID = {"meta", "link", "br", "img", "hr", "input", "col", "wbr"}


# -- passes that make every kind of edit --------------------------------------------------------
@attrs.frozen
class _Noise(Pass):
    """Removes runs of ``x`` (a removal in family ``noise``)."""

    name = "markers"

    def propose(self, doc: Document) -> Iterable[Change]:
        return [Change(m.start(), m.end(), "", "noise.x") for m in re.finditer("x+", doc.text)]


@attrs.frozen
class _Amp(Pass):
    """Spells out ``&`` (a change, family = pass name)."""

    name = "spell"

    def propose(self, doc: Document) -> Iterable[Change]:
        return [Change(m.start(), m.end(), "and", "ampersand") for m in re.finditer("&", doc.text)]


@attrs.frozen
class _Insert(Pass):
    """Inserts a marker before every ``#`` (a zero-width edit)."""

    name = "insert"

    def propose(self, doc: Document) -> Iterable[Change]:
        return [Change(m.start(), m.start(), "§", "mark.hash") for m in re.finditer("#", doc.text)]


@attrs.frozen
class _Stamp:
    start: int
    end: int
    value: str


@attrs.frozen
class _Repeat:
    start: int
    end: int
    source_start: int
    source_end: int
    kind: str = "exact"
    similarity: float = 1.0


@attrs.frozen
class _Annotate(Pass):
    """Records every ``2024`` as a date and every second ``abc`` as a repeat of the first."""

    name = "annotate"

    def propose(self, doc: Document) -> Iterable[Change]:
        for m in re.finditer("2024", doc.text):
            s, e = doc.span_to_original(m.start(), m.end())
            doc.dates.append(_Stamp(s, e, "2024-01-01"))
        hits = [doc.span_to_original(*m.span()) for m in re.finditer("abc", doc.text)]
        if len(hits) >= 2:
            (s0, e0), (s, e) = hits[:2]
            doc.repeats.append(_Repeat(s, e, s0, e0))
        return []


PIPE = Pipeline([_Annotate(), _Noise(), _Amp(), _Insert(), TidyWhitespace()])


# -- a strict reader of the page ----------------------------------------------------------------
class Page(HTMLParser):
    """Collects the edit elements, the text of both columns and every URL-ish attribute."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.marked: list[dict[str, Any]] = []
        self.dates: list[tuple[str, str]] = []
        self.columns: dict[str, list[str]] = {"original": [], "cleaned": []}
        self.tags: list[str] = []
        self.attr_names: set[str] = set()
        self.style = ""
        self.feed(html)
        self.close()
        assert not self.stack, f"unclosed elements: {self.stack}"

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        attrs_map = {k: v or "" for k, v in attrs_}
        self.tags.append(tag)
        self.attr_names.update(attrs_map)
        if tag in VOID:
            return
        self.stack.append((tag, attrs_map))
        classes = attrs_map.get("class", "").split()
        if tag in {"del", "mark", "ins"} and "edit" in classes:
            self.marked.append({"tag": tag, "attrs": attrs_map, "text": []})
        if tag == "span" and "date" in classes:
            self.dates.append((attrs_map["title"], ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        opened, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "style":
            self.style += data
        for tag, attrs_map in self.stack:
            if attrs_map.get("id") in self.columns:
                self.columns[attrs_map["id"]].append(data)
            if tag in {"del", "mark", "ins"} and "edit" in attrs_map.get("class", "").split():
                self.marked[-1]["text"].append(data)
            if tag == "span" and "date" in attrs_map.get("class", "").split():
                title, text = self.dates[-1]
                self.dates[-1] = (title, text + data)

    def column(self, name: str) -> str:
        return "".join(self.columns[name])


def _check_page(result: Cleaned, page_html: str) -> Page:
    page = Page(page_html)
    assert len(page.marked) == len(result.edits)
    for element, edit in zip(page.marked, result.edits, strict=True):
        assert "".join(element["text"]) == edit.removed
        assert element["attrs"]["title"].startswith(edit.qualified_rule)
        assert element["attrs"]["data-rule"] == edit.qualified_rule
        assert (int(element["attrs"]["data-start"]), int(element["attrs"]["data-end"])) == (edit.start, edit.end)
        expected_tag = "ins" if edit.start == edit.end else ("del" if edit.is_removal else "mark")
        assert element["tag"] == expected_tag
        if edit.replacement.strip():
            assert edit.replacement[:40] in element["attrs"]["title"]
    assert page.column("original") == result.original
    assert page.column("cleaned") == result.text
    # nothing that could load a resource: no such elements or attributes, no url() or @import in the CSS
    assert not {"script", "link", "img", "iframe", "object", "embed", "video", "audio", "source"} & set(page.tags)
    assert not {"src", "href", "srcset", "action", "poster", "data", "background"} & page.attr_names
    assert "url(" not in page.style and "@import" not in page.style and page.style
    return page


# -- HTML ---------------------------------------------------------------------------------------
def test_every_edit_is_marked_with_its_rule() -> None:
    text = "Title xxx here\n\n\n\n#tag & more xx\ntrailing   \n"
    result = PIPE(text)
    kinds = {(e.start == e.end, e.is_removal) for e in result.edits}
    assert kinds >= {(True, False), (False, True), (False, False)}  # insert, removal, change all present
    _check_page(result, render_html(result, title="t"))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab x&#<>\"'\n\t\u00a0", max_size=80))
def test_page_marks_every_edit_and_keeps_both_texts(text: str) -> None:
    result = PIPE(text)
    _check_page(result, render_html(result, title=text))


def test_hostile_text_is_escaped() -> None:
    evil = "<script>alert('x')</script> \"quoted\" &amp; <img src=http://evil.example/x.png> xx url(https://e.x)\n"
    title = "</title><script>alert(1)</script>"
    result = PIPE(evil)
    page_html = render_html(result, title=title)
    assert "<script" not in page_html
    assert "<img" not in page_html
    assert "&lt;script&gt;" in page_html
    page = Page(page_html)
    assert page.column("original") == evil
    assert "script" not in page.tags and "img" not in page.tags


def test_control_characters_become_visible() -> None:
    result = Pipeline([TidyWhitespace()])("bell\x07 and escape \x1b[31m red\n")
    page_html = render_html(result)
    assert "\x1b" not in page_html and "\x07" not in page_html
    assert "\u241b[31m" in page_html  # ␛ stands in for ESC


def test_page_has_csp_and_no_network() -> None:
    result = textclean.clean((SEEDS / "004_9c5419554aa1a0fb.txt").read_text(encoding="utf-8"))
    page_html = render_html(result, title="seed")
    assert "Content-Security-Policy" in page_html and "default-src 'none'" in page_html
    _check_page(result, page_html)


def test_dates_and_repeats_are_annotated_even_inside_edits() -> None:
    text = "abc on 2024 then x2024x and abc again"
    result = PIPE(text)
    assert len(result.dates) == 2 and len(result.repeats) == 1
    page = _check_page(result, render_html(result))
    assert [t for _, t in page.dates] == ["2024", "2024"]
    assert all(title == "date: 2024-01-01" for title, _ in page.dates)
    html = render_html(result)
    assert 'class="rep"' in html and "of characters 0–3" in html
    assert "Dates (2)" in html and "Repeated passages (1)" in html


def test_metadata_table_escapes_keys_and_values() -> None:
    result = Cleaned(text="t", original="t", edits=(), metadata={"author": "<b>Ann</b>", "tags": ["a", "b"], "n": 3})
    html = render_html(result)
    assert "&lt;b&gt;Ann&lt;/b&gt;" in html
    assert "[&quot;a&quot;, &quot;b&quot;]" in html
    assert "No edits" in html


def test_empty_document() -> None:
    result = textclean.clean("")
    page = _check_page(result, render_html(result))
    assert page.marked == []


# -- colours ------------------------------------------------------------------------------------
def test_family_of() -> None:
    assert family_of(Edit(0, 1, "", "a", "markers", "share.bar.x")) == "share"
    assert family_of(Edit(0, 1, "", "a", "markers", "plain")) == "markers"
    assert family_of(Edit(0, 1, "", "a", "markers", ".odd")) == "markers"
    assert family_of(Edit(0, 1, "", "a", "markers", "en.not-a-rule")) == "markers"  # a language code is no family


def test_family_of_known_rules_comes_from_the_rule_data() -> None:
    from textclean.rules import load_rules

    for rule in load_rules("en")[:5]:
        assert family_of(Edit(0, 1, "", "a", "phrases", rule.id)) == rule.family


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12), unique=True, max_size=30), st.randoms())
def test_colours_are_stable_and_distinct_while_they_last(families: list[str], rnd: Any) -> None:
    colours = family_colours(families)
    shuffled = list(families)
    rnd.shuffle(shuffled)
    assert family_colours(shuffled) == colours
    assert set(colours) == set(families)
    assert all(0 <= c < len(PALETTE) for c in colours.values())
    if len(families) <= len(PALETTE):
        assert len(set(colours.values())) == len(families)


# -- terminal -----------------------------------------------------------------------------------
def test_render_text_plain_marks_edits_in_order() -> None:
    text = "keep xx this & that\n\n\n\nend"
    result = PIPE(text)
    out = render_text(result, table=False)
    assert "\x1b" not in out
    assert "[-xx-]" in out and "[-&-]{+and+}" in out
    assert out.index("[-xx-]") < out.index("{+and+}")


def test_render_text_colour_and_hostile_escapes() -> None:
    result = PIPE("red \x1b[31m word xx more")
    plain = render_text(result)
    assert "\x1b" not in plain  # the document's own escape is neutralised
    coloured = render_text(result, color=True)
    assert "\x1b[9;31mxx\x1b[0m" in coloured
    assert "\x1b[31m" not in coloured.replace("\x1b[9;31m", "")
    assert coloured.rstrip().endswith(rule_table(result).splitlines()[-1])


# -- rule table ---------------------------------------------------------------------------------
def _table_rows(table: str) -> dict[str, tuple[str, str]]:
    rows = {}
    for line in table.splitlines()[1:]:
        name, n, chars = line.rsplit(None, 2)
        rows[name] = (n, chars)
    return rows


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab x&#\n", max_size=40), min_size=1, max_size=4))
def test_rule_table_adds_up(texts: list[str]) -> None:
    results = [PIPE(t) for t in texts]
    table = rule_table(results)
    if not any(r.edits for r in results):
        assert table == "no edits"
        return
    lines = table.splitlines()
    assert len({len(line) for line in lines}) == 1  # aligned columns
    rows = _table_rows(table)
    total = rows.pop("total")
    assert int(total[0]) == sum(len(r.edits) for r in results)
    assert int(total[1]) == sum(r.removed_chars for r in results)
    for rule, (n, chars) in rows.items():
        edits = [e for r in results for e in r.edits if ":".join(display_rule(e)) == rule]
        assert int(n) == len(edits) and int(chars) == sum(e.end - e.start for e in edits)


def test_rule_table_from_counts() -> None:
    result = PIPE("xx & xx &")
    rows = _table_rows(rule_table(result.counts))
    assert rows.pop("total") == (str(sum(result.counts.values())), "-")
    assert {k: int(v[0]) for k, v in rows.items()} == dict(result.counts)


# -- the command --------------------------------------------------------------------------------
def _run(argv: list[str]) -> int:
    from textclean.cli.commands import explain

    parser = argparse.ArgumentParser(prog="textclean")
    explain.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["explain", *argv])
    code: int = args.func(args)
    return code


def test_cli_text_file_to_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "page.txt"
    src.write_text("Hello   \n\n\n\nworld\n", encoding="utf-8")
    assert _run([str(src), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "Hello[-···↵↵↵↵-]" in out and "structure:blank-lines" in out and "\x1b" not in out


def test_cli_html_from_jsonl_line_and_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "corpus.jsonl.gz"
    records = [{"id": "a", "body": "first  \n"}, {"id": "b", "body": "<second>   \n\n\n\nrecord"}]
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(records[0]) + "\n\n" + json.dumps(records[1]) + "\n")
    out_html = tmp_path / "out" / "b.html"
    assert _run([str(src), "--field", "body", "--line", "3", "--html", str(out_html)]) == 0
    page_html = out_html.read_text(encoding="utf-8")
    expected = textclean.clean(records[1]["body"])
    page = _check_page(expected, page_html)
    assert page.column("original") == records[1]["body"]
    assert "corpus.jsonl.gz:3" in page_html
    assert "wrote" in capsys.readouterr().err
    by_id = tmp_path / "by-id.html"
    assert _run([str(src), "--field", "body", "--id", "b", "--html", str(by_id)]) == 0
    assert by_id.read_text(encoding="utf-8") == page_html


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--line", "9"], "no record on line 9"),
        (["--id", "zzz"], "no record with id 'zzz'"),
        (["--line", "0"], "--line must be 1 or more"),
        (["--field", "nope"], "no field 'nope'"),
    ],
)
def test_cli_jsonl_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "t"}) + "\n", encoding="utf-8")
    assert _run([str(src), *argv]) == 1
    assert message in capsys.readouterr().err


def test_cli_text_file_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text("text", encoding="utf-8")
    assert _run([str(src), "--line", "2"]) == 1
    assert "JSONL input only" in capsys.readouterr().err
    assert _run([str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.html*"))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(alphabet="ab x&#\n", max_size=40), max_size=4))
def test_rule_table_same_from_results_edits_and_edit_dicts(texts: list[str]) -> None:
    results = [PIPE(t) for t in texts]
    edits = [e for r in results for e in r.edits]
    assert rule_table(results) == rule_table(edits) == rule_table([e.to_dict() for e in edits])


def test_tidy_edits_that_absorbed_a_removal_show_the_removal() -> None:
    result = PIPE("Body.\n\nxxxx\n\n\nMore body.")
    (edit,) = result.edits
    # the edit is the removal's (the tidy that absorbed it is listed in merged)
    assert edit.qualified_rule == "markers:noise.x" and edit.merged[0].startswith("structure:")
    assert family_of(edit) == "noise"
    page = render_html(result)
    assert '<span class="sw f' in page and ">noise<" in page and "markers:noise.x</code>" in page


def test_cli_undecodable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "bad.txt"
    src.write_bytes(b"caf\xff   \n\n\n\nok")
    assert _run([str(src)]) == 1
    assert "bad.txt" in capsys.readouterr().err
    assert _run([str(src), "--decode-errors", "replace", "--color", "never"]) == 0
    assert "caf\ufffd" in capsys.readouterr().out


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(alphabet="ab x&#\n", max_size=40), max_size=5))
def test_running_tally_gives_the_same_table(texts: list[str]) -> None:
    from textclean.explain import tally

    results = [PIPE(t) for t in texts]
    running: dict[str, tuple[int, int]] = {}
    for result in results:
        tally([e.to_dict() for e in result.edits], into=running)
    assert rule_table(running) == rule_table(results)
