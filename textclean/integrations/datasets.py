"""Hugging Face ``datasets`` adapter: ``Dataset.map(batched=True)`` over the same pipeline.

Needs ``pip install 'textclean[datasets]'``; examples in ``docs/scaling.md``.
"""

from __future__ import annotations

from typing import Any

from textclean.integrations._common import BatchCleaner, require
from textclean.pipeline import Pipeline

__all__ = ["clean_dataset"]


def clean_dataset(
    ds: Any,
    field: str = "text",
    pipeline: Pipeline | None = None,
    *,
    batch_size: int = 256,
    num_proc: int | None = None,
) -> Any:
    """Clean column ``field`` of a ``datasets.Dataset``.

    ``field`` gets ``pipeline(text).text``; ``{field}_edits`` holds the edits
    as a JSON string and ``{field}_error`` the error of a record that could
    not be cleaned (its text is passed through unchanged).  ``num_proc``
    cleans in worker processes (the pipeline pickles).
    """
    hf = require("datasets", "datasets")
    if field not in ds.column_names:
        raise KeyError(f"no column {field!r} in the dataset (columns: {ds.column_names})")
    features = ds.features.copy()
    for column in (f"{field}_edits", f"{field}_error"):  # typed up front: the first batch may hold no error
        features[column] = hf.Value("string")
    return ds.map(
        BatchCleaner(pipeline, field), batched=True, batch_size=batch_size, num_proc=num_proc, features=features
    )
