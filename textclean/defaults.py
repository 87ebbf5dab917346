"""The default pipeline: which passes run, in which order, with which options."""

from __future__ import annotations

from typing import Any

import attrs

from textclean.config import Aggressiveness
from textclean.passes.structure import TidyWhitespace
from textclean.passes.unicode import CONSERVATIVE_FTFY, FixUnicode
from textclean.pipeline import Pass, Pipeline

__all__ = ["DefaultOptions", "default_pipeline"]


def _aggr(value: Aggressiveness | str) -> Aggressiveness:
    return value if isinstance(value, Aggressiveness) else Aggressiveness(value)


@attrs.frozen(kw_only=True)
class DefaultOptions:
    """Options of :func:`default_pipeline`; unknown names are an error.

    ``unicode=False`` skips ftfy; ``aggressiveness`` scales the structural
    rules; ``languages`` limits the phrase rules loaded.
    """

    aggressiveness: Aggressiveness = attrs.field(default=Aggressiveness.BALANCED, converter=_aggr)
    languages: tuple[str, ...] = attrs.field(default=("en", "ru"), converter=tuple)
    unicode: bool = True
    ftfy_config: Any = CONSERVATIVE_FTFY


def default_pipeline(**options: Any) -> Pipeline:
    """Build the default pipeline; keyword options are those of :class:`DefaultOptions`.

    >>> default_pipeline().names[:2]
    ['unicode', 'structure']
    >>> default_pipeline(unicode=False).names[0]
    'structure'
    """
    opts = DefaultOptions(**options)
    steps: list[Pass] = []
    if opts.unicode:
        steps.append(FixUnicode(opts.ftfy_config))
    steps.append(TidyWhitespace())
    return Pipeline(steps)
