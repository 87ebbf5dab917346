"""Every rule's examples must be removed and its counter-examples kept (one parametrised test)."""

from __future__ import annotations

import re
from functools import cache

import pytest

from textclean.rules import (
    FAMILIES,
    KINDS,
    LANGUAGES,
    LineMatcher,
    Rule,
    _alternation,  # the plain alternation the head tables must agree with
    line_matcher,
    load_rules,
    normalise_line,
)

ALL = load_rules()
PATTERNED = [r for r in ALL if r.pattern is not None]


def _cases(kind: str) -> list[tuple[Rule, str]]:
    out = []
    for rule in ALL:
        texts = rule.examples if kind == "example" else rule.counter_examples
        out.extend((rule, t) for t in texts)
    return out


def _id(value: object) -> str:
    return value.id if isinstance(value, Rule) else repr(value)[:40]


def test_ids_unique_and_namespaced() -> None:
    ids = [r.id for r in ALL]
    assert len(ids) == len(set(ids))
    for rule in ALL:
        assert rule.id.startswith(rule.lang + "."), rule.id
        assert rule.family in FAMILIES
        assert rule.kind in KINDS
        assert rule.lang in LANGUAGES


def test_every_rule_has_examples_both_ways() -> None:
    for rule in ALL:
        assert rule.examples, rule.id
        assert rule.counter_examples, rule.id


@pytest.mark.parametrize("rule", PATTERNED, ids=_id)
def test_pattern_has_no_capturing_groups(rule: Rule) -> None:
    # the combined alternation identifies rules by named groups
    assert rule.compiled().groups == 0
    assert rule.pattern == rule.pattern.lower() or "\\" in rule.pattern


@pytest.mark.parametrize(("rule", "text"), _cases("example"), ids=_id)
def test_example_matches(rule: Rule, text: str) -> None:
    if rule.kind == "structural":
        # text before a blank line is context that must stay; the rest must go
        context, _, _ = text.rpartition("\n\n")
        out = _structural(text.replace("\n\n", "\n"), aggressiveness="aggressive")
        if context:
            assert out.startswith(context), (rule.id, out)
            out = out[len(context) :]
        kept = out[len("Title") :] if text.startswith("Title\n") and out.startswith("Title") else out
        assert not re.sub(r"\W", "", kept), (rule.id, kept)
        return
    if rule.kind == "inline":
        assert re.search(rule.pattern or "", text, re.IGNORECASE), rule.id
        return
    norm = normalise_line(text)
    assert rule.compiled().fullmatch(norm), (rule.id, norm)
    assert len(norm) <= rule.max_len
    assert line_matcher((rule.lang,)).match(text, level=2) is not None


@pytest.mark.parametrize(("rule", "text"), _cases("counter"), ids=_id)
def test_counter_example_kept(rule: Rule, text: str) -> None:
    if rule.kind == "structural":
        assert _structural(text) == text
        return
    if rule.kind == "inline":
        assert not re.search(rule.pattern or "", text, re.IGNORECASE), rule.id
        return
    hit = line_matcher((rule.lang,)).match(text, level=2)
    assert hit is None, (rule.id, hit.id if hit else None)


def _structural(text: str, aggressiveness: str = "balanced") -> str:
    """The text after the header and residue passes (structural rules have no pattern of their own)."""
    from textclean.passes.artifacts import clean_artifacts
    from textclean.passes.metadata import lift_header

    kept, _ = lift_header(text)
    return clean_artifacts(kept, aggressiveness=aggressiveness).strip("\n")


def test_load_rules_unknown_language() -> None:
    with pytest.raises(ValueError, match="no rules"):
        load_rules("xx")


def test_matcher_is_cached() -> None:
    assert line_matcher(("en", "ru")) is line_matcher(("en", "ru"))


# -- pre-filters: a line some rule matches is never filtered out ------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from textclean.rules import _gate  # noqa: E402

EVERY = line_matcher(tuple(lang for lang in LANGUAGES if lang != "common"))
_WORDS = sorted({w for r in PATTERNED for t in r.examples for w in normalise_line(t).split()})


@pytest.mark.parametrize(("rule", "text"), _cases("example"), ids=_id)
def test_gate_lets_every_example_through(rule: Rule, text: str) -> None:
    norm = normalise_line(text)
    if EVERY.match(text, level=2) is not None:
        assert EVERY.may_match(norm), (rule.id, norm)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8), st.sampled_from(["", ".", ":", "!", " 12"]))
def test_gate_is_sound_on_word_salads(words: list[str], tail: str) -> None:
    norm = normalise_line(" ".join(words) + tail)
    if norm and EVERY.match_normalised(norm, level=2) is not None:
        assert EVERY.may_match(norm)


def test_gated_lines_agree_with_may_match() -> None:
    lines = ["the vote was held on monday.", "read also: the report", "12 views", "we use cookies here", ""]
    low = "\n".join(lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    gated = EVERY.gated_lines(low, list(lines), starts)
    assert gated is not None
    assert {i for i, line in enumerate(lines) if EVERY.may_match(line)} <= gated
    assert 0 not in gated


def test_prefixes_and_required_strings() -> None:
    assert _gate.prefixes(r"(?:read|see) also", 4) == {"read", "see "}
    assert _gate.prefixes(r".{0,20}cookies") == {""}
    need = _gate.required(r".{0,20}(?:we|our) use cookies")
    assert need
    for line in ("we use cookies", "so our use cookies"):
        assert any(w in line for w in need)
    assert _gate.required(r"\d+") is None


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["cookie", "@", "sign up", "www.", "co/"]), min_size=1, max_size=4), st.text(max_size=40)
)
def test_scanner_finds_any_word(words: list[str], text: str) -> None:
    found = _gate.scanner(words).search(text) is not None
    assert found == any(w in text for w in words)


@cache
def _plain(rules: tuple[Rule, ...]) -> re.Pattern[str] | None:
    """One alternation of ``rules``, in order (what the head tables must agree with)."""
    return _alternation(list(rules))


def _alternation_match(matcher: LineMatcher, norm: str, level: int) -> Rule | None:
    """The rule the combined alternations pick for ``norm`` (every rule tried, no per-rule gate)."""
    size = len(norm)
    if not size or size > matcher.max_len:
        return None
    pattern = _plain(matcher.first_groups.get(norm[0], matcher.wild))
    for candidate in (pattern, _plain(matcher.contains) if matcher._has_find_word(norm) else None):
        m = candidate.fullmatch(norm) if candidate is not None else None
        if m is not None and m.lastgroup is not None:
            rule = matcher.by_group[m.lastgroup]
            if size <= rule.max_len and rule.level <= level:
                return rule
            if candidate is pattern:
                continue
            return None
    return None


_CONTAINS_WORDS = sorted(
    {w for r in PATTERNED if r.find for t in r.examples + r.counter_examples for w in normalise_line(t).split()}
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CONTAINS_WORDS), min_size=1, max_size=10), st.sampled_from(["", ".", " 12", "!"]))
def test_rule_gates_pick_the_alternation_rule(words: list[str], tail: str) -> None:
    norm = normalise_line(" ".join(words) + tail)
    for level in (0, 2):
        assert EVERY.match_normalised(norm, level=level) == _alternation_match(EVERY, norm, level)


@pytest.mark.parametrize(("rule", "text"), _cases("example") + _cases("counter"), ids=_id)
def test_rule_gates_agree_on_examples(rule: Rule, text: str) -> None:
    norm = normalise_line(text)
    assert EVERY.match_normalised(norm, level=2) == _alternation_match(EVERY, norm, 2), rule.id


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["[ad", "[/ad", "(photo", "click to tweet", "("]), min_size=1, max_size=4), st.text())
def test_prefix_scanners_find_any_word(words: list[str], text: str) -> None:
    found = any(p.search(text) is not None for p in _gate.prefix_scanners(words))
    assert found == any(w in text for w in words)


_KEYED_WORDS = ["cookie", "use cook", "ctrl", "@", "sign up", "www.", "co/", "kie"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_KEYED_WORDS), min_size=1, max_size=5, unique=True),
    st.text(alphabet="cokie usgnp@w./trl", max_size=40),
)
def test_keyed_scanner_keys_every_word_present(words: list[str], text: str) -> None:
    pattern, keys = _gate.keyed_scanner(words)
    hits = [keys[m.lastindex or 0] for m in pattern.finditer(text)]
    may = {w for key in hits for w in key}
    assert {w for w in words if w in text} <= may
    assert all(key[0] in text for key in hits)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from([r"[a-z ]{2,60}\s?/\s?(?:ap|afp|dpa|reuters)", r".{0,20}(?:we|our) use cookies", r"\w+ (?:a|b)@c"])
)
def test_cheap_required_strings_are_required(pattern: str) -> None:
    need = _gate.required(pattern, cheap=True)
    assert need
    compiled = re.compile(pattern)
    for line in ("jan woitas / dpa", "we use cookies", "so our use cookies", "mail a@c", "x b@c"):
        if compiled.fullmatch(line):
            assert any(w in line for w in need)
