"""``textclean explain``: show what cleaning one document does, in the terminal or as an HTML page."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from textclean.cli.options import add_decoding_options, add_pipeline_options

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "explain",
        help="show every change made to one document (terminal or self-contained HTML page)",
        description=(
            "Clean one document and show the original with every removed or changed span marked, "
            "followed by a table of edits per rule. With --html, write a self-contained page instead: "
            "a colour per rule family, hover text naming the rule, and the cleaned text beside the original."
        ),
        epilog=(
            "examples: textclean explain page.txt | textclean explain page.txt --html page.html | "
            "textclean explain corpus.jsonl --line 42 --field body --html doc42.html"
        ),
    )
    p.add_argument("file", metavar="FILE", help="a .txt file, a .jsonl/.jsonl.gz file, or - for standard input")
    p.add_argument("--html", metavar="OUT.html", help="write a self-contained HTML page to OUT.html")
    p.add_argument("--field", default="text", help="JSONL field holding the text (default: text)")
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--line", type=int, metavar="N", help="JSONL: explain the record on line N of the file (default: the first)"
    )
    which.add_argument("--id", metavar="ID", help="JSONL: explain the record whose id field equals ID")
    p.add_argument("--jsonl", action="store_true", help="read FILE (e.g. stdin) as JSONL whatever its name")
    p.add_argument("--title", help="page title for --html (default: the file name and line)")
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the terminal view: auto (when standard output is a terminal and NO_COLOR is unset), "
        "always or never (default: auto)",
    )
    add_decoding_options(p)
    add_pipeline_options(p)
    p.set_defaults(func=run)


def _pick(args: argparse.Namespace) -> tuple[str, str]:
    """The text to explain and a label for it (``file`` or ``file:line``)."""
    from textclean.io import InputError, iter_records

    wanted_line: int | None = args.line
    if wanted_line is not None and wanted_line < 1:
        raise InputError(f"--line must be 1 or more, got {wanted_line}", source=args.file)
    records = iter_records(
        args.file, field=args.field, encoding=args.encoding, errors=args.decode_errors, jsonl=args.jsonl or None
    )
    for record in records:
        if record.line is None:  # a text file: the whole file is the document
            if wanted_line is not None or args.id is not None:
                raise InputError(f"{record.source}: --line and --id apply to JSONL input only", source=args.file)
            assert record.text is not None
            return record.text, record.source
        if wanted_line is not None and record.line != wanted_line:
            continue
        if args.id is not None and (record.data is None or str(record.data.get("id")) != args.id):
            continue
        if record.error is not None:
            raise InputError(record.error, source=record.source, line=record.line)
        assert record.text is not None
        return record.text, record.where
    if wanted_line is not None:
        raise InputError(f"{args.file}: no record on line {wanted_line}", source=args.file)
    if args.id is not None:
        raise InputError(f"{args.file}: no record with id {args.id!r}", source=args.file)
    raise InputError(f"{args.file}: no records", source=args.file)


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def run(args: argparse.Namespace) -> int:
    from textclean.cli.commands.clean import build_pipeline
    from textclean.explain import render_html, render_text
    from textclean.io import AtomicWriter, InputError

    try:
        text, label = _pick(args)
    except InputError as exc:
        print(f"textclean: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"textclean: {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    cleaned = build_pipeline(args)(text)
    if args.html:
        page = render_html(cleaned, title=args.title or label)
        try:
            with AtomicWriter(args.html) as writer:
                writer.write(page.encode("utf-8"))
        except OSError as exc:
            print(f"textclean: {args.html}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(
            f"textclean: wrote {args.html} ({len(cleaned.edits)} edits, "
            f"{cleaned.removed_chars} characters removed or changed)",
            file=sys.stderr,
        )
        return 0
    sys.stdout.write(render_text(cleaned, color=_use_color(args.color)) + "\n")
    sys.stdout.flush()
    return 0
