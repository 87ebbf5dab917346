"""What the cleaning adapters share: clean a batch of texts, keep failures as errors."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

from textclean.pipeline import Pipeline

__all__ = ["BatchCleaner", "clean_batch", "require"]


def require(module: str, extra: str) -> Any:
    """Import ``module`` or fail with the extra that provides it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"this adapter needs {module}: pip install 'textclean[{extra}]'") from exc


def clean_batch(
    pipeline: Pipeline, texts: Iterable[Any]
) -> tuple[list[Any], list[list[dict[str, object]]], list[str | None]]:
    """``(texts, edits, errors)`` for a batch.

    A value that is not a string, or whose cleaning raises, comes back
    unchanged with no edits and its error message.

    >>> from textclean.pipeline import Pipeline
    >>> texts, edits, errors = clean_batch(Pipeline([str.strip]), [" a ", None])
    >>> texts, errors
    (['a', None], [None, 'ValueError: missing text'])
    >>> edits[0][0]["removed"]
    ' a '
    """
    out: list[Any] = []
    edits: list[list[dict[str, object]]] = []
    errors: list[str | None] = []
    for text in texts:
        try:
            if text is None or (isinstance(text, float) and math.isnan(text)):
                raise ValueError("missing text")
            if not isinstance(text, str):
                raise TypeError(f"expected str, got {type(text).__name__}")
            result = pipeline(text)
        except Exception as exc:  # noqa: BLE001 - a record that fails is passed through, never dropped
            out.append(text)
            edits.append([])
            errors.append(f"{type(exc).__name__}: {exc}")
            continue
        out.append(result.text)
        edits.append([e.to_dict() for e in result.edits])
        errors.append(None)
    return out, edits, errors


class BatchCleaner:
    """A picklable callable: cleans column ``field`` of a dict-of-columns batch.

    Adds ``{field}_edits`` (the edits as a JSON string, so the column has one
    Arrow type whatever the edits) and ``{field}_error``.
    """

    def __init__(self, pipeline: Pipeline | None, field: str) -> None:
        if pipeline is None:
            from textclean.defaults import default_pipeline

            pipeline = default_pipeline()
        self.pipeline = pipeline
        self.field = field

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        if self.field not in batch:
            raise KeyError(f"no column {self.field!r} in the batch (columns: {sorted(batch)})")
        texts, edits, errors = clean_batch(self.pipeline, list(batch[self.field]))
        out = dict(batch)
        out[self.field] = texts
        out[f"{self.field}_edits"] = [json.dumps(e, ensure_ascii=False) for e in edits]
        out[f"{self.field}_error"] = errors
        return out
