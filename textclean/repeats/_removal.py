"""Where a removed copy's edit starts and ends, so the text left behind reads naturally."""

from __future__ import annotations

__all__ = ["removal_span"]

_HSPACE = " \t\r\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


def _back_over_space(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _forward_over_space(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return pos


def removal_span(text: str, start: int, end: int) -> tuple[int, int, str]:
    """``(start, end, replacement)`` that removes ``text[start:end]`` with the whitespace that belongs to it.

    A copy that fills whole lines goes with its line break and the smaller of
    the gaps around it (a paragraph break stays a paragraph break); a copy
    inside a line goes with the spaces before it (or after it, at a line
    start), so no double space or blank line is left behind.

    >>> def cut(t, s, e):
    ...     a, b, rep = removal_span(t, s, e)
    ...     return t[:a] + rep + t[b:]
    >>> cut("A.\\n\\nB.\\n\\nC.", 4, 6)
    'A.\\n\\nC.'
    >>> cut("A.\\nB.\\n\\nC.", 3, 5)
    'A.\\n\\nC.'
    >>> cut("One. Two. Three.", 5, 9)
    'One. Three.'
    >>> cut("Photo: Photo: X", 7, 13)
    'Photo: X'
    """
    n = len(text)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = n
    text_before = text[line_start:start].strip() != ""
    text_after = text[end:line_end].strip() != ""
    if not text_before and not text_after:
        prev_end = _back_over_space(text, line_start)
        next_start = _forward_over_space(text, line_end)
        if next_start >= n:  # last lines of the text
            return prev_end, line_end, ""
        next_line = text.rfind("\n", line_end, next_start) + 1
        if prev_end == 0:  # first lines of the text
            return 0, next_line, ""
        gap_before = text.count("\n", prev_end, line_start)
        gap_after = text.count("\n", line_end, next_start)
        if gap_after >= gap_before:
            return prev_end, line_end, ""
        return line_start, next_line, ""
    if text_before:
        s = start
        while s > line_start and text[s - 1] in _HSPACE:
            s -= 1
        if not text_after and "\n" not in text[start:end]:
            # the end of a line: take its trailing spaces too
            e = end
            while e < line_end and text[e] in _HSPACE:
                e += 1
            return s, e, ""
        return s, end, ""
    e = end
    while e < line_end and text[e] in _HSPACE:
        e += 1
    return start, e, ""
