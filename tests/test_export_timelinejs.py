"""TimelineJS3 JSON: the documented shape, dates at the right granularity, escaped HTML."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from test_export_fixtures import sample_timeline

from timeline.export import render
from timeline.export.timelinejs import date_object, timeline_to_timelinejs


@pytest.mark.parametrize(
    ("granularity", "expected"),
    [
        ("day", {"year": 2017, "month": 4, "day": 18}),
        ("time", {"year": 2017, "month": 4, "day": 18}),
        ("week", {"year": 2017, "month": 4, "day": 18}),
        ("month", {"year": 2017, "month": 4}),
        ("quarter", {"year": 2017, "month": 4}),
        ("season", {"year": 2017, "month": 4}),
        ("year", {"year": 2017}),
        ("decade", {"year": 2017}),
    ],
)
def test_date_object_keeps_only_known_parts(granularity: str, expected: dict[str, int]) -> None:
    assert date_object(dt.date(2017, 4, 18), granularity) == expected


def test_shape_follows_the_timelinejs_json_format() -> None:
    data = json.loads(render(sample_timeline(), "timelinejs"))
    assert set(data) == {"title", "events"}
    assert data["title"]["text"]["headline"].startswith("Georgia's 6th: &lt;script&gt;")
    ids = [e["unique_id"] for e in data["events"]]
    assert ids == [e.id for e in sample_timeline().events]
    assert len(set(ids)) == len(ids)
    for slide in data["events"]:
        assert {"start_date", "text", "group", "unique_id"} <= slide.keys()
        assert isinstance(slide["start_date"]["year"], int)
        assert {"headline", "text"} <= slide["text"].keys()


def test_span_has_end_date_and_display_date() -> None:
    data = timeline_to_timelinejs(sample_timeline())
    month = next(e for e in data["events"] if e["unique_id"] == "e-fundraising")
    assert month["start_date"] == {"year": 2017, "month": 3}
    assert month["end_date"] == {"year": 2017, "month": 3}
    assert month["display_date"] == "March 2017"
    day = next(e for e in data["events"] if e["unique_id"] == "e-special-election")
    assert "end_date" not in day and "display_date" not in day


def test_sources_quotes_and_conflicts_are_in_the_text() -> None:
    data = timeline_to_timelinejs(sample_timeline())
    runoff = next(e for e in data["events"] if e["unique_id"] == "e-runoff")
    text = runoff["text"]["text"]
    assert "<mark>June 20</mark>" in text
    assert '<a href="https://example.com/a1">Trump weighs in on Georgia race</a>' in text
    assert "Sources disagree" in text and "2017-06-21" in text
    assert runoff["display_date"] == "20 June 2017"  # a conflicting date is shown in words


def test_hostile_strings_are_escaped() -> None:
    text = render(sample_timeline(), "timelinejs")
    assert "<script" not in text and "<img" not in text
    assert "javascript:" not in text  # the hostile article's link is dropped, its title kept
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
