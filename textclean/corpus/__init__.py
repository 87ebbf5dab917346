"""Corpus-level tools: objects that look across documents, owned by the caller.

* :class:`Deduplicator` (with :class:`DedupConfig` and :class:`Cluster`):
  exact and near-duplicate records; needs numpy (``pip install 'textclean[dedup]'``).
* :class:`BoilerplateModel` and the :class:`RemoveBoilerplate` pass: lines
  that repeat across a site's pages.

Names are imported on first use, so ``import textclean.corpus`` is cheap and
never fails for want of an extra.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textclean.corpus.boilerplate import BoilerplateModel, RemoveBoilerplate
    from textclean.corpus.dedup import Cluster, DedupConfig, Deduplicator

__all__ = ["BoilerplateModel", "Cluster", "DedupConfig", "Deduplicator", "RemoveBoilerplate"]

_LAZY = {
    "BoilerplateModel": "textclean.corpus.boilerplate",
    "RemoveBoilerplate": "textclean.corpus.boilerplate",
    "Cluster": "textclean.corpus.dedup",
    "DedupConfig": "textclean.corpus.dedup",
    "Deduplicator": "textclean.corpus.dedup",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
