"""Near-duplicate articles: two renderings of one story text (re-flowed, hyphenated words lost, ...).

Each article becomes a set of word shingles over normalised tokens. Candidate pairs come from a
bottom-k sketch (the k smallest shingle hashes, a one-permutation MinHash): near-duplicates share
most of their smallest hashes, so bucketing articles by those hashes finds them without comparing
all pairs. Candidates are then confirmed with the exact Jaccard (or containment) of the shingle sets.

Policy: within a group of duplicates the canonical article is the dated one, else the longer, else
the smaller id; the others get `duplicate_of` and their mentions are left out of the merge (they are
the same words by the same author, not an independent source), but the articles stay listed.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import defaultdict
from collections.abc import Sequence

from timeline.model import Article

SHINGLE = 3
SKETCH = 24  # hashes kept per article
MIN_SHARED = 3  # sketch hashes two articles must share to be compared
JACCARD = 0.5
CONTAINMENT = 0.85  # a shortened rendering: most of the smaller one is inside the larger
MIN_TOKENS = 12  # too short to tell a duplicate from a shared boilerplate line

_TOKEN_RE = re.compile(r"[^\W_]+")


def shingles(text: str) -> frozenset[int]:
    """Stable hashes of the word 3-grams of a text (lower-cased, punctuation and hyphens ignored)."""
    toks = _TOKEN_RE.findall(text.lower())
    if len(toks) < MIN_TOKENS:
        return frozenset()
    grams = (" ".join(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1))
    # zlib.crc32, not hash(): str hashes are salted per process and ids must be reproducible.
    return frozenset(zlib.crc32(g.encode("utf-8")) for g in grams)


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard of two shingle sets, raised to the containment when one is mostly inside the other."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    jac = inter / len(a | b)
    small = min(len(a), len(b))
    contain = inter / small if small else 0.0
    if contain >= CONTAINMENT and small >= 0.3 * max(len(a), len(b)):
        return max(jac, contain)
    return jac


def _canonical_key(article: Article) -> tuple[int, int, str]:
    return (0 if article.published is not None else 1, -len(article.text or ""), article.id)


def find_duplicates(articles: Sequence[Article]) -> dict[str, tuple[str, float]]:
    """Map each near-duplicate article id to (canonical id, similarity); canonical ones are absent."""
    sets = {a.id: shingles(a.text or "") for a in articles}
    by_id = {a.id: a for a in articles}
    buckets: dict[int, list[str]] = defaultdict(list)
    for aid in sorted(sets):
        for h in heapq.nsmallest(SKETCH, sets[aid]):
            buckets[h].append(aid)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for members in buckets.values():
        if len(members) > 200:
            continue  # a boilerplate shingle shared by everyone tells nothing
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                shared[(x, y)] += 1
    parent = {aid: aid for aid in sets}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sims: dict[tuple[str, str], float] = {}
    for (x, y), count in sorted(shared.items()):
        if count < MIN_SHARED:
            continue
        sim = similarity(sets[x], sets[y])
        if sim >= JACCARD:
            sims[(x, y)] = sim
            rx, ry = find(x), find(y)
            if rx != ry:
                parent[max(rx, ry)] = min(rx, ry)
    groups: dict[str, list[str]] = defaultdict(list)
    for aid in sets:
        groups[find(aid)].append(aid)
    out: dict[str, tuple[str, float]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        canon = min(members, key=lambda m: _canonical_key(by_id[m]))
        for m in sorted(members):
            if m != canon:
                pair = (min(m, canon), max(m, canon))
                sim = sims.get(pair) or similarity(sets[m], sets[canon])
                out[m] = (canon, round(sim, 3))
    return out
