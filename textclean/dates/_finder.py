"""The finder: cheap triggers, one anchored grammar match per candidate, then resolution.

How it stays fast: the text is never scanned by the big grammar.  Triggers
are runs of at most four digits not glued to a word (one ``[0-9]+`` scan),
month names (a case-sensitive literal trie whose first letters are rare:
capitalised English names; Russian stems only when the text has Cyrillic)
and a few literal words found with ``str.find`` (``вчера``, ``ago``,
``year`` ...).  From each trigger the finder steps back over at most four
known words (``Tuesday, November 19`` starts at ``Tuesday``; ``с 3 по 5`` at
``с``) and tries a detector pattern (one group per form) anchored at those
starts only; the matching form's own pattern then reads the parts.  Every
step is bounded, so the whole scan is linear in the text.

>>> [(m.text, m.value) for m in find_mentions("Posted 12 января 2022,, 08:30; see 06.01.2022 13:15 (MSK).")]
[('12 января 2022,, 08:30', '2022-01-12T08:30'), ('06.01.2022 13:15 (MSK)', '2022-01-06T13:15+03:00')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Literal

import attrs

from textclean.dates._lexicon import BAD_BEFORE_DIGIT, BLANKS, STEP_WORD_CHARS, Lexicon, lexicon
from textclean.dates._model import Mention

__all__ = ["DateOrder", "Prefer", "Reference", "coerce_reference", "find_mentions", "find_mentions_in_lines"]

DateOrder = Literal["auto", "DMY", "MDY", "YMD"]
Prefer = Literal["past", "future", "nearest"]
Reference = dt.date | dt.datetime | str | None

_CYR = re.compile(r"[а-яёА-ЯЁ]")
_DIGIT_RUN = re.compile(r"[0-9]+")
_LAT = re.compile(r"[a-zA-Z]")
_BLANKS = BLANKS
_BAD_BEFORE_DIGIT = frozenset(BAD_BEFORE_DIGIT)
#: What the step scan reads back from a run's end: four digits, four blanks, a comma, a word and the
#: character before it (see ``_step_scanner``).
STEP_WINDOW = 4 + 4 + 1 + STEP_WORD_CHARS + 1
_DASH_BETWEEN = re.compile(r"[ \t\u00a0]*[-–—][ \t\u00a0]*\Z")
_FN_WORDS = frozenset({"is", "was", "has", "its", "as", "this", "his", "us", "yes", "does", "thus", "plus", "less"})
_COUNTED = frozenset(
    {"people", "men", "women", "children", "persons", "times", "feet", "metres", "meters", "km", "kg", "miles"}
)
_VERSION_WORDS = frozenset({"version", "ver", "v", "python", "release", "build", "версия", "версии", "сборка"})
_RU_AFTER_YEAR_OK = frozenset({"и", "а", "но", "уже", "же", "еще", "ещё", "он", "она", "они", "мы", "я"})


@attrs.frozen
class _Point:
    """A calendar point; missing fields are ``None`` (``y=None``: year-less)."""

    y: int | None
    mo: int | None = None
    d: int | None = None
    hh: int | None = None
    mi: int | None = None
    ss: int | None = None
    zone: str | None = None

    @property
    def grain(self) -> str:
        if self.ss is not None:
            return "second"
        if self.mi is not None:
            return "minute"
        if self.d is not None:
            return "day"
        return "month" if self.mo is not None else "year"

    def iso(self) -> str:
        if self.y is None:
            out = f"--{self.mo:02d}"
        else:
            out = f"{self.y:04d}"
            if self.mo is not None:
                out += f"-{self.mo:02d}"
        if self.d is not None:
            out += f"-{self.d:02d}"
        if self.hh is not None and self.mi is not None:
            out += f"T{self.hh:02d}:{self.mi:02d}"
            if self.ss is not None:
                out += f":{self.ss:02d}"
            zone = seasonal_offset(self.zone, self) if self.zone and self.zone[0] == "@" else self.zone
            if zone:
                out += zone
        return out

    def valid(self) -> bool:
        if self.mo is not None and not 1 <= self.mo <= 12:
            return False
        if self.d is not None:
            assert self.mo is not None
            last = calendar.monthrange(self.y if self.y is not None else 2000, self.mo)[1]
            if not 1 <= self.d <= last:
                return False
        return True


def _nth_sunday(year: int, month: int, n: int) -> int:
    """Day of the ``n``-th Sunday of a month (``n = -1``: the last)."""
    days = calendar.monthrange(year, month)[1]
    sundays = [d for d in range(1, days + 1) if calendar.weekday(year, month, d) == calendar.SUNDAY]
    return sundays[n]


def seasonal_offset(zone: str, when: _Point) -> str | None:
    """The UTC offset of a zone that follows daylight saving time (``@us-05:00``, ``@eu+02:00``) at a local time.

    US rule (since 2007): summer time from 2:00 on the second Sunday of March
    to 2:00 on the first Sunday of November.  EU rule: from 1:00 UTC on the
    last Sunday of March to 1:00 UTC on the last Sunday of October (read in
    local time, to the hour).  Without a year the offset is unknown: None.

    >>> seasonal_offset("@us-05:00", _Point(2024, 3, 12, 9, 14)), seasonal_offset("@us-05:00", _Point(2024, 1, 5, 9))
    ('-04:00', '-05:00')
    >>> seasonal_offset("@eu+02:00", _Point(2022, 7, 1, 12)), seasonal_offset("@eu+00:00", _Point(2022, 12, 1, 12))
    ('+03:00', 'Z')
    """
    rule, standard = zone[1:3], zone[3:]
    if when.y is None or when.mo is None or when.d is None:
        return None
    sign = -1 if standard[0] in "-−" else 1
    hours = sign * int(standard[1:3])
    local = (when.mo, when.d, when.hh or 0)
    if rule == "us":
        summer = (3, _nth_sunday(when.y, 3, 1), 2) <= local < (11, _nth_sunday(when.y, 11, 0), 2)
    else:
        switch = 1 + hours  # 1:00 UTC in local standard time
        summer = (3, _nth_sunday(when.y, 3, -1), switch) <= local < (10, _nth_sunday(when.y, 10, -1), switch + 1)
    hours += summer
    if hours == 0:
        return "Z"
    return f"{'-' if hours < 0 else '+'}{abs(hours):02d}:{standard[4:6]}"


@attrs.frozen
class _Raw:
    """A grammar match that passed the context-free checks, before resolution."""

    start: int
    end: int
    rule: str
    kind: str
    points: tuple[_Point, ...] = ()
    lang: str | None = None
    # numeric forms: the readings in order (label, point)
    readings: tuple[tuple[str, _Point], ...] = ()
    sep: str = ""
    # relative forms: (unit, amount, time) — unit in day/week/month/year/hour/minute
    rel: tuple[str, int] | None = None
    time: tuple[int, int, int | None, str | None] | None = None
    grain: str = ""
    # a bare weekday: (direction, ISO weekday); direction -1 before the reference, 1 after it, 0 either
    weekday: tuple[int, int] | None = None


def coerce_reference(reference: Reference) -> dt.datetime | dt.date | None:
    """A ``date``/``datetime`` from a reference given as either or as an ISO string.

    >>> coerce_reference("2022-01-06T13:15+03:00")
    datetime.datetime(2022, 1, 6, 13, 15, tzinfo=datetime.timezone(datetime.timedelta(seconds=10800)))
    >>> coerce_reference("2022-01-06"), coerce_reference("2022"), coerce_reference(None)
    (datetime.date(2022, 1, 6), None, None)
    """
    if reference is None or isinstance(reference, dt.date):
        return reference
    if isinstance(reference, str):
        s = reference.strip()
        try:
            if len(s) == 10:
                return dt.date.fromisoformat(s)
            return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            return None
    raise TypeError(f"reference must be a date, datetime, ISO string or None, not {type(reference).__name__}")


# ---------------------------------------------------------------------------
# scanning


def _mid(text: str, pos: int) -> bool:
    """``mid-2020``: the one hyphen glued to a year that still reads as a date."""
    return text[pos - 1] == "-" and text[max(0, pos - 4) : pos - 1].lower() == "mid"


def _has_cyrillic(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` holds a Russian letter; fast on the usual text that holds none.

    A Cyrillic character has the byte 0x04 high in UTF-16: one ``bytes.find``
    rules most texts out; the first such character sends the question to the
    exact (slower) pattern.

    >>> _has_cyrillic("naïve “quotes” Ą", 0, 16), _has_cyrillic("x Привет", 0, 8), _has_cyrillic("x Привет", 0, 2)
    (False, True, False)
    """
    if text.isascii():
        return False
    enc = text[lo:hi].encode("utf-16-le", "surrogatepass")
    i = enc.find(b"\x04")
    while i >= 0:
        if i & 1:
            return _CYR.search(text, lo, hi) is not None
        i = enc.find(b"\x04", i + 1)
    return False


def _word_triggers(text: str, lex: Lexicon, lo: int, hi: int, out: list[int], *, latin_months: bool = True) -> None:
    """Month names and literal words (``ago``, ``вчера``) starting in ``text[lo:hi]``, appended to ``out``.

    ``latin_months=False`` leaves out the capitalised Latin month names (the
    whole-text scan of :func:`_triggers` finds them with the digits).
    """
    scans: list[tuple[re.Pattern[str] | None, tuple[str, ...]]] = [
        (lex.scan_latin if latin_months else None, lex.find_latin)
    ]
    if _has_cyrillic(text, lo, hi):
        scans.append((lex.scan_cyrillic, lex.find_cyrillic))
    for scanner, literals in scans:
        if scanner is not None:
            for m in scanner.finditer(text, lo, hi):  # a literal trie: it sees no further than its word
                _month_trigger(text, m.start(), out)
        find = text.find
        for word in literals:
            i = find(word, lo, hi)
            while i >= 0:
                j = i
                while j > 0 and i - j < 24 and text[j - 1].isalpha():
                    j -= 1  # the literal may start inside its word ("esterday", "чера" in "позавчера")
                if j == 0 or not text[j - 1].isalpha():
                    out.append(j)
                i = find(word, i + 1, hi)


def _month_trigger(text: str, i: int, out: list[int]) -> None:
    """A month name found at ``i`` counts when it starts its word."""
    if i == 0 or not text[i - 1].isalpha():
        out.append(i)


def _triggers(text: str, lex: Lexicon, spans: list[tuple[int, int]] | None = None) -> list[int]:
    """Sorted positions worth a look: in the whole text, or only in ``spans`` (whole lines).

    Digit runs of at most four digits, not glued to a word or a number
    before them, count when a digit-led form can start there or a word
    that can lead a date stands just before (the lexicon's ``scan_triggers``
    and ``scan_steps``): no other run can be part of a date.  The regexes
    always see the whole text, so a run near a span's end is judged as in a
    whole-text scan.  The whole-text scan finds the capitalised Latin month
    names too (group ``word``).
    """
    after_word = lex.scan_steps.match
    scan = lex.scan_triggers
    trig: list[int] = []
    for lo, hi in ((0, len(text)),) if spans is None else spans:
        if spans is None:
            found: Iterable[re.Match[str] | None] = scan.finditer(text)
        else:  # a short line: try its digit runs one by one, each seeing the whole text
            found = (scan.match(text, r.start()) for r in _DIGIT_RUN.finditer(text, lo, hi))
        for m in found:
            if m is None:
                continue
            if m.group("word") is not None:
                _month_trigger(text, m.start(), trig)
                continue
            if m.group("keep") is None:  # after a blank: keep it when a word that can lead a date is before
                end = m.end()
                # the reversed window holds the character after the run, the run, and all the step scan reads
                if after_word(text[max(0, end - STEP_WINDOW) : end + 1][::-1], 1 if end < len(text) else 0) is None:
                    continue
            trig.append(m.start())
        _word_triggers(text, lex, lo, hi, trig, latin_months=spans is not None)
    trig.sort()
    return trig


def _back_candidates(text: str, pos: int, lex: Lexicon) -> list[int]:
    """Starts worth trying for a trigger at ``pos``: known words just before it, earliest first."""
    cands = [pos]
    if pos == 0:
        return cands
    if text[pos - 1] not in _BLANKS:
        if _mid(text, pos) and (pos < 5 or not text[pos - 5].isalnum()):
            cands.insert(0, pos - 4)
        return cands
    for _ in range(4):
        j = pos
        k = 0
        while j > 0 and text[j - 1] in _BLANKS and k < 4:
            j -= 1
            k += 1
        if k == 0:
            break
        if j > 0 and text[j - 1] in ",.":
            j -= 1
        e = j
        while j > 0 and text[j - 1].isalpha() and e - j < 24:
            j -= 1
        if j == e or (j > 0 and (text[j - 1].isalnum() or text[j - 1] == "-")):
            break
        if text[j:e].lower() not in lex.step_words:
            break
        cands.append(j)
        pos = j
    cands.reverse()
    return cands


def _scan(text: str, lex: Lexicon, spans: list[tuple[int, int]] | None = None) -> Iterator[_Raw]:
    match_digit = lex.master_digit.match
    match_word = lex.master_word.match
    forms = lex.forms
    last_end = 0
    tried: set[int] = set()
    for t in _triggers(text, lex, spans):
        if t < last_end:
            continue
        for c in _back_candidates(text, t, lex):
            if c < last_end or c in tried:
                continue
            tried.add(c)
            d = match_digit(text, c) if text[c].isdigit() else match_word(text, c)
            if d is None or d.end() <= t:
                continue
            name = (d.lastgroup or "f_")[2:]
            m = forms[name].match(text, c)
            if m is None or m.end() <= t:
                continue
            raw = _interpret(name, m, text, lex)
            if raw is None:
                continue
            yield raw
            last_end = raw.end
            break


# ---------------------------------------------------------------------------
# reading a match


def _month(m: re.Match[str], p: str, lex: Lexicon) -> tuple[int, str] | None:
    tok = m.group(p + "mon")
    if tok is None:
        return None
    key = tok.rstrip(".").lower()
    if key in lex.capitalised_only and not tok[0].isupper():
        return None
    return lex.months[key], lex.month_lang[key]


def _year(m: re.Match[str], p: str) -> int | None:
    y = m.group(p + "y")
    return int(y) if y is not None else None


def _time(m: re.Match[str], p: str, lex: Lexicon) -> tuple[int, int, int | None, str | None] | None:
    """``(hour, minute, second, zone)`` of the time tail, or None when absent; raises on a bad time."""
    hh = m.group(p + "H")
    if hh is None:
        h12 = m.group(p + "h")
        if h12 is None:
            return None
        hour, minute, sec, ap = int(h12), 0, None, m.group(p + "ap2")
    else:
        hour, minute = int(hh), int(m.group(p + "M"))
        s = m.group(p + "S")
        sec = int(s) if s is not None else None
        ap = m.group(p + "ap")
    if ap:
        if not 1 <= hour <= 12:
            raise ValueError("12-hour clock out of range")
        pm = ap.lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    return hour, minute, sec, _zone(m, p, lex)


def _zone(m: re.Match[str], p: str, lex: Lexicon) -> str | None:
    if p + "zz" not in m.re.groupindex:
        return None
    zz, zo, zm, zp, zq, zn = m.group(p + "zz", p + "zo", p + "zm", p + "zp", p + "zq", p + "zn")
    if zz:
        return "Z"
    if zo or zm:
        return _offset(zo or zm)
    tok = zp or zq or zn
    if not tok:
        return None
    low = " ".join(tok.lower().split())
    if low in lex.zones:
        return lex.zones[low]
    mo = re.match(r"(.*?)([+\-−]\d\d?(?::?\d\d)?)$", low)
    if mo and (mo.group(1) in ("utc", "gmt") or not mo.group(1)):
        return _offset(mo.group(2))
    return None


def _offset(tok: str) -> str:
    sign = "-" if tok[0] in "-−" else "+"
    digits = tok[1:].replace(":", "")
    if len(digits) <= 2:
        hh, mm = int(digits), 0
    else:
        hh, mm = int(digits[:-2]), int(digits[-2:])
    if hh == 0 and mm == 0:
        return "Z" if sign == "+" else "+00:00"
    return f"{sign}{hh:02d}:{mm:02d}"


def _with_time(pt: _Point, tm: tuple[int, int, int | None, str | None] | None) -> _Point:
    if tm is None:
        return pt
    return _Point(pt.y, pt.mo, pt.d, tm[0], tm[1], tm[2], tm[3])


def _digit_guard(text: str, start: int) -> bool:
    """False when a digit-led match is glued to what precedes it (``COVID-19``, ``v1.2.2020``)."""
    if start == 0:
        return True
    ch = text[start - 1]
    return not (ch.isalnum() or ch in _BAD_BEFORE_DIGIT)


def _prev_word(text: str, start: int) -> str:
    j = start
    while j > 0 and text[j - 1] in _BLANKS:
        j -= 1
    e = j
    while j > 0 and text[j - 1].isalpha() and e - j < 24:
        j -= 1
    return text[j:e].lower()


_NEXT_WORD = re.compile(r"[ \t\u00a0]*([^\W\d_]+)")


def _next_word(text: str, end: int) -> str:
    mo = _NEXT_WORD.match(text, end, end + 40)
    return mo.group(1) if mo else ""


def _interpret(form: str, m: re.Match[str], text: str, lex: Lexicon) -> _Raw | None:
    start, end = m.start(), m.end()
    if text[start].isdigit() and not _digit_guard(text, start):
        return None
    try:
        return _READERS[form](m, text, lex, start, end)
    except ValueError:
        return None


def _read_iso(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    pt = _Point(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
    pt = _with_time(pt, _time(m, "iso", lex))
    return _Raw(start, end, "iso", "date", (pt,)) if pt.valid() else None


def _numeric_readings(m: re.Match[str], p: str) -> tuple[tuple[tuple[str, _Point], ...], str] | None:
    a_s, b_s, y_s, sep = m.group(p + "a"), m.group(p + "b"), m.group(p + "y"), m.group(p + "s")
    a, b = int(a_s), int(b_s)
    if len(y_s) == 2:
        if sep == "-" or (sep == "." and (len(b_s) != 2 or len(a_s) != 2)):
            return None
        if sep == "/" and a > 31 and b > 31:
            return None
    readings: list[tuple[str, _Point]] = []
    y = int(y_s)
    # a two-digit year is kept as -(yy + 1) until resolution expands it against the reference
    yy = -(y + 1) if len(y_s) == 2 else y
    for label, mo, d in (("DMY", b, a), ("MDY", a, b)):
        if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(2000, mo)[1]:
            readings.append((label, _Point(yy, mo, d)))
    if len(y_s) == 2 and 1 <= b <= 12 and 1 <= y <= calendar.monthrange(2000, b)[1]:
        readings.append(("YMD", _Point(-(a + 1), b, y)))  # 22.01.06 → 2022-01-06, only when asked for
    if not readings:
        return None
    return tuple(readings), sep


def _read_num(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    res = _numeric_readings(m, "num")
    if res is None or _prev_word(text, m.start("numa")) in _VERSION_WORDS:
        return None
    readings, sep = res
    tm = _time(m, "num", lex)
    readings = tuple((lab, _with_time(pt, tm)) for lab, pt in readings)
    return _Raw(start, end, "num", "date", readings=readings, sep=sep)


def _read_dmt(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    pt = _with_time(_Point(None, int(m.group("dmtb")), int(m.group("dmta"))), _time(m, "dmt", lex))
    return _Raw(start, end, "dmt", "date", (pt,)) if pt.valid() else None


def _read_tf(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    tm = _time(m, "tf", lex)
    if m.group("tfna") is not None:
        res = _numeric_readings(m, "tfn")
        if res is None:
            return None
        readings, sep = res
        readings = tuple((lab, _with_time(pt, tm)) for lab, pt in readings)
        return _Raw(start, end, "tf", "date", readings=readings, sep=sep)
    p = "tfd" if m.group("tfdmon") else "tfm"
    mon = _month(m, p, lex)
    if mon is None:
        return None
    pt = _with_time(_Point(_year(m, p), mon[0], int(m.group(p + "d"))), tm)
    return _Raw(start, end, "tf", "date", (pt,), lang=mon[1]) if pt.valid() else None


def _read_dm(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    mon = _month(m, "dm", lex)
    if mon is None:
        return None
    pt = _with_time(_Point(_year(m, "dm"), mon[0], int(m.group("dmd"))), _time(m, "dm", lex))
    return _Raw(start, end, "dm", "date", (pt,), lang=mon[1]) if pt.valid() else None


def _read_md(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    mon = _month(m, "md", lex)
    if mon is None:
        return None
    pt = _with_time(_Point(_year(m, "md"), mon[0], int(m.group("mdd"))), _time(m, "md", lex))
    return _Raw(start, end, "md", "date", (pt,), lang=mon[1]) if pt.valid() else None


def _range(p1: _Point, p2: _Point) -> tuple[_Point, _Point] | None:
    """Fill the first end's missing month/year from the second; check order."""
    mo1 = p1.mo if p1.mo is not None else p2.mo
    y1 = p1.y if p1.y is not None else p2.y
    if p1.y is None and p2.y is not None and mo1 is not None and p2.mo is not None and mo1 > p2.mo:
        y1 = p2.y - 1  # 30 декабря – 2 января 2022
    a = attrs.evolve(p1, y=y1, mo=mo1)
    if not (a.valid() and p2.valid()):
        return None
    if a.y is not None and p2.y is not None:
        ka = (a.y, a.mo or 0, a.d or 0)
        kb = (p2.y, p2.mo or 0, p2.d or 0)
        if ka >= kb:
            return None
    elif a.mo == p2.mo and (a.d or 0) >= (p2.d or 0):
        return None
    return a, p2


def _read_day_range(
    form: str, m: re.Match[str], lex: Lexicon, span: tuple[int, int], parts: tuple[str, str]
) -> _Raw | None:
    start, end = span
    p1, p2 = parts
    mon2 = _month(m, p2, lex)
    if mon2 is None:
        return None
    mon1 = _month(m, p1, lex) if m.group(p1 + "mon") else None
    if m.group(p1 + "mon") and mon1 is None:
        return None
    one = _Point(_year(m, p1), mon1[0] if mon1 else None, int(m.group(p1 + "d")))
    two = _Point(_year(m, p2), mon2[0], int(m.group(p2 + "d")))
    pts = _range(one, two)
    return _Raw(start, end, form, "range", pts, lang=mon2[1]) if pts else None


def _read_dr(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    return _read_day_range("dr", m, lex, (start, end), ("dr1", "dr2"))


def _read_rpd(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    if not _joiner_ok(m, "rpd", lex):
        return None
    return _read_day_range("rpd", m, lex, (start, end), ("rpd1", "rpd2"))


def _joiner_ok(m: re.Match[str], p: str, lex: Lexicon) -> bool:
    pre = m.group(p + "_pre").lower()
    join = " ".join(m.group(p + "_j").split()).lower()
    allowed = lex.range_prefixes.get(pre, frozenset())
    return join in allowed or (join in "-–—" and "-" in allowed)


def _read_month_day_range(
    form: str, m: re.Match[str], lex: Lexicon, span: tuple[int, int], parts: tuple[str, str]
) -> _Raw | None:
    start, end = span
    p1, p2 = parts
    mon1 = _month(m, p1, lex)
    if mon1 is None:
        return None
    mon2 = _month(m, p2, lex) if m.group(p2 + "mon") else mon1
    if mon2 is None:
        return None
    y1, y2 = _year(m, p1), _year(m, p2)
    one = _Point(y1, mon1[0], int(m.group(p1 + "d")))
    two = _Point(y2 if y2 is not None else y1, mon2[0], int(m.group(p2 + "d")))
    pts = _range(one, two)
    return _Raw(start, end, form, "range", pts, lang=mon1[1]) if pts else None


def _read_mr(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    return _read_month_day_range("mr", m, lex, (start, end), ("mr1", "mr2"))


def _read_rpm(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    if not _joiner_ok(m, "rpm", lex):
        return None
    return _read_month_day_range("rpm", m, lex, (start, end), ("rpm1", "rpm2"))


def _read_rpy(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    if not _joiner_ok(m, "rpy", lex):
        return None
    y1, y2 = _year(m, "rpy1"), _year(m, "rpy2")
    assert y1 is not None and y2 is not None
    if not y1 < y2 <= y1 + 200:
        return None
    return _Raw(start, end, "rpy", "range", (_Point(y1), _Point(y2)))


def _read_myr(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    mon1, mon2 = _month(m, "myr1", lex), _month(m, "myr2", lex)
    if mon1 is None or mon2 is None:
        return None
    y2 = _year(m, "myr2")
    assert y2 is not None
    y1 = _year(m, "myr1") or (y2 if mon1[0] < mon2[0] else y2 - 1)
    if (y1, mon1[0]) >= (y2, mon2[0]):
        return None
    return _Raw(start, end, "myr", "range", (_Point(y1, mon1[0]), _Point(y2, mon2[0])), lang=mon1[1])


def _read_my(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    mon = _month(m, "my", lex)
    if mon is None:
        return None
    return _Raw(start, end, "my", "date", (_Point(_year(m, "my"), mon[0]),), lang=mon[1])


def _read_yr(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    y1 = _year(m, "yr1")
    assert y1 is not None
    raw2 = m.group("yr2")
    y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
    if not y1 < y2 <= y1 + 100:
        return None
    if not (m.group("yr2ys") or m.group("yr1ys") or _prev_word(text, start) in lex.year_prepositions):
        return None
    return _Raw(start, end, "yr", "range", (_Point(y1), _Point(y2)))


def _read_dec(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    y = int(m.group("dec_y"))
    return _Raw(start, end, "dec", "date", (_Point(y), _Point(y + 9)), grain="decade")


def _read_ysf(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    if not m.group("ysfys"):
        return None
    return _Raw(start, end, "ysf", "date", (_Point(_year(m, "ysf")),), lang="ru")


def _read_yp(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    pre = m.group("yp_pre").lower().split()[0]
    y = _year(m, "yp")
    assert y is not None
    s = m.start("ypy")
    has_sfx = bool(m.group("ypys"))
    if not has_sfx:
        if not 1700 <= y <= 2199:
            return None
        glued = text[end : end + 2]
        if glued[:1].isalpha() or (glued[:1] in "-'’" and glued[1:2].isalpha()):
            return None  # "1990-х", "1980s": a decade, read by its own form
        tail = text[end : end + 4].lstrip(" \t\u00a0")
        if tail[:1] == "%" or (tail[:1] in ".,-–—" and tail[1:].lstrip(" \t\u00a0")[:1].isdigit()):
            return None
        nxt = _next_word(text, end)
        if pre == "of" and _prev_word(text, m.start()) == "out":
            return None  # "one out of 2000."
        # "с"/"до"/"of" + a bare number is usually a quantity: only before punctuation or the line end
        if pre in lex.year_prepositions_strict and (nxt or tail[:1].isalnum()):
            return None
        if nxt:
            if _CYR.match(nxt) and nxt.lower() not in _RU_AFTER_YEAR_OK:
                return None
            if nxt in _COUNTED or (nxt.islower() and nxt.endswith("s") and nxt not in _FN_WORDS and _LAT.match(nxt)):
                return None
    return _Raw(s, end, "yp", "date", (_Point(y),))


def _read_rd(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    rel = lex.relative_days[" ".join(m.group("rd_w").lower().split())]
    tm = _time(m, "rd", lex)
    if rel.needs_time and tm is None:
        return None
    return _Raw(start, end, "rd", "relative", rel=("day", rel.days), time=tm, lang=rel.lang)


def _read_wr(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    direction, lang = lex.weekday_phrases[" ".join(m.group("wr_pre").lower().split())]
    word = m.group("wr_wd")
    if lang == "en" and not word[0].isupper():
        return None  # "on friday" in lower case is rare in edited text; "on sunday school" …
    day = lex.weekdays[word.lower()]
    return _Raw(start, end, "wr", "relative", time=_time(m, "wr", lex), lang=lang, weekday=(direction, day))


def _read_pe(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    mod = lex.period_modifiers[m.group("pe_mod").lower()]
    unit = lex.period_units[m.group("pe_u").lower()]
    s = m.start("pe_mod")
    return _Raw(s, end, "pe", "relative", rel=(unit, mod), grain=unit)


def _read_ago(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    n_tok = m.group("ago_n")
    lang = lex.ago_words[" ".join(m.group("ago_w").lower().split())]
    if n_tok is None:
        if m.group("ago_u").lower() not in lex.ago_singular:
            return None  # "несколько дней назад": a count is missing; "неделю назад" is one week
        n = 1
    else:
        n = int(n_tok) if n_tok.isdigit() else lex.numbers[n_tok.lower()]
    if n == 0:
        return None
    unit = lex.ago_units[m.group("ago_u").lower()]
    grain = {"week": "day"}.get(unit, unit)
    return _Raw(start, end, "ago", "relative", rel=(unit, -n), grain=grain, lang=lang)


def _read_bm(m: re.Match[str], text: str, lex: Lexicon, start: int, end: int) -> _Raw | None:
    tok = m.group("bm_mon")
    key = tok.lower()
    lang = lex.month_lang[key]
    if lang == "en" and not tok[0].isupper():
        return None
    return _Raw(m.start("bm_mon"), end, "bm", "date", (_Point(None, lex.months[key]),), lang=lang)


_READERS = {
    "rpd": _read_rpd,
    "rpm": _read_rpm,
    "rpy": _read_rpy,
    "iso": _read_iso,
    "tf": _read_tf,
    "num": _read_num,
    "dmt": _read_dmt,
    "dr": _read_dr,
    "dm": _read_dm,
    "mr": _read_mr,
    "md": _read_md,
    "myr": _read_myr,
    "my": _read_my,
    "yr": _read_yr,
    "dec": _read_dec,
    "ysf": _read_ysf,
    "yp": _read_yp,
    "rd": _read_rd,
    "pe": _read_pe,
    "ago": _read_ago,
    "bm": _read_bm,
    "wr": _read_wr,
}


# ---------------------------------------------------------------------------
# resolution


def _expand_year(yy: int, ref: dt.date | None) -> int:
    pivot = (ref.year % 100 + 10) if ref is not None else 49
    century = (ref.year // 100 * 100) if ref is not None else 2000
    year = century + yy
    if yy > pivot:
        year -= 100
    return year


def _infer_year(pt: _Point, ref: dt.date, prefer: str) -> _Point:
    assert pt.mo is not None
    options = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        cand = attrs.evolve(pt, y=y)
        if not cand.valid():
            continue
        first = dt.date(y, pt.mo, pt.d or 1)
        last = dt.date(y, pt.mo, pt.d or calendar.monthrange(y, pt.mo)[1])
        options.append((cand, first, last))
    if not options:
        return pt
    if prefer == "past":
        past = [o for o in options if o[1] <= ref]
        return (past[-1] if past else options[0])[0]
    if prefer == "future":
        fut = [o for o in options if o[2] >= ref]
        return (fut[0] if fut else options[-1])[0]

    def dist(o: tuple[_Point, dt.date, dt.date]) -> int:
        if o[1] <= ref <= o[2]:
            return 0
        return min(abs((o[1] - ref).days), abs((o[2] - ref).days))

    return min(options, key=dist)[0]


def _weekday_mention(raw: _Raw, snippet: str, ref: dt.date | None, prefer: str) -> Mention:
    """A bare weekday ("on Friday", "в прошлую пятницу") as the day it names next to ``ref``.

    "last"/"в прошлую" is the latest such day before the reference, "next"/"в
    следующую" the first after it; "on"/"в" is the reference's own day when
    it is that weekday, else the day before or after it by ``prefer``
    (``nearest``: the closer one), marked ambiguous with the other one as
    alternative: only the tense of the sentence tells them apart.

    >>> r = _Raw(0, 9, "wr", "relative", weekday=(0, 5))
    >>> m = _weekday_mention(r, "on Friday", dt.date(2024, 3, 13), "past")
    >>> m.value, m.ambiguous, m.alternatives
    ('2024-03-08', True, ('2024-03-15',))
    >>> _weekday_mention(r, "on Friday", dt.date(2024, 3, 13), "nearest").value
    '2024-03-15'
    >>> _weekday_mention(r, "on Friday", None, "past").value is None
    True
    """
    assert raw.weekday is not None
    direction, day = raw.weekday
    grain = "minute" if raw.time else "day"
    if ref is None:
        return Mention(raw.start, raw.end, snippet, None, grain, "relative", lang=raw.lang, rule=raw.rule)
    ahead = (day - ref.isoweekday()) % 7  # days to the next such day (0: today)
    before = ref - dt.timedelta(days=(7 - ahead) % 7 or 7)
    after = ref + dt.timedelta(days=ahead or 7)
    alternatives: tuple[dt.date, ...] = ()
    if direction < 0:
        target = before
    elif direction > 0:
        target = after
    elif ahead == 0:
        target = ref
    else:
        near = before if (ref - before) <= (after - ref) else after
        target = {"past": before, "future": after}.get(prefer, near)
        alternatives = (after if target == before else before,)

    def iso(d: dt.date) -> str:
        return _with_time(_Point(d.year, d.month, d.day), raw.time).iso()

    return Mention(
        raw.start,
        raw.end,
        snippet,
        iso(target),
        grain,
        "relative",
        bool(alternatives),
        tuple(map(iso, alternatives)),
        lang=raw.lang,
        rule=raw.rule,
    )


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _relative_value(raw: _Raw, ref: dt.date | dt.datetime | None) -> tuple[str | None, str]:
    assert raw.rel is not None
    unit, n = raw.rel
    grain = raw.grain or unit
    if ref is None:
        return None, ("minute" if raw.time else grain)
    day = ref.date() if isinstance(ref, dt.datetime) else ref
    if unit == "day":
        target = day + dt.timedelta(days=n)
        if raw.time:
            pt = _with_time(_Point(target.year, target.month, target.day), raw.time)
            return pt.iso(), pt.grain
        return target.isoformat(), "day"
    if unit == "week":
        if raw.rule == "ago":
            return (day + dt.timedelta(days=7 * n)).isoformat(), "day"
        iso = (day + dt.timedelta(days=7 * n)).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}", "week"
    if unit == "month":
        y, mo = _add_months(day, n)
        return f"{y:04d}-{mo:02d}", "month"
    if unit == "year":
        return f"{day.year + n:04d}", "year"
    # hours and minutes need a clock time on the reference
    if not isinstance(ref, dt.datetime):
        return None, unit
    delta = dt.timedelta(hours=n) if unit == "hour" else dt.timedelta(minutes=n)
    t = ref + delta
    if unit == "hour":
        return t.strftime("%Y-%m-%dT%H"), "hour"
    return t.strftime("%Y-%m-%dT%H:%M"), "minute"


def _context_ru(text: str, start: int, end: int, languages: tuple[str, ...]) -> bool:
    if "ru" not in languages:
        return False
    if "en" not in languages:
        return True
    window = text[max(0, start - 200) : end + 200]
    return len(_CYR.findall(window)) > len(_LAT.findall(window))


def _order_evidence(raws: list[_Raw]) -> dict[str, str]:
    """Per separator, the day/month order that unambiguous numeric dates in the document use."""
    votes: dict[str, dict[str, int]] = {}
    for raw in raws:
        if not raw.readings or raw.sep == ".":
            continue
        labels = {lab for lab, _ in raw.readings if lab != "YMD"}
        if len(labels) == 1:
            (lab,) = labels
            votes.setdefault(raw.sep, {}).setdefault(lab, 0)
            votes[raw.sep][lab] += 1
    out = {}
    for sep, v in votes.items():
        if len(v) == 1:
            out[sep] = next(iter(v))
    return out


def _fix_year(pt: _Point, ref: dt.date | None) -> _Point:
    if pt.y is not None and pt.y < 0:
        return attrs.evolve(pt, y=_expand_year(-pt.y - 1, ref))
    return pt


def _numeric(
    raw: _Raw, *, text: str, ref: dt.date | None, order: str, evidence: dict[str, str], languages: tuple[str, ...]
) -> tuple[_Point, tuple[_Point, ...], bool] | None:
    """Pick the reading of a numeric date: (point, alternatives, ambiguous)."""
    readings: dict[str, _Point] = {}
    for lab, pt in raw.readings:
        pt = _fix_year(pt, ref)
        if pt.valid():
            readings[lab] = pt
    if order == "YMD" and "YMD" in readings:
        return readings["YMD"], (), False
    readings.pop("YMD", None)
    if not readings:
        return None
    if order in ("DMY", "MDY"):
        if order not in readings:
            return None
        return readings[order], (), False
    if len(readings) == 1 or readings.get("DMY") == readings.get("MDY"):
        return next(iter(readings.values())), (), False
    if raw.sep == ".":
        return readings["DMY"], (), False
    if raw.sep in evidence:
        return readings[evidence[raw.sep]], (), False
    if _context_ru(text, raw.start, raw.end, languages):
        return readings["DMY"], (), False
    return readings["MDY"], (readings["DMY"],), True


def _resolve(
    raw: _Raw,
    *,
    text: str,
    ref: dt.date | dt.datetime | None,
    order: str,
    prefer: str,
    evidence: dict[str, str],
    languages: tuple[str, ...],
) -> Mention | None:
    day_ref = ref.date() if isinstance(ref, dt.datetime) else ref
    snippet = text[raw.start : raw.end]
    if raw.weekday is not None:
        return _weekday_mention(raw, snippet, day_ref, prefer)
    if raw.kind == "relative":
        value, grain = _relative_value(raw, ref)
        return Mention(raw.start, raw.end, snippet, value, grain, "relative", lang=raw.lang, rule=raw.rule)
    alternatives: tuple[_Point, ...] = ()
    ambiguous = False
    if raw.readings:
        picked = _numeric(raw, text=text, ref=day_ref, order=order, evidence=evidence, languages=languages)
        if picked is None:
            return None
        point, alternatives, ambiguous = picked
        points: tuple[_Point, ...] = (point,)
    else:
        points = raw.points
    inferred = False
    if day_ref is not None and any(p.y is None for p in points):
        anchor = next(p for p in reversed(points) if p.y is None)
        fixed = _infer_year(anchor, day_ref, prefer)
        assert fixed.y is not None
        shift = fixed.y
        new = []
        for p in points:
            if p.y is None:
                y = shift
                if len(points) == 2 and p is points[0] and p.mo is not None and points[1].mo is not None:
                    y = shift - 1 if p.mo > points[1].mo else shift
                p = attrs.evolve(p, y=y)
            new.append(p)
        points = tuple(new)
        inferred = True
    if raw.grain == "decade":
        return Mention(
            raw.start, raw.end, snippet, f"{points[0].y:04d}/{points[1].y:04d}", "decade", "range", rule=raw.rule
        )
    value = "/".join(p.iso() for p in points)
    kind = "range" if len(points) == 2 else "date"
    return Mention(
        raw.start,
        raw.end,
        snippet,
        value,
        points[0].grain,
        kind,
        ambiguous,
        tuple(p.iso() for p in alternatives),
        inferred,
        raw.lang,
        raw.rule,
    )


def _merge_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """``06.01.2022 – 08.01.2022`` → one range mention."""
    out: list[Mention] = []
    for m in mentions:
        if out:
            prev = out[-1]
            if (
                prev.kind == m.kind == "date"
                and prev.grain == m.grain
                and prev.value
                and m.value
                and not prev.ambiguous
                and not m.ambiguous
                and m.start - prev.end <= 5
                and _DASH_BETWEEN.match(text, prev.end, m.start)
                and prev.value < m.value
                and not prev.value.startswith("--")
                and not m.value.startswith("--")
            ):
                out[-1] = Mention(
                    prev.start,
                    m.end,
                    text[prev.start : m.end],
                    f"{prev.value}/{m.value}",
                    prev.grain,
                    "range",
                    year_inferred=prev.year_inferred or m.year_inferred,
                    lang=prev.lang or m.lang,
                    rule=prev.rule + "+" + m.rule,
                )
                continue
        out.append(m)
    return out


def find_mentions(
    text: str,
    *,
    reference: Reference = None,
    languages: tuple[str, ...] = ("ru", "en"),
    date_order: str = "auto",
    prefer: str = "nearest",
) -> list[Mention]:
    """All date mentions in ``text``, resolved against ``reference`` (no document inference)."""
    if date_order not in ("auto", "DMY", "MDY", "YMD"):
        raise ValueError(f"date_order must be 'auto', 'DMY', 'MDY' or 'YMD', not {date_order!r}")
    if prefer not in ("past", "future", "nearest"):
        raise ValueError(f"prefer must be 'past', 'future' or 'nearest', not {prefer!r}")
    lex = lexicon(tuple(languages))
    ref = coerce_reference(reference)
    raws = list(_scan(text, lex))
    evidence = _order_evidence(raws) if date_order == "auto" else {}
    out = []
    for raw in raws:
        mention = _resolve(
            raw, text=text, ref=ref, order=date_order, prefer=prefer, evidence=evidence, languages=lex.languages
        )
        if mention is not None:
            out.append(mention)
    return _merge_ranges(text, out)


def _order_sensitive(raw: _Raw) -> bool:
    """Whether the document's order evidence could decide this numeric date (``6/1/2022``)."""
    if not raw.readings or raw.sep == ".":
        return False
    labels = {lab for lab, _ in raw.readings}
    return "DMY" in labels and "MDY" in labels


def find_mentions_in_lines(
    text: str, spans: list[tuple[int, int]], *, languages: tuple[str, ...] = ("ru", "en"), date_order: str = "auto"
) -> list[Mention] | None:
    """The mentions of :func:`find_mentions` (no reference) that start in ``spans``, or None.

    ``spans`` are sorted, disjoint runs of whole lines of ``text``; the
    caller extends a span back over a line whose time's zone sits on the
    next line (``13:15\\n(MSK)``), the one way a mention crosses a line
    break.  Only the lines are scanned, so this is cheap on a long text.
    None when a day/month order in the spans would be decided by numeric
    dates elsewhere in the text: then only the whole scan gives the answer.

    >>> text = "Title\\n\\n06.01.2022 13:15\\n(MSK)\\nSee 5 January"
    >>> [(m.text, m.value) for m in find_mentions_in_lines(text, [(7, 29)])]
    [('06.01.2022 13:15\\n(MSK)', '2022-01-06T13:15+03:00')]
    >>> find_mentions_in_lines("on 6/1/2022", [(0, 11)]) is None
    True
    """
    lex = lexicon(tuple(languages))
    raws = list(_scan(text, lex, spans))
    if date_order == "auto" and any(_order_sensitive(raw) for raw in raws):
        return None
    out = []
    for raw in raws:
        mention = _resolve(
            raw, text=text, ref=None, order=date_order, prefer="nearest", evidence={}, languages=lex.languages
        )
        if mention is not None:
            out.append(mention)
    return _merge_ranges(text, out)
