"""Date normalisation: find every date, annotate it, optionally rewrite it as ISO 8601.

The pass fills ``result.dates`` with :class:`textclean.dates.Mention`
values in **original** offsets, and ``metadata["published"]`` /
``metadata["modified"]`` (ISO strings) from the document's header lines (of
the original text, so lines an earlier pass lifted out still count) when an
earlier pass has not set them; a value another pass set is only completed
when the header says the same moment with a zone (``13:15`` →
``13:15+03:00``, the zone on the next line).  The publication date is the reference
for year-less dates (``January 5`` → ``2022-01-05``, ``year_inferred``) and
for relative ones (``вчера``, ``2 days ago``).

``style="keep"`` (the default) leaves the wording alone; ``style="iso"``
replaces each resolved, unambiguous expression by its ISO value (year-less
dates without a reference, relative ones without a reference and ambiguous
numeric dates are annotated but left as written).

>>> from textclean.pipeline import Pipeline
>>> r = Pipeline([NormalizeDates()])("Posted 12 января 2022,, 08:30\\nOn the evening of January 5, ...")
>>> r.metadata["published"], [(d.text, d.value) for d in r.dates]
('2022-01-12T08:30', [('12 января 2022,, 08:30', '2022-01-12T08:30'), ('January 5', '2022-01-05')])
>>> Pipeline([NormalizeDates(style="iso")])("Опубликовано 06.01.2022\\nВчера, 5 января, в Москве").text
'Опубликовано 2022-01-06\\n2022-01-05, 2022-01-05, в Москве'
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from textclean import dates
from textclean.edits import Change, apply_changes
from textclean.pipeline import Document, Pass

__all__ = ["NormalizeDates", "normalize_dates"]

_STYLES = ("keep", "iso")
_ORDERS = ("auto", "DMY", "MDY", "YMD")


def _languages(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Keep the languages that have date data (``("en", "ru", "de")`` → ``("en", "ru")``); none known → all."""
    langs = (value,) if isinstance(value, str) else tuple(value)
    known = tuple(lang for lang in langs if lang in dates.LANGUAGES)
    return known or dates.LANGUAGES


def _reference(value: object) -> str | None:
    """An ISO reference from a metadata value (ISO already, or raw header text another pass kept)."""
    if not isinstance(value, str) or not value.strip():
        return None
    first = value.split("/")[0]
    if dates.coerce_reference(first) is not None:
        return first
    mention = dates.parse(value)
    if mention is None or mention.value is None or mention.value.startswith("--"):
        return None
    first = mention.value.split("/")[0]
    return first if dates.coerce_reference(first) is not None else None


def _iso_changes(mentions: list[dates.Mention]) -> Iterator[Change]:
    for m in mentions:
        if m.value is not None and not m.ambiguous and m.value != m.text and not m.value.startswith("--"):
            yield Change(m.start, m.end, m.value, m.rule or "date")


def normalize_dates(
    text: str,
    *,
    reference: dates._finder.Reference = None,
    languages: tuple[str, ...] = ("ru", "en"),
    date_order: str = "auto",
) -> str:
    """``text`` with every resolved, unambiguous date expression rewritten as ISO 8601.

    >>> normalize_dates("Posted 06.01.2022 13:15 (MSK); the night of January 3-4")
    'Posted 2022-01-06T13:15+03:00; the night of 2022-01-03/2022-01-04'
    """
    mentions = dates.find(text, reference=reference, languages=languages, date_order=date_order)
    return apply_changes(text, _iso_changes(mentions))


@attrs.frozen(kw_only=True)
class NormalizeDates(Pass):
    """Annotate dates (``doc.dates``), fill ``published``/``modified``, optionally rewrite as ISO.

    ``header_lines`` bounds how far from the top header lines are looked
    for; ``languages`` and ``date_order`` are those of :func:`textclean.dates.find`
    (languages without date data are dropped, so the pipeline's language
    list can be passed as it is).
    """

    name = "dates"

    style: str = attrs.field(default="keep", validator=attrs.validators.in_(_STYLES))
    languages: tuple[str, ...] = attrs.field(default=("ru", "en"), converter=_languages)
    date_order: str = attrs.field(default="auto", validator=attrs.validators.in_(_ORDERS))
    header_lines: int = 15

    def propose(self, doc: Document) -> list[Change]:
        text = doc.text
        meta = doc.metadata
        # the header as written: an earlier pass may have lifted its lines out of doc.text
        own = dates.document_dates(
            doc.original, languages=self.languages, date_order=self.date_order, max_lines=self.header_lines
        )
        if not own and doc.original[:4000] != text[:4000]:
            own = dates.document_dates(
                text, languages=self.languages, date_order=self.date_order, max_lines=self.header_lines
            )
        for key, mention in own.items():
            value = mention.value
            if value is None or value.startswith("--"):
                continue
            current = meta.get(key)
            if not isinstance(current, str):
                meta[key] = value
            elif value != current and value.startswith(current) and value[len(current) :][:1] in ("+", "-", "Z", ":"):
                meta[key] = value  # same moment, read with its zone or seconds (zone on the next line)
        reference = _reference(meta.get("published")) or _reference(meta.get("modified"))
        mentions = dates.find(
            text,
            reference=reference,
            languages=self.languages,
            date_order=self.date_order,
            infer_reference=False,
        )
        original = doc.original
        to_original = doc.span_to_original
        append = doc.dates.append
        for m in mentions:
            start, end = to_original(m.start, m.end)
            append(m.moved(start, end, original[start:end]))
        if self.style == "iso":
            return list(_iso_changes(mentions))
        return []
