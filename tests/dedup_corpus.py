"""Small synthetic corpora with known near-duplicate clusters, shared by the dedup and integration tests."""

from __future__ import annotations

import random


def article(rng: random.Random, words: int = 200) -> str:
    """Random prose-like text from a 3,000-word vocabulary, in paragraphs."""
    vocab = [f"{'ab'[i % 2]}{i:x}z" for i in range(3000)]
    out, line = [], []
    for _ in range(words):
        line.append(rng.choice(vocab))
        if len(line) >= 25 and rng.random() < 0.2:
            out.append(" ".join(line))
            line = []
    out.append(" ".join(line))
    return "\n".join(x for x in out if x)


def truncate(text: str, share: float) -> str:
    words = text.split(" ")
    return " ".join(words[: int(len(words) * share)])


def with_chrome(text: str) -> str:
    return "Home | News | Sport\nSubscribe now\n" + text + "\nShare this story\nCookie settings"


def edit(text: str, rng: random.Random, rate: float = 0.02) -> str:
    words = text.split(" ")
    for _ in range(max(1, int(len(words) * rate))):
        words[rng.randrange(len(words))] = "edited"
    return " ".join(words)


def corpus(seed: int, n_bases: int = 12) -> tuple[list[tuple[str, str]], list[set[str]]]:
    """``(records, true clusters of 2+ ids)``: originals plus exact, truncated, chrome and edited copies."""
    rng = random.Random(seed)
    records: list[tuple[str, str]] = []
    clusters: list[set[str]] = []
    for b in range(n_bases):
        base = article(rng, rng.randint(80, 300))
        members = [(f"b{b}", base)]
        for c in range(rng.randint(0, 3)):
            kind = rng.choice(["exact", "truncated", "chrome", "edited", "upper"])
            text = {
                "exact": base,
                "truncated": truncate(base, rng.uniform(0.8, 0.95)),
                "chrome": with_chrome(base),
                "edited": edit(base, rng),
                "upper": base.upper().replace("\n", "\n\n"),
            }[kind]
            members.append((f"b{b}-{kind}{c}", text))
        records.extend(members)
        if len(members) > 1:
            clusters.append({m for m, _ in members})
    rng.shuffle(records)
    return records, clusters
