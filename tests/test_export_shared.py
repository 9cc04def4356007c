"""Rules every exporter shares: spans vs points, lanes, quote highlighting, safe links."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from test_export_fixtures import mention, sample_timeline

from timeline.export._shared import (
    OTHER_LANE,
    PRECISION_LANES,
    assign_lanes,
    is_span,
    quote_parts,
    safe_url,
)
from timeline.model import Event, Timeline


def _event(i: int, actors: tuple[str, ...], granularity: str = "day", days: int = 0) -> Event:
    start = dt.date(2017, 4, 1) + dt.timedelta(days=i)
    return Event(
        id=f"e{i:02d}",
        start=start,
        end=start + dt.timedelta(days=days),
        granularity=granularity,  # type: ignore[arg-type]
        display_date=start.isoformat(),
        title=f"event {i}",
        summary="",
        salience=1.0,
        sources=(),
        actors=actors,
    )


@pytest.mark.parametrize(
    ("granularity", "days", "span"),
    [
        ("day", 0, False),
        ("time", 0, False),
        ("day", 2, True),  # uncertain: start != end
        ("week", 6, True),
        ("month", 30, True),
        ("year", 364, True),
        ("decade", 3652, True),
    ],
)
def test_span_rule(granularity: str, days: int, span: bool) -> None:
    assert is_span(_event(0, (), granularity, days)) is span


def test_lanes_by_main_actor_most_frequent_first() -> None:
    events = (
        _event(0, ("Ossoff", "Trump")),
        _event(1, ("Ossoff",)),
        _event(2, ("Trump",)),
        _event(3, ("Ossoff",)),
        _event(4, ("Handel",)),  # only once: no lane of its own
        _event(5, ()),
    )
    lanes, lane_of = assign_lanes(Timeline("t", (), events))
    assert lanes == ("Ossoff", "Trump", OTHER_LANE)
    assert [lane_of[e.id] for e in events] == [
        "Ossoff",
        "Ossoff",
        "Trump",
        "Ossoff",
        OTHER_LANE,
        OTHER_LANE,
    ]


def test_at_most_five_actor_lanes() -> None:
    events = tuple(_event(i, (f"Actor {i % 7}",)) for i in range(21))
    lanes, _ = assign_lanes(Timeline("t", (), events))
    assert lanes == ("Actor 0", "Actor 1", "Actor 2", "Actor 3", "Actor 4", OTHER_LANE)


def test_precision_lanes_when_actors_do_not_separate() -> None:
    events = (_event(0, ()), _event(1, ("Solo",)), _event(2, (), "month", 30), _event(3, (), "year", 364))
    lanes, lane_of = assign_lanes(Timeline("t", (), events))
    assert lanes == (PRECISION_LANES[0], PRECISION_LANES[1], PRECISION_LANES[2])
    assert lane_of["e02"] == "Week or month"


def test_lanes_do_not_depend_on_event_order() -> None:
    events = sample_timeline().events
    forward = assign_lanes(Timeline("t", (), events))
    backward = assign_lanes(Timeline("t", (), tuple(reversed(events))))
    assert forward == backward


def test_quote_parts_from_offsets() -> None:
    m = mention("a", "It ended on June 20, officials said.", "June 20", dt.date(2017, 6, 20))
    assert quote_parts(m) == ("It ended on ", "June 20", ", officials said.")


def test_quote_parts_falls_back_to_a_text_match_then_to_nothing() -> None:
    m = mention("a", "It ended on June 20, officials said.", "June 20", dt.date(2017, 6, 20))
    shifted = dataclasses.replace(m, quote_start=m.quote_start + 3)
    assert quote_parts(shifted) == ("It ended on ", "June 20", ", officials said.")
    elsewhere = dataclasses.replace(m, quote="A quote without the date.")
    assert quote_parts(elsewhere) == ("A quote without the date.", "", "")


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.com/a", "https://example.com/a"),
        ("http://example.com", "http://example.com"),
        (" https://example.com/a ", "https://example.com/a"),
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//example.com/a", None),
        ("/relative", None),
        ("https://", None),
        ("http://[::1", None),  # unparseable
        ("", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, safe: str | None) -> None:
    assert safe_url(url) == safe
