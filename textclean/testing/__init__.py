"""Property-based testing for cleaners: Hypothesis strategies and ready-made properties.

>>> from textclean.testing import properties, strategies
>>> from hypothesis import given, settings
>>> import textclean
>>> @settings(max_examples=10, deadline=None, database=None)
... @given(strategies.articles())
... def test_clean_prose_is_untouched(text):
...     properties.assert_unchanged(textclean.clean, text)
>>> test_clean_prose_is_untouched()

* :mod:`~textclean.testing.strategies` — ``articles``, ``artifacts``,
  ``scraped_documents``, ``dates``, ``repeated_passages`` (Hypothesis
  strategies that shrink to minimal counter-examples);
* :mod:`~textclean.testing.properties` — ``assert_idempotent``,
  ``assert_unchanged``, ``assert_restores``, ``assert_only_removes_reported``;
* :mod:`~textclean.testing.samples` — the same generators as seeded lists, for
  measurements.

This package (and so Hypothesis) is imported only when you import it; the
core of textclean never does.
"""

from __future__ import annotations

from textclean.testing import properties, samples, strategies
from textclean.testing._generate import (
    ALL_KINDS,
    Artifact,
    ArtifactKind,
    DateSample,
    PlacedArtifact,
    RepeatedPassages,
    ScrapedDocument,
    reference_clean,
)

__all__ = [
    "ALL_KINDS",
    "Artifact",
    "ArtifactKind",
    "DateSample",
    "PlacedArtifact",
    "RepeatedPassages",
    "ScrapedDocument",
    "properties",
    "reference_clean",
    "samples",
    "strategies",
]
