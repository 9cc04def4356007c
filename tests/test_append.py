"""Appending new articles to the last build's timeline: what joins, what stays, and when it refuses."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_merge import ELECTION, FUNDRAISERS, result

from timeline import append, merge
from timeline.build import run_build
from timeline.config import Config
from timeline.model import ArticleResult, Event
from timeline.pipeline import link_collection

D = dt.date
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BY_ID = {r.article.id: r for r in [*ELECTION, FUNDRAISERS]}


def _state(ids: str, *more: ArticleResult) -> tuple[append.BuildState, dict[str, ArticleResult]]:
    """A full build of the named articles and `more`: the state it leaves, and its cache (id -> result)."""
    linked = link_collection([*(BY_ID[i] for i in ids), *more])
    events, basis = merge.merge_collection(linked)
    keys = {r.article.id: f"key-{r.article.id}" for r in linked}
    state = append.state_of_build("tool", keys, linked, keys, events, basis)
    return state, {r.article.id: r for r in linked}


def _fetch(store: Mapping[str, ArticleResult]) -> Callable[[Sequence[str]], dict[str, ArticleResult]]:
    return lambda ids: {i: store[i] for i in ids if i in store}


def _append(ids: str, new: Sequence[ArticleResult]) -> append.BuildState:
    state, store = _state(ids)
    return append.append(state, {f"key-{r.article.id}": r for r in new}, _fetch(store))


def _on(events: Sequence[Event], day: dt.date) -> list[Event]:
    return [e for e in events if e.start == day]


def test_appended_mentions_join_the_events_they_report() -> None:
    grown = _append("abe", [BY_ID["c"]])
    (runoff,) = _on(grown.events, D(2017, 6, 20))
    assert {m.article_id for m in runoff.sources} == {"a", "b", "c", "e"}
    (election,) = _on(grown.events, D(2017, 4, 18))
    assert {m.article_id for m in election.sources} == {"a", "b", "c"}


def test_a_lone_appended_date_against_a_majority_is_a_conflict() -> None:
    grown = _append("abce", [BY_ID["d"]])
    assert not _on(grown.events, D(2017, 6, 2)), "the lone June 2 must not become an event of its own"
    (runoff,) = _on(grown.events, D(2017, 6, 20))
    assert [(m.article_id, m.start) for m in runoff.conflicts] == [("d", D(2017, 6, 2))]
    # The same article's panda is another happening on the day of the election: its own event.
    panda = [e for e in _on(grown.events, D(2017, 4, 18)) if "panda" in e.summary]
    assert [{m.article_id for m in e.sources} for e in panda] == [{"d"}]


def test_appending_gives_what_a_full_build_gives_on_this_collection() -> None:
    full, _ = _state("abcdef")
    grown = _append("abcef", [BY_ID["d"]])
    assert [(e.start, e.title, len(e.sources), len(e.conflicts)) for e in grown.events] == [
        (e.start, e.title, len(e.sources), len(e.conflicts)) for e in full.events
    ]


def test_events_the_new_article_does_not_touch_keep_their_id_and_sources() -> None:
    before, _ = _state("abef")
    grown = _append("abef", [BY_ID["c"]])
    days_of_c = {m.start for m in BY_ID["c"].mentions}
    untouched = [e for e in before.events if e.start not in days_of_c]
    assert untouched, "the fixture must have events on other days"
    after = {e.id: e for e in grown.events}
    for e in untouched:
        assert e.id in after and after[e.id].sources == e.sources and after[e.id].title == e.title


def test_every_mention_is_placed_exactly_once() -> None:
    grown = _append("ab", [BY_ID["c"], BY_ID["d"], BY_ID["f"]])
    placed = [merge._key(m) for e in grown.events for m in (*e.sources, *e.conflicts)]
    expected = [merge._key(m) for r in BY_ID.values() if r.article.id in "abcdf" for m in r.mentions]
    assert sorted(placed) == sorted(expected)
    assert [a.id for a in grown.articles] == ["a", "b", "c", "d", "f"]
    assert grown.appended == 3


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(sorted(BY_ID)), min_size=2, max_size=6, unique=True), st.integers(1, 5))
def test_any_split_into_old_and_new_places_every_mention_once(ids: list[str], cut: int) -> None:
    old, new = "".join(ids[: min(cut, len(ids) - 1)]), [BY_ID[i] for i in ids[min(cut, len(ids) - 1) :]]
    grown = _append(old, new)
    placed = sorted(merge._key(m) for e in grown.events for m in (*e.sources, *e.conflicts))
    assert placed == sorted(merge._key(m) for i in ids for m in BY_ID[i].mentions)
    assert sorted(a.id for a in grown.articles) == sorted(ids)


def test_the_order_new_articles_come_in_does_not_matter() -> None:
    state, store = _state("ab")
    new = [BY_ID["c"], BY_ID["d"], BY_ID["f"]]
    one = append.append(state, {f"key-{r.article.id}": r for r in new}, _fetch(store))
    other = append.append(state, {f"key-{r.article.id}": r for r in reversed(new)}, _fetch(store))
    assert one.events == other.events and one.clues == other.clues


def test_a_new_near_duplicate_is_marked_and_adds_no_source() -> None:
    a = BY_ID["a"]
    copy = dataclasses.replace(a, article=dataclasses.replace(a.article, id="z"))
    copy = dataclasses.replace(
        copy, mentions=tuple(dataclasses.replace(m, article_id="z") for m in a.mentions)
    )
    state, _ = _state("abce")
    grown = _append("abce", [copy])
    assert next(x for x in grown.articles if x.id == "z").duplicate_of == "a"
    assert grown.events == state.events


def test_a_new_longer_copy_replaces_the_old_canonical_text() -> None:
    # A wire story updated with one more sentence: the longer text is the group's canonical one, so the
    # old one becomes its duplicate and its mentions leave the timeline, as in a full build.
    a = BY_ID["a"]
    longer = result(
        "z",
        a.article.text + " Turnout was the highest for a special election in the state.",
        [("Tuesday", D(2017, 4, 18), None, "day"), ("June 20", D(2017, 6, 20), None, "day")],
    )
    grown = _append("abce", [longer])
    by_id = {x.id: x for x in grown.articles}
    assert by_id["a"].duplicate_of == "z" and by_id["z"].duplicate_of is None
    cited = {m.article_id for e in grown.events for m in (*e.sources, *e.conflicts)}
    assert "a" not in cited and "z" in cited
    full, _ = _state("abce", longer)
    assert [(e.start, e.title, len(e.sources)) for e in grown.events] == [
        (e.start, e.title, len(e.sources)) for e in full.events
    ]
    assert grown.stats == full.stats


REFUSALS = [
    # (what changed, the words the reason must hold)
    ("an old article's text changed", "changed since the last build"),
    ("an old article is gone", "removed since the last build"),
    ("the collection grew past the limit", "grew by more than"),
]


@pytest.mark.parametrize(("case", "reason"), REFUSALS)
def test_inputs_that_need_a_full_build_are_refused(case: str, reason: str) -> None:
    state, _ = _state("abcde")
    inputs = dict(state.inputs)
    if case.startswith("an old article's text"):
        inputs["a"] = "another key"
    elif case.startswith("an old article is gone"):
        del inputs["a"]
    else:
        inputs.update({f"n{i}": f"k{i}" for i in range(2)})
    with pytest.raises(append.CannotAppend, match=reason):
        append.check_inputs(state, inputs)


def test_an_undated_new_article_is_refused() -> None:
    undated = result("u", "Ossoff met Karen Handel on June 20.", [("June 20", D(2017, 6, 20), None, "day")])
    undated = dataclasses.replace(undated, article=dataclasses.replace(undated.article, published=None))
    with pytest.raises(append.CannotAppend, match="no date of its own"):
        _append("abce", [undated])


def test_a_result_gone_from_the_cache_is_refused() -> None:
    state, store = _state("abe")
    del store["a"]
    with pytest.raises(append.CannotAppend, match="no longer holds"):
        append.append(state, {"key-c": BY_ID["c"]}, _fetch(store))


# End to end: `timeline build --append` on files, with the cache.


def _copy_seeds(folder: Path, skip: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in SEEDS.glob("*.txt"):
        if not skip or not path.name.startswith(skip):
            (folder / path.name).write_bytes(path.read_bytes())


def _config(tmp_path: Path, source: Path, out: str) -> Config:
    return Config(input=source, out=tmp_path / out, cache=tmp_path / "cache", quiet=True, jobs=1)


FILES = ("index.html", "timeline.yaml")


def test_append_with_nothing_new_writes_the_same_bytes(tmp_path: Path) -> None:
    _copy_seeds(tmp_path / "in")
    run_build(_config(tmp_path, tmp_path / "in", "full"))
    _, stats, _ = run_build(_config(tmp_path, tmp_path / "in", "append"), append=True)
    assert stats.computed == 0
    for name in FILES:
        assert (tmp_path / "append" / name).read_bytes() == (tmp_path / "full" / name).read_bytes()


def test_append_tags_only_the_new_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(append, "GROWTH_LIMIT", 1.0)  # five seeds: one more is 25%
    source = tmp_path / "in"
    _copy_seeds(source, skip="002")
    run_build(_config(tmp_path, source, "full"))
    _copy_seeds(source)
    first, stats, _ = run_build(_config(tmp_path, source, "one"), append=True)
    assert stats.computed == 1
    assert len(first.articles) == 5 and any(
        m.article_id.startswith("002") for e in first.events for m in e.sources
    )
    again, stats, _ = run_build(_config(tmp_path, source, "again"), append=True)
    assert stats.computed == 0 and again.events == first.events
    for name in FILES:
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "one" / name).read_bytes()


def test_append_builds_in_full_when_an_article_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in"
    _copy_seeds(source)
    run_build(_config(tmp_path, source, "first"))
    changed = next(source.glob("002*"))
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nThe board met on Thursday.\n", encoding="utf-8"
    )
    config = dataclasses.replace(_config(tmp_path, source, "append"), quiet=False)
    run_build(config, append=True)
    assert "building in full: 1 article(s) changed" in capsys.readouterr().err
    run_build(dataclasses.replace(config, out=tmp_path / "fresh", cache=None, quiet=True))
    for name in FILES:
        assert (tmp_path / "append" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
