"""The :class:`Mention` value: one date expression found in a text."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["GRAINS", "KINDS", "Mention"]

#: Grains from coarsest to finest.
GRAINS = ("decade", "year", "month", "week", "day", "hour", "minute", "second")
#: ``date`` — one point at its own grain; ``range`` — ``start/end``;
#: ``relative`` — computed from the reference (``вчера``, ``2 days ago``, ``last year``).
KINDS = ("date", "range", "relative")


@attrs.frozen(slots=True)
class Mention:
    """A date expression: where it is, what it says, and its ISO 8601 value.

    ``value`` is ISO 8601 at the expression's own grain (``2018``,
    ``2024-05``, ``2022-01-05``, ``2022-01-12T08:30``,
    ``2022-01-06T13:15+03:00``, ranges as ``start/end``).  A year-less date
    with no reference keeps the ISO "no year" form (``--01-05``, ``--01``);
    a relative expression with no reference has ``value=None``.

    ``ambiguous`` is true when the day/month order could not be known;
    ``alternatives`` then holds the other readings.  ``year_inferred`` is
    true when the year came from the reference, not from the text.
    ``rule`` names the form that matched (``dm``, ``md``, ``num``, ...).
    """

    start: int
    end: int
    text: str
    value: str | None
    grain: str
    kind: str = "date"
    ambiguous: bool = False
    alternatives: tuple[str, ...] = ()
    year_inferred: bool = False
    lang: str | None = None
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        d = attrs.asdict(self)
        d["alternatives"] = list(self.alternatives)
        return d

    def moved(self, start: int, end: int, text: str) -> Mention:
        """The same mention at another place: ``start``, ``end`` and ``text`` replaced."""
        return Mention(
            start,
            end,
            text,
            self.value,
            self.grain,
            self.kind,
            self.ambiguous,
            self.alternatives,
            self.year_inferred,
            self.lang,
            self.rule,
        )

    def shifted(self, offset: int) -> Mention:
        """The same mention with offsets moved by ``offset``."""
        return attrs.evolve(self, start=self.start + offset, end=self.end + offset)
