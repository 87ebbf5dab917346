"""Shared configuration values: frozen, typed, changed with :func:`attrs.evolve`."""

from __future__ import annotations

import enum

__all__ = ["Aggressiveness"]


class Aggressiveness(enum.Enum):
    """How much a structural rule may remove when it is unsure.

    One enum instead of contradictory booleans (``favor_precision`` and
    ``favor_recall`` in other tools):

    * ``CONSERVATIVE`` removes only what a rule is sure of (exact markers,
      whole-line phrases);
    * ``BALANCED`` (the default) also removes runs of short non-prose lines
      that structural evidence marks as chrome;
    * ``AGGRESSIVE`` trades some recall of article text for cleaner output.

    >>> Aggressiveness("balanced") is Aggressiveness.BALANCED
    True
    >>> Aggressiveness.CONSERVATIVE < Aggressiveness.AGGRESSIVE
    True
    """

    CONSERVATIVE = "conservative"
    BALANCED = "balanced"
    AGGRESSIVE = "aggressive"

    @property
    def level(self) -> int:
        """0, 1 or 2: handy for thresholds that scale with aggressiveness."""
        return _LEVELS[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Aggressiveness):
            return NotImplemented
        return self.level < other.level

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Aggressiveness):
            return NotImplemented
        return self.level <= other.level


_LEVELS = {Aggressiveness.CONSERVATIVE: 0, Aggressiveness.BALANCED: 1, Aggressiveness.AGGRESSIVE: 2}
