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

import itertools
import re
from collections.abc import Iterable, Iterator

import attrs

from textclean.config import Aggressiveness
from textclean.edits import Change
from textclean.pipeline import Document, Pass, line_spans
from textclean.rules import normalise_line

__all__ = [
    "Widgets",
    "is_day_row",
    "is_month_heading",
    "is_share_bar",
    "is_weekday_header",
    "normalised_lines",
    "orphan_removals",
    "structural_removals",
]

_WEEKDAYS = frozenset(
    "mon tue tues wed thu thur thurs fri sat sun total "  # en (a known mistranslation of Вс included)
    "m t w f s su mo tu we th fr sa "
    "пн вт ср чт пт сб вс пон вто сре чет пят суб вос "
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
_MONTH_HEADING = re.compile(rf"(?:{_MONTH_ALT})\.?,?\s?(?:\d{{4}}(?:\s?г\.?)?)?")
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
    if s.isdigit():
        return _glued_days(s)
    parts = [p for p in _DAY_SEP.split(s) if p]
    if not parts or not all(p.isdigit() and len(p) <= 2 for p in parts):
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
    if not s or len(s) > 40:
        return False
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


_KIND_CAL = "cal"
_KIND_DAY = "day"
_KIND_WEEK = "week"


_MONTH_SET = frozenset(_MONTHS.split())
_GLUED_START = ("пнвт", "motu", "modi", "mtwt")


def _kind_of(s: str | None) -> str | None:
    if not s or len(s) > 80:
        return None
    head = s.lstrip('«»"‹›<> ').split(" ", 1)[0].strip('.,«»"‹›<>')
    if not head:
        return None
    if head[0].isdigit():
        return _KIND_DAY if _is_day_row(s) else None
    if head in _WEEKDAYS or head.startswith(_GLUED_START):
        return _KIND_WEEK if _is_weekday_header(s) else None
    if head not in _MONTH_SET:
        return None
    if _is_day_row(s):
        return _KIND_DAY
    if _is_weekday_header(s):
        return _KIND_WEEK
    if _is_month_heading(s):
        return _KIND_CAL
    return None


def normalised_lines(text: str, spans: list[tuple[int, int]], *, limit: int = 480) -> list[str | None]:
    """:func:`~textclean.rules.normalise_line` of every line not longer than ``limit`` (None for longer ones)."""
    return [normalise_line(text[s:e]) if e - s <= limit else None for s, e in spans]


def _line_end(text: str, end: int) -> int:
    return end + 1 if end < len(text) else end


def calendar_runs(norms: list[str | None]) -> Iterator[tuple[int, int]]:
    """Yield ``(first_line, last_line)`` index ranges of calendar widgets, given normalised lines."""
    memo: dict[str | None, str | None] = {}

    def _calendar_kind(s: str | None) -> str | None:
        if s not in memo:
            memo[s] = _kind_of(s)
        return memo[s]

    i, n = 0, len(norms)
    while i < n:
        if _calendar_kind(norms[i]) is None:
            i += 1
            continue
        kinds: list[str] = []
        j, last = i, i
        while j < n:
            norm = norms[j]
            if norm == "":
                j += 1
                continue
            kind = _calendar_kind(norm)
            if kind is None:
                break
            kinds.append(kind)
            last = j
            j += 1
        days, weeks = kinds.count(_KIND_DAY), kinds.count(_KIND_WEEK)
        if (weeks and days >= 2) or days >= 4:
            yield i, last
        i = j if j > i else i + 1


def structural_removals(
    text: str,
    *,
    level: int = 1,
    spans: list[tuple[int, int]] | None = None,
    norms: list[str | None] | None = None,
) -> list[tuple[int, int, str]]:
    """Spans (``start``, ``end``, ``rule``) of calendars and share bars in ``text``.

    Spans cover whole lines with their newline.  Orphans are added by
    :func:`orphan_removals`, which needs to know what else was removed.
    ``spans`` and ``norms`` may be passed in when the caller has them.
    """
    spans = line_spans(text) if spans is None else spans
    norms = normalised_lines(text, spans) if norms is None else norms
    out: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for first, last in calendar_runs(norms):
        out.append((spans[first][0], _line_end(text, spans[last][1]), "common.calendar"))
        taken.update(range(first, last + 1))
    min_tokens = 2 if level < 2 else 1
    share_memo: dict[str, bool] = {}
    for idx, norm in enumerate(norms):
        if idx in taken or not norm or len(norm) > 160:
            continue
        s, e = spans[idx]
        if norm not in share_memo:
            share_memo[norm] = _is_share_bar(norm, min_tokens=min_tokens)
        if share_memo[norm]:
            out.append((s, _line_end(text, e), "common.share-bar"))
    return sorted(out)


def orphan_removals(
    text: str, spans: list[tuple[int, int]], removed: set[int], *, level: int = 1
) -> Iterable[tuple[int, str]]:
    """Line indices of short lines wedged between removed lines (or a removed line and the end).

    ``removed`` holds indices of lines already removed.  ``balanced`` takes
    single short lines (``Thank you!``, ``Sorry!``, a lone count); ``aggressive``
    also takes runs of up to six short lines.
    """
    if level < 1 or not removed:
        return
    n = len(spans)
    max_run = 6 if level >= 2 else 1
    i = 0
    while i < n:
        if i in removed or not _short(text, spans[i]):
            i += 1
            continue
        j = i
        while (
            j < n
            and (j == i or j - i < max_run)
            and j not in removed
            and (_blank(text, spans[j]) or _short(text, spans[j]))
        ):
            j += 1
        # j is the first line after the candidate run
        run = [k for k in range(i, j) if not _blank(text, spans[k])]
        before = _prev_content(text, spans, i)
        after = _next_content(text, spans, j)
        if run and len(run) <= max_run and before in removed and (after is None or after in removed):
            for k in run:
                yield k, "common.orphan"
        i = max(j, i + 1)


def _blank(text: str, span: tuple[int, int]) -> bool:
    return not text[span[0] : span[1]].strip(" \t\u00a0\ufeff\u200b\r")


def _short(text: str, span: tuple[int, int]) -> bool:
    s, e = span
    if e - s > 40:
        return False
    line = text[s:e].strip(" \t\u00a0\ufeff\u200b\r•-–—*")
    return bool(line) and len(line.split()) <= 3 and not line.endswith((".", ":", ";", ","))


def _prev_content(text: str, spans: list[tuple[int, int]], i: int) -> int | None:
    k = i - 1
    while k >= 0 and _blank(text, spans[k]):
        k -= 1
    return k if k >= 0 else None


def _next_content(text: str, spans: list[tuple[int, int]], j: int) -> int | None:
    k = j
    while k < len(spans) and _blank(text, spans[k]):
        k += 1
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
