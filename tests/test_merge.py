"""Merging mentions into canonical events: same event across articles, conflicts, order independence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import events, merge
from timeline.model import Article, ArticleResult, Event, Mention, Timex
from timeline.pipeline import link_collection

D = dt.date
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def result(aid: str, text: str, dates: Sequence[tuple[str, dt.date, dt.date | None, str]]) -> ArticleResult:
    """An ArticleResult from hand-built timexes: (expression, start, end or None, granularity)."""
    art = Article(aid, text, D(2017, 4, 19), "metadata", 1.0)
    txs = []
    for expr, start, end, gran in dates:
        i = text.index(expr)
        txs.append(Timex(i, i + len(expr), expr, "DATE", start.isoformat(), None, start, end or start, gran))  # type: ignore[arg-type]
    return ArticleResult(art, tuple(txs), tuple(events.extract_mentions(art, txs)))


ELECTION = [
    result(
        "a",
        "Jon Ossoff won 48 percent of the vote in Tuesday’s special election in Georgia. "
        "He faces Karen Handel in a runoff on June 20.",
        [("Tuesday", D(2017, 4, 18), None, "day"), ("June 20", D(2017, 6, 20), None, "day")],
    ),
    result(
        "b",
        "Ossoff fell short of the 50 percent threshold in the special election on Tuesday. "
        "The runoff against Karen Handel will be held on June 20.",
        [("Tuesday", D(2017, 4, 18), None, "day"), ("June 20", D(2017, 6, 20), None, "day")],
    ),
    result(
        "c",
        "Voters in Georgia's special election on Tuesday gave Ossoff 48 percent of the vote. "
        "Ossoff and Karen Handel meet in the runoff on June 20.",
        [("Tuesday", D(2017, 4, 18), None, "day"), ("June 20", D(2017, 6, 20), None, "day")],
    ),
    result(
        "d",
        "Ossoff is headed to a June 2 runoff against Karen Handel. "
        "Separately, the zoo in Atlanta welcomed a baby panda on Tuesday to crowds of visitors.",
        [("June 2", D(2017, 6, 2), None, "day"), ("Tuesday", D(2017, 4, 18), None, "day")],
    ),
    result(
        "e",
        "Ossoff will face Karen Handel in the runoff in June, after the special election.",
        [("June", D(2017, 6, 1), D(2017, 6, 30), "month")],
    ),
]


def by_date(evs: Sequence[Event], day: dt.date) -> list[Event]:
    return [e for e in evs if e.start == day]


def test_same_event_across_articles_is_one_event() -> None:
    evs = merge.merge_events(ELECTION)
    election = [e for e in by_date(evs, D(2017, 4, 18)) if "election" in e.summary]
    assert len(election) == 1
    assert {m.article_id for m in election[0].sources} == {"a", "b", "c"}


def test_different_events_on_one_day_stay_two() -> None:
    evs = by_date(merge.merge_events(ELECTION), D(2017, 4, 18))
    assert len(evs) == 2
    panda = next(e for e in evs if "panda" in e.summary)
    assert {m.article_id for m in panda.sources} == {"d"}


def test_conflicting_date_is_kept_as_a_conflict() -> None:
    evs = merge.merge_events(ELECTION)
    assert not by_date(evs, D(2017, 6, 2))  # the lone June 2 is not an event of its own
    (runoff,) = by_date(evs, D(2017, 6, 20))
    assert {m.article_id for m in runoff.sources} == {"a", "b", "c", "e"}
    assert [(m.article_id, m.start) for m in runoff.conflicts] == [("d", D(2017, 6, 2))]


def test_coarse_mention_joins_the_precise_event_it_refines() -> None:
    (runoff,) = by_date(merge.merge_events(ELECTION), D(2017, 6, 20))
    coarse = [m for m in runoff.sources if m.granularity == "month"]
    assert [m.article_id for m in coarse] == ["e"]
    assert runoff.granularity == "day" and runoff.display_date == "Tue 20 Jun 2017"


FUNDRAISERS = result(
    "f",
    "Senate Minority Leader Chuck Schumer is headlining an event on Friday for Senate candidates. "
    "Sen. Tim Kaine is scheduled for an event on Wednesday at the Santa Monica home of Frank Gehry. "
    "The next night, Sen. Kamala Harris is holding a $1,000-per-person event for her PAC. "
    "On Saturday, Cory Booker is scheduled to attend a $1,000-per-person event for his campaign.",
    [
        ("Friday", D(2017, 4, 21), None, "day"),
        ("Wednesday", D(2017, 4, 19), None, "day"),
        ("The next night", D(2017, 4, 20), None, "day"),
        ("Saturday", D(2017, 4, 22), None, "day"),
    ],
)


def test_a_series_of_similar_events_stays_distinct() -> None:
    evs = merge.merge_events([FUNDRAISERS])
    expected = ["Tim Kaine", "Kamala Harris", "Chuck Schumer", "Cory Booker"]
    assert [e.start for e in evs] == [D(2017, 4, 19 + i) for i in range(4)]
    assert all(actor in e.actors for e, actor in zip(evs, expected, strict=True))
    assert not any(e.conflicts for e in evs)


def test_duplicates_are_not_independent_sources() -> None:
    dup = dataclasses.replace(
        ELECTION[0], article=dataclasses.replace(ELECTION[0].article, id="a2", duplicate_of="a")
    )
    dup = dataclasses.replace(
        dup, mentions=tuple(dataclasses.replace(m, article_id="a2") for m in dup.mentions)
    )
    evs = merge.merge_events([*ELECTION, dup])
    assert all(m.article_id != "a2" for e in evs for m in (*e.sources, *e.conflicts))
    assert merge.merge_events([*ELECTION, dup]) == merge.merge_events(ELECTION)


def test_events_sorted_ids_stable_and_unique() -> None:
    evs = merge.merge_events(ELECTION)
    assert list(evs) == sorted(evs, key=lambda e: (e.start, e.end, -e.salience, e.id))
    assert len({e.id for e in evs}) == len(evs)
    assert [e.id for e in evs] == [e.id for e in merge.merge_events(ELECTION)]
    assert all(re.fullmatch(r"[0-9a-f]{12}", e.id) for e in evs)


def test_top_keeps_the_most_salient_in_date_order() -> None:
    evs = merge.merge_events(ELECTION)
    top2 = merge.merge_events(ELECTION, top=2)
    assert len(top2) == 2
    assert {e.id for e in top2} == {e.id for e in sorted(evs, key=lambda e: (-e.salience, e.id))[:2]}
    assert list(top2) == sorted(top2, key=lambda e: (e.start, e.end, -e.salience, e.id))
    assert merge.merge_events(ELECTION, top=0) == ()


def test_salience_prefers_widely_reported_events() -> None:
    evs = merge.merge_events(ELECTION)
    top = max(evs, key=lambda e: e.salience)
    assert top.independent_sources >= 3


def all_mentions(results: Sequence[ArticleResult]) -> list[Mention]:
    return [m for r in results if r.article.duplicate_of is None for m in r.mentions]


@settings(max_examples=20, deadline=None)
@given(st.randoms(use_true_random=False))
def test_input_order_does_not_change_the_events(rng: random.Random) -> None:
    shuffled = [*ELECTION, FUNDRAISERS]
    rng.shuffle(shuffled)
    shuffled = [
        dataclasses.replace(r, mentions=tuple(rng.sample(r.mentions, len(r.mentions)))) for r in shuffled
    ]
    assert merge.merge_events(shuffled) == merge.merge_events([*ELECTION, FUNDRAISERS])


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from([*ELECTION, FUNDRAISERS]), min_size=0, max_size=6, unique=True))
def test_no_source_lost(results: list[ArticleResult]) -> None:
    evs = merge.merge_events(results)
    placed = [m for e in evs for m in (*e.sources, *e.conflicts)]
    assert sorted(placed, key=merge._key) == sorted(all_mentions(results), key=merge._key)


def test_merging_again_is_stable() -> None:
    # Re-merging the events' own mentions (one result per article) gives the same events.
    evs = merge.merge_events(ELECTION)
    regrouped: dict[str, list[Mention]] = {}
    for e in evs:
        for m in (*e.sources, *e.conflicts):
            regrouped.setdefault(m.article_id, []).append(m)
    results = [dataclasses.replace(r, mentions=tuple(regrouped.get(r.article.id, ()))) for r in ELECTION]
    assert merge.merge_events(results) == evs


def test_empty_input() -> None:
    assert merge.merge_events([]) == ()


# --- seeds, through the real tagger -------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_events(seed_results: list[ArticleResult]) -> tuple[Event, ...]:
    return merge.merge_events(link_collection(seed_results))


def sources_of(e: Event) -> set[str]:
    return {m.article_id for m in e.sources}


def test_seed_special_election_is_one_event(seed_events: tuple[Event, ...]) -> None:
    biggest = max(by_date(seed_events, D(2017, 4, 18)), key=lambda e: len(e.sources))
    assert sources_of(biggest) == {"000", "002", "003", "004"}
    assert "001" not in {m.article_id for e in seed_events for m in e.sources}  # a duplicate


def test_seed_dawn_tweet_is_not_the_election(seed_events: tuple[Event, ...]) -> None:
    # Same day, different happening: Trump's get-out-the-vote tweets are their own event.
    election = max(by_date(seed_events, D(2017, 4, 18)), key=lambda e: len(e.sources))
    tweets = [e for e in by_date(seed_events, D(2017, 4, 18)) if "tweet" in e.title]
    assert len(tweets) == 1 and tweets[0] is not election
    assert {"002", "003"} <= sources_of(tweets[0])


def test_seed_runoff_with_june_2_conflict(seed_events: tuple[Event, ...]) -> None:
    (runoff,) = by_date(seed_events, D(2017, 6, 20))
    assert sources_of(runoff) == {"000", "002", "003", "004"}
    assert [(m.article_id, m.start) for m in runoff.conflicts] == [("004", D(2017, 6, 2))]
    assert not by_date(seed_events, D(2017, 6, 2))


def test_seed_november_2016_election(seed_events: tuple[Event, ...]) -> None:
    (nov,) = [e for e in seed_events if (e.start, e.end) == (D(2016, 11, 1), D(2016, 11, 30))]
    assert sources_of(nov) == {"003", "004"}
    assert nov.display_date == "Nov 2016"


@pytest.mark.parametrize(
    ("day", "actor"),
    [
        pytest.param(D(2017, 4, 19), "Tim Kaine", id="kaine-wednesday"),
        pytest.param(D(2017, 4, 20), "Kamala Harris", id="harris-the-next-night"),
        pytest.param(D(2017, 4, 21), "Chuck Schumer", id="schumer-friday"),
        pytest.param(D(2017, 4, 22), "Cory Booker", id="booker-saturday"),
    ],
)
def test_seed_fundraisers_are_four_events(seed_events: tuple[Event, ...], day: dt.date, actor: str) -> None:
    matching = [e for e in seed_events if actor in e.actors and e.granularity == "day"]
    assert [e.start for e in matching] == [day]
    assert sources_of(matching[0]) == {"002"}


def test_three_hundred_articles_merge_in_seconds() -> None:
    import time

    rng = random.Random(7)
    vocab = [f"word{i}" for i in range(400)] + [f"Name{i} Person{i}" for i in range(40)]
    results = []
    for a in range(300):
        sentences, dates = [], []
        for _ in range(4):
            day = D(2010, 4, 20) + dt.timedelta(days=rng.randrange(90))
            expr = f"{day.day} {day:%B}"
            sentences.append(" ".join(rng.choice(vocab) for _ in range(15)) + f" on {expr} .")
            dates.append((expr, day, None, "day"))
        text = " ".join(sentences)
        seen = set()
        unique = [d for d in dates if not (d[0] in seen or seen.add(d[0]))]
        results.append(result(f"a{a:03d}", text, unique))
    started = time.perf_counter()
    evs = merge.merge_events(results)
    assert time.perf_counter() - started < 15  # about 3 s here; blocking by date keeps it linear-ish
    assert sum(len(e.sources) + len(e.conflicts) for e in evs) == len(all_mentions(results))


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.sampled_from([f"w{i}" for i in range(60)]), st.floats(0, 1), max_size=40),
    st.dictionaries(st.sampled_from([f"w{i}" for i in range(60)]), st.floats(0, 1), max_size=60),
)
def test_cosine_adds_the_products_a_plain_loop_adds(a: dict[str, float], b: dict[str, float]) -> None:
    # Only shared words are multiplied, in the smaller vector's order: the very float of a loop
    # over all its words (the zeros it adds change nothing), so clustering ties fall as before.
    small, large = (b, a) if len(a) > len(b) else (a, b)
    assert merge._cos(a, b) == sum(v * large.get(t, 0.0) for t, v in small.items())


def test_precomputed_features_give_the_same_events() -> None:
    # analyse_article stores each mention's features (cached); the merge computes any that are missing.
    from timeline.ingest import read_articles
    from timeline.pipeline import analyse_article

    arts = list(read_articles(SEEDS))
    with_features = link_collection([analyse_article(a) for a in arts])
    assert all(len(r.features) == len(r.mentions) for r in with_features)
    without = [dataclasses.replace(r, features=()) for r in with_features]
    assert merge.merge_events(with_features) == merge.merge_events(without)


def test_mention_features_put_surnames_in_a_fixed_order() -> None:
    # A set's order changes between processes, and the float sums of the similarities follow the order.
    text = "Karen Handel and Jon Ossoff met Tuesday."
    art = Article("a", text, D(2017, 4, 19), "metadata", 1.0)
    i = text.index("Tuesday")
    tx = Timex(i, i + 7, "Tuesday", "DATE", "2017-04-18", None, D(2017, 4, 18), D(2017, 4, 18), "day")
    mention = dataclasses.replace(
        events.extract_mentions(art, [tx])[0], actors=("Karen Handel", "Jon Ossoff")
    )
    (feats,) = merge.mention_features(text, [mention])
    assert [w for w in feats.own if w.startswith("@")] == ["@handel", "@ossoff"]
    assert feats.window and feats.sentence == 0


def test_mention_features_do_not_depend_on_the_hash_seed() -> None:
    # Workers (Dask, spawn) hash strings with their own seed: the features, and so the float sums of the
    # merge, must come out the same in every process.
    import os
    import subprocess
    import sys

    code = (
        "import pickle, sys\n"
        "from timeline.ingest import read_articles\n"
        "from timeline.pipeline import analyse_article\n"
        "from pathlib import Path\n"
        "rs = [analyse_article(a) for a in read_articles(Path(sys.argv[1]))]\n"
        "print([[(list(f.own), list(f.full), sorted(f.window)) for f in r.features] for r in rs])\n"
    )
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code, str(SEEDS)], env=env, capture_output=True, text=True, check=True
        )
        outs.add(done.stdout)
    assert len(outs) == 1
