"""Pipeline values: composition, bare callables, pickling, errors, counters."""

from __future__ import annotations

import pickle
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textclean
from textclean import Pipeline
from textclean.edits import Change
from textclean.passes.structure import TidyWhitespace
from textclean.pipeline import Document, FunctionPass, Pass, PassError, run_passes


def shout(text: str) -> str:
    return text.replace("quiet", "LOUD")


class DropDigits(Pass):
    name = "digits"

    def propose(self, doc: Document) -> list[Change]:
        return [Change(i, i + 1, "", "digit") for i, ch in enumerate(doc.text) if ch.isdigit()]


def test_bare_callables_are_one_coarse_edit() -> None:
    result = Pipeline([shout])("a quiet day")
    assert result.text == "a LOUD day"
    (edit,) = result.edits
    assert (edit.pass_name, edit.rule, edit.removed, edit.replacement) == ("shout", "callable", "quiet", "LOUD")
    assert result.restore() == "a quiet day"


def test_offsets_compose_across_passes() -> None:
    text = "1a quiet  2\n\n\n\nb3"
    result = Pipeline([DropDigits(), shout, TidyWhitespace()])(text)
    assert result.text == "a LOUD\n\nb"
    assert result.restore() == text
    for edit in result.edits:
        assert text[edit.start : edit.end] == edit.removed
    assert result.counts["digits:digit"] == 3


def test_pipelines_are_values_and_pickle() -> None:
    pipe = textclean.default_pipeline()
    clone = pickle.loads(pickle.dumps(pipe))
    assert clone == pipe
    text = "Hello  \n\n\n\nworld"
    assert clone(text) == pipe(text)
    assert Pipeline([shout]) + [TidyWhitespace()] == Pipeline([FunctionPass(shout), TidyWhitespace()])  # noqa: RUF005
    assert "structure" not in pipe.without("structure").names
    assert "1. unicode" in pipe.describe()


def test_failing_pass_is_named() -> None:
    def boom(text: str) -> str:
        raise ValueError("bad")

    with pytest.raises(PassError, match="'boom' failed: ValueError: bad"):
        Pipeline([boom])("x")


def test_non_string_results_and_inputs_are_rejected() -> None:
    with pytest.raises(PassError, match="returned int"):
        Pipeline([lambda t: 3])("x")  # type: ignore[list-item,return-value]
    with pytest.raises(TypeError):
        textclean.clean(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Pipeline([42])  # type: ignore[list-item]


def test_default_options_are_checked() -> None:
    with pytest.raises(TypeError):
        textclean.default_pipeline(no_such_option=True)
    with pytest.raises(ValueError):
        textclean.default_pipeline(aggressiveness="extreme")


def _reference_tidy(text: str) -> str:
    from textclean.passes.structure import _WS_SET

    lines = [line.rstrip(_WS_SET) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "\t", "\u00a0", "\ufeff", "\r"]), max_size=40))
def test_tidy_whitespace_matches_a_line_based_reference(text: str) -> None:
    from textclean.passes.structure import tidy_whitespace

    assert tidy_whitespace(text) == _reference_tidy(text)


def test_run_passes_and_edits_by_rule() -> None:
    text = "a  b\n\n\n\nc  d"
    result = run_passes([TidyWhitespace()], text)
    assert result == Pipeline([TidyWhitespace()])(text)
    assert result.text == "a  b\n\nc  d"
    assert result.by_rule() == Counter({"structure:blank-lines": 1})
