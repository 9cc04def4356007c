"""Shared pieces of normalisation: the result types, vocabularies, and small helpers every rule uses.

Underscored names here are shared by the rule modules of `timeline.temporal` only, not public API.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import regex

from timeline.temporal.anchor import (
    REACH,
    Tense,
    firm_tense_at,
    quarter_of,
    shift,
    side_signal,
    tense_at,
    week_value,
)
from timeline.temporal.calendar import value_range
from timeline.temporal.grammar import (
    DIGITS,
    HOUR_WORD,
    MONTHS,
    NUMBERS,
    ORDINALS,
    Candidate,
    compile_pattern,
)


@functools.lru_cache(maxsize=512)
def _rx(pattern: str) -> re.Pattern[str] | regex.Pattern[str]:
    """A compiled pattern, cached: cheaper than the engines' own per-call cache lookups."""
    return compile_pattern(pattern)


@dataclass(frozen=True, slots=True)
class Norm:
    """A normalised expression: span (possibly trimmed or extended), TIMEX3 attributes, anchoring."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    anchor: str = "absolute"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may look at: the text, the DCT, and the last resolved date before the candidate."""

    text: str
    dct: dt.date | None
    last_day: dt.date | None = None
    last_value: str | None = None
    last_end: int = -1
    # The last value resolved at all, anaphoric ones too: "Two years later ... the following spring".
    last_any: str | None = None
    # The day named before `last_day`: "the next day" or "that afternoon" under a past verb counts
    # from it when the last day lies after publication ("spread, officials said Monday. It escalated
    # the next day").
    prior_day: dt.date | None = None
    # The last month or quarter named outright: "the year-ago quarter" after "the quarter ended
    # Sept. 30" compares with that quarter, not with the day that closes it.
    last_period: str | None = None


_PARTS = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
    "dawn": "MO",
    "daybreak": "MO",
    "dusk": "EV",
}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_TOKEN = compile_pattern("|".join(_SEASONS))
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
_UNITS = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "night": ("D", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "weekend": ("WE", 1, False),
    "month": ("M", 1, False),
    "quarter": ("Q", 1, False),
    "year": ("Y", 1, False),
    "decade": ("DE", 1, False),
    "century": ("CE", 1, False),
    "centurie": ("CE", 1, False),
}
_WORD = compile_pattern(r"[A-Za-z]+(?:'s)?|\d+(?:\.\d+)?")
_MONTH_TOKEN = compile_pattern(
    r"(?i:(?<![\w])(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?!\w))"
)
_DAY_TOKEN = compile_pattern(r"(?<![\d.,])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])")
_YEAR_TOKEN = compile_pattern(r"(?<!\d)((?:1[0-9]|20)\d\d)(?!\d)")
_DOW_TOKEN = compile_pattern(r"(?i:(monday|tuesday|wednesday|thursday|friday|saturday|sunday))")
_CLOCK_TOKEN = compile_pattern(
    rf"(?i:(?P<h>\d{{1,2}}|{HOUR_WORD})(?:[:.]?(?P<m>\d\d)(?::\d\d)?)?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?|"
    r"(?P<w>noon|midnight|midday|dawn|dusk|daybreak))"
)


# --- small helpers -------------------------------------------------------------------------------


def parse_number(words: str) -> float | None:
    """'two' -> 2, 'twenty-four' -> 24, '40' -> 40, 'two and a half' -> 2.5; None for vague words."""
    w = _rx(r"\s+").sub(" ", words.lower().strip())
    # "six-and-a-half" is written with hyphens as often as with spaces.
    w = _rx(r"[-\s]and[-\s]a[-\s]half$").sub(" and a half", w)
    if w in ("half", "half a", "half an", "a half", "an half"):
        return 0.5
    if w in ("quarter", "a quarter", "an quarter"):
        return 0.25
    if w == "another":
        return 1.0  # "another week": one more
    half = 0.0
    if w.endswith(" and a half"):
        w, half = w[: -len(" and a half")], 0.5
    if _rx(DIGITS).fullmatch(w):
        return float(w.replace(",", "")) + half
    if w in NUMBERS:
        return NUMBERS[w] + half
    parts = _rx(r"[-\s]").split(w)
    if len(parts) == 2 and parts[1] == "hundred" and parts[0] in NUMBERS:
        return NUMBERS[parts[0]] * 100 + half
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]] + half
    return None


def _fmt_number(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration for n units (None = unknown amount, the X of PXY)."""
    code, per, is_time = _UNITS[unit]
    if n is not None:
        n *= per  # "a fortnight" is P2W
    # Decades, centuries and quarters are written in years and months ("half a decade" is P5Y).
    into = {"DE": ("Y", 10), "CE": ("Y", 100), "Q": ("M", 3)}.get(code)
    if into is not None and n is not None:
        code, n = into[0], n * into[1]
    if code == "W" and n is not None and n != int(n):
        code, n = "D", n * 7  # weeks mix with no other unit: "a week and a half" is P10DT12H
    amount = "X" if n is None else _fmt_number(n)
    if n is not None and n != int(n) and (code, is_time) in _FRACTION_INTO:
        # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M: the fraction in the next smaller unit.
        smaller, factor, smaller_is_time = _FRACTION_INTO[code, is_time]
        whole, rest = int(n), round((n - int(n)) * factor)
        head = f"P{'T' if is_time else ''}{whole}{code}" if whole else f"P{'T' if is_time else ''}"
        if smaller_is_time and not is_time:
            head += "T"
        return f"{head}{rest}{smaller}"
    return f"P{'T' if is_time else ''}{amount}{code}"


# (unit code, time unit?) -> (next smaller unit, how many of it make one, whether that is a time unit)
_FRACTION_INTO = {
    ("Y", False): ("M", 12, False),
    ("M", False): ("D", 30, False),
    ("D", False): ("H", 24, True),
    ("H", True): ("M", 60, True),
    ("M", True): ("S", 60, True),
}


def _unit_of(word: str) -> str | None:
    w = word.lower().rstrip("s")
    if w == "centurie":
        w = "century"
    return w if w in _UNITS else None


def day_value(day: dt.date) -> str:
    """TIMEX3 value of a calendar day."""
    return day.isoformat()


def _tense(ctx: Context, c: Candidate) -> Tense:
    return tense_at(ctx.text, c.start, c.end)


def _weekday_tense(ctx: Context, c: Candidate) -> Tense:
    """Tense for a weekday or weekend, where 'the leaders meet Friday' is a timetable ahead."""
    return tense_at(ctx.text, c.start, c.end, timetable=True)


FIRM_REACH = 10.0


def _month_tense(ctx: Context, c: Candidate, timetable: bool = False) -> tuple[Tense, float]:
    """Tense for a month name and how far it may pull: a signal word ('since', 'until') settles it;
    `timetable` lets a scheduling verb's present ("ends", "expires") point ahead."""
    signal = side_signal(ctx.text, c.start, c.end)
    if signal is not None:
        return signal, 12.0
    tense, firm = firm_tense_at(ctx.text, c.start, c.end, timetable=timetable)
    return tense, FIRM_REACH if firm else REACH


def _month_of(s: str) -> int | None:
    m = _MONTH_TOKEN.search(s)
    return MONTHS[m[1].lower()] if m else None


def _norm(c: Candidate, typ: str, value: str, mod: str | None = None, anchor: str = "absolute",
          confidence: float = 1.0) -> Norm:  # fmt: skip
    return Norm(c.start, c.end, typ, value, mod, anchor, confidence)


def _unresolved(c: Candidate, typ: str, value: str, mod: str | None = None) -> Norm:
    return Norm(c.start, c.end, typ, value, mod, "none", 0.5)


def _season_of(low: str) -> str | None:
    """TIMEX3 code ('SU') of the first season word in a lowercased string."""
    m = _SEASON_TOKEN.search(low)
    return _SEASONS[m[0]] if m else None


def _part_of(s: str) -> str | None:
    m = _rx(r"(?i:morning|afternoon|evening|night|overnight|dawn|dusk|daybreak)").search(s)
    return m[0].lower() if m else None


# --- weeks, months, years relative to the DCT -----------------------------------------------------


def _relative_unit(ctx: Context, unit: str, offset: int) -> str | None:
    """Value of the calendar unit `offset` steps from the DCT's ('last week' = -1 'week')."""
    d = ctx.dct
    if d is None:
        return None
    if unit == "week":
        return week_value(d + dt.timedelta(weeks=offset))
    if unit == "weekend":
        return week_value(d + dt.timedelta(weeks=offset)) + "-WE"
    if unit == "month":
        m = shift(d.replace(day=1), months=offset)
        return f"{m.year:04d}-{m.month:02d}"
    if unit == "quarter":
        q = quarter_of(d) - 1 + offset
        return f"{d.year + q // 4:04d}-Q{q % 4 + 1}"
    if unit == "year":
        return f"{d.year + offset:04d}"
    if unit == "decade":
        return f"{d.year // 10 + offset:03d}"
    if unit == "century":
        return f"{d.year // 100 + offset:02d}"
    return None


# The unresolved value at each grain ("the same week" with nothing named before it: XXXX-WXX).
_UNRESOLVED_UNIT = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}


def _granularity_shift(
    value: str, *, years: int = 0, months: int = 0, weeks: int = 0, days: int = 0
) -> str | None:
    """Shift a resolved value at its own granularity ('1989-Q3' minus a year -> '1988-Q3')."""
    r = value_range(value)
    if r is None:
        return None
    first, _, gran = r
    moved = shift(first, years=years, months=months, weeks=weeks, days=days)
    if gran in ("day", "time"):
        return moved.isoformat()
    if gran == "week":
        return week_value(moved)
    if gran == "month":
        return f"{moved.year:04d}-{moved.month:02d}"
    if gran == "quarter":
        return f"{moved.year:04d}-Q{quarter_of(moved)}"
    if gran == "season":
        return f"{moved.year:04d}{value[4:]}"
    if gran == "year":
        return f"{moved.year:04d}"
    return None


def _year_earlier(c: Candidate, ctx: Context) -> Norm | None:
    """'a year earlier', 'the year-ago quarter': the last mentioned period, one year back."""
    named = ctx.last_value
    last = value_range(named) if named else None
    if last is not None and last[2] in ("day", "time"):
        # A day closing the period reported ("the quarter ended Sept. 30") stands for the period; a
        # quarter the expression names is the one holding the day ("three months through March 30
        # ... the year-ago quarter").
        period = value_range(ctx.last_period) if ctx.last_period else None
        unit = _rx(r"(?i)\b(quarter|month|period)\b").search(c.match[0])
        if period is not None and (
            period[0] <= last[0] <= period[1]
            # The day is when the figures came out ("sales rose in the fourth quarter, the company
            # said on Tuesday ... the same quarter a year earlier"): the period reported is compared.
            or (
                unit is not None
                and unit[1].lower() in ("period", period[2])
                and _is_reported(period, ctx.dct)
            )
        ):
            named, last = ctx.last_period, period
        elif unit is not None and unit[1].lower() == "quarter":
            named = _unit_value(last[0], "quarter")
            last = value_range(named)
    # Only the period being reported is the one compared with "a year earlier"; after a mention of
    # older figures the comparison is still with the DCT's year.
    reported = last is not None and _is_reported(last, ctx.dct)
    ordinal = _rx(r"(?i)\b(first|second|third|fourth)\s+quarter\b").search(c.match[0])
    base_year = last[0].year if last is not None and reported else ctx.dct.year if ctx.dct else None
    if ordinal is not None and base_year is not None:
        # "the year-ago third quarter": that quarter of the year before the one reported.
        quarter = ORDINALS[ordinal[1].lower()]
        return _norm(c, "DATE", f"{base_year - 1:04d}-Q{quarter}", anchor="anaphora", confidence=0.7)
    if last is not None and last[2] in ("quarter", "month", "year", "season") and reported and named:
        value = _granularity_shift(named, years=-1)
        if value:
            return _norm(c, "DATE", value, anchor="anaphora", confidence=0.7)
    if ctx.dct is None:
        return _unresolved(c, "DATE", "XXXX")
    return _norm(c, "DATE", f"{ctx.dct.year - 1:04d}", anchor="dct", confidence=0.7)


# Calendar units in whole years and months, for counting them off a day.
_YEARS_IN = {"year": 1, "decade": 10, "century": 100, "centurie": 100}
_MONTHS_IN = {"month": 1, "quarter": 3}


def _shift_units(day: dt.date, k: int, unit: str) -> dt.date:
    """The day `k` units (a day to a century) from `day`; a finer unit ("hour") leaves it as it is."""
    return shift(
        day,
        years=k * _YEARS_IN.get(unit, 0),
        months=k * _MONTHS_IN.get(unit, 0),
        weeks=k if unit == "week" else 0,
        days=k if unit == "day" else 0,
    )


def _unit_value(day: dt.date, unit: str) -> str:
    if unit in ("day", "night", "hour", "minute", "second"):
        return day.isoformat()
    if unit in ("week", "weekend"):
        return week_value(day)
    if unit in ("month",):
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "decade":
        return f"{day.year:04d}"
    return f"{day.year:04d}"


# How long after a period ends news still reports on it: a quarter's results come out within
# weeks, so "the fourth quarter ... a year ago" in a January or March paper is that quarter's.
_REPORTING_LAG = dt.timedelta(days=183)


def _is_reported(rng: tuple[dt.date, dt.date, str], dct: dt.date | None) -> bool:
    """Whether a period is the one a news report is about: it ended at most half a year before the DCT."""
    return dct is None or rng[1] >= dct - _REPORTING_LAG


def _is_current_quarter(value: str, dct: dt.date | None) -> bool:
    r = value_range(value)
    return r is not None and r[2] == "quarter" and _is_reported(r, dct)
