"""Human-readable dates for events: "Tue 18 Apr 2017", "week of 10 Apr 2017", "Q2 2017", "2010s"."""

from __future__ import annotations

import datetime as dt
import re

_SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring"}
_SEASONS.update({6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"})
_TIME_RE = re.compile(r"T(\d{2}):(\d{2})")


def _day(d: dt.date) -> str:
    return f"{d.day} {d:%b %Y}"


def _day_range(start: dt.date, end: dt.date) -> str:
    if start.year != end.year:
        return f"{_day(start)} – {_day(end)}"
    if start.month != end.month:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day}–{end.day} {end:%b %Y}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def display_date(start: dt.date, end: dt.date, granularity: str | None, value: str | None = None) -> str:
    """A date range as readers expect it, at the precision the sources give (`value` adds a time)."""
    if end < start:
        start, end = end, start
    gran = granularity or "day"
    if gran in ("day", "time"):
        if start != end:
            return _day_range(start, end)
        text = f"{start:%a} {_day(start)}"
        match = _TIME_RE.search(value or "") if gran == "time" else None
        return f"{text}, {match.group(1)}:{match.group(2)}" if match else text
    if gran == "week":
        return f"week of {_day(start)}"
    if gran == "month":
        if (start.year, start.month) == (end.year, end.month):
            return f"{start:%b %Y}"
        if start.year == end.year:
            return f"{start:%b}–{end:%b %Y}"
        return f"{start:%b %Y} – {end:%b %Y}"
    if gran == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if gran == "season":
        season = _SEASONS[start.month]
        if season == "winter" and start.month == 12:
            # Winter straddles New Year: name both years rather than guess one.
            return f"winter {start.year}/{str(start.year + 1)[-2:]}"
        return f"{season} {start.year}"
    if gran == "year":
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if gran == "decade":
        return f"{start.year // 10 * 10}s"
    if gran == "century":
        return f"{_ordinal(start.year // 100 + 1)} century"
    return _day_range(start, end) if start != end else f"{start:%a} {_day(start)}"
