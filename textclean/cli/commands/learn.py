"""``textclean learn``: learn a boilerplate model (lines recurring across a site's pages) from a JSONL corpus."""

from __future__ import annotations

import argparse
import gzip
import sys
from collections.abc import Iterator
from typing import IO, Any, cast
from urllib.parse import urlsplit

from textclean.io import InputError, iter_jsonl_lines

__all__ = ["register", "run", "site_of"]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "learn",
        help="learn a boilerplate model from a JSONL corpus (apply it with 'clean --model')",
        description=(
            "Count, per site, in how many records each normalised line occurs, and save the lines that recur "
            "in at least --min-docs records as a boilerplate model (JSON; gzip JSON if the name ends in .gz)."
        ),
        epilog="example: textclean learn crawl.jsonl -o site.model --site-field url && "
        "textclean clean crawl.jsonl --model site.model -o clean.jsonl",
    )
    p.add_argument("input", metavar="CORPUS", help="a .jsonl or .jsonl.gz file, or - for standard input")
    p.add_argument("-o", "--output", required=True, help="where to write the model (e.g. site.model)")
    p.add_argument("--field", default="text", help="the field holding the text (default: text)")
    p.add_argument(
        "--site-field",
        metavar="NAME",
        help="the field naming each record's site: a URL (its host is used) or a plain name; "
        "default: all records are one site",
    )
    p.add_argument("--min-docs", type=int, default=3, help="records a line must occur in (default: 3)")
    p.add_argument(
        "--min-share", type=float, default=0.05, help="share of a site's records a line must occur in (default: 0.05)"
    )
    p.set_defaults(func=run)


def site_of(value: object) -> str:
    """The site a record belongs to: the host of a URL (without ``www.``), else the value itself.

    >>> site_of("https://www.example.com/a/b"), site_of("blog.example.org"), site_of(None)
    ('example.com', 'blog.example.org', '')
    """
    if not isinstance(value, str):
        return ""
    host = urlsplit(value).hostname if "://" in value else value.strip().lower()
    host = host or ""
    return host[4:] if host.startswith("www.") else host


def _open(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    if path.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def _documents(path: str, field: str, site_field: str | None) -> Iterator[tuple[str, str]]:
    source = "<stdin>" if path == "-" else path
    try:
        fh = _open(path)
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc}", source=source) from exc
    try:
        for line, _raw, obj in iter_jsonl_lines(fh, source):
            text = obj.get(field)
            if not isinstance(text, str):
                kind = "missing" if field not in obj else "null" if text is None else type(text).__name__
                raise InputError(f"{source}:{line}: field {field!r} is {kind}, not a string", source=source, line=line)
            yield text, site_of(obj.get(site_field)) if site_field else ""
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc}", source=source) from exc
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def run(args: argparse.Namespace) -> int:
    from textclean.corpus.boilerplate import BoilerplateModel

    if args.min_docs < 1:
        print("textclean: --min-docs must be at least 1", file=sys.stderr)
        return 2
    model = BoilerplateModel(min_docs=args.min_docs, min_share=args.min_share)
    try:
        model.learn(_documents(args.input, args.field, args.site_field))
    except InputError as exc:
        print(f"textclean: {exc}", file=sys.stderr)
        return 1
    try:
        model.save(args.output)
    except OSError as exc:
        print(f"textclean: {args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    lines = len(model.boilerplate())
    print(
        f"textclean: learned {model.documents} records of {len(model.sites)} site(s); "
        f"{lines} boilerplate line(s) -> {args.output}",
        file=sys.stderr,
    )
    return 0
