"""iCalendar export (RFC 5545): structure, escaping, folding, determinism."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from test_export_fixtures import HOSTILE, sample_timeline

from timeline.export import render
from timeline.export.ics import escape_text, fold_line
from timeline.model import Timeline


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_calendar_structure() -> None:
    text = render(sample_timeline(), "ics")
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-2:] == ["END:VCALENDAR", ""]
    assert "VERSION:2.0" in lines and any(x.startswith("PRODID:") for x in lines)
    assert lines.count("BEGIN:VEVENT") == len(sample_timeline().events)
    assert "UID:e-runoff@timeline" in lines


def test_all_day_events_with_exclusive_end() -> None:
    lines = _unfold(render(sample_timeline(), "ics"))
    at = lines.index("UID:e-fundraising@timeline")
    block = lines[at : lines.index("END:VEVENT", at)]
    assert "DTSTART;VALUE=DATE:20170301" in block
    assert "DTEND;VALUE=DATE:20170401" in block  # March 31 is the last day, so April 1 ends it
    at = lines.index("UID:e-runoff@timeline")
    block = lines[at : lines.index("END:VEVENT", at)]
    assert "DTEND;VALUE=DATE:20170621" in block


def test_dtstamp_comes_from_the_data_not_the_clock() -> None:
    lines = _unfold(render(sample_timeline(), "ics"))
    stamps = {x for x in lines if x.startswith("DTSTAMP:")}
    assert stamps == {"DTSTAMP:20170421T000000Z"}  # the latest publication date
    empty = render(Timeline(title="t", articles=(), events=()), "ics")
    assert "DTSTAMP" not in empty  # no events, no stamp needed
    assert render(sample_timeline(), "ics") == render(sample_timeline(), "ics")


def test_crlf_and_folding_at_75_octets() -> None:
    text = render(sample_timeline(), "ics")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a,b", "a\\,b"),
        ("a;b", "a\\;b"),
        ("a\\b", "a\\\\b"),
        ("a\nb", "a\\nb"),
        ("a\r\nb", "a\\nb"),
        ("plain", "plain"),
    ],
)
def test_text_escaping(raw: str, escaped: str) -> None:
    assert escape_text(raw) == escaped


def test_folding_never_splits_a_character() -> None:
    line = "DESCRIPTION:" + "é☃" * 60
    folded = fold_line(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(len(p.encode("utf-8")) <= 74 for p in parts[1:])


def test_description_lists_sources_and_conflicts() -> None:
    lines = _unfold(render(sample_timeline(), "ics"))
    at = lines.index("UID:e-runoff@timeline")
    description = next(x for x in lines[at:] if x.startswith("DESCRIPTION:"))
    assert "The runoff will be held on June 20\\, officials said." in description
    assert "Sources disagree" in description and "2017-06-21" in description
    assert "https://example.com/a1" in description
    assert "javascript:" not in render(sample_timeline(), "ics")


def test_hostile_text_is_escaped_not_structural() -> None:
    text = render(sample_timeline(), "ics")
    unfolded = _unfold(text)
    # Every content line still starts with a property name: nothing broke out of a value.
    for line in unfolded[:-1]:
        assert re.match(r"^[A-Z-]+[;:]", line), line
    assert HOSTILE.split("\u2028")[0].replace(",", "\\,").replace(";", "\\;") in "".join(unfolded)


def test_dates_are_dates() -> None:
    lines = _unfold(render(sample_timeline(), "ics"))
    for line in lines:
        if line.startswith(("DTSTART", "DTEND")):
            dt.datetime.strptime(line.rsplit(":", 1)[1], "%Y%m%d")


def test_early_years_keep_eight_digit_dates() -> None:
    from dataclasses import replace

    timeline = sample_timeline()
    early = replace(timeline.events[0], start=dt.date(5, 3, 1), end=dt.date(5, 3, 31))
    lines = _unfold(render(replace(timeline, events=(early,)), "ics"))
    assert "DTSTART;VALUE=DATE:00050301" in lines
    assert "DTEND;VALUE=DATE:00050401" in lines
