"""``textclean dedup``: keep one record per cluster of (near-)duplicates in a JSONL corpus."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, cast

from textclean.io import AtomicWriter, InputError, iter_jsonl_lines

if TYPE_CHECKING:
    from textclean.corpus.dedup import Cluster

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "dedup",
        help="drop exact and near-duplicate records from a JSONL corpus",
        description=(
            "Find clusters of exact and near-duplicate records (MinHash + LSH, verified by shingle containment) "
            "and keep the most complete record of each cluster, in input order."
        ),
        epilog="example: textclean dedup crawl.jsonl.gz -o unique.jsonl --clusters clusters.jsonl",
    )
    p.add_argument("input", metavar="INPUT", help="a .jsonl or .jsonl.gz file, or - for standard input")
    p.add_argument("-o", "--output", required=True, help="where to write the kept records (.jsonl or .jsonl.gz)")
    p.add_argument(
        "--clusters", metavar="FILE", help='write each cluster as {"ids": [...], "kept": id, "similarity": s}'
    )
    p.add_argument("--field", default="text", help="the field holding the text (default: text)")
    p.add_argument(
        "--id-field", default="id", help="the field holding the record id (default: id; else the line number)"
    )
    p.add_argument(
        "--threshold", type=float, default=0.75, help="minimum shingle containment of a duplicate (default: 0.75)"
    )
    p.add_argument("--min-jaccard", type=float, default=0.5, help="minimum Jaccard similarity (default: 0.5)")
    p.add_argument("--min-words", type=int, default=20, help="shorter records are only matched exactly (default: 20)")
    p.add_argument("--shingle-size", type=int, default=4, help="words per shingle (default: 4)")
    p.add_argument(
        "--state",
        metavar="FILE",
        help="a deduplication state to resume (created if missing, updated at the end): records of earlier runs "
        "count as already written, so this run drops their duplicates; in --clusters they appear by their "
        "position in the state",
    )
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="progress line on stderr")
    p.set_defaults(func=run)


def _open(path: str) -> IO[bytes]:
    if path.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def _records(path: str, source: str, field: str) -> Iterator[tuple[int, str, dict[str, Any], str]]:
    try:
        with _open(path) as fh:
            for line, raw, obj in iter_jsonl_lines(fh, source):
                text = obj.get(field)
                if not isinstance(text, str):
                    kind = "missing" if field not in obj else type(text).__name__ if text is not None else "null"
                    raise InputError(
                        f"{source}:{line}: field {field!r} is {kind}, not a string", source=source, line=line
                    )
                yield line, raw, obj, text
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc}", source=source) from exc


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except (InputError, ValueError) as exc:
        print(f"textclean dedup: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    from textclean.cli.progress import Progress
    from textclean.corpus.dedup import DedupConfig, Deduplicator

    spooled: str | None = None
    path, source = args.input, args.input
    if path == "-":  # two passes over the input: spool standard input to a file
        source = "<stdin>"
        fd, spooled = tempfile.mkstemp(prefix="textclean-dedup-", suffix=".jsonl")
        with os.fdopen(fd, "wb") as out:
            shutil.copyfileobj(sys.stdin.buffer, out)
        path = spooled
    elif not os.path.exists(path):
        raise InputError(f"{path}: no such file", source=path)
    try:
        if args.state and os.path.exists(args.state):
            dd = Deduplicator.load(args.state)
        else:
            dd = Deduplicator(
                DedupConfig(
                    threshold=args.threshold,
                    min_jaccard=args.min_jaccard,
                    min_words=args.min_words,
                    shingle_size=args.shingle_size,
                )
            )
        prior = len(dd)
        ids: list[Any] = []
        lines: list[int] = []  # line number of each record
        progress = Progress("dedup: reading", enabled=args.progress)
        for line, raw, obj, text in _records(path, source, args.field):
            user_id = obj.get(args.id_field, line)
            ids.append(user_id)
            lines.append(line)
            # the deduplicator's ids are unique by construction; the user's ids may repeat
            key = prior + len(ids) - 1
            try:
                dd.add(key, text)
            except ValueError as exc:
                raise InputError(f"{source}:{line}: {exc}", source=source, line=line) from exc
            progress.update(1, len(raw) + 1)
        progress.close()
        if progress.enabled:
            print("dedup: finding and verifying candidate pairs ...", file=sys.stderr, flush=True)
        clusters = dd.clusters()
        dropped = _dropped(clusters, prior)
        kept = 0
        progress = Progress("dedup: writing", enabled=args.progress)
        keep_lines = {line for i, line in enumerate(lines) if i not in dropped}
        del lines
        with AtomicWriter(args.output) as writer, _open(path) as fh:
            # second pass: the records were checked in the first one, so copy the kept lines as they are
            for number, raw_line in enumerate(fh, 1):
                if number in keep_lines:
                    writer.write(raw_line if raw_line.endswith(b"\n") else raw_line + b"\n")
                    kept += 1
                progress.update(1, len(raw_line))
        progress.close()
        in_run = 0
        if args.clusters:
            with AtomicWriter(args.clusters) as writer:
                for cluster in clusters:
                    members = [_position(k, prior) for k in cluster.ids]
                    if all(m is None for m in members):
                        continue
                    in_run += 1
                    kept_pos = _position(cluster.kept, prior)
                    row = {
                        "ids": [ids[m] if m is not None else k for m, k in zip(members, cluster.ids, strict=True)],
                        "kept": ids[kept_pos] if kept_pos is not None else cluster.kept,
                        "similarity": cluster.similarity,
                    }
                    writer.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
        if args.state:
            dd.save(args.state)
        total = len(ids)
        print(
            f"textclean dedup: {total:,} records in, {kept:,} kept, {total - kept:,} dropped as duplicates"
            + (f" ({in_run:,} cluster{'s' if in_run != 1 else ''})" if args.clusters else ""),
            file=sys.stderr,
        )
        return 0
    finally:
        if spooled is not None:
            os.remove(spooled)


def _position(key: Any, prior: int) -> int | None:
    """The position in this run's input of a deduplicator key, or None if it came from an earlier run."""
    return key - prior if isinstance(key, int) and key >= prior else None


def _dropped(clusters: list[Cluster], prior: int) -> set[int]:
    """Positions of this run's records that are not written.

    Without a state, every record of a cluster but the kept one.  With a
    state, a cluster that already holds a record from an earlier run was
    published then, so none of this run's records in it is written;
    otherwise the most complete of this run's records is.
    """
    dropped: set[int] = set()
    for cluster in clusters:
        positions = [_position(k, prior) for k in cluster.ids]
        if any(p is None for p in positions):
            dropped.update(p for p in positions if p is not None)
            continue
        kept = _position(cluster.kept, prior)
        dropped.update(p for p in positions if p is not None and p != kept)
    return dropped
