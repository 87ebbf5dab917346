"""Repeated passages inside one document: scraped copies, teasers, doubled titles and labels.

:func:`find` returns one :class:`Repeat` per redundant copy.  Copies are found
at span level on the word stream, so a copy appended to another paragraph,
split across a line break or slightly edited is found as well as a whole
paragraph said twice; a truncated teaser (``… metropolis - Almaty....``) is
matched to the complete text it announces.

>>> from textclean import repeats
>>> para = "Events are now unfolding around the control of the largest city, officials said on Monday."
>>> text = f"{para[:60]}...\\n\\n{para} More follows.\\n\\nThe end."
>>> [(r.kind, r.start, r.end) for r in repeats.find(text, min_chars=40)]
[('teaser', 0, 63)]

The copy that stays is the complete one, in its original context; see
:class:`textclean.passes.repeats.RemoveRepeats` for the pass that removes the
others.
"""

from __future__ import annotations

from textclean.repeats._find import find
from textclean.repeats._lines import HeaderGroup, header_groups, header_repeats, label_repeats, line_repeats
from textclean.repeats._model import KINDS, Repeat
from textclean.repeats._removal import removal_span
from textclean.repeats._spans import similarity

__all__ = [
    "KINDS",
    "HeaderGroup",
    "Repeat",
    "find",
    "header_groups",
    "header_repeats",
    "label_repeats",
    "line_repeats",
    "removal_span",
    "similarity",
]
