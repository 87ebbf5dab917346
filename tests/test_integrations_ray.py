"""Ray Data adapter, on a local two-CPU Ray: same cleaning and same clusters as the local path."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")
pytest.importorskip("numpy")

import textclean  # noqa: E402
from tests.dedup_corpus import corpus  # noqa: E402
from textclean.corpus import Deduplicator  # noqa: E402
from textclean.corpus.dedup import fingerprint  # noqa: E402
from textclean.integrations.ray import clean_dataset, dedup_dataset  # noqa: E402

pytestmark = pytest.mark.ray


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    yield
    ray.shutdown()


def test_clean_dataset_is_byte_identical() -> None:
    texts = ["Hello   \n\n\n\nworld", "caf\u00c3\u00a9  \n", "", "Привет,   мир\n\n\n", "\u200bzero width \r\n"] * 4
    rows = [{"id": i, "text": t} for i, t in enumerate(texts)] + [{"id": 99, "text": None}]
    ds = ray.data.from_items(rows, override_num_blocks=3)
    out = sorted(clean_dataset(ds, batch_size=4).take_all(), key=lambda r: r["id"])
    pipe = textclean.default_pipeline()
    assert [r["text"] for r in out[:-1]] == [pipe(t).text for t in texts]
    assert [json.loads(r["text_edits"]) for r in out[:-1]] == [[e.to_dict() for e in pipe(t).edits] for t in texts]
    assert out[-1]["text"] is None and out[-1]["text_error"] == "ValueError: missing text"
    assert len(out) == len(rows)


def test_dedup_dataset_matches_local_clusters() -> None:
    records, truth = corpus(21, n_bases=10)
    missing = [{"id": "none1", "text": None}, {"id": "none2", "text": None}]  # never duplicates, always kept
    ds = ray.data.from_items([{"id": i, "text": t} for i, t in records] + missing, override_num_blocks=2)
    out = dedup_dataset(ds, num_partitions=2).take_all()
    assert len(out) == len(records) + 2
    assert all(r["dup_keep"] and r["dup_cluster"] is None for r in out if r["text"] is None)
    out = [r for r in out if r["text"] is not None]
    groups: dict[str, set[str]] = {}
    for row in out:
        if row["dup_cluster"] is not None:
            groups.setdefault(json.loads(row["dup_cluster"]), set()).add(row["id"])
    assert {frozenset(g) for g in groups.values()} == {frozenset(c) for c in truth}
    local = Deduplicator()
    for doc_id, text in records:
        local.add(doc_id, text)
    assert {frozenset(c.ids) for c in local.clusters()} == set(map(frozenset, groups.values()))
    local_kept = local.duplicates()
    text = dict(records)
    for kept, members in groups.items():
        assert kept in members
        keep = [r["id"] for r in out if r["id"] in members and r["dup_keep"]]
        assert keep == [kept]
        # the same record as locally, or (a tie) an exact copy of it
        mine = next(local_kept[m] for m in members if m in local_kept)
        assert fingerprint(text[kept]).exact == fingerprint(text[mine]).exact
    assert sum(r["dup_keep"] for r in out) == len(records) - sum(len(c) - 1 for c in truth)
