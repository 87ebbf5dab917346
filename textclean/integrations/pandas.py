"""pandas adapter: a ``Series`` of texts in, a ``DataFrame`` of text, edits and errors out.

Needs ``pip install 'textclean[pandas]'``; examples in ``docs/scaling.md``.
"""

from __future__ import annotations

from typing import Any

from textclean.integrations._common import clean_batch, require
from textclean.pipeline import Pipeline

__all__ = ["clean_series"]


def clean_series(series: Any, pipeline: Pipeline | None = None) -> Any:
    """Clean every text of ``series``; the result keeps its index.

    Columns: ``text`` (``pipeline(text).text``, or the value unchanged when it
    could not be cleaned), ``edits`` (a list of edit dicts, as
    :meth:`textclean.Edit.to_dict`) and ``error`` (``None`` or the message).
    """
    pd = require("pandas", "pandas")
    if pipeline is None:
        from textclean.defaults import default_pipeline

        pipeline = default_pipeline()
    texts, edits, errors = clean_batch(pipeline, series.tolist())
    columns = {"text": texts, "edits": edits, "error": errors}
    return pd.DataFrame({k: pd.Series(v, index=series.index, dtype=object) for k, v in columns.items()})
