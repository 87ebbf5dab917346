"""The strategies of textclean.testing: shapes, invariants, variety and shrinking."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from textclean.passes.structure import tidy_whitespace
from textclean.pipeline import dominant_script
from textclean.testing import (
    ALL_KINDS,
    Artifact,
    ArtifactKind,
    DateSample,
    ScrapedDocument,
    reference_clean,
    samples,
    strategies,
)
from textclean.testing._grammar import language_data
from textclean.testing._hypothesis_setup import _hypothesis_setup_hook as setup_hook

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIND = settings(
    max_examples=1000, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


def test_public_names() -> None:
    assert set(strategies.__all__) == {
        "ArtifactKind",
        "articles",
        "artifacts",
        "dates",
        "repeated_passages",
        "scraped_documents",
    }
    for name in strategies.__all__:
        assert getattr(strategies, name) is not None
    assert len(ALL_KINDS) >= 10


# -- scraped documents -------------------------------------------------------------


@FAST
@given(strategies.scraped_documents())
def test_document_spans_and_clean_are_consistent(doc: ScrapedDocument) -> None:
    assert doc.artifacts
    last = 0
    for art in doc.artifacts:
        assert doc.noisy[art.start : art.end] == art.text
        assert art.start >= last
        last = art.end
        # line level: an artifact starts and ends on line boundaries
        assert art.start == 0 or doc.noisy[art.start - 1] == "\n"
        assert art.end == len(doc.noisy) or doc.noisy[art.end] == "\n"
    assert doc.clean == "\n\n".join(doc.paragraphs)
    assert reference_clean(doc.noisy, [a.span for a in doc.artifacts]) == doc.clean


@FAST
@given(strategies.scraped_documents())
def test_clean_is_in_normal_form(doc: ScrapedDocument) -> None:
    assert tidy_whitespace(doc.clean) == doc.clean
    assert "\n\n\n" not in doc.clean
    for para in doc.paragraphs:
        assert para and para.strip() == para and "\n\n" not in para
        assert para not in {a.text for a in doc.artifacts}


@FAST
@given(st.data())
def test_kinds_and_lang_are_honoured(data: st.DataObject) -> None:
    kinds = data.draw(st.lists(st.sampled_from(ALL_KINDS), min_size=1, max_size=3, unique=True))
    lang = data.draw(st.sampled_from(["en", "ru"]))
    doc = data.draw(strategies.scraped_documents(kinds=kinds, lang=lang))
    assert doc.kinds <= set(kinds)
    assert doc.lang == lang
    assert all(a.lang == lang for a in doc.artifacts)
    assert dominant_script(doc.clean) == ("cyrillic" if lang == "ru" else "latin")


def test_kinds_accept_strings() -> None:
    docs = samples.scraped_documents(20, kinds=["calendar", "read-also"])
    assert {k for d in docs for k in d.kinds} == {ArtifactKind.CALENDAR, ArtifactKind.READ_ALSO}


def test_metadata_only_at_the_top() -> None:
    for doc in samples.scraped_documents(60, kinds=["metadata"], seed=3):
        first_para = doc.noisy.find(doc.paragraphs[1] if len(doc.paragraphs) > 1 else doc.paragraphs[0])
        assert all(a.start < first_para for a in doc.artifacts)


def test_mixed_language_artifacts_appear_when_lang_is_open() -> None:
    docs = samples.scraped_documents(200, seed=5)
    assert any(a.lang != d.lang for d in docs for a in d.artifacts)
    assert all(a.lang == "ru" for d in samples.scraped_documents(50, seed=5, lang="ru") for a in d.artifacts)


@pytest.mark.parametrize(
    "call",
    [
        lambda: strategies.articles(lang="de"),
        lambda: strategies.artifacts(kinds=["banner"]),
        lambda: strategies.scraped_documents(kinds=[]),
        lambda: strategies.scraped_documents(max_artifacts=0),
        lambda: strategies.articles(min_paragraphs=3, max_paragraphs=2),
        lambda: strategies.dates(lang="fr"),
    ],
)
def test_bad_arguments_fail_early(call: object) -> None:
    with pytest.raises(InvalidArgument):
        call()  # type: ignore[operator]


# -- artifacts ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_kind_is_varied(kind: ArtifactKind, lang: str) -> None:
    arts = samples.artifacts(60, kinds=[kind], lang=lang, seed=kind.value)
    texts = Counter(a.text for a in arts)
    assert all(a.kind is kind and a.lang == lang for a in arts)
    assert len(texts) >= 12, texts.most_common(5)
    for text in texts:
        assert text and text.strip() == text
        assert all(line.rstrip() == line for line in text.split("\n"))  # calendars may indent


@FAST
@given(strategies.artifacts(lang="ru"))
def test_artifact_shape(art: Artifact) -> None:
    assert art.lang == "ru" and art.kind in ALL_KINDS and art.text.strip()


def test_calendar_rows_are_real_months() -> None:
    for art in samples.artifacts(40, kinds="calendar", seed=9):
        numbers = [int(n) for n in re.findall(r"(?<![\d:])\b\d{1,2}\b(?![\d:])", art.text)]
        days = [n for n in numbers if n <= 31]
        assert days[:3] == [1, 2, 3], art.text
        assert days[-1] in (28, 29, 30, 31) or days.count(1) == 1


# -- articles -----------------------------------------------------------------------------


@FAST
@given(strategies.articles())
def test_articles_are_clean_prose(text: str) -> None:
    assert tidy_whitespace(text) == text
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == len(set(paragraphs))
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p) if len(s) > 25]
    assert len(sentences) == len(set(sentences)), "generated prose repeats a sentence"


def test_prose_trips_naive_cleaners() -> None:
    texts = samples.articles(300, seed=11)
    lines = [line for t in texts for line in t.split("\n")]
    triggers = re.compile(
        r"^(Share|Photo|Advertisement|Comments|Views|Follow|Read|Subscrib|Sponsored|Related|Published|Tags|By )"
        r"|^(Подписаться|Реклама|Фото|Комментарии|Поделиться|Читайте|Просмотров|Календарь|Ошибку|Опубликовано|Автор)"
    )
    starts = sum(1 for line in lines if triggers.match(line))
    inside = sum(1 for t in texts if re.search(r"\b(comment|subscribe|share|подписа|коммент|реклам)", t, re.I))
    numbered = sum(1 for line in lines if re.match(r"^\d[.)] ", line))
    short = sum(1 for t in texts for p in t.split("\n\n") if "\n" not in p and len(p) < 50)
    quotes = sum(1 for t in texts if re.search(r"[«“\"]", t))
    mixed = sum(1 for t in texts if dominant_script(t) == "cyrillic" and re.search(r"\b[A-Z][a-z]+", t))
    mixed += sum(1 for t in texts if dominant_script(t) == "latin" and re.search(r"[А-Яа-я]{3}", t))
    dated = sum(1 for t in texts if re.search(r"\b(19|20)\d\d\b", t))
    assert starts >= 15 and inside >= 60 and numbered >= 20 and short >= 40
    assert quotes >= 60 and mixed >= 20 and dated >= 60


def test_generated_text_is_not_copied_from_seeds() -> None:
    from pathlib import Path

    seed_dir = Path(__file__).resolve().parent.parent / "seeds"
    seed_lines = {line.strip() for path in seed_dir.glob("*.txt") for line in path.read_text("utf-8").splitlines()} - {
        ""
    }
    produced = [line for d in samples.scraped_documents(300, seed=2) for line in d.noisy.split("\n")]
    copied = {line for line in produced if line in seed_lines and len(line) > 12}
    assert not copied


# -- dates ------------------------------------------------------------------------------------


@FAST
@given(strategies.dates())
def test_date_samples(sample: DateSample) -> None:
    expr = sample.expression
    assert expr and expr == sample.text[sample.start : sample.end]
    value = dt.datetime.fromisoformat(sample.value)
    assert str(value.year) in expr
    assert str(value.day) in expr or f"{value.day:02d}" in expr
    if "T" in sample.value:
        assert f"{value.minute:02d}" in expr
    weekdays = language_data(sample.lang).table("weekdays")
    named = [w for w in weekdays if w.lower() in expr.lower()]
    if named:
        assert named == [weekdays[value.weekday()]]


def test_dates_cover_many_formats() -> None:
    formats = Counter(s.format.split("+")[0] for s in samples.dates(400, seed=4))
    assert len(formats) >= 12


# -- repeated passages -----------------------------------------------------------------------------


@FAST
@given(strategies.repeated_passages())
def test_repeated_passages(rp: object) -> None:
    from textclean.testing import RepeatedPassages

    assert isinstance(rp, RepeatedPassages)
    assert rp.text[slice(*rp.first)] == rp.passage
    assert rp.repeats and all(rp.text[s:e] == rp.passage for s, e in rp.repeats)
    assert all(s >= rp.first[1] for s, _ in rp.repeats)
    assert rp.text.count(rp.passage) == 1 + len(rp.repeats)
    paragraphs = rp.text.split("\n\n")
    assert len(set(paragraphs)) == len(paragraphs) - len(rp.repeats)


# -- shrinking and samples ----------------------------------------------------------------------------


def test_shrinks_to_a_minimal_document() -> None:
    doc = find(strategies.scraped_documents(), lambda d: ArtifactKind.CALENDAR in d.kinds, settings=FIND)
    assert len(doc.artifacts) == 1 and len(doc.paragraphs) == 1
    assert len(doc.clean) < 60
    doc = find(strategies.scraped_documents(lang="ru"), lambda d: len(d.paragraphs) >= 2, settings=FIND)
    assert len(doc.paragraphs) == 2 and len(doc.artifacts) == 1


def test_shrinks_to_a_minimal_article() -> None:
    text = find(strategies.articles(lang="en"), lambda t: "“" in t, settings=FIND)
    assert len(text.split("\n\n")) <= 2 and len(text) < 80  # at most a headline and one paragraph


def test_samples_are_reproducible_and_prefix_stable() -> None:
    assert samples.scraped_documents(5, seed=7) == samples.scraped_documents(5, seed=7)
    assert samples.dates(10, seed="x")[:4] == samples.dates(4, seed="x")
    assert samples.articles(3, seed=1) != samples.articles(3, seed=2)
    with pytest.raises(ValueError, match="unknown language"):
        samples.articles(1, lang="de")


def test_hypothesis_hook_registers_types() -> None:
    setup_hook()
    seen: list[object] = []

    @settings(max_examples=3, deadline=None, database=None)
    @given(st.from_type(ScrapedDocument), st.from_type(DateSample))
    def check(doc: ScrapedDocument, sample: DateSample) -> None:
        seen.append((doc, sample))
        assert isinstance(doc, ScrapedDocument) and isinstance(sample, DateSample)

    check()
    assert seen
