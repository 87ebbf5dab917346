"""The default pipeline: which passes run, in which order, with which options."""

from __future__ import annotations

import os
from typing import Any

import attrs

from textclean.config import Aggressiveness
from textclean.passes.artifacts import Artifacts
from textclean.passes.chrome import ChromePass
from textclean.passes.dates import NormalizeDates
from textclean.passes.metadata import HeaderMetadata
from textclean.passes.repeats import RemoveRepeats
from textclean.passes.structure import TidyWhitespace
from textclean.passes.unicode import CONSERVATIVE_FTFY, FixUnicode
from textclean.pipeline import Pass, Pipeline
from textclean.rules import LANGUAGES

#: Every language with a rule file: scraped corpora mix languages, and a rule of
#: one language does not fire on another's prose (measured on the dev pages:
#: no English or Russian page loses a token with the German, Spanish and French
#: rules loaded, while their pages lose more residue).
ALL_LANGUAGES: tuple[str, ...] = tuple(lang for lang in LANGUAGES if lang != "common")

__all__ = ["ALL_LANGUAGES", "DefaultOptions", "default_pipeline"]


def _aggr(value: Aggressiveness | str) -> Aggressiveness:
    return value if isinstance(value, Aggressiveness) else Aggressiveness(value)


@attrs.frozen(kw_only=True)
class DefaultOptions:
    """Options of :func:`default_pipeline`; unknown names are an error.

    * ``aggressiveness`` — how much structural rules may remove when unsure;
    * ``languages`` — which per-language phrase rules to load (``common`` rules always run;
      default: every shipped language, en ru de es fr);
    * ``unicode`` — repair mojibake and entities with ftfy (``ftfy_config`` to change how);
    * ``metadata`` — lift header lines (published, author, views, tags …) into ``result.metadata``;
    * ``residue`` — remove scraper residue: ads, read-also, prompts, widgets, credits, comments;
    * ``chrome`` — remove page chrome (menus, link lists, footers) from whole-page text;
    * ``repeats`` — remove repeated passages (a teaser, a doubled title, a paragraph pasted twice);
      ``repeat_min_chars`` / ``repeat_min_similarity`` — the shortest copy and the similarity floor;
    * ``dates`` — find date mentions (``result.dates``, ISO 8601 values) and fill
      ``metadata["published"]``/``["modified"]``; ``date_style="iso"`` rewrites them in the text;
    * ``boilerplate_model`` — a :class:`~textclean.corpus.boilerplate.BoilerplateModel` or its file;
      ``boilerplate_site`` — the site whose learned lines to remove (default: every site's).
    """

    aggressiveness: Aggressiveness = attrs.field(default=Aggressiveness.BALANCED, converter=_aggr)
    languages: tuple[str, ...] = attrs.field(default=ALL_LANGUAGES, converter=tuple)
    unicode: bool = True
    ftfy_config: Any = CONSERVATIVE_FTFY
    metadata: bool = True
    residue: bool = True
    chrome: bool = True
    repeats: bool = True
    repeat_min_chars: int = 60
    repeat_min_similarity: float = 0.85
    dates: bool = True
    date_style: str = "keep"
    boilerplate_model: Any = None
    boilerplate_site: str | None = None


def default_pipeline(**options: Any) -> Pipeline:
    """Build the default pipeline; keyword options are those of :class:`DefaultOptions`.

    >>> default_pipeline().names
    ['unicode', 'structure', 'metadata', 'artifacts', 'chrome', 'repeats', 'structure', 'dates']
    >>> default_pipeline(unicode=False, chrome=False).names[0]
    'structure'
    """
    opts = DefaultOptions(**options)
    steps: list[Pass] = []
    if opts.unicode:
        steps.append(FixUnicode(opts.ftfy_config))
    steps.append(TidyWhitespace())
    if opts.metadata:
        steps.append(HeaderMetadata(languages=opts.languages))
    if opts.residue:
        steps.append(Artifacts(languages=opts.languages, aggressiveness=opts.aggressiveness))
    if opts.boilerplate_model is not None:
        from textclean.corpus.boilerplate import BoilerplateModel, RemoveBoilerplate

        model = opts.boilerplate_model
        if isinstance(model, str | os.PathLike):
            model = BoilerplateModel.load(model)
        steps.append(RemoveBoilerplate(model=model, site=opts.boilerplate_site))
    if opts.chrome:
        steps.append(ChromePass(aggressiveness=opts.aggressiveness))
    if opts.repeats:
        steps.append(RemoveRepeats(min_chars=opts.repeat_min_chars, min_similarity=opts.repeat_min_similarity))
    # removed lines leave blank runs behind: tidy once more at the end
    steps.append(TidyWhitespace())
    if opts.dates:
        steps.append(NormalizeDates(style=opts.date_style, languages=opts.languages))
    return Pipeline(steps)
