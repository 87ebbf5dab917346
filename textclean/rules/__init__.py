"""Rule data: per-language phrase rules for scraper residue, loaded from package data.

Every rule lives in a JSON file under ``textclean/rules/data/`` (``common.json``
for rules that hold in any language, ``en.json``, ``ru.json``, …) with an id,
a family, a description, a pattern, examples that must be removed and
counter-examples that must stay.  A test runs every example of every rule.

Kinds of rule:

``line``
    the pattern must match the *whole* line (after stripping whitespace and a
    leading bullet, lower-cased, inner whitespace collapsed); the line goes.
``block``
    a whole-line match that opens a block running to the end of the document
    (comment sections); only in the tail of a document, and only from the
    ``balanced`` level up, otherwise just the line goes.
``list``
    a whole-line heading (``Related stories``, ``Читайте также:``) that takes
    the run of short headline-like lines right after it along.
``attached``
    a whole-line match (a button or form field: ``Accept``, ``Скрыть``,
    ``Email address``) removed only next to a line that was removed.
``inline``
    a marker removed wherever it stands (``[ad_1]``).
``structural``
    no pattern: detected by structure (calendars, share bars, headers); the
    examples document what the structural pass removes.

>>> rules = load_rules("en")
>>> all(r.lang in {"en", "common"} for r in rules)
True
>>> rule = next(r for r in rules if r.id == "en.read-also")
>>> rule.family, rule.kind
('related', 'list')
>>> sorted(FAMILIES)[:3]
['ads', 'age-rating', 'calendar']
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from importlib import resources
from itertools import chain, compress, count
from operator import sub
from typing import Any

import attrs

from textclean.rules import _gate

__all__ = [
    "FAMILIES",
    "KINDS",
    "LANGUAGES",
    "STRIP_CHARS",
    "LineMatcher",
    "Rule",
    "line_matcher",
    "load_rules",
    "normalise_line",
]

#: Rule family id → one-line description (the catalogue is generated from this and the data files).
FAMILIES: dict[str, str] = {
    "ads": "Ad markers and auto-blog residue: [ad_1], Advertisement, Реклама, Sponsored.",
    "source": "Auto-blog source lines: Source link, Источник: …, SOURCE: agencies.",
    "related": "Related and read-also lines and the headline lists under them.",
    "follow": "Follow and subscribe prompts for social networks, apps and channels.",
    "newsletter": "Newsletter sign-up prompts and their confirmations and errors.",
    "error-report": "Typo-report prompts (Ctrl+Enter) and their confirmations.",
    "comments": "Comment sections, comment policies, comment counters and forms.",
    "counters": "View counters, reading-time badges and similar numeric widgets.",
    "share": "Share bars: share prompts and runs of social network names.",
    "cookies": "Cookie and consent banners.",
    "navigation": "Page furniture: back-to-top, loading…, print, text size, pagination.",
    "age-rating": "Age ratings such as 16+ and 18+ standing alone on a line.",
    "junk": "Lines with no words: BOM-only, punctuation-only, stray separators.",
    "credits": "Photo credits and captions marked as such: Фото: …, Photo: …, © Getty Images.",
    "copyright": "Copyright and reprint notices.",
    "calendar": "Sidebar calendar widgets: month heading, weekday header, day rows, navigation.",
    "metadata": "Header lines (dates, byline, place, views, tags) lifted into result.metadata.",
    "structure": "Runs of short non-prose lines that structure marks as page chrome.",
}

KINDS = ("line", "block", "list", "attached", "inline", "structural")

#: Languages with a data file (``common`` is always loaded).
LANGUAGES = ("common", "en", "ru", "de", "es", "fr")

_LEVELS = {"conservative": 0, "balanced": 1, "aggressive": 2}


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _check_kind(_inst: Rule, _attr: attrs.Attribute[str], value: str) -> None:
    if value not in KINDS:
        raise ValueError(f"unknown rule kind {value!r}")


def _check_family(_inst: Rule, _attr: attrs.Attribute[str], value: str) -> None:
    if value not in FAMILIES:
        raise ValueError(f"unknown rule family {value!r}")


@attrs.frozen
class Rule:
    """One rule: what it matches, why, and examples both ways.

    ``pattern`` is a regular expression over the *normalised* line (see
    :func:`normalise_line`), written in lower case; it must match the whole
    line (``line``, ``block``, ``list``) or a span of it (``inline``).
    ``max_len`` guards prose: longer lines are never candidates.  ``level`` is
    the least aggressiveness (0 conservative, 1 balanced, 2 aggressive) at
    which the rule fires.  ``find``, when set, lists ``|``-separated plain
    substrings one of which must occur in the line before the (costlier)
    pattern is tried; rules whose pattern does not start with a word use it.
    """

    id: str
    family: str = attrs.field(validator=_check_family)
    lang: str
    description: str
    kind: str = attrs.field(default="line", validator=_check_kind)
    pattern: str | None = None
    max_len: int = 120
    level: int = 0
    find: str | None = None
    examples: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    counter_examples: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    @property
    def group(self) -> str:
        """The regex group name standing for this rule in a combined pattern."""
        return "r_" + re.sub(r"\W", "_", self.id)

    def compiled(self) -> re.Pattern[str]:
        """This rule's own pattern, compiled (for tests and tooling)."""
        if self.pattern is None:
            raise ValueError(f"structural rule {self.id!r} has no pattern")
        return re.compile(self.pattern)


def _rule_from(raw: dict[str, Any], lang: str) -> Rule:
    level = raw.get("level", 0)
    if isinstance(level, str):
        level = _LEVELS[level]
    return Rule(
        id=raw["id"],
        family=raw["family"],
        lang=lang,
        description=raw["description"],
        kind=raw.get("kind", "line"),
        pattern=raw.get("pattern"),
        max_len=raw.get("max_len", 120),
        level=level,
        find=raw.get("find"),
        examples=raw.get("examples", ()),
        counter_examples=raw.get("counter_examples", ()),
    )


@cache
def _load_file(lang: str) -> tuple[Rule, ...]:
    path = resources.files("textclean.rules").joinpath("data", f"{lang}.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    rules = tuple(_rule_from(raw, data.get("lang", lang)) for raw in data["rules"])
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise ValueError(f"duplicate rule ids in {lang}.json")
    return rules


def load_rules(lang: str | None = None) -> list[Rule]:
    """Rules of one language plus the ``common`` ones, or of all languages when ``lang`` is None.

    >>> {r.lang for r in load_rules("ru")} == {"ru", "common"}
    True
    >>> len(load_rules()) > len(load_rules("en"))
    True
    """
    if lang is None:
        langs: tuple[str, ...] = LANGUAGES
    elif lang == "common":
        langs = ("common",)
    else:
        if lang not in LANGUAGES:
            raise ValueError(f"no rules for language {lang!r}; known: {', '.join(LANGUAGES)}")
        langs = ("common", lang)
    return [rule for code in langs for rule in _load_file(code)]


# -- matching ------------------------------------------------------------------

#: Characters stripped around a line before matching: whitespace, BOM,
#: zero-width characters and list bullets.
STRIP_CHARS = (
    " \t\r\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u200c\u200d\u202f\u205f\u2060\u3000\ufeff"
)
_BULLET = re.compile(r"(?:[-–—•·*▪►▸»›|>◦●■□✓✔]++[ \t\u00a0]*+)++")
_INNER_WS = re.compile(r"[\s\u00a0\u200b\ufeff]{2,}+|[\t\u00a0\u2009\u202f\u200b\ufeff]")


def normalise_line(line: str) -> str:
    """The form patterns see: stripped, leading bullets dropped, spaces collapsed, lower case.

    >>> normalise_line("  • Subscribe to  Our\\u00a0News  ")
    'subscribe to our news'
    >>> normalise_line("\\ufeff")
    ''
    """
    s = line.strip(STRIP_CHARS)
    if s and s[0] in "-–—•·*▪►▸»›|>◦●■□✓✔":
        m = _BULLET.match(s)
        if m and m.end() < len(s):
            s = s[m.end() :]
    if "  " in s or "\t" in s or "\u00a0" in s or "\u200b" in s or "\ufeff" in s or "\u2009" in s or "\u202f" in s:
        s = _INNER_WS.sub(" ", s)
    return s.lower()


#: Marks "any first character" in a first-character set.
_ANY_FIRST = "\x00any"


def _first_chars(items: Any) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None: any) and whether it can match empty."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "LITERAL":
            out.add(chr(av))
            return out, False
        if name == "IN":
            chars: set[str] = set()
            for sub_op, sub_av in av:
                sub = str(sub_op)
                if sub == "LITERAL":
                    chars.add(chr(sub_av))
                elif sub == "RANGE" and sub_av[1] - sub_av[0] <= 512:
                    chars.update(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
                elif sub == "CATEGORY" and str(sub_av) == "CATEGORY_DIGIT":
                    chars.update("0123456789")
                elif sub == "CATEGORY" and str(sub_av) == "CATEGORY_SPACE":
                    chars.update(" \t\n\r\x0b\x0c")
                else:  # categories, negation, wide ranges
                    return None, False
            out |= chars
            return out, False
        if name == "BRANCH":
            nullable = False
            for alt in av[1]:
                first, empty = _first_chars(alt)
                if first is None:
                    return None, False
                out |= first
                nullable = nullable or empty
            if not nullable:
                return out, False
            continue
        if name == "SUBPATTERN":
            first, empty = _first_chars(av[-1])
        elif name == "ATOMIC_GROUP":
            first, empty = _first_chars(av)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            first, empty = _first_chars(av[2])
            empty = empty or av[0] == 0
        else:  # ANY, NOT_LITERAL, CATEGORY, GROUPREF …
            return None, False
        if first is None:
            return None, False
        out |= first
        if not empty:
            return out, False
    return out, True


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or None when that is not known.

    >>> sorted(first_chars(r"(?:read|see) also|[0-9]+ views"))[:3]
    ['0', '1', '2']
    >>> first_chars(r".{0,20}cookies") is None
    True
    """
    from re import _parser  # type: ignore[attr-defined]

    first, empty = _first_chars(_parser.parse(pattern))
    return None if first is None or empty else frozenset(first)


@attrs.frozen
class _RuleGate:
    """One rule with the pre-filter of its own pattern (see :func:`_rule_gate`)."""

    rule: Rule
    pattern: re.Pattern[str]
    heads: tuple[str, ...]
    digit: bool
    words: re.Pattern[str] | None
    open: bool
    word_list: tuple[str, ...] = ()


def _rule_gate(rule: Rule) -> _RuleGate:
    """``rule`` with what a line it matches must look like: open with one of ``heads`` (or a digit),
    or contain one of the ``words``; ``open`` when nothing is known."""
    pattern = re.compile(rule.pattern or "")
    heads: set[str] = set()
    words: set[str] = set()
    digit = False
    is_open = bool(pattern.flags & re.IGNORECASE)
    for seq in () if is_open else _gate.alternatives(rule.pattern or ""):
        found = _gate.prefixes(seq)
        if "" not in found:
            for p in found:
                if p.startswith(_gate.DIGIT):
                    digit = True
                else:
                    heads.add(p.split(_gate.DIGIT, 1)[0])
            continue
        need = _gate.required(seq)
        if need is None:
            is_open = True
            break
        words |= need
    return _RuleGate(
        rule=rule,
        pattern=pattern,
        heads=tuple(sorted(heads)),
        digit=digit,
        words=_gate.scanner(words) if words else None,
        open=is_open,
        word_list=tuple(sorted(words)),
    )


#: How many characters the strings of a lookahead of :func:`_heads_scanner` may spell out at most.
_AHEAD_SIZE = 48


def _need_ahead(need: frozenset[str] | None, reach: int) -> str:
    """A lookahead for one of the strings ``need`` starting at most ``reach`` characters ahead (their first
    four characters, which a line holding one holds too), or nothing when there are none or they are too
    many to spell out.

    >>> _need_ahead(frozenset({"datenschutz", "impressum", "datenbank"}), 40)
    '(?=[^\\n]{0,40}?(?:date|impr))'
    """
    if need is None:
        return ""
    words = sorted({w[:4] for w in need})
    if sum(map(len, words)) > _AHEAD_SIZE:
        return ""
    return f"(?=[^\n]{{0,{reach}}}?(?:{'|'.join(map(re.escape, words))}))"


def _heads_scanner(
    starts: dict[str, tuple[tuple[int, int, frozenset[str] | None], ...]], digit: int
) -> re.Pattern[str] | None:
    """One pattern for a line (after a newline and :data:`STRIP_CHARS`) opening with a digit or a head
    of ``starts`` and as a line a rule opening so may be: as long, :data:`STRIP_CHARS` stripped, as the
    window says (its trailing :data:`STRIP_CHARS` counted for the shortest), and holding one of the
    strings it needs after the head.

    The heads are spelt out as a trie (a branch per character, each alternative opening with its
    character, which the regex engine checks before it tries the alternative), the checks at its
    nodes.  A match ends at the end of its line (before the newline), so ``finditer`` sees every line.

    >>> p = _heads_scanner({"read": ((1, 12, None),), "re": ((5, 40, None),), "up": ((4, 30, frozenset({"x"})),)}, 9)
    >>> text = "\\nread also:\\n 12 views \\nreply\\nre\\n1 2 3 4 5 6\\nup now\\nup to x\\nupx"
    >>> [m.group().strip() for m in p.finditer(text)]
    ['read also:', '12 views', 'reply', 'up to x']
    """
    end = f"[{re.escape(STRIP_CHARS)}]*+(?=\n|\\Z)"
    alts = [f"\\d[^\n]{{0,{max(digit - 1, 0)}}}+"] if digit else []
    checks: dict[str, list[tuple[int, int, frozenset[str] | None]]] = {}
    for head, conds in starts.items():
        by_need: dict[frozenset[str] | None, list[tuple[int, int]]] = {}
        for lo, hi, need in conds:
            by_need.setdefault(need, []).append((lo, hi))
        checks[head] = [(lo, hi, need) for need, windows in by_need.items() for lo, hi in _merged_windows(windows)]

    def holds(outer: tuple[int, int, frozenset[str] | None], inner: tuple[int, int, frozenset[str] | None]) -> bool:
        """Whether a line ``inner`` lets through is let through by ``outer`` as well."""
        return (
            outer[0] <= inner[0]
            and inner[1] <= outer[1]
            and (outer[2] is None or (inner[2] is not None and inner[2] <= outer[2]))
        )

    trie: dict[str, Any] = {}
    for head in sorted(checks):
        # a check that one of an ancestor (or another one of the head) holds adds nothing: the branch
        # falls back to the ancestor
        keep = []
        for i, cond in enumerate(checks[head]):
            above = [c for k in range(1, len(head)) for c in checks.get(head[:k], ())]
            above += [c for j, c in enumerate(checks[head]) if j < i or (j > i and c != cond)]
            if not any(holds(c, cond) for c in above):
                keep.append(cond)
        if keep:
            node = trie
            for ch in head:
                node = node.setdefault(ch, {})
            node[""] = sorted(keep, key=lambda c: (c[2] is not None, -c[1]))

    def spell(node: dict[str, Any], depth: int) -> str:
        parts = [
            re.escape(ch) + spell(child, depth + 1)
            for ch, child in sorted(node.items(), key=lambda item: (-_gate.share(item[0]), item[0]))
            if ch
        ]
        for lo, hi, need in node.get("", ()):
            ahead = _need_ahead(need, max(hi - depth, 0))
            parts.append(f"{ahead}[^\n]{{{max(lo - depth, 0)},{max(hi - depth, 0)}}}+")
        return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"

    if trie:
        alts.append(spell(trie, 0))
    if not alts:
        return None
    # (the end of the line is checked after the branch: a window that does not reach it backtracks into
    # the branch, to the next alternative)
    return re.compile(f"\n[{re.escape(STRIP_CHARS)}]*+(?:{'|'.join(alts)}){end}")


@attrs.frozen
class LineMatcher:
    """The rules of a language set, ready to match normalised lines.

    Anchored rules are listed under the line heads they may open with (the
    head tables), with how long a line opening so may be and strings one of
    which it holds (read off the parsed patterns), so a line is tried only
    against the rules that can start the way it does, be as long as it is and
    hold what it holds, one after the other in order; rules with a ``find``
    word are tried only on lines where one of the words occurs, each behind a
    gate of its own.
    """

    rules: tuple[Rule, ...]
    #: first character → the anchored rules (in order) that may open with it; ``wild``: those that may open
    #: with anything; ``contains``: the rules gated by ``find`` words
    first_groups: dict[str, tuple[Rule, ...]]
    wild: tuple[Rule, ...]
    find_words: tuple[str, ...]
    contains: tuple[Rule, ...]
    inline_pattern: re.Pattern[str] | None
    inline_words: tuple[str, ...]
    by_group: dict[str, Rule]
    max_len: int
    find_pattern: re.Pattern[str] | None = None
    gate_digit: int = 0
    gate_words: tuple[str, ...] = ()
    gate_scanner: re.Pattern[str] | None = None
    gate_open: bool = True
    gate_chars: dict[str, int] = attrs.field(factory=dict)
    gate_words_max: int = 0
    #: a gate character → the patterns of the rules that may need it, each with a scan for the strings one
    #: of which such a line holds (see :meth:`_char_ok`)
    gate_char_checks: dict[str, tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...]] = attrs.field(factory=dict)
    inline_scanners: tuple[re.Pattern[str], ...] = ()
    gate_heads: re.Pattern[str] | None = None
    contains_rules: tuple[_RuleGate, ...] = ()
    #: head → the anchored rules (in order) a line opening with that head may match, for lines opening
    #: with a non-digit and with a digit; key "" for lines opening with no head
    head_rules: dict[str, _HeadRules] = attrs.field(factory=dict)
    head_rules_digit: dict[str, _HeadRules] = attrs.field(factory=dict)
    head_size: int = 0
    #: the ``contains`` rules keyed as in :func:`_contains_keys` (rule sets are bit masks over ``contains_rules``)
    contains_scan: re.Pattern[str] | None = None
    contains_keys: tuple[int, ...] = ()
    contains_heads: dict[str, int] = attrs.field(factory=dict)
    contains_head_size: int = 0
    contains_digit: int = 0

    contains_open: int = 0
    #: the inline rules' anchors (see :func:`_inline_anchors`): a case-insensitive scan for strings one of
    #: which every inline match holds, and how far at most before its anchor a match starts; None: unknown
    inline_anchors: re.Pattern[str] | None = None
    inline_back: int = 0

    def match(self, line: str, *, level: int = 1) -> Rule | None:
        """The rule that claims the whole ``line`` (raw text), or None.

        >>> m = line_matcher(("en",))
        >>> m.match("Read Also : Some headline here").id
        'en.read-also'
        >>> m.match("Read also the report, which is long.") is None
        True
        """
        if len(line) > self.max_len * 2 + 40:
            return None
        return self.match_normalised(normalise_line(line), level=level)

    def candidates(self, text: str, starts: list[int]) -> set[int] | None:
        """Indices of the lines (given their start offsets) that contain a ``find`` word.

        None means "every line" (when lower-casing changes the text's length).
        """
        low = text.lower()
        if len(low) != len(text):
            return None
        return self.candidates_lower(low, starts)

    def candidates_lower(self, low: str, starts: list[int]) -> set[int]:
        """:meth:`candidates` for an already lower-cased text of the same length."""
        found: set[int] = set()
        n = len(starts)
        for word in self.find_words:
            pos = low.find(word)
            while pos >= 0:
                line = bisect.bisect_right(starts, pos) - 1
                found.add(line)
                nxt = starts[line + 1] if line + 1 < n else len(low)
                pos = low.find(word, nxt)
        return found

    def has_inline(self, text: str) -> bool:
        """True when ``text`` may hold an inline marker (a cheap gate before the regex scan)."""
        return self.has_inline_lower(text.lower())

    def has_inline_lower(self, low: str) -> bool:
        """:meth:`has_inline` for an already lower-cased text."""
        if self.inline_pattern is None:
            return False
        if self.inline_scanners:
            return any(scanner.search(low) is not None for scanner in self.inline_scanners)
        return any(word in low for word in self.inline_words)

    def inline_matches(self, text: str, stop: int) -> Iterator[re.Match[str]]:
        """The matches of ``inline_pattern.finditer(text, 0, stop)``, found by trying the pattern near anchors only.

        Every match holds an anchor (one of some strings, matched as the pattern matches them) at
        most ``inline_back`` characters after its start; only the positions that far before an
        anchor are tried, in order, as ``finditer`` would try them.

        >>> m = line_matcher(("en",))
        >>> text = "Vote (Photo: AP) and [ad_1] here"
        >>> [x.group() for x in m.inline_matches(text, len(text))]
        [' (Photo: AP)', '[ad_1]']
        """
        pattern = self.inline_pattern
        if pattern is None:
            return
        if self.inline_anchors is None:
            yield from pattern.finditer(text, 0, stop)
            return
        match = pattern.match
        back = self.inline_back
        pos = 0  # positions before ``pos`` are tried or covered by a match
        for hit in self.inline_anchors.finditer(text, 0, stop):
            anchor = hit.start()
            for start in range(max(pos, anchor - back), anchor + 1):
                if start < pos:
                    continue  # inside a match found at an earlier start of this window
                found = match(text, start, stop)
                if found is not None:
                    yield found
                    pos = found.end()
            pos = max(pos, anchor + 1)

    def may_match(self, norm: str) -> bool:
        """False when no line rule can match the normalised line ``norm`` (the one-line :meth:`gated_lines`).

        >>> m = line_matcher(("en",))
        >>> m.may_match("read also: the report"), m.may_match("the vote was held on monday.")
        (True, False)
        """
        if self.gate_open:
            return True
        if not norm:
            return False
        if self._starts_ok(norm):
            return True
        size = len(norm)
        if self.gate_scanner is not None and self.gate_scanner.search(norm) is not None:
            return True
        return any(c in norm and size <= longest for c, longest in self.gate_chars.items())

    def _starts_ok(self, norm: str) -> bool:
        """The start part of the gate: ``norm`` (not empty) opens with a head or a digit some rule allows."""
        # (the scan of :meth:`gated_lines`, on the line alone)
        return self.gate_heads is not None and self.gate_heads.match("\n" + norm) is not None

    def gated_lines(
        self, low: str, norms: list[str | None], starts: list[int], odd: Iterable[int] = ()
    ) -> set[int] | None:
        """Indices of the lines some line rule may match; no rule matches any other line.

        ``norms`` are the normalised lines and ``starts`` their offsets in
        ``low`` (the lower-cased text, ``\\n``-separated).  The normalised form
        of a line must be its line in ``low`` stripped of :data:`STRIP_CHARS`
        (or None for a line too long to match), except for the lines listed
        in ``odd`` (a bullet dropped, inner spaces collapsed).  None means
        "every line" (some rule has no pre-filter).

        >>> m = line_matcher(("en",))
        >>> low = "the vote was held on monday.\\nread also: the report\\n12 views\\nwe use cookies here"
        >>> norms = low.split("\\n")
        >>> starts = [0, 29, 51, 60]
        >>> sorted(m.gated_lines(low, norms, starts) or ())
        [1, 2, 3]
        """
        if self.gate_open:
            return None
        n = len(starts)
        odd = list(odd)
        widest = self.gate_words_max
        starts_ok = self._starts_ok
        found: set[int] = set()
        # lines opening with a head or a digit: one scan from line start to line start finds the
        # candidates, each checked as in may_match (an odd line's text may differ from its form)
        if self.gate_heads is not None and n:
            # (the scan checks the length of a plain line, whose form is its stripped text)
            found.update(_gate.line_hits(self.gate_heads, low, starts))
            for k in chain((0,), odd):
                norm = norms[k]
                if norm and starts_ok(norm):
                    found.add(k)
        # lines no rule gated by a contained string can match: too long (a line's form is never
        # longer than its text, which is what is measured first)
        nexts = starts[1:]
        nexts.append(len(low) + 1)
        longer = compress(count(), map((widest + 1).__lt__, map(sub, nexts, starts)))
        wide_set = {k for k in longer if (norm := norms[k]) is None or len(norm) > widest}
        if norms.count(None) != sum(1 for k in wide_set if norms[k] is None):
            wide_set.update(k for k, norm in enumerate(norms) if norm is None)
        wide_set.update(k for k in odd if (norm := norms[k]) is None or len(norm) > widest)
        wide = sorted(wide_set)
        if self.gate_scanner is not None:
            search = self.gate_scanner.search
            # scan the stretches of text between the too-long lines
            wide.append(n)
            begin = 0
            for w in wide:
                end = starts[w] if w < n else len(low)
                pos = begin
                while pos < end:
                    m = search(low, pos, end)
                    if m is None:
                        break
                    k = bisect.bisect_right(starts, m.start()) - 1
                    found.add(k)
                    if k + 1 >= n:
                        break
                    pos = starts[k + 1]
                begin = starts[w + 1] if w + 1 < n else len(low)
        # (an odd line's text may hold a character its form does not: a bullet; the odd lines are
        # checked on their forms below)
        odd_set = set(odd)
        by_char: dict[int, list[str]] = {}  # lines let through by a character alone (so far)
        for ch, longest in self.gate_chars.items():
            pos = low.find(ch)
            while pos >= 0:
                k = bisect.bisect_right(starts, pos) - 1
                norm = norms[k]
                if norm and len(norm) <= longest and k not in odd_set and k not in found:
                    by_char.setdefault(k, []).append(ch)
                if k + 1 >= n:
                    break
                pos = low.find(ch, starts[k + 1])
        char_ok = self._char_ok
        found.update(k for k, chars_in in by_char.items() if char_ok(norms[k] or "", chars_in))
        words = self.gate_words
        chars = self.gate_chars
        for i in odd:
            norm = norms[i]
            if not norm or i in found:
                continue
            if any(w in norm for w in words) or char_ok(
                norm, [c for c, m in chars.items() if c in norm and len(norm) <= m]
            ):
                found.add(i)
        return found

    def _char_ok(self, norm: str, chars: list[str]) -> bool:
        """Whether a line let through by the characters ``chars`` alone (not by a head or a word) may match.

        Only rules with an alternative gated by one of the characters can match such a line: one of
        their patterns must match it whole (no check known for a character: it may).  A rule whose
        alternatives gated so need strings (the ones :func:`_gate.literal_need` reads off them) is
        tried only on a line holding one.
        """
        checks = self.gate_char_checks
        for ch in chars:
            if ch not in checks:
                return True
            for pattern, need in checks[ch]:
                if (need is None or need.search(norm) is not None) and pattern.fullmatch(norm) is not None:
                    return True
        return False

    def match_normalised(self, norm: str, *, level: int = 1, contains: bool = True) -> Rule | None:
        """Like :meth:`match` for a line already passed through :func:`normalise_line`.

        ``contains=False`` skips the rules gated by ``find`` words (the caller
        knows from :meth:`candidates` that none occurs).
        """
        size = len(norm)
        if not size or size > self.max_len:
            return None
        # the rules a line opening with its longest head may match, in the order of the rule files:
        # the first one matching is the one a single alternation of them all would pick
        table = self.head_rules_digit if norm[0].isdecimal() else self.head_rules
        get = table.get
        for cut in range(min(self.head_size, size), 0, -1):
            found = get(norm[:cut])
            if found is not None:
                break
        else:
            found = table[""]
        rule = found.first(norm)
        if rule is not None and size <= rule.max_len and rule.level <= level:
            return rule
        if contains and self.contains_rules and self._has_find_word(norm):
            # the first rule of the alternation that matches is the first one, of the rules whose
            # gate lets the line through (by its gate words, found by one scan, its heads, a leading
            # digit, or no gate), that matches: a rule whose gate does not let the line through
            # cannot match it
            keys = self.contains_keys
            mask = self.contains_open
            if self.contains_scan is not None:
                for hit in self.contains_scan.finditer(norm):
                    mask |= keys[hit.lastindex or 0]
            head_mask = self.contains_heads.get
            for cut in range(1, min(self.contains_head_size, size) + 1):
                mask |= head_mask(norm[:cut], 0)
            if norm[0].isdecimal():
                mask |= self.contains_digit
            gates = self.contains_rules
            while mask:
                low_bit = mask & -mask
                gate = gates[low_bit.bit_length() - 1]
                if gate.pattern.fullmatch(norm) is not None:
                    rule = gate.rule
                    return None if size > rule.max_len or rule.level > level else rule
                mask ^= low_bit
        return None

    def _has_find_word(self, norm: str) -> bool:
        """True when one of the ``find`` words occurs in ``norm`` (one regex scan instead of a scan per word)."""
        if self.find_pattern is None:
            return any(word in norm for word in self.find_words)
        return self.find_pattern.search(norm) is not None


def _alternation(rules: list[Rule], flags: int = 0) -> re.Pattern[str] | None:
    if not rules:
        return None
    return re.compile("|".join(f"(?P<{r.group}>{r.pattern})" for r in rules), flags)


@lru_cache(maxsize=32)
def line_matcher(languages: tuple[str, ...]) -> LineMatcher:
    """Compile the rules of ``languages`` (plus ``common``) once; cached per language set."""
    seen: set[str] = set()
    rules: list[Rule] = []
    for lang in ("common", *languages):
        if lang in seen:
            continue
        seen.add(lang)
        rules.extend(_load_file(lang))
    return _matcher_of(rules)


def _matcher_of(rules: list[Rule]) -> LineMatcher:
    """A :class:`LineMatcher` for ``rules`` (in order), whatever their source."""
    line_rules = [r for r in rules if r.kind in ("line", "block", "list", "attached") and r.pattern]
    anchored = [r for r in line_rules if not r.find]
    contains = [r for r in line_rules if r.find]
    inline = [r for r in rules if r.kind == "inline" and r.pattern]
    if any(not r.find for r in inline):
        raise ValueError("inline rules need 'find' words")
    max_len = max((r.max_len for r in line_rules), default=0)
    firsts = {r.id: first_chars(r.pattern or "") for r in anchored}
    wild = [r for r in anchored if firsts[r.id] is None]
    chars = sorted({c for f in firsts.values() if f is not None for c in f})
    first_groups = {c: tuple(r for r in anchored if firsts[r.id] is None or c in (firsts[r.id] or ())) for c in chars}
    find_words = tuple(sorted({w for r in contains for w in (r.find or "").split("|") if w}))
    inline_words = tuple(sorted({w for r in inline for w in (r.find or "").split("|") if w}))
    gate = _line_gate(line_rules)
    contains_gates = tuple(_rule_gate(r) for r in contains)
    return LineMatcher(
        rules=tuple(rules),
        first_groups=first_groups,
        wild=tuple(wild),
        find_words=find_words,
        contains=tuple(contains),
        inline_pattern=_alternation(inline, re.IGNORECASE),
        **_inline_anchors(inline),
        inline_words=inline_words,
        by_group={r.group: r for r in rules},
        max_len=max_len,
        find_pattern=_gate.scanner(find_words) if find_words else None,
        gate_digit=gate.digit,
        gate_words=gate.words,
        gate_scanner=_gate.scanner(gate.words) if gate.words else None,
        gate_open=gate.open,
        gate_chars=gate.chars,
        gate_char_checks=gate.char_checks,
        gate_words_max=gate.words_max,
        inline_scanners=_gate.prefix_scanners(inline_words),
        gate_heads=None if gate.open else _heads_scanner(gate.starts, gate.digit),
        contains_rules=contains_gates,
        **_head_tables(anchored),
        **_contains_keys(contains_gates),
    )


#: How far at most before its anchor an inline match may start for the anchored scan to be used.
_INLINE_BACK = 200


def _inline_anchors(rules: list[Rule]) -> dict[str, Any]:
    """The anchors of :meth:`LineMatcher.inline_matches`: strings one of which every match of ``rules``
    holds near its start.

    Each top-level alternative of each pattern gives the strings :func:`_gate.leading` reads off
    it; the scan is compiled case-insensitive, as the rules are, and finds every place an anchor
    string occurs (a :func:`_gate.keyed_scanner` consumes only the anchor character).  Nothing is
    returned (the plain scan is used) when an alternative has no such strings, a match may be empty
    or may start far before its anchor.
    """
    if not rules or _gate.shortest("|".join(f"(?:{r.pattern})" for r in rules)) == 0:
        return {}
    words: set[str] = set()
    back = 0
    for rule in rules:
        found = _gate.leading(rule.pattern or "")
        if found is None:
            return {}
        for need, lead in found:
            words |= need
            back = max(back, lead)
    pattern, _ = _gate.keyed_scanner(sorted(words))
    # a hit is the anchor character, somewhere in its string
    back += max(map(len, words)) - 1
    if back > _INLINE_BACK:
        return {}
    return {"inline_anchors": re.compile(pattern.pattern, re.IGNORECASE), "inline_back": back}


def _contains_keys(gates: tuple[_RuleGate, ...]) -> dict[str, Any]:
    """The tables of the ``contains`` rules of :meth:`LineMatcher.match_normalised`.

    One :func:`_gate.keyed_scanner` finds the words of the rules' own
    gates; each hit is keyed by the bit mask of the rules whose words may
    occur there.  Rules let through by a head, by a leading digit or always
    get masks of their own.
    """
    if not gates:
        return {}
    word_rules: dict[str, int] = {}
    heads: dict[str, int] = {}
    digit = always = 0
    for i, gate in enumerate(gates):
        bit = 1 << i
        if gate.open:
            always |= bit
            continue
        for word in gate.word_list:
            word_rules[word] = word_rules.get(word, 0) | bit
        for head in gate.heads:
            heads[head] = heads.get(head, 0) | bit
        if gate.digit:
            digit |= bit
    pattern: re.Pattern[str] | None = None
    found: tuple[tuple[str, ...], ...] = ((),)
    if word_rules:
        pattern, found = _gate.keyed_scanner(sorted(word_rules))
    keys: list[int] = []
    for words in found:
        mask = 0
        for word in words:
            mask |= word_rules[word]
        keys.append(mask)
    return {
        "contains_scan": pattern,
        "contains_keys": tuple(keys),
        "contains_heads": heads,
        "contains_head_size": max(map(len, heads), default=0),
        "contains_digit": digit,
        "contains_open": always,
    }


#: One way a rule's match may open: the line starts with ``head`` (cut before a digit; ``digit``: the
#: line opens with a digit) and, when it does, is ``shortest`` to ``longest`` characters long and holds
#: one of the ``need`` strings (None: none known); see :func:`_gate.openings`.
_Opening = tuple[str, bool, int, int, "frozenset[str] | None"]


@lru_cache(maxsize=4096)
def _openings(pattern: str) -> tuple[_Opening, ...]:
    """The :data:`_Opening` of every top-level alternative of ``pattern`` (no head: it may open with anything)."""
    if re.compile(pattern).flags & re.IGNORECASE:
        return (("", False, 0, _gate.MAXREPEAT, None),)
    out: list[_Opening] = []
    for seq in _gate.alternatives(pattern):
        for prefix, shortest, longest, need in _gate.openings(seq, _HEAD_SIZE):
            head = prefix.split(_gate.DIGIT, 1)[0]
            out.append((head, prefix.startswith(_gate.DIGIT), shortest, longest, need))
    return tuple(out)


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@lru_cache(maxsize=4096)
def _need_scanner(need: frozenset[str]) -> re.Pattern[str]:
    return _gate.scanner(need)


def _head_tables(anchored: list[Rule]) -> dict[str, Any]:
    """The head → rules tables of :meth:`LineMatcher.match_normalised`, for lines opening with a non-digit
    and with a digit.

    A line is looked up by the longest head it opens with (key "" for none): it cannot open with a
    longer head of any rule, so the entry lists the rules, in order, with the openings (see
    :data:`_Opening`) whose head is a start of the entry's (for a line opening with a non-digit: that
    do not open with a digit).
    """
    by_head: dict[str, list[tuple[int, _Opening]]] = {}  # head -> (rule index, opening) in order
    for i, rule in enumerate(anchored):
        for opening in _openings(rule.pattern or ""):
            by_head.setdefault(opening[0], []).append((i, opening))
    every = sorted({*by_head, ""})
    tables: tuple[dict[str, _HeadRules], ...] = ({}, {})
    for opens_with_digit, table in enumerate(tables):
        for head in every:
            fit: dict[int, list[_Opening]] = {}
            for k in range(len(head) + 1):
                for i, opening in by_head.get(head[:k], ()):
                    if opens_with_digit or not opening[1]:
                        fit.setdefault(i, []).append(opening)
            order = sorted(fit)
            table[head] = _HeadRules(rules=tuple(anchored[i] for i in order), conds=tuple(tuple(fit[i]) for i in order))
    return {"head_rules": tables[0], "head_rules_digit": tables[1], "head_size": max(map(len, every))}


#: One rule of a :class:`_HeadRules` tier: the rule, its pattern and a scan for the strings one of which
#: a line must hold (None: no check).
_Candidate = tuple[Rule, re.Pattern[str], "re.Pattern[str] | None"]


@attrs.define(eq=False)
class _HeadRules:
    """Anchored rules a line opening with some head may match (in order), with the ways they may open.

    On first use the line lengths are cut into ranges at every ``shortest`` and ``longest`` of the
    openings; the tier of a range lists the rules with an opening that lets such a line through, each
    with a scan for the strings one of which those openings need.  A line is tried against the rules
    of its tier whose strings it holds, in order: the first one whose pattern matches it whole is the
    one a single alternation of all the rules would pick, since no other rule can match it.
    """

    rules: tuple[Rule, ...]
    conds: tuple[tuple[_Opening, ...], ...]
    bounds: list[int] | None = None
    tiers: list[tuple[_Candidate, ...]] = attrs.field(factory=list)

    def first(self, norm: str) -> Rule | None:
        """The first rule whose pattern matches all of ``norm`` (a line opening with the entry's head), or None."""
        if self.bounds is None:
            self._plan()
            assert self.bounds is not None
        for rule, pattern, need in self.tiers[bisect.bisect_right(self.bounds, len(norm)) - 1]:
            if (need is None or need.search(norm) is not None) and pattern.fullmatch(norm) is not None:
                return rule
        return None

    def _plan(self) -> None:
        cuts = {0}
        for conds in self.conds:
            for _, _, shortest, longest, _ in conds:
                cuts.update((shortest, longest + 1))
        bounds = sorted(cuts)
        tiers: list[tuple[_Candidate, ...]] = []
        for low in bounds:  # every opening lets through all the lengths of a range or none
            tier: list[_Candidate] = []
            for rule, conds in zip(self.rules, self.conds, strict=True):
                cover = [c for c in conds if c[2] <= low <= c[3]]
                if not cover:
                    continue
                needs: set[str] = set()
                for c in cover:
                    if c[4] is None:
                        tier.append((rule, _compiled(rule.pattern or ""), None))
                        break
                    needs |= c[4]
                else:
                    tier.append((rule, _compiled(rule.pattern or ""), _need_scanner(frozenset(needs))))
            tiers.append(tuple(tier))
        self.tiers = tiers
        self.bounds = bounds


@attrs.frozen
class _Gate:
    #: head → ``(shortest, longest, need)``: a line opening with the head may match when its length is in
    #: the window and it holds one of the ``need`` strings (None: no string known)
    starts: dict[str, tuple[tuple[int, int, frozenset[str] | None], ...]]
    digit: int
    words: tuple[str, ...]
    open: bool
    chars: dict[str, int] = attrs.field(factory=dict)
    words_max: int = 0
    char_checks: dict[str, tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...]] = attrs.field(factory=dict)


def _needed(rules: dict[str, tuple[Rule, set[str] | None]], rule: Rule, seq: list[Any]) -> None:
    """Add ``rule`` to ``rules`` (rule id → the rule and the strings one of which its alternatives, so far
    and ``seq``, hold; None: not known; see :func:`_gate.literal_need`)."""
    found = _gate.literal_need(seq)
    need = None if found is None else set(found)
    if rule.id in rules:
        old = rules[rule.id][1]
        need = None if old is None or need is None else old | need
    rules[rule.id] = (rule, need)


def _fewer(need: set[str]) -> set[str]:
    """A many-string set whose strings share a character becomes that character (looked for with ``str.find``)."""
    if len(need) <= 16:
        return need
    common = set.intersection(*(set(w) for w in need))
    return {min(common)} if common else need


def _gate_need(seq: list[Any]) -> set[str] | None:
    """The strings one of which a line matching ``seq`` contains: :func:`_gate.required`, or its cheap
    choice when that is much cheaper to scan a text for (``/`` rather than a dozen agency names)."""
    need = _gate.required(seq)
    if need is None:
        return None
    cheap = _gate.required(seq, cheap=True)
    if cheap is not None and -_gate.scan_cost(cheap)[0] * 4 < -_gate.scan_cost(need)[0]:
        return cheap
    return need


def _merged_windows(windows: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Line length windows ``(shortest, longest)`` with the overlapping or adjacent ones merged.

    >>> _merged_windows([(5, 9), (1, 3), (4, 4), (20, 30)])
    ((1, 9), (20, 30))
    """
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return tuple(out)


#: How long the line starts of :func:`_line_gate` are at most (longer ones let fewer lines through).
_HEAD_SIZE = 8


def _line_gate(rules: list[Rule]) -> _Gate:
    """The pre-filter of :meth:`LineMatcher.gated_lines` for ``rules``.

    Each top-level alternative of each pattern contributes the strings a
    matching line starts with or, failing that, strings it must contain;
    an alternative with neither opens the gate (every line is a candidate).
    """
    # line start -> how long a line a rule starting so may be and the strings one of which it holds
    starts: dict[str, list[tuple[int, int, frozenset[str] | None]]] = {}
    words: dict[str, int] = {}  # word -> the longest line a rule needing it may match
    # word -> the rules (by id, in order) that may need it, with the strings one of which their alternatives
    # needing it hold (None: not known)
    needed_by: dict[str, dict[str, tuple[Rule, set[str] | None]]] = {}
    digit = 0
    for rule in rules:
        if rule.pattern is None or re.compile(rule.pattern).flags & re.IGNORECASE:
            return _Gate({}, 0, (), True)
        for seq in _gate.alternatives(rule.pattern):
            found = _gate.prefixes(seq, _HEAD_SIZE)
            if any(len(p) == 1 and p.isalpha() for p in found):  # a lone letter lets most lines through
                need = _gate_need(seq)
                need = None if need is None else _fewer(need)
                if need is not None and all(len(w) >= 2 or not w.isalnum() for w in need):
                    for w in need:
                        words[w] = max(words.get(w, 0), rule.max_len)
                        _needed(needed_by.setdefault(w, {}), rule, seq)
                    continue
            if "" not in found:
                if any(p.startswith(_gate.DIGIT) for p in found):
                    digit = max(digit, rule.max_len)
                opens = _gate.openings(seq, _HEAD_SIZE)
                if any(p == "" for p, *_ in opens):  # (not expanded as far): the heads alone
                    opens = [(p, 1, rule.max_len, None) for p in found]
                for p, shortest, longest, holds in opens:
                    longest = min(longest, rule.max_len)
                    if not p.startswith(_gate.DIGIT) and shortest <= longest:
                        starts.setdefault(p.split(_gate.DIGIT, 1)[0], []).append((shortest, longest, holds))
                continue
            need = _gate_need(seq)
            if need is None:
                return _Gate({}, 0, (), True)
            need = _fewer(need)
            for w in need:
                words[w] = max(words.get(w, 0), rule.max_len)
                _needed(needed_by.setdefault(w, {}), rule, seq)
    # a word containing another one adds nothing (the shorter one is found wherever it is)
    # (single characters are looked for only in short enough lines, so they cover nothing)
    many = sorted(w for w in words if len(w) > 1 and not any(v != w and len(v) > 1 and v in w for v in words))
    chars = {w: words[w] for w in words if len(w) == 1}
    checks = {
        c: tuple(
            (_compiled(rule.pattern or ""), None if need is None else _need_scanner(frozenset(need)))
            for rule, need in needed_by[c].values()
        )
        for c in chars
    }
    return _Gate(
        {head: tuple(conds) for head, conds in starts.items()},
        digit,
        tuple(many),
        False,
        chars,
        max((words[w] for w in many), default=0),
        checks,
    )
