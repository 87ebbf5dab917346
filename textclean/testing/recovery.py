"""Recovery rates: how often a cleaner returns ``.clean`` and a date finder finds ``.value``.

>>> from textclean.testing import recovery, samples
>>> docs = samples.scraped_documents(20, seed=0)
>>> report = recovery.cleaning_recovery(lambda s: s, docs)
>>> report.rate
0.0
>>> print(report.table().splitlines()[0])
group                     docs  recovered    rate
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from textclean.testing._generate import DateSample, ScrapedDocument
from textclean.testing.properties import Cleaner, describe_difference

__all__ = ["RecoveryReport", "cleaning_recovery", "date_recovery", "same_moment"]


@attrs.frozen
class RecoveryReport:
    """Per-group totals (``"all"``, ``"lang:en"``, ``"kind:ad"`` …) and the first failures."""

    totals: dict[str, tuple[int, int]]  # group -> (recovered, seen)
    failures: tuple[str, ...]

    @property
    def rate(self) -> float:
        """Share of examples recovered overall."""
        return self.group_rate("all")

    def group_rate(self, group: str) -> float:
        """Share recovered in one group (e.g. ``"kind:calendar"``)."""
        ok, seen = self.totals.get(group, (0, 0))
        return ok / seen if seen else 0.0

    def table(self) -> str:
        """A fixed-width table, one row per group."""
        rows = [f"{'group':<24} {'docs':>5} {'recovered':>10} {'rate':>7}"]
        for group in sorted(self.totals, key=lambda g: (g != "all", g)):
            ok, seen = self.totals[group]
            rows.append(f"{group:<24} {seen:>5} {ok:>10} {ok / seen:>7.1%}")
        return "\n".join(rows)


def _bump(totals: dict[str, list[int]], groups: Iterable[str], ok: bool) -> None:
    for group in groups:
        cell = totals.setdefault(group, [0, 0])
        cell[0] += ok
        cell[1] += 1


def _output(cleaner: Cleaner, text: str) -> str:
    result = cleaner(text)
    return result if isinstance(result, str) else result.text


def cleaning_recovery(cleaner: Cleaner, docs: Sequence[ScrapedDocument], *, keep: int = 5) -> RecoveryReport:
    """Share of documents where ``cleaner(doc.noisy)`` gives exactly ``doc.clean``.

    A document counts once under ``all``, its language and every artifact kind it holds.
    """
    totals: dict[str, list[int]] = {}
    failures: list[str] = []
    for doc in docs:
        out = _output(cleaner, doc.noisy)
        ok = out == doc.clean
        _bump(totals, ["all", f"lang:{doc.lang}", *sorted({f"kind:{a.kind.value}" for a in doc.artifacts})], ok)
        if not ok and len(failures) < keep:
            kinds = ", ".join(a.kind.value for a in doc.artifacts)
            failures.append(f"artifacts: {kinds}\n{describe_difference(doc.clean, out)}")
    return RecoveryReport({k: (v[0], v[1]) for k, v in totals.items()}, tuple(failures))


def same_moment(found: Any, expected: str) -> bool:
    """Does a finder's value match an ISO ``expected`` (date, or date and time)?

    ``found`` may be an ISO string, a :class:`datetime.date` or
    :class:`datetime.datetime`.  When ``expected`` carries a time, ``found``
    must carry the same hour and minute.

    >>> same_moment("2023-03-05T14:30:00", "2023-03-05T14:30"), same_moment("2023-03-05", "2023-03-05T14:30")
    (True, False)
    """
    if isinstance(found, dt.datetime):
        got: dt.date | dt.datetime = found
    elif isinstance(found, dt.date):
        got = found
    else:
        try:
            got = dt.datetime.fromisoformat(str(found)) if "T" in str(found) else dt.date.fromisoformat(str(found))
        except ValueError:
            return False
    want_time = "T" in expected
    want = dt.datetime.fromisoformat(expected)
    got_date = got.date() if isinstance(got, dt.datetime) else got
    if got_date != want.date():
        return False
    if not want_time:
        return True
    return isinstance(got, dt.datetime) and (got.hour, got.minute) == (want.hour, want.minute)


def date_recovery(
    find: Callable[[str], Iterable[Any]], samples: Sequence[DateSample], *, keep: int = 5
) -> RecoveryReport:
    """Share of samples where ``find(text)`` yields a mention overlapping the expression with the right value.

    Mentions need ``.start``, ``.end`` and ``.value`` (as :func:`textclean.dates.find` returns).
    """
    totals: dict[str, list[int]] = {}
    failures: list[str] = []
    for sample in samples:
        mentions = list(find(sample.text))
        ok = any(m.start < sample.end and sample.start < m.end and same_moment(m.value, sample.value) for m in mentions)
        _bump(totals, ["all", f"lang:{sample.lang}", f"fmt:{sample.format}"], ok)
        if not ok and len(failures) < keep:
            found = [(m.start, m.end, getattr(m, "value", None)) for m in mentions]
            failures.append(f"{sample.text!r}: want {sample.value} at [{sample.start}:{sample.end}], found {found}")
    return RecoveryReport({k: (v[0], v[1]) for k, v in totals.items()}, tuple(failures))
