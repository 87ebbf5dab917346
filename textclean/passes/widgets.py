"""Structural detectors for page widgets: calendars, share bars, orphaned widget lines.

Phrase lists cannot describe a sidebar calendar (its words change with the
language and the month), so these detectors look at the *shape* of lines:

* a **calendar** is a run of lines made of a month heading (``May 2024``),
  a weekday header in any of en/ru/de/fr/es short forms (``Mon Tues Wed``,
  ``M T W T F S S``, ``Пн Вт Ср``, ``ПнВтСрЧтПтСбВс``, ``Mo Di Mi``), rows of
  consecutive day numbers with or without separators (``12345``,
  ``6789101112``, ``2 3 4 5 6 7 8``) and navigation (``« Apr``, ``" April``);
* a **share bar** is a line (or a run of lines) of nothing but social network
  names and share words (``Facebook Twitter WhatsApp``, ``ВКонтакте Telegram``);
* an **orphan** is a very short line (``Thank you!``, ``Sorry!``, ``1``)
  wedged between lines that were removed as chrome (``balanced`` and up);
* a **short run** (``aggressive`` only) is a run of four or more one-to-three
  word lines between removed chrome or at the end of the document.

>>> text = "Prose stays here.\\nMay 2024\\nMon Tues Wed Thurs Fri Sat Sun\\n12345\\n6789101112\\nMore prose."
>>> [(text[s:e], rule) for s, e, rule in structural_removals(text)]
[('May 2024\\nMon Tues Wed Thurs Fri Sat Sun\\n12345\\n6789101112\\n', 'common.calendar')]
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from functools import cache

import attrs

from textclean.config import Aggressiveness
from textclean.edits import Change
from textclean.pipeline import Document, Pass, line_spans
from textclean.rules import STRIP_CHARS, normalise_line

__all__ = [
    "Widgets",
    "calendar_kind",
    "calendar_kind_normalised",
    "digit_lines",
    "is_credit_line",
    "is_day_row",
    "is_month_heading",
    "is_share_bar",
    "is_share_bar_normalised",
    "is_weekday_header",
    "normalised_lines",
    "orphan_removals",
    "share_lines",
    "structural_removals",
]

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: A copyright line of more characters is a legal notice, not a credit.
_CREDIT_CHARS = 140


def is_credit_line(line: str) -> bool:
    """Whether a copyright line is short and dated: a story's credit when it stands right under the story.

    A wire story ends in its agency's line ("© 2019 Associated Press. All
    rights reserved."), which belongs to the story; a long notice about
    reprints is the site's.

    >>> is_credit_line("© 2019 Associated Press. All rights reserved.")
    True
    >>> is_credit_line("© Example News. All rights reserved.")
    False
    """
    return len(line) <= _CREDIT_CHARS and _YEAR.search(line) is not None


_WEEKDAYS = frozenset(
    "mon tue tues wed thu thur thurs fri sat sun total "  # en (a known mistranslation of Вс included)
    "m t w f s su mo tu we th fr sa "
    "пн вт ср чт пт сб вс пон вто сре чет пят суб вос п в с ч "
    "di mi do so "  # de (mo fr sa shared)
    "lun mar mer jeu ven sam dim l j v d "  # fr
    "mié mie jue vie sáb sab dom x".split()  # es
)
_WEEKDAYS_GLUED = re.compile(
    r"(?:(?:пн|вт|ср|чт|пт|сб|вс){4,7}|(?:mo|tu|we|th|fr|sa|su){4,7}|(?:mo|di|mi|do|fr|sa|so){4,7}|[mtwfs]{7})"
)
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь "
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "янв фев мар апр июн июл авг сен сент окт ноя дек "
    "januar februar märz mai juni juli oktober dezember jän mär okt dez "
    "janvier février mars avril juin juillet août septembre octobre novembre décembre "
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
)
_MONTH_ALT = "|".join(sorted(set(_MONTHS.split()), key=len, reverse=True))
_MONTH_HEADING = re.compile(
    rf"(?:[^\W\d_]{{2,20}}(?: [^\W\d_]{{2,20}})?\s?[:—–-]\s?)?(?:{_MONTH_ALT})\.?,?\s?(?:\d{{4}}(?:\s?г\.?)?)?"
)
_NAV_WORDS = frozenset(
    "previous next prev назад вперёд вперед zurück weiter précédent suivant anterior siguiente".split()
)
_NAV = re.compile(rf"(?:[«\"‹<]+\s?(?:{_MONTH_ALT})\.?(?:\s?\d{{4}})?\s?(?:[»›>]+)?|(?:{_MONTH_ALT})\.?\s?[»›>]+)")
_NAV_PAIR = re.compile(rf"[«‹<]+\s?(?:{_MONTH_ALT})\.?\s+(?:{_MONTH_ALT})\.?\s?[»›>]+")
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_DAY_SEP = re.compile(r"[\s|,;/·.-]+")

_SOCIAL = frozenset(
    "facebook twitter x vk vkontakte вконтакте вк ok одноклассники ok.ru telegram телеграм whatsapp viber "
    "pinterest linkedin reddit tumblr messenger email e-mail mail почта sms print печать распечатать "
    "share поделиться поделитесь teilen partager compartir tweet twittern copy link копировать ссылку "
    "ссылка скопировать flipboard pocket threads mastodon bluesky instagram youtube tiktok мой мир "
    "livejournal жж rss yandex яндекс дзен zen xing skype line wechat weibo qzone google news".split()
)


def _day_numbers(s: str) -> list[int] | None:
    """The day numbers of a calendar row, or None if the row is not one."""
    if not s or len(s) > 60:
        return None
    if s.isascii() and s.isdigit():
        return _glued_days(s)
    parts = [p for p in _DAY_SEP.split(s) if p]
    if not parts or not all(p.isascii() and p.isdigit() and len(p) <= 2 for p in parts):
        return None
    nums = [int(p) for p in parts]
    if any(not 1 <= n <= 31 for n in nums):
        return None
    if any(b != a + 1 for a, b in itertools.pairwise(nums)):
        return None
    return nums


def _glued_days(digits: str) -> list[int] | None:
    # try every start of one or two digits and follow the run n, n+1, …
    for first_len in (1, 2):
        if len(digits) < first_len:
            break
        n = int(digits[:first_len])
        if not 1 <= n <= 31:
            continue
        nums, pos = [n], first_len
        while pos < len(digits):
            want = str(nums[-1] + 1)
            if not digits.startswith(want, pos) or nums[-1] + 1 > 31:
                break
            nums.append(nums[-1] + 1)
            pos += len(want)
        if pos == len(digits):
            return nums
    return None


def is_day_row(line: str) -> bool:
    """True for a calendar row of consecutive day numbers.

    >>> is_day_row("6789101112"), is_day_row("2 3 4 5 6 7 8"), is_day_row("\\u00a012345")
    (True, True, True)
    >>> is_day_row("2024"), is_day_row("12 13 15"), is_day_row("100")
    (False, False, False)
    """
    return _is_day_row(normalise_line(line))


def _is_day_row(s: str) -> bool:
    if not s or not (s[0].isdigit() or s[-1].isdigit()):
        return False
    nums = _day_numbers(s)
    return nums is not None and (len(nums) >= 3 or (len(nums) >= 1 and nums[-1] >= 28))


def is_weekday_header(line: str) -> bool:
    """True for a weekday header line (at most one unknown token among four or more).

    >>> is_weekday_header("Mon Tues Wed Thurs Fri Sat Total"), is_weekday_header("ПнВтСрЧтПтСбВс")
    (True, True)
    >>> is_weekday_header("M T W T F S S"), is_weekday_header("Mo Di Mi Do Fr Sa So")
    (True, True)
    >>> is_weekday_header("Mon to Fri we work")
    False
    """
    return _is_weekday_header(normalise_line(line))


def _is_weekday_header(s: str) -> bool:
    if not s or len(s) > 80:
        return False
    if _WEEKDAYS_GLUED.fullmatch(s.replace(" ", "")) and " " not in s:
        return True
    tokens = _TOKEN.findall(s)
    if len(tokens) < 3 or len(tokens) > 8:
        return False
    unknown = sum(1 for t in tokens if t not in _WEEKDAYS)
    return unknown == 0 or (unknown == 1 and len(tokens) >= 5)


def is_month_heading(line: str) -> bool:
    """True for a month heading or month navigation (``May 2024``, ``« Apr``, ``" April``).

    >>> is_month_heading("May 2024"), is_month_heading("  \\u2022 Май 2024"), is_month_heading('" April')
    (True, True, True)
    >>> is_month_heading("May I come in?")
    False
    """
    return _is_month_heading(normalise_line(line))


def _is_month_heading(s: str) -> bool:
    if not s or len(s) > 48:
        return False
    if s.strip("«»‹›<>\"' ") in _NAV_WORDS:
        return True
    return bool(_MONTH_HEADING.fullmatch(s) or _NAV.fullmatch(s) or _NAV_PAIR.fullmatch(s))


def is_share_bar(line: str, *, min_tokens: int = 2) -> bool:
    """True for a line of only social network names and share words.

    >>> is_share_bar("Facebook Twitter WhatsApp"), is_share_bar("Поделиться: ВКонтакте Telegram")
    (True, True)
    >>> is_share_bar("Facebook shares fell"), is_share_bar("Twitter")
    (False, False)
    """
    return _is_share_bar(normalise_line(line), min_tokens=min_tokens)


def _is_share_bar(s: str, *, min_tokens: int = 2) -> bool:
    if not s or len(s) > 160 or s.split(" ", 1)[0].strip(",|/:;!") not in _SOCIAL:
        return False
    tokens = [t for t in re.split(r"[\s,|/·•:;!]+", s) if t]
    if len(tokens) < min_tokens:
        return False
    return all(t in _SOCIAL for t in tokens)


#: Bullet characters :func:`~textclean.rules.normalise_line` drops from the start of a line.
_BULLET_CHARS = "-–—•·*▪►▸»›|>◦●■□✓✔"

_KIND_CAL = "cal"
_KIND_DAY = "day"
_KIND_WEEK = "week"
_KIND_NUM = "num"


_MONTH_SET = frozenset(_MONTHS.split())
_GLUED_START = ("пнвт", "motu", "modi", "mtwt")


_NAV_MONTH_WORDS = _MONTH_SET | _NAV_WORDS
_NAV_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_KIND_PART = "part"


def _is_nav(s: str) -> bool:
    """Month navigation made of month names, years and nav words (``Назад   Сентябрь >``)."""
    if len(s) > 48:
        return False
    tokens = _NAV_TOKEN.findall(s)
    if not tokens or len(tokens) > 5:
        return False
    if not all(t in _MONTH_SET or t in _NAV_WORDS or (t.isdigit() and len(t) == 4) for t in tokens):
        return False
    return any(t in _NAV_WORDS for t in tokens) or any(ch in s for ch in "«»‹›<>")


def _kind_of(s: str | None) -> str | None:
    if not s or len(s) > 80:
        return None
    head = s.lstrip('«»"‹›<> ').split(" ", 1)[0].strip('.,«»"‹›<>')
    if not head:
        return None
    if head[0].isdigit():
        if head == s and len(s) <= 2 and s.isascii() and s.isdigit() and 1 <= int(s) <= 31:
            return _KIND_NUM
        if _is_day_row(s):
            return _KIND_DAY
        nums = _day_numbers(s)
        return _KIND_PART if nums else None
    if head in _WEEKDAYS or head.startswith(_GLUED_START):
        return _KIND_WEEK if _is_weekday_header(s) else None
    if (s[0].isdigit() or s[-1].isdigit()) and _is_day_row(s):
        return _KIND_DAY
    # cheap necessary conditions first: a weekday header has no space or two weekday names,
    # a month heading a month name (or is a navigation word), navigation only months and nav words
    words = _TOKEN.findall(s)
    if (
        " " not in s or (not _WEEKDAYS.isdisjoint(words) and sum(1 for w in words if w in _WEEKDAYS) >= 2)
    ) and _is_weekday_header(s):
        return _KIND_WEEK
    if len(s) > 48:
        return None
    if (s.strip("«»‹›<>\"' ") in _NAV_WORDS or not _MONTH_SET.isdisjoint(words)) and _is_month_heading(s):
        return _KIND_CAL
    if _NAV_MONTH_WORDS.issuperset(words) and _is_nav(s):
        return _KIND_CAL
    return None


def calendar_kind(line: str) -> str | None:
    """The calendar part a line may be (``"cal"``, ``"week"``, ``"day"``, ``"num"``, ``"part"``), or None.

    >>> calendar_kind("Пн Вт Ср Чт Пт Сб Вс"), calendar_kind("12"), calendar_kind("Prose line.")
    ('week', 'num', None)
    """
    return _kind_of(normalise_line(line))


def calendar_kind_normalised(norm: str) -> str | None:
    """:func:`calendar_kind` of a line already passed through :func:`~textclean.rules.normalise_line`."""
    return _kind_of(norm)


def is_share_bar_normalised(norm: str, *, min_tokens: int = 2) -> bool:
    """:func:`is_share_bar` of a line already passed through :func:`~textclean.rules.normalise_line`."""
    return _is_share_bar(norm, min_tokens=min_tokens)


def normalised_lines(text: str, spans: list[tuple[int, int]], *, limit: int = 480) -> list[str | None]:
    """:func:`~textclean.rules.normalise_line` of every line not longer than ``limit`` (None for longer ones)."""
    return [normalise_line(text[s:e]) if e - s <= limit else None for s, e in spans]


def _line_end(text: str, end: int) -> int:
    return end + 1 if end < len(text) else end


def _longest_chain(nums: list[int]) -> int:
    best = run = 0
    prev = -1
    for n in nums:
        run = run + 1 if n == prev + 1 else 1
        best = max(best, run)
        prev = n
    return best


def _maybe_calendar(s: str | None) -> bool:
    """A cheap gate: can this normalised line be part of a calendar at all?"""
    if not s or len(s) > 80:
        return False
    c = s[0]
    if c.isdigit() or c in '«»"‹›<>' or s[-1].isdigit() or s.endswith(("г.", "г")):
        return True
    head = s.split(" ", 1)[0].strip(".,:")
    return head in _CAL_HEADS or head.startswith(_GLUED_START)


_CAL_HEADS = _WEEKDAYS | _MONTH_SET | _NAV_WORDS


def calendar_runs(norms: list[str | None], digit_lines: Iterable[int] | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(first_line, last_line)`` index ranges of calendar widgets, given normalised lines.

    A run of calendar-shaped lines (month headings, weekday headers, day rows,
    one day number a line, navigation) is a calendar when it holds a weekday
    header and day rows, or four day rows, or a long chain of day numbers.

    ``digit_lines``, when given, holds (at least) every line made of digits
    and separators only (see :func:`digit_lines`): a calendar needs two such
    lines, so only the neighbourhood of those lines is looked at.
    """
    memo: dict[str, str | None] = {}

    def _calendar_kind(s: str) -> str | None:
        if s not in memo:
            memo[s] = _kind_of(s)
        return memo[s]

    n = len(norms)

    def scan(i: int, stop: int) -> Iterator[tuple[int, int]]:
        # the scan proper, from a line where no run is open, until it passes ``stop``
        while i < n and i <= stop:
            norm = norms[i]
            if not norm or not _maybe_calendar(norm) or _calendar_kind(norm) is None:
                i += 1
                continue
            kinds: list[str] = []
            lone: list[int] = []
            j, last = i, i
            while j < n:
                norm = norms[j]
                if norm == "":
                    j += 1
                    continue
                kind = _calendar_kind(norm) if norm is not None else None
                if kind is None:
                    break
                kinds.append(kind)
                if kind == _KIND_NUM:
                    lone.append(int(norm or "0"))
                last = j
                j += 1
            days, weeks = kinds.count(_KIND_DAY), kinds.count(_KIND_WEEK)
            chain = _longest_chain(lone)
            if (weeks and (days >= 2 or chain >= 7)) or days >= 4 or chain >= 20:
                yield i, last
            i = j if j > i else i + 1
        resume[0] = i

    resume = [0]
    if digit_lines is None:
        yield from scan(0, n)
        return
    marks = sorted(digit_lines)
    if len(marks) < 2:  # every calendar holds two lines of day numbers at least
        return
    pos = 0
    for d in marks:
        if d < pos or d >= n:
            continue
        # back up to just after the nearest line that is neither blank nor calendar-shaped:
        # no run is open there, and no run before it holds a line of numbers
        b = d - 1
        while b >= pos:
            norm = norms[b]
            if norm is None or (norm != "" and _calendar_kind(norm) is None):
                break
            b -= 1
        yield from scan(b + 1, d)
        pos = resume[0]


def digit_lines(text: str, spans: list[tuple[int, int]], starts: list[int] | None = None) -> list[int]:
    """Indices of the lines made of ASCII digits, separators, spaces and bullets only (with a digit).

    Every calendar row of day numbers (``12345``, ``2 3 4 5``) is one of these.

    >>> digit_lines("Prose.\\n1 2 3\\n• 28\\nMay 2024", line_spans("Prose.\\n1 2 3\\n• 28\\nMay 2024"))
    [1, 2]
    """
    pattern = _digit_line_pattern()
    starts = [s for s, _ in spans] if starts is None else starts
    found: list[int] = []
    if spans and pattern.match("\n" + text[: spans[0][1] + 1]):
        found.append(0)
    return found + line_hits(pattern, text, starts)


def line_hits(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[int]:
    """Lines (after the first) at whose start ``pattern`` (which begins with a newline) matches."""
    found: list[int] = []
    n = len(starts)
    pos = 0
    search = pattern.search
    while True:
        m = search(text, pos)
        if m is None:
            break
        k = bisect.bisect_right(starts, m.start() + 1) - 1
        found.append(k)
        if k + 1 >= n:
            break
        pos = starts[k + 1] - 1
    return found


@cache
def _digit_line_pattern() -> re.Pattern[str]:
    # any character normalise_line may strip or turn into a space, plus the separators of day rows
    spaces = "".join(c for c in map(chr, range(0x10000)) if c.isspace() and c != "\n")
    chars = re.escape("".join(sorted(set(spaces + STRIP_CHARS + _BULLET_CHARS + "|,;/·.-\u200b\ufeff"))))
    return re.compile(f"\n[{chars}]*+[0-9][{chars}0-9]*+(?=\n|$)")


@cache
def _share_line_pattern() -> re.Pattern[str]:
    # a line whose first word (bullets, spaces and ,|/:;! around it aside) is a network or share word
    lead = re.escape("".join(sorted(set(STRIP_CHARS + _BULLET_CHARS + ",|/:;! \t\u00a0"))))
    # grouped by first character: a line start is checked against one group, not every word
    rests: dict[str, list[str]] = {}
    for word in sorted(w for w in _SOCIAL if " " not in w):
        rests.setdefault(word[0], []).append(word[1:])
    groups = []
    for first, tails in sorted(rests.items()):
        body = "|".join(re.escape(t) for t in sorted(tails, key=len, reverse=True))
        groups.append(re.escape(first) + (f"(?:{body})" if body else ""))
    words = "|".join(groups)
    after = re.escape(",|/:;!")
    tail = re.escape(STRIP_CHARS + " \n")
    return re.compile(f"\n[{lead}]*+(?:{words})[{after}]*+(?=[{tail}]|$)")


def share_lines(low: str, spans: list[tuple[int, int]], starts: list[int] | None = None) -> list[int]:
    """Indices of the lines of ``low`` (lower-cased text) whose first word is a network or share word."""
    pattern = _share_line_pattern()
    starts = [s for s, _ in spans] if starts is None else starts
    found: list[int] = []
    if spans and pattern.match("\n" + low[: spans[0][1] + 1]):
        found.append(0)
    return found + line_hits(pattern, low, starts)


def _share_kind(s: str, memo: dict[str, int]) -> int:
    """2 for a share bar, 1 for a lone network name (a share bar only beside other share lines), else 0."""
    if s not in memo:
        memo[s] = 2 if _is_share_bar(s, min_tokens=2) else 1 if _is_share_bar(s, min_tokens=1) else 0
    return memo[s]


def structural_removals(
    text: str,
    *,
    level: int = 1,
    spans: list[tuple[int, int]] | None = None,
    norms: list[str | None] | None = None,
    low: str | None = None,
    starts: list[int] | None = None,
) -> list[tuple[int, int, str]]:
    """Spans (``start``, ``end``, ``rule``) of calendars and share bars in ``text``.

    Spans cover whole lines with their newline.  A line holding a single
    network name (``Telegram``) is a share bar only within a run of two or
    more share lines (blank lines between them allowed).  Orphans are added
    by :func:`orphan_removals`, which needs to know what else was removed.
    ``spans`` and ``norms`` may be passed in when the caller has them, and
    ``low`` (``text.lower()``): then only lines that may be widgets are looked at;
    ``starts``, the start offsets of the lines, along with ``spans``.
    """
    spans = line_spans(text) if spans is None else spans
    norms = normalised_lines(text, spans) if norms is None else norms
    out: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    starts = [s for s, _ in spans] if starts is None else starts
    for first, last in calendar_runs(norms, digit_lines(text, spans, starts)):
        out.append((spans[first][0], _line_end(text, spans[last][1]), "common.calendar"))
        taken.update(range(first, last + 1))
    share_memo: dict[str, int] = {}
    run: list[int] = []
    strong = False

    def flush() -> None:
        if run and (len(run) >= 2 or strong or level >= 2):
            for k in run:
                s, e = spans[k]
                out.append((s, _line_end(text, e), "common.share-bar"))

    def kind_of(idx: int, norm: str | None) -> int:
        if norm and idx not in taken and len(norm) <= 160 and norm.split(" ", 1)[0].strip(",|/:;!") in _SOCIAL:
            return _share_kind(norm, share_memo)
        return 0

    if low is None or len(low) != len(text):
        for idx, norm in enumerate(norms):
            if norm == "":
                continue
            kind = kind_of(idx, norm)
            if kind:
                run.append(idx)
                strong = strong or kind == 2
                continue
            flush()
            run, strong = [], False
        flush()
        return sorted(out)
    # only lines opening with a network name can be share lines; between two of them the
    # run goes on only over blank lines
    for idx in share_lines(low, spans, starts):
        norm = norms[idx]
        if norm == "":
            continue
        if run and any(norms[k] != "" for k in range(run[-1] + 1, idx)):
            flush()
            run, strong = [], False
        kind = kind_of(idx, norm)
        if kind:
            run.append(idx)
            strong = strong or kind == 2
            continue
        flush()
        run, strong = [], False
    flush()
    return sorted(out)


def orphan_removals(
    text: str, spans: list[tuple[int, int]], removed: set[int], *, level: int = 1
) -> Iterable[tuple[int, str]]:
    """Line indices of orphans: lines with no words left wedged between removed lines.

    ``removed`` holds indices of lines already removed.  ``balanced`` takes a
    single short line of no more than two words ending in ``!`` (``Thank
    you!``) or without letters (a lone count) between removed lines (or a
    removed line and the end); ``aggressive`` also takes runs of up to six
    short lines.  Only the neighbourhood of removed lines is looked at.
    """
    if level < 1 or not removed:
        return
    n = len(spans)
    max_run = 6 if level >= 2 else 1
    seen: set[int] = set()
    for r in sorted(removed):
        i = r + 1
        while i < n and i - r < 20 and _blank(text, spans[i]):
            i += 1
        if i >= n or i in removed or i in seen:
            continue
        j = i
        run: list[int] = []
        while j < n and j not in removed and len(run) <= max_run:
            if _blank(text, spans[j]):
                j += 1
                continue
            if not _orphan_like(text, spans[j], loose=level >= 2):
                break
            run.append(j)
            j += 1
        seen.update(run)
        if not run or len(run) > max_run:
            continue
        after = _next_content(text, spans, j)
        if after is None or after in removed:
            for k in run:
                yield k, "common.orphan"


def _blank(text: str, span: tuple[int, int]) -> bool:
    return not text[span[0] : span[1]].strip(" \t\u00a0\ufeff\u200b\r")


def _orphan_like(text: str, span: tuple[int, int], *, loose: bool) -> bool:
    s, e = span
    if e - s > 40:
        return False
    line = text[s:e].strip(" \t\u00a0\ufeff\u200b\r•-–—*")
    if not line or line.endswith((".", ":", ";", ",")):
        return False
    words = len(line.split())
    if loose:
        return words <= 3
    return not any(ch.isalpha() for ch in line) or (words <= 2 and line.endswith("!"))


def _next_content(text: str, spans: list[tuple[int, int]], j: int) -> int | None:
    k = j
    while k < len(spans) and k - j < 20 and _blank(text, spans[k]):
        k += 1
    if k - j >= 20:
        return j  # a long blank run: treat as content (keeps the scan linear)
    return k if k < len(spans) else None


def _level(value: Aggressiveness | str) -> Aggressiveness:
    return value if isinstance(value, Aggressiveness) else Aggressiveness(value)


@attrs.frozen(kw_only=True)
class Widgets(Pass):
    """Structure-only pass: calendars and share bars (the ``artifacts`` pass runs these too)."""

    name = "widgets"
    aggressiveness: Aggressiveness = attrs.field(default=Aggressiveness.BALANCED, converter=_level)

    def propose(self, doc: Document) -> list[Change]:
        level = self.aggressiveness.level
        return [Change(s, e, "", rule) for s, e, rule in structural_removals(doc.text, level=level)]
