"""Publication dates: header > content > duplicate > story > bounds > none; never today's date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import published
from timeline.model import Article, ArticleResult, Timex
from timeline.temporal import tag

D = dt.date
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed_articles(seed_results: list[ArticleResult]) -> dict[str, Article]:
    return {a.id: a for a in published.infer_from_collection(seed_results)}


@pytest.mark.parametrize(
    ("aid", "source"),
    [
        pytest.param("000", "header", id="000-header"),
        pytest.param("001", "duplicate", id="001-duplicate-of-000"),
        pytest.param("002", "header", id="002-header"),
        pytest.param("003", "content", id="003-tweet-signature"),
        pytest.param("004", "story", id="004-story-not-the-future-runoff-date"),
    ],
)
def test_seed_publication_dates(seed_articles: dict[str, Article], aid: str, source: str) -> None:
    article = seed_articles[aid]
    assert article.published == D(2017, 4, 19)
    assert article.published_source == source
    assert 0 < article.published_confidence <= 1
    if source != "header":
        assert article.published_evidence


def test_seed_duplicate_links(seed_articles: dict[str, Article]) -> None:
    assert seed_articles["001"].duplicate_of == "000"
    assert [a.id for a in seed_articles.values() if a.duplicate_of] == ["001"]
    assert "April 19, 2017" in (seed_articles["003"].published_evidence or "")


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        pytest.param(
            "WASHINGTON, April 19, 2017 — The Senate voted.", D(2017, 4, 19), "dateline", id="dateline"
        ),
        pytest.param(
            "Published: 3 May 2016\n\nThe council met on Tuesday.",
            D(2016, 5, 3),
            "dateline",
            id="published-line",
        ),
        pytest.param(
            "Great!\n\n— Jane Doe (@jane) April 18, 2017\n\nWow.\n\n— Jane Doe (@jane) April 19, 2017",
            D(2017, 4, 19),
            "signature",
            id="latest-tweet-signature",
        ),
        pytest.param(
            "The plant closed on March 3, 2015. Workers protested on March 5, 2015.",
            D(2015, 3, 5),
            "latest",
            id="latest-explicit-past-date",
        ),
        pytest.param(
            "The race will move to a runoff election on June 20, 2017.", None, None, id="future-date-ignored"
        ),
        pytest.param(
            "The plant closed on March 3, 2015. On Friday the union met.",
            D(2015, 3, 3),
            "bound",
            id="weekday-mismatch-is-only-a-bound",
        ),
        pytest.param("Nothing dated here at all.", None, None, id="no-date"),
    ],
)
def test_content_evidence(text: str, expected: dt.date | None, kind: str | None) -> None:
    found = published.content_evidence(Article("a", text), tag(text, None))
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found[0], found[3]) == (expected, kind)


def test_header_date_is_never_overridden() -> None:
    art = Article("a", "— Jane Doe (@jane) April 19, 2017", D(2001, 1, 1), "header", 1.0)
    assert published.infer_from_content(art, []) is art
    (out,) = published.infer_from_collection([ArticleResult(art)])
    assert out.published == D(2001, 1, 1) and out.published_source == "header"


def test_no_evidence_leaves_the_article_undated() -> None:
    art = Article("a", "Nothing dated here at all, not even a weekday.")
    assert published.infer_from_content(art, []).published is None
    (out,) = published.infer_from_collection([ArticleResult(art)])
    assert out.published is None and out.published_source == "none"


STORY = (
    "Regional water board approves reservoir expansion near Millbrook valley after hearings. "
    "Farmers from Millbrook and the Ashford cooperative opposed the reservoir plan. "
)
DATED = [
    "Councillor Maria Ostrova said the Millbrook reservoir would flood two farms.",
    "Engineers from Halvorsen Group will start building the Millbrook dam wall in autumn.",
    "The Ashford cooperative said it would appeal the Millbrook reservoir decision in court.",
]


@pytest.mark.parametrize(
    ("undated", "expected", "source"),
    [
        pytest.param(
            "Ashford cooperative farmers marched against the Millbrook reservoir on Tuesday, "
            "a day after the water board vote. Maria Ostrova defended the plan.",
            D(2020, 3, 4),
            "story",
            id="story-date",
        ),
        pytest.param(
            "Ashford cooperative farmers marched against the Millbrook reservoir on March 10, 2020. "
            "Maria Ostrova defended the plan.",
            D(2020, 3, 10),
            "content",
            id="own-later-date-wins",
        ),
        pytest.param(
            "Ashford cooperative farmers marched against the Millbrook reservoir, the biggest protest "
            "since the floods of 12 March 2001. Maria Ostrova defended the plan.",
            D(2020, 3, 4),
            "story",
            id="old-cited-date-loses-to-story",
        ),
        pytest.param(
            "A completely unrelated piece about tennis at Wimbledon and strawberries.",
            None,
            "none",
            id="unrelated-stays-undated",
        ),
    ],
)
def test_story_evidence(undated: str, expected: dt.date | None, source: str) -> None:
    dated = [Article(f"d{i}", STORY + extra, D(2020, 3, 4), "metadata", 1.0) for i, extra in enumerate(DATED)]
    other = Article(
        "z", "Football results and a transfer window rumour roundup.", D(2019, 1, 1), "metadata", 1.0
    )
    arts = [*dated, other, published.infer_from_content(Article("u", undated), tag(undated, None))]
    out = published.infer_from_collection([ArticleResult(a, tuple(tag(a.text, None))) for a in arts])
    assert out[-1].published == expected
    assert out[-1].published_source == source
    assert out[-1].duplicate_of is None
    assert [a.id for a in out] == [a.id for a in arts]  # same order


timex_strategy = st.builds(
    lambda s, n, day, g: Timex(s, s + n, "x" * n, "DATE", day.isoformat(), None, day, day, g),
    st.integers(-3, 200),
    st.integers(0, 20),
    st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)),
    st.sampled_from(["day", "time", "month", None]),
)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300), st.lists(timex_strategy, max_size=5))
def test_infer_from_content_never_raises(text: str, timexes: list[Timex]) -> None:
    out = published.infer_from_content(Article("a", text), timexes)
    assert out.id == "a"
    assert out.published is None or published.EARLIEST <= out.published <= published.LATEST


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=200), st.none() | st.dates()), max_size=6))
def test_infer_from_collection_never_raises(items: list[tuple[str, dt.date | None]]) -> None:
    arts = [
        Article(str(i), text, day, "metadata" if day else "none", 1.0 if day else 0.0)
        for i, (text, day) in enumerate(items)
    ]
    out = published.infer_from_collection([ArticleResult(a) for a in arts])
    assert [a.id for a in out] == [a.id for a in arts]
    for before, after in zip(arts, out, strict=True):
        if before.published is not None:
            assert after.published == before.published  # metadata is never overridden
        assert dataclasses.replace(after, published=None, published_source="none") is not None


@settings(max_examples=10, deadline=None)
@given(st.randoms(use_true_random=False))
def test_collection_inference_does_not_depend_on_order(
    seed_results: list[ArticleResult], rng: random.Random
) -> None:
    expected = {a.id: a for a in published.infer_from_collection(seed_results)}
    shuffled = seed_results[:]
    rng.shuffle(shuffled)
    out = published.infer_from_collection(shuffled)
    assert [a.id for a in out] == [r.article.id for r in shuffled]
    assert {a.id: a for a in out} == expected
