"""Exact and near-duplicate documents in a corpus.

A :class:`Deduplicator` is an explicit object the caller owns: feed it
``add(id, text)`` and ask for :meth:`~Deduplicator.clusters` at any time.
Nothing is kept at module level, so two deduplicators never see each other.

How a document is compared:

1. **Normalise**: NFKC, case-fold, keep the word tokens (``\\w+``).  Two
   records with the same token sequence are *exact* duplicates (a 128-bit
   BLAKE2 hash of the tokens; no text is kept).
2. **Shingle**: every run of ``shingle_size`` consecutive words is hashed to
   32 bits; a document is the *set* of its shingle hashes.
3. **MinHash + LSH**: ``bands * rows`` min-wise hashes (multiply-shift
   permutations, vectorised with numpy) summarise the set; documents that
   agree on all ``rows`` values of any band become *candidates*.
4. **Verify** every candidate pair on the stored shingle sets: the pair is a
   duplicate when the shingle *containment* ``|A∩B| / min(|A|, |B|)`` reaches
   ``threshold`` (so a truncated copy, or one with a header and footer, still
   joins) and the Jaccard similarity ``|A∩B| / |A∪B|`` reaches ``min_jaccard``
   (so a short excerpt or a boilerplate-only page does not join a long
   article merely by being contained in it).
5. Verified pairs are joined with a union-find: a cluster is a connected
   group.  The record kept is the most complete one: the one holding the
   most of the cluster's shared shingles (those found in another member too,
   see :func:`support`), then the longest normalised text, then the first
   added.

>>> dd = Deduplicator()
>>> story = " ".join(f"word{i} appears in sentence {i // 7} of the story" for i in range(60))
>>> dd.add("a", story)
>>> dd.add("b", "BREAKING NEWS\\n" + story[: int(len(story) * 0.85)])
>>> dd.add("c", "An unrelated text " * 20)
>>> [(c.ids, c.kept) for c in dd.clusters()]
[(('a', 'b'), 'a')]
>>> dd.duplicates()
{'b': 'a'}
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

import attrs

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    U32 = npt.NDArray[np.uint32]
    U64 = npt.NDArray[np.uint64]
    I64 = npt.NDArray[np.int64]

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "Cluster",
    "DedupConfig",
    "Deduplicator",
    "Fingerprint",
    "containment",
    "fingerprint",
    "normalise_tokens",
    "support",
]

FORMAT: Final = "textclean-dedup"
FORMAT_VERSION: Final = 1

_TOKEN = re.compile(r"\w+")
_MIX1: Final = 0xBF58476D1CE4E5B9
_MIX2: Final = 0x94D049BB133111EB
_CHUNK: Final = 4096  # shingles per block when computing a signature: bounds memory on huge documents
_WORD_CACHE_LIMIT: Final = 1 << 20


def _numpy() -> Any:
    try:
        import numpy
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("textclean.corpus needs numpy for deduplication: pip install 'textclean[dedup]'") from exc
    return numpy


def _positive(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be at least 1, got {value}")


def _unit(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be between 0 and 1, got {value}")


@attrs.frozen(kw_only=True)
class DedupConfig:
    """How documents are compared; saved with the state, so a resumed run compares alike.

    * ``shingle_size``: words per shingle (4: a 3 % word edit rate still leaves
      about 88 % of the shingles intact, while unrelated news stories share
      almost none).
    * ``bands`` x ``rows``: the LSH banding over ``bands * rows`` min-hashes.
      40 x 3 makes a pair with Jaccard 0.5 a candidate with probability
      0.995 and one with Jaccard 0.2 with probability 0.28 (candidates are
      verified, so false candidates cost only time).
    * ``threshold``: minimum shingle containment of the smaller set in the larger.
    * ``min_jaccard``: minimum Jaccard similarity (guards against excerpts).
    * ``min_words``: shorter documents are only matched exactly.
    * ``max_bucket_pairs``: in an LSH bucket, each document is compared with at
      most this many earlier members (bounds the work when many documents
      share a band, e.g. pages that are mostly the same site chrome).
    * ``seed``: seeds the MinHash permutations.
    """

    shingle_size: int = attrs.field(default=4, validator=_positive)
    bands: int = attrs.field(default=40, validator=_positive)
    rows: int = attrs.field(default=3, validator=_positive)
    threshold: float = attrs.field(default=0.75, validator=_unit)
    min_jaccard: float = attrs.field(default=0.5, validator=_unit)
    min_words: int = attrs.field(default=20, validator=attrs.validators.ge(0))
    max_bucket_pairs: int = attrs.field(default=32, validator=_positive)
    seed: int = attrs.field(default=1, validator=attrs.validators.ge(0))

    @property
    def num_perm(self) -> int:
        """Length of a signature: ``bands * rows``."""
        return self.bands * self.rows

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the ``config`` of a saved state)."""
        return attrs.asdict(self)


@attrs.frozen
class Cluster:
    """A group of two or more near-duplicate records.

    ``ids`` are in the order they were added; ``kept`` is the most complete
    record; ``similarity`` is the smallest fraction of a dropped record's
    shingles found in the kept one (1.0 when every record is an exact copy).
    """

    ids: tuple[Any, ...]
    kept: Any
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        """``{"ids": [...], "kept": id, "similarity": s}``."""
        return {"ids": list(self.ids), "kept": self.kept, "similarity": self.similarity}


@attrs.frozen(eq=False)
class Fingerprint:
    """What a document contributes to deduplication.

    ``exact`` is the 128-bit hash of the normalised tokens, ``length`` the
    length of the normalised text, ``shingles`` the sorted unique 32-bit
    shingle hashes and ``signature`` the MinHash signature; the last two are
    ``None`` for documents shorter than ``min_words`` words.
    """

    exact: bytes
    length: int
    words: int
    shingles: U32 | None
    signature: U32 | None


def normalise_tokens(text: str) -> list[str]:
    """The word tokens compared: NFKC, case-folded, punctuation and spacing dropped.

    >>> normalise_tokens("The  QUICK\\u00a0brown-fox, 2024!")
    ['the', 'quick', 'brown', 'fox', '2024']
    >>> normalise_tokens("Ёлка   ЗЕЛЁНАЯ")
    ['ёлка', 'зелёная']
    """
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def _permutations(config: DedupConfig) -> tuple[U64, U64]:
    np = _numpy()
    rng = np.random.default_rng(config.seed)
    a = rng.integers(1, 1 << 63, size=config.num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=config.num_perm, dtype=np.uint64)
    return a, b


def _mix(x: U64) -> U64:
    """The splitmix64 finaliser, vectorised (uint64 arithmetic wraps)."""
    np = _numpy()
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(_MIX1)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(_MIX2)
    out: U64 = x ^ (x >> np.uint64(31))
    return out


def _shingles(tokens: list[str], size: int, cache: dict[str, int]) -> U32:
    np = _numpy()
    try:
        hashes = list(map(cache.__getitem__, tokens))
    except KeyError:
        if len(cache) > _WORD_CACHE_LIMIT:
            cache.clear()
        for word in set(tokens).difference(cache):
            cache[word] = _word_hash(word)
        hashes = list(map(cache.__getitem__, tokens))
    words = np.array(hashes, dtype=np.uint64)
    span = min(size, len(words))
    count = len(words) - span + 1
    acc = words[:count].copy()
    for i in range(1, span):  # an order-sensitive polynomial over the word hashes, mixed once
        acc *= np.uint64(_MIX1)
        acc += words[i : i + count]
    hashed: U32 = np.unique((_mix(acc) >> np.uint64(32)).astype(np.uint32))
    return hashed


def _signature(shingles: U32, a: U64, b: U64) -> U32:
    np = _numpy()
    values = shingles.astype(np.uint64)
    sig = np.full(len(a), np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(values), _CHUNK):
        block = values[start : start + _CHUNK]
        hashed = a[:, None] * block[None, :] + b[:, None]
        np.minimum(sig, hashed.min(axis=1), out=sig)
    out: U32 = (sig >> np.uint64(32)).astype(np.uint32)
    return out


def fingerprint(
    text: str,
    config: DedupConfig | None = None,
    *,
    cache: dict[str, int] | None = None,
    permutations: tuple[U64, U64] | None = None,
) -> Fingerprint:
    """Compute the :class:`Fingerprint` of one text (pure: same text and config, same result).

    ``cache`` (word -> hash) and ``permutations`` only save time across calls.

    >>> fp = fingerprint("one two three four five six", DedupConfig(min_words=3))
    >>> fp.words, fp.length, len(fp.shingles), len(fp.signature)
    (6, 27, 3, 120)
    >>> fingerprint("Hello, world") .exact == fingerprint("hello WORLD!").exact
    True
    """
    config = config or DedupConfig()
    tokens = normalise_tokens(text)
    joined = " ".join(tokens)
    exact = hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    if len(tokens) < max(config.min_words, 1):
        return Fingerprint(exact, len(joined), len(tokens), None, None)
    shingles = _shingles(tokens, config.shingle_size, {} if cache is None else cache)
    a, b = permutations if permutations is not None else _permutations(config)
    return Fingerprint(exact, len(joined), len(tokens), shingles, _signature(shingles, a, b))


def containment(a: U32, b: U32) -> tuple[float, float]:
    """``(containment, jaccard)`` of two sorted unique hash arrays.

    >>> import numpy as np
    >>> containment(np.array([1, 2, 3, 4], dtype=np.uint32), np.array([2, 3, 4, 5, 6, 7], dtype=np.uint32))
    (0.75, 0.42857142857142855)
    """
    np = _numpy()
    if len(a) == 0 or len(b) == 0:
        return 0.0, 0.0
    if len(a) > len(b):
        a, b = b, a
    idx = np.searchsorted(b, a)
    idx[idx == len(b)] = 0
    inter = int(np.count_nonzero(b[idx] == a))
    return inter / len(a), inter / (len(a) + len(b) - inter)


def _covered(mine: U32, other: U32) -> float:
    """Fraction of ``mine`` found in ``other`` (both sorted unique)."""
    np = _numpy()
    if len(mine) == 0:
        return 1.0
    if len(other) == 0:
        return 0.0
    idx = np.searchsorted(other, mine)
    idx[idx == len(other)] = 0
    return int(np.count_nonzero(other[idx] == mine)) / len(mine)


def support(sets: list[U32]) -> list[int]:
    """For each set, how many of its elements appear in at least one other set of the list.

    The record of a cluster that holds the most of this shared text is the
    most complete: a truncated copy lacks some of it, while the words of a
    header or footer that only one copy has do not count.

    >>> import numpy as np
    >>> full, cut, chrome = (np.array(x, dtype=np.uint32) for x in ([1, 2, 3, 4], [1, 2, 3], [1, 2, 3, 4, 8, 9]))
    >>> support([full, cut, chrome])
    [4, 3, 4]
    """
    np = _numpy()
    if not sets:
        return []
    flat = np.concatenate(sets)
    _, inverse, counts = np.unique(flat, return_inverse=True, return_counts=True)
    shared = (counts[inverse] > 1).astype(np.int64)
    bounds = np.concatenate(([0], np.cumsum([len(x) for x in sets])))
    sums = np.add.reduceat(shared, bounds[:-1]) if len(flat) else np.zeros(len(sets), dtype=np.int64)
    return [int(v) if len(sets[i]) else 0 for i, v in enumerate(sums.tolist())]


def band_keys(signatures: U32, bands: int, rows: int) -> U64:
    """One 64-bit key per band and document: shape ``(n, bands)``.

    >>> import numpy as np
    >>> sig = np.arange(12, dtype=np.uint32).reshape(2, 6)
    >>> band_keys(sig, 2, 3).shape
    (2, 2)
    """
    np = _numpy()
    n = signatures.shape[0]
    shaped = signatures[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    acc = np.zeros((n, bands), dtype=np.uint64)
    for r in range(rows):
        acc = _mix(acc ^ shaped[:, :, r])
    keys: U64 = acc
    return keys


def bucket_pairs(keys: U64, *, window: int, first_new: int = 0) -> U64:
    """Candidate pairs from one band: members of a bucket, each with up to ``window`` earlier members.

    Pairs come as ``lo << 32 | hi`` (``lo < hi``, row numbers); only pairs
    whose ``hi`` is at least ``first_new`` are returned.

    >>> import numpy as np
    >>> pairs = bucket_pairs(np.array([7, 5, 7, 7], dtype=np.uint64), window=8)
    >>> sorted((int(p) >> 32, int(p) & 0xFFFFFFFF) for p in pairs)
    [(0, 2), (0, 3), (2, 3)]
    """
    np = _numpy()
    none: U64 = np.zeros(0, dtype=np.uint64)
    n = len(keys)
    if n < 2:
        return none
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    same = sorted_keys[1:] == sorted_keys[:-1]
    if not same.any():
        return none
    group = np.concatenate(([0], np.cumsum(~same)))
    out = []
    for d in range(1, window + 1):
        hit = group[d:] == group[:-d]
        if not hit.any():
            break
        pos = np.flatnonzero(hit)
        lo = order[pos].astype(np.uint64)
        hi = order[pos + d].astype(np.uint64)
        if first_new:
            keep = hi >= np.uint64(first_new)
            lo, hi = lo[keep], hi[keep]
        out.append((lo << np.uint64(32)) | hi)
    pairs: U64 = np.concatenate(out) if out else np.zeros(0, dtype=np.uint64)
    return pairs


class Deduplicator:
    """Finds exact and near-duplicate records among everything added to it.

    ``ids`` may be strings or integers (they are saved as JSON) and must be
    unique.  Adding is cheap and streaming; candidate pairs are found and
    verified in one batch, lazily, when :meth:`clusters` (or
    :meth:`duplicates`) is called, and only for records added since the last
    call.  Memory grows linearly: about ``4 * bands * rows`` bytes of
    signature plus 4 bytes per word of each distinct document.
    """

    def __init__(self, config: DedupConfig | None = None, **options: Any) -> None:
        if config is not None and options:
            raise TypeError("pass either a DedupConfig or keyword options, not both")
        self.config: DedupConfig = config or DedupConfig(**options)
        np = _numpy()
        self._np = np
        self._perm = _permutations(self.config)
        self._cache: dict[str, int] = {}
        self._ids: list[Any] = []
        self._index: dict[Any, int] = {}
        self._lengths: list[int] = []
        self._parent: list[int] = []
        self._exact: dict[bytes, int] = {}
        self._rep: list[int] = []  # the first record with the same normalised text
        # rows: documents that take part in near-duplicate search (distinct, long enough)
        self._row_doc: list[int] = []
        self._shingles: list[U32] = []
        self._sig_done: U32 = np.zeros((0, self.config.num_perm), dtype=np.uint32)
        self._sig_new: list[U32] = []
        self._joined_rows = 0

    # -- adding -------------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._ids)

    def __repr__(self) -> str:
        return f"Deduplicator({len(self._ids)} records, {len(self._row_doc)} compared; {self.config!r})"

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._index

    def add(self, doc_id: Any, text: str) -> None:
        """Add one record.  Raises ``ValueError`` on a repeated id, ``TypeError`` on a bad id or text."""
        if not isinstance(text, str):
            raise TypeError(f"text of {doc_id!r} is {type(text).__name__}, not str")
        fp = fingerprint(text, self.config, cache=self._cache, permutations=self._perm)
        self.add_fingerprint(doc_id, fp)

    def add_many(self, records: Iterable[tuple[Any, str]]) -> None:
        """``add`` each ``(id, text)`` pair."""
        for doc_id, text in records:
            self.add(doc_id, text)

    def add_fingerprint(self, doc_id: Any, fp: Fingerprint) -> None:
        """Add a record whose :func:`fingerprint` was computed elsewhere (e.g. in worker processes)."""
        if isinstance(doc_id, bool) or not isinstance(doc_id, str | int):
            raise TypeError(f"ids must be str or int, got {type(doc_id).__name__}: {doc_id!r}")
        if doc_id in self._index:
            raise ValueError(f"id {doc_id!r} was already added")
        if fp.signature is not None and len(fp.signature) != self.config.num_perm:
            raise ValueError(
                f"fingerprint of {doc_id!r} has {len(fp.signature)} hashes, expected {self.config.num_perm}"
            )
        doc = len(self._ids)
        self._ids.append(doc_id)
        self._index[doc_id] = doc
        self._lengths.append(fp.length)
        self._parent.append(doc)
        first = self._exact.setdefault(fp.exact, doc)
        self._rep.append(first)
        if first != doc:
            self._union(first, doc)
            return
        if fp.shingles is None or fp.signature is None:
            return
        self._row_doc.append(doc)
        self._shingles.append(fp.shingles)
        self._sig_new.append(fp.signature)

    # -- union-find ---------------------------------------------------------------------------------------------

    def _find(self, x: int) -> int:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self._parent[rb] = ra

    # -- near-duplicate search ----------------------------------------------------------------------------------

    def _signatures(self) -> U32:
        if self._sig_new:
            np = self._np
            self._sig_done = np.concatenate([self._sig_done, np.stack(self._sig_new)])
            self._sig_new = []
        return self._sig_done

    def _join(self) -> None:
        np = self._np
        sig = self._signatures()
        n = sig.shape[0]
        if n == self._joined_rows:
            return
        cfg = self.config
        keys = band_keys(sig, cfg.bands, cfg.rows)
        found = [
            bucket_pairs(np.ascontiguousarray(keys[:, band]), window=cfg.max_bucket_pairs, first_new=self._joined_rows)
            for band in range(cfg.bands)
        ]
        del keys
        pairs, shared = np.unique(np.concatenate(found), return_counts=True)
        del found
        # most similar candidates first: a cluster forms from its strongest links, the rest are skipped
        order = np.argsort(-shared.astype(np.int64), kind="stable")
        los = (pairs[order] >> np.uint64(32)).astype(np.int64).tolist()
        his = (pairs[order] & np.uint64(0xFFFFFFFF)).astype(np.int64).tolist()
        row_doc, shingles = self._row_doc, self._shingles
        for lo, hi in zip(los, his, strict=True):
            a, b = row_doc[lo], row_doc[hi]
            ra, rb = self._find(a), self._find(b)
            if ra == rb:
                continue
            cont, jac = containment(shingles[lo], shingles[hi])
            if cont >= cfg.threshold and jac >= cfg.min_jaccard:
                self._parent[max(ra, rb)] = min(ra, rb)
        self._joined_rows = n

    def _groups(self) -> dict[int, list[int]]:
        self._join()
        groups: dict[int, list[int]] = {}
        for doc in range(len(self._ids)):
            groups.setdefault(self._find(doc), []).append(doc)
        return {root: members for root, members in groups.items() if len(members) > 1}

    def _kept(self, members: list[int], row_of: dict[int, int]) -> int:
        rows = [row_of.get(self._rep[d]) for d in members]
        sets = [self._shingles[r] for r in rows if r is not None]
        scores = support(sets) if len(sets) == len(members) else [0] * len(members)
        lengths = self._lengths
        best = max(range(len(members)), key=lambda i: (scores[i], lengths[members[i]], -members[i]))
        return members[best]

    def clusters(self) -> list[Cluster]:
        """Every group of two or more duplicates, in the order their first record was added."""
        row_of = {doc: row for row, doc in enumerate(self._row_doc)}
        out = []
        for members in self._groups().values():
            kept = self._kept(members, row_of)
            similarity = 1.0
            kept_row = row_of.get(self._rep[kept])
            for doc in members:
                row = row_of.get(self._rep[doc])
                if row is None or kept_row is None or row == kept_row:
                    continue  # an exact copy
                similarity = min(similarity, _covered(self._shingles[row], self._shingles[kept_row]))
            out.append(Cluster(tuple(self._ids[d] for d in members), self._ids[kept], round(similarity, 4)))
        return out

    def duplicates(self) -> dict[Any, Any]:
        """``{dropped_id: kept_id}`` for every record that is not kept."""
        out: dict[Any, Any] = {}
        row_of = {doc: row for row, doc in enumerate(self._row_doc)}
        for members in self._groups().values():
            kept = self._kept(members, row_of)
            for doc in members:
                if doc != kept:
                    out[self._ids[doc]] = self._ids[kept]
        return out

    def kept_ids(self) -> Iterator[Any]:
        """Ids of the records kept (one per cluster and every unique record), in the order added."""
        dropped = self.duplicates()
        return (doc_id for doc_id in self._ids if doc_id not in dropped)

    # -- save and resume ----------------------------------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the state to ``path`` atomically (an ``.npz`` archive; see ``docs/dedup.md`` for the format)."""
        np = self._np
        sig = self._signatures()
        sizes = np.array([len(s) for s in self._shingles], dtype=np.int64)
        shingles = np.concatenate(self._shingles) if self._shingles else np.zeros(0, dtype=np.uint32)
        exact_keys = np.frombuffer(b"".join(self._exact), dtype=np.uint8).reshape(-1, 16)
        meta = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "config": self.config.to_dict(),
            "ids": self._ids,
            "joined_rows": self._joined_rows,
        }
        arrays = {
            "meta": np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
            "lengths": np.array(self._lengths, dtype=np.int64),
            "parent": np.array([self._find(d) for d in range(len(self._ids))], dtype=np.int64),
            "exact_keys": exact_keys,
            "exact_docs": np.array(list(self._exact.values()), dtype=np.int64),
            "rep": np.array(self._rep, dtype=np.int64),
            "row_doc": np.array(self._row_doc, dtype=np.int64),
            "signatures": sig,
            "shingle_sizes": sizes,
            "shingles": shingles,
        }
        target = os.fspath(path)
        directory = os.path.dirname(os.path.abspath(target))
        fd, tmp = tempfile.mkstemp(prefix=os.path.basename(target) + ".", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as fh:
                np.savez(fh, **arrays)
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.remove(tmp)
            raise

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Deduplicator:
        """Read a state written by :meth:`save`; keep adding to it as if it had never stopped."""
        np = _numpy()
        with open(path, "rb") as fh:
            data = fh.read()
        try:
            archive = np.load(io.BytesIO(data), allow_pickle=False)
            meta = json.loads(bytes(archive["meta"]).decode("utf-8"))
        except (ValueError, KeyError, OSError) as exc:
            raise ValueError(f"{os.fspath(path)}: not a textclean deduplication state ({exc})") from exc
        if meta.get("format") != FORMAT:
            raise ValueError(f"{os.fspath(path)}: not a textclean deduplication state")
        if meta.get("version") != FORMAT_VERSION:
            raise ValueError(f"{os.fspath(path)}: state version {meta.get('version')} is not supported")
        self = cls(DedupConfig(**meta["config"]))
        self._ids = list(meta["ids"])
        self._index = {doc_id: i for i, doc_id in enumerate(self._ids)}
        self._lengths = archive["lengths"].tolist()
        self._parent = archive["parent"].tolist()
        keys = archive["exact_keys"]
        self._exact = {bytes(k): int(d) for k, d in zip(keys, archive["exact_docs"].tolist(), strict=True)}
        self._rep = archive["rep"].tolist()
        self._row_doc = archive["row_doc"].tolist()
        self._sig_done = archive["signatures"].astype(np.uint32)
        flat = archive["shingles"].astype(np.uint32)
        bounds = np.concatenate(([0], np.cumsum(archive["shingle_sizes"])))
        self._shingles = [flat[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]
        self._joined_rows = int(meta["joined_rows"])
        return self
