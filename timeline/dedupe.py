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

import bisect
import heapq
import itertools
import operator
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from timeline.model import Article, TextSignature

SHINGLE = 3
SKETCH = 24  # hashes kept per article
MIN_SHARED = 3  # sketch hashes two articles must share to be compared
MAX_BUCKET = 200  # articles sharing one sketch hash beyond which it is boilerplate, not evidence
JACCARD = 0.5
CONTAINMENT = 0.85  # a shortened rendering: most of the smaller one is inside the larger
CONTAINED_SIZE = 0.3  # ... and is not a mere excerpt: at least this share of the larger one's size
MIN_TOKENS = 12  # too short to tell a duplicate from a shared boilerplate line

_TOKEN_RE = re.compile(r"[^\W_]+")


def shingles(text: str) -> frozenset[int]:
    """Stable hashes of the word 3-grams of a text (lower-cased, punctuation and hyphens ignored)."""
    toks = _ascii_tokens(text)
    if toks is None:
        words = _TOKEN_RE.findall(text.lower())
        toks = [w.encode("utf-8") for w in words]
    if len(toks) < MIN_TOKENS:
        return frozenset()
    # Each gram is the UTF-8 of its tokens joined by spaces. Hashing slices of one joined text keeps
    # those bytes (and so the hashes) while every loop runs in C: no string is built per gram.
    data = b" ".join(toks)
    starts = list(itertools.accumulate(map(operator.add, map(len, toks), _ONES), initial=0))
    ends = map(operator.sub, starts[SHINGLE:], _ONES)  # gram i ends before token i + SHINGLE's space
    # zlib.crc32, not hash(): str hashes are salted per process and ids must be reproducible.
    return frozenset(map(zlib.crc32, map(data.__getitem__, map(slice, starts, ends))))


_ONES = itertools.repeat(1)
# ASCII letters and digits are the only ASCII word characters `_TOKEN_RE` keeps; all else separates.
_ASCII_SEPARATORS = bytes(b if chr(b).isascii() and chr(b).isalnum() else 32 for b in range(256))


def _ascii_tokens(text: str) -> list[bytes] | None:
    """`_TOKEN_RE`'s lower-cased tokens, split in C, when no non-ASCII character can be in a word."""
    if not text.isascii():
        others = {ch for ch in set(text) if not ch.isascii()}
        if any(_TOKEN_RE.match(ch) or _TOKEN_RE.match(ch.lower()) for ch in others):
            return None  # "café": letters beyond ASCII need the regular expression
        text = text.translate(dict.fromkeys(map(ord, others), " "))  # curly quotes, dashes: separators
    return text.lower().encode("ascii").translate(_ASCII_SEPARATORS).split()


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard of two shingle sets, raised to the containment when one is mostly inside the other."""
    if not a or not b:
        return 0.0
    return _similarity(len(a & b), len(a), len(b))


def _similarity(inter: int, size_a: int, size_b: int) -> float:
    # Non-decreasing in `inter`, so an upper bound on it gives an upper bound on the similarity.
    jac = inter / (size_a + size_b - inter)  # the union's size, without building the union
    small = min(size_a, size_b)
    contain = inter / small if small else 0.0
    if contain >= CONTAINMENT and small >= CONTAINED_SIZE * max(size_a, size_b):
        return max(jac, contain)
    return jac


# Shingle sets folded onto this many bits give a cheap upper bound on an overlap (see `_fold`).
FOLD_BITS = 1 << 12  # news-length sets (a few hundred shingles) share few bits by chance


def _similarity_bound(a: TextSignature, b: TextSignature) -> float:
    """An upper bound on two texts' `similarity` from their signatures alone (see `_fold`)."""
    overlap = min(a.size, b.size, (a.fold & b.fold).bit_count() + min(a.lost, b.lost))
    return _similarity(overlap, a.size, b.size)


def _fold(hashes: frozenset[int]) -> tuple[int, int]:
    """The set folded onto FOLD_BITS bits, and how many of its hashes landed on a bit already set.

    Shared hashes set shared bits, so |A & B| <= popcount(fold_A & fold_B) + min(lost_A, lost_B):
    one AND and one popcount bound an overlap that a set intersection would take far longer to count.
    """
    folded = bytearray(FOLD_BITS // 8)
    mask = FOLD_BITS // 8 - 1
    for h in hashes:
        folded[(h >> 3) & mask] |= 1 << (h & 7)
    value = int.from_bytes(folded, "little")
    return value, len(hashes) - value.bit_count()


def signature(text: str) -> TextSignature:
    """The near-duplicate sketch of a text: what `find_duplicates` needs of it before confirming a pair."""
    hashes = shingles(text)
    fold, lost = _fold(hashes)
    return TextSignature(len(hashes), tuple(heapq.nsmallest(SKETCH, hashes)), fold, lost)


def canonical_key(article: Article) -> tuple[int, int, str]:
    """Sort key of a group's canonical article: the dated one, else the longer, else the smaller id."""
    return (0 if article.published is not None else 1, -len(article.text or ""), article.id)


def find_duplicates(
    articles: Sequence[Article], signatures: Mapping[str, TextSignature] | None = None
) -> dict[str, tuple[str, float]]:
    """Map each near-duplicate article id to (canonical id, similarity); canonical ones are absent.

    `signatures` (by article id) are those the per-article stage computed; any missing is computed here.
    """
    by_id = {a.id: a for a in articles}
    ids = sorted(by_id)  # articles are numbered in id order, so number order is id order
    known = signatures or {}
    sigs = [known.get(aid) or signature(by_id[aid].text or "") for aid in ids]
    # The exact shingle sets, only for the few articles a candidate pair needs.
    exact: dict[int, frozenset[int]] = {}

    def shingle_set(x: int) -> frozenset[int]:
        if x not in exact:
            exact[x] = shingles(by_id[ids[x]].text or "")
        return exact[x]

    buckets: dict[int, list[int]] = defaultdict(list)
    for x, sig in enumerate(sigs):
        for h in sig.sketch:
            buckets[h].append(x)  # ascending: x grows
    sketch_buckets: list[list[list[int]]] = [[] for _ in ids]
    for members in buckets.values():
        if 1 < len(members) <= MAX_BUCKET:  # a boilerplate shingle shared by everyone tells nothing
            for x in members:
                sketch_buckets[x].append(members)
    parent = list(range(len(ids)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sims: dict[tuple[int, int], float] = {}
    for x, shared_buckets in enumerate(sketch_buckets):
        # Articles after x sharing at least MIN_SHARED sketch hashes with it, counted per x (small
        # counters of ints, not one table of every pair): the pairs come in (x, y) order as before.
        shared = Counter(
            itertools.chain.from_iterable(m[bisect.bisect_right(m, x) :] for m in shared_buckets)
        )
        sx = sigs[x]
        # The similarity grows with the overlap: where even the bound on it falls short, skip the
        # exact count. Stories that share a few sentences are many, and most stop here.
        candidates = [
            y
            for y, count in shared.items()
            if count >= MIN_SHARED and _similarity_bound(sx, sigs[y]) >= JACCARD
        ]
        for y in sorted(candidates):
            rx, ry = find(x), find(y)
            if rx == ry:
                continue  # already linked: the pair cannot change the groups
            sim = similarity(shingle_set(x), shingle_set(y))
            if sim >= JACCARD:
                sims[(x, y)] = sim
                parent[max(rx, ry)] = min(rx, ry)
    groups: dict[int, list[int]] = defaultdict(list)
    for x in range(len(ids)):
        groups[find(x)].append(x)
    out: dict[str, tuple[str, float]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        canon = min(members, key=lambda m: canonical_key(by_id[ids[m]]))
        for m in sorted(members):
            if m != canon:
                # Pairs skipped as already linked have no similarity yet: it is counted here.
                sim = sims.get((min(m, canon), max(m, canon))) or similarity(
                    shingle_set(m), shingle_set(canon)
                )
                out[ids[m]] = (ids[canon], round(sim, 3))
    return out


class SketchIndex:
    """Articles' sketches by hash, to find one new article's near-duplicates without pairing them all."""

    def __init__(self, signatures: Mapping[str, TextSignature]) -> None:
        self.signatures = dict(signatures)
        self._buckets: dict[int, list[str]] = defaultdict(list)
        for aid in sorted(self.signatures):
            self.add(aid, self.signatures[aid])

    def add(self, aid: str, sig: TextSignature) -> None:
        """Index one more article."""
        self.signatures[aid] = sig
        for h in sig.sketch:
            self._buckets[h].append(aid)

    def candidates(self, sig: TextSignature) -> list[str]:
        """Indexed articles that may be near-duplicates of `sig`'s article (as `find_duplicates` bounds)."""
        shared = Counter(
            aid
            for h in sig.sketch
            for aid in self._buckets.get(h, ())
            if len(self._buckets[h]) < MAX_BUCKET  # counting the new article: as find_duplicates bounds it
        )
        out = []
        for aid, count in shared.items():
            if count >= MIN_SHARED and _similarity_bound(sig, self.signatures[aid]) >= JACCARD:
                out.append(aid)
        return sorted(out)
