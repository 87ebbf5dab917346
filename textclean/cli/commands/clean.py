"""``textclean clean``: clean text files, folders, JSONL corpora or stdin."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from textclean.cli.options import add_decoding_options, add_pipeline_options
from textclean.io import AtomicWriter, InputError, Record, expand_inputs, is_jsonl, iter_records

__all__ = ["register"]

ON_ERROR_HELP = (
    "what to do with a record that cannot be read or cleaned: 'raise' stops with file:line (default, no output "
    "file is left behind), 'skip' drops it and counts it, 'keep' passes it through unchanged"
)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "clean",
        help="clean text files, folders, JSONL corpora or stdin",
        description="Clean INPUT(s) with the default pipeline and write the cleaned text.",
        epilog="examples: textclean clean page.txt | textclean clean in.jsonl -o out.jsonl --report edits.jsonl",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a .txt file, a folder, a .jsonl/.jsonl.gz file, or -")
    p.add_argument(
        "-o",
        "--output",
        help="output: a .jsonl/.jsonl.gz file, a folder (one .txt per input text file), or a .txt file; "
        "default: standard output",
    )
    p.add_argument("--field", default="text", help="JSONL field to clean (default: text); other fields pass through")
    p.add_argument("--jsonl", action="store_true", help="read INPUT (e.g. stdin) as JSONL whatever its name")
    p.add_argument("--report", metavar="FILE", help="write the edits, metadata and dates of each record as JSONL")
    p.add_argument("--metadata-field", metavar="NAME", help="add the lifted metadata to each output record as NAME")
    p.add_argument("--table", action="store_true", help="print a table of changes per rule after each document")
    p.add_argument("--on-error", choices=("raise", "skip", "keep"), default="raise", help=ON_ERROR_HELP)
    add_decoding_options(p)
    p.add_argument("--resume", action="store_true", help="continue an interrupted run into the same JSONL --output")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default: 1); output order is kept")
    add_pipeline_options(p)
    p.set_defaults(func=run)


# -- the work a (possibly separate) process does -----------------------------------
_PIPELINE: Any = None


def _init_worker(pipeline: Any) -> None:
    global _PIPELINE  # noqa: PLW0603 - per-process pipeline for worker processes
    _PIPELINE = pipeline


def _clean_one(text: str) -> tuple[str, dict[str, Any] | None, str | None]:
    try:
        result = _PIPELINE(text)
    except Exception as exc:  # noqa: BLE001 - reported per record, never dropped silently
        return text, None, f"{type(exc).__name__}: {exc}"
    return result.text, {**result.to_dict(), "counts": dict(result.counts)}, None


def build_pipeline(args: argparse.Namespace) -> Any:
    from textclean import default_pipeline

    options: dict[str, Any] = {"aggressiveness": args.aggressiveness}
    if args.model:
        options["boilerplate_model"] = args.model
    from textclean.corpus.boilerplate import ModelError

    try:
        return default_pipeline(**options)
    except (TypeError, ModelError, OSError) as exc:  # an unknown option, a bad or missing model file
        raise SystemExit(f"textclean: {exc}") from exc


def _results(
    pipeline: Any, texts: Iterable[str], workers: int
) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    if workers <= 1:
        _init_worker(pipeline)
        for text in texts:
            yield _clean_one(text)
        return
    import multiprocessing as mp

    with mp.get_context("spawn").Pool(workers, initializer=_init_worker, initargs=(pipeline,)) as pool:
        yield from pool.imap(_clean_one, texts, chunksize=8)


# -- the command -------------------------------------------------------------------
class _Stats:
    def __init__(self) -> None:
        self.records_in = 0
        self.records_out = 0
        self.skipped = 0
        self.kept = 0
        self.reasons: Counter[str] = Counter()
        self.tally: dict[str, tuple[int, int]] = {}

    def summary(self) -> str:
        line = (
            f"textclean: {self.records_in} records in, {self.records_out} out, {self.skipped} skipped, "
            f"{self.kept} passed through unchanged after errors"
        )
        if self.reasons:
            line += "\n" + "\n".join(f"  {n} × {reason}" for reason, n in self.reasons.most_common())
        return line


def _reason(error: str, where: str = "") -> str:
    """The part of an error message that is the same for every record it hits."""
    for prefix in (f"{where}: ", f"{where.rsplit(':', 1)[0]}: "):
        if where and error.startswith(prefix):
            error = error[len(prefix) :]
            break
    return error.split(" (column")[0]


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except InputError as exc:
        print(f"textclean: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    inputs = expand_inputs(args.inputs)
    any_jsonl = args.jsonl or any(is_jsonl(p) for p in inputs)
    out = args.output
    out_jsonl = bool(out and is_jsonl(out)) or (not out and any_jsonl)
    out_dir = bool(out and (os.path.isdir(out) or out.endswith(os.sep)))
    if out and not out_jsonl and not out_dir and len(inputs) > 1:
        raise InputError(f"{out}: several inputs need a folder or a .jsonl output", source=out)
    if out and not out_jsonl and any_jsonl:
        raise InputError(f"{out}: JSONL input needs a .jsonl or .jsonl.gz output", source=out)
    if args.resume and not (out and out_jsonl):
        raise InputError("--resume needs a JSONL --output file", source=out or "-")
    pipeline = build_pipeline(args)
    stats = _Stats()

    records = _all_records(inputs, args)
    if out_jsonl:
        _run_jsonl(records, pipeline, args, stats)
    else:
        _run_text(records, pipeline, args, stats, out=out, out_dir=out_dir)
    print(stats.summary(), file=sys.stderr)
    return 0


def _all_records(inputs: list[str], args: argparse.Namespace) -> Iterator[Record]:
    for path in inputs:
        yield from iter_records(
            path, field=args.field, encoding=args.encoding, errors=args.decode_errors, jsonl=args.jsonl or None
        )


def _checked(records: Iterable[Record], args: argparse.Namespace, stats: _Stats) -> Iterator[Record]:
    """Count records in; apply --on-error to unreadable ones (text files only: JSONL handles its own)."""
    for record in records:
        stats.records_in += 1
        if record.error is not None:
            if args.on_error == "raise":
                raise InputError(record.error, source=record.source, line=record.line)
            stats.reasons[_reason(record.error, record.where)] += 1
            if args.on_error == "skip":
                stats.skipped += 1
                continue
        yield record


def _run_jsonl(records: Iterable[Record], pipeline: Any, args: argparse.Namespace, stats: _Stats) -> None:
    from textclean.cli.progress import Progress

    progress = Progress("clean")
    report = AtomicWriter(args.report, resume=args.resume) if args.report else None
    sink = AtomicWriter(args.output, resume=args.resume) if args.output else None
    writers = [w for w in (sink, report) if w is not None]
    for writer in writers:
        writer.__enter__()
    try:
        done = sink.skip_records if sink is not None else 0
        it = iter(records)
        for _ in range(done):  # written by the interrupted run
            next(it, None)
        if done:
            print(f"textclean: resuming after {done} records", file=sys.stderr)
        pending: list[Record] = []

        def texts() -> Iterator[str]:
            for record in it:
                stats.records_in += 1
                pending.append(record)
                yield record.text if record.text is not None else ""

        for cleaned, info, error in _results(pipeline, texts(), args.workers):
            record = pending.pop(0)
            done += 1
            progress.update(1, len(record.text or ""))
            if record.error is not None or error is not None:
                message = record.error or f"{record.where}: cleaning failed: {error}"
                if args.on_error == "raise":
                    raise InputError(message, source=record.source, line=record.line)
                stats.reasons[_reason(record.error, record.where) if record.error else f"cleaning failed: {error}"] += 1
                if report is not None:
                    report.write(_dumps({"id": record.id, "where": record.where, "error": message}))
                if args.on_error == "skip":
                    stats.skipped += 1
                else:
                    stats.kept += 1
                    stats.records_out += 1
                    if record.text is None:
                        _emit_raw(sink, record)
                    else:
                        _emit_record(sink, record, record.text, None, args)
            else:
                stats.records_out += 1
                assert info is not None
                _emit_record(sink, record, cleaned, info, args)
                for edit in info["edits"]:
                    key = f"{edit['pass']}:{edit['rule']}"
                    edits, chars = stats.tally.get(key, (0, 0))
                    stats.tally[key] = (edits + 1, chars + edit["end"] - edit["start"])
                if report is not None:
                    report.write(_dumps({"id": record.id, "where": record.where, **_report_fields(info)}))
            if done % 64 == 0:
                for writer in writers:
                    writer.mark(done)
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            for writer in writers:
                writer.mark(done)
        for writer in writers:
            writer.__exit__(type(exc), exc, exc.__traceback__)
        raise
    else:
        for writer in writers:
            writer.__exit__(None, None, None)
    finally:
        progress.close()
    if args.table:
        print(_table(stats.tally), file=sys.stderr)


def _table(source: Any) -> str:
    """Per-rule table: edits and characters removed (from edit dicts or a running tally)."""
    rule_table = importlib.import_module("textclean.explain").rule_table
    return str(rule_table(source))


def _report_fields(info: dict[str, Any]) -> dict[str, Any]:
    return {k: info[k] for k in ("edits", "metadata", "dates", "repeats", "counts") if k in info}


def _dumps(obj: Any) -> bytes:
    return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")


def _emit_raw(sink: AtomicWriter | None, record: Record) -> None:
    line = ((record.raw or "") + "\n").encode("utf-8")
    if sink is None:
        sys.stdout.buffer.write(line)
    else:
        sink.write(line)


def _emit_record(
    sink: AtomicWriter | None, record: Record, text: str, info: dict[str, Any] | None, args: argparse.Namespace
) -> None:
    data = dict(record.data) if record.data is not None else {"id": record.id}
    data[args.field] = text
    if args.metadata_field and info is not None:
        data[args.metadata_field] = info["metadata"]
    payload = _dumps(data)
    if sink is None:
        sys.stdout.buffer.write(payload)
    else:
        sink.write(payload)


def _run_text(
    records: Iterable[Record], pipeline: Any, args: argparse.Namespace, stats: _Stats, *, out: str | None, out_dir: bool
) -> None:
    many = len(args.inputs) > 1 or any(os.path.isdir(p) for p in args.inputs)
    report = AtomicWriter(args.report) if args.report else None
    if report is not None:
        report.__enter__()
    ok = False
    try:
        for record in _checked(records, args, stats):
            assert record.text is not None  # text files never come out unreadable
            (cleaned, info, error), *_ = list(_results(pipeline, [record.text], 1))
            if error is not None:
                if args.on_error == "raise":
                    raise InputError(f"{record.where}: cleaning failed: {error}", source=record.source)
                stats.reasons[f"cleaning failed: {error.split(':')[0]}"] += 1
                if args.on_error == "skip":
                    stats.skipped += 1
                    continue
                stats.kept += 1
                cleaned = record.text
            stats.records_out += 1
            if report is not None:
                fields = _report_fields(info) if info is not None else {"error": error}
                report.write(_dumps({"id": record.id, **fields}))
            if out_dir and out is not None:
                target = os.path.join(out, os.path.basename(record.source))
                with AtomicWriter(target) as writer:
                    writer.write(cleaned.encode("utf-8"))
            elif out is not None:
                with AtomicWriter(out) as writer:
                    writer.write(cleaned.encode("utf-8"))
            else:
                if many:
                    sys.stdout.write(f"==> {record.source} <==\n")
                sys.stdout.write(cleaned + ("\n" if not cleaned.endswith("\n") else ""))
                if args.table and info is not None:
                    sys.stdout.write("\n" + _table(info["edits"]) + "\n")
                if many:
                    sys.stdout.write("\n")
                sys.stdout.flush()
        ok = True
    finally:
        if report is not None:
            if ok:
                report.__exit__(None, None, None)
            else:
                report.__exit__(RuntimeError, None, None)
