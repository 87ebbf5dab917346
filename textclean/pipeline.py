"""The pass protocol, the :class:`Pipeline` value and the :class:`Cleaned` result.

A pass looks at a read-only :class:`Document` (the current text plus cheap
shared helpers) and proposes :class:`~textclean.edits.Change` objects.  The
pipeline applies them through an :class:`~textclean.edits.EditLog`, so every
change is reported against the original text and counted per rule.

>>> from textclean.pipeline import Pipeline
>>> pipe = Pipeline([str.strip])
>>> result = pipe("  padded  ")
>>> result.text
'padded'
>>> [(e.pass_name, e.removed, e.replacement) for e in result.edits]
[('strip', '  padded  ', 'padded')]
>>> result.restore()
'  padded  '
"""

from __future__ import annotations

import abc
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import Any, ClassVar

import attrs

from textclean.edits import Change, Edit, EditLog, restore

__all__ = [
    "Cleaned",
    "Document",
    "FunctionPass",
    "Pass",
    "PassError",
    "Pipeline",
    "Step",
    "line_spans",
]


class PassError(RuntimeError):
    """A pass failed on a document; names the pass so the failure can be traced."""

    def __init__(self, pass_name: str, cause: BaseException) -> None:
        super().__init__(f"pass {pass_name!r} failed: {type(cause).__name__}: {cause}")
        self.pass_name = pass_name
        self.cause = cause


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line, ``end`` excluding the ``\\n``.

    >>> line_spans("a\\nbc\\n")
    [(0, 1), (2, 4), (5, 5)]
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    append = spans.append
    for line in text.split("\n"):
        end = pos + len(line)
        append((pos, end))
        pos = end + 1
    return spans


class Document:
    """What a pass sees: the current text, offset mapping and per-run annotations.

    ``metadata``, ``dates`` and ``repeats`` belong to this one run of the
    pipeline (never to the pass or the module), which keeps passes pure and
    pipelines deterministic.  Annotations are stored in **original** offsets:
    use :meth:`span_to_original` before appending.
    """

    def __init__(self, log: EditLog, metadata: dict[str, Any], dates: list[Any], repeats: list[Any]) -> None:
        self._log = log
        self.metadata = metadata
        self.dates = dates
        self.repeats = repeats

    @property
    def text(self) -> str:
        """The current text, as the previous passes left it."""
        return self._log.text

    @property
    def original(self) -> str:
        """The text the pipeline was given."""
        return self._log.original

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """Line spans of the current text (computed once per pass)."""
        return line_spans(self._log.text)

    @cached_property
    def script(self) -> str:
        """``"cyrillic"``, ``"latin"`` or ``"other"``: the dominant script of the text."""
        return dominant_script(self._log.text)

    def to_original(self, pos: int) -> int:
        """Map a current offset to the original text."""
        return self._log.to_original(pos)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a current span to the original text."""
        return self._log.span_to_original(start, end)


def dominant_script(text: str, *, sample: int = 20000) -> str:
    """Guess the dominant script from a prefix of the text.

    >>> dominant_script("Привет, мир"), dominant_script("Hello"), dominant_script("")
    ('cyrillic', 'latin', 'other')
    """
    head = text[:sample]
    cyr = sum(1 for ch in head if "\u0400" <= ch <= "\u04ff")
    lat = sum(1 for ch in head if ("a" <= ch <= "z") or ("A" <= ch <= "Z"))
    if cyr == 0 and lat == 0:
        return "other"
    return "cyrillic" if cyr >= lat else "latin"


class Pass(abc.ABC):
    """Base class for passes: a named unit that proposes changes.

    Subclasses are frozen attrs classes (so they pickle and compare by value)
    and implement :meth:`propose`.  Calling a pass on a string runs it alone.
    """

    name: ClassVar[str] = "pass"

    @abc.abstractmethod
    def propose(self, doc: Document) -> Iterable[Change]:
        """Return the changes this pass wants, in ``doc.text`` coordinates."""

    def __call__(self, text: str) -> Cleaned:
        return Pipeline([self])(text)


@attrs.frozen
class FunctionPass(Pass):
    """Adapts a bare ``str -> str`` callable; its effect is one coarse edit.

    The edit covers the span between the longest common prefix and suffix of
    the input and output, with rule id ``"callable"``.
    """

    func: Callable[[str], str]
    label: str = ""

    @property
    def pass_name(self) -> str:
        return self.label or getattr(self.func, "__name__", None) or type(self.func).__name__

    def propose(self, doc: Document) -> list[Change]:
        before = doc.text
        after = self.func(before)
        if not isinstance(after, str):
            raise TypeError(f"{self.pass_name} returned {type(after).__name__}, not str")
        return [coarse_change(before, after, "callable")] if after != before else []


def coarse_change(before: str, after: str, rule: str) -> Change:
    """One change turning ``before`` into ``after``, trimmed to what differs.

    >>> coarse_change("abcd", "abXd", "r")
    Change(start=2, end=3, replacement='X', rule='r')
    """
    limit = min(len(before), len(after))
    p = 0
    while p < limit and before[p] == after[p]:
        p += 1
    s = 0
    while s < limit - p and before[len(before) - 1 - s] == after[len(after) - 1 - s]:
        s += 1
    return Change(p, len(before) - s, after[p : len(after) - s], rule)


Step = Pass | Callable[[str], str]


def _as_pass(step: Step) -> Pass:
    if isinstance(step, Pass):
        return step
    if callable(step):
        return FunctionPass(step)
    raise TypeError(f"pipeline steps must be passes or str -> str callables, got {step!r}")


def _pass_name(step: Pass) -> str:
    return step.pass_name if isinstance(step, FunctionPass) else step.name


def _as_steps(steps: Iterable[Step]) -> tuple[Pass, ...]:
    return tuple(_as_pass(s) for s in steps)


@attrs.frozen
class Cleaned:
    """The result of cleaning one text.

    ``edits`` are disjoint, sorted, and against ``original``; ``restore()``
    gives the input back.  ``counts`` counts applied changes per
    ``pass:rule``; ``timings`` holds seconds per pass.
    """

    text: str
    original: str
    edits: tuple[Edit, ...]
    metadata: Mapping[str, Any] = attrs.field(factory=dict)
    dates: tuple[Any, ...] = ()
    repeats: tuple[Any, ...] = ()
    counts: Mapping[str, int] = attrs.field(factory=dict)
    timings: Mapping[str, float] = attrs.field(factory=dict, eq=False, repr=False)

    def restore(self) -> str:
        """The original text, rebuilt from the cleaned text and the edits."""
        return restore(self.text, self.edits)

    @property
    def removed_chars(self) -> int:
        """How many characters of the original were removed or replaced."""
        return sum(e.end - e.start for e in self.edits)

    def by_rule(self) -> Counter[str]:
        """Final edits per ``pass:rule`` (after merging)."""
        return Counter(e.qualified_rule for e in self.edits)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: text, edits, metadata, dates and repeats."""
        return {
            "text": self.text,
            "edits": [e.to_dict() for e in self.edits],
            "metadata": dict(self.metadata),
            "dates": [_jsonable(d) for d in self.dates],
            "repeats": [_jsonable(r) for r in self.repeats],
        }


def _jsonable(value: Any) -> Any:
    if attrs.has(type(value)):
        return {k: _jsonable(v) for k, v in attrs.asdict(value, recurse=False).items()}
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


@attrs.frozen
class Pipeline:
    """An explicit, ordered sequence of passes (bare callables welcome).

    Pipelines are values: they compare by value, pickle, and describe
    themselves.  ``pipe + [step]`` returns a new pipeline; so does
    :meth:`without`.
    """

    steps: tuple[Pass, ...] = attrs.field(converter=_as_steps)

    def __init__(self, steps: Iterable[Step] = ()) -> None:
        self.__attrs_init__(steps)  # type: ignore[attr-defined]

    def __call__(self, text: str) -> Cleaned:
        if not isinstance(text, str):
            raise TypeError(f"expected str, got {type(text).__name__}")
        log = EditLog(text)
        metadata: dict[str, Any] = {}
        dates: list[Any] = []
        repeats: list[Any] = []
        counts: Counter[str] = Counter()
        timings: dict[str, float] = {}
        doc = Document(log, metadata, dates, repeats)
        for step in self.steps:
            name = _pass_name(step)
            t0 = time.perf_counter()
            try:
                changes = list(step.propose(doc))
            except Exception as exc:
                raise PassError(name, exc) from exc
            if changes and log.apply(changes, pass_name=name):
                for change in changes:
                    counts[f"{name}:{change.rule}"] += 1
                # the text changed: helpers cached on the view are stale
                doc = Document(log, metadata, dates, repeats)
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
        return Cleaned(
            text=log.text,
            original=text,
            edits=log.edits(),
            metadata=metadata,
            dates=tuple(sorted(dates, key=lambda d: (d.start, d.end))),
            repeats=tuple(sorted(repeats, key=lambda r: (r.start, r.end))),
            counts=dict(counts),
            timings=timings,
        )

    def map(self, texts: Iterable[str]) -> Iterator[Cleaned]:
        """Clean texts one after another, lazily."""
        for text in texts:
            yield self(text)

    def __add__(self, other: Iterable[Step]) -> Pipeline:
        extra = other.steps if isinstance(other, Pipeline) else tuple(other)
        return Pipeline([*self.steps, *extra])

    def without(self, *names: str) -> Pipeline:
        """A copy without the passes of the given names."""
        return Pipeline([s for s in self.steps if _pass_name(s) not in names])

    @property
    def names(self) -> list[str]:
        """The pass names in order."""
        return [_pass_name(s) for s in self.steps]

    def describe(self) -> str:
        """One line per pass, reproducible (its repr)."""
        return "\n".join(f"{i + 1}. {_pass_name(s)}: {s!r}" for i, s in enumerate(self.steps))


def run_passes(steps: Sequence[Step], text: str) -> Cleaned:
    """Shorthand for ``Pipeline(steps)(text)``."""
    return Pipeline(steps)(text)
