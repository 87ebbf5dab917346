"""``find``: candidates from every detector, the keep/drop policy and the final selection."""

from __future__ import annotations

from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from textclean.repeats._lines import LineTable, header_repeats, label_repeats, line_repeats
from textclean.repeats._model import Repeat
from textclean.repeats._spans import PUNCT, Candidate, Tokens, similarity, span_candidates

__all__ = ["find"]

_ELLIPSIS_TOKENS = frozenset({"...", "\u2026", "....", "\u2026."})


def _snap(c: Candidate, toks: Tokens, *, ends: bool = True) -> None:
    """Align the ends with sentence or line boundaries when both copies have one nearby.

    Outwards first (edited first or last words), when the words added on the
    two sides are about as many (up to five) or mostly the same (up to eight);
    then inwards, up to three (a stray word of context that happens to match
    on both sides).  The similarity is checked again afterwards.
    ``ends=False`` leaves the ends alone (a teaser's cut).
    """
    n = len(toks)
    if not (toks.opens_unit(c.t0) and toks.opens_unit(c.s0)):
        es = next((e for e in range(_OUT) if c.s0 - e >= 0 and toks.opens_unit(c.s0 - e)), -1)
        et = next((e for e in range(_OUT) if c.t0 - e >= c.s1 and toks.opens_unit(c.t0 - e)), -1)
        if es >= 0 and et >= 0 and _alike(toks, c.s0 - es, c.s0, c.t0 - et, c.t0):
            c.s0 -= es
            c.t0 -= et
        else:
            es = next((e for e in range(1, 4) if c.s0 + e < c.s1 and toks.opens_unit(c.s0 + e)), -1)
            et = next((e for e in range(1, 4) if c.t0 + e < c.t1 and toks.opens_unit(c.t0 + e)), -1)
            if es > 0 and es == et:
                c.s0 += es
                c.t0 += et
    if ends and not (toks.closes_unit(c.t1 - 1) and toks.closes_unit(c.s1 - 1)):
        es = next((e for e in range(_OUT) if c.s1 + e <= c.t0 and toks.closes_unit(c.s1 + e - 1)), -1)
        et = next((e for e in range(_OUT) if c.t1 + e <= n and toks.closes_unit(c.t1 + e - 1)), -1)
        if es >= 0 and et >= 0 and _alike(toks, c.s1, c.s1 + es, c.t1, c.t1 + et):
            c.s1 += es
            c.t1 += et
        else:
            es = next((e for e in range(1, 4) if c.s1 - e > c.s0 and toks.closes_unit(c.s1 - e - 1)), -1)
            et = next((e for e in range(1, 4) if c.t1 - e > c.t0 and toks.closes_unit(c.t1 - e - 1)), -1)
            if es > 0 and es == et:
                c.s1 -= es
                c.t1 -= et


_OUT = 9  # how far (in words) an end may move outwards to reach a boundary


def _alike(toks: Tokens, a0: int, a1: int, b0: int, b1: int) -> bool:
    """True when two short runs of words are close enough to be the same words, edited."""
    la, lb = a1 - a0, b1 - b0
    if abs(la - lb) <= 1 and max(la, lb) <= 5:
        return True
    return abs(la - lb) <= 3 and similarity(toks.norms(a0, a1), toks.norms(b0, b1)) >= 0.6


def _has_break(toks: Tokens, a: int, b: int) -> bool:
    return "\n" in toks.text[toks.start(a) : toks.end(b - 1)]


def _line_break_after(toks: Tokens, a: int, b: int) -> int:
    """Tokens from ``a`` to the first line break inside ``[a, b)``; 0 when there is none."""
    if not _has_break(toks, a, b):
        return 0
    for k in range(1, b - a):
        if toks.line_start(a + k):
            return k
    return 0


def _line_break_before(toks: Tokens, a: int, b: int) -> int:
    """Tokens after the last line break inside ``[a, b)``; 0 when there is none."""
    if not _has_break(toks, a, b):
        return 0
    for k in range(1, b - a):
        if toks.line_start(b - k):
            return k
    return 0


def _trim_ragged_lines(c: Candidate, toks: Tokens, min_similarity: float) -> None:
    """Cut a line fragment at either end that matches only loosely (two different sentences bridged)."""
    kt, ks = _line_break_before(toks, c.t0, c.t1), _line_break_before(toks, c.s0, c.s1)
    if any(k and similarity(toks.norms(c.t1 - k, c.t1), toks.norms(c.s1 - k, c.s1)) < min_similarity for k in (kt, ks)):
        c.t1 -= kt or ks
        c.s1 -= ks or kt
    kt, ks = _line_break_after(toks, c.t0, c.t1), _line_break_after(toks, c.s0, c.s1)
    if any(k and similarity(toks.norms(c.t0, c.t0 + k), toks.norms(c.s0, c.s0 + k)) < min_similarity for k in (kt, ks)):
        c.t0 += kt or ks
        c.s0 += ks or kt


def _trim_short_lines(c: Candidate, toks: Tokens, *, max_words: int = 3) -> None:
    """Drop a short line at either end that both copies happen to share (``Advertisement``)."""
    for _ in range(2):
        k = next((e for e in range(1, max_words + 1) if c.t0 + e < c.t1 and toks.line_start(c.t0 + e)), 0)
        if k and c.s0 + k < c.s1 and toks.line_start(c.s0 + k) and c.t1 - c.t0 - k >= 2 * max_words:
            c.s0 += k
            c.t0 += k
        k = next((e for e in range(1, max_words + 1) if c.t1 - e > c.t0 and toks.line_end(c.t1 - e - 1)), 0)
        if k and c.s1 - k > c.s0 and toks.line_end(c.s1 - k - 1) and c.t1 - c.t0 - k >= 2 * max_words:
            c.s1 -= k
            c.t1 -= k


def _ellipsis_end(toks: Tokens, end: int, other_end: int) -> int:
    """If the copy ending before token ``end`` is cut off with an ellipsis, the new end (past it); else -1."""
    n = len(toks)
    if toks.ends_in_ellipsis(end - 1):
        return end
    if end >= n or toks.line_start(end):
        return -1
    if toks.low[end] in _ELLIPSIS_TOKENS:
        return end + 1
    # a word cut in the middle: "Alma..." or "Alma ..."
    cut = toks.norm(end)
    whole = toks.norm(other_end) if other_end < n else ""
    if not cut or not whole.startswith(cut) or whole == cut:
        return -1
    if toks.ends_in_ellipsis(end):
        return end + 1
    if end + 1 < n and not toks.line_start(end + 1) and toks.low[end + 1] in _ELLIPSIS_TOKENS:
        return end + 2
    return -1


def _continues(toks: Tokens, end: int) -> bool:
    """True when the text goes on, on the same line, after the copy ending before token ``end``."""
    return end < len(toks) and not toks.line_start(end)


def _cut_at_line_end(toks: Tokens, start: int, end: int) -> bool:
    """A whole line that stops mid-sentence: a fragment of a longer passage."""
    last = toks.raw(end - 1).rstrip("\"'\u00bb\u201d\u2019)")
    return toks.line_start(start) and toks.line_end(end - 1) and not last.endswith((".", "!", "?", "\u2026", ":"))


def _slot_like(word: str) -> bool:
    """Numbers and names: the words a template changes from one row to the next."""
    return bool(word) and (word[0].isupper() or any(ch.isdigit() for ch in word))


def _template_like(toks: Tokens, c: Candidate, src: list[str], tgt: list[str]) -> bool:
    """True when every difference swaps a number or a name for another (rows built from one template).

    A scraped copy differs in arbitrary words; a misspelt name
    (``Trump``/``Tump``) is not a swap, nor is a word capitalised only because
    a sentence starts there (it is written in lower case elsewhere).
    """
    if src == tgt:
        return False
    ops = Levenshtein.editops(src, tgt)
    if not any(op.tag == "replace" for op in ops):
        return False  # words only dropped or added: a copy, not another row
    for op in ops:
        if op.tag == "replace":
            side = [c.s0 + op.src_pos, c.t0 + op.dest_pos]
        else:
            side = [c.s0 + op.src_pos] if op.tag == "delete" else [c.t0 + op.dest_pos]
        words = [toks.raw(i).strip(PUNCT) for i in side]
        if not all(_slot_like(w) for w in words):
            return False
        numeric = any(ch.isdigit() for w in words for ch in w)
        if op.tag == "replace" and not numeric:
            if DamerauLevenshtein.distance(words[0].lower(), words[1].lower()) <= 1:
                return False  # a typo
            if any(toks.opens_unit(i) and toks.written_lower(w) for i, w in zip(side, words, strict=True)):
                return False  # capitalised only because a sentence starts there
    return True


_QUOTE_OPEN = "\"\u201c\u201e\u00ab\u2018'"
_QUOTE_CLOSE = "\"\u201d\u201c\u00bb\u2019'"


def _is_quotation(toks: Tokens, a: int, b: int) -> bool:
    """True when tokens ``a``..``b`` are exactly one quotation: opened at the start, closed only at the end."""
    first, last = toks.raw(a), toks.raw(b - 1).rstrip(".,;:!?")
    if not first or first[0] not in _QUOTE_OPEN or not last or last[-1] not in _QUOTE_CLOSE:
        return False
    inner = toks.text[toks.start(a) + 1 : toks.start(b - 1)]
    return not any(q in inner for q in "\u201d\u00bb")


def _requote(toks: Tokens, c: Candidate) -> bool:
    """A short quotation said again inside other sentences: the writer quoting twice, not a scraped copy."""
    if not (_is_quotation(toks, c.s0, c.s1) and _is_quotation(toks, c.t0, c.t1)):
        return False
    whole_s = toks.line_start(c.s0) and toks.line_end(c.s1 - 1)
    whole_t = toks.line_start(c.t0) and toks.line_end(c.t1 - 1)
    return not whole_s and not whole_t


def _judge(
    c: Candidate, toks: Tokens, *, min_chars: int, min_similarity: float, min_words_unaligned: int
) -> Repeat | None:
    """Decide which copy goes and whether the pair is a repeat at all."""
    before = (c.s0, c.s1, c.t0, c.t1)
    _trim_ragged_lines(c, toks, min_similarity)
    _trim_short_lines(c, toks)
    t_cut = _ellipsis_end(toks, c.t1, c.s1)
    s_cut = _ellipsis_end(toks, c.s1, c.t1)
    teaser_later = t_cut > 0 and s_cut < 0 and _continues(toks, c.s1)
    teaser_earlier = s_cut > 0 and t_cut < 0 and _continues(toks, c.t1)
    _snap(c, toks, ends=not (teaser_later or teaser_earlier))
    src, tgt = toks.norms(c.s0, c.s1), toks.norms(c.t0, c.t1)
    if (c.s0, c.s1, c.t0, c.t1) != before:
        c.similarity = similarity(src, tgt)
    if c.similarity < min_similarity:
        return None
    # Which copy is redundant: the later one, unless one copy is cut short.
    kind = "exact" if src == tgt else "near"
    x0, x1, y0, y1 = c.t0, c.t1, c.s0, c.s1  # x: redundant, y: kept
    if teaser_later:
        kind, x1 = "teaser", t_cut
    elif teaser_earlier:
        kind = "teaser"
        x0, x1, y0, y1 = c.s0, min(s_cut, c.t0), c.t0, c.t1
    elif _cut_at_line_end(toks, c.s0, c.s1) and _continues(toks, c.t1) and not _cut_at_line_end(toks, c.t0, c.t1):
        kind = "contained"
        x0, x1, y0, y1 = c.s0, c.s1, c.t0, c.t1
    elif _cut_at_line_end(toks, c.t0, c.t1) and _continues(toks, c.s1):
        kind = "contained"
    start, end = toks.start(x0), toks.end(x1 - 1)
    if end - start < min_chars:
        return None
    words = sum(1 for w in tgt if w)
    if words < min_words_unaligned:
        # Short copies count only as whole sentences or lines, in both places.
        if not (toks.opens_unit(x0) and toks.opens_unit(y0)):
            return None
        if kind not in ("teaser", "contained") and not (toks.closes_unit(x1 - 1) and toks.closes_unit(y1 - 1)):
            return None
    if _template_like(toks, c, src, tgt) or (words < min_words_unaligned and _requote(toks, c)):
        return None
    return Repeat(start, end, toks.start(y0), toks.end(y1 - 1), round(c.similarity, 4), kind)


def _select(text_len: int, cands: list[Repeat]) -> list[Repeat]:
    """Keep one consistent set: removed copies never overlap each other or any kept source.

    Candidates whose source comes first win (the original is the earliest
    copy); among those, longer copies win.  A candidate whose source was
    itself removed as a copy is pointed at that copy's source instead, so
    every copy of a passage said many times goes, and all point at the first.
    """
    removed = bytearray(text_len + 1)  # 1 inside a removed copy
    heads = bytearray(text_len + 1)  # 1 where a removed copy starts
    kept = bytearray(text_len + 1)  # 1 inside a kept source
    by_start: dict[int, Repeat] = {}
    chosen: list[Repeat] = []
    for r in sorted(cands, key=lambda r: (r.source_start, -(r.end - r.start), -r.similarity, r.start)):
        if removed.find(1, r.start, r.end) >= 0 or kept.find(1, r.start, r.end) >= 0:
            continue
        if removed.find(1, r.source_start, r.source_end) >= 0:
            head = heads.rfind(1, 0, r.source_start + 1)
            owner = by_start.get(head)
            if owner is None or owner.end < r.source_end:
                continue
            shift = r.source_start - owner.start
            ss = min(owner.source_start + shift, owner.source_end - 1)
            se = min(ss + (r.source_end - r.source_start), owner.source_end)
            r = Repeat(r.start, r.end, ss, se, r.similarity, r.kind)
        chosen.append(r)
        removed[r.start : r.end] = b"\x01" * (r.end - r.start)
        heads[r.start] = 1
        by_start[r.start] = r
        kept[r.source_start : r.source_end] = b"\x01" * (r.source_end - r.source_start)
    chosen.sort(key=lambda r: (r.start, r.end))
    return chosen


def find(
    text: str,
    *,
    min_chars: int = 60,
    min_words: int = 10,
    min_similarity: float = 0.85,
    min_words_unaligned: int = 30,
    lines: bool = True,
    headers: bool = True,
    labels: bool = True,
) -> list[Repeat]:
    """Repeated passages in ``text``: one :class:`Repeat` per redundant copy.

    ``min_chars`` and ``min_words`` bound the size of a copy; ``min_similarity``
    is the share of aligned words two copies must share (0.85 tolerates about
    one changed word in seven).  Copies shorter than ``min_words_unaligned``
    words count only when both are whole sentences or lines.  ``lines``,
    ``headers`` and ``labels`` switch on the short-line checks: a line said
    twice within a few lines (a title), equivalent header lines
    (``Posted``/``Published``) and doubled labels (``Фото: Фото:``).

    >>> quote = "This money could be used to distribute textbooks in Russian to every school in the country."
    >>> text = f"He said: {quote}\\nOther news follows here.\\n{quote}"
    >>> [(r.kind, r.start, r.source_start, r.similarity) for r in find(text)]
    [('exact', 126, 9, 1.0)]
    >>> find("Prices rose 5% in May 2021 for all goods in the basket of the city, officials said.\\n"
    ...      "Prices rose 7% in June 2021 for all goods in the basket of the city, officials said.")
    []
    """
    if min_chars < 1 or min_words < 2:
        raise ValueError("min_chars must be >= 1 and min_words >= 2")
    if not 0.0 < min_similarity <= 1.0:
        raise ValueError("min_similarity must be in (0, 1]")
    cands: list[Repeat] = []
    toks = Tokens(text)
    found = span_candidates(toks, min_words=min_words, min_similarity=min_similarity)
    if found:
        toks.locate()
    for c in found:
        r = _judge(c, toks, min_chars=min_chars, min_similarity=min_similarity, min_words_unaligned=min_words_unaligned)
        if r is not None:
            cands.append(r)
    if lines or headers:
        table = LineTable(text)
        if lines:
            cands.extend(line_repeats(text, table=table))
        if headers:
            cands.extend(header_repeats(text, table=table))
    if labels:
        cands.extend(label_repeats(text))
    return _select(len(text), cands) if cands else []
