"""Ready-made properties for cleaners, with failure messages that point at the problem.

A *cleaner* is a :class:`~textclean.pipeline.Pass`, a
:class:`~textclean.pipeline.Pipeline`, a callable returning
:class:`~textclean.pipeline.Cleaned` (such as :func:`textclean.clean`), or any
plain ``str -> str`` callable.  Each ``assert_*`` function returns ``None`` or
raises :class:`PropertyFailure` (an :class:`AssertionError`) whose message shows
the first differing offset with context on both sides, the single change that
turns the expected text into the actual one, and the reported edits nearby.

>>> from textclean.testing import properties
>>> properties.assert_idempotent(str.strip, "  hi  ")
>>> properties.assert_unchanged(lambda s: s.replace("  ", " "), "one  two")
Traceback (most recent call last):
  ...
textclean.testing.properties.PropertyFailure: <lambda> changed text that should pass through untouched
  first difference at offset 4 (line 1, column 5):
    expected: 'one  two'
    got:      'one two'
  the change: [4:5] ' ' -> ''
  input (8 chars): 'one  two'

``assert_restores`` and ``assert_only_removes_reported`` check the edit report,
so they need a cleaner that produces one; a plain ``str -> str`` function gets a
:class:`TypeError` that says how to wrap it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeAlias

from textclean.edits import Edit
from textclean.pipeline import Cleaned, FunctionPass, Pass, Pipeline, coarse_change

__all__ = [
    "Cleaner",
    "PropertyFailure",
    "assert_idempotent",
    "assert_only_removes_reported",
    "assert_restores",
    "assert_unchanged",
    "describe_difference",
    "first_difference",
]

#: Anything the properties accept as a cleaner.
Cleaner: TypeAlias = Pass | Pipeline | Callable[[str], str] | Callable[[str], Cleaned]

_CONTEXT = 24
_MAX_INPUT = 400
_MAX_EDITS = 6


class PropertyFailure(AssertionError):
    """A cleaner broke a property; the message explains where and how."""


def first_difference(a: str, b: str) -> int | None:
    """Offset of the first character where ``a`` and ``b`` differ, or ``None`` if equal.

    >>> first_difference("abc", "abd"), first_difference("ab", "abc"), first_difference("x", "x")
    (2, 2, None)
    """
    if a == b:
        return None
    limit = min(len(a), len(b))
    lo, hi = 0, limit
    while lo < hi:  # binary search on equal prefixes: fast on long texts
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _excerpt(text: str, start: int, end: int | None = None) -> str:
    end = start if end is None else end
    lo, hi = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
    return ("…" if lo > 0 else "") + repr(text[lo:hi]) + ("…" if hi < len(text) else "")


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def describe_difference(expected: str, actual: str, *, labels: tuple[str, str] = ("expected", "got")) -> str:
    """A short, indented account of how ``actual`` differs from ``expected``.

    >>> print(describe_difference("a b c", "a c"))
      first difference at offset 2 (line 1, column 3):
        expected: 'a b c'
        got:      'a c'
      the change: [2:4] 'b ' -> ''
    """
    pos = first_difference(expected, actual)
    if pos is None:
        return "  (no difference)"
    line, col = _line_col(expected, pos)
    change = coarse_change(expected, actual, "diff")
    removed = expected[change.start : change.end]
    width = max(len(labels[0]), len(labels[1])) + 1
    return "\n".join(
        [
            f"  first difference at offset {pos} (line {line}, column {col}):",
            f"    {labels[0] + ':':<{width}} {_excerpt(expected, pos)}",
            f"    {labels[1] + ':':<{width}} {_excerpt(actual, pos)}",
            f"  the change: [{change.start}:{change.end}] {removed!r} -> {change.replacement!r}",
        ]
    )


def _name(cleaner: object) -> str:
    if isinstance(cleaner, Pipeline):
        return f"Pipeline({cleaner.names})"
    if isinstance(cleaner, FunctionPass):
        return cleaner.pass_name
    if isinstance(cleaner, Pass):
        return f"pass {cleaner.name!r}"
    return getattr(cleaner, "__qualname__", None) or getattr(cleaner, "__name__", None) or repr(cleaner)


def _run(cleaner: Cleaner, text: str) -> tuple[str, Cleaned | None]:
    result = cleaner(text)
    if isinstance(result, Cleaned):
        return result.text, result
    if isinstance(result, str):
        return result, None
    raise TypeError(f"{_name(cleaner)} returned {type(result).__name__}; a cleaner must return str or Cleaned")


def _run_reported(cleaner: Cleaner, text: str, prop: str) -> Cleaned:
    _, result = _run(cleaner, text)
    if result is None:
        raise TypeError(
            f"{prop} checks the edits a cleaner reports, but {_name(cleaner)} returned a plain str. "
            "Pass a textclean Pass, a Pipeline, or a callable returning Cleaned (such as textclean.clean). "
            "Pipeline([your_function]) reports a plain function's effect as one coarse edit, which makes "
            "this property hold trivially; write a Pass that proposes Changes to make it meaningful."
        )
    return result


def _input_line(text: str) -> str:
    shown = text if len(text) <= _MAX_INPUT else text[:_MAX_INPUT] + "…"
    return f"  input ({len(text)} chars): {shown!r}"


def _edits_near(result: Cleaned | None, lo: int, hi: int, *, title: str) -> list[str]:
    if result is None or not result.edits:
        return []
    near = [e for e in result.edits if e.end >= lo - _CONTEXT and e.start <= hi + _CONTEXT]
    chosen = near or list(result.edits)
    lines = [f"  {title}:"]
    lines.extend(f"    {_describe_edit(e)}" for e in chosen[:_MAX_EDITS])
    if len(chosen) > _MAX_EDITS:
        lines.append(f"    … and {len(chosen) - _MAX_EDITS} more")
    return lines


def _describe_edit(edit: Edit) -> str:
    return f"[{edit.start}:{edit.end}] {edit.removed!r} -> {edit.replacement!r} ({edit.qualified_rule})"


def _fail(headline: str, *parts: str | list[str]) -> PropertyFailure:
    lines = [headline]
    for part in parts:
        lines.extend(part if isinstance(part, list) else [part])
    return PropertyFailure("\n".join(lines))


def assert_idempotent(cleaner: Cleaner, text: str) -> None:
    """Cleaning the cleaned text again changes nothing: ``c(c(x)) == c(x)``."""
    once, _ = _run(cleaner, text)
    twice, second = _run(cleaner, once)
    if twice != once:
        pos = first_difference(once, twice) or 0
        raise _fail(
            f"{_name(cleaner)} is not idempotent: a second run changed its own output",
            describe_difference(once, twice, labels=("after one run", "after two runs")),
            _edits_near(second, pos, pos, title="edits of the second run (offsets in the first output)"),
            _input_line(text),
        )


def assert_unchanged(cleaner: Cleaner, clean_text: str) -> None:
    """Clean prose passes through untouched: ``c(x) == x``."""
    out, result = _run(cleaner, clean_text)
    if out != clean_text:
        pos = first_difference(clean_text, out) or 0
        change = coarse_change(clean_text, out, "diff")
        raise _fail(
            f"{_name(cleaner)} changed text that should pass through untouched",
            describe_difference(clean_text, out),
            _edits_near(result, pos, change.end, title="edits reported there"),
            _input_line(clean_text),
        )


def assert_restores(cleaner: Cleaner, text: str) -> None:
    """The reported edits invert the cleaning: ``c(x).restore() == x``."""
    result = _run_reported(cleaner, text, "assert_restores")
    if result.original != text:
        raise _fail(
            f"{_name(cleaner)} reports a different original than it was given",
            describe_difference(text, result.original, labels=("given", "reported")),
        )
    restored = result.restore()
    if restored != text:
        pos = first_difference(text, restored) or 0
        culprits = [e for e in result.edits if text[e.start : e.end] != e.removed]
        blame = [
            f"  edit {_describe_edit(e)} claims to remove {e.removed!r}, but the input has {text[e.start : e.end]!r}"
            for e in culprits[:3]
        ]
        raise _fail(
            f"{_name(cleaner)}: restore() does not give the input back",
            describe_difference(text, restored, labels=("input", "restored")),
            blame or _edits_near(result, pos, pos, title="edits near the difference"),
            _input_line(text),
        )


def assert_only_removes_reported(cleaner: Cleaner, text: str) -> None:
    """Every change is reported: text outside the edits is copied to the output in order.

    Checks that the edits are sorted, disjoint and inside the input, that each
    edit's ``removed`` is what the input holds there, and that replaying the
    edits on the input gives exactly the output — so every input character is
    either in the output, in order, or inside a reported edit.
    """
    result = _run_reported(cleaner, text, "assert_only_removes_reported")
    out = result.text
    name = _name(cleaner)
    last = 0
    for edit in result.edits:
        if edit.start < last or edit.end < edit.start or edit.end > len(text):
            raise _fail(
                f"{name} reports edits that overlap, are out of order or out of range",
                f"  edit {_describe_edit(edit)} (previous edit ended at {last}, input has {len(text)} chars)",
                _input_line(text),
            )
        if text[edit.start : edit.end] != edit.removed:
            raise _fail(
                f"{name} reports an edit whose removed text is not in the input",
                f"  edit {_describe_edit(edit)}",
                f"  the input there: {text[edit.start : edit.end]!r}",
                _input_line(text),
            )
        last = edit.end
    _check_replay(name, text, out, result.edits)


def _check_replay(name: str, text: str, out: str, edits: Sequence[Edit]) -> None:
    pos_in = 0
    pos_out = 0
    for edit in [*edits, None]:
        seg_end = edit.start if edit is not None else len(text)
        kept = text[pos_in:seg_end]
        got = out[pos_out : pos_out + len(kept)]
        if got != kept:
            off = first_difference(kept, got) or 0
            raise _fail(
                f"{name} changed text that no edit reports",
                f"  input[{pos_in}:{seg_end}] is outside every edit, so it should be copied as is to "
                f"output[{pos_out}:{pos_out + len(kept)}]",
                f"  first unreported change at input offset {pos_in + off} (output offset {pos_out + off}):",
                f"    input:  {_excerpt(text, pos_in + off)}",
                f"    output: {_excerpt(out, pos_out + off)}",
                _input_line(text),
            )
        pos_in, pos_out = seg_end, pos_out + len(kept)
        if edit is None:
            break
        rep = out[pos_out : pos_out + len(edit.replacement)]
        if rep != edit.replacement:
            raise _fail(
                f"{name}: the output does not contain what an edit says it put there",
                f"  edit {_describe_edit(edit)} should put {edit.replacement!r} at output offset {pos_out}",
                f"  output there: {_excerpt(out, pos_out, pos_out + len(edit.replacement))}",
                _input_line(text),
            )
        pos_in, pos_out = edit.end, pos_out + len(edit.replacement)
    if pos_out != len(out):
        raise _fail(
            f"{name} added text that no edit reports",
            f"  after replaying every edit the output has {len(out) - pos_out} more chars: {_excerpt(out, pos_out)}",
            _input_line(text),
        )
