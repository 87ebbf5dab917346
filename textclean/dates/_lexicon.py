"""Per-language word tables (``data/*.json``) compiled into one scanner.

The tables hold every month name in every case and short form, weekday names,
relative words ("вчера", "2 days ago", "last year"), prepositions that make a
bare year or month a date, header labels and time-zone names.  A
:class:`Lexicon` is built once per ``languages`` tuple (cached; it is
immutable) and holds the lookup dictionaries and the compiled grammar.

>>> lex = lexicon(("ru", "en"))
>>> lex.months["января"], lex.months["sept"], lex.zones["мск"]
(1, 9, '+03:00')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs

__all__ = ["LANGUAGES", "Lexicon", "RelativeDay", "lexicon", "load_language"]

#: Languages that ship a data file.
LANGUAGES = ("en", "ru")

S = "[ \\t\\u00a0\\u202f]"
SP = S + "+"
SPO = S + "*"
#: No letter follows (digits and punctuation may).
WB = "(?![^\\W\\d_])"
#: Blanks the finder steps over between words (no line breaks).
BLANKS = " \t\u00a0\u202f"
#: A digit run right after one of these is glued to it (``v1.2``, ``COVID-19``, ``$30``) and starts no date.
BAD_BEFORE_DIGIT = "./-+:_#$€£@%"


@attrs.frozen
class RelativeDay:
    """A word meaning a day relative to the reference (``вчера`` = -1)."""

    id: str
    days: int
    needs_time: bool
    lang: str


def load_language(lang: str) -> dict[str, Any]:
    """The raw data table of one language, as shipped in ``textclean/dates/data``.

    >>> load_language("en")["months"]["5"]["full"]
    ['may']
    """
    if lang not in LANGUAGES:
        raise ValueError(f"no date data for language {lang!r}; known: {', '.join(LANGUAGES)}")
    raw = resources.files("textclean.dates").joinpath("data").joinpath(f"{lang}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def _ci(ch: str) -> str:
    if ch == " ":
        return SP
    lo, up = ch.lower(), ch.upper()
    if lo != up and len(lo) == 1 and len(up) == 1:
        return f"[{lo}{up}]"
    return re.escape(ch)


def _trie(words: Iterable[str]) -> dict[str, Any]:
    """Nested dicts, one level a character; ``""`` marks the end of a word."""
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def _alt(words: Iterable[str]) -> str:
    """Regex for any of ``words`` as a character trie (fails at the first wrong letter).

    Longer words are tried before their prefixes; a space matches any blank run.

    Letters match either case (``[jJ]``): the patterns are compiled without
    ``re.IGNORECASE``, which is several times slower on long alternations.

    >>> _alt(["jan", "january", "june"])
    '[jJ](?:[aA][nN](?:[uU][aA][rR][yY])?|[uU][nN][eE])'
    """
    trie = _trie(words)

    def build(node: dict[str, Any]) -> str:
        branches = [_ci(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        end = "" in node
        if len(branches) == 1 and not end:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return build(trie) or "(?!)"


@attrs.frozen(eq=False)
class Lexicon:
    """Lookup tables and compiled patterns for a set of languages."""

    languages: tuple[str, ...]
    months: Mapping[str, int]
    month_lang: Mapping[str, str]
    month_full: frozenset[str]
    capitalised_only: frozenset[str]
    weekdays: Mapping[str, int]
    #: "on", "last", "в прошлую" … before a bare weekday -> (direction, lang); direction: -1 before the
    #: reference, 1 after it, 0 either
    weekday_phrases: Mapping[str, tuple[int, str]]
    relative_days: Mapping[str, RelativeDay]
    period_modifiers: Mapping[str, int]
    period_units: Mapping[str, str]
    ago_units: Mapping[str, str]
    ago_words: Mapping[str, str]
    ago_singular: frozenset[str]
    numbers: Mapping[str, int]
    year_prepositions: frozenset[str]
    year_prepositions_strict: frozenset[str]
    month_prepositions: frozenset[str]
    range_prefixes: Mapping[str, frozenset[str]]
    zones: Mapping[str, str]
    header_labels: tuple[tuple[str, str], ...]
    step_words: frozenset[str]
    trigger_words: tuple[str, ...]
    scan_latin: re.Pattern[str]
    scan_cyrillic: re.Pattern[str]
    find_latin: tuple[str, ...]
    find_cyrillic: tuple[str, ...]
    forms: Mapping[str, re.Pattern[str]]
    scan_triggers: re.Pattern[str]
    scan_steps: re.Pattern[str]
    master_digit: re.Pattern[str]
    master_word: re.Pattern[str]
    header: re.Pattern[str]


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def _scanner(words: Iterable[str]) -> re.Pattern[str]:
    """Case-sensitive literal trie: its first-letter set is small, so ``re`` skips most of the text."""
    return re.compile(_trie_pattern(_trie(words)) or "(?!)")


def _trie_pattern(node: dict[str, Any]) -> str:
    """The words of a case-sensitive trie as a pattern; a word's longer extensions are left out."""
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if "" in node:
        return ""  # a shorter word already triggers
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _digit_scanner(
    detector: str, follow: str = "", step_words: Iterable[str] = (), words: Iterable[str] = ()
) -> re.Pattern[str]:
    """Digit runs that can take part in a date, found in one C-level scan of the text.

    Only runs of at most four digits not glued to a word or a number
    before them count (``COVID-19``, ``v1.2``, ``$30``, ``10692`` do not).
    The group ``keep`` is set for a run where the digit-led ``detector``
    matches, one right after ``mid-``, and one after a single blank and a
    word of ``step_words`` (``in 2020``, ``January 5``; case-insensitive
    look-behinds, one per word length, a superset of the finder's own
    test).  ``follow`` (see :func:`_quick_follow`), a cheap test of what
    comes right after the run, is checked before the costly detector.
    Runs after two blanks or after a comma or a dot and a blank are matched
    without ``keep``: the finder checks the word before them (see
    :func:`_step_scanner`).  Other runs are skipped: nothing there can be a date.

    The case-sensitive literal ``words`` (capitalised month names) are found
    in the same scan, with the group ``word`` set: the pattern starts with
    one character class, digits and the words' first letters, so the engine
    skips at charset speed to the next place either can start.

    >>> scan = _digit_scanner(r"\\d\\d?:\\d\\d", step_words=["in"], words=["May"])
    >>> text = "In 2020, 15 people (COVID-19) at 12:30; mid-1990s; 10692 views; in, 3; kin 4; May"
    >>> [(m.group(), m.group("keep") is not None) for m in scan.finditer(text) if m.group("word") is None]
    [('2020', True), ('15', False), ('12', True), ('1990', True), ('3', False)]
    >>> [m.group() for m in scan.finditer(text) if m.group("word") is not None]
    ['May']
    """
    by_len: dict[int, set[str]] = {}
    for word in step_words:
        if word.isalpha() and len(word) <= STEP_WORD_CHARS:
            by_len.setdefault(len(word), set()).add(word)
    after_word = "|".join(f"(?<=(?<![^\\W_])(?<!-)(?i:{_alt(group)}){S}[0-9])" for _, group in sorted(by_len.items()))
    bad = re.escape(BAD_BEFORE_DIGIT)
    free = f"(?<![\\w{bad}][0-9])"
    digits = (
        f"(?:(?:(?<=[mM][iI][dD]-[0-9])|{free}"
        f"(?:(?<=(?=[0-9]{{1,4}}(?![0-9]){follow})(?=(?:{detector}))[0-9])|(?<=[^\\W\\d_]{S}[0-9])"
        f"(?:{after_word or '(?!)'})))"
        f"(?P<keep>)|{free}(?:(?<={S}{S}[0-9])|(?<=[,.]{S}[0-9])))"
        "[0-9]{0,3}(?![0-9])"
    )
    words = sorted(set(words))
    first = "".join(re.escape(ch) for ch in sorted({w[0] for w in words}))
    words_at = f"{_rest_pattern(words)}(?P<word>)" if first else "(?!)(?P<word>)"
    return re.compile(f"[0-9{first}](?:(?<=[0-9]){digits}|{words_at})")


def _rest_pattern(words: Iterable[str]) -> str:
    """The words after their first letter (already consumed), as a trie of the rests.

    Each word ends in a look-behind for the whole word, which checks the
    first letter; a letter that starts no rest fails at the first branch
    test (one look-behind per first letter made every capital letter of
    the text cost as many tests).

    >>> p = re.compile("[JM]" + _rest_pattern(["June", "July", "May"]))
    >>> [bool(p.match(w)) for w in ("June", "July", "May", "Jay", "Mune", "Jul")]
    [True, True, True, False, False, False]
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word[1:]:
            node = node.setdefault(ch, {})
        node.setdefault("", []).append(word)

    def build(node: dict[str, Any]) -> str:
        alts = [f"(?<={re.escape(w)})" for w in node.get("", [])]
        alts += [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


#: Words after a year that make it one (``2020 г.``, ``в 2020 году``); all start with ``г``.
YEAR_WORDS = ("годах", "годов", "годы", "года", "году", "год", "гг", "г")
#: Endings glued to a year by a hyphen (``2020-го``, ``2020-м``, ``2020-й``).
YEAR_HYPHEN = ("го", "м", "й")


def _quick_follow(after_blank: Iterable[str], glued: Iterable[str], after_hyphen: Iterable[str] = ()) -> str:
    """A cheap look-ahead that every digit-led date passes right after its first digit run.

    Next comes a separator and a digit (``06.01``, ``12:30``, ``6/1``), a
    dash and a digit, a dash or a blank (``2019-2020``, ``5 – 7``), a dot,
    blanks and a month (``5. Januar``), a glued suffix (``5th``, ``1990s``,
    ``2020г``, ``1990-х``: ``glued`` and the letters of ``after_hyphen``
    after a hyphen), a clock's ``am``/``pm``, or blanks and then a dash or a
    word that can follow a number in a date: the three first letters of
    ``after_blank`` (month names, ``of``, the units of ``3 days ago``,
    ``г.``/``года``).  ``15 people``, ``10692 views``, ``(15)``, ``3.``
    at a sentence's end fail it: the detector is not run there.  Letters
    match in both cases through ``[jJ]`` classes, as in the grammar itself
    (no ``re.IGNORECASE``, which is slower).

    >>> follow = re.compile(_quick_follow(["january", "days"], ["th", "-х"]))
    >>> [bool(follow.match(s)) for s in (" Jan", " DAYS", "th", " pm", ".5", ". Jan", "-х", "- 7", "–7")]
    [True, True, True, True, True, True, True, True, True]
    >>> [bool(follow.match(s)) for s in (" people", ")", ", 16", ". The", ":", "-inch", " Jab")]
    [False, False, False, False, False, False, False]
    """
    glued = list(glued)
    pre = {w[:3] for w in after_blank}
    first = {w[0] for w in glued if w[0] != "-"} | {"г", "a", "p"}
    hyphen = {w[1] for w in glued if w[0] == "-" and len(w) > 1} | {w[0] for w in after_hyphen}
    word = f"(?:{_alt(pre)})"
    return (
        f"(?:[./:](?=[0-9])|\\.{S}+{word}|[-–—](?=[0-9\\-–—]|{S})|-(?:{_alt(hyphen)})"
        f"|(?:{_alt(first)})|{S}+(?:[-–—]|[aApP]\\.?{SPO}[mM]|{word}))"
    )


#: The longest word the finder steps back over.
STEP_WORD_CHARS = 24


def _step_scanner(step_words: Iterable[str]) -> re.Pattern[str]:
    """Digit runs right after a word that can lead a date, found in one scan of the **reversed** text.

    A run of at most four digits with one to four blanks (and maybe a
    comma or a dot) between it and a whole word from ``step_words``
    (``in 2020``, ``January, 5``, ``с 3``): the finder steps back over such
    words.  The word test is case-insensitive, a superset of the finder's
    own lower-case comparison, which then decides.  Reversing the text
    turns the look back into a look ahead, so the scan stays linear.

    The run is matched at the position its end has in the reversed text.

    >>> scan = _step_scanner(["in"])
    >>> text = "In 2020, 15 people; kin 12; in  7"
    >>> rev = text[::-1]
    >>> [t for t, e in ((3, 7), (9, 11), (24, 26), (32, 33)) if scan.match(rev, len(text) - e)]
    [3, 32]
    """
    words = [w[::-1] for w in step_words if w.isalpha() and len(w) <= STEP_WORD_CHARS]
    return re.compile(f"[0-9](?<![0-9][0-9])[0-9]{{0,3}}(?![0-9])(?={S}{{1,4}}[,.]?(?i:{_alt(words)})(?![^\\W_]|-))")


def _literals(words: Iterable[str], *, cyrillic: bool) -> tuple[str, ...]:
    """Substrings to search with ``str.find``: one hit means "look at the word around here".

    Words of five letters or more lose their first letter, so one search
    finds ``yesterday`` and ``Yesterday``; a substring of another literal
    makes that one redundant (``чера`` finds ``вчера`` and ``позавчера``).
    The finder moves each hit back to the start of its word.

    >>> _literals(["вчера", "позавчера", "год", "году", "ago"], cyrillic=True)
    ('год', 'чера')
    """
    cut = {w[1:] if len(w) >= 5 else w for w in words if _is_cyrillic(w) == cyrillic}
    return tuple(sorted(w for w in cut if not any(o != w and o in w for o in cut)))


def _phrase_key(words: str) -> str:
    return " ".join(words.lower().split())


@lru_cache(maxsize=16)
def lexicon(languages: tuple[str, ...] = ("ru", "en")) -> Lexicon:
    """Build (once) the lexicon for ``languages``."""
    langs = tuple(dict.fromkeys(languages))
    if not langs:
        raise ValueError("languages must name at least one language")
    months: dict[str, int] = {}
    month_lang: dict[str, str] = {}
    full: set[str] = set()
    abbr: set[str] = set()
    caps: set[str] = set()
    weekdays: dict[str, int] = {}
    wphrases: dict[str, tuple[int, str]] = {}
    reldays: dict[str, RelativeDay] = {}
    mods: dict[str, int] = {}
    punits: dict[str, str] = {}
    ppreps: set[str] = set()
    ago_units: dict[str, str] = {}
    ago_words: dict[str, str] = {}
    ago_singular: set[str] = set()
    numbers: dict[str, int] = {}
    ypreps: set[str] = set()
    ystrict: set[str] = set()
    ymods: set[str] = set()
    mpreps: set[str] = set()
    mmods: set[str] = set()
    rprefix: dict[str, set[str]] = {}
    tjoin: set[str] = set()
    ords: set[str] = set()
    day_of: set[str] = set()
    dec_sfx: set[str] = set()
    zones: dict[str, str] = {}
    labels: list[tuple[str, str]] = []
    for lang in langs:
        data = load_language(lang)
        for num, forms in data["months"].items():
            for w in forms["full"]:
                months[w] = int(num)
                month_lang[w] = lang
                full.add(w)
            for w in forms["abbr"]:
                months[w] = int(num)
                month_lang[w] = lang
                abbr.add(w)
        caps.update(data["capitalised_only"])
        for num, forms in data["weekdays"].items():
            for w in forms:
                weekdays[w] = int(num)
        for phrase, direction in data["weekday_phrases"].items():
            wphrases[_phrase_key(phrase)] = (direction, lang)
        for entry in data["relative_days"]:
            for w in entry["words"]:
                reldays[_phrase_key(w)] = RelativeDay(entry["id"], entry["days"], entry["needs_time"], lang)
        mods.update(data["period_modifiers"])
        punits.update(data["period_units"])
        ppreps.update(data["period_prepositions"])
        ago_units.update(data["ago_units"])
        ago_singular.update(data["ago_singular"])
        for w in data["ago_words"]:
            ago_words[_phrase_key(w)] = lang
        numbers.update(data["numbers"])
        ypreps.update(data["year_prepositions"])
        ystrict.update(data["year_prepositions_strict"])
        ymods.update(data["year_modifiers"])
        mpreps.update(data["month_prepositions"])
        mmods.update(data["month_modifiers"])
        for pre, joins in data["range_prefixes"].items():
            rprefix.setdefault(pre, set()).update(joins)
        tjoin.update(data["time_joiners"])
        ords.update(data["ordinal_suffixes"])
        day_of.update(data["day_of"])
        dec_sfx.update(data["decade_suffixes"])
        zones.update(data["zones"])
        # a zone that follows daylight saving time: resolved once the date is known (``_Point.iso``)
        zones.update((name, f"@{rule}{standard}") for name, (rule, standard) in data["seasonal_zones"].items())
        for key, words in data["header_labels"].items():
            labels.extend((w, key) for w in words)
    labels.sort(key=lambda kv: -len(kv[0]))

    step: set[str] = (
        set(months)
        | set(weekdays)
        | ypreps
        | mpreps
        | {w for m in ymods for w in m.split()}
        | mmods
        | set(rprefix)
        | tjoin
    )
    step |= set(mods) | set(ppreps) | set(numbers) | set(ago_units) | {"the", "of", "year", "month"}
    step |= {w for phrase in wphrases for w in phrase.split()}
    for phrase in [*reldays, *ago_words]:
        step.update(phrase.split())
    # Words that start a date expression without a digit: bare months after a
    # preposition, relative days, "ago"/"назад", period units ("last year").
    triggers: set[str] = {w for w in full if len(w) >= 3}
    day_words = {p.split()[-1] for p, rel in reldays.items() if not rel.needs_time}
    triggers |= day_words
    triggers |= {p.split()[-1] for p in ago_words}
    triggers |= set(punits)
    # full weekday names (not "thurs", "пн": a form that starts another form of its day is short for it)
    # start "on Friday", "в прошлую пятницу": the month scanners find them
    full_weekdays = (
        {
            w
            for w, day in weekdays.items()
            if len(w) >= 5 and not any(o != w and o.startswith(w) for o, d in weekdays.items() if d == day)
        }
        if wphrases
        else set()
    )
    forms = _grammar(
        months_full=full,
        months_abbr=abbr,
        weekdays=set(weekdays),
        full_weekdays=full_weekdays,
        weekday_phrases=set(wphrases),
        reldays=set(reldays),
        mods=set(mods),
        punits=set(punits),
        ppreps=ppreps,
        ago_units=set(ago_units),
        ago_words=set(ago_words),
        numbers=set(numbers),
        ypreps=ypreps,
        ymods=ymods,
        mpreps=mpreps,
        mmods=mmods,
        rprefix=set(rprefix),
        rjoins=set().union(*rprefix.values()) - {"-"} if rprefix else set(),
        tjoin=tjoin,
        ords=ords,
        day_of=day_of,
        dec_sfx=dec_sfx,
        zones=set(zones),
    )
    # a bare year is a date only with its suffix (``2020 г.``): the detectors ask for it, the form reads it
    detect = {**forms, "ysf": forms.pop("ysf_suffixed")}
    master_digit = _detector(detect, DIGIT_LED)
    latin_months = sorted(
        {w.capitalize() for w in full if month_lang[w] != "ru"}
        | {w.capitalize() for w in full_weekdays if not _is_cyrillic(w)}
    )
    header = re.compile(
        "^[\\W_]{0,3}(?P<label>" + _alt(w for w, _ in labels) + ")" + WB + "[ \\t\\u00a0:|\\-–—.,]*",
        re.IGNORECASE,
    )
    return Lexicon(
        languages=langs,
        months=months,
        month_lang=month_lang,
        month_full=frozenset(full),
        capitalised_only=frozenset(caps),
        weekdays=weekdays,
        weekday_phrases=wphrases,
        relative_days=reldays,
        period_modifiers=mods,
        period_units=punits,
        ago_units=ago_units,
        ago_words=ago_words,
        ago_singular=frozenset(ago_singular),
        numbers=numbers,
        year_prepositions=frozenset(ypreps),
        year_prepositions_strict=frozenset(ystrict),
        month_prepositions=frozenset(mpreps),
        range_prefixes={k: frozenset(v) for k, v in rprefix.items()},
        zones=zones,
        header_labels=tuple(labels),
        step_words=frozenset(step),
        trigger_words=tuple(sorted(triggers)),
        scan_latin=_scanner(latin_months),
        scan_cyrillic=_scanner(
            v
            for w in [*(w for w in full if month_lang[w] == "ru"), *filter(_is_cyrillic, full_weekdays)]
            for v in (w, w.capitalize())
        ),
        find_latin=_literals(triggers - full, cyrillic=False),
        find_cyrillic=_literals(triggers - full, cyrillic=True),
        forms=_LazyPatterns(forms),
        scan_triggers=_digit_scanner(
            master_digit,
            _quick_follow([*full, *abbr, *day_of, *ago_units, *YEAR_WORDS], [*ords, *dec_sfx], YEAR_HYPHEN),
            step,
            latin_months,
        ),
        scan_steps=_step_scanner(step),
        master_digit=re.compile(master_digit),
        master_word=re.compile(_detector(detect, WORD_LED)),
        header=header,
    )


class _LazyPatterns(Mapping[str, re.Pattern[str]]):
    """Name → compiled pattern, each compiled on first use.

    Most grammar forms are rare on real pages; compiling every one when the
    lexicon is built would cost more than cleaning a page.
    """

    def __init__(self, bodies: Mapping[str, str]) -> None:
        self._bodies = dict(bodies)
        self._compiled: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, name: str) -> re.Pattern[str]:
        pattern = self._compiled.get(name)
        if pattern is None:
            pattern = self._compiled[name] = re.compile(self._bodies[name])
        return pattern

    def __iter__(self) -> Iterator[str]:
        return iter(self._bodies)

    def __len__(self) -> int:
        return len(self._bodies)


def _grammar(
    *,
    months_full: set[str],
    months_abbr: set[str],
    weekdays: set[str],
    full_weekdays: set[str],
    weekday_phrases: set[str],
    reldays: set[str],
    mods: set[str],
    punits: set[str],
    ppreps: set[str],
    ago_units: set[str],
    ago_words: set[str],
    numbers: set[str],
    ypreps: set[str],
    ymods: set[str],
    mpreps: set[str],
    mmods: set[str],
    rprefix: set[str],
    rjoins: set[str],
    tjoin: set[str],
    ords: set[str],
    day_of: set[str],
    dec_sfx: set[str],
    zones: set[str],
) -> dict[str, str]:
    """The grammar: one pattern per named form, tried at candidate starts.

    Inner groups carry the form's prefix, so the finder reads them by name.
    All repetition is bounded or over disjoint character classes, so a match
    attempt is linear.
    """
    mon_full = _alt(months_full)
    mon_abbr = _alt(months_abbr)
    wd = _alt(weekdays)
    ordinal = "(?:" + _alt(ords) + ")" + WB if ords else "(?!)"
    of = "(?:(?:" + _alt(day_of) + ")" + SP + ")?" if day_of else ""
    tj = _alt(tjoin)
    zname = _alt(zones)
    the = _alt(["the"])
    of_w = _alt(["of"])

    def mon(p: str) -> str:
        return f"(?P<{p}mon>(?:{mon_full}){WB}|(?:{mon_abbr})(?:\\.|{WB}))"

    def day(p: str) -> str:
        return f"(?P<{p}d>3[01]|[12]\\d|0?[1-9])(?!\\d)(?:{ordinal})?"

    year_words = _alt(YEAR_WORDS)

    def ysfx(p: str) -> str:
        return (
            f"(?P<{p}ys>{SPO}(?:{_alt(['гг', 'г'])}\\.|(?:{year_words}){WB})"
            f"|-(?:{_alt(YEAR_HYPHEN)}){WB}(?:{SP}(?:{_alt(['года', 'году', 'год'])}){WB})?)?"
        )

    def year(p: str) -> str:
        return f"(?P<{p}y>1\\d{{3}}|2[01]\\d\\d)(?!\\d)" + ysfx(p)

    # "09.30 GMT", "10.15 a.m.": a dot between hour and minutes only before a zone, am/pm or the line end
    dot_minutes = (
        f"\\.(?=[0-5]\\d(?!\\d)(?:{SPO}(?:[aApP]\\.?{SPO}[mM]\\.?{WB}|(?:{zname})(?![\\w]))|{SPO}(?:\\r?\\n|\\Z)))"
    )

    def time(p: str) -> str:
        return (
            f"(?:(?P<{p}H>2[0-3]|[01]?\\d)(?::|{dot_minutes})(?P<{p}M>[0-5]\\d)"
            f"(?::(?P<{p}S>[0-5]\\d)(?:[.,]\\d{{1,6}})?)?(?!\\d)"
            f"(?:{SPO}(?P<{p}ap>[aApP]\\.?{SPO}[mM]\\.?){WB})?"
            f"|(?P<{p}h>1[0-2]|0?[1-9]){SPO}(?P<{p}ap2>[aApP]\\.?{SPO}[mM]\\.?){WB})"
        )

    def zone(p: str) -> str:
        zt = f"(?:{zname})(?:[+\\-−]\\d\\d?(?::?\\d\\d)?)?(?![\\w])|[+\\-−](?:0\\d|1[0-4]):?[0-5]\\d(?![\\d:])"
        return (
            f"(?:(?P<{p}zz>Z)(?!\\w)"
            f"|{SPO}(?P<{p}zo>\\+(?:0\\d|1[0-4]):?[0-5]\\d)(?![\\d:])"
            f"|(?({p}S)(?P<{p}zm>[\\-−](?:0\\d|1[0-4]):?[0-5]\\d)(?![\\d:])|(?!))"
            f"|{SPO}\\({SPO}(?P<{p}zp>{zt}){SPO}\\)"
            f"|{SPO}\\r?\\n{SPO}\\({SPO}(?P<{p}zq>{zt}){SPO}\\)"
            f"|{SP}(?P<{p}zn>{zt}))"
        )

    def tail(p: str) -> str:
        joiner = f"(?:T|{SPO}(?:,{{1,3}}|;|\\||·|•|[-–—]|/)?{SPO}(?:(?:{tj}){SP})?)"
        return f"(?:{joiner}{time(p)}(?:{zone(p)})?)?"

    def numeric(p: str) -> str:
        return (
            f"(?P<{p}a>\\d{{1,2}})(?P<{p}s>[./-])(?P<{p}b>\\d{{1,2}})(?P={p}s)(?P<{p}y>\\d{{4}}|\\d\\d)"
            f"(?!\\d)(?![./-]\\d)" + ysfx(p)
        )

    wdp = f"(?:(?P<{{p}}wd>{wd})\\.?{SPO},?{SPO}(?:{the}{SP})?)?"

    def weekday(p: str) -> str:
        return wdp.replace("{p}", p)

    def yr_sep() -> str:
        return f"(?:{SPO},{SPO}|{SP})"

    day_guard = "(?![.,:/]\\d)(?!%)"
    rjoin = f"(?:{SPO}[-–—]{SPO}|{SP}(?:{_alt(rjoins)}){SP})"
    dash = f"{SPO}[-–—]{{1,2}}{SPO}"
    forms = {
        # from/between/с … to/and/по …: prefix makes the range
        "rpd": f"(?P<rpd_pre>{_alt(rprefix)}){SP}{day('rpd1')}(?:{SP}{mon('rpd1')}(?:{yr_sep()}{year('rpd1')})?)?"
        f"(?P<rpd_j>{rjoin}){day('rpd2')}{SP}{of}{mon('rpd2')}(?:{yr_sep()}{year('rpd2')})?",
        "rpm": f"(?P<rpm_pre>{_alt(rprefix)}){SP}{mon('rpm1')}{SPO}{day('rpm1')}(?:{yr_sep()}{year('rpm1')})?"
        f"(?P<rpm_j>{rjoin})(?:{mon('rpm2')}{SPO})?{day('rpm2')}{day_guard}(?:{yr_sep()}{year('rpm2')})?",
        "rpy": f"(?P<rpy_pre>{_alt(rprefix)}){SP}{year('rpy1')}(?P<rpy_j>{rjoin}){year('rpy2')}",
        "iso": "(?P<iso_y>1\\d{3}|2[01]\\d\\d)(?P<iso_s>[-/.])(?P<iso_m>1[0-2]|0?[1-9])(?P=iso_s)"
        "(?P<iso_d>3[01]|[12]\\d|0?[1-9])(?!\\d)(?![./-]\\d)" + tail("iso"),
        "tf": time("tf")
        + f"(?:{zone('tf')})?{SPO}[,|·]?{SPO}{weekday('tfw')}(?:{numeric('tfn')}|{day('tfd')}\\.?{SP}{of}{mon('tfd')}"
        f"(?:{yr_sep()}{year('tfd')})?|{mon('tfm')}{SPO}{day('tfm')}{day_guard}(?:{yr_sep()}{year('tfm')})?)",
        "num": weekday("num") + numeric("num") + tail("num"),
        # "06.01 13:15": day and month without a year only when a time follows
        "dmt": weekday("dmt") + f"(?P<dmta>[0-3]\\d)\\.(?P<dmtb>[01]\\d)(?!\\d|[.,]\\d)"
        f"(?:{SPO},?{SPO}(?:{tj}{SP})?|{SP}){time('dmt')}(?:{zone('dmt')})?",
        "dr": weekday("dr") + f"{day('dr1')}(?:{SP}{mon('dr1')}(?:{yr_sep()}{year('dr1')})?)?{dash}"
        f"{day('dr2')}\\.?{SP}{of}{mon('dr2')}(?:{yr_sep()}{year('dr2')})?",
        "dm": weekday("dm") + f"{day('dm')}\\.?{SP}{of}{mon('dm')}(?:{yr_sep()}{year('dm')})?" + tail("dm"),
        "mr": weekday("mr") + f"{mon('mr1')}{SPO}{day('mr1')}(?:{yr_sep()}{year('mr1')})?{dash}"
        f"(?:{mon('mr2')}{SPO})?{day('mr2')}{day_guard}(?:{yr_sep()}{year('mr2')})?",
        "md": weekday("md") + f"{mon('md')}{SPO}{day('md')}{day_guard}(?!{SP}\\d{{1,2}}{SP}\\d)"
        f"(?:{yr_sep()}{year('md')})?" + tail("md"),
        "myr": f"{mon('myr1')}(?:{yr_sep()}{year('myr1')})?{dash}{mon('myr2')}"
        f"(?:{yr_sep()}|{SP}{of_w}{SP}){year('myr2')}",
        "my": f"{mon('my')}(?:{yr_sep()}|{SP}{of_w}{SP}){year('my')}",
        "yr": f"{year('yr1')}{SPO}[-–—]{SPO}(?P<yr2>1\\d{{3}}|2[01]\\d\\d|\\d\\d)(?!\\d)" + ysfx("yr2"),
        "dec": f"(?P<dec_y>1[5-9]\\d0|20\\d0)(?:{_alt(dec_sfx)}){WB}"
        f"(?:{SP}(?:{_alt(['годы', 'годов', 'годах'])}|{_alt(['гг'])}\\.))?",
        "ysf": year("ysf"),
        "ysf_suffixed": year("ysf").removesuffix("?"),
        "yp": f"(?P<yp_pre>(?:{_alt(ypreps)})(?:{SP}(?:{_alt(ymods)}))?|(?:{_alt(ymods)}))"
        f"(?:{SP}{the}{SP}{_alt(['year'])})?(?:{SP}|(?<=[dD])-){year('yp')}",
        "rd": f"(?P<rd_w>{_alt(reldays)}){WB}" + tail("rd"),
        # "on Friday", "в прошлую пятницу": a bare weekday after a phrase, not before a date ("on Friday, March 8")
        "wr": f"(?P<wr_pre>{_alt(weekday_phrases)}){SP}(?P<wr_wd>{_alt(full_weekdays)}){WB}"
        f"(?!{SPO},?{SPO}(?:\\d|(?:{mon_full}|{mon_abbr}){WB}|{the}{SP}\\d))" + tail("wr")
        if weekday_phrases and full_weekdays
        else "(?!)",
        "pe": f"(?:(?P<pe_pre>{_alt(ppreps)}){SP})?(?P<pe_mod>{_alt(mods)}){SP}(?P<pe_u>{_alt(punits)}){WB}",
        # after an abbreviated unit ("15 мин. назад") the word must be lower-case: "10 мин. Назад …" is two sentences
        "ago": f"(?:(?P<ago_n>\\d{{1,3}}|{_alt(numbers)}){SP})?(?P<ago_u>{_alt(ago_units)})"
        f"(?:(?<=\\.){SP}(?=[a-zа-яё])|(?<!\\.){SP})(?P<ago_w>{_alt(ago_words)}){WB}",
        "bm": f"(?P<bm_pre>(?:{_alt(mpreps)})(?:{SP}(?:{_alt(mmods)}))?(?:{SP}{the})?)(?:{SP}|(?<=-))"
        f"(?P<bm_mon>{mon_full}){WB}(?!{SPO}[,.]?{SPO}\\d|{SPO}[-–—]{SPO}(?:{mon_full}))",
    }
    return forms


#: Forms that can start with a digit; the others start with a word.
DIGIT_LED = ("iso", "tf", "num", "dmt", "dr", "dm", "yr", "dec", "ysf", "ago")
WORD_LED = ("rpd", "rpm", "rpy", "num", "dmt", "dr", "dm", "mr", "md", "myr", "my", "yp", "rd", "pe", "ago", "bm", "wr")


def _detector(forms: Mapping[str, str], names: Iterable[str]) -> str:
    """One alternation of the forms with inner groups removed: it only says which form matches.

    Hundreds of capture groups make every branch point save and restore
    them; the detector has one group per form, and the form's own pattern
    (with its groups) is run only on a hit.
    """
    parts = []
    for name in names:
        body = re.sub(r"\(\?P<[A-Za-z0-9_]+>", "(?:", forms[name])
        body = re.sub(r"\(\?P=[A-Za-z0-9_]+\)", "[./-]", body)
        body = re.sub(r"\(\?\([A-Za-z0-9_]+\)", "(?:", body)
        parts.append(f"(?P<f_{name}>{body})")
    return "|".join(parts)
