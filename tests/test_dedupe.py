"""Near-duplicate detection: renderings of one article are found, different articles are not."""

from __future__ import annotations

import datetime as dt
import random
import re
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import dedupe
from timeline.dedupe import find_duplicates, shingles, similarity
from timeline.model import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed(name: str) -> Article:
    text = next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    m = re.match(r" date (\d{4}-\d\d-\d\d) ?", text)
    if m:
        return Article(name, text[m.end() :], dt.date.fromisoformat(m.group(1)), "header", 1.0)
    return Article(name, text)


def _words(seed: int, n: int) -> str:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]
    return " ".join(rng.choice(vocab) for _ in range(n))


def test_seed_renderings_are_duplicates() -> None:
    arts = [_seed(n) for n in ("000", "001", "002", "003", "004")]
    dups = find_duplicates(arts)
    assert set(dups) == {"001"}
    canon, sim = dups["001"]
    assert canon == "000"  # the dated one is canonical
    assert sim >= 0.8


BASE = _words(1, 300)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(BASE, BASE, True, id="identical"),
        pytest.param(BASE, "  ".join(BASE.split()), True, id="whitespace-reflowed"),
        pytest.param(BASE, BASE.upper(), True, id="case-changed"),
        pytest.param(BASE, " ".join(BASE.split()[:240]), True, id="truncated-rendering-contained"),
        pytest.param(
            BASE, " ".join(w for i, w in enumerate(BASE.split()) if i % 25), True, id="words-dropped"
        ),
        pytest.param(BASE, _words(2, 300), False, id="different-texts"),
        pytest.param(BASE, " ".join(BASE.split()[:60]), False, id="small-excerpt-is-not-a-duplicate"),
        pytest.param("short text here", "short text here", False, id="too-short-to-judge"),
    ],
)
def test_pairs(a: str, b: str, expected: bool) -> None:
    dups = find_duplicates([Article("a", a), Article("b", b)])
    assert bool(dups) is expected


@pytest.mark.parametrize(
    ("arts", "canonical"),
    [
        pytest.param(
            [Article("a", BASE + " extra words here"), Article("b", BASE, dt.date(2020, 1, 1))],
            "b",
            id="dated-wins-over-longer",
        ),
        pytest.param([Article("a", BASE), Article("b", BASE + " more words")], "b", id="longer-wins"),
        pytest.param([Article("b", BASE), Article("a", BASE)], "a", id="smaller-id-wins"),
    ],
)
def test_canonical_choice(arts: list[Article], canonical: str) -> None:
    dups = find_duplicates(arts)
    assert len(dups) == 1
    assert next(iter(dups.values()))[0] == canonical


def test_groups_point_to_one_canonical() -> None:
    arts = [Article(str(i), BASE + f" tail{i}") for i in range(5)]
    dups = find_duplicates(arts)
    assert set(dups) == {"1", "2", "3", "4"}
    assert {c for c, _ in dups.values()} == {"0"}


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_input_order_does_not_matter(rng: random.Random) -> None:
    arts = [Article(str(i), BASE if i % 3 == 0 else _words(i, 80)) for i in range(12)]
    expected = find_duplicates(arts)
    shuffled = arts[:]
    rng.shuffle(shuffled)
    assert find_duplicates(shuffled) == expected


def test_shingles_are_stable_across_processes() -> None:
    # crc32, not the salted built-in hash: the same text always gives the same shingles.
    assert min(shingles(BASE)) == min(shingles(BASE))
    assert similarity(shingles(BASE), frozenset()) == 0.0


def test_thousands_of_articles_are_fast() -> None:
    arts = [Article(str(i), _words(i, 200)) for i in range(2000)]
    arts += [Article(f"d{i}", arts[i].text) for i in range(0, 2000, 100)]
    started = time.perf_counter()
    dups = find_duplicates(arts)
    assert time.perf_counter() - started < 10
    assert set(dups) == {f"d{i}" for i in range(0, 2000, 100)}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(" ".join(f"word{i % 37} Café-{i}" for i in range(40)), id="letters-beyond-ascii"),
        pytest.param("“Quoted” — dashed… words ’n’ more " * 6, id="non-ascii-separators-only"),
        pytest.param("plain ascii words and numbers 2017 " * 5, id="ascii"),
    ],
)
def test_shingles_hash_the_joined_grams(text: str) -> None:
    # The fast paths hash byte slices; the definition is crc32 of each gram's words joined by spaces.
    toks = re.findall(r"[^\W_]+", text.lower())
    grams = {" ".join(toks[i : i + dedupe.SHINGLE]) for i in range(len(toks) - dedupe.SHINGLE + 1)}
    assert shingles(text) == frozenset(zlib.crc32(g.encode("utf-8")) for g in grams)


@settings(max_examples=200, deadline=None)
@given(
    st.frozensets(st.integers(0, 2**32 - 1), max_size=400),
    st.frozensets(st.integers(0, 2**32 - 1), max_size=400),
    st.frozensets(st.integers(0, 2**32 - 1), max_size=400),
)
def test_folded_overlap_never_undercounts(a: frozenset[int], b: frozenset[int], both: frozenset[int]) -> None:
    # Candidates are skipped on this bound, so it must hold for any sets: skipping is then exact.
    left, right = a | both, b | both
    (fold_l, lost_l), (fold_r, lost_r) = dedupe._fold(left), dedupe._fold(right)
    assert (fold_l & fold_r).bit_count() + min(lost_l, lost_r) >= len(left & right)


def test_precomputed_signatures_give_the_same_groups() -> None:
    # The per-article stage computes signatures (cached); linking must not depend on who computed them.
    arts = [_seed(n) for n in ("000", "001", "002", "003", "004")]
    arts += [Article(str(i), BASE + f" tail{i}") for i in range(3)]
    signatures = {a.id: dedupe.signature(a.text) for a in arts}
    assert find_duplicates(arts, signatures) == find_duplicates(arts)
    partial = {k: v for k, v in signatures.items() if k in ("000", "1")}
    assert find_duplicates(arts, partial) == find_duplicates(arts)


def test_signature_of_a_short_text_is_empty() -> None:
    sig = dedupe.signature("too short to tell")
    assert (sig.size, sig.sketch) == (0, ())
