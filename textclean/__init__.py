"""textclean: turn the raw text that web scrapers produce into clean, trustworthy text.

>>> import textclean
>>> r = textclean.clean("Hello   \\n\\n\\n\\nworld")
>>> r.text
'Hello\\n\\nworld'
>>> r.restore() == "Hello   \\n\\n\\n\\nworld"
True
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from textclean.config import Aggressiveness
from textclean.defaults import default_pipeline
from textclean.edits import Change, Edit
from textclean.pipeline import Cleaned, Document, Pass, PassError, Pipeline

__all__ = [
    "Aggressiveness",
    "Change",
    "Cleaned",
    "Document",
    "Edit",
    "Pass",
    "PassError",
    "Pipeline",
    "__version__",
    "clean",
    "default_pipeline",
]

__version__ = "0.1.0"


@lru_cache(maxsize=8)
def _cached_default(items: tuple[tuple[str, Any], ...]) -> Pipeline:
    return default_pipeline(**dict(items))


def clean(text: str, **options: Any) -> Cleaned:
    """Clean ``text`` with the default pipeline (options as :func:`default_pipeline`)."""
    try:
        pipe = _cached_default(tuple(sorted(options.items())))
    except TypeError:  # unhashable option values: build afresh
        pipe = default_pipeline(**options)
    return pipe(text)
