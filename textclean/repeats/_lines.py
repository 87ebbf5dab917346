"""Line-level repeats: short lines said twice, header lines, doubled labels.

Passages shorter than the span finder's minimum still repeat in scraped
pages: a title printed twice, ``Posted``/``Published`` header pairs, and a
caption label doubled (``Фото: Фото: 1MI``).  These checks look only at nearby
lines, so a short line repeated far away (a common ``Read more`` link, a
section name) is never taken for a copy.
"""

from __future__ import annotations

import json
import re
from collections import Counter, deque
from functools import lru_cache
from importlib import resources
from itertools import accumulate

import attrs

from textclean.repeats._model import Repeat

__all__ = ["HeaderGroup", "LineTable", "header_groups", "header_repeats", "label_repeats", "line_repeats"]

_PUNCT = ".,;:!?-\u2013\u2014\"'\u00ab\u00bb\u201c\u201d\u201e\u2018\u2019()[]*\u2022\u2026|"
_WS = re.compile(r"\s+")
# What follows a colon when a label is doubled: one to three words and another
# colon.  The scan starts at colons only; possessive quantifiers and length caps
# keep it linear.  The word(s) before the first colon are compared in code.
_AFTER_COLON = re.compile(r":[ \t\u00a0]++(\w{1,30}+(?: \w{1,30}+){0,2}+)(?=:)")
_WORD_CHAR = re.compile(r"\w")
_LABEL_SEP = re.compile(r"\s*+[:\-\u2013\u2014]?\s*+")


@attrs.frozen
class HeaderGroup:
    """Header labels that say the same thing (``Posted`` / ``Published``)."""

    id: str
    labels: tuple[str, ...]
    examples: tuple[tuple[str, str], ...]
    counter_examples: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def header_groups() -> tuple[HeaderGroup, ...]:
    """The header label groups shipped in ``data/header_labels.json``."""
    raw = json.loads(resources.files("textclean.repeats").joinpath("data/header_labels.json").read_text("utf-8"))
    return tuple(
        HeaderGroup(
            id=g["id"],
            labels=tuple(g["labels"]),
            examples=tuple(tuple(e) for e in g["examples"]),
            counter_examples=tuple(tuple(e) for e in g["counter_examples"]),
        )
        for g in raw["groups"]
    )


@lru_cache(maxsize=1)
def _label_index() -> tuple[dict[str, list[tuple[str, str]]], int]:
    """First word of a label -> [(label, group id)], longest labels first; and the longest label."""
    index: dict[str, list[tuple[str, str]]] = {}
    longest = 0
    for group in header_groups():
        for label in group.labels:
            index.setdefault(label.split()[0], []).append((label, group.id))
            longest = max(longest, len(label))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index, longest


def _key(line: str) -> str:
    return _WS.sub(" ", line.lower()).strip(_PUNCT + " ")


def parse_header(line: str) -> tuple[str, str] | None:
    """``(group id, value)`` when ``line`` is a known header label and a value.

    >>> parse_header("Published 12 января 2022, 08:30")
    ('published', '12 января 2022, 08:30')
    >>> parse_header("Updated: 3 May") is None, parse_header("Publishing is hard") is None
    (False, True)
    """
    index, longest = _label_index()
    text = line.strip()
    if len(text) > 200:
        return None
    head = text[: longest + 1].lower()
    first = head.split(maxsplit=1)[0].rstrip(":") if head.split() else ""
    for label, gid in index.get(first, ()):
        if not head.startswith(label):
            continue
        rest = text[len(label) :]
        if rest[:1].isalnum():
            continue  # "Dated", "Bystander": the label is only a prefix of a word
        sep = _LABEL_SEP.match(rest)
        value = rest[sep.end() if sep else 0 :].strip()
        if len(value) >= 3:
            return gid, value
    return None


class LineTable:
    """The lines of a text, split and stripped once, shared by the line checks."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.stripped = list(map(str.strip, self.lines))
        self._starts: list[int] | None = None

    def start(self, i: int) -> int:
        """Offset of the first character of line ``i``."""
        if self._starts is None:
            self._starts = list(accumulate(map((1).__add__, map(len, self.lines)), initial=0))
        return self._starts[i]

    def span(self, i: int) -> tuple[int, int]:
        """``(start, end)`` of line ``i`` around its stripped text."""
        line, stripped = self.lines[i], self.stripped[i]
        lead = line.find(stripped[0]) if stripped else 0
        s = self.start(i) + lead
        return s, s + len(stripped)


def line_repeats(
    text: str, *, min_chars: int = 20, min_words: int = 4, window: int = 4, table: LineTable | None = None
) -> list[Repeat]:
    """Short lines repeated within ``window`` non-blank lines of each other (a title said twice).

    >>> [(r.kind, r.start) for r in line_repeats("A Title Of Five Words\\n\\nA Title Of Five Words\\nBody")]
    [('line', 23)]
    >>> line_repeats("Read more here\\nRead more here")
    []
    """
    t = LineTable(text) if table is None else table
    stripped = t.stripped
    blanks = stripped.count("")
    if len(set(stripped)) + max(blanks - 1, 0) == len(stripped):
        return []  # no line occurs twice
    counts = Counter(stripped)
    out: list[Repeat] = []
    recent: deque[tuple[str, int]] = deque(maxlen=window)
    for i, line in enumerate(stripped):
        if not line:
            continue
        if counts[line] > 1 and min_chars <= len(line) <= 400 and len(line.split()) >= min_words:
            for other, j in recent:
                if other == line:
                    s, e = t.span(i)
                    ss, se = t.span(j)
                    out.append(Repeat(s, e, ss, se, 1.0, "line"))
                    break
        recent.append((line, i))
    return out


def header_repeats(text: str, *, window: int = 3, table: LineTable | None = None) -> list[Repeat]:
    """Header lines whose label means the same and whose value is equal (``Posted X`` / ``Published X``).

    >>> rs = header_repeats("Posted 12 May 2022\\n\\nPublished 12 May 2022\\nUpdated 13 May 2022")
    >>> [(r.kind, r.start, r.source_start) for r in rs]
    [('header', 20, 0)]
    """
    first_line, later_line = _header_start()
    if first_line.match(text) is None and later_line.search(text) is None:
        return []  # no line starts with a header label
    index, _ = _label_index()
    initials = _initials()
    t = LineTable(text) if table is None else table
    stripped = t.stripped
    hits = [i for i, line in enumerate(stripped) if line[:1] in initials]
    out: list[Repeat] = []
    recent: list[tuple[str, str, int]] = []
    for i in hits:
        line = stripped[i]
        words = line[:40].split(maxsplit=1)
        if not words or words[0].lower().rstrip(":") not in index:
            continue
        parsed = parse_header(line)
        if parsed is None:
            continue
        gid, value = parsed
        key = _key(value)
        for pgid, pkey, j in recent:
            if pgid == gid and pkey == key and sum(1 for x in stripped[j + 1 : i] if x) < window:
                s, e = t.span(i)
                ss, se = t.span(j)
                out.append(Repeat(s, e, ss, se, 1.0, "header"))
                break
        recent = [*recent[-window:], (gid, key, i)]
    return out


@lru_cache(maxsize=1)
def _header_start() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The first line, and any later line, starting with the first word of a header label (any case).

    The later-line pattern starts with a literal line break, which the regex
    engine scans for quickly (a ``^`` in multiline mode is tried at every character).
    """
    index, _ = _label_index()
    words = "|".join(sorted(map(re.escape, index), key=len, reverse=True))
    # the first letter alone turns most lines away before the words are tried
    initials = "".join(sorted({re.escape(word[0]) for word in index}))
    label = rf"[^\S\n]*+(?=[{initials}])(?:{words})(?!\w)"
    return re.compile(label, re.IGNORECASE), re.compile(rf"\n{label}", re.IGNORECASE)


@lru_cache(maxsize=1)
def _initials() -> frozenset[str]:
    index, _ = _label_index()
    return frozenset(ch for word in index for ch in (word[0], word[0].upper()))


def label_repeats(text: str) -> list[Repeat]:
    """A label followed by the same label again (``Фото: Фото: 1MI``); the second one is redundant.

    >>> [(r.start, r.end, r.source_start, r.source_end) for r in label_repeats("Фото: Фото: 1MI")]
    [(6, 11, 0, 5)]
    >>> label_repeats("Note: note: lower case differs"), label_repeats("a: a: a: a: a chain")
    ([], [])
    """
    out: list[Repeat] = []
    if ":" not in text:
        return out
    for m in _AFTER_COLON.finditer(text):
        label = m.group(1)
        colon = m.start()
        start = colon - len(label)
        if start < 0 or text[start:colon] != label or (start > 0 and _WORD_CHAR.match(text, start - 1)):
            continue
        after = m.end(1) + 1
        if text[after : after + len(label) + 3].lstrip(" \t\u00a0").startswith(label + ":") or text[
            max(0, start - len(label) - 3) : start
        ].rstrip(" \t\u00a0").endswith(label + ":"):
            continue  # a longer chain of the same label is content, not a doubled caption
        out.append(Repeat(m.start(1), m.end(1) + 1, start, colon + 1, 1.0, "label"))
    return out
