"""A small generative grammar and the choice source that drives it.

Generation code never calls :mod:`random` or Hypothesis directly: it asks a
:class:`Chooser` for choices.  Under Hypothesis the chooser draws from the test
case (so examples shrink: every choice shrinks towards 0, and the first
alternative of every rule is the simplest); for seeded samples it is a
:class:`RandomChooser`.

Grammar notation (rules live in ``data/<lang>.json`` under ``"grammar"``):

* a rule is a name and a list of alternatives, the first one the simplest and
  never recursive;
* ``{name}`` expands another rule;
* ``{name.f}`` expands it in a grammatical form (``forms`` lists them, e.g.
  ``m f n pl`` for Russian), ``{name.@}`` passes the current form on;
* ``<a|b|c|d>`` picks the variant of the current form (one per form);
* ``{$builtin}`` / ``{$builtin:args}`` calls a generator written in code
  (numbers, dates, plural forms …).

>>> g = Grammar.from_rules({"s": ["{x.@} <is|are> here"], "x": ["<it|they>"]}, forms=("sg", "pl"))
>>> g.expand(RandomChooser(1), "s", "pl")
'they are here'
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any, Protocol, TypeVar

import attrs

__all__ = ["Builtin", "Chooser", "Grammar", "GrammarError", "LanguageData", "RandomChooser", "language_data"]

#: Languages the generators know.
LANGS = ("en", "ru")

T = TypeVar("T")

_TOKEN = re.compile(r"\{(\$?[a-z_0-9]+)(?:\.([a-z@]+))?(?::([^{}]*))?\}|<([^<>{}]*)>")
_MAX_DEPTH = 12


class GrammarError(ValueError):
    """A grammar refers to an unknown rule or form, or cannot terminate."""


class Chooser(Protocol):
    """Where generation gets its choices from; every choice shrinks towards 0."""

    def index(self, n: int) -> int:
        """An index in ``range(n)``; 0 is the simplest choice."""
        ...

    def integer(self, lo: int, hi: int) -> int:
        """An integer in ``[lo, hi]``; ``lo`` is the simplest."""
        ...

    def chance(self, percent: int) -> bool:
        """True about ``percent`` % of the time; False is the simplest."""
        ...

    def many(self, element: Callable[[Chooser], T], lo: int, hi: int) -> list[T]:
        """Between ``lo`` and ``hi`` elements, each made by ``element``; fewer is simpler.

        Under Hypothesis each element is its own span of choices, so the
        shrinker can drop any one of them.
        """
        ...


@attrs.define
class RandomChooser:
    """A :class:`Chooser` backed by a seeded :class:`random.Random`.

    >>> ch = RandomChooser(7)
    >>> 0 <= ch.index(3) < 3 and 5 <= ch.integer(5, 9) <= 9
    True
    """

    seed: int | str | None = None
    rng: random.Random = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def index(self, n: int) -> int:
        return self.rng.randrange(n) if n > 1 else 0

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def chance(self, percent: int) -> bool:
        return self.rng.random() * 100 < percent

    def many(self, element: Callable[[Chooser], T], lo: int, hi: int) -> list[T]:
        return [element(self) for _ in range(self.rng.randint(lo, hi))]


Builtin = Callable[[Chooser, str], str]

# A compiled alternative: a tuple of tokens.
#   ("t", text) literal; ("r", name, form) rule reference; ("b", name, args) builtin;
#   ("v", options) per-form variants.
_Token = tuple[Any, ...]


def _compile(alternative: str) -> tuple[_Token, ...]:
    tokens: list[_Token] = []
    pos = 0
    for m in _TOKEN.finditer(alternative):
        if m.start() > pos:
            tokens.append(("t", alternative[pos : m.start()]))
        name, form, args, variants = m.groups()
        if variants is not None:
            tokens.append(("v", tuple(variants.split("|"))))
        elif name.startswith("$"):
            tokens.append(("b", name[1:], args or ""))
        else:
            tokens.append(("r", name, form))
        pos = m.end()
    if pos < len(alternative):
        tokens.append(("t", alternative[pos:]))
    return tuple(tokens)


@attrs.frozen
class Grammar:
    """Compiled rules plus the builtins they may call."""

    rules: Mapping[str, tuple[tuple[_Token, ...], ...]]
    source: Mapping[str, tuple[str, ...]]
    forms: tuple[str, ...] = ()
    builtins: Mapping[str, Builtin] = attrs.field(factory=dict)

    @classmethod
    def from_rules(
        cls,
        rules: Mapping[str, Iterable[str]],
        *,
        forms: Iterable[str] = (),
        builtins: Mapping[str, Builtin] | None = None,
    ) -> Grammar:
        source = {name: tuple(alts) for name, alts in rules.items()}
        compiled = {name: tuple(_compile(a) for a in alts) for name, alts in source.items()}
        return cls(compiled, source, tuple(forms), dict(builtins or {}))

    def expand(self, ch: Chooser, symbol: str, form: str | None = None, *, _depth: int = 0) -> str:
        """Expand ``symbol`` (optionally in ``form``) with choices from ``ch``."""
        try:
            alternatives = self.rules[symbol]
        except KeyError:
            raise GrammarError(f"unknown rule {symbol!r}") from None
        n = len(alternatives)
        k = 0 if n == 1 or _depth >= _MAX_DEPTH else ch.index(n)
        out: list[str] = []
        for token in alternatives[k]:
            kind = token[0]
            if kind == "t":
                out.append(token[1])
            elif kind == "r":
                sub_form = form if token[2] == "@" else token[2]
                out.append(self.expand(ch, token[1], sub_form, _depth=_depth + 1))
            elif kind == "b":
                try:
                    builtin = self.builtins[token[1]]
                except KeyError:
                    raise GrammarError(f"unknown builtin ${token[1]} in rule {symbol!r}") from None
                out.append(builtin(ch, token[2]))
            else:
                out.append(self._variant(symbol, token[1], form))
        return "".join(out)

    def _variant(self, symbol: str, options: tuple[str, ...], form: str | None) -> str:
        if form is None or form not in self.forms:
            raise GrammarError(f"rule {symbol!r} has per-form variants but was expanded without a form")
        return options[self.forms.index(form)]

    def check(self, roots: Iterable[str] = ()) -> list[str]:
        """Problems with the grammar (empty when sound); ``roots`` must exist.

        Checks that every reference names a rule and a known form, that each
        ``<…>`` has one variant per form, that builtins exist, and that the
        first alternative of every rule terminates without recursion.
        """
        problems = [f"missing root rule {r!r}" for r in roots if r not in self.rules]
        for name, alternatives in self.rules.items():
            for alt in alternatives:
                for token in alt:
                    if token[0] == "r":
                        if token[1] not in self.rules:
                            problems.append(f"{name}: unknown rule {token[1]!r}")
                        if token[2] not in (None, "@") and token[2] not in self.forms:
                            problems.append(f"{name}: unknown form {token[2]!r}")
                    elif token[0] == "b" and token[1] not in self.builtins:
                        problems.append(f"{name}: unknown builtin ${token[1]}")
                    elif token[0] == "v" and len(token[1]) != len(self.forms):
                        problems.append(f"{name}: {'|'.join(token[1])!r} needs {len(self.forms)} variants")
        problems.extend(self._check_termination())
        return problems

    def _check_termination(self) -> list[str]:
        problems = []
        for name in self.rules:
            seen = {name}
            stack = [name]
            while stack:
                current = stack.pop()
                first = self.rules.get(current, ((),))[0]
                for token in first:
                    if token[0] != "r" or token[1] not in self.rules:
                        continue
                    if token[1] in seen:
                        problems.append(f"{name}: first alternatives recurse through {token[1]!r}")
                        stack.clear()
                        break
                    seen.add(token[1])
                    stack.append(token[1])
        return problems

    def reachable(self, roots: Iterable[str]) -> set[str]:
        """Names of the rules reachable from ``roots``."""
        seen: set[str] = set()
        stack = [r for r in roots if r in self.rules]
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            stack.extend(t[1] for alt in self.rules[name] for t in alt if t[0] == "r" and t[1] in self.rules)
        return seen


@attrs.frozen
class LanguageData:
    """Word tables and the grammar source of one language (``data/<lang>.json``)."""

    lang: str
    forms: tuple[str, ...]
    tables: Mapping[str, tuple[str, ...]]
    rules: Mapping[str, tuple[str, ...]]

    def table(self, name: str) -> tuple[str, ...]:
        """A word table (month names, weekday abbreviations, …)."""
        return self.tables[name]


@cache
def language_data(lang: str) -> LanguageData:
    """Load ``data/<lang>.json`` once (the result is immutable)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    raw = json.loads(resources.files("textclean.testing").joinpath("data").joinpath(f"{lang}.json").read_text("utf-8"))
    return LanguageData(
        lang=lang,
        forms=tuple(raw["forms"]),
        tables={k: tuple(v) for k, v in raw["tables"].items()},
        rules={k: tuple(v) for k, v in raw["grammar"].items()},
    )
