"""Adapters for data frameworks; each lives behind an extra and imports it lazily.

* :mod:`textclean.integrations.pandas`: ``clean_series`` (``pip install 'textclean[pandas]'``);
* :mod:`textclean.integrations.datasets`: ``clean_dataset`` for Hugging Face ``datasets``
  (``pip install 'textclean[datasets]'``);
* :mod:`textclean.integrations.ray`: ``clean_dataset`` and ``dedup_dataset`` on Ray Data
  (``pip install 'textclean[ray]'``).

All cleaning adapters give exactly ``pipeline(text).text`` for every record,
and pass a record that fails to clean through unchanged with its error in a
separate column, never dropping it.
"""

from __future__ import annotations

__all__: list[str] = []
