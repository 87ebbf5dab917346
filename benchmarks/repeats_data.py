"""Documents with injected repeats and hard negatives, with known spans.

Built from real article text (the ``truth_text`` of the dev pages, falling
back to a tiny built-in sample).  Every injected copy records the span of the
copy and of the text it repeats; every hard negative records the span that
must not be flagged.  Deterministic for a given seed.

Kinds of repeat: ``exact`` (a paragraph said again as its own paragraph),
``near`` (the same with up to ~10% of the words edited), ``appended`` (a
sentence run copied onto the end of a later paragraph), ``embedded`` (copied
into the middle of a later paragraph), ``split`` (a copy broken across a line
break), ``teaser`` (a truncated prefix ending in ``...``/``…`` placed before
the full paragraph), ``title`` (the title line said twice), ``header``
(``Posted``/``Published`` pairs) and ``label`` (``Photo: Photo: X``).

Hard negatives: ``template`` (rows of one template that differ in numbers,
dates or names), ``mention`` (a short phrase said again inside a sentence),
``quote`` (a quoted fragment referred back to), ``paraphrase`` (a paragraph
on the same topic with many words changed), ``common`` (short common lines
such as ``Read more``) and ``frame`` (a short sentence said again with one or
two words of content swapped: another sentence on the same frame).

Edits follow what :func:`textclean.repeats.find` takes for a copy (see
:func:`copy_edit`): a short copy (under :data:`SHORT_WORDS` words) differs by
one misprint or other ending at most (a word swapped, added or dropped makes
it a sentence on the same frame: a ``frame`` negative), and a copy glued
inside a paragraph has no word swapped at all and stays verbatim when it is
short.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "dev" / "realworld"

REPEAT_KINDS = ("exact", "near", "appended", "embedded", "split", "teaser", "title", "header", "label")
NEGATIVE_KINDS = ("template", "mention", "quote", "paraphrase", "common", "frame")

_SENT = re.compile(r"(?<=[.!?\u2026])[\"\u201d\u00bb]?\s+(?=[\"\u201c\u00ab(]?[A-ZА-ЯЁ0-9])")
_WORD = re.compile(r"\w+")

_FALLBACK = [
    "The council met on Tuesday to discuss the new budget, which includes funds for roads and schools. "
    "Several members argued that the plan did not go far enough. The mayor said a final vote would come next month.",
    "Residents have complained for years about traffic on the main bridge. Engineers say repairs will take two "
    "summers and cost more than expected. Detours will be posted before work begins.",
    "Local farmers expect a smaller harvest after a dry spring and a wet, cold June. Prices at the market have "
    "already started to rise, and some growers are planting different crops.",
]


@dataclass
class Span:
    """One injected item: ``kind``, the span to flag (or not) and, for repeats, its source."""

    kind: str
    start: int
    end: int
    source_start: int = -1
    source_end: int = -1


@dataclass
class Doc:
    """A generated document with its repeats and hard negatives."""

    text: str
    repeats: list[Span] = field(default_factory=list)
    negatives: list[Span] = field(default_factory=list)
    lang: str = "en"


def load_articles(limit: int | None = None) -> list[tuple[str, str, str]]:
    """``(lang, title, body)`` of the dev pages that have a ``truth_text``."""
    out: list[tuple[str, str, str]] = []
    path = DATA / "residual.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                body = row.get("truth_text") or ""
                if len(body) < 600:
                    continue
                first = (row.get("noisy_text") or "").strip().split("\n", 1)[0].strip()
                title = first if 4 <= len(first.split()) <= 18 and first not in body[:300] else ""
                out.append((row.get("lang", "en"), title, body))
    if not out:
        out = [("en", "A Small Town Plans for the Year Ahead", "\n".join(_FALLBACK))]
    return out[:limit] if limit else out


def paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n") if p.strip()]


def sentences(par: str) -> list[str]:
    return [s for s in _SENT.split(par) if s and s.strip()]


# ---------------------------------------------------------------- edits


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word + word[-1]
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :] if rng.random() < 0.5 else word[:i] + word[i + 1 :]


def _inflect(word: str, rng: random.Random) -> str:
    for suf in ("ing", "ed", "en", "s"):
        if word.endswith(suf) and len(word) > len(suf) + 2:
            return word[: -len(suf)]
    return word + rng.choice(("s", "ed", "en"))


def edit_words(
    text: str, rate: float, vocab: list[str], rng: random.Random, *, at_least: int = 1, swap: bool = True
) -> str:
    """Edit about ``rate`` of the words (substitute, typo, inflect, delete, insert).

    ``swap=False`` never substitutes one word for another (a misprint instead).
    """
    words = text.split(" ")
    n = max(at_least, round(len(words) * rate))
    for _ in range(n):
        if len(words) < 3:
            break
        i = rng.randrange(len(words))
        op = rng.random()
        core = words[i]
        if op < 0.4 and swap:
            words[i] = rng.choice(vocab)
        elif op < 0.6:
            words[i] = _typo(core, rng)
        elif op < 0.75:
            words[i] = _inflect(core, rng)
        elif op < 0.9:
            del words[i]
        else:
            words.insert(i, rng.choice(vocab))
    return " ".join(w for w in words if w)


#: Copies shorter than this many words get one scraper-like edit at most (see :func:`copy_edit`).
SHORT_WORDS = 30


def copy_edit(text: str, rate: float, vocab: list[str], rng: random.Random, *, inside: bool = False) -> str:
    """Edit a copy the way scraped copies differ.

    A copy on its own line(s) gets about ``rate`` of its words edited, or one
    misprint or other ending when it is short (under :data:`SHORT_WORDS`
    words): a short copy with a word swapped, added or dropped is a different
    sentence on the same frame (see the ``frame`` hard negatives).  A copy
    glued inside a paragraph (``inside``) never has a word swapped for
    another, and stays verbatim when it is short: edited, it would read as a
    sentence on the same frame.
    """
    words = text.split(" ")
    if len(words) >= SHORT_WORDS:
        return edit_words(text, rate, vocab, rng, swap=not inside)
    if inside:
        return text
    i = rng.randrange(len(words))
    words[i] = _typo(words[i], rng) if rng.random() < 0.5 else _inflect(words[i], rng)
    return " ".join(w for w in words if w)


def frame_sentence(sentence: str, vocab: list[str], rng: random.Random) -> str | None:
    """Another sentence on the frame of ``sentence``: one or two words of content swapped for others.

    ``None`` when the sentence has no word to swap.  A swapped word differs
    from the one it replaces by more than a misprint (``look``/``book`` would
    read as one).
    """
    words = sentence.split(" ")
    slots = [k for k, w in enumerate(words) if k and w.isalpha() and w.islower() and len(w) > 3]
    swapped = 0
    for k in rng.sample(slots, min(len(slots), rng.randint(1, 2))):
        options = [v for v in vocab if Levenshtein.distance(v.lower(), words[k].lower()) > 2]
        if options:
            words[k] = rng.choice(options)
            swapped += 1
    return " ".join(words) if swapped else None


# ---------------------------------------------------------------- builder


class _Builder:
    """Assembles the paragraphs of one document and keeps span bookkeeping."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.marks: list[tuple[str, int, int, int, int, int, int, bool]] = []

    def add(self, text: str) -> int:
        self.parts.append(text)
        return len(self.parts) - 1


def _vocab(body: str) -> list[str]:
    words = [w for w in _WORD.findall(body) if w.isalpha() and w.islower() and len(w) > 2]
    return words or ["thing", "people", "said"]


_TEMPLATES_EN = [
    "Temperatures in the region will reach {n} degrees on {day}, with light winds and no rain expected "
    "in the afternoon.",
    "{name} scored {n} points in {m} minutes as the team won its {k}th game of the season at home on {day}.",
    "The average price of a square metre in the district rose by {n} percent in {month}, according to the agency.",
    "Flight {code} from {city} to the capital was delayed by {n} minutes on {day} because of the heavy fog.",
]
_TEMPLATES_RU = [
    "Температура воздуха в регионе поднимется до {n} градусов в {day}, ветер слабый, осадков не ожидается.",
    "Средняя цена квадратного метра в районе выросла на {n} процента в {month}, сообщили в агентстве.",
]
_SLOTS = {
    "name": ["John Smith", "Maria Lopez", "Ivan Petrov", "Anna Berg", "Li Wei", "Tom Baker"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    "month": ["January", "February", "March", "April", "May", "June"],
    "city": ["Berlin", "Madrid", "Oslo", "Kazan", "Lyon", "Porto"],
    "code": ["SU 1402", "LH 220", "AF 1145", "BA 874", "KL 1306"],
}
_COMMON = ["Advertisement", "Read more", "Share this article", "Subscribe", "Photo: Reuters", "Related"]


def _fill(tpl: str, rng: random.Random, keep: dict[str, str], vary: set[str]) -> str:
    values: dict[str, str] = {}
    for slot in re.findall(r"\{(\w+)\}", tpl):
        if slot in keep and slot not in vary:
            values[slot] = keep[slot]
        elif slot in ("n", "m", "k"):
            values[slot] = str(rng.randint(2, 99))
        else:
            values[slot] = rng.choice(_SLOTS[slot])
    keep.update(values)
    return tpl.format(**values)


def make_doc(article: tuple[str, str, str], rng: random.Random, *, n_repeats: int = 3, n_negatives: int = 2) -> Doc:
    """One document: the article's paragraphs plus injected repeats and hard negatives."""
    lang, title, body = article
    pars = paragraphs(body)
    vocab = _vocab(body)
    # Each entry: text, and optional (kind, role) marks resolved to spans at the end.
    blocks: list[list[tuple[str, str | None]]] = [[(p, None)] for p in pars]
    repeats: list[tuple[str, str, str]] = []  # (kind, target_tag, source_tag)
    negatives: list[tuple[str, str]] = []
    tag_no = [0]
    top = [0]  # blocks prepended as a header (title, date lines): negatives go after them

    def tag() -> str:
        tag_no[0] += 1
        return f"t{tag_no[0]}"

    def mark_par(i: int) -> str:
        t = tag()
        blocks[i] = [(blocks[i][0][0], t)]
        return t

    kinds = list(REPEAT_KINDS)
    rng.shuffle(kinds)
    wanted = kinds[:n_repeats]
    long_pars = [i for i, p in enumerate(pars) if len(p) >= 60 and len(p.split()) >= 12 and blocks[i][0][1] is None]
    for kind in wanted:
        free = [i for i in long_pars if len(blocks[i]) == 1 and blocks[i][0][1] is None]
        if len(free) < 2 and kind not in ("title", "header", "label"):
            continue
        if kind in ("exact", "near", "split"):
            i = rng.choice(free[:-1])
            src_tag = mark_par(i)
            text = blocks[i][0][0]
            if kind == "near":
                text = copy_edit(text, rng.uniform(0.03, 0.1), vocab, rng)
            if kind == "split":
                spaces = [m.start() for m in re.finditer(" ", text)]
                cut = rng.choice(spaces[len(spaces) // 4 : 3 * len(spaces) // 4] or spaces)
                text = text[:cut] + "\n" + text[cut + 1 :]
            j = rng.randint(i + 1, len(blocks))
            t = tag()
            blocks.insert(j, [(text, t)])
            long_pars = [k + (1 if k >= j else 0) for k in long_pars]
            repeats.append((kind, t, src_tag))
        elif kind in ("appended", "embedded"):
            cands = [i for i in free if len(sentences(blocks[i][0][0])) >= 2]
            if len(cands) < 2:
                continue
            i = rng.choice(cands[:-1])
            sents = sentences(blocks[i][0][0])
            a = rng.randrange(len(sents))
            b = min(len(sents), a + rng.randint(1, 3))
            while b < len(sents) and len(" ".join(sents[a:b])) < 80:
                b += 1
            src_tag, t = tag(), tag()
            before, chunk, after = " ".join(sents[:a]), " ".join(sents[a:b]), " ".join(sents[b:])
            if len(chunk) < 80:
                continue
            blocks[i] = [(x, tg) for x, tg in ((before, None), (chunk, src_tag), (after, None)) if x]
            copy = copy_edit(chunk, 0.06, vocab, rng, inside=True) if rng.random() < 0.5 else chunk
            hosts = [k for k in long_pars if k > i and len(blocks[k]) == 1 and blocks[k][0][1] is None]
            if not hosts:
                continue
            k = rng.choice(hosts)
            host = blocks[k][0][0]
            if kind == "appended":
                blocks[k] = [(host, None), (copy, t)]
            else:
                hs = sentences(host)
                if len(hs) < 2:
                    blocks[k] = [(host, None), (copy, t)]
                else:
                    cut = rng.randrange(1, len(hs))
                    blocks[k] = [(" ".join(hs[:cut]), None), (copy, t), (" ".join(hs[cut:]), None)]
            repeats.append((kind, t, src_tag))
        elif kind == "teaser":
            cands = [i for i in free if len(blocks[i][0][0].split()) >= 25]
            if not cands:
                continue
            i = rng.choice(cands)
            text = blocks[i][0][0]
            words = text.split(" ")
            k = rng.randint(max(12, len(words) // 3), max(13, 2 * len(words) // 3))
            teaser = " ".join(words[:k]).rstrip(",;:")
            if rng.random() < 0.2 and len(words[k - 1]) > 5:
                teaser = " ".join([*words[: k - 1], words[k - 1][: len(words[k - 1]) // 2]])
            teaser += rng.choice(("...", "\u2026", "....", " ..."))
            src_tag, t = mark_par(i), tag()
            j = rng.choice([0, max(0, i - 2), i + 1]) if rng.random() < 0.7 else i
            blocks.insert(j, [(teaser, t)])
            long_pars = [x + (1 if x >= j else 0) for x in long_pars]
            repeats.append((kind, t, src_tag))
        elif kind == "title":
            if not title:
                continue
            src_tag, t = tag(), tag()
            blocks[:0] = [[(title, src_tag)], [(title, t)]]
            top[0] += 2
            long_pars = [x + 2 for x in long_pars]
            repeats.append((kind, t, src_tag))
        elif kind == "header":
            month = rng.choice(_SLOTS["month"])
            date = f"{rng.randint(1, 28)} {month} 20{rng.randint(10, 24)}, {rng.randint(0, 23):02d}:30"
            pair = rng.choice([("Posted", "Published"), ("Published:", "Date:"), ("Updated", "Last updated")])
            src_tag, t = tag(), tag()
            blocks[:0] = [[(f"{pair[0]} {date}", src_tag)], [(f"{pair[1]} {date}", t)]]
            top[0] += 2
            long_pars = [x + 2 for x in long_pars]
            repeats.append((kind, t, src_tag))
        elif kind == "label":
            lab = "Фото:" if lang == "ru" else rng.choice(["Photo:", "Source:", "Image:"])
            src_tag, t = tag(), tag()
            j = rng.randint(1, len(blocks))
            blocks.insert(
                j, [(lab, src_tag), (" ", None), (lab, t), (" " + rng.choice(["Reuters", "AP", "1MI"]), None)]
            )
            long_pars = [x + (1 if x >= j else 0) for x in long_pars]
            repeats.append((kind, t, src_tag))
    # ---- hard negatives
    neg_kinds = list(NEGATIVE_KINDS)
    rng.shuffle(neg_kinds)
    for kind in neg_kinds[:n_negatives]:
        j = rng.randint(min(top[0] + 1, len(blocks)), len(blocks))
        if kind == "template":
            tpl = rng.choice(_TEMPLATES_RU if lang == "ru" else _TEMPLATES_EN)
            keep: dict[str, str] = {}
            slots = re.findall(r"\{(\w+)\}", tpl)
            rows: list[list[tuple[str, str | None]]] = []
            seen_rows: set[str] = set()
            for r_i in range(rng.randint(3, 6)):
                row = ""
                for _ in range(20):  # rows of a template differ; an identical row would be a real copy
                    vary = set(rng.sample(slots, rng.randint(1, min(2, len(slots))))) if r_i else set(slots)
                    row = _fill(tpl, rng, keep, vary)
                    if row not in seen_rows:
                        break
                if row in seen_rows:
                    continue
                seen_rows.add(row)
                t = tag() if r_i else None
                if t:
                    negatives.append((kind, t))
                rows.append([(row, t)])
            blocks[j:j] = rows
        elif kind in ("mention", "quote"):
            cands = [b for b in blocks[: max(1, j - 1)] if len(b) == 1 and len(b[0][0].split()) >= 12]
            if not cands:
                continue
            words = rng.choice(cands)[0][0].split(" ")
            n = rng.randint(4, 8) if kind == "mention" else rng.randint(9, 14)
            a = rng.randrange(0, max(1, len(words) - n))
            frag = " ".join(words[a : a + n]).strip(",.;:")
            t = tag()
            if kind == "mention":
                pieces = [("As noted earlier, ", None), (frag, t), (", the report said.", None)]
            else:
                pieces = [
                    ("Asked what was meant by \u201c", None),
                    (frag, t),
                    ("\u201d, the spokesman declined to elaborate.", None),
                ]
            blocks.insert(j, pieces)
            negatives.append((kind, t))
        elif kind == "paraphrase":
            cands = [b for b in blocks[: max(1, j - 1)] if len(b) == 1 and len(b[0][0].split()) >= 20]
            if not cands:
                continue
            words = rng.choice(cands)[0][0].split(" ")
            # same topic, same vocabulary, but no run of more than two words in common
            text = " ".join(rng.choice(vocab) if k % 3 == 2 else w for k, w in enumerate(words))
            t = tag()
            blocks.insert(j, [(text, t)])
            negatives.append((kind, t))
        elif kind == "frame":
            short = [
                x
                for b in blocks[: max(1, j - 1)]
                if len(b) == 1
                for x in sentences(b[0][0])
                if 10 <= len(x.split()) < SHORT_WORDS and len(x) >= 60
            ]
            if not short:
                continue
            other = frame_sentence(rng.choice(short), vocab, rng)
            if other is None:
                continue
            t = tag()
            host = next((k for k in range(j, len(blocks)) if len(blocks[k]) == 1 and blocks[k][0][1] is None), None)
            if host is None or rng.random() < 0.3:
                blocks.insert(j, [(other, t)])  # its own paragraph
            else:
                blocks[host] = [(blocks[host][0][0], None), (other, t)]  # said again at a paragraph's end
            negatives.append((kind, t))
        elif kind == "common":
            line = rng.choice(_COMMON)
            for _ in range(3):
                t = tag()
                blocks.insert(rng.randint(min(top[0] + 1, len(blocks)), len(blocks)), [(line, t)])
                negatives.append((kind, t))
    # ---- render
    spans: dict[str, tuple[int, int]] = {}
    out: list[str] = []
    pos = 0
    for b_i, block in enumerate(blocks):
        if b_i:
            sep = "\n\n" if rng.random() < 0.5 else "\n"
            out.append(sep)
            pos += len(sep)
        for p_i, (piece, tg) in enumerate(block):
            if p_i and not piece.startswith(" ") and not block[p_i - 1][0].endswith(" "):
                out.append(" ")
                pos += 1
            if tg:
                spans[tg] = (pos, pos + len(piece))
            out.append(piece)
            pos += len(piece)
    text = "".join(out)
    doc = Doc(text=text, lang=lang)
    for kind, t, s in repeats:
        if t in spans and s in spans:
            doc.repeats.append(Span(kind, *spans[t], *spans[s]))
    for kind, t in negatives:
        if t in spans:
            doc.negatives.append(Span(kind, *spans[t]))
    return doc


def make_corpus(n_docs: int = 200, *, seed: int = 0) -> list[Doc]:
    """``n_docs`` documents built from the dev articles (cycled), each with repeats and negatives."""
    rng = random.Random(seed)
    arts = load_articles()
    docs: list[Doc] = []
    for k in range(n_docs):
        docs.append(make_doc(arts[k % len(arts)], rng, n_repeats=rng.randint(2, 4), n_negatives=rng.randint(1, 3)))
    return docs


def paragraph_pool() -> list[str]:
    """Paragraphs of at least 100 characters from every dev page, none sharing eight words in a row.

    Used for the scaling runs, so that the only repeats are the injected ones
    (site boilerplate shared between pages is dropped).
    """
    seen: set[str] = set()
    grams: set[tuple[str, ...]] = set()
    pool: list[str] = []
    for name in ("residual", "fullpage"):
        path = DATA / f"{name}.jsonl"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                for key in ("truth_text", "noisy_text"):
                    for p in paragraphs(row.get(key) or ""):
                        k = " ".join(p.lower().split())
                        if len(p) < 100 or k in seen:
                            continue
                        seen.add(k)
                        words = k.split()
                        own = {tuple(words[i : i + 8]) for i in range(max(1, len(words) - 7))}
                        if own & grams:
                            continue  # shares a passage with a paragraph already taken
                        grams |= own
                        pool.append(p)
    return pool or [p for p in _FALLBACK]


def make_scaled(n_pars: int, pool: list[str], rng: random.Random, *, every: int = 25) -> Doc:
    """A document of ``n_pars`` paragraphs from ``pool`` with one injected copy per ``every`` paragraphs."""
    start = rng.randrange(len(pool))
    pars = [pool[(start + i) % len(pool)] for i in range(n_pars)]
    text_parts: list[str] = []
    repeats: list[Span] = []
    offsets: list[tuple[int, int]] = []
    copies: set[int] = set()
    pos = 0
    for i, p in enumerate(pars):
        if i:
            text_parts.append("\n\n")
            pos += 2
        if i >= every and i % every == 0:
            src = rng.randrange(max(0, i - 200), i)
            while src in copies:
                src -= 1
            s0, s1 = offsets[src]
            p = pars[src]
            repeats.append(Span("exact", pos, pos + len(p), s0, s1))
            copies.add(i)
        offsets.append((pos, pos + len(p)))
        text_parts.append(p)
        pos += len(p)
    return Doc(text="".join(text_parts), repeats=repeats)
