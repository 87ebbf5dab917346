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
   weak borders.  A page whose first prose comes before its menus (a title
   ending in "?", a notice about scripts) but whose main run still has long
   chrome on both sides loses only its long blocks of clear chrome.
   Text that is already mostly article loses only link lists,
   repeated lines, comment headers and symbol lines before its first or after
   its last prose, so the pass is safe on residual text.

Every removed line is a change whose rule names the reason (``menu``,
``link-list``, ``repeated``, ``comment-header``, ``copyright``, ``symbols``,
``low-prose``, ``teasers``, ``short-run``, ``outside-main``); :func:`classify_lines` gives
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
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, compress, filterfalse, islice, pairwise
from operator import add, methodcaller, ne

import attrs

from textclean.config import Aggressiveness
from textclean.edits import Change, apply_changes
from textclean.langdata import cp1252_stopwords, cp1252_words, guess_language, stopword_index, stopwords
from textclean.passes.widgets import is_credit_line
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
# The same tokens in text without "_", found faster.
_WORD_FAST = re.compile(r"\w+")
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
# The end of a sentence followed by the start of another (an upper-case letter).
_SENTENCE_BREAK = re.compile(r"[.!?] [A-ZА-ЯЁ]")
# A line of code: a dotted lowercase name that is no web address ("player.setav", "os.path"), a call, an operator.
_CODE = re.compile(
    r"(?<![\w.])[a-z_][a-z0-9_]{1,30}\.(?!(?:com|org|net|ru|de|uk|io|info|gov|edu|fr|es|it|pl|ua|co|us|ca|au|in|html?|php|jpe?g|png|gif|pdf)\b)[a-z_][a-z0-9_]{1,30}\b(?![.}])"
    r"|\w\(\)|[=!]=|->|::|[{;]$"
)
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
    page_min_around: int = 20
    block_lines: int = 10
    barrier_lines: int = 3
    short_cost: int = 30
    repeat_min: int = 3
    headline_gap: int = 12
    headline_share: float = 0.25
    # a headline of this many words or more is no site name: the run under it needs a lower share
    headline_words: int = 5
    long_headline_share: float = 0.1
    teaser_run: int = 3

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


# A unit's label: (kind, reason, words, density, terminal, length, bullet, phrase); see :func:`_labeller`.
_Label = tuple[str, str, int, float, bool, int, bool, bool]
# The label of a unit whose kind waits for its stop-word density: never chrome by its own features
# (not short, no separators, links, copyright or comment header), so counting chrome can do without it.
_PENDING: _Label = ("?", "?", 0, 0.0, False, 0, False, False)


class _Page:
    """The units of a text as parallel lists (a unit is a line, or a hard-wrapped paragraph of lines).

    ``firsts``/``lasts`` are the indices of a unit's first and last line;
    ``kinds``/``reasons`` start as the labels of :func:`_labeller` and are
    then revised by the context rules.
    """

    __slots__ = (
        "bullets",
        "densities",
        "firsts",
        "kinds",
        "label",
        "lasts",
        "lengths",
        "lines",
        "phrases",
        "reasons",
        "terminals",
        "texts",
        "words",
    )

    def __init__(self, lines: list[str], firsts: list[int], lasts: list[int], texts: list[str]) -> None:
        self.lines = lines
        self.firsts = firsts
        self.lasts = lasts
        self.texts = texts
        self.kinds: list[str] = []
        self.reasons: list[str] = []
        self.words: list[int] = []
        self.densities: list[float] = []
        self.terminals: list[bool] = []
        self.lengths: list[int] = []
        self.bullets: list[bool] = []
        self.phrases: list[bool] = []
        self.label: Callable[[str, bool], _Label] | None = None

    def set_labels(self, label: Callable[[str, bool], _Label], lazy: bool) -> None:
        """Label every unit (each distinct text once: a label depends on the unit's text only)."""
        self.label = label
        table = {t: label(t, lazy) for t in dict.fromkeys(self.texts)}
        if not self.texts:
            return
        columns = zip(*map(table.__getitem__, self.texts), strict=True)
        self.kinds, self.reasons, self.words, self.densities = map(list, islice(columns, 4))
        self.terminals, self.lengths, self.bullets, self.phrases = map(list, columns)

    def resolve(self, indices: Iterable[int]) -> None:
        """Label the units of ``indices`` left pending by a lazy labelling (see :data:`_PENDING`)."""
        assert self.label is not None
        label, texts = self.label, self.texts
        for i in indices:
            if self.kinds[i] == "?":
                (
                    self.kinds[i],
                    self.reasons[i],
                    self.words[i],
                    self.densities[i],
                    self.terminals[i],
                    self.lengths[i],
                    self.bullets[i],
                    self.phrases[i],
                ) = label(texts[i], False)

    def resolve_all(self) -> None:
        """Label every pending unit."""
        self.resolve(list(compress(range(len(self.kinds)), map("?".__eq__, self.kinds))))

    def spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every line of the text, ``end`` excluding the newline."""
        lens = list(map(len, self.lines))
        starts = list(accumulate(map((1).__add__, lens), initial=0))
        return list(zip(starts, map(add, starts, lens), strict=False))  # one start more than lines


def _units(text: str, stops: frozenset[str]) -> _Page:
    """Split ``text`` into units: non-blank lines, a line joined to the one before it when it continues its sentence.

    A line continues the one before when that one is at least 30 characters
    long, does not end a sentence, and the line starts in lower case (or the
    one before ends in a comma or a hyphen, or in a stop word).  A line of any
    length ending in a CJK comma (``、``, ``，``) continues on the next line.
    """
    lines = text.split("\n")
    stripped = list(map(str.strip, lines))
    lens = list(map(len, stripped))
    n = len(lines)
    joins: list[int] = []
    # only a line after one of 30 characters or more may continue it
    for i in compress(range(1, n), map((30).__le__, lens)):
        if not lens[i]:
            continue
        prev = stripped[i - 1]
        end = prev[-1]
        if end in _TERMINAL:
            continue
        if stripped[i][0].islower() or end in ",-–" or prev.rsplit(None, 1)[-1].lower() in stops:
            joins.append(i)
    if "、\n" in text or "，\n" in text:
        # a line of any length ending in a CJK comma continues its sentence on the next line
        joins = sorted({*joins, *(i for i in range(1, n) if lens[i] and lens[i - 1] and stripped[i - 1][-1] in "、，")})
    nonblank = list(compress(range(n), lens))
    if not joins:
        return _Page(lines, nonblank, list(nonblank), list(compress(stripped, lens)))
    joined = set(joins)
    firsts = list(filterfalse(joined.__contains__, nonblank))
    lasts = list(firsts)
    merged: list[int] = []
    for j in joins:
        k = bisect_right(firsts, j) - 1
        if lasts[k] == firsts[k]:
            merged.append(k)
        lasts[k] = j
    texts = list(map(stripped.__getitem__, firsts))
    for k in merged:
        texts[k] = " ".join(stripped[firsts[k] : lasts[k] + 1])
    return _Page(lines, firsts, lasts, texts)


def _count_words(s: str) -> int:
    """``len(s.split())`` of a stripped ``s``, without the list when ``s`` is words between single spaces.

    Every whitespace character but the space is unprintable.

    >>> _count_words("a b  c"), _count_words("a b\\tc"), _count_words("a b c")
    (3, 3, 3)
    """
    if s.isprintable() and "  " not in s:
        return s.count(" ") + 1
    return len(s.split())


# find(text, start) -> the index of the next occurrence of a needle, or -1
_Finder = Callable[[str, int], int]


def _finder(needle: str, pattern: str = "") -> _Finder:
    """``str.find`` of ``needle``, or the start of the next match of ``pattern`` when one is given.

    The regex is faster when the needle starts with a common character (a
    space, "(") and the regex can start with a rare one.
    """
    if not pattern:
        return lambda text, start: text.find(needle, start)
    search = re.compile(pattern).search

    def find(text: str, start: int) -> int:
        m = search(text, start)
        return -1 if m is None else m.start()

    return find


# The needles of the tests for separators, links and copyright, grouped with the fastest way to find them.
_NeedleGroup = tuple[tuple[str, ...], _Finder]
_SEP_FINDERS: tuple[_NeedleGroup, ...] = tuple(
    ((f" {c} ",), _finder(f" {c} ", rf"{re.escape(c)}(?<= {re.escape(c)})(?= )")) for c in "|»›/·•"
)
_URL_FINDERS: tuple[_NeedleGroup, ...] = (
    (("://",), _finder("://", ":(?=//)")),
    (("www.",), _finder("www.")),
    (("@",), _finder("@")),
)
_COPY_FINDERS: tuple[_NeedleGroup, ...] = (
    (("©",), _finder("©")),
    (("(c", "(C"), _finder("(c", r"\([cC]")),
    (("eserved",), _finder("eserved")),
)


def _needle_lines(text: str, groups: Iterable[_NeedleGroup], found: set[str]) -> tuple[str, ...]:
    """The needles of ``groups`` whose group occurs in ``text``; the stripped lines holding one go to ``found``.

    One scan of the text per group (occurrences after the first on a line are skipped).
    """
    present: list[str] = []
    for needles, find in groups:
        at = find(text, 0)
        if at >= 0:
            present.extend(needles)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            if end < 0:
                end = len(text)
            found.add(text[start:end].strip())
            at = find(text, end)
    return tuple(present)


# Every needle of the tests for separators, links and copyright.
_NEEDLES = tuple(
    needle for groups in (_SEP_FINDERS, _URL_FINDERS, _COPY_FINDERS) for group in groups for needle in group[0]
)


def _has_needle(text: str) -> bool:
    """Whether ``text`` holds a needle of the tests for separators, links or copyright (see :func:`_labeller`).

    >>> _has_needle("Home | News"), _has_needle("Home|News, 2/3 (see above)")
    (True, False)
    """
    return any(needles[0][1] in text and find(text, 0) >= 0 for needles, find in _SEP_FINDERS) or any(
        find(text, 0) >= 0 for _, find in (*_URL_FINDERS, *_COPY_FINDERS)
    )


@lru_cache(maxsize=1)
def _any_stopwords() -> frozenset[str]:
    """The stop words of every shipped language: a line ending in none of them continues no sentence."""
    return frozenset(stopword_index())


def _plainly_article(page: _Page, lang: str | None, th: Thresholds) -> bool:
    """Whether a cheap check proves that no unit of ``page`` is dropped, whatever its language and densities.

    ``page`` holds the units of a text without needles (see :func:`_has_needle`),
    joined as by the stop words of ``lang``, or of every language when it is
    ``None``.  Lines go only when some unit is clear chrome (see :data:`_STRONG`):
    a needle, a unit without words, a "< Previous" link, a comment header, a
    unit seen ``repeat_min`` times, or a run of ``menu_run`` units that may be
    menu items (short, or of few words, and ending no sentence) making a
    whole page.  Without a language the units are those of every language
    when every line that may continue the one before it does so for every
    stop-word list, or for none.

    >>> def plain(text: str) -> bool:
    ...     return _plainly_article(_units(text, _any_stopwords()), None, Thresholds())
    >>> plain("Home\\nNews\\nSport\\nWeather\\nContact\\nAbout\\nThe end.")
    False
    >>> plain("A title\\nThe council said on Monday that the bridge would close.")
    True
    """
    firsts, lasts, texts = page.firsts, page.lasts, page.texts
    if firsts != lasts:
        # a joined unit may hold a separator made by the join; the joins may depend on the language
        joined = compress(texts, map(ne, firsts, lasts))
        if any(needle in unit for unit in joined for needle in _NEEDLES):
            return False
        if lang is None and _units("\n".join(page.lines), frozenset()).firsts != firsts:
            return False
    if texts and (
        th.repeat_min <= 1 or (len(set(texts)) < len(texts) and max(Counter(texts).values()) >= th.repeat_min)
    ):
        return False
    min_words = max(5, th.short_words)
    enough_words = re.compile(rf"[\W_]*+(?:[^\W_]++[\W_]*+){{{min_words}}}").match
    items = bytearray()
    for unit in texts:
        s = unit
        if s[0] in _BULLET_START:
            m = _BULLET.match(s)
            if m is not None and m.end() < len(s):
                s = s[m.end() :]
        last = s[-1]
        if (
            _WORD.search(s) is None
            or (s[0] in "<«‹" and len(s) > 1 and s[1] == " ")
            or (last == ":" and _COMMENT_HEADER.search(s) is not None)
        ):
            return False
        n = len(s)
        items.append(
            last not in _TERMINAL
            and (
                n < th.short_chars
                or (enough_words(s) is None if n <= _SAMPLE else len(s.split(None, min_words - 1)) < min_words)
            )
        )
    lines = sum(lasts) - sum(firsts) + len(texts)
    menu = 0
    for run in re.finditer(b"\x01{%d,}" % th.menu_run, items):
        menu += lasts[run.end() - 1] - firsts[run.start()] + 1
    return menu < th.page_min_bad or menu < th.page_bad_share * lines


def _labeller(
    text: str, page: _Page, *, lang: str | None, scale: float, th: Thresholds, cjk_doc: bool
) -> Callable[[str, bool], _Label]:
    """The function labelling one unit of ``page`` (the units of ``text``) from its own features.

    Which characters occur in the whole text decides once which tests can
    match at all (no unit has a ``|`` or a URL when the text has none).  The
    tests for separators, links and copyright need a needle (" | ", "://",
    "©", ...): one scan of the text per needle finds the lines that hold one,
    and only their units (and the units of joined lines, where joining may
    make a separator) pay for these tests.

    With ``lazy=True`` a long unit of enough words and none of the marks of
    chrome is not tokenised: its label depends on its stop-word density only,
    which is computed when the label is needed (see :data:`_PENDING`).
    """
    stops = stopwords(lang) if lang else frozenset()
    short_chars, short_words, long_chars = th.short_chars, th.short_words, th.long_chars
    phrase_min, stop_high, stop_low = th.phrase_density * scale, th.stop_high * scale, th.stop_low * scale
    # with no "_" in the text, \w+ finds the same tokens as [^\W_]+ (and faster)
    word_re = _WORD if "_" in text else _WORD_FAST
    # non-space needles cannot be made by joining lines, so a unit has them only if the text has them
    sep_groups = [group for group in _SEP_FINDERS if group[0][0][1] in text]
    sep_needles = tuple(group[0][0] for group in sep_groups)
    # the units that may hold a needle: the lines with one, and every unit of joined lines
    marked: set[str] = set()
    _needle_lines(text, sep_groups, marked)
    url_needles = _needle_lines(text, _URL_FINDERS, marked)
    copy_needles = _needle_lines(text, _COPY_FINDERS, marked)
    if sep_needles or url_needles or copy_needles:
        marked.update(compress(page.texts, map(ne, page.firsts, page.lasts)))
    find_words, find_seps, find_urls = word_re.findall, _SEP.findall, _URL.findall
    has_word, has_digit = _WORD.search, _DIGIT.search
    count_stops = stops.__contains__
    # a long unit may go unlabelled when it has at least this many words (so it is neither short nor symbols)
    min_words = max(5, short_words)
    enough_words = re.compile(rf"[\W_]*+(?:[^\W_]++[\W_]*+){{{min_words}}}").match
    can_defer = bool(stops) and not cjk_doc
    # the words of text in a language whose stop words all fit cp1252 are found faster in cp1252
    encoded_stops = cp1252_stopwords(lang) if lang else frozenset()
    encodable = len(encoded_stops) == len(stops)
    count_encoded = encoded_stops.__contains__

    def stop_counts(s: str) -> tuple[int, int]:
        """The number of words of ``s`` and of stop words among them."""
        if encodable and (encoded := cp1252_words(s)) is not None:
            return len(encoded), sum(map(count_encoded, encoded))
        toks = find_words(s.lower())
        return len(toks), sum(map(count_stops, toks))

    def prose_kind(s: str, sample: str, n: int, sd: float, *, term: bool, bullet: bool, has_stops: bool) -> str:
        """The kind of a unit of enough words by its stop-word density, or "" for low prose."""
        if not has_stops:
            return "good" if term else "neargood"
        if sd >= stop_high:
            return "good" if term or n >= long_chars else "neargood"
        if sd >= stop_low:
            return "neargood"
        if n < long_chars and (bullet or has_digit(s)):
            return "list"
        if term and n >= long_chars and sd >= stop_low * 0.6 and _SENTENCE_BREAK.search(sample):
            # sentences dense in names and figures (listings, schedules) read as weak prose
            return "neargood"
        return ""

    def short_label(text: str, s: str, n: int, bullet: bool) -> _Label:
        """The label of a short unit without needles (``s`` is ``text`` without its bullet)."""
        last = s[-1]
        term = last in _TERMINAL
        # too short for a reliable density: count words cheaply, tokenise only candidate phrases
        w = s.count(" ") + 1 if s[0].isalnum() or has_word(s) else 0
        if w < 4:
            sd = 0.0
            phrase = term
        else:
            tokens, hits = stop_counts(s)
            sd = hits / tokens if stops and tokens else 0.0
            phrase = term or (w >= 5 and sd >= phrase_min) or s[0].islower()
        if not w:
            return "bad", "symbols", w, sd, term, n, bullet, phrase
        if last == ":" and _COMMENT_HEADER.search(s):
            return "bad", "comment-header", w, sd, term, n, bullet, phrase
        if last == "|" and text[0] == "|":
            return "list", "", w, sd, term, n, bullet, phrase
        if s[0] in "<«‹" and len(s) > 1 and s[1] == " ":
            return "bad", "link-list", w, sd, term, n, bullet, phrase
        kind = "list" if (bullet and phrase) or has_digit(s) or _CODE.search(s) else "short"
        return kind, "", w, sd, term, n, bullet, phrase

    def long_label(text: str, s: str, n: int, bullet: bool, lazy: bool) -> _Label:
        """The label of a unit that is not short, without needles, in text without CJK."""
        last = s[-1]
        sample = s if n <= _SAMPLE else s[:_SAMPLE]
        comment = last == ":" and n < 120 and _COMMENT_HEADER.search(s) is not None
        row = last == "|" and text[0] == "|"
        back = s[0] in "<«‹" and s[1] == " "
        if (
            lazy
            and can_defer
            and not (comment or row or back)
            and (enough_words(sample) is not None if n <= _SAMPLE else len(s.split(None, min_words - 1)) >= min_words)
        ):
            return _PENDING
        tokens, hits = stop_counts(sample)
        w = tokens if n <= _SAMPLE else _count_words(s)
        term = last in _TERMINAL
        sd = hits / tokens if stops and tokens else 0.0
        phrase = term or (w >= 5 and sd >= phrase_min) or (w >= 4 and s[0].islower())
        if not w:
            return "bad", "symbols", w, sd, term, n, bullet, phrase
        if comment:
            return "bad", "comment-header", w, sd, term, n, bullet, phrase
        if row:
            return "list", "", w, sd, term, n, bullet, phrase
        if back:
            return "bad", "link-list", w, sd, term, n, bullet, phrase
        if w < short_words:
            kind = "list" if (bullet and phrase) or has_digit(s) else "short"
        elif not (kind := prose_kind(s, sample, n, sd, term=term, bullet=bullet, has_stops=bool(stops))):
            return "bad", "low-prose", w, sd, term, n, bullet, phrase
        return kind, "", w, sd, term, n, bullet, phrase

    def label(text: str, lazy: bool = False) -> _Label:
        s = text
        bullet = False
        if s[0] in _BULLET_START:
            m = _BULLET.match(s)
            if m is not None and m.end() < len(s):
                bullet = True
                s = s[m.end() :]
        n = len(s)
        if cjk_doc or text in marked:
            return any_label(text, s, n, bullet, lazy)
        if n < short_chars:
            return short_label(text, s, n, bullet)
        return long_label(text, s, n, bullet, lazy)

    def any_label(text: str, s: str, n: int, bullet: bool, lazy: bool) -> _Label:
        """The label of any unit: the tests for needles, and CJK characters counted."""
        sample = s if n <= _SAMPLE else s[:_SAMPLE]
        short = n < short_chars
        unit_stops = stops
        toks: list[str] | None = None
        if cjk_doc:
            toks = find_words(sample.lower())
            w = len(toks) if n <= _SAMPLE else len(s.split())
            if toks and _CJK.search(sample):
                # no spaces between words: count characters, and no stop-word list applies
                cjk = len(_CJK.findall(s))
                n += cjk
                w = max(w, cjk // 2)
                unit_stops = frozenset()
                short = n < short_chars
        last = s[-1]
        seps = urls = 0
        copyright = False
        if text in marked:
            for needle in sep_needles:
                if needle in sample:
                    seps = len(find_seps(sample))
                    break
            if url_needles and any(u in sample for u in url_needles):
                urls = len(find_urls(sample))
            copyright = (
                n < 300
                and bool(copy_needles)
                and any(c in s for c in copy_needles)
                and _COPYRIGHT.search(s) is not None
            )
        comment = last == ":" and n < 120 and _COMMENT_HEADER.search(s) is not None
        # a table row: its cells are content, judged by their neighbours
        row = text[0] == "|" and last == "|"
        # a "< Previous" link
        back = s[0] in "<«‹" and len(s) > 1 and s[1] == " "
        if (
            lazy
            and can_defer
            and not short
            and not (seps or comment or copyright or row or back)
            and not (urls and urls * 8 >= len(sample.split()))
            and (enough_words(sample) is not None if n <= _SAMPLE else len(s.split(None, min_words - 1)) >= min_words)
        ):
            # lowercasing never merges tokens, so the unlowered sample's words are a lower bound
            return _PENDING
        if toks is not None:
            tokens, hits = len(toks), sum(map(count_stops, toks))
        elif short:
            # too short for a reliable density: count words cheaply, tokenise only candidate phrases
            w = s.count(" ") + 1 if s[0].isalnum() or has_word(s) else 0
            tokens, hits = stop_counts(s) if w >= 4 else (0, 0)
        else:
            tokens, hits = stop_counts(sample)
            w = tokens if n <= _SAMPLE else _count_words(s)
        term = last in _TERMINAL
        sd = hits / tokens if unit_stops and tokens else 0.0
        # a phrase: a sentence or a fragment of one, not a title or a menu item
        phrase = (term or (w >= 5 and sd >= phrase_min) or (w >= 4 and s[0].islower())) and seps * 4 < w + 4
        kind = reason = ""
        if not w:
            kind, reason = "bad", "symbols"
        elif comment:
            kind, reason = "bad", "comment-header"
        elif copyright:
            kind, reason = "bad", "copyright"
        elif row:
            kind = "list"
        elif seps and ((seps >= 2 and w <= 4 * (seps + 1)) or (seps == 1 and w <= 4)):
            # items joined by separators: "Home | News | Sport", "Home » World"
            kind, reason = "bad", "link-list"
        elif back or (urls and (short or urls * 8 >= len(sample.split()))):
            # URLs and e-mail addresses make up the line
            kind, reason = "bad", "link-list"
        elif short or w < short_words:
            kind = "list" if (bullet and phrase) or has_digit(s) else "short"
        elif not (kind := prose_kind(s, sample, n, sd, term=term, bullet=bullet, has_stops=bool(unit_stops))):
            kind, reason = "bad", "low-prose"
        return kind, reason, w, sd, term, n, bullet, phrase

    return label


def _mark_lists(page: _Page) -> None:
    """Items introduced by a prose line ending in ``:`` belong to the prose.

    "The plan includes the following measures:" followed by bullet items (or
    short lines) that read as phrases is a list of the article, not a menu.
    Only the units after an introduction are looked at.
    """
    texts, kinds, reasons, words = page.texts, page.kinds, page.reasons, page.words
    firsts, lasts, bullets, phrases = page.firsts, page.lasts, page.bullets, page.phrases
    n = len(texts)
    done = 0  # units before this one have been looked at
    for k in compress(range(n), map(methodcaller("endswith", ":"), texts)):
        if k < done:
            continue
        j = k
        # unit j is no list item: it introduces the items after it when it is a prose line ending in ":"
        page.resolve((j,))
        while j < n and texts[j][-1] == ":" and words[j] >= 3 and reasons[j] == "":
            prev_last = lasts[j]
            j += 1
            page.resolve(range(j, min(j + 1, n)))
            while (
                j < n
                and kinds[j] in ("short", "list", "neargood", "bad")
                and reasons[j] in ("", "low-prose")
                and (bullets[j] or firsts[j] <= prev_last + 2)
                and (phrases[j] or (bullets[j] and words[j] >= 2))
            ):
                kinds[j], reasons[j] = "list", ""
                prev_last = lasts[j]
                j += 1
                page.resolve(range(j, min(j + 1, n)))
        done = j + 1


def _mark_menus(page: _Page, th: Thresholds) -> None:
    """Runs of ``menu_run`` or more short title-like unterminated items (or links) are menus."""
    kinds, reasons = page.kinds, page.reasons
    items = bytes(
        [
            (kind == "short" and not term and not phrase and w <= 8) or reason == "link-list"
            for kind, reason, term, phrase, w in zip(
                kinds, reasons, page.terminals, page.phrases, page.words, strict=True
            )
        ]
    )
    bullets, texts = page.bullets, page.texts
    for m in re.finditer(b"\x01{%d,}" % th.menu_run, items):
        start, end = m.start(), m.end()
        if (
            start
            and reasons[start - 1] == ""
            and (kinds[start - 1] in ("good", "?") or texts[start - 1][-1] == ":")
            and all(bullets[start:end])
        ):
            # bullet items right after prose or an introduction are the article's list
            continue
        for i in range(start, end):
            kinds[i], reasons[i] = "bad", "menu"


def _mark_teasers(page: _Page, th: Thresholds) -> None:
    """Blocks of headlines of a whole page are teasers of other stories.

    A headline reads as a phrase of several words but ends no sentence; the
    article has one (and subheadings between its paragraphs), a related-stories
    block has ``teaser_run`` or more one after another, headlines each
    followed by a date or byline with figures ("3 hours ago") at least twice,
    or more than ``teaser_run`` headlines each followed by one short sentence
    or two (a summary of at most 300 characters).
    A run of bare headlines stays when its lines are short on average: that
    is a list (of the article, when prose is around it).
    """
    kinds, reasons, terminals, words, bullets, lengths = (
        page.kinds,
        page.reasons,
        page.terminals,
        page.words,
        page.bullets,
        page.lengths,
    )
    # 1: a headline (a phrase of several words that ends no sentence), 2: a date or a byline with figures,
    # 4: a short summary
    items = bytes(
        [
            (kind in ("short", "neargood") and w >= 4 and n <= 150 and not term)
            + 2 * (kind == "list" and w <= 6)
            + 4 * (kind in ("good", "neargood") and term and n <= 300)
            if not (reason or bullet)
            else 0
            for kind, reason, term, w, bullet, n in zip(kinds, reasons, terminals, words, bullets, lengths, strict=True)
        ]
    )
    pattern = b"\x01{%d,}|(?:\x01{1,2}\x02{1,2}){2,}|(?:\x01\x04){%d,}" % (th.teaser_run, th.teaser_run + 1)
    for m in re.finditer(pattern, items):
        start, end = m.span()
        if 2 not in items[start:end] and 4 not in items[start:end] and sum(lengths[start:end]) < 40 * (end - start):
            # headlines are longer than list items
            continue
        for i in range(start, end):
            kinds[i], reasons[i] = "bad", "teasers"


def _mark_repeats(page: _Page, th: Thresholds) -> None:
    """Short units seen ``repeat_min`` times or more (share bars, "Reply", bylines) are chrome.

    Units with the same text have the same length, so counting every unit's
    text counts the short ones right.
    """
    counts = Counter(page.texts)
    if th.repeat_min > 1 and len(counts) == len(page.texts):
        return
    repeated = {t for t, c in counts.items() if c >= th.repeat_min}
    if not repeated:
        return
    candidates = list(compress(range(len(page.kinds)), map(repeated.__contains__, page.texts)))
    page.resolve(candidates)
    kinds, reasons, lengths, bullets = page.kinds, page.reasons, page.lengths, page.bullets
    for i in candidates:
        if lengths[i] < 80 and kinds[i] != "good" and not bullets[i]:
            kinds[i], reasons[i] = "bad", "repeated"


# 1 for the labels that decide their neighbours' in smoothing, 0 for the others.
_DECISIVE = {"good": 1, "bad": 1, "neargood": 0, "short": 0, "list": 0}


def _smooth(kinds: list[str]) -> list[str]:
    """jusText context smoothing: short and near-good units take their neighbours' label.

    A ``list`` unit (items with figures) is kept when prose sits on either side.
    Each run of units between two good or bad ones (the document edges count
    as bad) is smoothed on its own: between two of the same label the whole
    run takes it; between prose and chrome a short unit is bad unless a figure
    list, or near-good text on its chrome side, vouches for it, and then a
    near-good unit is bad when the nearest good-or-bad units on both sides are
    bad.

    >>> _smooth(["good", "short", "neargood", "good", "short", "bad"])
    ['good', 'good', 'good', 'good', 'bad', 'bad']
    >>> _smooth(["bad", "neargood", "short", "good", "list", "bad"])
    ['bad', 'good', 'good', 'good', 'good', 'bad']
    """
    out = list(kinds)
    n = len(kinds)
    for run in re.finditer(b"\x00+", bytes(map(_DECISIVE.__getitem__, kinds))):
        start, end = run.span()
        prev = kinds[start - 1] if start else "bad"
        nxt = kinds[end] if end < n else "bad"
        if prev == nxt:
            out[start:end] = [prev] * (end - start)
            continue
        # between prose and chrome: short units first (near-good units on their chrome side vouch for them) ...
        near = [i for i in range(start, end) if kinds[i] == "neargood"]
        for i in range(start, end):
            kind = kinds[i]
            if kind == "list":
                out[i] = "good"
            elif kind == "short":
                vouched = (prev == "bad" and bool(near) and near[0] < i) or (
                    nxt == "bad" and bool(near) and near[-1] > i
                )
                out[i] = "good" if vouched else "bad"
        # ... then each near-good unit goes when the nearest decided units on both sides are bad
        before = prev
        decided = [out[i] if kinds[i] != "neargood" else "" for i in range(start, end)]
        after = [nxt] * (end - start)
        last = nxt
        for k in range(end - start - 1, -1, -1):
            after[k] = last
            if decided[k]:
                last = decided[k]
        for k in range(end - start):
            if decided[k]:
                before = decided[k]
            else:
                out[start + k] = "bad" if before == "bad" and after[k] == "bad" else "good"
    return out


# Chrome by weak evidence: what an introduced list of the article may look like.
_LISTLIKE = frozenset({"", "low-prose", "teasers", "menu"})


def _keep_introduced_lists(page: _Page, smoothed: list[str]) -> None:
    """Blocks of chrome introduced by prose (ending in ":") and followed by prose are lists of the article.

    "The spectrum looks like this:" followed by short title-like lines and
    then more prose is a list of the article, however menu-like its items.
    """
    kinds, reasons, texts = page.kinds, page.reasons, page.texts
    n = len(kinds)
    i = 1
    while i < n:
        if smoothed[i] != "bad":
            i += 1
            continue
        j = i
        while j < n and smoothed[j] == "bad":
            j += 1
        if (
            j < n
            and j - i <= 20
            and kinds[i - 1] == "good"
            and texts[i - 1][-1] == ":"
            and kinds[j] == "good"
            and all(reasons[k] in _LISTLIKE for k in range(i, j))
        ):
            smoothed[i:j] = ["good"] * (j - i)
        i = j


def _repeated_prose(page: _Page) -> set[int]:
    """The prose units of blocks shown twice on the page: a prose unit whose text recurs, next to another one.

    One paragraph may recur (a lead repeated as a teaser of the article); a
    block of them recurring is a box of teasers printed for two layouts.
    """
    kinds, texts = page.kinds, page.texts
    goods = list(compress(range(len(kinds)), map("good".__eq__, kinds)))
    counts = Counter(map(texts.__getitem__, goods))
    if len(counts) == len(goods):
        return set()
    out: set[int] = set()
    for a, b in pairwise(goods):
        if b - a <= 2 and counts[texts[a]] > 1 and counts[texts[b]] > 1:
            out.update((a, b))
    return out


def _kadane(
    page: _Page, smoothed: list[str], th: Thresholds, lo: int, max_start: int, *, repeated: set[int], hi: int = -1
) -> tuple[int, int, int]:
    """The run of units starting in ``lo..max_start`` (and ending before ``hi``) with the highest prose score.

    Returns ``(score, first, last)``; ``hi`` is the number of units when negative.  ``repeated``
    are the units of :func:`_repeated_prose`.
    """
    kinds, lengths = page.kinds, page.lengths
    bad_penalty, short_cost = th.bad_penalty, th.short_cost
    best, best_first, best_last = 0, lo, lo - 1
    cur, cur_start = 0, lo
    for i in range(lo, len(kinds) if hi < 0 else hi):
        kind = kinds[i]
        if smoothed[i] == "bad":
            score = -(bad_penalty + lengths[i])
        elif kind == "good" and i in repeated:
            # a copy of a block of prose shown twice (teasers for two layouts) counts as weak prose
            score = lengths[i] // 2 - short_cost
        elif kind == "good":
            score = lengths[i]
        elif kind == "neargood":
            score = lengths[i] // 2 - short_cost
        else:
            score = -short_cost
        if cur <= 0 and i <= max_start:
            cur, cur_start = score, i
        else:
            cur += score
        if cur > best:
            best, best_first, best_last = cur, cur_start, i
    return best, best_first, best_last


def _headline(texts: list[str]) -> int:
    """Index of the unit that repeats the page title (the first line) as the article's headline, or -1.

    Whole-page text starts with the page title ("Storm hits coast | Example
    News"); the article's own headline repeats it (or its part before a
    separator) just above the article.  When several parts of the title
    recur, the longest wins: the site name is the shorter one.

    >>> _headline(["Storm hits the coast | Example News Today", "Example News Today", "Menu", "Storm hits the coast"])
    3
    """
    if len(texts) < 3:
        return -1
    title = texts[0]
    if len(title) > 300:
        return -1
    cuts = [m.span() for m in _TITLE_SPLIT.finditer(title)]
    # the headline may hold a separator itself: the title without its last part (or its first) is one too
    ends = (title[: cuts[-1][0]].strip(), title[cuts[0][1] :].strip()) if len(cuts) > 1 else ()
    names = {name for name in (title, *ends, *(part.strip() for part in _TITLE_SPLIT.split(title))) if len(name) >= 15}
    if not names:
        return -1
    # the longest part of the title found wins: a site name ("Example News") is shorter than a headline
    found = compress(range(1, 400), map(names.__contains__, texts[1:400]))
    return max(found, key=lambda i: (len(texts[i]), -i), default=-1)


def _dateline(page: _Page, i: int) -> bool:
    """Whether unit ``i`` is a dateline or byline: no list item nor title copy, a quarter of its words with figures."""
    text = page.texts[i]
    if page.bullets[i] or text.lower() in page.texts[0].lower():
        return False
    words = text.split()
    return 4 * sum(1 for w in words if _DIGIT.search(w)) >= len(words)


def _main_run(page: _Page, smoothed: list[str], th: Thresholds) -> tuple[int, int]:
    """The run of units with the highest prose score (Kadane): prose adds, chrome costs.

    A run right after the article's headline (see :func:`_headline`) wins over
    a longer one elsewhere when it scores at least ``headline_share`` of it
    (``long_headline_share`` under a headline of ``headline_words`` or more).
    The run is widened across weak borders (:func:`_extend`) and tables of
    figures (:func:`_join_across_tables`), but not to a dateline or byline
    right above it.
    """
    n = len(page.kinds)
    repeated = _repeated_prose(page)
    best, first, last = _kadane(page, smoothed, th, 0, n, repeated=repeated)
    head = _headline(page.texts)
    floor = 0
    if head >= 0:
        # the article starts at the first prose after its headline
        end = min(n, head + 1 + th.headline_gap)
        kinds = page.kinds
        start = next((i for i in range(head + 1, end) if kinds[i] == "good"), -1)
        if start >= 0 and not head < first <= start:
            score, f2, l2 = _kadane(page, smoothed, th, head + 1, start, repeated=repeated)
            long = len(page.texts[head].split()) >= th.headline_words
            if score >= (th.long_headline_share if long else th.headline_share) * best:
                if first < head < last and _prose_chars(page, first, head) > _prose_chars(page, head + 1, last + 1):
                    # more prose above the headline than under it: a block of its own (teasers), not the article
                    floor = head + 1
                first, last = f2, l2
    if last < first:
        return first, last
    first = _extend(page, smoothed, first, -1, th)
    last = _extend(page, smoothed, last, 1, th)
    first, last = _join_across_tables(page, smoothed, th, first, last, best=best, repeated=repeated)
    first = max(first, floor)
    # a dateline or byline above the article ("By Jane Doe - 11/18/19 11:04 PM") is no part of it;
    # more of them are a list of the article (a timetable, ingredients)
    kinds = page.kinds
    if (
        first < last
        and kinds[first] == "list"
        and _dateline(page, first)
        and not (first + 1 < last and kinds[first + 1] == "list" and _dateline(page, first + 1))
    ):
        first += 1
    return first, last


def _prose_chars(page: _Page, lo: int, hi: int) -> int:
    """The characters of the prose units among units ``lo..hi-1``."""
    kinds, lengths = page.kinds, page.lengths
    return sum(lengths[i] for i in range(lo, hi) if kinds[i] == "good")


def _table_gap(page: _Page, lo: int, hi: int) -> bool:
    """Whether units ``lo..hi-1`` are a table of figures: no clear chrome but repeated cells, a third with figures."""
    if hi <= lo:
        return False
    reasons, texts = page.reasons, page.texts
    if any(reasons[i] not in ("", "repeated", "low-prose") for i in range(lo, hi)):
        return False
    return 3 * sum(1 for i in range(lo, hi) if _DIGIT.search(texts[i])) >= hi - lo


def _join_across_tables(
    page: _Page, smoothed: list[str], th: Thresholds, first: int, last: int, *, best: int, repeated: set[int]
) -> tuple[int, int]:
    """Widen the run ``first..last`` to a second run of prose of comparable score beyond a table of figures.

    A recipe's steps and its notes, or exercises and their solutions, may be
    parted by a table (nutrition facts, ingredients with amounts): when the
    best run on the other side scores at least half the best run of the page and only
    such a table lies between them, both are the article.
    """
    n = len(page.kinds)
    score, f2, l2 = _kadane(page, smoothed, th, last + 1, n, repeated=repeated)
    if l2 >= f2 and 2 * score >= best and _table_gap(page, last + 1, f2):
        last = _extend(page, smoothed, l2, 1, th)
    score, f2, l2 = _kadane(page, smoothed, th, 0, first, repeated=repeated, hi=first)
    if l2 >= f2 and 2 * score >= best and _table_gap(page, l2 + 1, first):
        first = _extend(page, smoothed, f2, -1, th)
    return first, last


def _extend(page: _Page, smoothed: list[str], edge: int, step: int, th: Thresholds) -> int:
    """Move ``edge`` outwards over stretches of chrome too weak to be a border.

    A border is at least ``barrier_lines`` lines of chrome between the run
    and the next prose; figure lists right next to the run stay with it.
    """
    kinds, firsts, lasts = page.kinds, page.firsts, page.lasts
    n = len(kinds)
    i = edge + step
    barrier = 0
    while 0 <= i < n:
        if smoothed[i] == "bad":
            barrier += lasts[i] - firsts[i] + 1
            if barrier >= th.barrier_lines:
                break
        elif kinds[i] == "good" or (barrier == 0 and kinds[i] == "list"):
            edge = i
            barrier = 0
        i += step
    return edge


_STRONG = frozenset({"menu", "link-list", "symbols", "repeated", "comment-header", "copyright"})
# What goes from text that is already mostly article (and only before or after its prose).
_EDGE = frozenset({"link-list", "symbols", "repeated", "comment-header"})


def _chrome_around(page: _Page, strong_units: list[int], th: Thresholds) -> bool:
    """Whether ``page_min_around`` lines or more of clear chrome lie both before and after the main run.

    A page whose first prose is a lone line above the menus (a page title
    ending in "?", a notice about scripts or cookies) shows no chrome before
    its first prose, but its article still sits between menus.
    """
    first, last = _main_run(page, _smooth(page.kinds), th)
    if last < first:
        return False
    lasts, firsts = page.lasts, page.firsts
    before = sum(lasts[i] - firsts[i] + 1 for i in strong_units if i < first)
    after = sum(lasts[i] - firsts[i] + 1 for i in strong_units if i > last)
    return min(before, after) >= th.page_min_around


def _drop_blocks(page: _Page, strong_units: list[int], th: Thresholds, drops: dict[int, str]) -> None:
    """Put the units of every block of consecutive clear chrome of ``block_lines`` lines or more in ``drops``."""
    firsts, lasts, reasons = page.firsts, page.lasts, page.reasons
    k, count = 0, len(strong_units)
    while k < count:
        j = k
        while j + 1 < count and strong_units[j + 1] == strong_units[j] + 1:
            j += 1
        block = strong_units[k : j + 1]
        if sum(lasts[i] - firsts[i] + 1 for i in block) >= th.block_lines:
            for i in block:
                drops[i] = reasons[i]
        k = j + 1


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
    text: str, lang: str | None, aggressiveness: Aggressiveness, *, lazy: bool = True, units: _Page | None = None
) -> tuple[_Page, dict[int, str]]:
    """The units of ``text`` with their labels, and the units dropped (index -> reason).

    With ``lazy`` the units that cannot matter (prose-like units between the
    first and the last prose of text that is no whole page) keep the label
    ``?`` (see :data:`_PENDING`).  ``units`` are the units of ``text`` when
    they are known already (unlabelled).
    """
    th = Thresholds.for_level(aggressiveness)
    if lang is None:
        lang = guess_language(_sample_for_language(text))
    stops = stopwords(lang) if lang else frozenset()
    scale = _DENSITY_SCALE.get(lang or "", 1.0)
    page = _units(text, stops) if units is None else units
    page.set_labels(_labeller(text, page, lang=lang, scale=scale, th=th, cjk_doc=_CJK.search(text) is not None), lazy)
    _mark_lists(page)
    _mark_menus(page, th)
    _mark_repeats(page, th)
    kinds, reasons, firsts, lasts = page.kinds, page.reasons, page.firsts, page.lasts
    n = len(kinds)
    lines = sum(lasts) - sum(firsts) + n
    strong_units = list(compress(range(n), map(_STRONG.__contains__, reasons)))
    strong = sum(lasts[i] - firsts[i] + 1 for i in strong_units)
    # A whole page: enough chrome, some of it before the first prose (or an
    # article headline under the page title), and chrome left outside the article.
    whole_page = strong >= th.page_min_bad and strong >= th.page_bad_share * lines
    if whole_page:
        page.resolve_all()
        prose = list(compress(range(n), map("good".__eq__, kinds)))
        head, tail = (prose[0], prose[-1]) if prose else (n, -1)
    else:
        # only the units before the first prose and after the last one matter: label them
        head = tail = -1
        for i in range(n):
            page.resolve((i,))
            if kinds[i] == "good":
                head = i
                break
        else:
            head = n
        for i in range(n - 1, head, -1):
            page.resolve((i,))
            if kinds[i] == "good":
                tail = i
                break
        else:
            tail = head if head < n else -1
        prose = [head] if head < n else []
    lead = sum(lasts[i] - firsts[i] + 1 for i in strong_units if i < head)
    whole_page = whole_page and bool(prose)
    drops: dict[int, str] = {}
    if whole_page and lead < th.page_min_lead and _headline(page.texts) < 0:
        whole_page = False
        if _chrome_around(page, strong_units, th):
            # the main run is a weak guess here: only long blocks of clear chrome go
            _drop_blocks(page, strong_units, th, drops)
    if whole_page:
        _mark_teasers(page, th)
        smoothed = _smooth(kinds)
        _keep_introduced_lists(page, smoothed)
        first, last = _main_run(page, smoothed, th)
        outside = 0
        for i in compress(range(n), reasons):
            if i < first or i > last:
                outside += lasts[i] - firsts[i] + 1
        if outside >= th.page_min_outside:
            for i in range(n):
                if i == last + 1 and reasons[i] == "copyright" and is_credit_line(page.texts[i]):
                    continue  # a dated copyright line right under the article is its credit (a wire story's)
                if smoothed[i] == "bad":
                    drops[i] = reasons[i] or "short-run"
                elif i < first or i > last:
                    drops[i] = "outside-main"
            return page, drops
    # Already mostly article: only clear chrome at the head and the tail goes.
    for i in compress(range(n), map(_EDGE.__contains__, reasons)):
        if i < head or i > tail:
            drops[i] = reasons[i]
    return page, drops


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
    page, drops = _decide(text, lang, aggressiveness, lazy=False)
    labels: list[LineLabel] = [
        LineLabel(start=s, end=e, kind="blank", keep=True, reason="", words=0, stop_density=0.0, terminal=False)
        for s, e in page.spans()
    ]
    for i, (first, last) in enumerate(zip(page.firsts, page.lasts, strict=True)):
        reason = drops.get(i, "")
        for j in range(first, last + 1):
            s, e = labels[j].start, labels[j].end
            labels[j] = LineLabel(
                start=s,
                end=e,
                kind=page.kinds[i],
                keep=not reason,
                reason=reason,
                words=page.words[i],
                stop_density=round(page.densities[i], 3),
                terminal=page.terminals[i],
            )
    return labels


def chrome_changes(
    text: str, *, lang: str | None = None, aggressiveness: Aggressiveness = Aggressiveness.BALANCED
) -> Iterator[Change]:
    """Deletions of the lines :func:`classify_lines` drops, with their newlines (one per unit)."""
    units = None
    if not _has_needle(text):
        # text without needles is often plainly article: a cheap check of its units may prove it
        units = _units(text, stopwords(lang) if lang else _any_stopwords())
        if _plainly_article(units, lang, Thresholds.for_level(aggressiveness)):
            return
        if lang is None and units.firsts != units.lasts:
            units = None  # joined by the stop words of every language
    page, drops = _decide(text, lang, aggressiveness, units=units)
    if not drops:
        return
    firsts, lasts = page.firsts, page.lasts
    lens = list(map(len, page.lines))
    starts = list(accumulate(map((1).__add__, lens), initial=0))
    spans = [(starts[firsts[i]], starts[lasts[i]] + lens[lasts[i]], drops[i]) for i in sorted(drops)]
    yield from line_deletions(text, spans)


def line_deletions(text: str, drops: list[tuple[int, int, str]]) -> Iterator[Change]:
    """Changes deleting whole lines: ``(start, end, rule)`` spans lines without their final newline.

    Adjacent lines dropped by one rule become one change.  Each deletion
    takes the newline after it; a deletion that ends the text takes the
    newline before it instead (so do the deletions of the lines
    right before it), so what is left is always the other lines, joined as
    they were.

    >>> [(c.start, c.end) for c in line_deletions("a\\nb\\nc", [(2, 3, "r"), (4, 5, "r")])]
    [(1, 5)]
    >>> [(c.start, c.end) for c in line_deletions("a\\nb\\nc", [(2, 3, "r"), (4, 5, "s")])]
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
    # runs of adjacent lines dropped for one reason become one change
    k, count = 0, len(drops)
    while k < count:
        start, end, rule = drops[k]
        tail = at_end[k]
        while k + 1 < count and drops[k + 1][2] == rule and drops[k + 1][0] == end + 1 and at_end[k + 1] == tail:
            k += 1
            end = drops[k][1]
        k += 1
        yield Change(max(start - 1, 0), end, "", rule) if tail else Change(start, end + 1, "", rule)


def remove_chrome(
    text: str, *, lang: str | None = None, aggressiveness: Aggressiveness = Aggressiveness.BALANCED
) -> str:
    """``text`` without the lines :func:`classify_lines` drops."""
    return apply_changes(text, chrome_changes(text, lang=lang, aggressiveness=aggressiveness))


@attrs.frozen(kw_only=True)
class ChromePass(Pass):
    """Pass wrapper of :func:`chrome_changes`."""

    name = "chrome"

    lang: str | None = None
    aggressiveness: Aggressiveness = Aggressiveness.BALANCED

    def propose(self, doc: Document) -> list[Change]:
        return list(chrome_changes(doc.text, lang=self.lang, aggressiveness=self.aggressiveness))
