"""Salience: more sources, more references to the day, more articles that day -> more salient."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import salience
from timeline.model import Article, ArticleResult, Mention, Timex

D = dt.date
DAY = D(2010, 4, 20)


def mention(aid: str, day: dt.date = DAY, gran: str = "day", end: dt.date | None = None) -> Mention:
    t = Timex(0, 5, "today", "DATE", day.isoformat(), None, day, end or day, gran)  # type: ignore[arg-type]
    return Mention(aid, t, "q", 0, "t", day, end or day, gran)  # type: ignore[arg-type]


def res(aid: str, published: dt.date | None, *mentions: Mention, dup: str | None = None) -> ArticleResult:
    return ArticleResult(Article(aid, "text", published, duplicate_of=dup), (), mentions)


def test_date_stats_count_distinct_non_duplicate_articles() -> None:
    results = [
        res("a", DAY, mention("a"), mention("a")),
        res("b", DAY + dt.timedelta(days=1), mention("b")),
        res("c", DAY, mention("c"), dup="a"),
        res("d", None, mention("d", D(2010, 4, 1), "month", D(2010, 4, 30))),
    ]
    stats = salience.date_stats(results)
    assert stats.ref_count(DAY) == 2  # a once (two mentions), b; c is a duplicate; d is coarse
    assert stats.pub_count(DAY) == 1 and stats.pub_count(DAY + dt.timedelta(days=1)) == 1
    assert stats.ref_count(D(2010, 4, 1)) == 0


STATS = salience.DateStats({DAY: 5, DAY + dt.timedelta(days=3): 1}, {DAY: 4, DAY + dt.timedelta(days=1): 2})


@pytest.mark.parametrize(
    ("more", "less"),
    [
        pytest.param(
            (DAY, [mention("a"), mention("b"), mention("c")]), (DAY, [mention("a")]), id="more-sources"
        ),
        pytest.param(
            (DAY, [mention("a")]), (DAY + dt.timedelta(days=3), [mention("a")]), id="more-date-references"
        ),
        pytest.param(
            (DAY, [mention("a")]), (DAY + dt.timedelta(days=30), [mention("a")]), id="more-publications"
        ),
    ],
)
def test_salience_orders(more: tuple, less: tuple) -> None:
    hi = salience.score(STATS, more[0], more[0], "day", more[1])
    lo = salience.score(STATS, less[0], less[0], "day", less[1])
    assert hi > lo


def test_coarse_events_rank_below_the_same_day_event() -> None:
    day = salience.score(STATS, DAY, DAY, "day", [mention("a")])
    month = salience.score(STATS, D(2010, 4, 1), D(2010, 4, 30), "month", [mention("a")])
    assert day > month > 0


def test_conflicting_sources_add_a_little() -> None:
    base = salience.score(STATS, DAY, DAY, "day", [mention("a")])
    assert salience.score(STATS, DAY, DAY, "day", [mention("a")], [mention("b")]) > base


@given(
    st.integers(0, 50),
    st.integers(0, 50),
    st.lists(st.sampled_from("abcdef"), max_size=8),
    st.sampled_from(["time", "day", "week", "month", "quarter", "season", "year", "decade", "century"]),
)
def test_salience_is_finite_and_non_negative(refs: int, pubs: int, ids: list[str], gran: str) -> None:
    stats = salience.DateStats({DAY: refs}, {DAY: pubs})
    score = salience.score(stats, DAY, DAY, gran, [mention(i) for i in ids])
    assert 0 <= score < 100
    assert dataclasses.is_dataclass(stats)
