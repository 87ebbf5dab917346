"""Page chrome in plain text: tell article prose from menus, link lists and footers.

Many corpora keep the whole page as text (``get_text()`` of a page, Common
Crawl WET records): the article sits among navigation menus, link lists,
share bars, related-story teasers and footers.  Without the HTML, what is
left to go on is what plain text still shows of each line — its length and
word count, terminal punctuation, the density of stop words of its language,
capitalisation and digits, link-like tokens — plus the neighbourhood of the
line and its position: the longest dense run of prose is the article.

The classifier works in three steps (after jusText, adapted to plain text):

1. **Label** each unit (a line, or a hard-wrapped paragraph of lines) from its
   own features: ``good`` (prose: long enough, dense in stop words, ends a
   sentence), ``neargood`` (prose-like but weak), ``short`` (too short to
   judge alone), ``list`` (short items with figures: dates, prices, scores) or
   ``bad`` (chrome: low stop-word density, link-like tokens, runs of short
   menu-like lines, lines repeated on the page, symbols only).
2. **Smooth** with context: a short or near-good unit between prose stays
   (a one-line quote, a subheading); one among chrome goes.
3. **Locate the article.**  A *whole page* (clear chrome before its first
   prose and enough of it overall) keeps only the run of units with the
   highest prose score (prose adds its length, chrome costs), widened across
   weak borders.  Text that is already mostly article loses only link lists,
   repeated lines, comment headers and symbol lines before its first or after
   its last prose, so the pass is safe on residual text.

Every removed line is a change whose rule names the reason (``menu``,
``link-list``, ``repeated``, ``comment-header``, ``copyright``, ``symbols``,
``low-prose``, ``short-run``, ``outside-main``); :func:`classify_lines` gives
the labels themselves.

>>> from textclean.passes.chrome import remove_chrome
>>> page = "\\n".join([
...     "Home", "News", "Sport", "Weather", "Contact us",
...     "The council said on Monday that the bridge would be closed for repairs until the end of the year.",
...     "Residents who use it every day were not happy about the decision, and some of them have "
...     "written to the mayor.",
...     "Privacy", "Terms", "Cookies",
... ])
>>> print(remove_chrome(page))
The council said on Monday that the bridge would be closed for repairs until the end of the year.
Residents who use it every day were not happy about the decision, and some of them have written to the mayor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from textclean.config import Aggressiveness
from textclean.edits import Change
from textclean.langdata import guess_language, stopwords
from textclean.pipeline import Document, Pass

__all__ = [
    "ChromePass",
    "LineLabel",
    "Thresholds",
    "chrome_changes",
    "classify_lines",
    "line_deletions",
    "remove_chrome",
]

_WORD = re.compile(r"[^\W_]+")
# Characters that end a sentence (or a quoted sentence) in the languages we see.
_TERMINAL = frozenset(".!?…:;\"'»”’)。！？")
# URLs and e-mail addresses.  The e-mail branch starts at the "@" and looks back
# one character, so no branch rescans a long run of word characters.
_URL = re.compile(r"https?://|www\.[\w-]|(?<=\w)@[\w-]{1,63}\.[^\W\d_]")
# Separators between the items of a menu or a breadcrumb written on one line.
_SEP = re.compile(r"\s[|»›/·•]\s")
# A list bullet (or an item number) opening a line: the item is what follows.
_BULLET = re.compile(r"(?:[-*•·–—►▸▪◦●○✓✔→]|\d{1,3}[.)])\s+")
# Separators between the headline and the site name in a page title.
_TITLE_SPLIT = re.compile(r"\s[-|–—:»·]\s|\|")
_BULLET_START = frozenset("-*•·–—►▸▪◦●○✓✔→0123456789")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\ball rights reserved\b", re.IGNORECASE)
# "Jane on May 3, 2019 at 4:47 pm said:" -- the header of a comment in a thread.
_COMMENT_HEADER = re.compile(
    r"\d.{0,40}\b(?:said|says|wrote|writes|schrieb|schreibt|sagt|dijo|escribió|a dit|a écrit|написал|пишет)\s*:$",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Prose in these languages has fewer function words than English (no articles).
_DENSITY_SCALE = {"ru": 0.7, "pl": 0.7}
# Stop-word density is measured on this many leading characters of a unit: prose
# is homogeneous, and the bound keeps long paragraphs cheap.
_SAMPLE = 400
# The language is guessed from this many characters of the longer lines.
_LANG_SAMPLE = 4000


@attrs.frozen(kw_only=True)
class Thresholds:
    """The numbers the classifier uses; :meth:`for_level` picks them per aggressiveness.

    Lengths are in characters of the stripped unit (CJK characters count
    twice), densities are shares of the unit's words found in the stop-word
    list (scaled per language).
    """

    short_chars: int = 50
    short_words: int = 5
    long_chars: int = 150
    stop_low: float = 0.18
    stop_high: float = 0.28
    phrase_density: float = 0.34
    menu_run: int = 3
    bad_penalty: int = 30
    page_bad_share: float = 0.15
    page_min_bad: int = 6
    page_min_outside: int = 5
    page_min_lead: int = 5
    barrier_lines: int = 3
    short_cost: int = 30
    repeat_min: int = 3
    headline_gap: int = 12
    headline_share: float = 0.25

    @classmethod
    def for_level(cls, level: Aggressiveness) -> Thresholds:
        """Thresholds for an :class:`~textclean.config.Aggressiveness`."""
        if level is Aggressiveness.CONSERVATIVE:
            return cls(stop_low=0.12, stop_high=0.22, menu_run=4, bad_penalty=20, page_bad_share=0.2, page_min_bad=10)
        if level is Aggressiveness.AGGRESSIVE:
            return cls(stop_low=0.22, stop_high=0.32, menu_run=2, bad_penalty=45, page_bad_share=0.06, page_min_bad=4)
        return cls()


@attrs.frozen(kw_only=True)
class LineLabel:
    """The classifier's verdict on one line.

    ``start``/``end`` span the line in the text (without its newline).
    ``kind`` is the label of the line's unit (a hard-wrapped paragraph is one
    unit) from its own features: ``blank``, ``good`` (prose), ``neargood``,
    ``short``, ``list`` (list items that read as phrases, items with figures:
    dates, prices, scores; table rows) or ``bad``.  ``keep`` is the final
    decision and ``reason`` the rule id when the line is dropped (empty when kept).
    """

    start: int
    end: int
    kind: str
    keep: bool
    reason: str
    words: int
    stop_density: float
    terminal: bool


@attrs.define(slots=True)
class _Unit:
    """A line, or a hard-wrapped paragraph of consecutive lines."""

    first: int  # index of the first line
    last: int  # index of the last line
    text: str
    kind: str = ""
    reason: str = ""
    words: int = 0
    density: float = 0.0
    terminal: bool = False
    length: int = 0
    bullet: bool = False  # opens with a list bullet or an item number
    phrase: bool = False  # reads as a sentence or a phrase, not as a title


def _continues(prev: str, nxt: str, stops: frozenset[str]) -> bool:
    """Whether ``nxt`` continues the hard-wrapped sentence that ``prev`` ends."""
    if len(prev) < 30 or prev[-1] in _TERMINAL:
        return False
    head = nxt[0]
    if head.islower():
        return True
    if prev[-1] in ",-–":
        return True
    tail = prev.rsplit(None, 1)[-1].lower()
    return tail in stops


def _units(text: str, stops: frozenset[str]) -> tuple[list[tuple[int, int]], list[_Unit]]:
    spans: list[tuple[int, int]] = []
    units: list[_Unit] = []
    pos = 0
    prev = ""
    append = spans.append
    for i, line in enumerate(text.split("\n")):
        n = len(line)
        append((pos, pos + n))
        pos += n + 1
        s = line.strip()
        if not s:
            prev = ""
            continue
        if prev and _continues(prev, s, stops):
            unit = units[-1]
            unit.last = i
            unit.text = f"{unit.text} {s}"
        else:
            units.append(_Unit(i, i, s))
        prev = s
    return spans, units


def _has_url(s: str) -> bool:
    return "://" in s or "www." in s or "@" in s


def _has_sep(s: str) -> bool:
    return " | " in s or " » " in s or " › " in s or " / " in s or " · " in s or " • " in s


def _is_link(s: str, sample: str, short: bool) -> bool:
    """URLs and e-mail addresses make up the line, or it is a "< Previous" link."""
    if _has_url(sample) and (urls := len(_URL.findall(sample))) and (short or urls * 8 >= len(sample.split())):
        return True
    return s[0] in "<«‹" and len(s) > 1 and s[1] == " "


def _label(unit: _Unit, stops: frozenset[str], scale: float, th: Thresholds, cjk_doc: bool) -> None:
    """Label one unit from its own features (cheap ``str`` tests first, regexes only when they may match)."""
    s = unit.text
    if s[0] in _BULLET_START:
        m = _BULLET.match(s)
        if m is not None and m.end() < len(s):
            unit.bullet = True
            s = s[m.end() :]
    n = len(s)
    sample = s if n <= _SAMPLE else s[:_SAMPLE]
    short = n < th.short_chars
    if short and not cjk_doc:
        # too short for a reliable density: count words cheaply, tokenise only candidate phrases
        w = s.count(" ") + 1 if _WORD.search(s) else 0
        toks = _WORD.findall(s.lower()) if w >= 4 else []
    else:
        toks = _WORD.findall(sample.lower())
        w = len(toks) if n <= _SAMPLE else len(s.split())
        if cjk_doc and toks and _CJK.search(sample):
            # no spaces between words: count characters, and no stop-word list applies
            cjk = len(_CJK.findall(s))
            n += cjk
            w = max(w, cjk // 2)
            stops = frozenset()
            short = n < th.short_chars
    unit.length = n
    unit.words = w
    unit.terminal = term = s[-1] in _TERMINAL
    sd = sum(map(stops.__contains__, toks)) / len(toks) if stops and toks else 0.0
    unit.density = sd
    seps = len(_SEP.findall(sample)) if _has_sep(sample) else 0
    # a phrase: a sentence or a fragment of one, not a title or a menu item
    unit.phrase = (
        term or (w >= 5 and sd >= th.phrase_density * scale) or (w >= 4 and s[0].islower())
    ) and seps * 4 < w + 4
    if not w:
        unit.kind, unit.reason = "bad", "symbols"
    elif n < 120 and term and s[-1] == ":" and _COMMENT_HEADER.search(s):
        unit.kind, unit.reason = "bad", "comment-header"
    elif n < 300 and ("©" in s or "(c" in s or "(C" in s or "eserved" in s) and _COPYRIGHT.search(s):
        unit.kind, unit.reason = "bad", "copyright"
    elif unit.text[0] == "|" and s[-1] == "|":
        # a table row: its cells are content, judged by their neighbours
        unit.kind = "list"
    elif seps and ((seps >= 2 and w <= 4 * (seps + 1)) or (seps == 1 and w <= 4)):
        # items joined by separators: "Home | News | Sport", "Home » World"
        unit.kind, unit.reason = "bad", "link-list"
    elif _is_link(s, sample, short):
        unit.kind, unit.reason = "bad", "link-list"
    elif short or w < th.short_words:
        unit.kind = "list" if (unit.bullet and unit.phrase) or _DIGIT.search(s) else "short"
    elif not stops:
        unit.kind = "good" if term else "neargood"
    elif sd >= th.stop_high * scale:
        unit.kind = "good" if term or n >= th.long_chars else "neargood"
    elif sd >= th.stop_low * scale:
        unit.kind = "neargood"
    elif n < th.long_chars and (unit.bullet or _DIGIT.search(s)):
        unit.kind = "list"
    else:
        unit.kind, unit.reason = "bad", "low-prose"


def _mark_lists(units: list[_Unit]) -> None:
    """Items introduced by a prose line ending in ``:`` belong to the prose.

    "The plan includes the following measures:" followed by bullet items (or
    short lines) that read as phrases is a list of the article, not a menu.
    """
    intro = False
    prev_last = -2
    for unit in units:
        if intro and unit.kind in ("short", "list", "neargood", "bad") and unit.reason in ("", "low-prose"):
            adjacent = unit.first <= prev_last + 2
            if (unit.bullet or adjacent) and (unit.phrase or (unit.bullet and unit.words >= 2)):
                unit.kind, unit.reason = "list", ""
                prev_last = unit.last
                continue
        intro = unit.text[-1] == ":" and unit.words >= 3 and unit.reason == ""
        prev_last = unit.last


def _mark_menus(units: list[_Unit], th: Thresholds) -> None:
    """Runs of ``menu_run`` or more short title-like unterminated items (or links) are menus."""
    run: list[_Unit] = []

    def flush() -> None:
        if len(run) >= th.menu_run:
            for unit in run:
                unit.kind, unit.reason = "bad", "menu"
        run.clear()

    for unit in units:
        if (unit.kind == "short" and not unit.terminal and not unit.phrase and unit.words <= 8) or (
            unit.reason == "link-list"
        ):
            run.append(unit)
        else:
            flush()
    flush()


def _mark_repeats(units: list[_Unit], th: Thresholds) -> None:
    """Short units seen ``repeat_min`` times or more (share bars, "Reply", bylines) are chrome."""
    counts: dict[str, int] = {}
    for unit in units:
        if unit.length < 80:
            counts[unit.text] = counts.get(unit.text, 0) + 1
    for unit in units:
        if unit.length < 80 and counts[unit.text] >= th.repeat_min and unit.kind != "good" and not unit.bullet:
            unit.kind, unit.reason = "bad", "repeated"


def _nearest(kinds: list[str], wanted: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """For every unit, the label of the nearest unit before / after it whose label is in ``wanted``.

    Missing neighbours (the document edges) count as ``bad``.
    """
    n = len(kinds)
    before, after = ["bad"] * n, ["bad"] * n
    last = "bad"
    for i in range(n):
        before[i] = last
        if kinds[i] in wanted:
            last = kinds[i]
    last = "bad"
    for i in range(n - 1, -1, -1):
        after[i] = last
        if kinds[i] in wanted:
            last = kinds[i]
    return before, after


def _smooth(kinds: list[str]) -> list[str]:
    """jusText context smoothing: short and near-good units take their neighbours' label.

    A ``list`` unit (items with figures) is kept when prose sits on either side.
    Linear time: the nearest neighbours are computed in two sweeps.
    """
    out = list(kinds)
    prev_gb, next_gb = _nearest(kinds, ("good", "bad"))
    prev_any, next_any = _nearest(kinds, ("good", "bad", "neargood"))
    for i, kind in enumerate(kinds):
        if kind not in ("short", "list"):
            continue
        prev, nxt = prev_gb[i], next_gb[i]
        if prev == nxt:
            out[i] = prev
        elif (
            kind == "list"
            or (prev == "bad" and prev_any[i] == "neargood")
            or (nxt == "bad" and next_any[i] == "neargood")
        ):
            # figure lists stay next to prose; so does a short line next to near-prose
            out[i] = "good"
        else:
            out[i] = "bad"
    final = list(out)
    prev_gb, next_gb = _nearest(out, ("good", "bad"))
    for i, kind in enumerate(out):
        if kind == "neargood":
            final[i] = "bad" if prev_gb[i] == "bad" and next_gb[i] == "bad" else "good"
    return final


def _kadane(units: list[_Unit], smoothed: list[str], th: Thresholds, lo: int, max_start: int) -> tuple[int, int, int]:
    """The run of units starting in ``lo..max_start`` with the highest prose score: ``(score, first, last)``."""
    best, best_first, best_last = 0, lo, lo - 1
    cur, cur_start = 0, lo
    for i in range(lo, len(units)):
        unit = units[i]
        kind = smoothed[i]
        if kind == "bad":
            score = -(th.bad_penalty + unit.length)
        elif unit.kind == "good":
            score = unit.length
        elif unit.kind == "neargood":
            score = unit.length // 2 - th.short_cost
        else:
            score = -th.short_cost
        if cur <= 0 and i <= max_start:
            cur, cur_start = score, i
        else:
            cur += score
        if cur > best:
            best, best_first, best_last = cur, cur_start, i
    return best, best_first, best_last


def _headline(units: list[_Unit]) -> int:
    """Index of the unit that repeats the page title (the first line) as the article's headline, or -1.

    Whole-page text starts with the page title ("Storm hits coast | Example
    News"); the article's own headline repeats it (or its part before a
    separator) just above the article.
    """
    if len(units) < 3:
        return -1
    title = units[0].text
    if len(title) > 300:
        return -1
    names = {title, *(part.strip() for part in _TITLE_SPLIT.split(title))}
    for i in range(1, min(len(units), 400)):
        text = units[i].text
        if len(text) >= 15 and text in names:
            return i
    return -1


def _main_run(units: list[_Unit], smoothed: list[str], th: Thresholds) -> tuple[int, int]:
    """The run of units with the highest prose score (Kadane): prose adds, chrome costs.

    A run right after the article's headline (see :func:`_headline`) wins over
    a longer one elsewhere when it scores at least ``headline_share`` of it.
    """
    best, first, last = _kadane(units, smoothed, th, 0, len(units))
    head = _headline(units)
    if head >= 0:
        # the article starts at the first prose after its headline
        end = min(len(units), head + 1 + th.headline_gap)
        start = next((i for i in range(head + 1, end) if units[i].kind == "good"), -1)
        if start >= 0 and not head < first <= start:
            score, f2, l2 = _kadane(units, smoothed, th, head + 1, start)
            if score >= th.headline_share * best:
                first, last = f2, l2
    if last < first:
        return first, last
    first = _extend(units, smoothed, first, -1, th)
    last = _extend(units, smoothed, last, 1, th)
    return first, last


def _extend(units: list[_Unit], smoothed: list[str], edge: int, step: int, th: Thresholds) -> int:
    """Move ``edge`` outwards over stretches of chrome too weak to be a border.

    A border is at least ``barrier_lines`` lines of chrome between the run
    and the next prose; figure lists right next to the run stay with it.
    """
    n = len(units)
    i = edge + step
    barrier = 0
    while 0 <= i < n:
        unit = units[i]
        if smoothed[i] == "bad":
            barrier += unit.last - unit.first + 1
            if barrier >= th.barrier_lines:
                break
        elif unit.kind == "good" or (barrier == 0 and unit.kind == "list"):
            edge = i
            barrier = 0
        i += step
    return edge


_STRONG = frozenset({"menu", "link-list", "symbols", "repeated", "comment-header", "copyright"})
# What goes from text that is already mostly article (and only before or after its prose).
_EDGE = frozenset({"link-list", "symbols", "repeated", "comment-header"})


def _sample_for_language(text: str) -> str:
    """The first :data:`_LANG_SAMPLE` characters of the longer lines (menus say little of the language)."""
    parts: list[str] = []
    size = 0
    for line in text.split("\n", 2000):
        if len(line) >= 60:
            parts.append(line)
            size += len(line)
            if size >= _LANG_SAMPLE:
                break
    return "\n".join(parts) if size >= 200 else text[:_LANG_SAMPLE]


def _decide(
    text: str, lang: str | None, aggressiveness: Aggressiveness
) -> tuple[list[tuple[int, int]], list[_Unit], list[bool], list[str]]:
    """Line spans, units, and per unit whether it is kept and why not."""
    th = Thresholds.for_level(aggressiveness)
    if lang is None:
        lang = guess_language(_sample_for_language(text))
    stops = stopwords(lang) if lang else frozenset()
    scale = _DENSITY_SCALE.get(lang or "", 1.0)
    spans, units = _units(text, stops)
    cjk_doc = _CJK.search(text) is not None
    for unit in units:
        _label(unit, stops, scale, th, cjk_doc)
    _mark_lists(units)
    _mark_menus(units, th)
    _mark_repeats(units, th)
    kinds = [u.kind for u in units]
    keep = [True] * len(units)
    reasons = [u.reason for u in units]
    prose = [i for i, k in enumerate(kinds) if k == "good"]
    head, tail = (prose[0], prose[-1]) if prose else (len(units), -1)
    lines = lead = strong = 0
    for i, u in enumerate(units):
        size = u.last - u.first + 1
        lines += size
        if u.reason in _STRONG:
            strong += size
            if i < head:
                lead += size
    # A whole page: enough chrome, some of it before the first prose (or an
    # article headline under the page title), and chrome left outside the article.
    whole_page = bool(prose) and strong >= th.page_min_bad and strong >= th.page_bad_share * lines
    if whole_page and lead < th.page_min_lead:
        whole_page = _headline(units) >= 0
    if whole_page:
        smoothed = _smooth(kinds)
        first, last = _main_run(units, smoothed, th)
        outside = sum(u.last - u.first + 1 for i, u in enumerate(units) if (i < first or i > last) and u.reason)
        whole_page = outside >= th.page_min_outside
    if whole_page:
        for i in range(len(units)):
            if smoothed[i] == "bad":
                keep[i] = False
                reasons[i] = reasons[i] or "short-run"
            elif i < first or i > last:
                keep[i] = False
                reasons[i] = "outside-main"
    else:
        # Already mostly article: only clear chrome at the head and the tail goes.
        for i, unit in enumerate(units):
            if unit.reason in _EDGE and (i < head or i > tail):
                keep[i] = False
    return spans, units, keep, reasons


def classify_lines(
    text: str, *, lang: str | None = None, aggressiveness: Aggressiveness = Aggressiveness.BALANCED
) -> list[LineLabel]:
    """Label every line of ``text`` (blank lines included) as kept prose or dropped chrome.

    ``lang`` picks the stop-word list (guessed from the text when ``None``).

    >>> labels = classify_lines("Home\\nNews\\nSport\\nAbout\\nContact\\n"
    ...     "The storm brought down trees across the region and left thousands of homes without power.\\n"
    ...     "Read more\\n© 2024 Example News")
    >>> [(lb.kind, lb.keep, lb.reason) for lb in labels]
    [('bad', False, 'menu'), ('bad', False, 'menu'), ('bad', False, 'menu'), ('bad', False, 'menu'),
     ('bad', False, 'menu'), ('good', True, ''), ('short', False, 'short-run'), ('bad', False, 'copyright')]
    """
    spans, units, keep, reasons = _decide(text, lang, aggressiveness)
    labels: list[LineLabel] = [
        LineLabel(start=s, end=e, kind="blank", keep=True, reason="", words=0, stop_density=0.0, terminal=False)
        for s, e in spans
    ]
    for i, unit in enumerate(units):
        for j in range(unit.first, unit.last + 1):
            s, e = spans[j]
            labels[j] = LineLabel(
                start=s,
                end=e,
                kind=unit.kind,
                keep=keep[i],
                reason="" if keep[i] else reasons[i],
                words=unit.words,
                stop_density=round(unit.density, 3),
                terminal=unit.terminal,
            )
    return labels


def chrome_changes(
    text: str, *, lang: str | None = None, aggressiveness: Aggressiveness = Aggressiveness.BALANCED
) -> Iterator[Change]:
    """Deletions of the lines :func:`classify_lines` drops, with their newlines (one per unit)."""
    spans, units, keep, reasons = _decide(text, lang, aggressiveness)
    drops = [
        (spans[unit.first][0], spans[unit.last][1], reason)
        for unit, kept, reason in zip(units, keep, reasons, strict=True)
        if not kept
    ]
    yield from line_deletions(text, drops)


def line_deletions(text: str, drops: list[tuple[int, int, str]]) -> Iterator[Change]:
    """Changes deleting whole lines: ``(start, end, rule)`` spans lines without their final newline.

    Each deletion takes the newline after it; a deletion that ends the text
    takes the newline before it instead (so do the deletions of the lines
    right before it), so what is left is always the other lines, joined as
    they were.

    >>> [(c.start, c.end) for c in line_deletions("a\\nb\\nc", [(2, 3, "r"), (4, 5, "r")])]
    [(1, 3), (3, 5)]
    >>> [(c.start, c.end) for c in line_deletions("a\\nb\\nc", [(0, 1, "r"), (4, 5, "r")])]
    [(0, 2), (3, 5)]
    """
    n = len(text)
    # the drops that, with the ones after them, run to the end of the text
    at_end = [False] * len(drops)
    reach = n
    for k in range(len(drops) - 1, -1, -1):
        start, end, _ = drops[k]
        if end == reach:
            at_end[k] = True
            reach = start - 1
        else:
            break
    for k, (start, end, rule) in enumerate(drops):
        if not at_end[k]:
            yield Change(start, end + 1, "", rule)
        else:
            yield Change(max(start - 1, 0), end, "", rule)


def remove_chrome(
    text: str, *, lang: str | None = None, aggressiveness: Aggressiveness = Aggressiveness.BALANCED
) -> str:
    """``text`` without the lines :func:`classify_lines` drops."""
    out: list[str] = []
    pos = 0
    for change in chrome_changes(text, lang=lang, aggressiveness=aggressiveness):
        out.append(text[pos : change.start])
        pos = change.end
    out.append(text[pos:])
    return "".join(out)


@attrs.frozen(kw_only=True)
class ChromePass(Pass):
    """Pass wrapper of :func:`chrome_changes`."""

    name = "chrome"

    lang: str | None = None
    aggressiveness: Aggressiveness = Aggressiveness.BALANCED

    def propose(self, doc: Document) -> list[Change]:
        return list(chrome_changes(doc.text, lang=self.lang, aggressiveness=self.aggressiveness))
