"""The seeds built whole: the dates the house issue names, inferred publication dates, the conflict,
and every event traceable to words in a source article."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.config import Config
from timeline.ingest import read_articles
from timeline.model import Event, Timeline
from timeline.pipeline import build_timeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
D = dt.date


@cache
def seeds_timeline() -> Timeline:
    timeline, _ = build_timeline(Config(input=SEEDS))
    return timeline


def _articles() -> dict[str, object]:
    return {a.id[:3]: a for a in seeds_timeline().articles}


def _events_with(expression: str, article: str) -> list[Event]:
    return [
        e
        for e in seeds_timeline().events
        for m in (*e.sources, *e.conflicts)
        if m.article_id.startswith(article) and m.timex.text == expression
    ]


@pytest.mark.parametrize(
    ("article", "expression", "start", "end", "granularity"),
    [
        pytest.param("002", "Tuesday", D(2017, 4, 18), D(2017, 4, 18), "day", id="on Tuesday, past tense"),
        pytest.param(
            "002", "Friday", D(2017, 4, 21), D(2017, 4, 21), "day", id="headlining on Friday, future"
        ),
        pytest.param("002", "Last week", D(2017, 4, 10), D(2017, 4, 16), "week", id="last week is the week"),
        pytest.param("002", "The next night", D(2017, 4, 20), D(2017, 4, 20), "day", id="anaphora"),
        pytest.param("002", "Saturday", D(2017, 4, 22), D(2017, 4, 22), "day", id="on Saturday, future"),
        pytest.param("003", "November", D(2016, 11, 1), D(2016, 11, 30), "month", id="in November, past"),
        pytest.param("000", "June 20th", D(2017, 6, 20), D(2017, 6, 20), "day", id="June 20th"),
        pytest.param(
            "003", "June 20", D(2017, 6, 20), D(2017, 6, 20), "day", id="June 20 in undated article"
        ),
    ],
)
def test_seed_dates(article: str, expression: str, start: dt.date, end: dt.date, granularity: str) -> None:
    mentions = [
        m
        for e in seeds_timeline().events
        for m in (*e.sources, *e.conflicts)
        if m.article_id.startswith(article) and m.timex.text == expression
    ]
    assert mentions, f"no event dated by {expression!r} in {article}"
    assert any((m.start, m.end, m.granularity) == (start, end, granularity) for m in mentions)


def test_undated_articles_get_inferred_dates_and_say_how() -> None:
    articles = _articles()
    for key in ("001", "003", "004"):
        article = articles[key]
        assert article.published == D(2017, 4, 19), key
        assert article.published_source in ("content", "duplicate", "story"), key
        assert 0 < article.published_confidence < 1, key
    assert articles["000"].published_source == "header"
    assert articles["001"].duplicate_of == articles["000"].id


def test_june_2_disagreement_is_flagged_not_dropped() -> None:
    runoff = [e for e in seeds_timeline().events if e.start == D(2017, 6, 20)]
    assert len(runoff) == 1, "the runoff is one event"
    conflicts = runoff[0].conflicts
    assert any(m.article_id.startswith("004") and m.start == D(2017, 6, 2) for m in conflicts)
    assert not [e for e in seeds_timeline().events if e.start == D(2017, 6, 2)]


def test_every_event_traces_to_words_in_a_source() -> None:
    texts = {a.id: a.text for a in seeds_timeline().articles}
    assert seeds_timeline().events
    for event in seeds_timeline().events:
        assert event.sources, event.id
        for mention in (*event.sources, *event.conflicts):
            text = texts[mention.article_id]
            assert text[mention.timex.start : mention.timex.end] == mention.timex.text
            assert text[mention.quote_start : mention.quote_start + len(mention.quote)] == mention.quote
            assert mention.quote_start <= mention.timex.start < mention.quote_start + len(mention.quote)
        assert event.start <= event.end


def test_events_are_chronological_with_unique_ids() -> None:
    events = seeds_timeline().events
    assert [e.start for e in events] == sorted(e.start for e in events)
    assert len({e.id for e in events}) == len(events)


def test_no_article_is_lost() -> None:
    assert sorted(a.id for a in seeds_timeline().articles) == sorted(p.stem for p in SEEDS.glob("*.txt"))


@settings(max_examples=5, deadline=None)
@given(st.randoms(use_true_random=False))
def test_input_order_does_not_change_the_timeline(rng: random.Random) -> None:
    articles = list(read_articles(SEEDS))
    rng.shuffle(articles)
    shuffled, _ = build_timeline(Config(input=SEEDS), articles=articles)
    assert dataclasses.astuple(shuffled) == dataclasses.astuple(seeds_timeline())
