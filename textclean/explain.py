"""Show what cleaning did: a terminal view, a self-contained HTML page and a rule table.

:func:`render_html` writes one page with the original document, every removed
or changed span highlighted in a colour per rule family (hover names the
rule), a legend with counts, extracted metadata and dates, and the cleaned text
beside it.  The page loads nothing from the network: CSS is inline and there
is no script.  :func:`render_text` is the terminal version and
:func:`rule_table` the per-rule summary the CLI prints.

>>> import textclean
>>> from textclean.explain import render_text, rule_table
>>> result = textclean.clean("Title  \\n\\n\\n\\nBody")
>>> print(render_text(result, table=False))
Title[-··↵↵↵↵-]
<BLANKLINE>
Body
>>> print(rule_table(result))
rule                   edits  chars removed
structure:blank-lines      1              6
total                      1              6
"""

from __future__ import annotations

import html
import json
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from textclean.edits import Edit
from textclean.pipeline import Cleaned

__all__ = [
    "PALETTE",
    "display_rule",
    "family_colours",
    "family_of",
    "render_html",
    "render_text",
    "rule_table",
    "tally",
]

#: Highlight colours, as (background, accent) pairs.  Light backgrounds keep
#: dark text readable (contrast above 7:1); accents draw swatches and borders.
PALETTE: tuple[tuple[str, str], ...] = (
    ("#ffd8a8", "#e8590c"),  # orange
    ("#a5d8ff", "#1971c2"),  # blue
    ("#b2f2bb", "#2f9e44"),  # green
    ("#ffc9c9", "#e03131"),  # red
    ("#d0bfff", "#6741d9"),  # violet
    ("#fff3bf", "#f08c00"),  # yellow
    ("#99e9f2", "#0c8599"),  # cyan
    ("#fcc2d7", "#c2255c"),  # pink
    ("#d8f5a2", "#66a80f"),  # lime
    ("#eebefa", "#9c36b5"),  # grape
    ("#bac8ff", "#3b5bdb"),  # indigo
    ("#96f2d7", "#099268"),  # teal
)


#: Passes that only tidy whitespace.  When one of their edits absorbed another
#: rule's removal (see :attr:`Edit.merged`), the edit is shown as that rule's.
def display_rule(edit: Edit) -> tuple[str, str]:
    """``(pass_name, rule)`` an edit is shown and coloured as: its own.

    The edit log already credits a whitespace tidy that absorbed a removal to
    the removal (the tidy is listed in ``merged``), so the reader sees the
    phrase rule that removed the line, not ``structure``.

    >>> display_rule(Edit(0, 9, "", "Share\\n\\n\\n", "artifacts", "en.share", ("structure:blank-lines",)))
    ('artifacts', 'en.share')
    """
    return edit.pass_name, edit.rule


def family_of(edit: Edit) -> str:
    """The rule family of an edit, which picks its colour.

    For the rule :func:`display_rule` picks: its family in the rule data
    (:mod:`textclean.rules`) when the rule id is known there; else the rule id
    up to its first ``.`` unless that is a language code; else the pass name.

    >>> family_of(Edit(0, 3, "", "abc", "markers", "share.bar"))
    'share'
    >>> family_of(Edit(0, 3, "", "abc", "structure", "blank-lines"))
    'structure'
    >>> family_of(Edit(0, 3, "", "abc", "phrases", "xx.unknown-rule"))
    'phrases'
    """
    pass_name, rule = display_rule(edit)
    family = _rule_families().get(rule)
    if family:
        return family
    head, dot, _ = rule.partition(".")
    return head if dot and head and head not in _language_codes() else pass_name


@lru_cache(maxsize=1)
def _language_codes() -> frozenset[str]:
    try:
        from textclean import rules
    except ImportError:  # pragma: no cover - rules ship with the package
        return frozenset({"common", "xx"})
    return frozenset({"common", "xx", *getattr(rules, "LANGUAGES", ())})


@lru_cache(maxsize=1)
def _rule_families() -> Mapping[str, str]:
    """Rule id → family from the rule data; languages that fail to load are skipped."""
    try:
        from textclean import rules
    except ImportError:  # pragma: no cover - rules ship with the package
        return {}
    out: dict[str, str] = {}
    for lang in getattr(rules, "LANGUAGES", ()):
        try:
            loaded = rules.load_rules(lang)
        except (OSError, ValueError, KeyError, TypeError):
            continue
        out.update({rule.id: rule.family for rule in loaded})
    return out


def family_colours(families: Iterable[str]) -> dict[str, int]:
    """Assign each family an index into :data:`PALETTE`.

    A family keeps the colour its name hashes to unless another family in the
    same set (earlier in sorted order) took it; then the next free colour is
    used.  The assignment depends only on the set of families.

    >>> colours = family_colours(["structure", "unicode"])
    >>> sorted(colours) == ["structure", "unicode"] and colours["structure"] != colours["unicode"]
    True
    >>> family_colours(["unicode", "structure"]) == colours
    True
    """
    size = len(PALETTE)
    taken: set[int] = set()
    out: dict[str, int] = {}
    for family in sorted(set(families)):
        slot = zlib.crc32(family.encode("utf-8")) % size
        if len(taken) < size:
            while slot in taken:
                slot = (slot + 1) % size
        taken.add(slot)
        out[family] = slot
    return out


# -- shared helpers --------------------------------------------------------------------------------

_CONTROL_PICTURES = {i: 0x2400 + i for i in range(32) if i not in (9, 10)}
_CONTROL_PICTURES[0x7F] = 0x2421
_CONTROL_PICTURES.update({i: 0xFFFD for i in range(0x80, 0xA0)})


def _printable(text: str) -> str:
    """Replace control characters (escape sequences included) by visible stand-ins."""
    return text.translate(_CONTROL_PICTURES)


def _visible(text: str, *, limit: int = 0) -> str:
    """Whitespace made visible (``·`` for spaces, ``↵`` for newlines), optionally shortened."""
    out = _printable(text).replace(" ", "·").replace("\n", "↵").replace("\t", "⇥").replace("\u00a0", "⍽")
    if limit and len(out) > limit:
        out = out[: limit - 1] + "…"
    return out


def _describe(edit: Edit) -> str:
    """Hover text of an edit: ``pass:rule``, the replacement, merged rules."""
    parts = [edit.qualified_rule]
    if edit.replacement:
        parts.append(f"→ {_visible(edit.replacement, limit=80)!s}")
    if edit.merged:
        parts.append(f"(also {', '.join(edit.merged)})")
    return " ".join(parts)


def _rule_rows(edits: Iterable[Edit]) -> dict[str, tuple[int, int]]:
    rows: dict[str, tuple[int, int]] = {}
    for edit in edits:
        key = ":".join(display_rule(edit))
        n, chars = rows.get(key, (0, 0))
        rows[key] = (n + 1, chars + edit.end - edit.start)
    return rows


def _edit_from_dict(item: Mapping[str, Any]) -> Edit:
    return Edit(
        int(item["start"]),
        int(item["end"]),
        str(item.get("replacement", "")),
        str(item.get("removed", "")),
        str(item["pass"]),
        str(item["rule"]),
        tuple(item.get("merged", ())),
    )


def tally(
    edits: Iterable[Edit | Mapping[str, Any]], into: dict[str, tuple[int, int]] | None = None
) -> dict[str, tuple[int, int]]:
    """Add edits (or their dicts) to a running ``{rule: (edits, chars)}`` tally for :func:`rule_table`.

    For a corpus-wide table without keeping every edit in memory.

    >>> t = tally([{"pass": "unicode", "rule": "mojibake", "start": 0, "end": 2}])
    >>> tally([{"pass": "unicode", "rule": "mojibake", "start": 5, "end": 9}], into=t)
    {'unicode:mojibake': (2, 6)}
    """
    out = {} if into is None else into
    items = [e if isinstance(e, Edit) else _edit_from_dict(e) for e in edits]
    for key, (n, chars) in _rule_rows(items).items():
        n0, c0 = out.get(key, (0, 0))
        out[key] = (n0 + n, c0 + chars)
    return out


def rule_table(
    source: Cleaned | Mapping[str, int] | Mapping[str, tuple[int, int]] | Iterable[Cleaned | Edit | Mapping[str, Any]],
) -> str:
    """A plain-text table of edits per ``pass:rule`` with the characters each removed.

    An edit of a tidying pass that absorbed another rule's removal counts
    under that rule (see :func:`display_rule`).

    ``source`` is one result; or several results, :class:`Edit` values or edit
    dicts as :meth:`Edit.to_dict` writes them (keys ``pass``, ``rule``,
    ``start``, ``end``), all added up; or a mapping of counts such as
    :attr:`Cleaned.counts` (characters are then unknown and shown as ``-``),
    or of ``(edits, chars)`` pairs (a running tally over a corpus).
    Rows are sorted by characters removed, then by edits, then by name; a
    total row closes the table.

    >>> print(rule_table({"markers:share": 3, "unicode:mojibake": 5}))
    rule              edits  chars removed
    unicode:mojibake      5              -
    markers:share         3              -
    total                 8              -
    >>> print(rule_table([{"pass": "structure", "rule": "blank-lines", "start": 4, "end": 9}]))
    rule                   edits  chars removed
    structure:blank-lines      1              5
    total                      1              5
    >>> print(rule_table({"unicode:mojibake": (2, 4)}))
    rule              edits  chars removed
    unicode:mojibake      2              4
    total                 2              4
    >>> rule_table({})
    'no edits'
    """
    rows: dict[str, tuple[int, int | None]] = {}
    if isinstance(source, Cleaned):
        rows.update(_rule_rows(source.edits))
    elif isinstance(source, Mapping):
        for key, value in source.items():
            if isinstance(value, tuple | list):
                rows[str(key)] = (int(value[0]), int(value[1]))
            else:
                rows[str(key)] = (int(value), None)
    else:
        totals: Counter[str] = Counter()
        chars: Counter[str] = Counter()
        for item in source:
            if isinstance(item, Cleaned):
                edits: Iterable[Edit] = item.edits
            elif isinstance(item, Edit):
                edits = (item,)
            else:
                edits = (_edit_from_dict(item),)
            for key, (n, size) in _rule_rows(edits).items():
                totals[key] += n
                chars[key] += size
        rows.update({k: (totals[k], chars[k]) for k in totals})
    if not rows:
        return "no edits"
    ordered = sorted(rows.items(), key=lambda kv: (-(kv[1][1] or 0), -kv[1][0], kv[0]))
    known = all(c is not None for _, (_, c) in ordered)
    total_chars = sum(c or 0 for _, (_, c) in ordered)
    table = [("rule", "edits", "chars removed")]
    table += [(k, str(n), "-" if c is None else str(c)) for k, (n, c) in ordered]
    table.append(("total", str(sum(n for _, (n, _) in ordered)), str(total_chars) if known else "-"))
    w0 = max(len(r[0]) for r in table)
    w1 = max(len(r[1]) for r in table)
    w2 = max(len(r[2]) for r in table)
    return "\n".join(f"{a:<{w0}}  {b:>{w1}}  {c:>{w2}}" for a, b, c in table)


# -- terminal --------------------------------------------------------------------------------------

_RED_STRIKE = "\x1b[9;31m"
_DIM_RED = "\x1b[2;31m"
_GREEN = "\x1b[32m"
_RESET = "\x1b[0m"


def _whitespace_only(text: str) -> bool:
    return not text.strip()


def render_text(cleaned: Cleaned, *, color: bool = False, table: bool = True) -> str:
    """The original document with its edits marked, for a terminal.

    Removed text is shown as ``[-text-]`` and what replaced it as ``{+text+}``
    (with ``color=True``: struck through in red and in green instead).  Removed
    whitespace is made visible (``·`` space, ``↵`` newline), and a removed line
    keeps its line.  Control characters
    in the document are shown as symbols, so a hostile document cannot drive
    the terminal.  ``table=True`` appends :func:`rule_table`.

    >>> import textclean
    >>> print(render_text(textclean.clean("caf\\u00c3\\u00a9 bar"), table=False))
    caf[-Ã©-]{+é+} bar
    >>> print(render_text(textclean.clean("Title\\n\\nSource link\\nBody text here."), table=False))
    Title
    <BLANKLINE>
    [-Source link↵-]
    Body text here.
    """
    original = cleaned.original
    out: list[str] = []
    pos = 0
    for edit in cleaned.edits:
        out.append(_printable(original[pos : edit.start]))
        pos = edit.end
        removed, rep = edit.removed, edit.replacement
        if _whitespace_only(removed) and _whitespace_only(rep):
            if removed:
                mark = _visible(removed)
                out.append(f"{_DIM_RED}{mark}{_RESET}" if color else f"[-{mark}-]")
            out.append(rep)
            continue
        if removed:
            # whitespace at the edges of a removal is made visible, and a removed line end is
            # followed by a real one, so the document keeps its lines
            core = removed.strip()
            head = removed[: len(removed) - len(removed.lstrip())]
            tail = removed[len(removed.rstrip()) :]
            text = _visible(head) + _printable(core) + _visible(tail)
            out.append(f"{_RED_STRIKE}{text}{_RESET}" if color else f"[-{text}-]")
            if "\n" in tail and "\n" not in rep:
                out.append("\n")
        if rep and _whitespace_only(rep):
            out.append(rep)
        elif rep:
            text = _printable(rep)
            out.append(f"{_GREEN}{text}{_RESET}" if color else f"{{+{text}+}}")
    out.append(_printable(original[pos:]))
    body = "".join(out)
    if table:
        body += "\n\n" + rule_table(cleaned)
    return body


# -- HTML ------------------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       color: var(--fg); background: var(--bg); }
header, .info, main, footer { padding: 0 24px; }
header { padding-top: 16px; border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 15px; margin: 16px 0 8px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.stats { margin: 0 0 12px; color: var(--muted); }
.info { display: flex; flex-wrap: wrap; gap: 8px 40px; align-items: flex-start; }
.info section { min-width: 260px; max-width: 100%; }
table { border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; padding: 3px 10px 3px 0; vertical-align: top; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td code { font-size: 12px; }
.sw { display: inline-block; width: 14px; height: 14px; border-radius: 3px; vertical-align: -2px; border: 2px solid; }
.rules { color: var(--muted); }
.meta td:last-child { max-width: 520px; overflow-wrap: anywhere; }
details summary { cursor: pointer; color: var(--muted); }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 24px; padding-bottom: 24px; }
@media (max-width: 900px) { main { grid-template-columns: minmax(0, 1fr); } }
.doc { margin: 0; padding: 14px 16px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px;
       white-space: break-spaces; overflow-wrap: anywhere; font: inherit; line-height: 1.6; tab-size: 4; }
.edit { color: inherit; border-radius: 2px; padding: 0 1px; border-bottom: 2px solid; }
del.edit { text-decoration: line-through; text-decoration-color: rgba(27, 31, 36, .45); }
mark.edit { text-decoration: none; }
.edit.ws::before { content: "\\00b6"; font-size: 11px; opacity: .75; }
ins.edit.insert { text-decoration: none; }
ins.edit.insert::before { content: "\\2038"; font-weight: 700; }
ins.out { text-decoration: none; border-bottom: 2px solid; border-radius: 2px; }
.date { border-bottom: 2px solid #1864ab; background-color: rgba(24, 100, 171, .08); }
.rep { outline: 1px dashed #862e9c; outline-offset: 1px; }
footer { color: var(--muted); font-size: 12px; padding-bottom: 24px; }
@media print { main { grid-template-columns: 1fr 1fr; } .doc { border: none; } }
"""


def _palette_css() -> str:
    return "\n".join(
        f".f{i} {{ background-color: {bg}; border-color: {accent}; }}" for i, (bg, accent) in enumerate(PALETTE)
    )


def _esc(text: str) -> str:
    return html.escape(_printable(text), quote=True)


def _attr(text: str) -> str:
    return html.escape(_printable(text), quote=True)


_Item = tuple[int, int, str, str]  # start, end, opening tag, closing tag


def _disjoint(spans: Iterable[tuple[int, int, Any]], length: int) -> list[tuple[int, int, Any]]:
    """Clip spans to the text, drop empty ones and any that overlap an earlier, longer one."""
    clipped = []
    for start, end, payload in spans:
        s, e = max(0, min(start, length)), max(0, min(end, length))
        if e > s:
            clipped.append((s, e, payload))
    clipped.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, Any]] = []
    last = -1
    for item in clipped:
        if item[0] >= last:
            kept.append(item)
            last = item[1]
    return kept


def _render_layers(text: str, lo: int, hi: int, layers: Sequence[Sequence[_Item]], out: list[str]) -> None:
    """Write ``text[lo:hi]`` with the layers' elements nested in layer order (outermost first).

    Items of one layer are disjoint and sorted; an item crossing ``lo`` or
    ``hi`` is clipped, so an inner annotation straddling an outer element is
    split in two.
    """
    if not layers:
        out.append(_esc(text[lo:hi]))
        return
    items, rest = layers[0], layers[1:]
    # first item that ends after lo (ends are sorted because items are disjoint and sorted)
    a, b = 0, len(items)
    while a < b:
        m = (a + b) // 2
        if items[m][1] <= lo:
            a = m + 1
        else:
            b = m
    pos = lo
    for start, end, opening, closing in items[a:]:
        if start >= hi:
            break
        s, e = max(start, lo), min(end, hi)
        if s > pos:
            _render_layers(text, pos, s, rest, out)
        out.append(opening)
        _render_layers(text, s, e, rest, out)
        out.append(closing)
        pos = e
    if pos < hi:
        _render_layers(text, pos, hi, rest, out)


def _edit_items(edits: Sequence[Edit], colours: Mapping[str, int]) -> Iterator[tuple[int, int, str, str]]:
    for edit in edits:
        cls = f"edit f{colours[family_of(edit)]}"
        attrs = (
            f' title="{_attr(_describe(edit))}" data-rule="{_attr(edit.qualified_rule)}"'
            f' data-start="{edit.start}" data-end="{edit.end}"'
        )
        if edit.start == edit.end:
            yield edit.start, edit.end, f'<ins class="{cls} insert"{attrs}>', "</ins>"
        elif edit.is_removal:
            ws = " ws" if _whitespace_only(edit.removed) else ""
            yield edit.start, edit.end, f'<del class="{cls}{ws}"{attrs}>', "</del>"
        else:
            yield edit.start, edit.end, f'<mark class="{cls}"{attrs}>', "</mark>"


def _render_original(cleaned: Cleaned, colours: Mapping[str, int]) -> str:
    text = cleaned.original
    n = len(text)
    edits = list(_edit_items(cleaned.edits, colours))
    # insertions (zero width) are emitted where they stand; the renderer handles spans
    inserts = {s: (o, c) for s, e, o, c in edits if s == e}
    spans = [i for i in edits if i[0] < i[1]]
    repeats: list[_Item] = []
    for start, end, rep in _disjoint(_annotation_spans(cleaned.repeats), n):
        repeats.append((start, end, f'<span class="rep" title="{_attr(_describe_repeat(rep))}">', "</span>"))
    dates: list[_Item] = []
    for start, end, date in _disjoint(_annotation_spans(cleaned.dates), n):
        dates.append((start, end, f'<span class="date" title="{_attr(_describe_date(date))}">', "</span>"))
    out: list[str] = []
    if not inserts:
        _render_layers(text, 0, n, [spans, repeats, dates], out)
        return "".join(out)
    # split the document at insertion points so each lands between the right characters
    cuts = sorted(inserts)
    pos = 0
    for cut in cuts:
        _render_layers(text, pos, cut, [spans, repeats, dates], out)
        opening, closing = inserts[cut]
        out.append(opening + closing)
        pos = cut
    _render_layers(text, pos, n, [spans, repeats, dates], out)
    return "".join(out)


def _render_cleaned(cleaned: Cleaned, colours: Mapping[str, int]) -> str:
    text = cleaned.text
    items: list[_Item] = []
    delta = 0
    for edit in cleaned.edits:
        start = edit.start + delta
        end = start + len(edit.replacement)
        delta += len(edit.replacement) - (edit.end - edit.start)
        if not edit.is_removal:
            cls = f"out f{colours[family_of(edit)]}"
            items.append((start, end, f'<ins class="{cls}" title="{_attr(_describe(edit))}">', "</ins>"))
    out: list[str] = []
    _render_layers(text, 0, len(text), [items], out)
    return "".join(out)


def _annotation_spans(values: Iterable[Any]) -> Iterator[tuple[int, int, Any]]:
    for value in values:
        start, end = getattr(value, "start", None), getattr(value, "end", None)
        if isinstance(start, int) and isinstance(end, int):
            yield start, end, value


def _iso(value: Any) -> str:
    iso = getattr(value, "isoformat", None)
    if callable(iso):
        return str(iso())
    return str(value)


def _describe_date(date: Any) -> str:
    return f"date: {_iso(getattr(date, 'value', date))}"


def _describe_repeat(rep: Any) -> str:
    kind = getattr(rep, "kind", "repeat")
    parts = [f"repeat ({kind})"]
    similarity = getattr(rep, "similarity", None)
    if isinstance(similarity, int | float):
        parts.append(f"similarity {similarity:.2f}")
    src = (getattr(rep, "source_start", None), getattr(rep, "source_end", None))
    if all(isinstance(x, int) for x in src):
        parts.append(f"of characters {src[0]}–{src[1]}")
    return ", ".join(parts)


def _short(value: Any, limit: int = 300) -> str:
    if isinstance(value, str):
        text = value
    else:
        try:
            text = json.dumps(value, ensure_ascii=False, default=str)
        except (TypeError, ValueError):
            text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _legend(cleaned: Cleaned, colours: Mapping[str, int]) -> str:
    if not cleaned.edits:
        return "<p>No edits: the cleaned text equals the original.</p>"
    per_family: dict[str, list[Edit]] = {}
    for edit in cleaned.edits:
        per_family.setdefault(family_of(edit), []).append(edit)
    order = sorted(per_family, key=lambda f: (-sum(e.end - e.start for e in per_family[f]), f))
    rows = []
    for family in order:
        edits = per_family[family]
        chars = sum(e.end - e.start for e in edits)
        rules = Counter(":".join(display_rule(e)) for e in edits)
        detail = ", ".join(
            f"<code>{_esc(rule)}</code>&nbsp;×{n}" for rule, n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        rows.append(
            f'<tr><td><span class="sw f{colours[family]}"></span></td><td>{_esc(family)}</td>'
            f'<td class="num">{len(edits)}</td><td class="num">{chars}</td><td class="rules">{detail}</td></tr>'
        )
    head = '<tr><th></th><th>family</th><th class="num">edits</th><th class="num">chars</th><th>rules</th></tr>'
    return f'<table class="legend">{head}{"".join(rows)}</table>'


def _metadata(cleaned: Cleaned) -> str:
    parts: list[str] = []
    if cleaned.metadata:
        rows = "".join(
            f"<tr><td>{_esc(str(k))}</td><td>{_esc(_short(v))}</td></tr>"
            for k, v in sorted(cleaned.metadata.items(), key=lambda kv: str(kv[0]))
        )
        parts.append(f'<table class="meta"><tr><th>field</th><th>value</th></tr>{rows}</table>')
    n = len(cleaned.original)
    dates = list(_annotation_spans(cleaned.dates))
    if dates:
        rows = "".join(
            f"<tr><td>{_esc(cleaned.original[max(0, s) : min(e, n)])}</td>"
            f"<td><code>{_esc(_iso(getattr(d, 'value', d)))}</code></td></tr>"
            for s, e, d in dates
        )
        parts.append(_details("Dates", len(dates), ("text", "value"), rows, opened=True))
    repeats = list(_annotation_spans(cleaned.repeats))
    if repeats:
        rows = "".join(
            f"<tr><td>{_esc(_short(cleaned.original[max(0, s) : min(e, n)], 80))}</td>"
            f"<td>{_esc(_describe_repeat(r))}</td></tr>"
            for s, e, r in repeats
        )
        parts.append(_details("Repeated passages", len(repeats), ("passage", "repeat"), rows, opened=False))
    return "".join(parts) or "<p>Nothing extracted.</p>"


def _details(summary: str, count: int, heads: tuple[str, str], rows: str, *, opened: bool) -> str:
    """A collapsible two-column table of annotations."""
    head = "".join(f"<th>{h}</th>" for h in heads)
    return (
        f"<details{' open' if opened else ''}><summary>{summary} ({count})</summary>"
        f'<table class="meta"><tr>{head}</tr>{rows}</table></details>'
    )


def render_html(cleaned: Cleaned, *, title: str = "textclean explain") -> str:
    """One self-contained HTML page explaining ``cleaned``.

    The original text is shown with every edit as one element (``<del>`` for
    removals, ``<mark>`` for changes, ``<ins>`` for insertions) carrying the
    family colour, a ``title`` naming ``pass:rule`` (and the replacement) and
    ``data-start``/``data-end`` offsets into the original.  Dates are
    underlined with their value on hover, repeated passages outlined.  The
    cleaned text sits beside it, with replacements highlighted.  Everything
    from the document is escaped; the page has inline CSS, no script and a
    content security policy that forbids loading anything.

    >>> import textclean
    >>> page = render_html(textclean.clean("<b>caf\\u00c3\\u00a9</b>  \\n"), title="demo")
    >>> page.startswith("<!doctype html>") and "&lt;b&gt;" in page and "<b>" not in page
    True
    """
    from textclean import __version__

    colours = family_colours(family_of(e) for e in cleaned.edits)
    n_orig = len(cleaned.original)
    removed = cleaned.removed_chars
    share = f"{100 * removed / n_orig:.1f}" if n_orig else "0.0"
    stats = (
        f"{len(cleaned.edits)} edit{'s' if len(cleaned.edits) != 1 else ''} · "
        f"{removed} of {n_orig} characters removed or changed ({share}%) · "
        f"{len(cleaned.text)} characters left"
    )
    return (
        "<!doctype html>\n"
        '<html lang="und">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="textclean">\n'
        f"<title>{_esc(title)}</title>\n<style>{_CSS}{_palette_css()}\n</style>\n</head>\n<body>\n"
        f'<header><h1>{_esc(title)}</h1><p class="stats">{_esc(stats)}</p></header>\n'
        '<div class="info">\n'
        f"<section><h2>Legend</h2>{_legend(cleaned, colours)}</section>\n"
        f"<section><h2>Extracted</h2>{_metadata(cleaned)}</section>\n"
        "</div>\n<main>\n"
        '<section><h2>Original</h2><pre class="doc" id="original">'
        f"{_render_original(cleaned, colours)}</pre></section>\n"
        '<section><h2>Cleaned</h2><pre class="doc" id="cleaned">'
        f"{_render_cleaned(cleaned, colours)}</pre></section>\n"
        "</main>\n"
        f"<footer>textclean {_esc(__version__)} · hover a highlight to see the rule</footer>\n"
        "</body>\n</html>\n"
    )
