"""Ray Data adapter: clean and deduplicate corpora larger than one machine.

Needs ``pip install 'textclean[ray]'``; Ray is imported when a function is
called, never at import time.  See ``docs/scaling.md``.

* :func:`clean_dataset` runs the same picklable pipeline in ``map_batches``:
  every record comes out exactly as ``pipeline(text).text``.
* :func:`dedup_dataset` computes fingerprints in ``map_batches``, groups the
  LSH band keys (and the exact hashes) with Ray's ``groupby``, verifies the
  candidate pairs after joining them with the shingle sets, finds the
  connected components on the driver (the verified edges are few: one per
  duplicate, roughly), picks the record kept per cluster in another
  ``groupby`` and joins the clusters back onto the records.
"""

from __future__ import annotations

import json
from typing import Any

from textclean.corpus.dedup import DedupConfig
from textclean.integrations._common import BatchCleaner, require
from textclean.pipeline import Pipeline

__all__ = ["clean_dataset", "dedup_dataset"]


def clean_dataset(ds: Any, field: str = "text", pipeline: Pipeline | None = None, *, batch_size: int = 256) -> Any:
    """Clean column ``field`` of a ``ray.data.Dataset`` (lazily, like every Ray Data transform).

    ``field`` gets ``pipeline(text).text`` (``textclean.default_pipeline()``
    when ``pipeline`` is None); ``{field}_edits`` holds the edits as a JSON
    string; ``{field}_error`` is the error of a record that could not be
    cleaned (passed through unchanged, never dropped).
    """
    require("ray.data", "ray")
    return ds.map_batches(BatchCleaner(pipeline, field), batch_size=batch_size, batch_format="numpy")


class _Fingerprints:
    """Per record: id, normalised length, exact hash, shingles and band keys."""

    def __init__(self, config: DedupConfig, field: str, id_field: str) -> None:
        self.config = config
        self.field = field
        self.id_field = id_field
        self.cache: dict[str, int] = {}
        self.perm: Any = None

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        from textclean.corpus.dedup import _permutations, band_keys, fingerprint

        if self.perm is None:
            self.perm = _permutations(self.config)
        for column in (self.field, self.id_field):
            if column not in batch:
                raise KeyError(f"no column {column!r} in the dataset (columns: {sorted(batch)})")
        ids: list[Any] = []
        lengths: list[int] = []
        exact: list[str] = []
        shingles: list[bytes] = []
        keys: list[list[int]] = []
        for doc_id, text in zip(batch[self.id_field].tolist(), batch[self.field].tolist(), strict=True):
            ids.append(doc_id)
            if not isinstance(text, str):  # no text: never a duplicate, always kept
                lengths.append(0)
                exact.append("")
                shingles.append(b"")
                keys.append([])
                continue
            fp = fingerprint(text, self.config, cache=self.cache, permutations=self.perm)
            lengths.append(fp.length)
            exact.append(fp.exact.hex())
            if fp.shingles is None or fp.signature is None:
                shingles.append(b"")
                keys.append([])
            else:
                shingles.append(fp.shingles.tobytes())
                keys.append(band_keys(fp.signature[None, :], self.config.bands, self.config.rows)[0].tolist())
        return {
            "id": np.array(ids),
            "length": np.array(lengths, dtype=np.int64),
            "exact": np.array(exact, dtype=object),
            "shingles": np.array(shingles, dtype=object),
            "keys": np.array(keys, dtype=object),
        }


def _buckets(batch: dict[str, Any]) -> dict[str, Any]:
    """One row per (record, band) and one per (record, exact hash)."""
    import numpy as np

    bucket, ids = [], []
    for doc_id, exact, keys in zip(batch["id"].tolist(), batch["exact"].tolist(), batch["keys"], strict=True):
        if exact:
            bucket.append(f"x{exact}")
            ids.append(doc_id)
        for band, key in enumerate(keys):
            bucket.append(f"{band}:{int(key):x}")
            ids.append(doc_id)
    return {"bucket": np.array(bucket), "id": np.array(ids)}


class _Pairs:
    """Candidate pairs of one bucket: each member with up to ``window`` earlier ones (by id)."""

    def __init__(self, window: int) -> None:
        self.window = window
        self.__name__ = "bucket_pairs"  # Ray names the operator after it

    def __call__(self, group: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        members = sorted(set(group["id"].tolist()), key=lambda d: _order((d, 0)))
        exact = str(group["bucket"][0]).startswith("x")
        a, b = [], []
        for i, doc_id in enumerate(members):
            # in an exact-hash bucket every member is a copy of the first
            first = max(0, i - self.window) if not exact else 0
            others = members[first:i] if not exact or i == 0 else members[:1]
            for other in others:
                a.append(other)
                b.append(doc_id)
        return {"a": np.array(a), "b": np.array(b), "exact": np.full(len(a), exact, dtype=bool)}


def _order(member: tuple[Any, int]) -> tuple[int, int, str]:
    """Sort key of an id: integers numerically, before strings."""
    doc_id = member[0]
    return (0, doc_id, "") if isinstance(doc_id, int) else (1, 0, str(doc_id))


_COLUMNS = ("key", "a", "b", "exact", "sa", "sb", "shingles", "doc")


def _doc_rows(batch: dict[str, Any]) -> dict[str, Any]:
    import numpy as np

    n = len(batch["id"])
    empty = np.array([b""] * n, dtype=object)
    ids = batch["id"]
    return {
        "key": ids,
        "a": ids,
        "b": ids,
        "exact": np.zeros(n, dtype=bool),
        "sa": empty,
        "sb": empty,
        "shingles": batch["shingles"],
        "doc": np.ones(n, dtype=bool),
    }


def _pair_rows(batch: dict[str, Any]) -> dict[str, Any]:
    import numpy as np

    n = len(batch["a"])
    empty = np.array([b""] * n, dtype=object)
    return {
        "key": batch["a"],
        "a": batch["a"],
        "b": batch["b"],
        "exact": batch["exact"].astype(bool),
        "sa": empty,
        "sb": empty,
        "shingles": empty,
        "doc": np.zeros(n, dtype=bool),
    }


class _Key:
    """Key pair rows by one side."""

    def __init__(self, side: str) -> None:
        self.side = side

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        out = dict(batch)
        out["key"] = batch[self.side]
        return out


class _Attach:
    """In a group of one record and its pairs, copy the record's shingles into the pairs' ``s{side}``."""

    def __init__(self, side: str) -> None:
        self.side = side
        self.__name__ = f"attach_{side}"

    def __call__(self, group: dict[str, Any]) -> dict[str, Any]:
        doc = group["doc"].astype(bool)
        pairs = ~doc
        out = {k: group[k][pairs] for k in _COLUMNS}
        if doc.any():
            out["s" + self.side][:] = group["shingles"][doc][0]
        return out


class _Verify:
    def __init__(self, config: DedupConfig) -> None:
        self.config = config

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        from textclean.corpus.dedup import containment

        keep = []
        for exact, sa, sb in zip(batch["exact"].tolist(), batch["sa"], batch["sb"], strict=True):
            if exact:
                keep.append(True)
                continue
            if not sa or not sb:
                keep.append(False)
                continue
            cont, jac = containment(np.frombuffer(sa, dtype=np.uint32), np.frombuffer(sb, dtype=np.uint32))
            keep.append(cont >= self.config.threshold and jac >= self.config.min_jaccard)
        mask = np.array(keep, dtype=bool)
        return {k: batch[k][mask] for k in ("a", "b")}


class _Assign:
    """Join the clusters back: ``dup_cluster`` and ``dup_keep`` columns (or only the kept rows)."""

    def __init__(self, mapping: dict[Any, Any], id_field: str, *, drop: bool) -> None:
        self.mapping = mapping
        self.id_field = id_field
        self.drop = drop

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        out = dict(batch)
        kept_of = [self.mapping.get(doc_id) for doc_id in batch[self.id_field].tolist()]
        out["dup_cluster"] = np.array([json.dumps(k) if k is not None else None for k in kept_of], dtype=object)
        out["dup_keep"] = np.array(
            [k is None or k == doc_id for k, doc_id in zip(kept_of, batch[self.id_field].tolist(), strict=True)],
            dtype=bool,
        )
        if self.drop:
            keep = out["dup_keep"]
            return {k: v[keep] for k, v in out.items()}
        return out


def dedup_dataset(
    ds: Any,
    field: str = "text",
    *,
    id_field: str = "id",
    config: DedupConfig | None = None,
    drop: bool = False,
    num_partitions: int | None = None,
) -> Any:
    """Find exact and near-duplicate records of a ``ray.data.Dataset``.

    Records need a unique ``id_field`` (``ds.add_column`` can make one).  The
    result has two more columns: ``dup_cluster`` (the JSON-encoded id of the
    record kept for the record's cluster, ``None`` for a unique record) and
    ``dup_keep`` (False for a record to drop).  ``drop=True`` returns only
    the records kept.  The comparison is that of
    :class:`textclean.corpus.Deduplicator` with the same ``config``; the
    record kept is the longest, ties going to the smallest id.

    The candidate pairs and the verification are distributed; the verified
    edges are collected on the driver for the connected components.
    """
    require("ray.data", "ray")
    config = config or DedupConfig()
    shuffle = {"num_partitions": num_partitions} if num_partitions is not None else {}
    fps = ds.map_batches(_Fingerprints(config, field, id_field), batch_format="numpy").materialize()
    pairs = (
        fps.map_batches(_buckets, batch_format="numpy")
        .groupby("bucket", **shuffle)
        .map_groups(_Pairs(config.max_bucket_pairs), batch_format="numpy")
    )
    # one row per pair; "exact" wins if the pair also shares an exact hash
    unique = pairs.groupby(["a", "b"], **shuffle).max("exact").rename_columns({"max(exact)": "exact"})
    # a reduce-side join on Ray's groupby: attach each record's shingles to its pairs, first as a, then as b
    docs = fps.map_batches(_doc_rows, batch_format="numpy")
    joined = unique.map_batches(_pair_rows, batch_format="numpy")
    for side in ("a", "b"):
        joined = (
            joined.map_batches(_Key(side), batch_format="numpy")
            .union(docs)
            .groupby("key", **shuffle)
            .map_groups(_Attach(side), batch_format="numpy")
        )
    edges = joined.map_batches(_Verify(config), batch_format="numpy").take_all()
    roots = _components(edges)
    # the most complete record of each cluster, chosen where the shingle sets are (as Deduplicator does)
    mapping: dict[Any, Any] = {}
    if roots:
        chosen = (
            fps.map_batches(_Members(roots), batch_format="numpy")
            .groupby("cluster", **shuffle)
            .map_groups(_choose_kept, batch_format="numpy")
            .take_all()
        )
        kept_of = {_plain(r["cluster"]): _plain(r["kept"]) for r in chosen}
        mapping = {doc_id: kept_of[json.dumps(root)] for doc_id, root in roots.items()}
    return ds.map_batches(_Assign(mapping, id_field, drop=drop), batch_format="numpy")


def _components(edges: list[dict[str, Any]]) -> dict[Any, Any]:
    """``{id: root id}`` for every record in a cluster of two or more (union-find on the driver)."""
    parent: dict[Any, Any] = {}

    def find(x: Any) -> Any:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for edge in edges:
        a, b = _plain(edge["a"]), _plain(edge["b"])
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    return {doc_id: find(doc_id) for doc_id in parent}


class _Members:
    """Keep the fingerprints of clustered records, tagged with their cluster (JSON of the root id)."""

    def __init__(self, roots: dict[Any, Any]) -> None:
        self.roots = {doc_id: json.dumps(root) for doc_id, root in roots.items()}

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        ids = batch["id"].tolist()
        mask = np.array([doc_id in self.roots for doc_id in ids], dtype=bool)
        return {
            "cluster": np.array([self.roots[d] for d, m in zip(ids, mask, strict=True) if m], dtype=object),
            "id": batch["id"][mask],
            "length": batch["length"][mask],
            "shingles": batch["shingles"][mask],
        }


def _choose_kept(group: dict[str, Any]) -> dict[str, Any]:
    """The record holding the most shared shingles, then the longest, then the smallest id."""
    import numpy as np

    from textclean.corpus.dedup import support

    ids = [_plain(x) for x in group["id"].tolist()]
    sets = [np.frombuffer(s, dtype=np.uint32) for s in group["shingles"]]
    scores = support(sets) if all(len(x) for x in sets) else [0] * len(ids)
    lengths = group["length"].tolist()
    order = sorted(range(len(ids)), key=lambda i: _order((ids[i], 0)))
    best = max(order, key=lambda i: (scores[i], lengths[i]))  # max keeps the first among equals
    return {"cluster": group["cluster"][:1], "kept": np.array([ids[best]], dtype=object)}


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value
