"""Reading and writing records: text files, folders, JSONL (optionally gzipped), stdin.

Everything streams: one record is in memory at a time.  Errors name the file
and the line (JSONL) or byte offset (text), so bad input is easy to find:

>>> import io
>>> list(iter_jsonl_lines(io.BytesIO(b'{"text": "a"}\\n\\n{oops\\n'), "in.jsonl"))
Traceback (most recent call last):
...
textclean.io.InputError: in.jsonl:3: invalid JSON: Expecting property name enclosed in double quotes (column 2)
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

import attrs

__all__ = [
    "AtomicWriter",
    "InputError",
    "Record",
    "expand_inputs",
    "is_jsonl",
    "iter_jsonl_lines",
    "iter_records",
    "read_text_file",
]


class InputError(ValueError):
    """Bad input data; the message starts with ``file:line:`` or ``file: byte N:``."""

    def __init__(self, message: str, *, source: str = "", line: int | None = None) -> None:
        super().__init__(message)
        self.source = source
        self.line = line


@attrs.frozen
class Record:
    """One unit of input: a whole text file, or one JSONL line.

    ``data`` is the parsed JSON object (``None`` for text files); ``error`` is
    set when the record could not be read as asked (bad JSON, missing or
    non-string field) and the caller decides whether to raise, skip or keep.
    """

    source: str
    line: int | None
    text: str | None
    data: dict[str, Any] | None = None
    raw: str | None = None
    error: str | None = None

    @property
    def where(self) -> str:
        """``file:line`` (JSONL) or ``file`` (text)."""
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    @property
    def id(self) -> str:
        """A stable id: the JSON ``id`` field when present, else ``file:line`` or the path."""
        if self.data is not None and isinstance(self.data.get("id"), str | int):
            return str(self.data["id"])
        return self.where


def is_jsonl(path: str) -> bool:
    """True for ``.jsonl``, ``.jsonl.gz``, ``.ndjson`` (and ``.gz`` variants)."""
    name = path.lower()
    return name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz"))


def expand_inputs(inputs: list[str]) -> list[str]:
    """Expand folders to their ``*.txt`` and ``*.jsonl*`` files (sorted); keep ``-``."""
    out: list[str] = []
    for item in inputs:
        if item == "-":
            out.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and (p.suffix == ".txt" or is_jsonl(p.name)))
            if not found:
                raise InputError(f"{item}: folder has no .txt or .jsonl files", source=item)
            out.extend(str(p) for p in found)
        elif path.exists():
            out.append(item)
        else:
            raise InputError(f"{item}: no such file or folder", source=item)
    return out


def _open_binary(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    if path.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def read_text_file(path: str, *, encoding: str = "utf-8", errors: str = "strict") -> str:
    """Read a whole text file; undecodable bytes raise :class:`InputError` naming the offset.

    ``errors="replace"`` keeps going with U+FFFD replacement characters.
    """
    fh = _open_binary(path)
    try:
        data = fh.read()
    finally:
        if path != "-":
            fh.close()
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: byte {exc.start}: cannot decode as {encoding} ({exc.reason}); "
            "pass --encoding, or --decode-errors replace to keep going with U+FFFD",
            source=path,
        ) from exc


def iter_jsonl_lines(
    fh: IO[bytes], source: str, *, encoding: str = "utf-8", errors: str = "strict"
) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """Yield ``(line_number, raw_line, object)`` for each non-blank line; raise on the first bad line."""
    for number, raw, obj, error in _scan_jsonl(fh, source, encoding=encoding, errors=errors):
        if error is not None:
            raise InputError(error, source=source, line=number)
        assert obj is not None
        yield number, raw, obj


def _scan_jsonl(
    fh: IO[bytes], source: str, *, encoding: str, errors: str
) -> Iterator[tuple[int, str, dict[str, Any] | None, str | None]]:
    for number, raw_bytes in enumerate(fh, 1):
        try:
            raw = raw_bytes.decode(encoding, errors)
        except UnicodeDecodeError as exc:
            yield (
                number,
                "",
                None,
                (
                    f"{source}:{number}: byte {exc.start} of the line: cannot decode as {encoding} ({exc.reason}); "
                    "pass --encoding, or --decode-errors replace to keep going with U+FFFD"
                ),
            )
            continue
        if not raw.strip():
            continue
        raw = raw.rstrip("\r\n")
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield number, raw, None, f"{source}:{number}: invalid JSON: {exc.msg} (column {exc.colno})"
            continue
        if not isinstance(obj, dict):
            yield number, raw, None, f"{source}:{number}: expected a JSON object, got {type(obj).__name__}"
            continue
        yield number, raw, obj, None


def iter_records(
    path: str, *, field: str = "text", encoding: str = "utf-8", errors: str = "strict", jsonl: bool | None = None
) -> Iterator[Record]:
    """Stream records from one input.

    Unreadable JSONL lines and records whose ``field`` is missing or not a
    string come out as records with ``error`` set, so the caller can count,
    skip or pass them through; undecodable text files raise.  Blank JSONL
    lines are not records.
    """
    if jsonl is None:
        jsonl = is_jsonl(path)
    source = path if path != "-" else "<stdin>"
    if not jsonl:
        yield Record(source, None, read_text_file(path, encoding=encoding, errors=errors))
        return
    fh = _open_binary(path)
    try:
        for number, raw, obj, error in _scan_jsonl(fh, source, encoding=encoding, errors=errors):
            if obj is None:
                yield Record(source, number, None, None, raw, error)
                continue
            value = obj.get(field)
            if field not in obj:
                yield Record(source, number, None, obj, raw, f"{source}:{number}: no field {field!r} in the record")
            elif not isinstance(value, str):
                kind = type(value).__name__ if value is not None else "null"
                yield Record(
                    source, number, None, obj, raw, f"{source}:{number}: field {field!r} is {kind}, not a string"
                )
            else:
                yield Record(source, number, value, obj, raw)
    except OSError as exc:  # e.g. a truncated .gz
        raise InputError(f"{source}: cannot read: {exc}", source=source) from exc
    finally:
        if path != "-":
            fh.close()


class AtomicWriter:
    """Write to a temporary file beside ``path``; rename into place on success.

    On failure the temporary file is removed, so no partial output is ever
    left under the final name.  ``resume=True`` keeps an interrupted run's
    partial file (``path + ".part"``) and its checkpoint so that a later run can
    continue it.
    """

    def __init__(self, path: str, *, resume: bool = False) -> None:
        self.path = path
        self.part = path + ".part"
        self.checkpoint = path + ".part.json"
        self.gz = path.lower().endswith(".gz")
        self.resume = resume
        self.skip_records = 0
        self._fh: IO[bytes] | None = None
        self._raw: IO[bytes] | None = None

    def __enter__(self) -> AtomicWriter:
        directory = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(directory, exist_ok=True)
        if self.resume and os.path.exists(self.part) and os.path.exists(self.checkpoint) and not self.gz:
            with open(self.checkpoint, encoding="utf-8") as fh:
                state = json.load(fh)
            self.skip_records = int(state["records"])
            raw = open(self.part, "r+b")
            raw.truncate(int(state["bytes"]))
            raw.seek(0, os.SEEK_END)
            self._raw = raw
        else:
            if self.resume and os.path.exists(self.path):
                raise InputError(f"{self.path}: already complete; nothing to resume", source=self.path)
            fd, tmp = tempfile.mkstemp(prefix=os.path.basename(self.path) + ".", suffix=".part", dir=directory)
            os.close(fd)
            os.replace(tmp, self.part)
            mask = os.umask(0)  # mkstemp creates 0600; give the output the usual permissions
            os.umask(mask)
            os.chmod(self.part, 0o666 & ~mask)
            self._raw = open(self.part, "wb")
        self._fh = cast(IO[bytes], gzip.GzipFile(fileobj=self._raw, mode="ab")) if self.gz else self._raw
        return self

    def write(self, data: bytes) -> None:
        assert self._fh is not None
        self._fh.write(data)

    def mark(self, records: int) -> None:
        """Record that ``records`` input records are fully written (for ``--resume``)."""
        if self.gz or self._raw is None or self._fh is None:
            return
        self._fh.flush()
        state = {"records": records, "bytes": self._raw.tell()}
        tmp = self.checkpoint + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(state, fh)
        os.replace(tmp, self.checkpoint)

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        assert self._fh is not None and self._raw is not None
        if self._fh is not self._raw:
            self._fh.close()
        self._raw.close()
        if exc_type is None:
            os.replace(self.part, self.path)
            with contextlib.suppress(FileNotFoundError):
                os.remove(self.checkpoint)
        elif exc_type is KeyboardInterrupt and os.path.exists(self.checkpoint):
            pass  # keep .part and its checkpoint for --resume
        else:
            for leftover in (self.part, self.checkpoint):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(leftover)
