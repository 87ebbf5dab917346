"""``textclean dedup``: streaming JSONL in, kept records and clusters out, errors with file:line."""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("numpy")

from tests.dedup_corpus import corpus
from textclean.cli.commands import dedup


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="textclean")
    dedup.register(parser.add_subparsers())
    args = parser.parse_args(["dedup", *argv])
    code = args.func(args)
    return code, capsys.readouterr().err


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.mark.parametrize("name", ["in.jsonl", "in.jsonl.gz"])
def test_keeps_one_record_per_cluster_in_input_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    records, truth = corpus(5)
    rows = [{"id": doc_id, "text": text, "extra": i} for i, (doc_id, text) in enumerate(records)]
    _write(tmp_path / name, rows)
    code, err = _run(
        [str(tmp_path / name), "-o", str(tmp_path / "out.jsonl"), "--clusters", str(tmp_path / "c.jsonl")], capsys
    )
    assert code == 0
    out, clusters = _read(tmp_path / "out.jsonl"), _read(tmp_path / "c.jsonl")
    assert {frozenset(c["ids"]) for c in clusters} == {frozenset(c) for c in truth}
    dropped = {i for c in clusters for i in c["ids"] if i != c["kept"]}
    assert [r for r in rows if r["id"] not in dropped] == out  # records untouched, order kept
    for c in clusters:
        assert 0 < c["similarity"] <= 1
        assert "truncated" not in c["kept"]  # the most complete record is kept, never a cut copy
    assert f"{len(rows):,} records in, {len(out):,} kept, {len(rows) - len(out):,} dropped" in err
    assert not list(tmp_path.glob("*.part"))


def test_line_numbers_stand_in_for_missing_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "one two three four five six seven eight nine ten " * 5
    (tmp_path / "in.jsonl").write_text(json.dumps({"body": text}) + "\n\n" + json.dumps({"body": text.upper()}) + "\n")
    code, _ = _run(
        [
            str(tmp_path / "in.jsonl"),
            "-o",
            str(tmp_path / "o.jsonl"),
            "--field",
            "body",
            "--clusters",
            str(tmp_path / "c.jsonl"),
        ],
        capsys,
    )
    assert code == 0
    assert _read(tmp_path / "c.jsonl") == [{"ids": [1, 3], "kept": 1, "similarity": 1.0}]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "a"}\n{oops\n', "in.jsonl:2: invalid JSON"),
        ('{"text": "a"}\n{"body": "b"}\n', "in.jsonl:2: field 'text' is missing"),
        ('{"text": 3}\n', "in.jsonl:1: field 'text' is int"),
    ],
)
def test_errors_name_file_and_line_and_leave_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    (tmp_path / "in.jsonl").write_text(content)
    code, err = _run([str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o.jsonl")], capsys)
    assert code == 2 and message in err
    assert not (tmp_path / "o.jsonl").exists()


def test_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run([str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.jsonl")], capsys)
    assert code == 2 and "nope.jsonl: no such file" in err


def test_standard_input(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"id": "a", "text": "x y z"}, {"id": "b", "text": "X Y Z"}, {"id": "c", "text": "other"}]
    stdin = io.TextIOWrapper(io.BytesIO("".join(json.dumps(r) + "\n" for r in rows).encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, _ = _run(["-", "-o", str(tmp_path / "o.jsonl")], capsys)
    assert code == 0 and [r["id"] for r in _read(tmp_path / "o.jsonl")] == ["a", "c"]


def test_state_carries_over_between_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records, truth = corpus(6)
    cluster = next(iter(truth))
    first = [(i, t) for i, t in records if i not in cluster] + [(i, t) for i, t in records if i in cluster][:1]
    second = [(i, t) for i, t in records if i in cluster][1:]
    state = tmp_path / "state.npz"
    _write(tmp_path / "a.jsonl", [{"id": i, "text": t} for i, t in first])
    _write(tmp_path / "b.jsonl", [{"id": i, "text": t} for i, t in second] + [{"id": "new", "text": "brand new"}])
    assert _run([str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "a.out"), "--state", str(state)], capsys)[0] == 0
    assert state.exists()
    assert _run([str(tmp_path / "b.jsonl"), "-o", str(tmp_path / "b.out"), "--state", str(state)], capsys)[0] == 0
    # the second run's copies of an already written article are dropped; the new record is kept
    assert [r["id"] for r in _read(tmp_path / "b.out")] == ["new"]
