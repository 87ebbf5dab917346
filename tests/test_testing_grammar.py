"""The grammar data behind textclean.testing: sound, complete and fully used."""

from __future__ import annotations

import pytest

from textclean.testing import ALL_KINDS, ArtifactKind
from textclean.testing._generate import grammar
from textclean.testing._grammar import LANGS, Grammar, GrammarError, RandomChooser, language_data

PROSE_ROOTS = [
    "sentence",
    "subheading",
    "short_line",
    "list_intro",
    "list_item",
    "quote_sentence",
    "dialogue_question",
    "dialogue_answer",
    "headline",
    "date_carrier",
]
ARTIFACT_ROOTS = ["art_" + k.value.replace("-", "_") for k in ALL_KINDS if k is not ArtifactKind.CALENDAR]


@pytest.mark.parametrize("lang", LANGS)
def test_grammar_is_sound(lang: str) -> None:
    g = grammar(lang)
    assert g.check(PROSE_ROOTS + ARTIFACT_ROOTS) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_is_used(lang: str) -> None:
    g = grammar(lang)
    unused = set(g.rules) - g.reachable(PROSE_ROOTS + ARTIFACT_ROOTS)
    assert not unused


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_tables(lang: str) -> None:
    data = language_data(lang)
    assert len(data.table("months")) == 12 and len(data.table("weekdays")) == 7
    for head in data.table("calendar_heads_monday"):
        assert len(head.replace("|", " ").split()) == 7


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("root", ARTIFACT_ROOTS)
def test_artifact_rules_are_rich(lang: str, root: str) -> None:
    assert len(grammar(lang).source[root]) >= 7


def test_checker_finds_problems() -> None:
    bad = Grammar.from_rules(
        {"a": ["{a} x", "y"], "b": ["{missing}", "<p|q|r>", "{$nope}", "{a.zz}"]}, forms=("sg", "pl")
    )
    problems = "\n".join(bad.check(["a", "root"]))
    for needle in ("missing root rule 'root'", "unknown rule 'missing'", "needs 2 variants", "$nope", "recurse", "zz"):
        assert needle in problems
    with pytest.raises(GrammarError, match="without a form"):
        Grammar.from_rules({"s": ["<a|b>"]}, forms=("x", "y")).expand(RandomChooser(0), "s")
    with pytest.raises(GrammarError, match="unknown rule"):
        bad.expand(RandomChooser(0), "nothing")


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        language_data("de")


def test_core_does_not_import_hypothesis() -> None:
    import subprocess
    import sys

    code = "import sys, textclean; textclean.clean('a  b'); print('hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
