"""``find``: candidates from every detector, the keep/drop policy and the final selection."""

from __future__ import annotations

from bisect import bisect_right

from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from textclean.repeats._lines import LineTable, header_repeats, label_repeats, line_repeats
from textclean.repeats._model import Repeat
from textclean.repeats._spans import PUNCT, Candidate, Tokens, similarity, span_candidates

__all__ = ["find", "search"]

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


def _line_break_after(toks: Tokens, a: int, b: int) -> int:
    """Tokens from ``a`` to the first line break inside ``[a, b)``; 0 when there is none."""
    j = toks.first_line_start(a + 1, b)
    return j - a if j >= 0 else 0


def _line_break_before(toks: Tokens, a: int, b: int) -> int:
    """Tokens after the last line break inside ``[a, b)``; 0 when there is none."""
    j = toks.last_line_start(a + 1, b)
    return b - j if j >= 0 else 0


def _trim_ragged_lines(c: Candidate, toks: Tokens, min_similarity: float, short: int) -> None:
    """Cut a line fragment at either end that matches only loosely (two different sentences bridged).

    A fragment under ``short`` words matches only when no word of content was
    swapped for another in it (a sentence on the same frame is not a copy).
    """

    def loose(a0: int, a1: int, b0: int, b1: int) -> bool:
        src, tgt = toks.norms(a0, a1), toks.norms(b0, b1)
        return similarity(src, tgt) < min_similarity or (a1 - a0 < short and _swaps(src, tgt) > 0)

    kt, ks = _line_break_before(toks, c.t0, c.t1), _line_break_before(toks, c.s0, c.s1)
    if any(k and loose(c.s1 - k, c.s1, c.t1 - k, c.t1) for k in (kt, ks)):
        c.t1 -= kt or ks
        c.s1 -= ks or kt
    kt, ks = _line_break_after(toks, c.t0, c.t1), _line_break_after(toks, c.s0, c.s1)
    if any(k and loose(c.s0, c.s0 + k, c.t0, c.t0 + k) for k in (kt, ks)):
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
    """True when every word swapped is a number or a name swapped for another (rows built from one template).

    Words added or dropped besides do not matter (``on Monday`` / ``on Monday
    morning``).  A scraped copy differs in arbitrary words; a misspelt name
    (``Trump``/``Tump``) is not a swap, nor is a word capitalised only because
    a sentence starts there (it is written in lower case elsewhere).
    """
    if src == tgt:
        return False
    ops = Levenshtein.editops(src, tgt)
    if not any(op.tag == "replace" for op in ops):
        return False  # words only dropped or added: a copy, not another row
    for op in ops:
        if op.tag != "replace":
            continue  # a word added or dropped besides: another row all the same
        side = [c.s0 + op.src_pos, c.t0 + op.dest_pos]
        words = [toks.raw(i).strip(PUNCT) for i in side]
        if not all(_slot_like(w) for w in words):
            return False
        numeric = any(ch.isdigit() for w in words for ch in w)
        if not numeric:
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


def _swaps(src: list[str], tgt: list[str]) -> int:
    """Words swapped for other words between two copies (misprints and other endings aside)."""
    ops = Levenshtein.editops(src, tgt)
    return sum(1 for op in ops if op.tag == "replace" and not _same_word(src[op.src_pos], tgt[op.dest_pos]))


def _set_apart(toks: Tokens, x0: int, x1: int, kind: str) -> bool:
    """The copy fills its own line(s), or is a teaser or a fragment."""
    return kind in ("teaser", "contained") or (toks.line_start(x0) and toks.line_end(x1 - 1))


def _swaps_allowed(toks: Tokens, src: list[str], tgt: list[str], *, words: int, x0: int, x1: int, kind: str) -> bool:
    """A long copy may have a word swapped for another here and there, when it is set apart.

    Sentences on the same frames said again with other names and nouns are
    prose: a copy may have one swap per 12 words when it fills its own
    line(s) (or is a teaser or a fragment), and not in every one of its
    sentences; inside a paragraph it must be :func:`_mostly_verbatim`.
    """
    if _set_apart(toks, x0, x1, kind):
        if _swaps(src, tgt) * _WORDS_PER_SWAP > words:
            return False
        swapped, units = _changed_sentences(toks, src, tgt, x0, x1, swaps_only=True)
        return units < 2 or swapped < units  # a word swapped in every sentence: the writer's frames
    return _mostly_verbatim(toks, src, tgt, x0, x1)


def _changed_sentences(
    toks: Tokens, src: list[str], tgt: list[str], x0: int, x1: int, *, swaps_only: bool = False
) -> tuple[int, int]:
    """Sentences of the copy (tokens ``x0``..``x1``, words ``tgt``) with a word swapped, added or dropped; all.

    ``swaps_only`` counts the sentences with a word swapped only.
    """
    ops = Levenshtein.editops(src, tgt)
    starts = [i for i in range(x0, x1) if i == x0 or toks.opens_unit(i)]
    last = len(tgt) - 1
    changed = {
        bisect_right(starts, x0 + min(op.dest_pos, last))
        for op in ops
        if (op.tag != "replace" and not swaps_only)
        or (op.tag == "replace" and not _same_word(src[op.src_pos], tgt[op.dest_pos]))
    }
    return len(changed), len(starts)


# Words per swapped word a long copy set apart may have.
_WORDS_PER_SWAP = 12


def _mostly_verbatim(toks: Tokens, src: list[str], tgt: list[str], x0: int, x1: int) -> bool:
    """A copy inside a paragraph: no word swapped, and no word added or dropped in most of its sentences.

    Sentences said again each with a word added, dropped or swapped are the
    writer's frames; a scraped copy keeps most sentences whole (misprints
    and other endings aside).  ``tgt`` must be the words of tokens ``x0``..``x1``.
    """
    if _swaps(src, tgt):
        return False
    changed, units = _changed_sentences(toks, src, tgt, x0, x1)
    return 2 * changed <= units


def _edited_copy(
    toks: Tokens, src: list[str], tgt: list[str], *, similarity: float, x0: int, x1: int, kind: str
) -> bool:
    """Whether a short copy that is not word for word the same still reads as a scraped copy.

    Two sentences built on one frame (``expect the plan to change`` /
    ``expect the new bridge to change``, ``on Monday`` / ``on Monday
    morning``) are prose.  An edited short copy must be set apart (fill its
    own line(s), or be a teaser or a fragment) and differ by one misprint or
    ending (``Tump``, ``got``/``gotten``) only; a teaser, cut short anyway,
    may also drop or add a word.  Inside a paragraph, only a verbatim copy
    counts.
    """
    if not _set_apart(toks, x0, x1, kind):
        return False
    ops = Levenshtein.editops(src, tgt)
    if kind == "teaser":
        return not _swaps(src, tgt) and (len(ops) <= 1 or similarity >= 0.95)
    if len(ops) != 1:
        return False
    op = next(iter(ops))
    return op.tag == "replace" and _same_word(src[op.src_pos], tgt[op.dest_pos])


def _same_word(a: str, b: str) -> bool:
    """A misprint (``Tump``) or another ending (``got``/``gotten``) of one word, not a different word.

    Numbers are never misprints of each other (``9``/``1``).
    """
    if any(ch.isdigit() for ch in a + b):
        return False
    if DamerauLevenshtein.distance(a, b) <= (2 if min(len(a), len(b)) >= 7 else 1):
        return True
    stem = next((i for i, (p, q) in enumerate(zip(a, b, strict=False)) if p != q), min(len(a), len(b)))
    return stem >= 3 and stem >= min(len(a), len(b)) - 2


def _judge(
    c: Candidate, toks: Tokens, *, min_chars: int, min_similarity: float, min_words_unaligned: int
) -> Repeat | None:
    """Decide which copy goes and whether the pair is a repeat at all."""
    before = (c.s0, c.s1, c.t0, c.t1)
    _trim_ragged_lines(c, toks, min_similarity, min_words_unaligned)
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
    words = len(tgt) - tgt.count("")
    if words < min_words_unaligned:
        # Short copies count only as whole sentences or lines, in both places,
        # nearly word for word, and set apart the way a scraper's copy is.
        if not (toks.opens_unit(x0) and toks.opens_unit(y0)):
            return None
        if kind not in ("teaser", "contained") and not (toks.closes_unit(x1 - 1) and toks.closes_unit(y1 - 1)):
            return None
        if src != tgt and not _edited_copy(toks, src, tgt, similarity=c.similarity, x0=x0, x1=x1, kind=kind):
            return None
    elif src != tgt and not _swaps_allowed(toks, src, tgt, words=words, x0=x0, x1=x1, kind=kind):
        return None
    if _template_like(toks, c, src, tgt) or (words < min_words_unaligned and _requote(toks, c)):
        return None
    return Repeat(start, end, toks.start(y0), toks.end(y1 - 1), round(c.similarity, 4), kind)


def _select(text_len: int, cands: list[Repeat]) -> tuple[list[Repeat], list[int]]:
    """Keep one consistent set: removed copies never overlap each other or any kept source.

    Candidates whose source comes first win (the original is the earliest
    copy); among those, longer copies win.  A candidate whose source was
    itself removed as a copy is pointed at that copy's source instead, so
    every copy of a passage said many times goes, and all point at the first.
    Also returned: the ends of the candidates set aside that may still be
    repeats once the chosen copies are removed (part of one survives them,
    or it overlapped a source whose copy goes).
    """
    removed = bytearray(text_len + 1)  # 1 inside a removed copy
    heads = bytearray(text_len + 1)  # 1 where a removed copy starts
    kept = bytearray(text_len + 1)  # 1 inside a kept source
    by_start: dict[int, Repeat] = {}
    chosen: list[Repeat] = []
    pending: list[int] = []
    for r in sorted(cands, key=lambda r: (r.source_start, -(r.end - r.start), -r.similarity, r.start)):
        if removed.find(1, r.start, r.end) >= 0:
            if removed.count(0, r.start, r.end) >= _SURVIVOR:
                pending += (r.start, r.end)
            continue
        if kept.find(1, r.start, r.end) >= 0:
            pending += (r.start, r.end)  # once the copy of that source is gone, this one may stand
            continue
        if removed.find(1, r.source_start, r.source_end) >= 0:
            head = heads.rfind(1, 0, r.source_start + 1)
            owner = by_start.get(head)
            if owner is None or owner.end < r.source_end:
                pending += (r.start, r.end)
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
    return chosen, sorted(set(pending))


# Characters of a set-aside candidate that must survive the chosen removals for it to count as pending.
_SURVIVOR = 20


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
    return search(
        text,
        min_chars=min_chars,
        min_words=min_words,
        min_similarity=min_similarity,
        min_words_unaligned=min_words_unaligned,
        lines=lines,
        headers=headers,
        labels=labels,
    )[0]


def search(
    text: str,
    *,
    min_chars: int = 60,
    min_words: int = 10,
    min_similarity: float = 0.85,
    min_words_unaligned: int = 30,
    focus: list[int] | None = None,
    tokens: Tokens | None = None,
    lines: bool = True,
    headers: bool = True,
    labels: bool = True,
) -> tuple[list[Repeat], list[int], Tokens | None]:
    """:func:`find`, plus where candidates were set aside that may remain once the copies are removed.

    Also returned: the token stream the span search used (``None`` when it
    did not run), for :func:`textclean.repeats._spans.near_seams`.

    ``focus`` (sorted character offsets) limits the span-level search to
    copies near those points; the line checks always look at the whole text.
    ``tokens`` is the token stream of ``text`` when it is known already.
    """
    if min_chars < 1 or min_words < 2:
        raise ValueError("min_chars must be >= 1 and min_words >= 2")
    if not 0.0 < min_similarity <= 1.0:
        raise ValueError("min_similarity must be in (0, 1]")
    cands: list[Repeat] = []
    toks = None
    if focus is None or focus:
        toks = Tokens(text) if tokens is None else tokens
        found = span_candidates(toks, min_words=min_words, min_similarity=min_similarity, focus=focus)
        if found:
            toks.locate()
        for c in found:
            r = _judge(
                c, toks, min_chars=min_chars, min_similarity=min_similarity, min_words_unaligned=min_words_unaligned
            )
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
    if not cands:
        return [], [], toks
    chosen, pending = _select(len(text), cands)
    return chosen, pending, toks
