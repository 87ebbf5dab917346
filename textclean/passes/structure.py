"""Whitespace and line structure: blank lines, trailing spaces, paragraph breaks.

Lines and paragraphs are kept (newlines are never flattened into spaces);
what goes is whitespace that carries no structure: trailing spaces, lines of
only spaces/NBSP/zero-width characters, runs of blank lines beyond one
paragraph break, and blank lines at the start and end of the document.

>>> from textclean.passes.structure import tidy_whitespace
>>> tidy_whitespace("\\n\\nTitle  \\n\\u00a0\\n\\n\\n  Indented para\\nnext\\n\\n")
'Title\\n\\n  Indented para\\nnext'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from textclean.edits import Change, apply_changes
from textclean.pipeline import Document, Pass

__all__ = ["WHITESPACE_CHARS", "TidyWhitespace", "tidy_whitespace"]

#: Horizontal whitespace that carries no structure (NBSP, zero-width space and
#: BOM included, so an NBSP-only or BOM-only line counts as blank).
WHITESPACE_CHARS = " \t\r\x0b\x0c\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff"

# A gap: trailing whitespace of a line, one or more newlines, the blank lines
# between them and the next line's indentation.  Anchored at the start of a
# whitespace run and possessive, so it runs in linear time on any input.
_GAP = re.compile(f"(?<![{WHITESPACE_CHARS}\\n])[{WHITESPACE_CHARS}]*+\\n[{WHITESPACE_CHARS}\\n]*+")
# An anomaly: a newline after whitespace, or starting two more newlines or a
# whitespace-only line.  Every branch starts with the newline itself (the
# trailing whitespace is a lookbehind), so the engine jumps from newline to
# newline instead of trying each space of the text (about 9x faster).
_ANOMALY = re.compile(
    f"\\n(?:(?<=[{WHITESPACE_CHARS}]\\n)|[{WHITESPACE_CHARS}]*+\\n[{WHITESPACE_CHARS}]*+\\n|[{WHITESPACE_CHARS}]++\\n)"
)
_WS_SET = " \t\r\x0b\x0c\u00a0\u1680\u202f\u205f\u3000\ufeff" + "".join(map(chr, range(0x2000, 0x200C)))


def whitespace_changes(text: str) -> Iterator[Change]:
    """The changes that tidy ``text`` (see the module docstring).

    Only gaps that need a change are visited: a first scan looks for the
    anomalies (trailing whitespace, blank lines beyond one, whitespace-only
    lines), so tidy text costs one regex scan at C speed.
    """
    n = len(text)
    pos = 0
    if n and (text[0] == "\n" or text[0] in _WS_SET):
        m = _GAP.match(text, 0)
        if m is not None:
            yield from _gap_change(text, m.start(), m.end(), m.group())
            pos = m.end()
    search = _ANOMALY.search
    while True:
        m = search(text, pos)
        if m is None:
            break
        start = m.start()
        while start > pos and (text[start - 1] == "\n" or text[start - 1] in _WS_SET):
            start -= 1
        g = _GAP.match(text, start)
        if g is None:  # pragma: no cover - an anomaly always sits in a gap
            pos = m.end()
            continue
        yield from _gap_change(text, g.start(), g.end(), g.group())
        pos = g.end()
    if pos < n and (text[-1] == "\n" or text[-1] in _WS_SET):
        start = n
        while start > pos and (text[start - 1] == "\n" or text[start - 1] in _WS_SET):
            start -= 1
        tail = _GAP.match(text, start)
        if tail is not None and tail.end() == n:
            yield from _gap_change(text, start, n, tail.group())
        else:
            yield Change(start, n, "", "trailing-whitespace")


def _gap_change(text: str, start: int, end: int, gap: str) -> Iterator[Change]:
    first, last = gap.index("\n"), gap.rindex("\n")
    indent = gap[last + 1 :]
    if end == len(text):
        rep, rule = "", "trailing-whitespace"
    elif start == 0:
        rep, rule = indent, "leading-blank-lines"
    else:
        newlines = gap.count("\n", first)
        rep = ("\n\n" if newlines >= 2 else "\n") + indent
        rule = "blank-lines" if newlines > 2 or gap[first:last].strip("\n") else "trailing-space"
    if rep != gap:
        yield Change(start, end, rep, rule)


def tidy_whitespace(text: str) -> str:
    """Apply :func:`whitespace_changes` and return the tidied text."""
    return apply_changes(text, whitespace_changes(text))


@attrs.frozen
class TidyWhitespace(Pass):
    """Pass wrapper of :func:`tidy_whitespace`."""

    name = "structure"

    def propose(self, doc: Document) -> list[Change]:
        return list(whitespace_changes(doc.text))
