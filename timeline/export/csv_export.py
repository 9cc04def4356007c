"""Timeline -> CSV with the TimelineJS / Flourish Google-sheet columns, ready to paste into a sheet.

RFC 4180 CRLF line endings; the first row after the header is the title slide (Type = "title"),
as in the TimelineJS template sheet. Headline and Text hold HTML (escaped), as the sheet expects.
"""

from __future__ import annotations

import csv
import io

from timeline.export._shared import article_index, assign_lanes, is_span
from timeline.export.timelinejs import date_object, event_text_html, text_html
from timeline.model import Timeline

COLUMNS: tuple[str, ...] = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)


def timeline_rows(timeline: Timeline) -> list[dict[str, str]]:
    """One row per column dict: the title row, then one row per event in timeline order."""
    articles = article_index(timeline.articles)
    _, lane_of = assign_lanes(timeline)
    rows = [{"Headline": text_html(timeline.title), "Type": "title"}]
    for event in timeline.events:
        start = date_object(event.start, event.granularity)
        row = {
            "Year": str(start["year"]),
            "Month": str(start.get("month", "")),
            "Day": str(start.get("day", "")),
            "Headline": text_html(event.title),
            "Text": event_text_html(event, articles),
            "Group": text_html(lane_of[event.id]),
        }
        if is_span(event):
            end = date_object(event.end, event.granularity)
            row["End Year"] = str(end["year"])
            row["End Month"] = str(end.get("month", ""))
            row["End Day"] = str(end.get("day", ""))
            row["Display Date"] = text_html(event.display_date)
        elif event.confidence < 1.0 or event.conflicts:
            row["Display Date"] = text_html(event.display_date)
        rows.append(row)
    return [{col: row.get(col, "") for col in COLUMNS} for row in rows]


def dump_csv(timeline: Timeline) -> str:
    """Serialise a timeline as CSV text (header + title row + events, CRLF line endings)."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(timeline_rows(timeline))
    return buffer.getvalue()
