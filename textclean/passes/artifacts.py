"""Scraper residue: ad markers, read-also lines, prompts, comment sections, credits, widgets.

The rules live in the data files of :mod:`textclean.rules`; this module
applies them to the lines of a document:

* a ``line`` rule removes a line only when its pattern matches the **whole**
  line (stripped, bullet dropped, lower-cased) and the line is no longer
  than the rule's ``max_len`` — a line is never removed for merely containing
  a word;
* a ``block`` rule (a comment-section heading) in the tail of the document
  removes everything from the heading to the end (``balanced`` and up; the
  tail starts half-way through the text, a quarter-way at ``aggressive``);
  elsewhere only the heading goes;
* a ``list`` rule (``Related stories``, ``Читайте также:``) takes the run of
  short headline-like lines under it along when there are at least two of
  them (a single short line may be the next subheading);
* ``inline`` rules remove markers such as ``[ad_1]`` wherever they stand;
* the structural detectors of :mod:`textclean.passes.widgets` remove
  calendars, share bars and orphaned widget lines.

>>> from textclean.passes.artifacts import clean_artifacts
>>> print(clean_artifacts("[ad_1]\\nThe vote was held on Monday.\\n[ad_2]\\nSource link"))
The vote was held on Monday.
<BLANKLINE>
>>> clean_artifacts("Read more about the vote in our report.")
'Read more about the vote in our report.'
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from itertools import accumulate, compress, count, repeat
from operator import add

import attrs

from textclean.config import Aggressiveness
from textclean.edits import Change, apply_changes
from textclean.passes.widgets import (
    is_credit_line,
    line_hits,
    normalised_lines,
    orphan_removals,
    structural_removals,
)
from textclean.pipeline import Document, Pass, line_spans
from textclean.rules import LANGUAGES, STRIP_CHARS, LineMatcher, Rule, line_matcher, normalise_line

__all__ = ["Artifacts", "artifact_changes", "clean_artifacts", "tail_link_run"]

_TERMINAL = (".", "!", "?", "…", ":", ";", '"', "”", "»")


def _languages(value: Sequence[str] | str) -> tuple[str, ...]:
    langs = (value,) if isinstance(value, str) else tuple(value)
    for lang in langs:
        if lang not in LANGUAGES:
            raise ValueError(f"no rules for language {lang!r}; known: {', '.join(LANGUAGES)}")
    return langs


def _level(value: Aggressiveness | str) -> Aggressiveness:
    return value if isinstance(value, Aggressiveness) else Aggressiveness(value)


def _bulleted(line: str) -> bool:
    s = line.lstrip(" \t\u00a0\ufeff\u200b")
    return bool(s) and s[0] in "-–—•·*▪►▸»›"


def _headline_like(line: str) -> bool:
    s = line.strip(" \t\u00a0\ufeff\u200b\r")
    if not s:
        return False
    bulleted = s[0] in "-–—•·*▪►▸»›"
    if len(s) > (260 if bulleted else 150):
        return False
    # a headline may end in a closing quote (Name: “quote”), not in a full stop
    ends = s.rstrip("\"”»’'").endswith((".", "!", "?", "…", ":", ";"))
    if bulleted and s[0] in "–—" and ends:
        return False  # a dialogue line, not a link
    return bulleted or not ends


_BULLETS = "-–—•·*▪►▸»›|>◦●■□✓✔"
_ODD_SPACE = re.compile("[\t\u00a0\u2009\u202f\u200b\ufeff]")

#: Lines of a comment thread: greetings, "says:", reply buttons, "N likes", timestamps.
_COMMENT_SHAPE = re.compile(
    r"(?:hi|hello|hey|dear|thanks|thank you|привет|здравствуйте|спасибо|добрый день)\b[^.!?]{0,40}[,!.]?"
    r"|.{1,60}\b(?:says|said|wrote|пишет|написал[а]?)\s?:"
    r"|(?:reply|antworten|ответить|log in to reply|report|like|likes|\d{1,4} (?:likes?|replies|ответ\w*))"
    r"|.{0,60}\b\d{1,2}:\d{2}\s?(?:am|pm)?|.{0,40}\b(?:ago|назад)"
)


def _thread_follows(norms: list[str | None], i: int, *, reach: int = 12) -> bool:
    """True when comment-thread lines follow a comment heading at line ``i``."""
    hits = 0
    seen = 0
    for norm in norms[i + 1 :]:
        if norm == "":
            continue
        seen += 1
        if seen > reach:
            break
        if norm is not None and len(norm) <= 80 and _COMMENT_SHAPE.fullmatch(norm):
            hits += 1
            if hits >= 2:
                return True
    return False


_STRIP_CLASS = re.escape(STRIP_CHARS)
#: Where a line may need the full :func:`normalise_line`: a bullet first, a double space, an odd space.
_BULLET_LINE = re.compile(f"\n[{_STRIP_CLASS}]*+[{re.escape(_BULLETS)}]")
_ODD_CHARS = ("  ", "\t", "\u00a0", "\u2009", "\u202f", "\u200b", "\ufeff")


def _line_table(low: str, limit: int) -> tuple[list[tuple[int, int]], list[int], list[str | None], list[int]]:
    """Spans, start offsets, normalised forms (None above ``limit``) and the *odd* lines of ``low``.

    A line is odd when its normalised form is not just the stripped line (a
    bullet dropped, inner spaces collapsed); the work per line is done by C
    loops (``split``, ``map``), and only odd lines get :func:`normalise_line`.
    """
    lines = low.split("\n")
    lens = list(map(len, lines))
    starts = list(accumulate(map(add, lens, repeat(1)), initial=0))
    del starts[-1]
    spans = list(zip(starts, map(add, starts, lens), strict=True))
    norms: list[str | None] = list(map(str.strip, lines, repeat(STRIP_CHARS)))
    for k in compress(count(), map(limit.__lt__, lens)):
        norms[k] = None
    n = len(starts)
    maybe: set[int] = set()
    if lines and lines[0][:1] in STRIP_CHARS + _BULLETS:
        maybe.add(0)
    # lines opening with a bullet (C-speed scan from newline to newline)
    maybe.update(line_hits(_BULLET_LINE, low, starts))
    # lines holding a double space or an odd space (str.find, one hit a line)
    for odd_char in _ODD_CHARS:
        pos = low.find(odd_char)
        while pos >= 0:
            k = bisect.bisect_right(starts, pos) - 1
            maybe.add(k)
            if k + 1 >= n:
                break
            pos = low.find(odd_char, starts[k + 1])
    odd: list[int] = []
    for k in sorted(maybe):
        line = norms[k]
        if line and (line[0] in _BULLETS or "  " in line or _ODD_SPACE.search(line)):
            norms[k] = normalise_line(line)
            odd.append(k)
    return spans, starts, norms, odd


def artifact_changes(
    text: str,
    *,
    languages: Sequence[str] = ("en", "ru"),
    aggressiveness: Aggressiveness | str = Aggressiveness.BALANCED,
    structure: bool = True,
) -> Iterator[Change]:
    """The removals for ``text``: whole lines (with their newline) and inline markers."""
    level = _level(aggressiveness).level
    matcher = line_matcher(_languages(languages))
    n_text = len(text)
    removed: dict[int, str] = {}
    attached: dict[int, str] = {}
    limit = matcher.max_len + 40
    block_from: tuple[int, str] | None = None
    tail_start = n_text * (0.25 if level >= 2 else 0.5)

    low = text.lower()
    fast = len(low) == n_text
    odd: list[int] = []
    gated: set[int] | None = None
    if fast:
        spans, starts, norms, odd = _line_table(low, limit)
        gated = matcher.gated_lines(low, norms, starts, odd)
    else:
        spans = line_spans(text)
        starts = [s for s, _ in spans]
        norms = normalised_lines(text, spans, limit=limit)
    # ``contains`` (a find word in the raw line) holds for a plain line whenever the
    # normalised line holds one, which match_normalised checks anyway; odd lines check the raw line
    no_find: set[int] = set()
    if fast and matcher.find_pattern is not None:
        find = matcher.find_pattern.search
        no_find = {k for k in odd if find(low, spans[k][0], spans[k][1]) is None}
    memo: dict[tuple[str, bool], Rule | None] = {}  # repeated lines are matched once
    credits: list[int] = []  # copyright lines
    n = len(spans)
    order = range(n) if gated is None else sorted(gated)
    i = 0
    for k in order:
        if k < i:
            continue
        i = k
        norm = norms[i]
        if not norm:
            continue
        contains = i not in no_find
        key = (norm, contains)
        if key in memo:
            rule = memo[key]
        else:
            rule = memo[key] = matcher.match_normalised(norm, level=level, contains=contains)
        if rule is None:
            continue
        if rule.kind == "attached":
            attached[i] = rule.id
            continue
        removed[i] = rule.id
        if rule.family == "copyright" and rule.kind == "line":
            credits.append(i)
        if rule.kind == "block" and level >= 1 and (spans[i][0] >= tail_start or _thread_follows(norms, i)):
            block_from = (i, rule.id)
            break
        if rule.kind == "list":
            i = _take_list(text, spans, i, removed, rule)
            continue

    for k in credits:
        if is_credit_line(text[spans[k][0] : spans[k][1]]) and _after_prose(text, spans, norms, k, removed):
            # a short dated copyright line right under the article's last paragraph is the
            # story's own credit ("© 2019 Associated Press. All rights reserved."): it stays
            del removed[k]

    if structure:
        for s, e, rule_id in structural_removals(
            text, level=level, spans=spans, norms=norms, low=low if fast else None, starts=starts
        ):
            k = bisect.bisect_left(starts, s)
            if k >= n or starts[k] != s:
                continue
            while k < n and spans[k][0] < e:
                removed.setdefault(k, rule_id)
                k += 1

    if matcher.inline_pattern is not None and matcher.has_inline_lower(low):
        stop = n_text if block_from is None else spans[block_from[0]][0]
        yield from _inline_changes(text, spans, removed, matcher, stop)

    if attached:
        _attach(norms, removed, attached)

    if level >= 1:
        for k, rule_id in orphan_removals(text, spans, set(removed), level=level):
            removed.setdefault(k, rule_id)

    if level >= 2:
        # only when asked to be aggressive: an article may end in a list of its own
        # (a heading and unpunctuated items) that reads the same as related headlines
        for k in tail_link_run(text, spans, removed):
            removed[k] = "common.tail-links"

    if block_from is not None:
        k0, rule_id = block_from
        for k in [k for k in removed if k >= k0]:
            del removed[k]
        yield from _merged(text, spans, removed)
        yield Change(spans[k0][0], n_text, "", rule_id)
        return
    yield from _merged(text, spans, removed)


def _after_prose(
    text: str, spans: list[tuple[int, int]], norms: Sequence[str | None], k: int, removed: dict[int, str]
) -> bool:
    """Whether the line before line ``k`` (blank lines skipped) is a paragraph of prose that stays."""
    j = k - 1
    while j >= 0 and not norms[j]:
        j -= 1
    if j < 0 or j in removed:
        return False
    line = text[spans[j][0] : spans[j][1]].rstrip()
    return line.endswith(_PROSE_END) and len(line.split(None, _PROSE_WORDS)) > _PROSE_WORDS


#: A paragraph of prose has more words than this.
_PROSE_WORDS = 12
_PROSE_END = (".", "!", "?", "…", '"', "”", "»", "’", ")")
_DATED = re.compile(
    r"(?:\d{1,2}\.?\s?)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)"
    r"[^\W\d_]{0,7}\.?\s?\d",
    re.IGNORECASE,
)
#: Related-story lists run to a handful of items; a longer run is a list of the article's own.
_MAX_TAIL_ITEMS = 10
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _link_title(line: str) -> bool:
    """A headline as a link list shows it: three or more words, bulleted or without a final full stop."""
    s = line.strip(" \t\u00a0\ufeff\u200b\r")
    if not 12 <= len(s) <= 260 or not _headline_like(s):
        return False
    if s[0] in "–—" or "://" in s or "(@" in s:
        return False  # an attribution (— Name (@handle) date) or a link, not a headline
    body = s.lstrip(_BULLETS + " ")
    if _DATED.match(body):
        return False  # a schedule row (June 9 – Tampa …), part of the article
    words = _TITLE_WORD.findall(body[:200])
    return len(words) >= 3 and (body[:1].isupper() or body[:1].isdigit() or body[:1] in "\"“‘'«[")


def tail_link_run(text: str, spans: list[tuple[int, int]], removed: dict[int, str] | set[int]) -> list[int]:
    """Lines of a run of three or more link-like headlines that ends the document after its last prose.

    Related-story lists often come without a heading: the article's last
    paragraph, then headlines to the end (lines already removed and blank
    lines may stand between them).  The line before the run must be prose —
    a long line ending in a full stop, or the attribution line of an embedded
    post — so a list introduced by a colon (``Tour dates:``) or a document
    made of short lines is kept.

    >>> text = "The council will vote on the plan in June, after a month of hearings, officials said.\\n"
    >>> text += "- Mayor Outlines Budget Plan\\n"
    >>> text += "- Five Things to Know About the Vote\\n- City Hall Reopens After Repairs"
    >>> [text.split("\\n")[k] for k in tail_link_run(text, line_spans(text), set())]
    ['- Mayor Outlines Budget Plan', '- Five Things to Know About the Vote', '- City Hall Reopens After Repairs']
    >>> text = "The band will play 30 shows next year, its spokesman said on Monday.\\nTour Dates\\n"
    >>> text += "June 9 Coral Sky Amphitheatre\\nJune 10 Tampa Music Park\\nJune 14 Bank Arena"
    >>> tail_link_run(text, line_spans(text), set())
    []
    """
    items: list[int] = []
    k = len(spans) - 1
    while k >= 0 and len(items) <= _MAX_TAIL_ITEMS:
        s, e = spans[k]
        line = text[s:e]
        if k in removed or not line.strip(" \t\u00a0\ufeff\u200b\r"):
            k -= 1
            continue
        if not _link_title(line):
            break
        items.append(k)
        k -= 1
    if not 3 <= len(items) <= _MAX_TAIL_ITEMS or k < 0:
        return []
    prose = text[spans[k][0] : spans[k][1]].strip(" \t\u00a0\ufeff\u200b\r")
    # an embedded post ends the article as well as prose does: — Name (@handle) November 4, 2019
    embed = prose[:1] in "–—" and "(@" in prose[:80]
    if not embed and (len(prose) < 80 or not prose.endswith(_PROSE_END)):
        return []
    return sorted(items)


def _attach(norms: list[str | None], removed: dict[int, str], attached: dict[int, str]) -> None:
    """Remove ``attached`` lines (buttons, form fields) that stand next to removed lines.

    A run of attached lines goes when the content line right before it or
    right after it (blank lines between allowed) was removed.
    """
    n = len(norms)
    for k in sorted(attached):
        if k in removed:
            continue
        # the run of attached lines containing k
        j = k
        while j < n and j - k < 20 and (norms[j] == "" or j in attached):
            j += 1
        p = k - 1
        while p >= 0 and k - p < 20 and (norms[p] == "" or (p in attached and p not in removed)):
            p -= 1
        if (p >= 0 and p in removed) or (j < n and j in removed):
            for m in range(k, j):
                if m in attached:
                    removed[m] = attached[m]


def _take_list(text: str, spans: list[tuple[int, int]], i: int, removed: dict[int, str], rule: Rule) -> int:
    """Remove the headline run under a list heading at line ``i``; return the next line to scan.

    The run ends at the first line that is not headline-like or at a blank
    line after it began.  Two items are needed, or one when the heading ends
    with a colon or is a read-also heading, or when the run reaches the end.
    """
    items: list[int] = []
    heading = text[spans[i][0] : spans[i][1]].rstrip(" \t\u00a0\r")
    # a heading that carries its own headline (Related: …) only takes bulleted items
    need_bullets = ":" in heading and not heading.rstrip(" :").endswith(("also", "more", "также", "теме", "ещё"))
    need_bullets = need_bullets and not heading.endswith(":")
    j = i + 1
    while j < len(spans) and len(items) < 20:
        s, e = spans[j]
        line = text[s:e]
        if not line.strip(" \t\u00a0\ufeff\u200b\r"):
            if items:
                break
            j += 1
            continue
        if not _headline_like(line) or (need_bullets and not _bulleted(line)):
            break
        items.append(j)
        j += 1
    at_end = _rest_blank(text, spans, j)
    single = heading.endswith(":") or rule.id.endswith("read-also")
    if len(items) >= 2 or (items and (at_end or single)):
        for k in items:
            removed[k] = rule.id
        return j
    return i + 1


def _rest_blank(text: str, spans: list[tuple[int, int]], j: int) -> bool:
    return all(not text[s:e].strip(" \t\u00a0\ufeff\u200b\r") for s, e in spans[j : j + 50]) and j + 50 >= len(spans)


def _inline_changes(
    text: str, spans: list[tuple[int, int]], removed: dict[int, str], matcher: LineMatcher, stop: int
) -> Iterator[Change]:
    """Inline markers before offset ``stop``; a line left with nothing else is removed whole."""
    pattern = matcher.inline_pattern
    assert pattern is not None
    starts = [s for s, _ in spans]
    hits_by_line: dict[int, list[re.Match[str]]] = {}
    for m in matcher.inline_matches(text, stop):
        hits_by_line.setdefault(bisect.bisect_right(starts, m.start()) - 1, []).append(m)
    for k, hits in hits_by_line.items():
        if k in removed:
            continue
        s, e = spans[k]
        rest = "".join(text[a:b] for a, b in _gaps(s, e, [(m.start(), m.end()) for m in hits]))
        if not rest.strip(" \t\u00a0\ufeff\u200b\r"):
            removed[k] = matcher.by_group[hits[0].lastgroup or ""].id
            continue
        for m in hits:
            yield Change(m.start(), m.end(), "", matcher.by_group[m.lastgroup or ""].id)


def _gaps(start: int, end: int, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    pos = start
    for a, b in spans:
        yield pos, a
        pos = b
    yield pos, end


def _merged(text: str, spans: list[tuple[int, int]], removed: dict[int, str]) -> Iterator[Change]:
    """Whole-line removals, contiguous lines of one rule merged into one change."""
    n_text = len(text)
    run_start = run_end = -1
    run_rule = ""
    for k in sorted(removed):
        s, e = spans[k]
        end = e + 1 if e < n_text else e
        rule_id = removed[k]
        if rule_id == run_rule and s == run_end:
            run_end = end
            continue
        if run_start >= 0:
            yield Change(run_start, run_end, "", run_rule)
        run_start, run_end, run_rule = s, end, rule_id
    if run_start >= 0:
        yield Change(run_start, run_end, "", run_rule)


def clean_artifacts(
    text: str,
    *,
    languages: Sequence[str] = ("en", "ru"),
    aggressiveness: Aggressiveness | str = Aggressiveness.BALANCED,
    structure: bool = True,
) -> str:
    """Apply :func:`artifact_changes` and return the text (blank lines are left to the whitespace pass)."""
    changes = artifact_changes(text, languages=languages, aggressiveness=aggressiveness, structure=structure)
    return apply_changes(text, changes)


@attrs.frozen(kw_only=True)
class Artifacts(Pass):
    """Pass wrapper of :func:`artifact_changes`.

    ``languages`` picks the rule files (``common`` is always on);
    ``aggressiveness`` scales block, orphan and structural removal;
    ``structure=False`` keeps to the phrase rules.
    """

    name = "artifacts"
    languages: tuple[str, ...] = attrs.field(default=("en", "ru"), converter=_languages)
    aggressiveness: Aggressiveness = attrs.field(default=Aggressiveness.BALANCED, converter=_level)
    structure: bool = True

    def propose(self, doc: Document) -> list[Change]:
        return list(
            artifact_changes(
                doc.text, languages=self.languages, aggressiveness=self.aggressiveness, structure=self.structure
            )
        )
