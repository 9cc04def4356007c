"""display_date: one row per granularity and range shape."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.display import display_date
from timeline.model import GRANULARITIES

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "granularity", "value", "expected"),
    [
        pytest.param(D(2017, 4, 18), D(2017, 4, 18), "day", None, "Tue 18 Apr 2017", id="day"),
        pytest.param(D(2017, 4, 18), D(2017, 4, 18), "time", None, "Tue 18 Apr 2017", id="time-no-clock"),
        pytest.param(
            D(2017, 4, 18),
            D(2017, 4, 18),
            "time",
            "2017-04-18T05:30",
            "Tue 18 Apr 2017, 05:30",
            id="time-with-clock",
        ),
        pytest.param(D(2017, 4, 10), D(2017, 4, 16), "week", None, "week of 10 Apr 2017", id="week"),
        pytest.param(D(2017, 4, 1), D(2017, 4, 30), "month", None, "Apr 2017", id="month"),
        pytest.param(D(2017, 4, 1), D(2017, 6, 30), "quarter", None, "Q2 2017", id="quarter"),
        pytest.param(D(2017, 6, 1), D(2017, 8, 31), "season", None, "summer 2017", id="season"),
        pytest.param(
            D(2016, 12, 1), D(2017, 2, 28), "season", None, "winter 2016/17", id="winter-straddles-year"
        ),
        pytest.param(D(2018, 1, 1), D(2018, 12, 31), "year", None, "2018", id="year"),
        pytest.param(D(2010, 1, 1), D(2019, 12, 31), "decade", None, "2010s", id="decade"),
        pytest.param(D(2001, 1, 1), D(2100, 12, 31), "century", None, "21st century", id="century"),
        pytest.param(D(2017, 4, 18), D(2017, 4, 20), "day", None, "18–20 Apr 2017", id="day-range"),
        pytest.param(
            D(2017, 4, 30), D(2017, 5, 2), "day", None, "30 Apr – 2 May 2017", id="range-across-months"
        ),
        pytest.param(
            D(2016, 12, 30), D(2017, 1, 2), "day", None, "30 Dec 2016 – 2 Jan 2017", id="range-across-years"
        ),
        pytest.param(D(2017, 4, 1), D(2017, 6, 30), "month", None, "Apr–Jun 2017", id="month-range"),
        pytest.param(D(2017, 4, 20), D(2017, 4, 18), "day", None, "18–20 Apr 2017", id="reversed-range"),
        pytest.param(D(2017, 4, 18), D(2017, 4, 18), None, None, "Tue 18 Apr 2017", id="no-granularity"),
    ],
)
def test_display_date(
    start: dt.date, end: dt.date, granularity: str | None, value: str | None, expected: str
) -> None:
    assert display_date(start, end, granularity, value) == expected


@given(
    st.dates(min_value=D(1800, 1, 1), max_value=D(2200, 1, 1)),
    st.integers(min_value=0, max_value=400),
    st.sampled_from(GRANULARITIES),
)
def test_display_date_never_raises(start: dt.date, days: int, granularity: str) -> None:
    text = display_date(start, start + dt.timedelta(days=days), granularity)
    assert text
    assert str(start.year)[:2] in text or granularity in ("decade", "century")
