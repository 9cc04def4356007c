"""TIMEX3 values -> the calendar range they cover (first and last day), and the reverse helpers."""

from __future__ import annotations

import datetime as dt
import functools

import pendulum
import regex

# A season's months; winter starts in December of the value's year and runs into the next one.
SEASONS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_VALUE = regex.compile(
    r"""^(?:
        (?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?P<t>T.*)? |
        (?P<wy>\d{4})-W(?P<w>\d{1,2})(?P<we>-WE)? |
        (?P<my>\d{4})-(?P<mm>\d{2}) |
        (?P<qy>\d{4})-Q(?P<q>[1-4]) |
        (?P<hy>\d{4})-H(?P<h>[12]) |
        (?P<sy>\d{4})-(?P<s>SP|SU|FA|WI) |
        (?P<year>\d{4}) |
        (?P<dec>\d{3}) |
        (?P<cen>\d{2})
    )$""",
    regex.VERBOSE,
)


def week_start(year: int, week: int) -> dt.date:
    """Monday of ISO week `week` of ISO year `year`."""
    return dt.date.fromisocalendar(year, week, 1)


def last_day(year: int, month: int) -> dt.date:
    """Last day of a month, by pendulum's calendar."""
    d = pendulum.date(year, month, 1).end_of("month")
    return dt.date(d.year, d.month, d.day)


def closing_quarter(year: int, month: int) -> str:
    """The calendar quarter of three months that end in `month`: the one holding their middle month
    (December to February is mostly the first quarter)."""
    middle_year, middle = (year - 1, 12) if month == 1 else (year, month - 1)
    return f"{middle_year:04d}-Q{(middle + 2) // 3}"


@functools.lru_cache(maxsize=4096)
def value_range(value: str) -> tuple[dt.date, dt.date, str] | None:
    """First day, last day and granularity a TIMEX3 date value covers; None when it is not a date."""
    m = _VALUE.match(value)
    if m is None:
        return None
    try:
        if m["y"]:
            day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            return day, day, "time" if m["t"] else "day"
        if m["wy"]:
            start = week_start(int(m["wy"]), int(m["w"]))
            if m["we"]:
                return start + dt.timedelta(days=5), start + dt.timedelta(days=6), "week"
            return start, start + dt.timedelta(days=6), "week"
        if m["my"]:
            y, mo = int(m["my"]), int(m["mm"])
            return dt.date(y, mo, 1), last_day(y, mo), "month"
        if m["qy"]:
            y, q = int(m["qy"]), int(m["q"])
            return dt.date(y, 3 * q - 2, 1), last_day(y, 3 * q), "quarter"
        if m["hy"]:
            y, h = int(m["hy"]), int(m["h"])
            return dt.date(y, 6 * h - 5, 1), last_day(y, 6 * h), "quarter"
        if m["sy"]:
            y = int(m["sy"])
            first, last = SEASONS[m["s"]]
            end_year = y + 1 if last < first else y
            return dt.date(y, first, 1), last_day(end_year, last), "season"
        if m["year"]:
            y = int(m["year"])
            return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        if m["dec"]:
            y = int(m["dec"]) * 10
            return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31), "decade"
        if m["cen"]:
            y = int(m["cen"]) * 100
            return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), "century"
    except ValueError:
        # An impossible calendar value (e.g. week 53 of a 52-week year): no range rather than a wrong one.
        return None
    return None


# The part of a range a fuzzy mod keeps: "early 2018" is its first third, "late November" its last.
_MOD_PART = {"START": 0, "MID": 1, "END": 2}
_NARROWABLE = frozenset(("month", "quarter", "season", "year", "decade", "century"))


def narrow(first: dt.date, last: dt.date, granularity: str, mod: str | None) -> tuple[dt.date, dt.date]:
    """The days a START/MID/END mod leaves of a month-or-coarser range (its first, middle or last third)."""
    part = _MOD_PART.get(mod or "")
    if part is None or granularity not in _NARROWABLE:
        return first, last
    days = (last - first).days + 1
    lo = first + dt.timedelta(days=days * part // 3)
    hi = first + dt.timedelta(days=days * (part + 1) // 3 - 1)
    return lo, hi
