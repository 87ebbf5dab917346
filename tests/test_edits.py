"""The edit model: composition of passes, replay and restore."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.edits import Change, Edit, EditLog, apply_edits, resolve_overlaps, restore


@st.composite
def _change_sets(draw: st.DrawFn, length: int) -> list[Change]:
    cuts = sorted(draw(st.lists(st.integers(0, length), max_size=8)))
    changes = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        changes.append(Change(a, b, draw(st.text(alphabet="xyz\n ", max_size=4)), draw(st.sampled_from("abc"))))
    return changes


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdef \n", max_size=40), st.data())
def test_composed_passes_replay_and_restore(original: str, data: st.DataObject) -> None:
    log = EditLog(original)
    expected = original
    for stage in range(4):
        changes = data.draw(_change_sets(len(log.text)))
        kept = resolve_overlaps(changes)
        chunks, pos = [], 0
        for c in kept:
            chunks += [expected[pos : c.start], c.replacement]
            pos = c.end
        expected = "".join(chunks) + expected[pos:]
        log.apply(changes, pass_name=f"p{stage}")
        assert log.text == expected
        edits = log.edits()
        assert apply_edits(original, edits) == expected
        assert restore(expected, edits) == original
        for prev, nxt in itertools.pairwise(edits):
            assert prev.end <= nxt.start
        for e in edits:
            assert e.removed == original[e.start : e.end]


def test_later_edit_absorbs_earlier_one() -> None:
    log = EditLog("caf\u00c3\u00a9 ad line\nbody")
    log.apply([Change(3, 5, "\u00e9", "mojibake")], pass_name="unicode")
    assert log.text == "caf\u00e9 ad line\nbody"
    log.apply([Change(0, 13, "", "ad-line")], pass_name="artifacts")
    (edit,) = log.edits()
    assert (edit.start, edit.end, edit.replacement) == (0, 14, "")
    assert edit.rule == "ad-line" and edit.merged == ("unicode:mojibake",)


def test_to_original_maps_through_deletions() -> None:
    log = EditLog("[ad_1]\nText here")
    log.apply([Change(0, 7, "", "ad")], pass_name="a")
    assert log.text == "Text here"
    assert log.to_original(0) == 7
    assert log.span_to_original(0, 4) == (7, 11)


def test_noop_changes_are_not_reported() -> None:
    log = EditLog("same")
    assert log.apply([Change(0, 4, "same", "x")], pass_name="p") == 0
    assert log.edits() == ()


def test_apply_edits_rejects_overlaps() -> None:
    import pytest

    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3, "", "abc", "p", "r"), Edit(2, 4, "", "cd", "p", "r")])


def test_tidying_around_a_removal_keeps_the_removal_as_the_reason() -> None:
    log = EditLog("Intro.\n\nRead also: other story\n\nBody.")
    log.apply([Change(8, 31, "", "read-also")], pass_name="artifacts")
    assert log.text == "Intro.\n\n\nBody."
    log.apply([Change(6, 9, "\n\n", "blank-lines")], pass_name="structure")
    (edit,) = log.edits()
    assert log.text == "Intro.\n\nBody."
    assert (edit.pass_name, edit.rule) == ("artifacts", "read-also")
    assert edit.merged == ("structure:blank-lines",)
    assert edit.removed == "\n\nRead also: other story\n\n"
    assert restore(log.text, log.edits()) == "Intro.\n\nRead also: other story\n\nBody."
