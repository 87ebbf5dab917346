"""Golden data: the seeds (in the wild), synthetic residue and a negative set of prose that must not change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from textclean import Pipeline, default_pipeline
from textclean.defaults import ALL_LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


def _load(name: str) -> list[dict[str, Any]]:
    with (GOLDEN / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _pipeline(aggressiveness: str = "balanced") -> Pipeline:
    # the whole default pipeline: the golden sets speak for what users get
    return default_pipeline(aggressiveness=aggressiveness)


PIPE = _pipeline()


def _squash(text: str) -> str:
    return " ".join(text.split())


def _check(case: dict[str, Any], text: str) -> None:
    result = (PIPE if "aggressiveness" not in case else _pipeline(case["aggressiveness"]))(text)
    out = _squash(result.text)
    assert result.restore() == text
    for line in case["must_go"]:
        assert _squash(line) not in out, f"still there: {line!r}"
    for line in case["must_stay"]:
        assert _squash(line) in out, f"lost: {line!r}"
    for key, value in case.get("metadata", {}).items():
        assert result.metadata.get(key) == value, key


@pytest.mark.parametrize("case", _load("in_the_wild.jsonl"), ids=lambda c: Path(c["seed"]).stem)
def test_in_the_wild(case: dict[str, Any]) -> None:
    text = (ROOT / case["seed"]).read_text(encoding="utf-8")
    _check(case, text)
    if case.get("unchanged"):
        assert _squash(PIPE(text).text) == _squash(text)


@pytest.mark.parametrize("case", _load("synthetic.jsonl"), ids=lambda c: c["name"])
def test_synthetic(case: dict[str, Any]) -> None:
    _check(case, case["text"])


NEGATIVE = _load("negative.jsonl")


def test_negative_set_is_large_enough() -> None:
    assert len(NEGATIVE) >= 40
    # every language whose rules the default pipeline loads has prose that must stay
    assert {c["lang"] for c in NEGATIVE} >= set(ALL_LANGUAGES)


@pytest.mark.parametrize("case", NEGATIVE, ids=lambda c: c["text"][:40])
def test_negative_unchanged(case: dict[str, Any]) -> None:
    result = PIPE(case["text"])
    assert result.text == case["text"], [e.qualified_rule for e in result.edits]
