"""Public entry points: :func:`find`, :func:`parse`, :func:`parse_header_line`, :func:`document_dates`."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from textclean.dates._finder import Reference, find_mentions, find_mentions_in_lines
from textclean.dates._lexicon import lexicon
from textclean.dates._model import Mention

__all__ = ["document_dates", "find", "parse", "parse_header_line"]

_FINE = frozenset({"day", "hour", "minute", "second"})
_LEAD_JUNK = re.compile(r"[\s\W_]*\Z")
_WORD = re.compile(r"[^\W\d_]+")
#: How much of the document's head is searched for its own dates.
HEAD_LINES = 15
HEAD_CHARS = 4000
HEAD_LINE_CHARS = 400
DATELINE_CHARS = 120


def _langs(languages: Sequence[str]) -> tuple[str, ...]:
    return (languages,) if isinstance(languages, str) else tuple(languages)


def find(
    text: str,
    *,
    reference: Reference = None,
    languages: Sequence[str] = ("ru", "en"),
    date_order: str = "auto",
    prefer: str = "nearest",
    infer_reference: bool = True,
) -> list[Mention]:
    """Every date expression in ``text``, in order, with its ISO 8601 value.

    ``reference`` (a ``date``, ``datetime`` or ISO string) resolves relative
    expressions and year-less dates.  Without one, and with
    ``infer_reference`` on, the document's own publication date (a
    ``Posted …``/``Опубликовано …`` header or a dateline near the top, see
    :func:`document_dates`) is the reference.  ``date_order`` fixes the
    order of numeric dates (``"DMY"``, ``"MDY"``, ``"YMD"``) or lets the
    finder decide (``"auto"``: day first for dots and Russian context,
    document evidence for slashes, else reported as ambiguous).  ``prefer``
    picks the year of a year-less date: ``"nearest"`` to the reference
    (the default, right for news), ``"past"`` or ``"future"``.

    >>> doc = "06.01.2022 13:15\\n(Moscow time)\\non the evening of January 5"
    >>> [(m.text, m.value, m.year_inferred) for m in find(doc)]
    [('06.01.2022 13:15\\n(Moscow time)', '2022-01-06T13:15+03:00', False), ('January 5', '2022-01-05', True)]
    >>> [m.value for m in find("Views: 10692, up 3.5% in v2.0; may we march on?")]
    []
    >>> m = find("on 6/1/2022")[0]
    >>> m.value, m.ambiguous, m.alternatives
    ('2022-06-01', True, ('2022-01-06',))
    """
    langs = _langs(languages)
    if reference is None and infer_reference:
        head = document_dates(text, languages=langs, date_order=date_order)
        own = head.get("published") or head.get("modified")
        if own is not None and own.value is not None:
            reference = own.value.split("/")[0]
    return find_mentions(text, reference=reference, languages=langs, date_order=date_order, prefer=prefer)


def _strip_label(text: str, languages: tuple[str, ...]) -> tuple[str | None, int]:
    """The header label key (``published``/``modified``) at the start of ``text`` and where the value starts."""
    lex = lexicon(languages)
    m = lex.header.match(text)
    if m is None:
        return None, 0
    label = " ".join(m.group("label").lower().split())
    key = next(k for w, k in lex.header_labels if w == label)
    return key, m.end()


def parse(
    text: str,
    *,
    reference: Reference = None,
    languages: Sequence[str] = ("ru", "en"),
    date_order: str = "auto",
    prefer: str = "past",
) -> Mention | None:
    """The date that ``text`` states, or None when ``text`` does not start with a date expression.

    A leading header label (``Posted``, ``Updated:``, ``Опубликовано``) and
    punctuation are skipped; text after the expression (a place name, a
    byline) is ignored.  Offsets are into ``text``.  ``prefer`` defaults to
    ``"past"`` here: a lone year-less date is read as the latest such date
    on or before the reference.

    >>> parse("Posted 12 января 2022,, 08:30").value
    '2022-01-12T08:30'
    >>> parse("Tuesday, November 19, 2019 at 9:45 a.m.").value
    '2019-11-19T09:45'
    >>> parse("January 7", reference="2022-01-06").value
    '2021-01-07'
    >>> parse("3 дня назад", reference="2022-01-06").value
    '2022-01-03'
    >>> parse("the price fell 3.5%") is None
    True
    """
    langs = _langs(languages)
    _, offset = _strip_label(text, langs)
    mentions = find_mentions(text[offset:], reference=reference, languages=langs, date_order=date_order, prefer=prefer)
    if not mentions:
        return None
    first = mentions[0]
    if not _LEAD_JUNK.match(text, offset, offset + first.start):
        return None
    return first.shifted(offset)


def parse_header_line(
    line: str,
    *,
    reference: Reference = None,
    languages: Sequence[str] = ("ru", "en"),
    date_order: str = "auto",
) -> tuple[str, Mention] | None:
    """``("published" | "modified", mention)`` for a labelled header line, else None.

    Labels come from the language data (``Posted``, ``Published``,
    ``Updated``, ``Modified``, ``Опубликовано``, ``Обновлено``, ...).  The
    mention's offsets are into ``line``.

    >>> key, m = parse_header_line("Modified 24 декабря 2022,, 22:37")
    >>> key, m.value, m.start
    ('modified', '2022-12-24T22:37', 9)
    >>> parse_header_line("12 января 2022, 08:30") is None
    True
    """
    langs = _langs(languages)
    key, offset = _strip_label(line, langs)
    if key is None:
        return None
    mention = parse(line[offset:], reference=reference, languages=langs, date_order=date_order)
    if mention is None:
        return None
    return key, mention.shifted(offset)


def _is_dateline(line: str, mention: Mention, line_start: int) -> bool:
    """A line that is (almost) only a full date: ``06.01.2022 13:15``, ``Текст: Имя Фамилия · 11 октября 2018``."""
    if mention.kind != "date" or mention.grain not in _FINE or mention.year_inferred or mention.ambiguous:
        return False
    if mention.value is None or mention.value.startswith("--"):
        return False
    s = mention.start - line_start
    e = min(len(line), mention.end - line_start)
    rest = line[:s] + " " + line[e:]
    return len(_WORD.findall(rest)) <= 5 and len(rest.strip()) <= 48


_DIGIT = re.compile(r"\d")


def _has_digit(text: str, start: int, end: int) -> bool:
    """Whether the line at ``start`` (up to ``end``) holds a digit."""
    nl = text.find("\n", start, end)
    return _DIGIT.search(text, start, end if nl < 0 else nl) is not None


def _cut(text: str, end: int) -> bool:
    """Whether a line read up to ``end`` goes on past it."""
    return end < len(text) and text[end] != "\n"


_ZONE_LINE = re.compile(r"[ \t\u00a0\u202f]*\(")


def _wanted_spans(text: str, hits: list[tuple[int, str, tuple[str, Mention] | None, bool]]) -> list[tuple[int, int]]:
    """Whole-line spans of ``text`` holding the wanted head lines, each with the line before when it may end
    in a time whose zone opens this line (``13:15`` / ``(MSK)``)."""
    spans: list[tuple[int, int]] = []
    for start, _, _, need in hits:
        if not need:
            continue
        lo = start
        while lo > 0 and _ZONE_LINE.match(text, lo):
            lo = text.rfind("\n", 0, lo - 1) + 1
        hi = text.find("\n", start)
        hi = len(text) if hi < 0 else hi
        if spans and lo <= spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return spans


def document_dates(
    text: str,
    *,
    languages: Sequence[str] = ("ru", "en"),
    date_order: str = "auto",
    max_lines: int = HEAD_LINES,
) -> dict[str, Mention]:
    """The document's own dates from its first lines: ``{"published": …, "modified": …}``.

    Labelled header lines give their key; otherwise the first dateline (a
    short line holding a full date with day and year) is taken as
    ``published``.  Offsets are into ``text``.

    >>> doc = "Title\\n\\nAuthor Name.\\n06.01.2022 13:15\\n  (Moscow time), Moscow\\nViews: 10692\\n"
    >>> {k: m.value for k, m in document_dates(doc).items()}
    {'published': '2022-01-06T13:15+03:00'}
    """
    langs = _langs(languages)
    out: dict[str, Mention] = {}
    head = text[:HEAD_CHARS]
    lines: list[tuple[int, str]] = []
    pos = 0
    for part in head.split("\n", max_lines)[: max(0, max_lines)]:
        if pos >= len(head):
            break
        lines.append((pos, part[:HEAD_LINE_CHARS]))
        pos += len(part) + 1
    if not lines:
        return out
    # the line after the last head line may hold the zone of its time
    nl = text.find("\n", lines[-1][0] + len(lines[-1][1]) + 1, HEAD_CHARS + HEAD_LINE_CHARS)
    scan_end = HEAD_CHARS + HEAD_LINE_CHARS if nl < 0 else nl
    hits: list[tuple[int, str, tuple[str, Mention] | None, bool]] = []
    # only labelled lines and short lines with a digit (a dateline's date has its day on its line) need mentions
    wanted = False
    label = lexicon(langs).header.match  # most lines have no label: skip parse_header_line's own test
    digit = _DIGIT.search
    for start, line in lines:
        if not line.strip():
            continue
        hit = parse_header_line(line, languages=langs, date_order=date_order) if label(line) else None
        # a short line is whole unless the head cut it: then its digit may lie past the cut
        need = hit is not None or (
            len(line) <= DATELINE_CHARS
            and (digit(line) is not None or (_cut(text, start + len(line)) and _has_digit(text, start, scan_end)))
        )
        hits.append((start, line, hit, need))
        wanted = wanted or need
    if not wanted:
        return out
    scan = text[:scan_end]
    found = find_mentions_in_lines(scan, _wanted_spans(scan, hits), languages=langs, date_order=date_order)
    mentions = find_mentions(scan, languages=langs, date_order=date_order) if found is None else found
    dateline: Mention | None = None
    for start, line, hit, _ in hits:
        if hit is not None:
            key, mention = hit
            full = next((m for m in mentions if m.start == start + mention.start), None)
            out.setdefault(key, full or mention.shifted(start))
            continue
        if dateline is None and len(line) <= DATELINE_CHARS:
            for m in mentions:
                if start <= m.start < start + len(line) and _is_dateline(line, m, start):
                    dateline = m
                    break
    if "published" not in out and dateline is not None:
        out["published"] = dateline
    return {k: attrs.evolve(v, text=text[v.start : v.end]) for k, v in out.items()}
