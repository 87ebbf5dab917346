"""The properties of textclean.testing: they pass for sound cleaners and explain failures of broken ones."""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from textclean.edits import Change, Edit
from textclean.passes.structure import TidyWhitespace
from textclean.pipeline import Cleaned, Document, Pass, Pipeline
from textclean.testing import properties, strategies
from textclean.testing.properties import PropertyFailure, first_difference

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIND = settings(
    max_examples=1000, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
)

SUBSCRIBE = re.compile(r"^.*Подписаться.*\n?", re.MULTILINE)


def drop_subscribe_lines(text: str) -> str:
    """A naive cleaner: drops every line that mentions «Подписаться»."""
    return SUBSCRIBE.sub("", text).strip()


def _fake(text: str, out: str, edits: Iterable[Edit]) -> Cleaned:
    return Cleaned(text=out, original=text, edits=tuple(edits))


# -- first_difference / describe_difference ------------------------------------------------


@given(st.text(max_size=30), st.text(max_size=30))
def test_first_difference_matches_a_naive_scan(a: str, b: str) -> None:
    naive = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
    if naive is None and len(a) != len(b):
        naive = min(len(a), len(b))
    assert first_difference(a, b) == naive


def test_describe_difference_points_at_the_change() -> None:
    text = properties.describe_difference("line one\nline two\nline three", "line one\nline three")
    assert "offset 15 (line 2, column 7)" in text
    assert "the change: [15:24] 'wo\\nline t' -> ''" in text


# -- idempotence -----------------------------------------------------------------------


@FAST
@given(st.text())
def test_sound_cleaners_are_idempotent(text: str) -> None:
    properties.assert_idempotent(str.strip, text)
    properties.assert_idempotent(TidyWhitespace(), text)
    properties.assert_idempotent(Pipeline([TidyWhitespace(), str.rstrip]), text)


def test_idempotence_failure_names_the_second_run_edit() -> None:
    def drop_first_line(text: str) -> str:
        return text.split("\n", 1)[1] if "\n" in text else text

    with pytest.raises(PropertyFailure) as err:
        properties.assert_idempotent(Pipeline([drop_first_line]), "a\nb\nc")
    message = str(err.value)
    assert "not idempotent" in message
    assert "after one run:  'b\\nc'" in message and "after two runs: 'c'" in message
    assert "drop_first_line:callable" in message


# -- unchanged ---------------------------------------------------------------------------------


def test_naive_cleaner_is_caught_with_a_minimal_example() -> None:
    @settings(max_examples=100, deadline=None, database=None, derandomize=True)
    @given(strategies.articles(lang="ru"))
    def check(text: str) -> None:
        properties.assert_unchanged(drop_subscribe_lines, text)

    with pytest.raises(PropertyFailure, match="changed text that should pass through untouched"):
        check()
    minimal = find(strategies.articles(lang="ru"), lambda t: drop_subscribe_lines(t) != t, settings=FIND)
    assert "Подписаться" in minimal and len(minimal.split("\n\n")) <= 2 and len(minimal) < 120


def test_unchanged_failure_shows_edits_and_position() -> None:
    with pytest.raises(PropertyFailure) as err:
        properties.assert_unchanged(Pipeline([drop_subscribe_lines]), "Первый абзац.\n\nПодписаться на петицию.")
    message = str(err.value)
    assert "first difference at offset 13" in message
    assert "edits reported there" in message and "drop_subscribe_lines:callable" in message


@FAST
@given(strategies.articles())
def test_whitespace_pass_leaves_clean_prose_alone(text: str) -> None:
    properties.assert_unchanged(TidyWhitespace(), text)


# -- restore and only-removes-reported --------------------------------------------------------------


@attrs.frozen
class DropLines(Pass):
    """A sound pass: removes whole lines that match ``pattern`` (with their newline)."""

    name = "drop-lines"
    pattern: str = "^Share.*(?:\n|$)"

    def propose(self, doc: Document) -> list[Change]:
        return [Change(m.start(), m.end(), "", "line") for m in re.finditer(self.pattern, doc.text, re.MULTILINE)]


@FAST
@given(strategies.scraped_documents(kinds=["share"], lang="en"))
def test_sound_pass_restores_and_reports(doc: object) -> None:
    from textclean.testing import ScrapedDocument

    assert isinstance(doc, ScrapedDocument)
    for cleaner in (DropLines(), Pipeline([DropLines(), TidyWhitespace()])):
        properties.assert_restores(cleaner, doc.noisy)
        properties.assert_only_removes_reported(cleaner, doc.noisy)
        properties.assert_idempotent(cleaner, doc.noisy)


def test_plain_functions_cannot_be_checked_for_edits() -> None:
    for check in (properties.assert_restores, properties.assert_only_removes_reported):
        with pytest.raises(TypeError, match=r"returned a plain str.*Pipeline\(\[your_function\]\)"):
            check(str.strip, " x ")


def test_bad_return_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="must return str or Cleaned"):
        properties.assert_idempotent(lambda s: None, "x")  # type: ignore[arg-type, return-value]


def test_restore_failure_blames_the_lying_edit() -> None:
    def liar(text: str) -> Cleaned:
        return _fake(text, "ab", [Edit(2, 3, "", "X", "liar", "r")])

    with pytest.raises(PropertyFailure) as err:
        properties.assert_restores(liar, "abc")
    message = str(err.value)
    assert "restore() does not give the input back" in message
    assert "claims to remove 'X', but the input has 'c'" in message


def test_unreported_removal_is_located() -> None:
    def sneaky(text: str) -> Cleaned:
        # reports removing "Share" but silently drops "very " too
        return _fake(text, "A very long story.\nThe end.".replace("very ", ""), [Edit(19, 25, "", "Share\n", "s", "r")])

    with pytest.raises(PropertyFailure) as err:
        properties.assert_only_removes_reported(sneaky, "A very long story.\nShare\nThe end.")
    message = str(err.value)
    assert "changed text that no edit reports" in message
    assert "first unreported change at input offset 2" in message


def test_wrong_replacement_and_extra_text_are_located() -> None:
    def wrong(text: str) -> Cleaned:
        return _fake(text, "a-c", [Edit(1, 2, "+", "b", "w", "r")])

    with pytest.raises(PropertyFailure, match="does not contain what an edit says"):
        properties.assert_only_removes_reported(wrong, "abc")

    def extra(text: str) -> Cleaned:
        return _fake(text, text + "!", [])

    with pytest.raises(PropertyFailure, match="added text that no edit reports"):
        properties.assert_only_removes_reported(extra, "abc")

    def overlapping(text: str) -> Cleaned:
        return _fake(text, "", [Edit(0, 2, "", "ab", "o", "r"), Edit(1, 3, "", "bc", "o", "r")])

    with pytest.raises(PropertyFailure, match="overlap"):
        properties.assert_only_removes_reported(overlapping, "abc")

    def misquoted(text: str) -> Cleaned:
        return _fake(text, "c", [Edit(0, 2, "", "xy", "m", "r")])

    with pytest.raises(PropertyFailure, match="removed text is not in the input"):
        properties.assert_only_removes_reported(misquoted, "abc")


def test_long_inputs_are_truncated_in_messages() -> None:
    text = "word " * 500
    with pytest.raises(PropertyFailure) as err:
        properties.assert_unchanged(lambda s: s[:-1], text)
    assert len(str(err.value)) < 1200
