"""Repeated passages: textclean.repeats.find and the RemoveRepeats pass."""

from __future__ import annotations

import random
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textclean import repeats
from textclean.edits import Change
from textclean.passes.repeats import RemoveRepeats
from textclean.pipeline import Document, Pass, Pipeline
from textclean.repeats import KINDS, Repeat, find, header_groups, removal_span

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# A small vocabulary of ordinary words: random sentences built from it share
# no long passages unless a test puts one there.
_WORDS = (
    "river stone market winter council garden letter morning station harbor village teacher paper window "
    "bridge forest engine doctor summer island museum kitchen railway valley orchard farmer painter "
    "lantern meadow canal tower cellar ferry pilot sailor bakery clinic theatre library factory"
).split()
_VERBS = "opened closed visited painted repaired described carried noticed watched followed".split()


def sentence(rng: random.Random, n: int = 14) -> str:
    words = [rng.choice(_WORDS) if i % 3 else rng.choice(_VERBS) for i in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(sentence(rng, rng.randint(12, 18)) for _ in range(sentences))


def removed_text(text: str, **options: object) -> str:
    return RemoveRepeats(**options)(text).text  # type: ignore[arg-type]


def seed_text(prefix: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the seeds


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_restores_and_reads_cleanly(prefix: str) -> None:
    text = seed_text(prefix)
    out = RemoveRepeats()(text)
    assert out.restore() == text
    for r in out.repeats:
        assert r.removed
        assert text[r.start : r.end].strip()
        assert not (r.start < r.source_end and r.source_start < r.end)
    # no double spaces or new blank-line runs inside what was a line
    assert out.text.count("  ") <= text.count("  ")
    assert out.text.count("\n\n\n") <= text.count("\n\n\n")


def test_seed_001_triplicated_quote_survives_once() -> None:
    text = seed_text("001")
    probe = "This money could be used to distribute textbooks"
    assert text.count(probe) == 3
    out = removed_text(text)
    assert out.count(probe) == 1
    # the copy that stays is the one inside the quote, in its original context
    kept = out.index(probe)
    assert "local bastard. " + probe in out[kept - 30 : kept + len(probe)]
    assert "\n– Well, what do you think" in out


def test_seed_000_title_headers_and_label_survive_once() -> None:
    text = seed_text("000")
    title = text.split("\n")[8]
    assert text.count(title) == 2
    out = removed_text(text)
    assert out.count(title) == 1
    assert out.count("2022,, 08:30\n") == 1  # Posted/Published said once
    assert out.count("22:37") == 1  # Modified/Updated said once
    assert "Фото: Фото:" not in out and "Фото: 1MI" in out


def test_seed_004_teaser_goes_and_paragraph_stays() -> None:
    text = seed_text("004")
    out = RemoveRepeats()(text)
    teasers = [r for r in out.repeats if r.kind == "teaser"]
    assert len(teasers) == 1
    assert text[teasers[0].start : teasers[0].end].endswith("...")
    assert "Almaty...." not in out.text
    assert out.text.count("largest metropolis - Almaty. In the morning") == 1


def test_seeds_without_repeats_are_untouched() -> None:
    for prefix in ("002", "003"):
        text = seed_text(prefix)
        assert find(text) == []
        assert removed_text(text) == text


# ---------------------------------------------------------------- each kind


def test_exact_paragraph() -> None:
    rng = random.Random(1)
    a, b, c = paragraph(rng), paragraph(rng), paragraph(rng)
    text = f"{a}\n\n{b}\n\n{a}\n\n{c}"
    found = find(text)
    assert [(r.kind, r.start, r.source_start) for r in found] == [("exact", text.rindex(a), 0)]
    assert removed_text(text) == f"{a}\n\n{b}\n\n{c}"


def test_near_copy_with_edited_words() -> None:
    rng = random.Random(2)
    a = paragraph(rng, 4)
    words = a.split(" ")
    words[10] = words[10] + "s"  # got -> gotten style inflection
    words[30] = "completely"
    edited = " ".join(words)
    text = f"{a}\n\n{paragraph(rng)}\n\n{edited}"
    (r,) = find(text)
    assert r.kind == "near" and 0.85 <= r.similarity < 1.0
    assert (r.start, r.end, r.source_start, r.source_end) == (text.index(edited), len(text), 0, len(a))


def test_copy_appended_to_a_later_paragraph() -> None:
    rng = random.Random(3)
    quote = sentence(rng, 16) + " " + sentence(rng, 14)
    host = paragraph(rng)
    text = f"{paragraph(rng)} {quote} {paragraph(rng)}\n\n{host} {quote}\n\nThe end of the story is near."
    (r,) = find(text)
    assert r.start == text.rindex(quote) and r.end == r.start + len(quote)
    assert removed_text(text).count(quote) == 1
    assert f"{host}\n\nThe end" in removed_text(text)


def test_copy_inside_a_paragraph_and_split_across_a_line_break() -> None:
    rng = random.Random(4)
    quote = sentence(rng, 18) + " " + sentence(rng, 16)
    cut = quote.index(" ", len(quote) // 2)
    split = quote[:cut] + "\n" + quote[cut + 1 :]
    first, second = sentence(rng), sentence(rng)
    text = f"{paragraph(rng)}\n{split}\n\n{first} {quote} {second}"
    (r,) = find(text)
    assert text[r.start : r.end] == quote and r.source_start == text.index(split)
    out = removed_text(text)
    assert f"{first} {second}" in out


def test_tripled_passage_points_every_copy_at_the_first() -> None:
    rng = random.Random(5)
    quote = sentence(rng, 16) + " " + sentence(rng, 15)
    text = f"{paragraph(rng)} {quote}\n{quote}\n\n{quote}\n\n{paragraph(rng)}"
    found = find(text)
    assert len(found) == 2
    first = text.index(quote)
    assert all(r.source_start == first for r in found)
    assert removed_text(text).count(quote) == 1


@pytest.mark.parametrize("ellipsis", ["...", "\u2026", "....", " ..."])
@pytest.mark.parametrize("teaser_first", [True, False])
def test_teaser_goes_wherever_it_is(ellipsis: str, teaser_first: bool) -> None:
    rng = random.Random(6)
    full = paragraph(rng, 3)
    teaser = full[: full.index(" ", 90)] + ellipsis
    other = paragraph(rng)
    text = f"{teaser}\n\n{other}\n\n{full}" if teaser_first else f"{full}\n\n{other}\n\n{teaser}"
    (r,) = find(text)
    assert r.kind == "teaser"
    assert text[r.start : r.end] == teaser.strip()
    assert text[r.source_start : r.source_end] in full
    out = removed_text(text)
    assert full in out and ellipsis.strip() not in out


def test_truncated_word_teaser() -> None:
    rng = random.Random(7)
    full = paragraph(rng, 3)
    cut = full.index(" ", 90) + 4  # inside the next word
    teaser = full[:cut] + "..."
    text = f"{teaser}\n\n{paragraph(rng)}\n\n{full}"
    (r,) = find(text)
    assert r.kind == "teaser" and text[r.start : r.end] == teaser


def test_title_said_twice() -> None:
    rng = random.Random(8)
    title = "Council votes to rebuild the old harbor bridge"
    text = f"{title}\n\n{title}\n\n{paragraph(rng)}"
    (r,) = find(text)
    assert (r.kind, r.start, r.source_start) == ("line", len(title) + 2, 0)
    assert removed_text(text).count(title) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Posted 12 January 2022, 08:30", "Published 12 January 2022, 08:30"),
        ("Modified 24 декабря 2022, 22:37", "Updated 24 декабря 2022, 22:37"),
        ("Опубликовано: 12.01.2022", "Дата публикации: 12.01.2022"),
    ],
)
def test_header_pairs(first: str, second: str) -> None:
    text = f"{first}\n\n{second}\n\nBody of the article follows here."
    (r,) = find(text)
    assert r.kind == "header" and text[r.start : r.end] == second
    assert second not in removed_text(text)


def test_header_values_that_differ_are_kept() -> None:
    text = "Published 12 January 2022\nUpdated 12 January 2022\nPosted 13 January 2022\n\nBody."
    assert find(text) == []


@pytest.mark.parametrize("label", ["Фото:", "Photo:", "Photo credit:", "Source:"])
def test_doubled_label(label: str) -> None:
    text = f"Some caption text above.\n{label} {label} 1MI\nMore text."
    (r,) = find(text)
    assert r.kind == "label"
    assert removed_text(text) == f"Some caption text above.\n{label} 1MI\nMore text."


def test_header_label_data_examples() -> None:
    for group in header_groups():
        assert group.labels
        for first, second in group.examples:
            text = f"{first}\n{second}\nBody text."
            assert [r.kind for r in find(text)] == ["header"], (group.id, first, second)
        for first, second in group.counter_examples:
            assert find(f"{first}\n{second}\nBody text.") == [], (group.id, first, second)


# ---------------------------------------------------------------- must not flag


def test_template_rows_that_differ_in_numbers_dates_or_names() -> None:
    rows = [
        "Temperatures in the region will reach 21 degrees on Monday, with light winds and no rain expected.",
        "Temperatures in the region will reach 24 degrees on Monday, with light winds and no rain expected.",
        "Temperatures in the region will reach 24 degrees on Tuesday, with light winds and no rain expected.",
        "John Smith scored 30 points in 41 minutes as the team won its 12th game of the season at home.",
        "Maria Lopez scored 30 points in 41 minutes as the team won its 12th game of the season at home.",
        "Ivan Petrov scored 30 points in 41 minutes as the team won its 14th game of the season at home.",
    ]
    assert find("\n".join(rows)) == []
    assert find("\n\n".join(rows)) == []


def test_short_re_mentions_and_quotes_referred_back() -> None:
    rng = random.Random(9)
    quoted = "“We will rebuild the bridge before the winter comes, whatever it costs,” the mayor said."
    a, b = paragraph(rng), paragraph(rng)
    text = (
        f"{a} {quoted}\n\n{b}\n\n"
        "Asked what she meant by “rebuild the bridge before the winter comes, whatever it costs”, "
        "the mayor declined to elaborate. The council, she said, will rebuild the bridge before the winter."
    )
    assert find(text) == []


def test_same_topic_paragraphs_and_common_lines() -> None:
    rng = random.Random(10)
    a = paragraph(rng, 4)
    words = a.split(" ")
    reworded = " ".join(rng.choice(_WORDS) if i % 3 == 2 else w for i, w in enumerate(words))
    lines = [a, "Read more", reworded, "Advertisement", paragraph(rng), "Read more", "Advertisement", "Share"]
    assert find("\n\n".join(lines)) == []


# ---------------------------------------------------------------- options


def test_min_chars_and_min_similarity_are_explicit_options() -> None:
    rng = random.Random(11)
    a = paragraph(rng, 3)
    edited = a.replace(a.split(" ")[5], "completely", 1)
    text = f"{a}\n\n{paragraph(rng)}\n\n{edited}"
    assert [r.kind for r in find(text)] == ["near"]
    assert find(text, min_similarity=1.0) == []
    assert find(text, min_chars=len(edited) + 1) == []
    with pytest.raises(ValueError):
        find(text, min_similarity=0.0)
    with pytest.raises(ValueError):
        find(text, min_chars=0)


def _other_word(rng: random.Random, word: str) -> str:
    """A word of the vocabulary that is not a misprint of ``word``."""
    return rng.choice([w for w in _WORDS if w != word.strip(".") and w[:3] != word[:3]])


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from(["swap", "swap+add", "add", "drop"]), st.booleans())
def test_sentences_on_one_frame_are_prose(seed: int, change: str, own_lines: bool) -> None:
    """Short sentences said again with a word swapped, added or dropped are prose, not copies."""
    rng = random.Random(seed)
    first = sentence(rng, rng.randint(12, 24))
    words = first.split(" ")
    k = rng.randrange(1, len(words) - 1)
    if change.startswith("swap"):
        words[k] = _other_word(rng, words[k])
    if change.endswith("add"):
        words.insert(k, _other_word(rng, words[k]))
    if change == "drop":
        del words[k]
    second = " ".join(words)
    if own_lines:
        text = f"{paragraph(rng)}\n\n{first}\n\n{paragraph(rng)}\n\n{second}"
    else:
        text = f"{sentence(rng)} {first} {sentence(rng)} {second} {sentence(rng)}"
    assert find(text) == []


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_long_frames_inside_a_paragraph_are_prose(seed: int) -> None:
    """Two sentences said again in one paragraph, each with a word added, dropped or swapped."""
    rng = random.Random(seed)
    a, b = sentence(rng, 16), sentence(rng, 18)
    wa, wb = a.split(" "), b.split(" ")
    wa.insert(rng.randrange(1, len(wa) - 1), rng.choice(_WORDS))
    k = rng.randrange(1, len(wb) - 1)
    wb[k] = _other_word(rng, wb[k])
    text = f"{a} {b} {sentence(rng)} {' '.join(wa)} {' '.join(wb)}"
    assert find(text) == []


def test_short_copies_need_their_own_line_unless_verbatim() -> None:
    rng = random.Random(5)
    s = sentence(rng, 16)
    typo = s.replace(s.split(" ")[4], s.split(" ")[4][:-1] + s.split(" ")[4][-1] * 2, 1)
    intro, other, outro = paragraph(rng), paragraph(rng), sentence(rng)
    # verbatim, glued to the end of a later paragraph: a copy
    assert [r.kind for r in find(f"{intro} {s}\n\n{other} {s}")] == ["exact"]
    # one misprint, on its own line: a copy
    assert [r.kind for r in find(f"{intro}\n\n{s}\n\n{other}\n\n{typo}")] == ["near"]
    # one misprint, inside a paragraph: not enough to tell it from prose
    assert find(f"{intro} {s}\n\n{other} {typo} {outro}") == []


@st.composite
def documents_with_overlapping_copies(draw: st.DrawFn) -> str:
    """Paragraphs of random sentences; whole paragraphs and runs of sentences said again anywhere."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    pars = [[sentence(rng, rng.randint(10, 18)) for _ in range(rng.randint(1, 3))] for _ in range(rng.randint(3, 6))]
    for _ in range(draw(st.integers(1, 4))):
        src = pars[rng.randrange(len(pars))]
        a = rng.randrange(len(src))
        chunk = src[a : a + rng.randint(1, len(src))]
        where = rng.randrange(len(pars) + 1)
        if rng.random() < 0.5 or where == len(pars):
            pars.insert(where, list(chunk))
        else:
            pars[where] = pars[where] + list(chunk)
    return "\n\n".join(" ".join(p) for p in pars)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents_with_overlapping_copies())
def test_removal_leaves_no_repeat_behind(text: str) -> None:
    """One run removes every removable copy, even when copies overlap one another."""
    once = RemoveRepeats()(text)
    assert once.restore() == text
    again = RemoveRepeats()(once.text)
    assert again.text == once.text, [(e.rule, e.removed) for e in again.edits]


def test_a_paragraph_said_twice_with_one_sentence_said_elsewhere() -> None:
    """The copy of a paragraph overlaps a copy of one of its sentences: both go in one run."""
    rng = random.Random(9)
    s, t = sentence(rng, 14), sentence(rng, 15)
    text = f"{sentence(rng)} {s}\n\n{t} {s}\n\n{paragraph(rng)}\n\n{t} {s}"
    out = RemoveRepeats()(text)
    assert out.text.count(t) == 1 and out.text.count(s) == 1
    assert RemoveRepeats()(out.text).text == out.text


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["river", "Stone.", "ΟΔΟΣ", "x", " ", "  ", "\n", "\n\n", "\u00a0"]), max_size=60),
    st.lists(st.tuples(st.integers(0, 59), st.integers(1, 8)), max_size=4),
)
def test_token_stream_after_removals_matches_a_fresh_one(pieces: list[str], cuts: list[tuple[int, int]]) -> None:
    """The token stream carried over to the next round is the one the kept text would give."""
    from textclean.repeats._spans import Tokens, span_candidates

    text = "".join(pieces)
    toks = Tokens(text)
    span_candidates(toks, min_words=2, min_similarity=0.5)
    toks.locate()
    toks.normalise()
    n = len(toks)
    spans = sorted({(toks.start(i), toks.end(min(n, i + k) - 1)) for i, k in cuts if i < n})
    removed: list[tuple[int, int]] = []
    for s0, e0 in spans:  # whole tokens with the whitespace before them, disjoint
        s0 = len(text[:s0].rstrip()) if removed or s0 else s0
        if removed and s0 <= removed[-1][1]:
            continue
        removed.append((s0, e0))
    kept = "".join(
        text[a:b] for a, b in zip([0, *(e for _, e in removed)], [*(s for s, _ in removed), len(text)], strict=True)
    )
    fresh = Tokens(kept)
    span_candidates(fresh, min_words=2, min_similarity=0.5)
    fresh.locate()
    fresh.normalise()
    carried = toks.without(removed, kept)
    assert carried.low == fresh.low
    assert not carried.hashes or carried.hashes == fresh.hashes
    assert carried.normed is None or carried.normed == fresh.normed
    carried.locate()
    assert [(carried.start(i), carried.end(i)) for i in range(len(fresh))] == [
        (fresh.start(i), fresh.end(i)) for i in range(len(fresh))
    ]
    assert [carried.line_start(i) for i in range(len(fresh))] == [fresh.line_start(i) for i in range(len(fresh))]
    assert carried.count_before([0, len(kept) // 2, len(kept)]) == [
        len(kept[:p].split()) for p in (0, len(kept) // 2, len(kept))
    ]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(["river", "Stone.", "ΟΔΟΣ", "İx", " ", "  ", "\n", "\n \n", "\u00a0", "\u2028"]), max_size=60
    )
)
def test_token_offsets_and_line_starts_match_a_plain_scan(pieces: list[str]) -> None:
    """Offsets, line starts and the line-break searches agree with a token-by-token scan of the text."""
    from textclean.repeats._spans import Tokens

    text = "".join(pieces)
    toks = Tokens(text)
    toks.locate()
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    assert [(toks.start(i), toks.end(i)) for i in range(len(toks))] == spans
    starts = [i == 0 or "\n" in text[spans[i - 1][1] : spans[i][0]] for i in range(len(spans))]
    assert [toks.line_start(i) for i in range(len(toks))] == starts
    for a in range(len(toks) + 1):
        for b in range(a, len(toks) + 1):
            inside = [i for i in range(a, b) if starts[i]]
            assert toks.first_line_start(a, b) == (inside[0] if inside else -1)
            assert toks.last_line_start(a, b) == (inside[-1] if inside else -1)


@settings(max_examples=80, deadline=None)
@given(st.sets(st.integers(0, 80)), st.integers(0, 20))
def test_missing_positions(kept: set[int], extra: int) -> None:
    from textclean.repeats._spans import _gaps

    n = max(kept, default=-1) + 1 + extra
    assert _gaps(sorted(kept), n) == [i for i in range(n) if i not in kept]


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 40), st.integers(0, 400), st.integers(1, 12), st.randoms(use_true_random=False))
def test_seed_pairs_match_a_plain_scan(vocabulary: int, length: int, min_shift: int, rng: random.Random) -> None:
    """Seed pairs and repeated positions, few or many repeats, agree with a scan that pairs as it goes."""
    from collections import Counter

    from textclean.repeats._spans import _FREQUENT, SEED, Tokens, _seed_pairs

    text = " ".join(f"w{rng.randrange(vocabulary)}" for _ in range(length))
    toks = Tokens(text)
    grams = [tuple(toks.low[i : i + SEED]) for i in range(len(toks) - SEED + 1)]
    later = Counter(grams)
    first: dict[tuple[str, ...], int] = {}
    last: dict[tuple[str, ...], int] = {}
    expected: list[tuple[int, int]] = []
    for j, g in enumerate(grams):
        if g not in first:
            first[g] = j
            continue
        f = first[g]
        if g not in last:
            expected += [(j - f, f)] if j - f >= min_shift else []
        else:
            expected += [(j - f, f)] if j - f >= min_shift and later[g] - 1 < _FREQUENT else []
            expected += [(j - last[g], last[g])] if j - last[g] >= min_shift else []
        last[g] = j
    pairs = _seed_pairs(toks, min_shift)
    assert pairs == (sorted(expected) if len(grams) >= 2 else [])
    if pairs:
        assert toks.repeated == [j for j, g in enumerate(grams) if later[g] > 1]


def test_pass_kinds_and_record_only() -> None:
    text = seed_text("000")
    only_labels = RemoveRepeats(kinds={"label"})(text)
    assert {e.rule for e in only_labels.edits} == {"repeat-label"}
    assert sum(r.removed for r in only_labels.repeats) == 1
    assert len(only_labels.repeats) == len(find(text))
    record = RemoveRepeats(remove=False)(text)
    assert record.text == text and record.repeats and not any(r.removed for r in record.repeats)
    with pytest.raises(ValueError):
        RemoveRepeats(kinds={"nonsense"})


@attrs.frozen
class _Squeeze(Pass):
    """Strips leading whitespace and blank-line runs, edit by edit."""

    name = "squeeze"

    def propose(self, doc: Document) -> list[Change]:
        lead = len(doc.text) - len(doc.text.lstrip())
        out = [Change(0, lead, "", "lead")] if lead else []
        return out + [Change(m.start(), m.end(), "\n\n", "blank") for m in re.finditer(r"\n{3,}", doc.text)]


def test_offsets_are_original_after_an_earlier_pass() -> None:
    rng = random.Random(12)
    a = paragraph(rng)
    text = f"   \t{a}\n\n\n\n{paragraph(rng)}\n\n{a}"
    out = Pipeline([_Squeeze(), RemoveRepeats()])(text)
    (r,) = out.repeats
    assert text[r.start : r.end] == a and text[r.source_start : r.source_end] == a
    assert r.source_start == 4
    assert out.restore() == text


def test_repeat_validates_kind() -> None:
    assert set(KINDS) >= {"exact", "near", "teaser", "contained", "line", "header", "label"}
    with pytest.raises(ValueError):
        Repeat(0, 1, 0, 1, 1.0, "nonsense")


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Intro line.\nCOPY COPY.\nOutro.", "COPY COPY.", "Intro line.\nOutro."),
        ("COPY COPY.\n\nRest.", "COPY COPY.", "Rest."),
        ("Rest.\n\nCOPY COPY.\n", "COPY COPY.", "Rest.\n"),
        ("One. COPY COPY. Two.", "COPY COPY.", "One. Two."),
        ("One. COPY\nCOPY. Two.", "COPY\nCOPY.", "One. Two."),
    ],
)
def test_removal_span_leaves_text_that_reads(text: str, span: str, expected: str) -> None:
    s = text.index(span)
    a, b, rep = removal_span(text, s, s + len(span))
    assert text[:a] + rep + text[b:] == expected


# ---------------------------------------------------------------- properties


@st.composite
def documents_with_a_copy(draw: st.DrawFn) -> tuple[str, str, int]:
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    pars = [paragraph(rng, rng.randint(1, 3)) for _ in range(draw(st.integers(3, 8)))]
    src = draw(st.integers(0, len(pars) - 2))
    dst = draw(st.integers(src + 1, len(pars)))
    seps = draw(st.lists(st.sampled_from(["\n", "\n\n", " "]), min_size=len(pars), max_size=len(pars)))
    pars.insert(dst, pars[src])
    text = pars[0]
    for p, sep in zip(pars[1:], seps, strict=False):
        text += sep + p
    return text, pars[src], src


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents_with_a_copy())
def test_an_inserted_copy_is_found_and_removed_once(case: tuple[str, str, int]) -> None:
    text, copy, _ = case
    found = find(text)
    first, later = text.index(copy), text.rindex(copy)

    def inside_a_line(pos: int) -> bool:
        return text[pos - 1 : pos] == " " and text[pos + len(copy) : pos + len(copy) + 1] == " "

    if len(copy.split()) < 30 and inside_a_line(first) and inside_a_line(later):
        return  # a short sentence said twice inside paragraphs: no evidence of a scraped copy
    assert any(r.start <= later < r.end and r.source_start <= first < r.source_end for r in found)
    out = RemoveRepeats()(text)
    assert out.restore() == text
    assert out.text.count(copy) == 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*"ab .,:\n…", "Фото", "the cat ", "Photo: ", "sat on the mat. "]), max_size=200))
def test_find_is_consistent_on_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = find(text, min_chars=5, min_words=2)
    ends = -1
    for r in found:
        assert 0 <= r.start < r.end <= len(text) and 0 <= r.source_start < r.source_end <= len(text)
        assert r.start >= ends  # removed copies never overlap
        ends = r.end
        assert not (r.start < r.source_end and r.source_start < r.end)
    out = RemoveRepeats(min_chars=5, min_words=2)(text)
    assert out.restore() == text


def test_hostile_inputs_stay_bounded() -> None:
    assert find("[" * 200_000) == []
    assert find("1234567890" * 20_000) == []
    assert find("\n" * 100_000) == []
    assert find("word " * 40_000) == []
    line = "The same sentence is repeated here again and again, forever."
    found = find((line + "\n") * 2_000)
    assert len(found) == 1_999 and all(r.source_start == 0 for r in found)
    assert len(find("a: " * 50_000)) <= 1


def test_module_api() -> None:
    assert repeats.find is find
    assert callable(repeats.similarity) and repeats.similarity(["a"], ["a"]) == 1.0


def test_docs_page_examples_run() -> None:
    import doctest

    page = Path(__file__).resolve().parent.parent / "docs" / "repeats.md"
    if not page.exists():
        pytest.skip("docs/repeats.md not present")
    blocks = re.findall(r"^```pycon\n(.*?)^```", page.read_text(encoding="utf-8"), re.S | re.M)
    source = "\n".join(re.sub(r"(?m)^$", "<BLANKLINE>", b.rstrip("\n")) + "\n" for b in blocks)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(doctest.DocTestParser().get_doctest(source, {}, "repeats.md", str(page), 0))
    assert blocks and runner.summarize(verbose=False).failed == 0


def test_token_stream_of_one_seed_after_a_removal() -> None:
    """A text of exactly one seed's words carries the same hashes as a fresh one (found by Hypothesis)."""
    from textclean.repeats._spans import Tokens, span_candidates

    text = " ".join(["river"] * 6)
    toks = Tokens(text)
    span_candidates(toks, min_words=2, min_similarity=0.5)
    toks.locate()
    kept = text[len("river") :]
    fresh = Tokens(kept)
    span_candidates(fresh, min_words=2, min_similarity=0.5)
    carried = toks.without([(0, len("river"))], kept)
    assert carried.low == fresh.low
    assert carried.hashes == fresh.hashes
