"""Pre-filters for the line rules: which lines can a rule match at all?

A line rule must match the *whole* normalised line, so every line it
matches starts with one of a few strings that can be read off its pattern
(``read also`` → ``read``), or, when the pattern begins with something
open-ended (``.{0,200}``), contains one of a few literal strings.  These
functions compute such strings from the parsed pattern; they are *sound*:
they may let through lines the rule does not match, never the reverse.

>>> sorted(prefixes(r"(?:read|see) also.{0,80}", 4))
['read', 'see ']
>>> sorted(required(r".{0,120}\\bcookies?\\b.{0,200}"))
['cookie']
>>> prefixes(r"\\d+ views", 4) == {DIGIT}
True
>>> scanner(["cookie", "@"]).search("we use cookies").start()
10
"""

from __future__ import annotations

import bisect
import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = [
    "DIGIT",
    "MAXREPEAT",
    "alternatives",
    "keyed_scanner",
    "leading",
    "line_hits",
    "literal_need",
    "openings",
    "prefix_scanners",
    "prefixes",
    "required",
    "scanner",
    "share",
    "shortest",
]

#: Stands for "any decimal digit" (``\d``) in a prefix; a prefix ends there.
DIGIT = "\x00"

_MAXREPEAT = _c.MAXREPEAT
#: What :func:`openings` gives as the longest match when there is no bound.
MAXREPEAT: int = _MAXREPEAT
_IGNORECASE = _c.SRE_FLAG_IGNORECASE

#: Characters from the most to the least frequent in English and Russian prose;
#: a scanner anchors each string on its rarest character (absent ones count as the rarest).
_FREQUENT = " etaoinsrhldcumfpgwybvkxjqzоеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё.,0123456789-"
_RANK = {ch: i for i, ch in enumerate(_FREQUENT)}


def _parse(pattern: str) -> Any:
    return _parser.parse(pattern)


def _class_chars(av: Any) -> list[str] | None:
    """The characters of a parsed character class (a digit class as :data:`DIGIT`); None for a negation,
    another category or a wide range."""
    chars: list[str] = []
    for sub_op, sub_av in av:
        sub = str(sub_op)
        if sub == "LITERAL":
            chars.append(chr(sub_av))
        elif sub == "RANGE" and sub_av[1] - sub_av[0] < 40:
            chars.extend(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
        elif sub == "CATEGORY" and str(sub_av) == "CATEGORY_DIGIT":
            chars.append(DIGIT)
        else:
            return None
    return chars


def _prefixes(items: list[Any], prefix: str, k: int, cap: int, budget: list[int]) -> set[str]:
    """Strings of at most ``k`` characters one of which starts every match of ``items`` (after ``prefix``).

    Returning ``{prefix}`` is always sound; it is what happens whenever the
    next element is open-ended, the set grows past ``cap`` or the work
    ``budget`` runs out.
    """
    budget[0] -= 1
    if len(prefix) >= k or not items or budget[0] <= 0:
        return {prefix}
    op, av = items[0]
    rest = items[1:]
    name = str(op)
    if name == "LITERAL":
        return _prefixes(rest, prefix + chr(av), k, cap, budget)
    if name == "IN":
        chars = _class_chars(av)
        if chars is None or len(chars) > cap:
            return {prefix}
        out: set[str] = set()
        for ch in chars:
            out |= {prefix + DIGIT} if ch == DIGIT else _prefixes(rest, prefix + ch, k, cap, budget)
            if len(out) > cap:
                return {prefix}
        return out
    if name == "SUBPATTERN":
        if (av[1] | av[2]) & _IGNORECASE:
            return {prefix}
        return _prefixes(list(av[3]) + rest, prefix, k, cap, budget)
    if name == "ATOMIC_GROUP":
        return _prefixes(list(av) + rest, prefix, k, cap, budget)
    if name == "BRANCH":
        out = set()
        for alt in av[1]:
            out |= _prefixes(list(alt) + rest, prefix, k, cap, budget)
            if len(out) > cap:
                return {prefix}
        return out
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        lo, hi, sub = av
        if sub.getwidth()[0] == 0:
            return {prefix}
        out = set()
        if lo == 0:
            out |= _prefixes(rest, prefix, k, cap, budget)
        if hi != 0:
            again = (op, (max(lo - 1, 0), hi if hi == _MAXREPEAT else hi - 1, sub))
            out |= _prefixes([*sub, again, *rest], prefix, k, cap, budget)
        return {prefix} if len(out) > cap else out
    if name in ("AT", "ASSERT", "ASSERT_NOT"):  # zero-width: they only narrow what matches
        return _prefixes(rest, prefix, k, cap, budget)
    return {prefix}  # ANY, NOT_LITERAL, categories, group references …


def _best_prefixes(items: list[Any], k: int, cap: int = 64) -> set[str]:
    """The longest prefixes (``k`` down to 1 characters) that stay within ``cap`` strings."""
    for size in range(k, 0, -1):
        found = _prefixes(items, "", size, cap, [4000])
        if "" not in found:
            return found
    return {""}


def _openings(
    items: list[Any], prefix: str, *, k: int, cap: int, budget: list[int], out: list[tuple[str, list[Any]]]
) -> None:
    """Append ``(prefix, rest)`` pairs to ``out``: every match of ``items`` (after ``prefix``) is one of the
    prefixes followed by a match of its rest (a prefix is cut after a :data:`DIGIT`), as :func:`_prefixes`
    expands them."""
    budget[0] -= 1
    if len(prefix) >= k or not items or budget[0] <= 0 or len(out) > cap:
        out.append((prefix, items))
        return
    op, av = items[0]
    rest = items[1:]
    name = str(op)
    if name == "LITERAL":
        _openings(rest, prefix + chr(av), k=k, cap=cap, budget=budget, out=out)
        return
    if name == "IN":
        chars = _class_chars(av)
        if chars is None or len(chars) > cap:
            out.append((prefix, items))
            return
        for ch in chars:
            if ch == DIGIT:
                out.append((prefix + DIGIT, rest))
            else:
                _openings(rest, prefix + ch, k=k, cap=cap, budget=budget, out=out)
        return
    if name == "SUBPATTERN" and not (av[1] | av[2]) & _IGNORECASE:
        _openings(list(av[3]) + rest, prefix, k=k, cap=cap, budget=budget, out=out)
        return
    if name == "ATOMIC_GROUP":
        _openings(list(av) + rest, prefix, k=k, cap=cap, budget=budget, out=out)
        return
    if name == "BRANCH":
        for alt in av[1]:
            _openings(list(alt) + rest, prefix, k=k, cap=cap, budget=budget, out=out)
        return
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[2].getwidth()[0] > 0:
        lo, hi, sub = av
        if lo == 0:
            _openings(rest, prefix, k=k, cap=cap, budget=budget, out=out)
        if hi != 0:
            again = (op, (max(lo - 1, 0), hi if hi == _MAXREPEAT else hi - 1, sub))
            _openings([*sub, again, *rest], prefix, k=k, cap=cap, budget=budget, out=out)
        return
    if name in ("AT", "ASSERT", "ASSERT_NOT"):  # zero-width: they only narrow what matches
        _openings(rest, prefix, k=k, cap=cap, budget=budget, out=out)
        return
    out.append((prefix, items))  # ANY, NOT_LITERAL, categories, group references …


def literal_need(items: list[Any]) -> frozenset[str] | None:
    """Plain strings one of which every match of the parsed sequence ``items`` holds, read off its literal
    runs in one pass (a cheap :func:`required`), or None when none are known.

    >>> sorted(literal_need(_parse(r"\\s?(?:[|/] ?(?:rss|help)){1,3}")))
    ['help', 'rss']
    >>> literal_need(_parse(r".{0,20}")) is None
    True
    """
    best: frozenset[str] | None = None
    best_key = (0, 0)
    run = ""
    options: list[frozenset[str]] = []
    for op, av in [*items, (None, None)]:
        name = str(op)
        if name == "LITERAL":
            run += chr(av)
            continue
        if run:
            options.append(frozenset((run,)))
            run = ""
        inner: list[list[Any]] | None = None
        if name == "SUBPATTERN" and not (av[1] | av[2]) & _IGNORECASE:
            inner = [list(av[3])]
        elif name == "ATOMIC_GROUP":
            inner = [list(av)]
        elif name == "BRANCH":
            inner = [list(alt) for alt in av[1]]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            inner = [list(av[2])]
        if inner is not None:
            union: set[str] = set()
            for alt in inner:
                got = literal_need(alt)
                if got is None:
                    break
                union |= got
            else:
                options.append(frozenset(union))
    for option in options:
        # long strings first (short ones are common), then few of them
        key = (min(*map(len, option), 4), -len(option))
        if best is None or key > best_key:
            best, best_key = option, key
    return best


def openings(pattern: str | list[Any], k: int = 8, cap: int = 64) -> list[tuple[str, int, int, frozenset[str] | None]]:
    """``(prefix, shortest, longest, need)``: every match starts with one of the prefixes (the longest ones
    of at most ``k`` characters that stay within ``cap``, cut after a :data:`DIGIT`) and, when it does, is
    at least ``shortest`` and at most ``longest`` characters long (``longest`` may be ``MAXREPEAT``) and
    holds one of the strings ``need`` after the prefix (None: none known, see :func:`literal_need`).

    A match may start with anything when a prefix is empty.

    >>> found = openings(r"(?:impressum|rss)(?: \\| (?:impressum|rss)){1,2}", 4)
    >>> [(p, lo, hi, sorted(need or ())) for p, lo, hi, need in sorted(found)]
    [('impr', 15, 33, ['essum']), ('rss ', 9, 27, ['impressum', 'rss'])]
    >>> [(p, lo, hi, sorted(need or ())) for p, lo, hi, need in openings(r"may \\d{1,2}(?:st|nd)", 8)]
    [('may \\x00', 7, 8, ['nd', 'st'])]
    """
    parsed = _parse(pattern) if isinstance(pattern, str) else pattern
    items = list(parsed)
    state = parsed.state if isinstance(parsed, _parser.SubPattern) else _parser.State()
    for size in range(k, 0, -1):
        found: list[tuple[str, list[Any]]] = []
        _openings(items, "", k=size, cap=cap, budget=[4000], out=found)
        if len(found) <= cap or size == 1:
            break
    spans: dict[tuple[str, frozenset[str] | None], tuple[int, int]] = {}
    for prefix, rest in found:
        lo, hi = _parser.SubPattern(state, list(rest)).getwidth()
        lo, hi = lo + len(prefix), min(hi + len(prefix), _MAXREPEAT)
        key = (prefix, literal_need(rest) if rest else None)
        old = spans.get(key)
        spans[key] = (lo, hi) if old is None else (min(old[0], lo), max(old[1], hi))
    return [(p, lo, hi, need) for (p, need), (lo, hi) in spans.items()]


def shortest(pattern: str) -> int:
    """The length of the shortest match of ``pattern``.

    >>> shortest(r"\\s?\\(ap\\)"), shortest(r"a*")
    (4, 0)
    """
    return int(_parse(pattern).getwidth()[0])


def leading(pattern: str, k: int = 8) -> list[tuple[set[str], int]] | None:
    """For each top-level alternative: strings one of which every match holds, and how far at most
    into the match the one it holds starts; None when an alternative has no such strings.

    The strings are the prefixes (see :func:`prefixes`) of the shortest tail of the alternative
    that has them; the distance is the longest match of what comes before that tail.

    >>> [(sorted(words), lead) for words, lead in leading(r"\\s?\\((?:ap|afp) photo|click", 4)]
    [(['(ap '], 1), (['(afp'], 1), (['clic'], 0)]
    >>> leading(r".*x") is None
    True
    """
    parsed = _parse(pattern)
    out: list[tuple[set[str], int]] = []
    for seq in alternatives(parsed):
        for i in range(len(seq)):
            found = {p[: p.index(DIGIT)] if DIGIT in p else p for p in _best_prefixes(seq[i:], k)}
            if "" in found:
                continue
            lead = _parser.SubPattern(parsed.state, list(seq[:i])).getwidth()[1]
            if lead >= _MAXREPEAT:
                return None
            out.append((found, int(lead)))
            break
        else:
            return None
    return out


def alternatives(pattern: str | Any, cap: int = 64) -> list[list[Any]]:
    """The top-level alternatives of a pattern (through wrapping groups), each a parsed sequence.

    A group of alternatives that opens the pattern after characters and items that may match nothing
    (an optional bullet) is spread over them: one sequence per alternative, when there are at most
    ``cap``.

    >>> [sorted(prefixes(seq)) for seq in alternatives(r"(?:\\* )?(?:this|that) page|read")]
    [['* th', 'this'], ['* th', 'that'], ['read']]
    """
    items = list(_parse(pattern) if isinstance(pattern, str) else pattern)
    while len(items) == 1 and str(items[0][0]) == "SUBPATTERN" and not (items[0][1][1] | items[0][1][2]):
        items = list(items[0][1][3])
    if len(items) == 1 and str(items[0][0]) == "BRANCH":
        return [seq for alt in items[0][1][1] for seq in alternatives(alt, cap)]
    for i, (op, av) in enumerate(items):
        name = str(op)
        inner = list(av[3]) if name == "SUBPATTERN" and not (av[1] | av[2]) else [(op, av)]
        if i and len(inner) == 1 and str(inner[0][0]) == "BRANCH":
            spread = [seq for alt in inner[0][1][1] for seq in alternatives([*items[:i], *alt, *items[i + 1 :]], cap)]
            return spread if len(spread) <= cap else [items]
        if name not in ("LITERAL", "IN") and (name not in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") or av[0]):
            break  # (only characters and items that may match nothing are spread over)
    return [items]


def prefixes(pattern: str | list[Any], k: int = 4) -> set[str]:
    """Strings one of which starts every match (``{""}`` when nothing is known).

    A prefix is cut after a :data:`DIGIT`.
    """
    items = alternatives(pattern) if isinstance(pattern, str) else [pattern]
    out: set[str] = set()
    for seq in items:
        found = _best_prefixes(seq, k)
        out |= {p[: p.index(DIGIT) + 1] if DIGIT in p else p for p in found}
    return out


def required(pattern: str | list[Any], k: int = 8, *, cheap: bool = False) -> set[str] | None:
    """Plain strings one of which occurs in every match, or None when none are known.

    Tries every position of the sequence (and, inside a group of
    alternatives, each alternative on its own) and keeps the set whose
    strings are easiest to scan for: the rarest anchor characters first,
    then the longest strings.  With ``cheap``, the set that is cheapest to
    scan a text for (its strings' rarest characters are the rarest in prose,
    see :func:`scan_cost`) wins instead.

    >>> sorted(required(r"[a-z ]{2,60}\\s?/\\s?(?:ap|afp|dpa|reuters)"))
    ['afp', 'ap', 'dpa', 'reuters']
    >>> sorted(required(r"[a-z ]{2,60}\\s?/\\s?(?:ap|afp|dpa|reuters)", cheap=True))
    ['/']
    """
    seq = list(_parse(pattern) if isinstance(pattern, str) else pattern)
    best = _required(seq, k, [2000], scan_cost if cheap else _score)
    if best is None:
        return None
    # a string containing another one of the set adds nothing
    return {p for p in best if not any(q != p and q in p for q in best)}


def _score(words: set[str]) -> tuple[int, int, int, int]:
    # strings of four characters or more first (short ones are common words), then rare anchors
    rarity = min(_RANK.get(w[_anchor(w)], len(_FREQUENT)) for w in words)
    shortest = min(len(w) for w in words)
    return (min(shortest, 4), rarity, shortest, -len(words))


def scan_cost(words: set[str]) -> tuple[int, ...]:
    """How costly a text is to scan for ``words`` (the lower the better): the shares in prose of each
    string's rarest character, added up (see :data:`_SHARE`), then :func:`_score`."""
    cost = sum(min(_SHARE.get(ch, 0) for ch in w) for w in words)
    return (-cost, *_score(words))


def _required(seq: list[Any], k: int, budget: list[int], score: Any = None) -> set[str] | None:
    score = score or _score
    best: set[str] | None = None
    for i in range(len(seq)):
        budget[0] -= 1
        if budget[0] <= 0:
            break
        options: list[set[str]] = []
        found = _best_prefixes(seq[i:], k)
        found = {p[: p.index(DIGIT)] if DIGIT in p else p for p in found}
        if "" not in found:
            options.append(found)
        op, av = seq[i]
        name = str(op)
        inner: list[list[Any]] | None = None
        if name == "SUBPATTERN" and not (av[1] | av[2]) & _IGNORECASE:
            inner = [list(av[3])]
        elif name == "BRANCH":
            inner = [list(alt) for alt in av[1]]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            inner = [list(av[2])]
        if inner is not None:
            union: set[str] | None = set()
            for alt in inner:
                got = _required(alt, k, budget, score)
                if got is None or union is None:
                    union = None
                    break
                union |= got
            if union:
                options.append(union)
        for option in options:
            if best is None or score(option) > score(best):
                best = option
    return best


def _anchor(word: str) -> int:
    """Index of the rarest character of ``word``."""
    return max(range(len(word)), key=lambda i: (_RANK.get(word[i], len(_FREQUENT)), -i))


#: Rough share (per mille) of a character in English and Russian news text; a :func:`scanner` stops at
#: every occurrence of its anchor characters, so it picks anchors whose shares add up to little.
_SHARE = {
    **dict(
        zip(
            " etaoinsrhldcumwfgypbvkjxqz",
            (
                180,
                100,
                72,
                65,
                60,
                55,
                53,
                50,
                48,
                48,
                34,
                32,
                22,
                22,
                19,
                19,
                18,
                16,
                16,
                15,
                15,
                12,
                8,
                7,
                2,
                2,
                1,
                1,
            ),
            strict=False,
        )
    ),
    **dict(
        zip(
            "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
            (
                90,
                70,
                65,
                60,
                55,
                52,
                45,
                40,
                37,
                36,
                29,
                26,
                25,
                23,
                21,
                16,
                15,
                14,
                14,
                13,
                13,
                12,
                10,
                8,
                7,
                6,
                5,
                4,
                3,
                3,
                3,
                1,
                1,
            ),
            strict=False,
        )
    ),
    ",": 12,
    ".": 10,
    "-": 4,
    ":": 2,
    "/": 1,
    **dict.fromkeys("0123456789", 4),
}


def share(char: str) -> int:
    """Rough share (per mille) of ``char`` in English and Russian news text (0 when rare).

    >>> share("e") > share("z") > share("@")
    True
    """
    return _SHARE.get(char, 0)


def _anchors(words: list[str]) -> dict[str, str]:
    """Word → the character it is anchored on: a small set of characters shared by the words, rare in prose."""
    left = set(words)
    chosen: list[str] = []
    while left:
        # greedy weighted set cover: the character with the least share per word it covers
        best = min(
            {c for w in left for c in w},
            key=lambda c: ((_SHARE.get(c, 0) + 0.5) / sum(1 for w in left if c in w), c),
        )
        chosen.append(best)
        left = {w for w in left if best not in w}
    out: dict[str, str] = {}
    for word in words:
        out[word] = min((c for c in chosen if c in word), key=lambda c: (_SHARE.get(c, 0), c))
    return out


def scanner(words: list[str] | tuple[str, ...] | set[str] | frozenset[str]) -> re.Pattern[str]:
    """One pattern finding any of ``words``, anchored on a few characters that are rare in prose.

    The pattern starts with a set of (rare) characters, so the regex engine
    skips every other position at C speed; a lookbehind checks the part of a
    word before its anchor.  A match's ``lastgroup`` is unused: callers only
    need where a word was seen (``m.start()`` is at the anchor character).
    """
    unique = sorted(set(words))
    if "" in unique:
        raise ValueError("empty word")
    anchor_of = _anchors(unique)
    by_anchor: dict[str, list[str]] = {}
    for word in unique:
        ch = anchor_of[word]
        j = word.index(ch)
        # the rest of the word first (a branch skips alternatives whose first character differs at
        # C speed), then a lookbehind for the part before the anchor
        alt = re.escape(word[j + 1 :]) + (f"(?<={re.escape(word)})" if j else "")
        by_anchor.setdefault(ch, []).append(alt)
    parts = []
    for ch, alts in sorted(by_anchor.items(), key=lambda item: -_SHARE.get(item[0], 0)):
        body = "|".join(sorted(set(alts)))
        parts.append(re.escape(ch) + (f"(?:{body})" if body != "" else ""))
    return re.compile("|".join(parts))


def keyed_scanner(words: list[str] | tuple[str, ...]) -> tuple[re.Pattern[str], tuple[tuple[str, ...], ...]]:
    """A :func:`scanner` that tells which of ``words`` may occur, for ``finditer``.

    Each match is the anchor character of an occurring word (nothing more is
    consumed, so words overlapping a match are found too) and its
    ``lastindex`` keys the second return value: the words that may occur
    there, the first one of which does (the ones before it in the anchor's
    list do not, at that place).  Words come in the order given, so when
    ``words`` lists some words first, a match keyed by another word proves
    that none of the first ones is anchored at that place.

    >>> pattern, keys = keyed_scanner(["cookie", "use cook", "ctrl"])
    >>> [keys[m.lastindex or 0] for m in pattern.finditer("we use cookies")]
    [('cookie', 'use cook')]
    >>> [keys[m.lastindex or 0][0] for m in pattern.finditer("ctrl: cookies")]
    ['ctrl', 'cookie']
    """
    unique = list(dict.fromkeys(words))
    if "" in unique:
        raise ValueError("empty word")
    anchor_of = _anchors(unique)
    by_anchor: dict[str, list[str]] = {}
    for word in unique:
        by_anchor.setdefault(anchor_of[word], []).append(word)
    keys: list[tuple[str, ...]] = [()]
    parts = []
    for ch, group in sorted(by_anchor.items(), key=lambda item: (-_SHARE.get(item[0], 0), item[0])):
        alts = []
        for i, word in enumerate(group):
            j = word.index(ch)
            # an empty group last: a branch skips an alternative whose first character differs at C speed
            alts.append(re.escape(word[j + 1 :]) + (f"(?<={re.escape(word)})" if j else "") + "()")
            keys.append(tuple(group[i:]))
        parts.append(f"{re.escape(ch)}(?={'|'.join(alts)})")
    return re.compile("|".join(parts)), tuple(keys)


def prefix_scanners(words: list[str] | tuple[str, ...] | set[str]) -> tuple[re.Pattern[str], ...]:
    """Patterns finding any of ``words``, one per first character of a word.

    Each pattern opens with a literal character, which the regex engine looks
    for with a tight loop; that beats one :func:`scanner` over a long text
    when the words start with rare characters (``(photo``, ``[ad``).

    >>> print(*(p.pattern for p in prefix_scanners(["[ad", "[/ad", "(photo"])))
    \\((?:photo) \\[(?:/ad|ad)
    """
    by_first: dict[str, set[str]] = {}
    for word in words:
        if not word:
            raise ValueError("empty word")
        by_first.setdefault(word[0], set()).add(word[1:])
    out = []
    for ch, rests in sorted(by_first.items()):
        body = "" if "" in rests else "(?:" + "|".join(re.escape(r) for r in sorted(rests)) + ")"
        out.append(re.compile(re.escape(ch) + body))
    return tuple(out)


def line_hits(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[int]:
    """Lines (after the first) at whose start ``pattern`` matches, given the lines' start offsets.

    ``pattern`` begins with a newline and matches no other one, so each
    match stands for the line after its newline.

    >>> line_hits(re.compile(r"\\n[0-9]"), "a\\n1\\nb\\n2", [0, 2, 4, 6])
    [1, 3]
    """
    right = bisect.bisect_right
    return [right(starts, m.start() + 1) - 1 for m in pattern.finditer(text)]
