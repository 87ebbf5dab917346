"""The ``textclean clean`` command: formats, errors, on-error policies, resume, workers."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import textclean
from textclean.cli import main

NOISY = "Title  \n\n\n\nBody text here.   \n"


def _write_jsonl(path: Path, rows: list[object]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_jsonl_roundtrip_keeps_other_fields_and_order(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [{"id": i, "text": NOISY + str(i), "url": f"u{i}"} for i in range(20)]
    _write_jsonl(src, rows)
    out = tmp_path / "out.jsonl"
    report = tmp_path / "report.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--report", str(report)]) == 0
    got = _read_jsonl(out)
    assert [r["id"] for r in got] == list(range(20))
    assert [r["url"] for r in got] == [f"u{i}" for i in range(20)]
    assert got[3]["text"] == textclean.clean(NOISY + "3").text
    reports = _read_jsonl(report)
    assert len(reports) == 20 and reports[0]["edits"]


def test_gzip_in_and_out(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": NOISY}) + "\n")
    out = tmp_path / "out.jsonl.gz"
    assert main(["clean", str(src), "-o", str(out)]) == 0
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        assert json.loads(fh.readline())["text"] == "Title\n\nBody text here."


def test_bad_json_names_file_and_line_and_leaves_no_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "ok"}\n{"text": "ok"}\n{"text": broken\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{src}:3: invalid JSON" in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]


@pytest.mark.parametrize(("policy", "expected_out"), [("skip", 2), ("keep", 4)])
def test_on_error_policies_account_for_every_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], policy: str, expected_out: int
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"text": "a  "}\n{"body": "no text field"}\n{"text": 5}\n{"text": "b"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--on-error", policy]) == 0
    got = _read_jsonl(out)
    assert len(got) == expected_out
    err = capsys.readouterr().err
    skipped = 4 - expected_out
    assert f"4 records in, {expected_out} out, {skipped} skipped" in err
    assert "no field 'text'" in err and "is int, not a string" in err
    if policy == "keep":
        assert got[1] == {"body": "no text field"} and got[2] == {"text": 5}


def test_missing_field_fails_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, [{"text": "x"}, {"content": "y"}])
    assert main(["clean", str(src), "-o", str(tmp_path / "o.jsonl")]) == 1
    assert f"{src}:2: no field 'text'" in capsys.readouterr().err


def test_field_option(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, [{"content": "a   \n\n\n\nb", "text": "untouched  "}])
    out = tmp_path / "o.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--field", "content"]) == 0
    assert _read_jsonl(out) == [{"content": "a\n\nb", "text": "untouched  "}]


def test_undecodable_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "bad.txt"
    src.write_bytes(b"good text\n\xff\xfe bad")
    assert main(["clean", str(src)]) == 1
    assert f"{src}: byte 10: cannot decode as utf-8" in capsys.readouterr().err
    assert main(["clean", str(src), "--decode-errors", "replace"]) == 0
    assert "\ufffd" in capsys.readouterr().out
    assert main(["clean", str(src), "--encoding", "latin-1"]) == 0


def test_empty_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty_jsonl = tmp_path / "empty.jsonl"
    empty_jsonl.write_text("", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["clean", str(empty_jsonl), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == ""
    assert "0 records in, 0 out" in capsys.readouterr().err
    empty_txt = tmp_path / "empty.txt"
    empty_txt.write_text("", encoding="utf-8")
    assert main(["clean", str(empty_txt)]) == 0


def test_folder_to_folder(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(NOISY, encoding="utf-8")
    (src / "b.txt").write_text("plain", encoding="utf-8")
    dest = tmp_path / "dest"
    dest.mkdir()
    assert main(["clean", str(src), "-o", str(dest)]) == 0
    assert (dest / "a.txt").read_text(encoding="utf-8") == "Title\n\nBody text here."
    assert (dest / "b.txt").read_text(encoding="utf-8") == "plain"


def test_workers_keep_order_and_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, [{"id": i, "text": f"Line {i}  \n\n\n\nnext"} for i in range(40)])
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["clean", str(src), "-o", str(one)]) == 0
    assert main(["clean", str(src), "-o", str(two), "--workers", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_resume_continues_from_checkpoint(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [{"id": i, "text": f"Doc {i}  \n\n\nend"} for i in range(200)]
    _write_jsonl(src, rows)
    full = tmp_path / "full.jsonl"
    assert main(["clean", str(src), "-o", str(full)]) == 0
    # simulate an interrupted run: 128 records written and checkpointed, plus a torn line
    out = tmp_path / "out.jsonl"
    lines = full.read_bytes().splitlines(keepends=True)
    part = b"".join(lines[:128])
    Path(str(out) + ".part").write_bytes(part + b'{"id": 128, "te')
    Path(str(out) + ".part.json").write_text(json.dumps({"records": 128, "bytes": len(part)}), encoding="utf-8")
    assert main(["clean", str(src), "-o", str(out), "--resume"]) == 0
    assert out.read_bytes() == full.read_bytes()
    assert not Path(str(out) + ".part").exists()


def test_stdin_text(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NOISY.encode())))
    assert main(["clean", "-"]) == 0
    assert capsys.readouterr().out == "Title\n\nBody text here.\n"


def test_missing_input_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(tmp_path / "nope.jsonl")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_learn_then_clean_with_model(tmp_path: Path) -> None:
    chrome = "The Riverside Gazette is published by Harbor Media Group of Portland"
    rows = [
        {"url": f"https://news.example/{i}", "text": f"Story number {i} begins here with real words.\n\n{chrome}"}
        for i in range(8)
    ]
    corpus = tmp_path / "site.jsonl"
    _write_jsonl(corpus, rows)
    model = tmp_path / "site.model"
    assert main(["learn", str(corpus), "-o", str(model), "--site-field", "url"]) == 0
    page = tmp_path / "page.jsonl"
    _write_jsonl(
        page, [{"url": "https://news.example/new", "text": f"A new story with its own sentences.\n\n{chrome}"}]
    )
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(page), "-o", str(out), "--model", str(model)]) == 0
    assert _read_jsonl(out)[0]["text"] == "A new story with its own sentences."
    assert main(["clean", str(page), "-o", str(tmp_path / "plain.jsonl")]) == 0
    assert chrome in str(_read_jsonl(tmp_path / "plain.jsonl")[0]["text"])


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit, match="cannot read"):
        main(["clean", str(src), "--model", str(tmp_path / "missing.model")])


def test_huge_record_and_non_object_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = ("A long paragraph of real words that goes on. " * 40 + "\n\n") * 2500  # ~4.6 MB
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": big}) + "\n[1, 2]\n\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--on-error", "keep"]) == 0
    got = out.read_text(encoding="utf-8").splitlines()
    assert len(got) == 2 and got[1] == "[1, 2]"
    assert len(json.loads(got[0])["text"]) > 4_000_000
    assert "expected a JSON object, got list" in capsys.readouterr().err
