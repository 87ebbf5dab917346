"""pandas and Hugging Face datasets adapters: byte-identical to the pipeline, failures kept."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textclean
from textclean.pipeline import Pipeline

TEXTS = ["Hello   \n\n\n\nworld", "caf\u00c3\u00a9 menu  \n", "", "Привет,   мир\n\n\n"]


def _boom(text: str) -> str:
    if "boom" in text:
        raise RuntimeError("cannot clean this one")
    return text.strip()


def test_pandas_series_to_frame() -> None:
    pd = pytest.importorskip("pandas")
    from textclean.integrations.pandas import clean_series

    series = pd.Series(TEXTS, index=[f"r{i}" for i in range(len(TEXTS))], dtype=object)
    df = clean_series(series)
    pipe = textclean.default_pipeline()
    assert list(df.index) == list(series.index)
    assert df["text"].tolist() == [pipe(t).text for t in TEXTS]
    assert df["edits"].tolist() == [[e.to_dict() for e in pipe(t).edits] for t in TEXTS]
    assert df["error"].isna().all()


def test_pandas_failures_pass_through() -> None:
    pd = pytest.importorskip("pandas")
    from textclean.integrations.pandas import clean_series

    df = clean_series(pd.Series([" ok ", " boom ", None], dtype=object), pipeline=Pipeline([_boom]))
    assert df["text"].tolist()[:2] == ["ok", " boom "]
    assert df["error"].tolist()[0] is None
    assert "cannot clean this one" in df["error"].tolist()[1]
    assert df["error"].tolist()[2] == "ValueError: missing text"
    assert len(df) == 3


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=8))
def test_pandas_matches_the_pipeline(texts: list[str]) -> None:
    pd = pytest.importorskip("pandas")
    from textclean.integrations.pandas import clean_series

    df = clean_series(pd.Series(texts, dtype=object))
    assert df["text"].tolist() == [textclean.clean(t).text for t in texts]


def test_datasets_map_batched() -> None:
    datasets = pytest.importorskip("datasets")
    from textclean.integrations.datasets import clean_dataset

    rows = {"text": [*TEXTS, " boom "], "n": list(range(len(TEXTS) + 1))}
    pipe = textclean.default_pipeline().__add__([_boom])
    ds = clean_dataset(datasets.Dataset.from_dict(rows), pipeline=pipe, batch_size=2)
    assert ds.column_names == ["text", "n", "text_edits", "text_error"]
    assert list(ds["text"])[:-1] == [pipe(t).text for t in TEXTS]
    assert list(ds["text"])[-1] == " boom "
    assert [json.loads(e) for e in ds["text_edits"]][:-1] == [[e.to_dict() for e in pipe(t).edits] for t in TEXTS]
    assert list(ds["text_error"])[:-1] == [None] * len(TEXTS)
    assert "cannot clean this one" in list(ds["text_error"])[-1]
    assert list(ds["n"]) == rows["n"]


def test_missing_column_is_named() -> None:
    datasets = pytest.importorskip("datasets")
    from textclean.integrations.datasets import clean_dataset

    with pytest.raises(KeyError, match="no column 'body'"):
        clean_dataset(datasets.Dataset.from_dict({"text": ["a"]}), field="body")


def test_ray_cluster_join_back_and_drop() -> None:
    np = pytest.importorskip("numpy")
    from textclean.integrations.ray import _Assign, _components

    roots = _components([{"a": "x", "b": "y"}, {"a": "y", "b": "z"}, {"a": "p", "b": "q"}])
    assert roots == {"x": "x", "y": "x", "z": "x", "p": "p", "q": "p"}
    mapping = {"x": "z", "y": "z", "z": "z", "p": "p", "q": "p"}
    batch = {"id": np.array(["x", "u", "z", "q", "p"], dtype=object), "n": np.arange(5)}
    out = _Assign(mapping, "id", drop=False)(batch)
    assert out["dup_keep"].tolist() == [False, True, True, False, True]
    assert out["dup_cluster"].tolist() == ['"z"', None, '"z"', '"p"', '"p"']
    dropped = _Assign(mapping, "id", drop=True)(batch)
    assert dropped["id"].tolist() == ["u", "z", "p"] and dropped["n"].tolist() == [1, 2, 4]
