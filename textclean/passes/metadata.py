"""Header lifting: dates, byline, place, views and tags above the article move into ``metadata``.

Scraped articles often start with page furniture: ``Posted 12 января 2022``,
``Updated …``, a bare dateline, a byline, ``(Moscow time), Moscow``,
``Views: 10692`` and a tag line.  This pass looks only at the **header zone**
— the lines before the first prose paragraph, at most 20 lines — removes
such lines and records their values in ``result.metadata``:

``published`` / ``modified``
    ISO 8601 when :mod:`textclean.dates` can read the date, else the raw text;
``dateline``
    a line that is only a date (its value is also ``published`` if no
    labelled line gave one);
``author``, ``place``, ``views`` (an int), ``tags`` (a list), ``title``
    (the headline, recorded but never removed: the first line when it reads
    as one, else the headline-like line above the byline or date, so section
    names and breadcrumbs above it are passed over).

>>> from textclean.passes.metadata import lift_header
>>> text = ("Big news today\\nAinur Kurmanov.\\n06.01.2022 13:15\\nViews: 10692\\n"
...         "The council met on Monday and voted for the plan.")
>>> kept, meta = lift_header(text)
>>> print(kept)
Big news today
The council met on Monday and voted for the plan.
>>> meta["author"], meta["views"], meta["title"]
('Ainur Kurmanov', 10692, 'Big news today')
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from textclean.edits import Change, apply_changes
from textclean.passes.widgets import calendar_kind_normalised, is_share_bar_normalised
from textclean.pipeline import Document, Pass
from textclean.rules import line_matcher, normalise_line

__all__ = ["HeaderMetadata", "header_changes", "lift_header"]

_WS = " \t\r\u00a0\ufeff\u200b\u2009\u202f"

_LABELS: dict[str, str] = {
    "posted": "published",
    "published": "published",
    "first published": "published",
    "publication date": "published",
    "date published": "published",
    "опубликовано": "published",
    "опубликован": "published",
    "дата публикации": "published",
    "публикация": "published",
    "veröffentlicht": "published",
    "veröffentlicht am": "published",
    "publié": "published",
    "publié le": "published",
    "publicado": "published",
    "modified": "modified",
    "updated": "modified",
    "last updated": "modified",
    "last modified": "modified",
    "обновлено": "modified",
    "изменено": "modified",
    "дата обновления": "modified",
    "обновлён": "modified",
    "обновлен": "modified",
    "aktualisiert": "modified",
    "aktualisiert am": "modified",
    "mis à jour": "modified",
    "mis à jour le": "modified",
    "actualizado": "modified",
}
_LABEL_ALT = "|".join(sorted((re.escape(k) for k in _LABELS), key=len, reverse=True))
_LABELLED = re.compile(
    rf"(?:[-–•]\s)?({_LABEL_ALT})(?:\s(?:on|at|в|am|le|el))?\s?[:\-–—|]?\s?(.{{1,80}})", re.IGNORECASE
)

_MONTHS = frozenset(
    (
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec "
        "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь "
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
        "янв фев мар апр июн июл авг сен сент окт ноя дек февр нояб "
        "januar februar märz juni juli oktober dezember "
        "janvier février mars avril juin juillet août septembre octobre novembre décembre "
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ).split()
)
_DATE_WORDS = frozenset(
    (
        "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun "
        "понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье "
        "am pm a m p utc gmt msk мск et est edt pst pdt bst cet cest ist г года год в at on "
        "updated ago hours hour minutes minute час часа часов назад обновлено st nd rd th t"
    ).split()
)
_DATE_TOKEN = re.compile(r"\d{1,4}(?:[./:-]\d{1,4}){0,2}|[^\W\d_]+")
_HAS_DATE_SHAPE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b")
_FULL_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}")
_VIEWS = re.compile(r"(?:views?|просмотр(?:ов|ы|а)?|aufrufe|vues|visitas)\s?:?\s?(\d[\d  ,.]{0,12})")
_PLACE = re.compile(r"\(?[\w .-]{0,30}\b(?:time|время|времени|msk|мск|gmt|utc)\)?,?\s?([^\W\d_][\w .'-]{1,40})?")
_NAME_RE = r"[A-ZА-ЯЁ][\w'’-]+(?:\s(?:[A-ZА-ЯЁ]\.|[A-ZА-ЯЁ][\w'’-]+|van|von|de|der|da|di|la|le|bin|ibn)){1,3}"
_NAME = re.compile(_NAME_RE + r"\.?")
_NAMES_RE = rf"{_NAME_RE}(?:(?:,\s|\s(?:and|и|&)\s){_NAME_RE}){{0,3}}"
_ROLE_RE = r"(?:,\s[\w'’-]+(?:\s[\w'’-]+){0,3})?"
_BY_LABEL = r"(?i:by|written by|story by|words by|author|authors|автор|авторы|текст|von|par|por)"
_BYLINE = re.compile(rf"(?:(.{{4,50}}?)\s)?{_BY_LABEL}\s?:?\s({_NAMES_RE}){_ROLE_RE}\.?")
#: ``Name Surname, correspondent``: a name and a newsroom role.
_ROLE_WORDS = (
    "correspondent|reporter|editor|writer|staff writer|contributor|columnist|journalist|producer|"
    "корреспондент|обозреватель|редактор|журналист|колумнист|спецкор|фотограф"
)
_NAME_ROLE = re.compile(rf"({_NAME_RE}),\s(?i:(?:[\w'’-]+\s){{0,2}}(?:{_ROLE_WORDS})(?:\s[\w'’-]+){{0,2}})\.?")
#: Necessary conditions, looked for before the costlier full matches: a place line names a
#: time zone, a byline holds a by-label before a capitalised name, a name-and-role line a comma.
_PLACE_WORD = re.compile(r"time|время|msk|мск|gmt|utc")
#: (the last letter of a by-label, in any case, then the start of a name)
_BY_LABEL_NAME = re.compile(r"[yrsрытn]\s?:?\s[a-zа-яё]", re.IGNORECASE)
_TAG_SPLIT = re.compile(r"\s?[,;|·•]\s?")
_TAG_BAD = re.compile(r"[\d€$%£]")
_TAGS_LABEL = re.compile(r"(?:tags?|теги|тэги|метки|schlagworte|étiquettes|etiquetas)\s?:\s?(.{2,300})")
_TERMINAL = (".", "!", "?", "…", '"', "”", "»")
#: Labelled date lines (``Published 18 November 2019``) are lifted within this many content lines.
_LABELLED_REACH = 8


def _is_prose(line: str) -> bool:
    s = line.strip(_WS)
    if len(s) > 250:
        return True
    return len(s.split()) >= 8 and s.endswith(_TERMINAL)


def _dates_api() -> Any:
    try:
        from textclean import dates
    except ImportError:  # the dates module is optional
        return None
    return dates


def _date_value(raw: str) -> str:
    """ISO 8601 for ``raw`` when :mod:`textclean.dates` reads it, else ``raw``."""
    dates = _dates_api()
    if dates is None:
        return raw
    try:
        mention = dates.parse(raw)
    except Exception:  # noqa: BLE001 - a parser failure must not fail cleaning
        return raw
    value = getattr(mention, "value", None)
    return value if isinstance(value, str) and value else raw


def _is_dateline(norm: str) -> bool:
    if not norm or len(norm) > 60 or not _HAS_DATE_SHAPE.search(norm):
        return False
    tokens = _DATE_TOKEN.findall(norm)
    if not tokens:
        return False
    words = [t for t in tokens if not t[0].isdigit()]
    if not all(w in _MONTHS or w in _DATE_WORDS for w in words):
        return False
    # a bare year (or a list of numbers) is not a date: want a month, a full numeric date or a time
    return any(w in _MONTHS for w in words) or bool(_FULL_DATE.search(norm))


def _tags(raw: str) -> list[str] | None:
    s = raw.strip(_WS)
    if len(s) > 300 or s.endswith(_TERMINAL[:4]):
        return None
    if s.count(",") + s.count(";") + s.count("|") + s.count("·") + s.count("•") < 2:
        return None  # fewer than three items
    items = [i.strip(_WS) for i in _TAG_SPLIT.split(s)]
    items = [i for i in items if i]
    if len(items) < 3:
        return None
    if any(len(i) > 40 or len(i.split()) > 4 for i in items):
        return None
    if any(not i[0].isalpha() or _TAG_BAD.search(i) for i in items):
        return None
    capitalised = sum(1 for i in items if i[0].isupper())
    return items if capitalised >= 0.7 * len(items) else None


def _classify(raw: str, norm: str, *, seen_title: bool) -> list[tuple[str, Any]] | None:
    """``[(key, value), …]`` for a header line, or None when the line is not one."""
    stripped = raw.strip(_WS)
    if " | " in stripped and len(stripped) <= 200:
        found: list[tuple[str, Any]] = []
        for part in stripped.split(" | "):
            got = _classify(part, normalise_line(part), seen_title=True)
            if got is None:
                return None
            found.extend(got)
        return found
    m = _LABELLED.fullmatch(stripped)
    if m and _is_dateline(normalise_line(m.group(2))):
        return [(_LABELS[" ".join(m.group(1).lower().split())], _date_value(m.group(2).strip(_WS + ",:")))]
    if m:
        b = re.fullmatch(rf"(.{{4,60}}?),?\s{_BY_LABEL}\s?:?\s({_NAMES_RE})\.?", m.group(2))
        if b and _is_dateline(normalise_line(b.group(1))):
            key = _LABELS[" ".join(m.group(1).lower().split())]
            return [(key, _date_value(b.group(1).strip(_WS + ",:"))), ("author", b.group(2))]
    if _is_dateline(norm):
        return [("dateline", _date_value(stripped))]
    m = _VIEWS.fullmatch(norm)
    if m:
        digits = re.sub(r"\D", "", m.group(1))
        return [("views", int(digits))] if digits else None
    m = _TAGS_LABEL.fullmatch(norm)
    if m:
        return [("tags", [i.strip(_WS) for i in re.split(r"[,;|]", stripped.split(":", 1)[1]) if i.strip(_WS)])]
    m = _PLACE.fullmatch(norm) if len(norm) <= 60 and _PLACE_WORD.search(norm) else None
    if m:
        return [("place", stripped.rsplit(",", 1)[-1].strip(_WS) if m.group(1) else stripped)]
    m = _BYLINE.fullmatch(stripped) if len(stripped) <= 120 and _BY_LABEL_NAME.search(stripped) else None
    if m:
        if m.group(1) is None or m.group(1).lower() in ("written", "story", "words"):
            return [("author", m.group(2))]
        if _is_dateline(normalise_line(m.group(1))):
            return [("dateline", _date_value(m.group(1).strip(_WS))), ("author", m.group(2))]
    m = _NAME_ROLE.fullmatch(stripped) if len(stripped) <= 80 and "," in stripped else None
    if m:
        return [("author", m.group(1))]
    if not seen_title:
        return None
    if len(stripped) <= 50 and stripped.endswith(".") and not stripped.endswith("..") and _NAME.fullmatch(stripped):
        return [("author", stripped.rstrip("."))]
    tags = _tags(raw)
    if tags is not None:
        return [("tags", tags)]
    return None


def _residue(raw: str, languages: tuple[str, ...], norm: str | None = None) -> bool:
    """True for a line the artifacts pass removes anyway (a share bar, an ad label, a cookie notice).

    ``norm`` is ``normalise_line(raw)`` when the caller has it.
    """
    if len(raw) > 500:
        return False
    matcher = line_matcher(languages)
    if norm is None:
        norm = normalise_line(raw)
    if (
        len(raw) <= matcher.max_len * 2 + 40
        and matcher.may_match(norm)
        and matcher.match_normalised(norm, level=1) is not None
    ):
        return True
    if is_share_bar_normalised(norm, min_tokens=1):
        return True
    if len(raw) <= 60 and matcher.inline_pattern is not None and not matcher.inline_pattern.sub("", raw).strip(_WS):
        return True  # only inline markers: "[ad_1]"
    return calendar_kind_normalised(norm) is not None


def _content_lines(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of the non-blank lines among the first ``limit`` lines, found lazily."""
    pos = 0
    find = text.find
    n_text = len(text)
    for _ in range(limit):
        end = find("\n", pos)
        if end < 0:
            end = n_text
        if text[pos:end].strip(_WS):
            yield pos, end
        if end >= n_text:
            return
        pos = end + 1


def header_changes(
    text: str,
    *,
    max_lines: int = 20,
    metadata: dict[str, Any] | None = None,
    languages: Sequence[str] = ("en", "ru"),
) -> Iterator[Change]:
    """Removals of header lines in ``text``; their values go into ``metadata`` (when given).

    Lines that the artifacts pass removes anyway (share bars, ad labels,
    cookie notices in ``languages``) are looked through: they are neither the
    title nor the end of the header zone.
    """
    lines = _content_lines(text, max_lines * 10)
    langs = tuple(languages)
    meta: dict[str, Any] = {} if metadata is None else metadata
    seen_title = False
    content = 0
    n_text = len(text)
    in_zone = True
    plain: list[tuple[int, str]] = []  # (content line number, text) of the header lines that hold no field
    above_field: str | None = None  # the plain line right above the first field line that has one
    try:
        following = next(lines, None)
        while following is not None:
            s, e = following
            following = next(lines, None)
            raw = text[s:e]
            content += 1
            if content > max_lines:
                return
            residue: bool | None = None  # computed at most once per line
            if in_zone and _is_prose(raw) and (seen_title or len(raw) > 250):
                residue = _residue(raw, langs)
                if not residue:
                    in_zone = False
            if not in_zone:
                # past the first paragraph only labelled date lines (Published …) are lifted
                if content > _LABELLED_REACH or len(raw) > 100:
                    continue
                m = _LABELLED.fullmatch(raw.strip(_WS))
                if m is None or not _is_dateline(normalise_line(m.group(2))):
                    continue
            norm = normalise_line(raw)
            found = _classify(raw, norm, seen_title=seen_title)
            if found is None and following is not None and len(raw) <= 50 and _NAME.fullmatch(raw.strip(_WS)):
                # a bare name right above a dateline is a byline
                ns, ne = following
                if _is_dateline(normalise_line(text[ns:ne])):
                    found = [("author", raw.strip(_WS).rstrip("."))]
            if found is None and (residue if residue is not None else _residue(raw, langs, norm)):
                content -= 1  # residue in the header (a calendar, a share bar, a cookie notice) does not count
                continue
            if found is None:
                plain.append((content, raw.strip(_WS)))
                seen_title = True
                continue
            if above_field is None and plain and plain[-1][0] == content - 1:
                above_field = plain[-1][1]
            for key, value in found:
                meta.setdefault(key, value)
                if key == "dateline":
                    meta.setdefault("published", value)
            yield Change(s, e + 1 if e < n_text else e, "", f"common.header-{found[0][0]}")
    finally:
        title = _title(plain, above_field)
        if title is not None:
            meta.setdefault("title", title)


_BREADCRUMB_SEP = re.compile(r"\s(?:/|>|»|›|→|::)\s")
_MENU_SEP = re.compile(r"\s(?:-|–|·|\|)\s")


def _headline_like(line: str, *, min_words: int = 3) -> bool:
    """A line that reads as a headline: ``min_words`` words or more, not a breadcrumb or a menu.

    A breadcrumb is three parts or more between ``/``, ``>``, ``»`` …, none
    longer than three words (``Home / News / Society``); a menu five parts or
    more between ``-``, ``|`` …, none longer than two words.  A page title
    (``Headline - Section | Site``) is neither.
    """
    words = len(line.split())
    if not min_words <= words <= 40 or len(line) > 300 or line.endswith(":") or not any(c.isalpha() for c in line):
        return False
    parts = _BREADCRUMB_SEP.split(line)
    if len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts):
        return False
    parts = _MENU_SEP.split(line)
    return len(parts) < 5 or any(len(p.split()) > 2 for p in parts)


def _title(plain: list[tuple[int, str]], above_field: str | None) -> str | None:
    """The title among the header's plain lines.

    The first plain line when it reads as a headline of two words or more
    (on a whole page, the page title); else the headline-like line right above the first field (a
    byline, a date); else the first headline-like line; else the first plain
    line.  Section names and breadcrumbs above the headline are passed over.

    >>> _title([(1, "Politics"), (2, "Council approves the new budget")], None)
    'Council approves the new budget'
    >>> _title([(1, "Home / News / Society"), (2, "Menu"), (3, "New tram line opens")], "New tram line opens")
    'New tram line opens'
    """
    if plain and _headline_like(plain[0][1], min_words=2):
        return plain[0][1]
    if above_field is not None and _headline_like(above_field):
        return above_field
    for _, line in plain:
        if _headline_like(line):
            return line
    return plain[0][1] if plain else None


def lift_header(text: str, *, max_lines: int = 20) -> tuple[str, dict[str, Any]]:
    """Remove the header lines of ``text``; return the rest and the lifted metadata."""
    meta: dict[str, Any] = {}
    return apply_changes(text, list(header_changes(text, max_lines=max_lines, metadata=meta))), meta


def _langs(value: Sequence[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class HeaderMetadata(Pass):
    """Pass wrapper of :func:`header_changes`: fills ``result.metadata``."""

    name = "metadata"
    max_lines: int = 20
    languages: tuple[str, ...] = attrs.field(default=("en", "ru"), converter=_langs)

    def propose(self, doc: Document) -> list[Change]:
        return list(header_changes(doc.text, max_lines=self.max_lines, metadata=doc.metadata, languages=self.languages))
