"""The line rules' fast paths (length windows, needed strings, the heads trie, the character checks) agree
with one plain alternation of the rules, for the shipped rule data and for invented rule data."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from textclean.passes import artifacts
from textclean.rules import (
    LANGUAGES,
    LineMatcher,
    Rule,
    _alternation,
    _gate,
    _matcher_of,
    line_matcher,
    load_rules,
    normalise_line,
)

_LINE_KINDS = ("line", "block", "list", "attached")


def _reference(matcher: LineMatcher, norm: str, level: int) -> Rule | None:
    """The rule for ``norm`` with no pre-filter: one alternation of the anchored rules, in order, then one
    of the ``find`` rules when a ``find`` word occurs (what ``match_normalised`` must agree with)."""
    size = len(norm)
    if not size or size > matcher.max_len:
        return None
    line_rules = [r for r in matcher.rules if r.kind in _LINE_KINDS and r.pattern]
    anchored = _alternation([r for r in line_rules if not r.find])
    m = anchored.fullmatch(norm) if anchored is not None else None
    if m is not None and m.lastgroup is not None:
        rule = matcher.by_group[m.lastgroup]
        if size <= rule.max_len and rule.level <= level:
            return rule
    if any(w in norm for w in matcher.find_words):
        contains = _alternation([r for r in line_rules if r.find])
        m = contains.fullmatch(norm) if contains is not None else None
        if m is not None and m.lastgroup is not None:
            rule = matcher.by_group[m.lastgroup]
            if size <= rule.max_len and rule.level <= level:
                return rule
    return None


def _gated(matcher: LineMatcher, lines: list[str]) -> set[int] | None:
    text = "\n".join(lines)
    low = text.lower()
    assert len(low) == len(text)
    _spans, starts, norms, odd = artifacts._line_table(low, matcher.max_len + 40)
    return matcher.gated_lines(low, norms, starts, odd)


def _check(matcher: LineMatcher, lines: list[str]) -> None:
    """Every fast path agrees with the reference on ``lines`` (raw lines, lower-case safe)."""
    gated = _gated(matcher, lines)
    for k, line in enumerate(lines):
        norm = normalise_line(line)
        for level in (0, 1, 2):
            assert matcher.match_normalised(norm, level=level) == _reference(matcher, norm, level), (line, level)
        if norm and len(norm) <= matcher.max_len and _reference(matcher, norm, 2) is not None:
            assert matcher.may_match(norm), line
            assert gated is None or k in gated, line


# -- the shipped rule data: every example and counter-example, as written, bulleted, upper-cased ----------


def _shipped_lines(matcher: LineMatcher) -> list[str]:
    lines = [ex for r in matcher.rules for ex in (*r.examples, *r.counter_examples) if "\n" not in ex]
    lines += [f"• {line}" for line in lines] + [f"{line}  " for line in lines] + [line.upper() for line in lines]
    return [line for line in lines if len(line.lower()) == len(line)]


@pytest.mark.parametrize("languages", [(lang,) for lang in LANGUAGES if lang != "common"] + [LANGUAGES[1:]])
def test_shipped_rules_fast_paths_agree_with_the_alternation(languages: tuple[str, ...]) -> None:
    matcher = line_matcher(languages)
    _check(matcher, _shipped_lines(matcher))


_SHIPPED = line_matcher(LANGUAGES[1:])
_SHIPPED_WORDS = sorted({w for line in _shipped_lines(_SHIPPED) for w in normalise_line(line).split()})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_SHIPPED_WORDS), min_size=1, max_size=6).map(" ".join)
        | st.sampled_from([""]).map(lambda _: "")
        | st.sampled_from(["1", "12", "| ", "- ", "  "]),
        min_size=1,
        max_size=4,
    ).map("".join),
    st.sampled_from(["", " 12", " | datenschutz", ":", ".", " - 2024"]),
)
def test_shipped_rules_on_word_salads(body: str, tail: str) -> None:
    _check(_SHIPPED, [body + tail, f"• {body}{tail}", body])


def test_length_windows_and_needed_strings_keep_lone_heads_out() -> None:
    # a footer-link row needs two links, a date stamp a day and a year after the month
    links = r"(?:impressum|datenschutz|rss|terms of use|news)"
    months = r"(?:jan|january|sept?|september|may)"
    rules = [
        Rule(
            id="common.links",
            family="navigation",
            lang="common",
            description="",
            pattern=rf"{links}(?:\s?[|/]?\s?{links}){{1,8}}",
        ),
        Rule(
            id="common.stamp",
            family="navigation",
            lang="common",
            description="",
            pattern=rf"{months}\.? \d{{1,2}}, \d{{4}}",
        ),
    ]
    matcher = _matcher_of(rules)
    lines = ["Impressum", "News", "September", "May", "Terms of use", "May the best team win the cup"]
    lines += ["Impressum | Datenschutz", "September 5, 2023", "News RSS"]
    gated = _gated(matcher, lines)
    assert gated is not None
    assert {0, 1, 2, 3, 4, 5} & gated == set()
    assert {6, 7, 8} <= gated
    assert [matcher.may_match(normalise_line(line)) for line in lines] == [k in gated for k in range(len(lines))]
    _check(matcher, lines)


# -- invented rule data -------------------------------------------------------------------------------

_VOCAB = ["news", "impressum", "rss", "may", "mon", "read", "re", "about us", "faq", "contact", "x", "ab"]
_ATOMS = [r"\d{1,2}", r"\d+", r".{0,12}", r"[a-e]{2,5}", r"[\w ]{1,8}", r"\s?[|/,-]?\s?", r" ", r":?", r"\b"]


@st.composite
def _sequences(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.integers(0, 5 if depth < 2 else 2))
        if kind == 0:
            parts.append(re.escape(draw(st.sampled_from(_VOCAB))))
        elif kind == 1:
            words = draw(st.lists(st.sampled_from(_VOCAB), min_size=2, max_size=4, unique=True))
            parts.append("(?:" + "|".join(map(re.escape, words)) + ")")
        elif kind == 2:
            parts.append(draw(st.sampled_from(_ATOMS)))
        elif kind == 3:
            lo = draw(st.integers(0, 2))
            parts.append(f"(?:{draw(_sequences(depth + 1))}){{{lo},{lo + draw(st.integers(0, 3))}}}")
        elif kind == 4:
            parts.append(f"(?:{draw(_sequences(depth + 1))})?")
        else:
            parts.append(f"(?:{draw(_sequences(depth + 1))}|{draw(_sequences(depth + 1))})")
    return "".join(parts)


@st.composite
def _patterns(draw: st.DrawFn) -> str:
    alts = draw(st.lists(_sequences(), min_size=1, max_size=3))
    pattern = "|".join(alts)
    if draw(st.booleans()):
        pattern = rf"(?:\* )?(?:{pattern})"
    return pattern


@st.composite
def _rule_sets(draw: st.DrawFn) -> list[Rule]:
    rules = []
    for i in range(draw(st.integers(1, 5))):
        rules.append(
            Rule(
                id=f"common.r{i}",
                family="navigation",
                lang="common",
                description="",
                kind=draw(st.sampled_from(["line", "list", "attached"])),
                pattern=draw(_patterns()),
                max_len=draw(st.sampled_from([8, 20, 60, 120])),
                level=draw(st.integers(0, 2)),
                find=draw(st.sampled_from([None, None, "x|news", "rss"])),
            )
        )
    return rules


_LINE = st.lists(
    st.sampled_from([*_VOCAB, "1", "12", "2024", " ", "|", "-", ":", "* ", "q", "zz"]), min_size=0, max_size=8
).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_rule_sets(), st.data())
def test_invented_rules_fast_paths_agree_with_the_alternation(rules: list[Rule], data: st.DataObject) -> None:
    matcher = _matcher_of(rules)
    lines = data.draw(st.lists(_LINE, min_size=1, max_size=6))
    # lines each rule matches (as generated from its pattern), so that the rules' matches are tried too
    for rule in rules:
        line = data.draw(st.from_regex(re.compile(rule.pattern or ""), fullmatch=True))
        if "\n" not in line and "\r" not in line and len(line.lower()) == len(line):
            lines.append(line)
    _check(matcher, lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_patterns(), st.data())
def test_openings_hold_for_every_match(pattern: str, data: st.DataObject) -> None:
    line = data.draw(st.from_regex(re.compile(pattern), fullmatch=True))
    assume("\n" not in line)
    ways = [
        (prefix, shortest, longest, need)
        for seq in _gate.alternatives(pattern)
        for prefix, shortest, longest, need in _gate.openings(seq)
    ]

    def fits(prefix: str, shortest: int, longest: int, need: frozenset[str] | None) -> bool:
        head = prefix.split(_gate.DIGIT, 1)[0]
        opens = line.startswith(head) and (
            _gate.DIGIT not in prefix or (len(line) > len(head) and line[len(head)].isdecimal())
        )
        after = line[len(prefix) :]
        return opens and shortest <= len(line) <= longest and (need is None or any(w in after for w in need))

    assert any(fits(*way) for way in ways), (pattern, line, ways)
    assert all(shortest <= longest for _, shortest, longest, _ in ways)


def test_every_shipped_pattern_has_openings_for_its_examples() -> None:
    for rule in load_rules():
        if rule.pattern is None or rule.kind not in _LINE_KINDS:
            continue
        ways = [way for seq in _gate.alternatives(rule.pattern) for way in _gate.openings(seq)]
        compiled = rule.compiled()
        for example in rule.examples:
            norm = normalise_line(example)
            if compiled.fullmatch(norm) is None:
                continue
            assert any(
                norm.startswith(p.split(_gate.DIGIT, 1)[0])
                and lo <= len(norm) <= hi
                and (need is None or any(w in norm[len(p) :] for w in need))
                for p, lo, hi, need in ways
            ), (rule.id, norm)
