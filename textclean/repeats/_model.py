"""The :class:`Repeat` value and the kinds of repeat."""

from __future__ import annotations

import attrs

__all__ = ["KINDS", "Repeat"]

#: Every kind :func:`textclean.repeats.find` reports, in the order the docs describe them.
KINDS: tuple[str, ...] = ("exact", "near", "teaser", "contained", "line", "header", "label")


def _check_kind(_inst: object, _attr: object, value: str) -> None:
    if value not in KINDS:
        raise ValueError(f"unknown repeat kind {value!r}; expected one of {KINDS}")


@attrs.frozen(slots=True)
class Repeat:
    """A redundant copy of a passage and the copy that stays.

    ``start``/``end`` delimit the redundant copy (usually the later one; for a
    ``teaser`` or a ``contained`` fragment it may come first), and
    ``source_start``/``source_end`` the copy it repeats, which is kept.
    ``similarity`` is the share of words the two copies have in common after
    alignment (1.0 for an exact copy).  ``removed`` tells whether a pass
    removed the copy (``find`` itself never removes anything).
    """

    start: int
    end: int
    source_start: int
    source_end: int
    similarity: float
    kind: str = attrs.field(validator=_check_kind)
    removed: bool = False

    @property
    def length(self) -> int:
        """Characters in the redundant copy."""
        return self.end - self.start
