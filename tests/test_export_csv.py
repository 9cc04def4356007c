"""CSV in the TimelineJS / Flourish Google-sheet layout."""

from __future__ import annotations

import csv
import io

from test_export_fixtures import sample_timeline

from timeline.export import render
from timeline.export.csv_export import COLUMNS


def _rows() -> list[dict[str, str]]:
    text = render(sample_timeline(), "csv")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_columns_in_the_sheet_order() -> None:
    header = render(sample_timeline(), "csv").split("\r\n", 1)[0]
    assert header == (
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
        "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background"
    )
    assert tuple(header.split(",")) == COLUMNS


def test_crlf_line_endings_only() -> None:
    text = render(sample_timeline(), "csv")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # newlines inside quoted fields are CRLF too


def test_title_row_then_one_row_per_event() -> None:
    rows = _rows()
    assert rows[0]["Type"] == "title" and rows[0]["Year"] == ""
    assert len(rows) == 1 + len(sample_timeline().events)


def test_dates_at_the_right_granularity() -> None:
    rows = {r["Headline"]: r for r in _rows()[1:]}
    month = rows["Ossoff raises money"]
    assert (month["Year"], month["Month"], month["Day"]) == ("2017", "3", "")
    assert (month["End Year"], month["End Month"], month["End Day"]) == ("2017", "3", "")
    assert month["Display Date"] == "March 2017"
    day = rows["Special election: Ossoff short of 50 percent"]
    assert (day["Year"], day["Month"], day["Day"], day["End Year"]) == ("2017", "4", "18", "")
    assert day["Group"] == "Ossoff"


def test_hostile_text_is_escaped_html() -> None:
    text = render(sample_timeline(), "csv")
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;" in text
