"""Properties of the tagger: it never raises, and every span it returns is valid."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import timeline.temporal
from timeline.temporal import tag

# Text built from words the grammar reacts to, so the property exercises the rules, not just noise.
_WORDS = st.sampled_from(
    [
        "the",
        "a",
        "last",
        "next",
        "this",
        "past",
        "early",
        "late",
        "mid-",
        "since",
        "in",
        "on",
        "at",
        "ago",
        "later",
        "earlier",
        "year",
        "years",
        "week",
        "month",
        "Tuesday",
        "Friday",
        "June",
        "May",
        "March",
        "2017",
        "1990s",
        "'90s",
        "20th",
        "8",
        "p.m.",
        "a.m.",
        "noon",
        "night",
        "morning",
        "quarter",
        "third",
        "fiscal",
        "two",
        "40",
        "nearly",
        "about",
        "day",
        "days",
        "now",
        "today",
        "recently",
        "future",
        "summer",
        "fall",
        "12/25/2017",
        "2017-04-18",
        "daily",
        "every",
        ",",
        ".",
        "-",
        "’s",
        "$",
        "%",
        "1,000",
        "Christmas",
        "year-ago",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(_WORDS, st.text(max_size=5)), max_size=40).map(" ".join),
)
_DCT = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))


def _check(text: str, dct: dt.date | None) -> None:
    found = tag(text, dct)
    previous_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= previous_end, "expressions overlap or are not sorted"
        previous_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert (t.range_start is None) == (t.range_end is None)
        if t.range_start is not None and t.range_end is not None:
            assert t.range_start <= t.range_end
        if dct is None:
            assert t.anchor != "dct"


@settings(max_examples=300, deadline=None)
@given(_TEXT, _DCT)
def test_tag_never_raises_and_offsets_are_valid(text: str, dct: dt.date | None) -> None:
    _check(text, dct)


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_tag_is_deterministic(text: str) -> None:
    assert tag(text, "2017-04-19") == tag(text, "2017-04-19")


def test_out_of_range_arithmetic_is_dropped_not_raised() -> None:
    # Regression: "2017 years earlier" once reached year 0 in pendulum and raised.
    assert all(t.value != "0000" for t in tag("12/25/2017 years earlier", "2017-04-19"))


def test_public_api() -> None:
    assert set(timeline.temporal.__all__) >= {"tag", "format_timexes"}
