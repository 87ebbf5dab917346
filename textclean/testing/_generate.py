"""Generators behind :mod:`textclean.testing.strategies` and :mod:`textclean.testing.samples`.

Everything here takes a :class:`~textclean.testing._grammar.Chooser`, so the
same code serves Hypothesis (choices drawn from the test case, shrinking
towards the first alternative of every rule) and seeded sampling.

What ``ScrapedDocument.clean`` means, precisely: the prose paragraphs joined
by one blank line (``"\\n\\n"``), lines inside a paragraph joined by ``"\\n"``,
no trailing spaces, no blank line at either end.  Equivalently, it is
``.noisy`` with every artifact span deleted and whitespace tidied the way
textclean's ``structure`` pass does (:func:`reference_clean`).  Artifacts
always sit on lines of their own (at the top, between paragraphs, at the
bottom), and wherever one stands between two paragraphs, at least one blank
line separates them, so paragraph breaks survive their removal.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from collections.abc import Iterable, Sequence
from functools import cache

import attrs

from textclean.testing._grammar import LANGS, Builtin, Chooser, Grammar, RandomChooser, language_data

__all__ = [
    "ALL_KINDS",
    "Artifact",
    "ArtifactKind",
    "DateSample",
    "PlacedArtifact",
    "RepeatedPassages",
    "ScrapedDocument",
    "gen_article",
    "gen_artifact",
    "gen_date",
    "gen_document",
    "gen_repeated",
    "reference_clean",
]


class ArtifactKind(enum.StrEnum):
    """The kinds of scraping artifact the generators inject.

    ========================  ===================================================
    ``ad``                    ad markers: ``Advertisement``, ``Реклама. ООО …, erid: …``
    ``read-also``             cross-links: ``Read also: <headline>``, ``Читайте также``
    ``follow``                follow/subscribe prompts: ``Подписывайтесь на наш Telegram-канал``
    ``error-report``          ``Found a typo? Highlight it and press Ctrl+Enter``
    ``comments``              comment widgets and policies: ``Comments (12)``, ``Оставить комментарий``
    ``calendar``              archive calendars: month title, weekday header, day rows
    ``counter``               view/like/reading-time counters: ``Views: 1234``, ``Просмотров: 1 234``
    ``photo-credit``          ``Photo: Reuters/Jane Doe``, ``Фото: РИА Новости``
    ``metadata``              byline/date headers a cleaner lifts out: ``By …``, ``Опубликовано: …``
    ``share``                 share bars: ``Share this article``, ``Поделиться`` + network names
    ``cookie``                cookie banners and their buttons
    ========================  ===================================================
    """

    AD = "ad"
    READ_ALSO = "read-also"
    FOLLOW = "follow"
    ERROR_REPORT = "error-report"
    COMMENTS = "comments"
    CALENDAR = "calendar"
    COUNTER = "counter"
    PHOTO_CREDIT = "photo-credit"
    METADATA = "metadata"
    SHARE = "share"
    COOKIE = "cookie"


#: Every artifact kind, in declaration order.
ALL_KINDS: tuple[ArtifactKind, ...] = tuple(ArtifactKind)

# Where scrapers leave each kind: "top" (before the first paragraph, or right
# after a headline), "middle" (between paragraphs), "bottom" (after the last).
_PLACES: dict[ArtifactKind, frozenset[str]] = {
    ArtifactKind.AD: frozenset({"top", "middle", "bottom"}),
    ArtifactKind.READ_ALSO: frozenset({"middle", "bottom"}),
    ArtifactKind.FOLLOW: frozenset({"top", "middle", "bottom"}),
    ArtifactKind.ERROR_REPORT: frozenset({"middle", "bottom"}),
    ArtifactKind.COMMENTS: frozenset({"bottom"}),
    ArtifactKind.CALENDAR: frozenset({"top", "bottom"}),
    ArtifactKind.COUNTER: frozenset({"top", "bottom"}),
    ArtifactKind.PHOTO_CREDIT: frozenset({"top", "middle"}),
    ArtifactKind.METADATA: frozenset({"top"}),
    ArtifactKind.SHARE: frozenset({"top", "middle", "bottom"}),
    ArtifactKind.COOKIE: frozenset({"top", "bottom"}),
}


@attrs.frozen
class Artifact:
    """One generated artifact: its text (one or more lines), kind and language."""

    text: str
    kind: ArtifactKind
    lang: str


@attrs.frozen
class PlacedArtifact:
    """An artifact injected into a document; ``noisy[start:end] == text``."""

    text: str
    kind: ArtifactKind
    lang: str
    start: int
    end: int

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` in ``ScrapedDocument.noisy``."""
        return self.start, self.end


@attrs.frozen
class ScrapedDocument:
    """Prose with artifacts injected, and what a correct cleaner returns.

    ``noisy`` is the scraped text, ``clean`` the expected output,
    ``artifacts`` the injected pieces with their spans in ``noisy``,
    ``paragraphs`` the prose paragraphs (``"\\n\\n".join(paragraphs) == clean``).
    """

    noisy: str
    clean: str
    artifacts: tuple[PlacedArtifact, ...]
    lang: str
    paragraphs: tuple[str, ...]

    @property
    def kinds(self) -> frozenset[ArtifactKind]:
        """The artifact kinds present."""
        return frozenset(a.kind for a in self.artifacts)


@attrs.frozen
class DateSample:
    """A short text with exactly one date expression at ``text[start:end]``.

    ``value`` is ISO 8601: ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM`` when the
    expression carries a time of day.  ``format`` names the pattern used.
    """

    text: str
    value: str
    start: int
    end: int
    lang: str
    format: str

    @property
    def expression(self) -> str:
        """The date expression itself."""
        return self.text[self.start : self.end]


@attrs.frozen
class RepeatedPassages:
    """Prose in which one passage occurs again later, verbatim.

    ``first`` is the span of the first occurrence; ``repeats`` the spans of
    the later copies (what a repeats finder should report).
    """

    text: str
    passage: str
    first: tuple[int, int]
    repeats: tuple[tuple[int, int], ...]
    lang: str


# -- text helpers -----------------------------------------------------------

_SPACES = re.compile(r"[ ]{2,}")
_SPACE_PUNCT = re.compile(r" +([,.:;!?])")
_SENTENCE_START = re.compile(r"(^|[.!?][»”\"]?[ ]+)([«“\"(]?)(\w)")
_TARGET = "\x00"


def _tidy(text: str) -> str:
    lines = [_SPACE_PUNCT.sub(r"\1", _SPACES.sub(" ", line)).strip(" ") for line in text.split("\n")]
    return "\n".join(lines)


def _capitalise(text: str) -> str:
    """Upper-case the first letter of every sentence.

    >>> _capitalise("it rained. «we stayed», he said. ok")
    'It rained. «We stayed», he said. Ok'
    """
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2) + m.group(3).upper(), text)


# -- builtins ------------------------------------------------------------------


def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def _make_builtins(lang: str) -> dict[str, Builtin]:
    ru = lang == "ru"

    def b_int(ch: Chooser, _: str) -> str:
        n = ch.integer(2, 99999)
        if n >= 1000 and ch.chance(50):
            return _group(n, " " if ru else ",")
        return str(n)

    def b_int_k(ch: Chooser, _: str) -> str:
        whole, tenth = ch.integer(1, 99), ch.integer(0, 9)
        if ru:
            return f"{whole},{tenth} тыс." if tenth else f"{whole} тыс."
        return f"{whole}.{tenth}K" if tenth else f"{whole}K"

    def b_small(ch: Chooser, _: str) -> str:
        return str(ch.integer(1, 60))

    def b_digit(ch: Chooser, _: str) -> str:
        return str(ch.integer(1, 9))

    def b_pct(ch: Chooser, _: str) -> str:
        n, d = ch.integer(1, 95), ch.integer(0, 9) if ch.chance(30) else 0
        num = f"{n},{d}" if (ru and d) else f"{n}.{d}" if d else str(n)
        if not ru and ch.chance(30):
            return f"{num} percent"
        return f"{num}%"

    def b_money(ch: Chooser, _: str) -> str:
        n, d = ch.integer(2, 900), ch.integer(0, 9)
        unit = ch.index(3)
        if ru:
            num = f"{n},{d}" if d and n < 100 else str(n)
            scale = ("млн", "млрд", "тыс.")[unit]
            currency = ("рублей", "долларов", "евро")[ch.index(3)]
            return f"{num} {scale} {currency}"
        num = f"{n}.{d}" if d and n < 100 else str(n)
        symbol = ("$", "£", "€")[ch.index(3)]
        return f"{symbol}{num} {('million', 'billion', 'thousand')[unit]}"

    def b_year(ch: Chooser, _: str) -> str:
        return str(ch.integer(2005, 2025))

    def b_day(ch: Chooser, _: str) -> str:
        return str(ch.integer(1, 28))

    def b_date(ch: Chooser, _: str) -> str:
        return _date_expression(ch, lang)[0]

    def b_ctrl(ch: Chooser, _: str) -> str:
        return ("Ctrl+Enter", "Ctrl + Enter", "CTRL+ENTER", "Ctrl+Enter.")[ch.index(4)]

    def b_inn(ch: Chooser, _: str) -> str:
        return str(ch.integer(1_000_000_000, 9_999_999_999))

    def b_erid(ch: Chooser, _: str) -> str:
        alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ123456789"
        head = ("2Vtzqx", "LjN8K", "2SDnje", "Pb3XmB", "4CQwVsz")[ch.index(5)]
        return head + "".join(alphabet[ch.index(len(alphabet))] for _ in range(4))

    def b_count(ch: Chooser, args: str) -> str:
        forms = args.split("|")
        n = ch.integer(1, 999)
        return f"{n} {_plural(n, forms, lang)}"

    def b_target(ch: Chooser, _: str) -> str:
        return _TARGET

    return {
        "int": b_int,
        "int_k": b_int_k,
        "small": b_small,
        "digit": b_digit,
        "pct": b_pct,
        "money": b_money,
        "year": b_year,
        "day": b_day,
        "date": b_date,
        "ctrl": b_ctrl,
        "inn": b_inn,
        "erid": b_erid,
        "count": b_count,
        "target": b_target,
    }


def _plural(n: int, forms: Sequence[str], lang: str) -> str:
    """Pick the plural form of a noun for ``n``.

    >>> [_plural(n, ["комментарий", "комментария", "комментариев"], "ru") for n in (1, 3, 5, 11, 21, 112)]
    ['комментарий', 'комментария', 'комментариев', 'комментариев', 'комментарий', 'комментариев']
    >>> _plural(1, ["view", "views"], "en"), _plural(2, ["view", "views"], "en")
    ('view', 'views')
    """
    if lang != "ru" or len(forms) < 3:
        return forms[0] if n == 1 else forms[-1]
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


@cache
def grammar(lang: str) -> Grammar:
    """The compiled grammar of ``lang`` with its builtins (cached, immutable)."""
    data = language_data(lang)
    return Grammar.from_rules(data.rules, forms=data.forms, builtins=_make_builtins(lang))


def _lang(ch: Chooser, lang: str | None) -> str:
    if lang is None:
        return LANGS[ch.index(len(LANGS))]
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS} or None")
    return lang


# -- dates ---------------------------------------------------------------------

_EN_FORMATS = ("mdy", "dmy", "mdy-abbr", "weekday-mdy", "iso", "ordinal", "weekday-dmy", "dmy-ordinal")
_RU_FORMATS = ("dmy-gen", "dmy-year-word", "dotted", "weekday-dmy", "iso", "dmy-abbr", "dmy-g")


def _date_expression(ch: Chooser, lang: str) -> tuple[str, str, str]:
    """A date expression, its ISO value and the format id."""
    year = ch.integer(2000, 2030)
    month = ch.index(12) + 1
    day = ch.integer(1, calendar.monthrange(year, month)[1])
    day_value = dt.date(year, month, day)
    data = language_data(lang)
    weekday = data.table("weekdays")[day_value.weekday()]
    formats = _RU_FORMATS if lang == "ru" else _EN_FORMATS
    fmt = formats[ch.index(len(formats))]
    if lang == "ru":
        gen = data.table("months_gen")[month - 1]
        text = {
            "dmy-gen": f"{day} {gen} {year}",
            "dmy-year-word": f"{day} {gen} {year} года",
            "dotted": f"{day:02d}.{month:02d}.{year}",
            "weekday-dmy": f"{weekday}, {day} {gen} {year}",
            "iso": day_value.isoformat(),
            "dmy-abbr": f"{day} {data.table('months_short')[month - 1]} {year}",
            "dmy-g": f"{day} {gen} {year} г.",
        }[fmt]
    else:
        name = data.table("months")[month - 1]
        suffix = _ordinal_suffix(day)
        text = {
            "mdy": f"{name} {day}, {year}",
            "dmy": f"{day} {name} {year}",
            "mdy-abbr": f"{data.table('months_dotted')[month - 1]} {day}, {year}",
            "weekday-mdy": f"{weekday}, {name} {day}, {year}",
            "iso": day_value.isoformat(),
            "ordinal": f"{name} {day}{suffix}, {year}",
            "weekday-dmy": f"{weekday} {day} {name} {year}",
            "dmy-ordinal": f"{day}{suffix} {name} {year}",
        }[fmt]
    value = day_value.isoformat()
    if ch.chance(30):
        hour, minute = ch.integer(0, 23), ch.index(60)
        text, fmt = _with_time(ch, lang, fmt, text, (hour, minute))
        value = f"{value}T{hour:02d}:{minute:02d}"
    return text, value, fmt


def _with_time(ch: Chooser, lang: str, fmt: str, text: str, time: tuple[int, int]) -> tuple[str, str]:
    hour, minute = time
    hm = f"{hour:02d}:{minute:02d}"
    if fmt == "iso":
        return (f"{text} {hm}", f"{text}T{hm}")[ch.index(2)], fmt + "+time"
    if lang == "ru":
        if fmt == "dmy-year-word":
            return f"{text} в {hm}", fmt + "+time"
        style = 0 if fmt == "weekday-dmy" else ch.index(2)
        return (f"{text}, {hm}" if fmt != "dotted" else f"{text} {hm}", f"{hm}, {text}")[style], fmt + "+time"
    style = ch.index(2)
    if style == 0:
        return f"{text}, {hm}" if fmt.startswith(("mdy", "weekday-mdy", "ordinal")) else f"{text} {hm}", fmt + "+time"
    h12 = hour % 12 or 12
    ampm = ("a.m.", "p.m.")[hour >= 12] if ch.chance(50) else ("AM", "PM")[hour >= 12]
    return f"{text} at {h12}:{minute:02d} {ampm}", fmt + "+time12"


def _ordinal_suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def gen_date(ch: Chooser, lang: str | None = None) -> DateSample:
    """A carrier sentence or line with one date expression in it."""
    lang = _lang(ch, lang)
    carrier = _tidy(grammar(lang).expand(ch, "date_carrier"))
    expr, value, fmt = _date_expression(ch, lang)
    start = carrier.index(_TARGET)
    head, tail = carrier[:start], carrier[start + 1 :]
    if head:
        head = _capitalise(head)
    text = head + expr + tail
    return DateSample(text=text, value=value, start=start, end=start + len(expr), lang=lang, format=fmt)


# -- prose -----------------------------------------------------------------------

# weighted: most paragraphs of real articles are plain prose
_PARAGRAPH_KINDS = ("plain", "short", "plain", "subheading", "plain", "list", "quote", "plain", "quote", "dialogue")


class _Unique:
    """Keeps generated sentences distinct, so no passage repeats by accident."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.seen: set[str] = set()

    def take(self, ch: Chooser, symbol: str) -> str:
        text = _capitalise(_tidy(grammar(self.lang).expand(ch, symbol)))
        fallback = 0
        while text in self.seen:
            # a duplicate: replace it by a deterministic, distinct expansion
            fallback += 1
            text = _capitalise(_tidy(grammar(self.lang).expand(RandomChooser(f"{symbol}{fallback}"), symbol)))
            if fallback > 200:  # pragma: no cover - the grammars are far larger than this
                text = f"{text} ({fallback})"
        self.seen.add(text)
        return text


def _paragraph(ch: Chooser, uniq: _Unique, *, kinds: int = len(_PARAGRAPH_KINDS)) -> str:
    kind = _PARAGRAPH_KINDS[ch.index(kinds)]
    lang = uniq.lang
    if kind == "short":
        return uniq.take(ch, "short_line")
    if kind == "subheading":
        return uniq.take(ch, "subheading")
    if kind == "list":
        intro = uniq.take(ch, "list_intro")
        style = ch.index(4)
        raw_items = ch.many(lambda c: uniq.take(c, "list_item"), 2, 4)
        count = len(raw_items)
        items = []
        for i, item in enumerate(raw_items):
            last = i == count - 1
            if style == 0:
                items.append(f"{i + 1}. {item}.")
            elif style == 1:
                items.append(f"{i + 1}) {item}{'.' if last else ';'}")
            elif style == 2:
                items.append(f"• {item}")
            else:
                item = item[0].lower() + item[1:] if lang == "ru" else item
                items.append(f"— {item}{'.' if last else ';'}")
        return "\n".join([intro, *items])
    if kind == "quote":
        parts = [uniq.take(ch, "quote_sentence")]
        if ch.chance(50):
            parts.append(uniq.take(ch, "sentence"))
        return " ".join(parts)
    if kind == "dialogue":
        dash = ("—", "–")[ch.index(2)]
        lines = [f"{dash} {uniq.take(ch, 'dialogue_question')}", f"{dash} {uniq.take(ch, 'dialogue_answer')}"]
        return "\n".join(lines)
    return " ".join(ch.many(lambda c: uniq.take(c, "sentence"), 1, 4))


def _paragraphs(ch: Chooser, lang: str, *, low: int, high: int, plain_only: bool = False) -> list[str]:
    uniq = _Unique(lang)
    out: list[str] = []
    if not plain_only and ch.chance(35):
        out.append(uniq.take(ch, "headline"))
    kinds = 1 if plain_only else len(_PARAGRAPH_KINDS)
    out.extend(ch.many(lambda c: _paragraph(c, uniq, kinds=kinds), low, high))
    return out


def gen_article(ch: Chooser, lang: str | None = None, *, min_paragraphs: int = 1, max_paragraphs: int = 6) -> str:
    """Clean prose: paragraphs separated by one blank line."""
    lang = _lang(ch, lang)
    return "\n\n".join(_paragraphs(ch, lang, low=min_paragraphs, high=max_paragraphs))


# -- artifacts ---------------------------------------------------------------------


def _calendar(ch: Chooser, lang: str) -> str:
    data = language_data(lang)
    year = ch.integer(2015, 2026)
    month = ch.index(12) + 1
    name = data.table("months")[month - 1]
    title = data.table("calendar_titles")[ch.index(len(data.table("calendar_titles")))]
    title = title.format(month=name, Month=name.capitalize(), MONTH=name.upper(), year=year)
    sunday_first = lang == "en" and ch.chance(50)
    heads = data.table("calendar_heads_sunday" if sunday_first else "calendar_heads_monday")
    head = heads[ch.index(len(heads))]
    weeks = calendar.Calendar(6 if sunday_first else 0).monthdayscalendar(year, month)
    layout = 3 if head.startswith("|") else ch.index(3)
    lines = [title, head]
    if layout == 0:  # day numbers, a week a line
        lines += [" ".join(str(d) for d in week if d) for week in weeks]
    elif layout == 1:  # one number a line, as many scrapers flatten table cells
        lines += [str(d) for week in weeks for d in week if d]
    elif layout == 2:  # padded columns
        lines += ["".join(f"{d:>3}" if d else "   " for d in week).rstrip() for week in weeks]
    else:
        lines += ["| " + " | ".join(str(d) if d else " " for d in week) + " |" for week in weeks]
    if ch.chance(40):
        months, short = data.table("months"), data.table("months_short")
        prev_i, next_i = (month - 2) % 12, month % 12
        prevs, nexts = data.table("calendar_prev"), data.table("calendar_next")
        nav = prevs[ch.index(len(prevs))].format(
            short=short[prev_i],
            Short=short[prev_i].capitalize(),
            month=months[prev_i],
            Month=months[prev_i].capitalize(),
        )
        nxt = nexts[ch.index(len(nexts))].format(
            short=short[next_i],
            Short=short[next_i].capitalize(),
            month=months[next_i],
            Month=months[next_i].capitalize(),
        )
        lines.append(f"{nav}   {nxt}" if ch.chance(50) else f"{nav}\n{nxt}")
    return "\n".join(line.rstrip() for line in lines)


def gen_artifact(ch: Chooser, kind: ArtifactKind, lang: str | None = None) -> Artifact:
    """One artifact of ``kind`` in ``lang``."""
    lang = _lang(ch, lang)
    kind = ArtifactKind(kind)
    if kind is ArtifactKind.CALENDAR:
        text = _calendar(ch, lang)
    else:
        symbol = "art_" + kind.value.replace("-", "_")
        text = _tidy(grammar(lang).expand(ch, symbol))
    return Artifact(text=text, kind=kind, lang=lang)


def _kinds(kinds: Iterable[ArtifactKind | str] | ArtifactKind | str | None) -> tuple[ArtifactKind, ...]:
    if kinds is None:
        return ALL_KINDS
    if isinstance(kinds, str):
        kinds = [kinds]
    out = tuple(dict.fromkeys(ArtifactKind(k) for k in kinds))
    if not out:
        raise ValueError("kinds must name at least one artifact kind")
    return out


# -- documents -----------------------------------------------------------------------

_SEPARATORS = ("\n\n", "\n", "\n\n\n")


def gen_document(
    ch: Chooser,
    kinds: Sequence[ArtifactKind] = ALL_KINDS,
    lang: str | None = None,
    *,
    max_artifacts: int = 5,
) -> ScrapedDocument:
    """Prose paragraphs with 1..``max_artifacts`` artifacts injected at line level."""
    doc_lang = _lang(ch, lang)
    paras = _paragraphs(ch, doc_lang, low=1, high=6)
    n = len(paras)
    headline = n > 1 and len(paras[0]) < 120 and not paras[0].endswith((".", ":"))
    gaps: list[list[Artifact]] = [[] for _ in range(n + 1)]

    def one(c: Chooser) -> tuple[Artifact, int]:
        kind = kinds[c.index(len(kinds))]
        art_lang = doc_lang
        if lang is None and c.chance(10):
            art_lang = LANGS[1 - LANGS.index(doc_lang)]
        artifact = gen_artifact(c, kind, art_lang)
        allowed: list[int] = []
        places = _PLACES[kind]
        if "top" in places:
            allowed.append(0)
            if headline:
                allowed.append(1)
        if "middle" in places:
            allowed.extend(range(1, n))
        if "bottom" in places:
            allowed.append(n)
        choices = sorted(set(allowed))
        return artifact, choices[c.index(len(choices))]

    for artifact, gap in ch.many(one, 1, max_artifacts):
        gaps[gap].append(artifact)
    return _assemble(ch, paras, gaps, doc_lang)


def _assemble(ch: Chooser, paras: list[str], gaps: list[list[Artifact]], lang: str) -> ScrapedDocument:
    n = len(paras)
    chunks: list[str] = []
    placed: list[PlacedArtifact] = []
    pos = 0

    def emit(text: str) -> None:
        nonlocal pos
        chunks.append(text)
        pos += len(text)

    for g, arts in enumerate(gaps):
        if arts:
            seps = [_SEPARATORS[ch.index(len(_SEPARATORS))] for _ in range(len(arts) + 1)]
            if 0 < g < n and not any(sep.count("\n") >= 2 for sep in seps):
                seps[-1] = "\n\n"  # a paragraph break must survive the artifacts' removal
            for i, art in enumerate(arts):
                if i or g:
                    emit(seps[i])
                placed.append(PlacedArtifact(art.text, art.kind, art.lang, pos, pos + len(art.text)))
                emit(art.text)
            if g < n:
                emit(seps[-1])
        elif 0 < g < n:
            emit("\n\n")  # a plain paragraph break
        if g < n:
            emit(paras[g])
    if ch.chance(20):
        emit("\n")
    noisy = "".join(chunks)
    return ScrapedDocument(
        noisy=noisy,
        clean="\n\n".join(paras),
        artifacts=tuple(placed),
        lang=lang,
        paragraphs=tuple(paras),
    )


def reference_clean(noisy: str, spans: Iterable[tuple[int, int]]) -> str:
    """Delete ``spans`` from ``noisy`` and tidy whitespace: the definition of ``.clean``.

    >>> reference_clean("Ad\\nOne.\\n\\nShare\\nTwo.\\n", [(0, 2), (9, 14)])
    'One.\\n\\nTwo.'
    """
    from textclean.passes.structure import tidy_whitespace

    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        out.append(noisy[pos:start])
        pos = end
    out.append(noisy[pos:])
    return tidy_whitespace("".join(out))


# -- repeated passages -----------------------------------------------------------------


def gen_repeated(ch: Chooser, lang: str | None = None) -> RepeatedPassages:
    """Plain prose paragraphs where one paragraph is copied verbatim further down."""
    lang = _lang(ch, lang)
    uniq = _Unique(lang)
    paras = ch.many(lambda c: " ".join(c.many(lambda cc: uniq.take(cc, "sentence"), 2, 4)), 3, 6)
    count = len(paras)
    source = ch.index(count - 1)
    copies = sorted(set(ch.many(lambda c: source + 1 + c.index(count - source - 1), 1, 2)))
    order: list[tuple[int, bool]] = []
    for i in range(count):
        order.append((i, False))
        if i in copies:
            order.append((source, True))
    parts: list[str] = []
    repeats: list[tuple[int, int]] = []
    first = (0, 0)
    pos = 0
    for k, (i, is_copy) in enumerate(order):
        if k:
            parts.append("\n\n")
            pos += 2
        span = (pos, pos + len(paras[i]))
        if is_copy:
            repeats.append(span)
        elif i == source:
            first = span
        parts.append(paras[i])
        pos = span[1]
    return RepeatedPassages(text="".join(parts), passage=paras[source], first=first, repeats=tuple(repeats), lang=lang)


def parse_kinds(kinds: Iterable[ArtifactKind | str] | ArtifactKind | str | None) -> tuple[ArtifactKind, ...]:
    """The artifact kinds asked for, validated and de-duplicated (``None``: all of them)."""
    if kinds is None:
        return ALL_KINDS
    items = [kinds] if isinstance(kinds, str) else list(kinds)
    out: list[ArtifactKind] = []
    for item in items:
        try:
            kind = ArtifactKind(item)
        except ValueError:
            names = ", ".join(k.value for k in ArtifactKind)
            raise ValueError(f"unknown artifact kind {item!r}; expected one of: {names}") from None
        if kind not in out:
            out.append(kind)
    if not out:
        raise ValueError("kinds must name at least one artifact kind (or be None for all)")
    return tuple(out)


def check_lang(lang: str | None) -> str | None:
    """``lang`` itself when it is a generated language or ``None``; else a ValueError."""
    if lang is not None and lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS} or None")
    return lang
