"""Corpus deduplication: exact and near-duplicate clusters, the record kept, save and resume."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")

from tests.dedup_corpus import article, corpus, edit, truncate, with_chrome  # noqa: E402
from textclean.corpus import DedupConfig, Deduplicator  # noqa: E402
from textclean.corpus.dedup import FORMAT_VERSION, bucket_pairs, containment  # noqa: E402


def _clusters(dd: Deduplicator) -> set[frozenset[str]]:
    return {frozenset(c.ids) for c in dd.clusters()}


def _dedup(records: list[tuple[str, str]], **options: object) -> Deduplicator:
    dd = Deduplicator(**options)  # type: ignore[arg-type]
    dd.add_many(records)
    return dd


@pytest.mark.parametrize("seed", range(4))
def test_known_clusters_are_found(seed: int) -> None:
    records, truth = corpus(seed)
    assert _clusters(_dedup(records)) == {frozenset(c) for c in truth}


def test_truncated_copy_joins_but_short_excerpt_does_not() -> None:
    base = article(random.Random(1), 300)
    dd = _dedup([("full", base), ("85", truncate(base, 0.85)), ("30", truncate(base, 0.3))])
    assert _clusters(dd) == {frozenset({"full", "85"})}


def test_chrome_and_edits_join() -> None:
    rng = random.Random(2)
    base = article(rng, 250)
    dd = _dedup([("a", base), ("chrome", with_chrome(base)), ("edited", edit(base, rng, 0.03))])
    assert _clusters(dd) == {frozenset({"a", "chrome", "edited"})}


def test_unrelated_documents_stay_apart() -> None:
    rng = random.Random(3)
    assert _dedup([(str(i), article(rng, 150)) for i in range(30)]).clusters() == []


def test_exact_duplicates_up_to_case_spacing_and_punctuation() -> None:
    dd = _dedup([("a", "Short note, really."), ("b", "short   NOTE really!"), ("c", "A short note")])
    (cluster,) = dd.clusters()
    assert cluster.ids == ("a", "b") and cluster.similarity == 1.0


def test_short_documents_match_only_exactly() -> None:
    text = " ".join(f"w{i}" for i in range(15))
    dd = _dedup([("a", text), ("b", text + " extra")], min_words=20)
    assert dd.clusters() == []
    dd = _dedup([("a", text), ("b", text + " extra")], min_words=5, threshold=0.5, min_jaccard=0.5)
    assert _clusters(dd) == {frozenset({"a", "b"})}


def test_kept_is_longest_then_first_added() -> None:
    base = article(random.Random(4), 200)
    dd = _dedup([("t", truncate(base, 0.9)), ("full", base), ("copy", base)])
    (cluster,) = dd.clusters()
    assert cluster.kept == "full"
    assert dd.duplicates() == {"t": "full", "copy": "full"}
    assert list(dd.kept_ids()) == ["full"]
    assert 0.99 <= cluster.similarity <= 1.0  # the truncated copy is wholly inside the kept record


def test_kept_holds_the_most_shared_text_not_the_most_chrome() -> None:
    rng = random.Random(6)
    base = article(rng, 200)
    chrome = "Menu Home World Sport Business Weather Live " * 6
    # a cut copy with a long header is the longest record, but it lacks text that two other copies share
    records = [("cut", chrome + truncate(base, 0.85)), ("full", base), ("cut90", truncate(base, 0.9))]
    dd = _dedup(records)
    (cluster,) = dd.clusters()
    assert len(" ".join(records[0][1].split())) > len(base)
    assert cluster.kept == "full"


def test_similarity_reports_the_weakest_member() -> None:
    rng = random.Random(5)
    base = article(rng, 300)
    dd = _dedup([("a", base), ("e", edit(base, rng, 0.03))])
    (cluster,) = dd.clusters()
    assert 0.75 <= cluster.similarity < 1.0


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.randoms(use_true_random=False))
def test_clusters_do_not_depend_on_order(seed: int, rnd: random.Random) -> None:
    records, _ = corpus(seed, n_bases=6)
    shuffled = list(records)
    rnd.shuffle(shuffled)
    assert _clusters(_dedup(records)) == _clusters(_dedup(shuffled))


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10_000), st.floats(0, 1))
def test_save_load_resume_equals_one_run(tmp_path_factory: pytest.TempPathFactory, seed: int, cut: float) -> None:
    records, _ = corpus(seed, n_bases=6)
    k = int(len(records) * cut)
    first = _dedup(records[:k])
    first.clusters()  # a resumed state may already have joined some rows
    path = tmp_path_factory.mktemp("state") / "state.npz"
    first.save(path)
    resumed = Deduplicator.load(path)
    assert len(resumed) == k
    for doc_id, text in records[k:]:
        resumed.add(doc_id, text)
    whole = _dedup(records)
    assert resumed.clusters() == whole.clusters()
    assert resumed.config == whole.config


def test_clusters_can_be_asked_for_while_adding() -> None:
    records, _ = corpus(11)
    dd = Deduplicator()
    for i, (doc_id, text) in enumerate(records):
        dd.add(doc_id, text)
        if i % 7 == 0:
            dd.clusters()
    assert dd.clusters() == _dedup(records).clusters()


def test_state_format_is_versioned_and_checked(tmp_path: Path) -> None:
    dd = _dedup(corpus(1)[0], threshold=0.7)
    path = tmp_path / "s.npz"
    dd.save(path)
    archive = np.load(path, allow_pickle=False)
    meta = json.loads(bytes(archive["meta"]).decode())
    assert meta["format"] == "textclean-dedup" and meta["version"] == FORMAT_VERSION
    assert meta["config"]["threshold"] == 0.7
    assert Deduplicator.load(path).config.threshold == 0.7
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not an archive")
    with pytest.raises(ValueError, match="not a textclean deduplication state"):
        Deduplicator.load(bad)
    arrays = {k: archive[k] for k in archive.files}
    arrays["meta"] = np.frombuffer(json.dumps({**meta, "version": 99}).encode(), dtype=np.uint8)
    np.savez(tmp_path / "future.npz", **arrays)
    with pytest.raises(ValueError, match="version 99"):
        Deduplicator.load(tmp_path / "future.npz")


def test_bad_ids_and_texts_are_refused() -> None:
    dd = Deduplicator()
    dd.add("a", "text")
    with pytest.raises(ValueError, match="already added"):
        dd.add("a", "other")
    with pytest.raises(TypeError, match="ids must be str or int"):
        dd.add(("t",), "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not str"):
        dd.add("b", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="either a DedupConfig"):
        Deduplicator(DedupConfig(), threshold=0.5)
    with pytest.raises(ValueError, match="between 0 and 1"):
        DedupConfig(threshold=1.5)


def test_hostile_inputs_finish() -> None:
    sentence = "The same sentence is repeated again and again in this page. "
    dd = Deduplicator()
    dd.add("repeat", sentence * 16_000)
    dd.add("brackets", "[" * 1_000_000)
    dd.add("digits", "1234567890" * 100_000)
    dd.add("lines", "word\n" * 500_000)
    dd.add("repeat2", sentence * 15_000)
    assert _clusters(dd) == {frozenset({"repeat", "repeat2"})}


@given(st.lists(st.integers(0, 5), max_size=40), st.integers(1, 6))
@settings(max_examples=60, deadline=None)
def test_bucket_pairs_link_every_bucket(keys: list[int], window: int) -> None:
    pairs = bucket_pairs(np.array(keys, dtype=np.uint64), window=window)
    got = {(int(p) >> 32, int(p) & 0xFFFFFFFF) for p in pairs}
    for lo, hi in got:
        assert lo < hi and keys[lo] == keys[hi]
    # union of the pairs connects each bucket (a window of 1 already chains it)
    parent = list(range(len(keys)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for lo, hi in got:
        parent[find(hi)] = find(lo)
    for i in range(len(keys)):
        for j in range(i):
            assert (find(i) == find(j)) == (keys[i] == keys[j])


@given(st.sets(st.integers(0, 200)), st.sets(st.integers(0, 200)))
@settings(max_examples=100, deadline=None)
def test_containment_matches_sets(a: set[int], b: set[int]) -> None:
    arr = lambda s: np.array(sorted(s), dtype=np.uint32)  # noqa: E731
    cont, jac = containment(arr(a), arr(b))
    if a and b:
        inter = len(a & b)
        assert cont == pytest.approx(inter / min(len(a), len(b)))
        assert jac == pytest.approx(inter / len(a | b))
    else:
        assert (cont, jac) == (0.0, 0.0)
