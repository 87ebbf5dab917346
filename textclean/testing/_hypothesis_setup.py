"""Hypothesis entry point: registers textclean's sample types for ``st.from_type``.

Kept apart from :mod:`textclean.testing` so that Hypothesis can load it while it
is itself being imported; the strategies are built lazily on first use.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    from textclean.testing._generate import Artifact, DateSample, RepeatedPassages, ScrapedDocument

    def lazy(name: str) -> st.SearchStrategy[object]:
        def build() -> st.SearchStrategy[object]:
            from textclean.testing import strategies

            return getattr(strategies, name)()  # type: ignore[no-any-return]

        return st.deferred(build)

    st.register_type_strategy(ScrapedDocument, lazy("scraped_documents"))
    st.register_type_strategy(Artifact, lazy("artifacts"))
    st.register_type_strategy(DateSample, lazy("dates"))
    st.register_type_strategy(RepeatedPassages, lazy("repeated_passages"))
