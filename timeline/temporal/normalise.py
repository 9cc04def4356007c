"""Candidate span -> TIMEX3 type, value and mod, anchored on the DCT or an earlier date in the text.

One small function per grammar rule; `normalise` dispatches on the rule name. Common shapes are
handled here with plain arithmetic; dateparser is only a cached fallback for rare numeric formats.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import dateparser
import regex
from dateutil.easter import easter

from timeline.temporal.anchor import (
    Tense,
    month_year,
    quarter_of,
    sentence_bounds,
    shift,
    side_signal,
    tense_at,
    week_value,
    weekday_date,
)
from timeline.temporal.calendar import value_range
from timeline.temporal.grammar import (
    DECADE_WORDS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    WEEKDAYS,
    Candidate,
    compile_pattern,
)


@functools.lru_cache(maxsize=512)
def _rx(pattern: str) -> re.Pattern[str] | regex.Pattern[str]:
    """A compiled pattern, cached: cheaper than the engines' own per-call cache lookups."""
    return compile_pattern(pattern)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
_UNITS = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "night": ("D", 1, False),
    "week": ("W", 1, False),
    "weekend": ("WE", 1, False),
    "month": ("M", 1, False),
    "quarter": ("Q", 1, False),
    "year": ("Y", 1, False),
    "decade": ("DE", 1, False),
    "century": ("CE", 1, False),
    "centurie": ("CE", 1, False),
}
_APPROX = compile_pattern(
    r"(?i:(?<![\w])(?P<w>about|around|approximately|roughly|nearly|almost|some|more\s+than|"
    r"less\s+than|fewer\s+than|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|"
    r"upwards\s+of|close\s+to|well\s+over|just\s+over|just\s+under)\s+)$"
)
_APPROX_MOD = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "nearly": "APPROX",
    "almost": "LESS_THAN",
    "some": "APPROX",
    "close to": "APPROX",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "well over": "MORE_THAN",
    "just over": "MORE_THAN",
    "upwards of": "MORE_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "under": "LESS_THAN",
    "just under": "LESS_THAN",
    "barely": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}
_FUZZY = compile_pattern(
    r"(?i:(?<![\w])(?:the\s+)?(?:(?:very\s+)?(?P<w>early|late|mid|middle)(?:\s*-\s*|\s+)|"
    r"(?P<w>beginning|start|end|middle|close|turn|first\s+half|second\s+half|latter\s+part|"
    r"early\s+part|latter\s+half|dawn)\s+of\s+(?:the\s+)?))$"
)
_FUZZY_RELATIVE = compile_pattern(r"(?i:(?<![\w])(?P<w>earlier|later)\s+)$")
_FUZZY_MOD = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "dawn": "START",
    "first half": "START",
    "early part": "START",
    "earlier": "START",
    "late": "END",
    "end": "END",
    "close": "END",
    "turn": "END",
    "second half": "END",
    "latter part": "END",
    "latter half": "END",
    "later": "END",
    "mid": "MID",
    "middle": "MID",
}
# Words after a four-digit number that show it counts things rather than naming a year.
_COUNTED = compile_pattern(
    r"\s+(?i:people|persons|men|women|children|troops|soldiers|workers|employees|jobs|shares|units|"
    r"cars|homes|votes|voters|students|members|miles|kilometers|km|feet|meters|tons|barrels|acres|"
    r"points|dollars|yen|pounds|marks|francs|seats|cases|deaths|copies|words|calories|rooms|"
    r"beds|pages|hours|hits|delegates|stores|flights|passengers|of\s+the|to\s+\d|-\s*\d)\b"
)
_YEAR_CUE = compile_pattern(
    r"(?i:\b(?:in|since|of|by|until|till|from|to|before|after|around|circa|during|year|fiscal|"
    r"through|between|and)\s+)$"
)
_WORD = compile_pattern(r"[A-Za-z]+(?:'s)?|\d+(?:\.\d+)?")
_MONTH_TOKEN = compile_pattern(
    r"(?i:(?<![\w])(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?!\w))"
)
_DAY_TOKEN = compile_pattern(r"(?<![\d.,])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])")
_YEAR_TOKEN = compile_pattern(r"(?<!\d)((?:1[0-9]|20)\d\d)(?!\d)")
_DOW_TOKEN = compile_pattern(r"(?i:(monday|tuesday|wednesday|thursday|friday|saturday|sunday))")
_CLOCK_TOKEN = compile_pattern(
    r"(?i:(?P<h>\d{1,2})(?::(?P<m>\d\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?|(?P<w>noon|midnight|midday|"
    r"dawn|dusk|daybreak))"
)


# --- small helpers -------------------------------------------------------------------------------


def parse_number(words: str) -> float | None:
    """'two' -> 2, 'twenty-four' -> 24, '40' -> 40, 'two and a half' -> 2.5; None for vague words."""
    w = _rx(r"\s+").sub(" ", words.lower().strip())
    half = 0.0
    if w.endswith(" and a half"):
        w, half = w[: -len(" and a half")], 0.5
    if _rx(r"\d+(?:\.\d+)?").fullmatch(w):
        return float(w) + half
    if w in NUMBERS:
        return NUMBERS[w] + half
    parts = _rx(r"[-\s]").split(w)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]] + half
    return None


def _fmt_number(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration for n units (None = unknown amount, the X of PXY)."""
    code, _, is_time = _UNITS[unit]
    amount = "X" if n is None else _fmt_number(n)
    if code == "DE":
        code, amount = ("Y", _fmt_number(n * 10)) if n is not None else ("DE", "X")
    elif code == "CE":
        code, amount = ("Y", _fmt_number(n * 100)) if n is not None else ("CE", "X")
    elif code == "Q":
        code, amount = ("M", _fmt_number(n * 3)) if n is not None else ("Q", "X")
    elif code == "WE":
        code = "WE"
    return f"P{'T' if is_time else ''}{amount}{code}"


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


def _month_tense(ctx: Context, c: Candidate) -> tuple[Tense, float]:
    """Tense for a month name and how far it may pull: a signal word ('since', 'until') settles it."""
    signal = side_signal(ctx.text, c.start, c.end)
    if signal is not None:
        return signal, 12.0
    return _tense(ctx, c), 8.0


def _month_of(s: str) -> int | None:
    m = _MONTH_TOKEN.search(s)
    return MONTHS[m[1].lower()] if m else None


def _norm(c: Candidate, typ: str, value: str, mod: str | None = None, anchor: str = "absolute",
          confidence: float = 1.0) -> Norm:  # fmt: skip
    return Norm(c.start, c.end, typ, value, mod, anchor, confidence)


def _unresolved(c: Candidate, typ: str, value: str, mod: str | None = None) -> Norm:
    return Norm(c.start, c.end, typ, value, mod, "none", 0.5)


# --- dates with a day ------------------------------------------------------------------------------


def _day_in_text(c: Candidate, ctx: Context, s: str) -> Norm | None:
    """Month + day (+ year, + weekday): 'June 20th', 'Aug. 7, 1998', 'Friday, Aug. 7', '20 June 2017'."""
    month = _month_of(s)
    rest = _MONTH_TOKEN.sub(" ", s)
    years = _YEAR_TOKEN.findall(rest)
    rest_no_year = _YEAR_TOKEN.sub(" ", rest)
    days = _DAY_TOKEN.findall(rest_no_year)
    if month is None or not days:
        return None
    day = int(days[0])
    dow = _DOW_TOKEN.search(s)
    if years:
        try:
            return _norm(c, "DATE", dt.date(int(years[0]), month, day).isoformat())
        except ValueError:
            return None
    if ctx.dct is None:
        return _unresolved(c, "DATE", f"XXXX-{month:02d}-{day:02d}")
    year = month_year(ctx.dct, month, day, *_month_tense(ctx, c))
    if dow:
        # A written weekday picks the year whose calendar agrees with it.
        wd = WEEKDAYS[dow[1].lower()]
        for y in (year, year - 1, year + 1):
            try:
                if dt.date(y, month, day).weekday() == wd:
                    year = y
                    break
            except ValueError:
                continue
    try:
        return _norm(c, "DATE", dt.date(year, month, day).isoformat(), anchor="dct", confidence=0.9)
    except ValueError:
        return None


def _rule_second_day(c: Candidate, ctx: Context) -> Norm | None:
    """'25' in 'April 24 and 25': the month (and year) of the first day."""
    months = list(_MONTH_TOKEN.finditer(ctx.text, max(0, c.start - 30), c.start))
    if not months:
        return None
    return _day_in_text(c, ctx, f"{months[-1][0]} {c.match[0]}")


def _rule_day(c: Candidate, ctx: Context) -> Norm | None:
    return _day_in_text(c, ctx, c.match[0])


def _rule_day_of_month(c: Candidate, ctx: Context) -> Norm | None:
    """'on the 18th': that day of the DCT's month, or of the next/previous one as tense says."""
    day = int(_rx(r"\d+").search(c.match[0])[0])
    if ctx.dct is None:
        return _unresolved(c, "DATE", f"XXXX-XX-{day:02d}")
    base = ctx.dct.replace(day=1)
    tense = _tense(ctx, c)
    month = base
    if tense == "future" and day < ctx.dct.day:
        month = shift(base, months=1)
    elif tense == "past" and day > ctx.dct.day:
        month = shift(base, months=-1)
    try:
        when = month.replace(day=day)
    except ValueError:
        return None
    return _norm(c, "DATE", when.isoformat(), anchor="dct", confidence=0.7)


def _rule_my(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0]
    month, year = _month_of(s), _YEAR_TOKEN.search(s)
    if month is None or year is None:
        return None
    return _norm(c, "DATE", f"{year[1]}-{month:02d}")


def _month_resolved(c: Candidate, ctx: Context, month: int, mode: str | None) -> Norm:
    """A month without a year: `mode` 'last'/'next'/'this' or the tense decides the year."""
    if ctx.dct is None:
        return _unresolved(c, "DATE", f"XXXX-{month:02d}")
    d = ctx.dct
    if mode == "last":
        # "last February" said in March means a year ago: the month just gone would be "last month".
        year = d.year if month < d.month - 1 else d.year - 1
    elif mode == "next":
        year = d.year if month > d.month + 1 else d.year + 1
    elif mode == "this":
        year = d.year
    else:
        year = month_year(d, month, None, *_month_tense(ctx, c))
    confidence = 0.95 if mode else 0.85
    return _norm(c, "DATE", f"{year:04d}-{month:02d}", anchor="dct", confidence=confidence)


_MODAL_MONTH_CUE = compile_pattern(
    r"(?i:\b(?:in|since|until|till|by|of|last|next|this|early|late|mid|through|from|before|"
    r"after|during|and|or|to|between|each|every|the)\s*-?\s*)$"
)
_CAPITALISED_NEXT = compile_pattern(r"\s+[A-Z][a-z]+")
_SENTENCE_WORD_NEXT = compile_pattern(r"\s+(?:[A-Z][a-z]+day|The|In|On|At|As|But|And|He|She|It|They|We|I)\b")
_NAME_MONTH_CUE = compile_pattern(r"(?i:\b(?:in|since|until|by|of|last|next|this|early|late)\s*)$")


def _rule_month(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0]
    month = _month_of(s)
    if month is None:
        return None
    before = ctx.text[max(0, c.start - 30) : c.start]
    after = ctx.text[c.end : c.end + 30]
    if s.lower().startswith(("may", "march")) and not _MODAL_MONTH_CUE.search(before):
        # "May"/"March" are also a modal, a verb and names: only with a cue word before them.
        return None
    if (
        _CAPITALISED_NEXT.match(after)
        and not _SENTENCE_WORD_NEXT.match(after)
        and not _NAME_MONTH_CUE.search(before)
    ):
        # "June Carter", "April Ryan": a month name followed by a capitalised word is usually a name.
        return None
    return _month_resolved(c, ctx, month, None)


def _rule_rel_month(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0].lower()
    month = _month_of(c.match[0])
    if month is None:
        return None
    mode = (
        "last"
        if s.startswith(("last", "this past"))
        else "next"
        if s.startswith(("next", "this coming"))
        else "this"
    )
    return _month_resolved(c, ctx, month, mode)


def _rule_iso(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0]
    try:
        dt.date.fromisoformat(s[:10])
    except ValueError:
        return None
    return _norm(c, "TIME" if "T" in s else "DATE", s)


@functools.lru_cache(maxsize=2048)
def _dateparser_day(s: str, base: dt.date | None) -> dt.date | None:
    """Rare numeric shapes ('4/18/2017'): dateparser, explicit settings, cached on string + base."""
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(base or dt.date(2000, 1, 1), dt.time()),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "MDY",
        "PREFER_DAY_OF_MONTH": "first",
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    parsed = dateparser.parse(s, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _rule_slash(c: Candidate, ctx: Context) -> Norm | None:
    day = _dateparser_day(c.match[0], ctx.dct)
    return _norm(c, "DATE", day.isoformat()) if day else None


# --- times -----------------------------------------------------------------------------------------


def _day_of_ref(s: str, c: Candidate, ctx: Context) -> tuple[dt.date | None, str]:
    """The day a time belongs to: written ('Wednesday', 'today', 'Nov. 9'), else context, else DCT."""
    low = s.lower()
    dow = _DOW_TOKEN.search(s)
    month = _month_of(s)
    if month is not None:
        n = _day_in_text(c, ctx, s[_MONTH_TOKEN.search(s).start() :])
        if n and value_range(n.value):
            return value_range(n.value)[0], n.anchor
    if ctx.dct is not None:
        for word, delta in (("yesterday", -1), ("tomorrow", 1), ("today", 0), ("tonight", 0)):
            if word in low:
                return ctx.dct + dt.timedelta(days=delta), "dct"
        if dow:
            return weekday_date(ctx.dct, WEEKDAYS[dow[1].lower()], _tense(ctx, c)), "dct"
    elif dow or month is not None or any(w in low for w in ("yesterday", "tomorrow", "today")):
        return None, "none"
    left, _ = sentence_bounds(ctx.text, c.start, c.end)
    if ctx.last_day is not None and ctx.last_end >= left:
        return ctx.last_day, "anaphora"
    return ctx.dct, "dct" if ctx.dct else "none"


def _rule_time(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0]
    m = _CLOCK_TOKEN.search(s)
    if m is None:
        return None
    if m["w"]:
        word = m["w"].lower()
        clock = {"noon": "T12:00", "midday": "T12:00", "midnight": "T00:00"}.get(word)
        clock = clock or f"T{_PARTS[word]}"
    else:
        hour, minute = int(m["h"]), int(m["m"] or 0)
        ap = (m["ap"] or "").lower().replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        if hour > 23:
            return None
        clock = f"T{hour:02d}:{minute:02d}"
    day, anchor = _day_of_ref(s[m.end() :], c, ctx)
    if day is None:
        return _unresolved(c, "TIME", f"XXXX-XX-XX{clock}")
    return _norm(c, "TIME", day.isoformat() + clock, anchor=anchor, confidence=0.9)


def _rule_time_in(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0].lower()
    hour = int(_rx(r"\d+").match(s)[0])
    if ("afternoon" in s or "evening" in s or "night" in s) and hour < 12:
        hour += 12
    day, anchor = _day_of_ref("", c, ctx)
    if day is None:
        return _unresolved(c, "TIME", f"XXXX-XX-XXT{hour:02d}:00")
    return _norm(c, "TIME", f"{day.isoformat()}T{hour:02d}:00", anchor=anchor, confidence=0.85)


# --- weekdays and day parts ------------------------------------------------------------------------


def _weekday(c: Candidate, ctx: Context, wd: int, part: str | None, mode: str | None) -> Norm:
    suffix = f"T{_PARTS[part]}" if part else ""
    # TimeBank and AQUAINT annotate "Tuesday night" as a DATE (value 2017-04-18TNI), not a TIME.
    typ = "DATE"
    if ctx.dct is None:
        return _unresolved(c, typ, f"XXXX-WXX-{wd + 1}{suffix}")
    d = ctx.dct
    if mode == "last":
        day = d - dt.timedelta(days=(d.weekday() - wd) % 7 or 7)
        confidence = 0.9
    elif mode == "next":
        day = d + dt.timedelta(days=(wd - d.weekday()) % 7 or 7)
        confidence = 0.9
    else:
        tense = _tense(ctx, c)
        day = weekday_date(d, wd, tense)
        confidence = 1.0 if wd == d.weekday() else 0.85 if tense else 0.7
    return _norm(c, typ, day.isoformat() + suffix, anchor="dct", confidence=confidence)


def _part_of(s: str) -> str | None:
    m = _rx(r"(?i:morning|afternoon|evening|night|overnight|dawn|dusk|daybreak)").search(s)
    return m[0].lower() if m else None


def _rule_dow(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0]
    wd = WEEKDAYS[_DOW_TOKEN.search(s)[1].lower()]
    if _rx(r"['’]s\b").match(ctx.text[c.end : c.end + 3]) and ctx.dct is not None:
        # "Tuesday's vote" names an event the reader knows about: the past one unless a future cue
        # sits right next to it.
        before = ctx.text[max(0, c.start - 25) : c.start].lower()
        if not _rx(r"\b(?:will|next|upcoming|this\s+coming|until|before)\b").search(before):
            return _norm(
                c, "DATE", weekday_date(ctx.dct, wd, "past").isoformat(), anchor="dct", confidence=0.8
            )
    return _weekday(c, ctx, wd, None, None)


def _rule_dow_part(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0]
    wd = WEEKDAYS[_DOW_TOKEN.search(s)[1].lower()]
    part = _part_of(s)
    return _weekday(c, ctx, wd, part, None)


def _rule_rel_dow(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0].lower()
    wd = WEEKDAYS[_DOW_TOKEN.search(s)[1].lower()]
    mode = (
        "last"
        if s.startswith(("last", "this past"))
        else "next"
        if s.startswith(("next", "this coming"))
        else None
    )
    return _weekday(c, ctx, wd, _part_of(s), mode)


def _rule_deictic_part(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0].lower()
    part = _part_of(s) or "night"
    delta = -1 if s.startswith(("yesterday", "last")) else 1 if s.startswith("tomorrow") else 0
    if ctx.dct is None:
        return _unresolved(c, "TIME", f"XXXX-XX-XXT{_PARTS[part]}")
    day = ctx.dct + dt.timedelta(days=delta)
    mod = "START" if s.startswith("early") else "END" if s.startswith("late") else None
    return _norm(c, "TIME", f"{day.isoformat()}T{_PARTS[part]}", mod, "dct", 0.95)


# --- deictic words -----------------------------------------------------------------------------------


def _rule_ref(c: Candidate, ctx: Context) -> Norm | None:
    s = " ".join(c.match[0].lower().split())
    if s in ("now", "currently", "the present", "nowadays", "these days", "right now", "at present"):
        return _norm(c, "DATE", "PRESENT_REF", anchor="dct" if ctx.dct else "none")
    if s in ("recently", "the past", "lately"):
        return _norm(c, "DATE", "PAST_REF", anchor="dct" if ctx.dct else "none")
    if "future" in s:
        if s.startswith("in "):
            return None
        return _norm(c, "DATE", "FUTURE_REF", anchor="dct" if ctx.dct else "none")
    delta = {
        "today": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }.get(s)
    if delta is None:
        return None
    if ctx.dct is None:
        return _unresolved(c, "DATE", "XXXX-XX-XX")
    return _norm(c, "DATE", (ctx.dct + dt.timedelta(days=delta)).isoformat(), anchor="dct", confidence=0.95)


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


_UNRESOLVED_UNIT = {
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}


def _rule_rel_unit(c: Candidate, ctx: Context) -> Norm | None:
    s = " ".join(c.match[0].lower().split())
    unit = s.split()[-1]
    if unit == "year" and "fiscal" in s:
        unit = "year"
    offset = (
        -1
        if s.startswith(("last", "past", "previous", "this past"))
        else 1
        if s.startswith(("next", "coming", "this coming"))
        else 0
    )
    if s.startswith("past") and unit != "weekend":
        return _norm(c, "DURATION", duration_value(1, unit), anchor="none")
    if unit == "weekend" and offset == 0 and ctx.dct is not None and ctx.dct.weekday() < 5:
        offset = -1 if _tense(ctx, c) == "past" else 0
    value = _relative_unit(ctx, unit, offset)
    if value is None:
        return _unresolved(c, "DATE", _UNRESOLVED_UNIT[unit])
    return _norm(c, "DATE", value, anchor="dct", confidence=0.95)


def _rule_the_unit(c: Candidate, ctx: Context) -> Norm | None:
    s = " ".join(c.match[0].lower().split())
    unit = s.split()[-1]
    if s == "the weekend":
        offset = 0
        if ctx.dct is not None and ctx.dct.weekday() < 5 and _tense(ctx, c) != "future":
            offset = -1
        value = _relative_unit(ctx, "weekend", offset)
        if value is None:
            return _unresolved(c, "DATE", "XXXX-WXX-WE")
        return _norm(c, "DATE", value, anchor="dct", confidence=0.8)
    if "current" in s:
        value = _relative_unit(ctx, unit, 0)
        return (
            _norm(c, "DATE", value, anchor="dct") if value else _unresolved(c, "DATE", _UNRESOLVED_UNIT[unit])
        )
    # "the past year", "the next month": a period of one unit ending (starting) now.
    return _norm(c, "DURATION", duration_value(1, unit), anchor="none")


# --- quarters, halves, seasons, decades, centuries --------------------------------------------------


def _year_in(s: str, ctx: Context) -> int | None:
    """An explicit or relative year inside the expression ('of 1998', 'last year's')."""
    low = s.lower()
    y = _YEAR_TOKEN.search(s)
    if y:
        return int(y[1])
    if ctx.dct is None:
        return None
    if "last year" in low:
        return ctx.dct.year - 1
    if "next year" in low:
        return ctx.dct.year + 1
    return ctx.dct.year


def _rule_quarter(c: Candidate, ctx: Context) -> Norm | None:
    s = " ".join(c.match[0].split())
    low = s.lower()
    start = c.start
    if _rx(r"(?i:the\s+\S+-quarter$)").match(s):
        # "the third-quarter results": the article belongs to the noun, not the adjective.
        start = c.start + len(_rx(r"(?i:the\s+)").match(c.match[0])[0])
    ordinal = _rx(r"first|second|third|fourth|1st|2nd|3rd|4th").search(low)
    explicit_year = _YEAR_TOKEN.search(s) is not None
    year = _year_in(s, ctx)
    anchor = "absolute" if explicit_year else "dct"
    if ordinal:
        q = ORDINALS[ordinal[0]]
        if year is None:
            return Norm(start, c.end, "DATE", f"XXXX-Q{q}", None, "none", 0.5)
        return Norm(start, c.end, "DATE", f"{year:04d}-Q{q}", None, anchor, 1.0 if explicit_year else 0.9)
    if ctx.dct is None:
        return Norm(start, c.end, "DATE", "XXXX-QX", None, "none", 0.5)
    if "year-earlier" in low or "year-ago" in low:
        return _year_earlier(Candidate(start, c.end, c.rule, c.match), ctx)
    dq = quarter_of(ctx.dct) - 1
    if any(w in low for w in ("this", "current")):
        q = dq
    elif any(w in low for w in ("next", "coming")):
        q = dq + 1
    else:
        # "the quarter", "the latest quarter", "last quarter": news reports the last completed one.
        q = dq - 1
    year = ctx.dct.year + q // 4
    return Norm(start, c.end, "DATE", f"{year:04d}-Q{q % 4 + 1}", None, "dct", 0.8)


def _rule_half(c: Candidate, ctx: Context) -> Norm | None:
    low = c.match[0].lower()
    h = 1 if _rx(r"first|1st").search(low) else 2
    year = _year_in(c.match[0], ctx)
    if year is None:
        return _unresolved(c, "DATE", f"XXXX-H{h}")
    explicit = _YEAR_TOKEN.search(c.match[0]) is not None
    return _norm(c, "DATE", f"{year:04d}-H{h}", anchor="absolute" if explicit else "dct", confidence=0.9)


def _rule_season(c: Candidate, ctx: Context) -> Norm | None:
    s = " ".join(c.match[0].split()).strip()
    low = s.lower()
    word = _rx(r"spring|summer|fall|autumn|winter").search(low)[0]
    code = _SEASONS[word]
    year_m = _YEAR_TOKEN.search(s)
    words = low.split()
    end = c.start + len(c.match[0].rstrip())
    if not year_m and low.endswith(" of"):
        end -= 3
    if end <= c.start:
        return None
    if year_m:
        return Norm(c.start, end, "DATE", f"{year_m[1]}-{code}")
    before = ctx.text[max(0, c.start - 20) : c.start].lower()
    mode = words[0] if len(words) > 1 else None
    if mode == "the" and len(words) > 2 and words[1] in ("early", "late", "mid", "mid-"):
        mode = words[1]
    after = ctx.text[end : end + 12].lower()
    if mode in (None, "the", "early", "late", "mid", "mid-"):
        if word == "fall" and mode is None:
            return None
        if mode == "the" and after.startswith(" of"):
            return None
        if mode is None and not _rx(r"(?:in|during|by|since|until|over|through|this)\s+$").search(before):
            return None
    start = c.start
    if ctx.dct is None:
        return Norm(start, end, "DATE", f"XXXX-{code}", None, "none", 0.5)
    d = ctx.dct
    if mode in ("last", "past", "this past"):
        # TimeBank reads "last spring" as the previous year's, even late in the year.
        year = d.year - 1
    elif mode in ("next", "coming", "this coming"):
        year = d.year + 1
    elif mode == "this":
        year = d.year
    else:
        year = month_year(d, _SEASON_MONTH[code], None, _tense(ctx, c))
    if code == "WI" and d.month <= 2 and mode in ("this", None, "the"):
        year = d.year - 1
    mod = {"early": "START", "late": "END", "mid": "MID", "mid-": "MID"}.get(mode or "")
    return Norm(start, end, "DATE", f"{year:04d}-{code}", mod, "dct", 0.85)


def _rule_decade(c: Candidate, ctx: Context) -> Norm | None:
    low = c.match[0].lower()
    m = _rx(r"(\d{4}|'\d\d)").search(low)
    if m:
        digits = m[1]
        if digits.startswith("'"):
            century = (ctx.dct.year // 100) if ctx.dct else 19
            decade = century * 10 + int(digits[1])
        else:
            decade = int(digits[:3])
    else:
        word = _rx("|".join(DECADE_WORDS)).search(low)[0]
        decade = 190 + DECADE_WORDS[word]
    return _norm(c, "DATE", f"{decade:03d}")


def _rule_century(c: Candidate, ctx: Context) -> Norm | None:
    low = c.match[0].lower()
    m = _rx(r"(\d{1,2})(?:st|nd|rd|th)").search(low)
    n = int(m[1]) if m else ORDINALS.get(_rx(r"^the\s+|[-\s]century$").sub("", low).replace("-", " "))
    if not n:
        return None
    return _norm(c, "DATE", f"{n - 1:02d}")


# --- years -----------------------------------------------------------------------------------------


def spelled_year(words: str) -> int | None:
    """1996 from 'nineteen ninety-six', 2000 from 'two thousand'."""
    w = words.lower().replace("-", " ").split()
    if w[:1] == ["nineteen"]:
        rest = " ".join(w[1:])
        if rest == "hundred":
            return 1900
        n = parse_number(rest)
        return 1900 + int(n) if n is not None and n < 100 else None
    if w[:2] == ["two", "thousand"]:
        rest = " ".join(x for x in w[2:] if x != "and")
        n = parse_number(rest) if rest else 0
        return 2000 + int(n) if n is not None and n < 100 else None
    return None


_SPELLED_START = compile_pattern(r"(?i)\b(?:nineteen|two\s+thousand)\b")


def _rule_spelled_year(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0]
    m = _SPELLED_START.search(s)
    year = spelled_year(s[m.start() :]) if m else None
    if year is None:
        return None
    head = s[: m.start()].lower()
    month = _month_of(s[: m.start()])
    if month:
        return _norm(c, "DATE", f"{year:04d}-{month:02d}")
    season = _rx(r"spring|summer|fall|autumn|winter").search(head)
    if season:
        return _norm(c, "DATE", f"{year:04d}-{_SEASONS[season[0]]}")
    return _norm(c, "DATE", f"{year:04d}")


def _rule_year(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0]
    year = int(_YEAR_TOKEN.search(s)[1])
    after = ctx.text[c.end : c.end + 20]
    before = ctx.text[max(0, c.start - 25) : c.start]
    if _COUNTED.match(after):
        return None
    prefixed = not s[0].isdigit()
    if not prefixed and not (1900 <= year <= 2099) and not _YEAR_CUE.search(before):
        return None
    name = _NAME_BEFORE.search(before)
    if not prefixed and name and name[1].lower() not in _YEAR_NAME_OK:
        return None  # "Orion 1980", "Windows 2000": a number in a name, not a year
    return _norm(c, "DATE", f"{year:04d}")


_NAME_BEFORE = compile_pattern(r"\b([A-Z][A-Za-z]*)\s+$")
# Capitalised words that may still introduce a year (sentence-initial prepositions and the like).
_YEAR_NAME_OK = _words(
    "in since by until till of from before after through during and or the fiscal about around "
    "circa early late mid summer spring fall autumn winter christmas easter fy year election "
    "between for as at on to"
)


# --- durations and offsets -----------------------------------------------------------------------------


_PERIOD_NOUN = compile_pattern(r"(?i:\s+(?:period|term|span|stretch|window|interval))$")
_OR_SO = compile_pattern(r"(?i:\s+or\s+so)$")
_AND_A_HALF = compile_pattern(r"(?i:\s+and\s+a\s+half)$")
_FRACTION = compile_pattern(r"\s+(\d)/(\d)$")
_LEADING_THE = compile_pattern(
    r"(?i:^(?:the\s+|an?\s+(?=\d|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)))"
)
_DURATION_PREFIX = compile_pattern(
    r"(?i:^(?:the\s+)?(?:past|last|next|first|coming|previous|final|following|remaining|latest|"
    r"initial|better\s+part\s+of\s+the)\s+)"
)
_LAST_WORD = compile_pattern(r"[-\s]+\w+$")
_UNIT_ADJECTIVE = compile_pattern(
    r"(?i:\s+(?:more|full|straight|consecutive|additional|long|short|whole|trading|business|working|"
    r"calendar)$)"
)


def _amount_and_unit(s: str) -> tuple[float | None, str] | None:
    """('two', 'year') from 'the past two years'; amount None for 'several', 'a few', 'recent'."""
    s = _OR_SO.sub("", _PERIOD_NOUN.sub("", s.strip()))
    half = 0.0
    if _AND_A_HALF.search(s):
        s, half = _AND_A_HALF.sub("", s), 0.5
    words = _rx(r"[a-z]+|\d+(?:\.\d+)?").findall(s.lower().replace("-", " "))
    if not words:
        return None
    unit = _unit_of(words[-1])
    if unit is None:
        return None
    body = _DURATION_PREFIX.sub("", _LEADING_THE.sub("", s))
    body = _LAST_WORD.sub("", body.strip())
    body = _UNIT_ADJECTIVE.sub("", body)
    fraction = _FRACTION.search(body)
    if fraction and int(fraction[2]):
        half += int(fraction[1]) / int(fraction[2])
        body = _FRACTION.sub("", body)
    n = parse_number(body)
    return (n + half if n is not None else None), unit


def _rule_end_of_unit(c: Candidate, ctx: Context) -> Norm | None:
    """'the end of the year', 'year-end', 'the near term': a unit of the DCT with a mod."""
    low = " ".join(c.match[0].lower().split())
    if low.endswith("term"):
        return _norm(c, "DATE", "FUTURE_REF", anchor="dct" if ctx.dct else "none", confidence=0.8)
    unit = _rx(r"year|month|week|quarter|decade|century").search(low.split(" of ")[-1])[0]
    mod = "END" if ("end" in low or "close" in low) else "MID" if "middle" in low else "START"
    offset = -1 if " last " in f" {low} " else 1 if " next " in f" {low} " else 0
    value = _relative_unit(ctx, unit, offset)
    if value is None:
        return _unresolved(c, "DATE", _UNRESOLVED_UNIT[unit], mod)
    return _norm(c, "DATE", value, mod, anchor="dct", confidence=0.9)


def _rule_period(c: Candidate, ctx: Context) -> Norm | None:
    """'the latest period' is the quarter being reported; 'the 1988 period' that quarter in 1988."""
    last = value_range(ctx.last_value) if ctx.last_value else None
    quarter = ctx.last_value[5:] if last is not None and last[2] == "quarter" and ctx.last_value else None
    year = _YEAR_TOKEN.search(c.match[0])
    if year:
        value = f"{year[1]}-{quarter}" if quarter else year[1]
        return _norm(c, "DATE", value, anchor="anaphora" if quarter else "absolute", confidence=0.8)
    if quarter and ctx.last_value:
        return _norm(c, "DATE", ctx.last_value, anchor="anaphora", confidence=0.7)
    if c.match[0].lower().endswith("quarter"):
        return None  # left to the quarter rule's reading of "the latest quarter"
    return None


def _rule_in_the_unit(c: Candidate, ctx: Context) -> Norm | None:
    unit = c.match[0].split()[-1].lower()
    before = ctx.text[max(0, c.start - 12) : c.start].lower()
    mod = "START" if "earl" in before else "END"
    if unit == "day":
        base, anchor = (ctx.last_day, "anaphora") if ctx.last_day else (ctx.dct, "dct")
        if base is None:
            return _unresolved(c, "DATE", "XXXX-XX-XX", mod)
        return _norm(c, "DATE", base.isoformat(), mod, anchor, 0.7)
    value = _relative_unit(ctx, unit, 0)
    if value is None:
        return _unresolved(c, "DATE", _UNRESOLVED_UNIT[unit], mod)
    return _norm(c, "DATE", value, mod, "dct", 0.8)


def _rule_the_year(c: Candidate, ctx: Context) -> Norm | None:
    """'the year ended Sept. 30' is a one-year period; 'for the year,' is the current year."""
    if _rx(r"\s+(?:ended|ending|through)\b").match(ctx.text, c.end):
        return _norm(c, "DURATION", "P1Y", anchor="none")
    if not _rx(r"(?i:\bfor\s+)$").search(ctx.text[max(0, c.start - 5) : c.start]) or ctx.dct is None:
        return None
    return _norm(c, "DATE", f"{ctx.dct.year:04d}", anchor="dct", confidence=0.7)


_SCHOOL_YEAR = compile_pattern(
    r"\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)\b"
    r"(?!\s*(?:years?|months?|weeks?|days?|percent|%))"
)


_VERB_LAST = compile_pattern(r"(?i:last\s+)")
_VERB_LAST_BEFORE = compile_pattern(
    r"(?i:\b(?:to|will|would|could|may|might|can|should|not|it|which|that|they|must)\s+)$"
)


def _rule_duration(c: Candidate, ctx: Context) -> Norm | None:
    parsed = _amount_and_unit(c.match[0])
    if parsed is None:
        return None
    n, unit = parsed
    if n is not None and n > 1000:
        return None
    low = c.match[0].lower()
    if unit == "quarter" and not _rx(r"\s+quarters\b").search(low):
        return None  # "a quarter" is a fraction far more often than a period
    if unit == "second" and _rx(r"(?i:(?:a|one)\s+second)").match(low):
        return None  # "a second time", "one second-place finish"
    if unit == "year" and _SCHOOL_YEAR.match(ctx.text, c.end):
        return None  # "a year seven pupil": a school year, not a period
    start = c.start
    verb = _VERB_LAST.match(c.match[0])
    if verb and _VERB_LAST_BEFORE.search(ctx.text[max(0, c.start - 12) : c.start]):
        # "is expected to last several weeks": the verb "last" is not part of the duration.
        start += len(verb[0])
    if _rx(r"(?i:the\s+\S+-)").match(low):
        # "the eight-year" in "the eight-year war": the article belongs to the noun.
        start += len(_rx(r"(?i:the\s+)").match(low)[0])
    mod = "APPROX" if _OR_SO.search(c.match[0]) else None
    value = duration_value(n, unit)
    return Norm(start, c.end, "DURATION", value, mod, "none", 1.0 if n else 0.8)


def _rule_first_units(c: Candidate, ctx: Context) -> Norm | None:
    low = c.match[0].lower()
    unit = _unit_of(low.split()[-1])
    if unit is None:
        return None
    if low.startswith("early") or low.startswith("the early"):
        return None
    return _norm(c, "DURATION", duration_value(None, unit), anchor="none", confidence=0.8)


def _rule_bare_units(c: Candidate, ctx: Context) -> Norm | None:
    unit = _unit_of(c.match[0])
    if unit is None:
        return None
    return _norm(c, "DURATION", duration_value(None, unit), anchor="none", confidence=0.8)


def _rule_recent(c: Candidate, ctx: Context) -> Norm | None:
    unit = _unit_of(c.match[0].split()[-1])
    if unit in ("year", "decade"):
        return _norm(c, "DATE", "PAST_REF", anchor="dct" if ctx.dct else "none")
    return _norm(c, "DURATION", duration_value(None, unit or "day"), anchor="none", confidence=0.8)


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
    last = value_range(ctx.last_value) if ctx.last_value else None
    # Only a period of the reporting year is the one compared with "a year earlier"; after a
    # mention of last year's figures the comparison is still with the DCT's year.
    current = last is not None and (ctx.dct is None or last[0].year == ctx.dct.year)
    if current and last is not None and last[2] in ("quarter", "month", "year", "season"):
        value = _granularity_shift(ctx.last_value, years=-1)
        if value:
            return _norm(c, "DATE", value, anchor="anaphora", confidence=0.7)
    if ctx.dct is None:
        return _unresolved(c, "DATE", "XXXX")
    return _norm(c, "DATE", f"{ctx.dct.year - 1:04d}", anchor="dct", confidence=0.7)


def _rule_year_ago_adj(c: Candidate, ctx: Context) -> Norm | None:
    n = _year_earlier(c, ctx)
    head = _rx(r"(?i:the\s+)(?=year-\w+$)").match(c.match[0])
    if n is not None and head:
        # "the year-ago results": the article belongs to the noun outside the expression.
        return dataclasses.replace(n, start=n.start + len(head[0]))
    return n


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


def _is_current_quarter(value: str, dct: dt.date | None) -> bool:
    r = value_range(value)
    return r is not None and r[2] == "quarter" and (dct is None or r[0].year == dct.year)


def _rule_month_rel_year(c: Candidate, ctx: Context) -> Norm | None:
    month = _month_of(c.match[0])
    low = c.match[0].lower()
    if month is None:
        return None
    if ctx.dct is None:
        return _unresolved(c, "DATE", f"XXXX-{month:02d}")
    year = ctx.dct.year + (-1 if "last" in low else 1 if "next" in low else 0)
    return _norm(c, "DATE", f"{year:04d}-{month:02d}", anchor="dct", confidence=0.95)


def _rule_ago(c: Candidate, ctx: Context) -> Norm | None:
    s = " ".join(c.match[0].split())
    m = _rx(r"(?i)(.*?)\s+(ago|earlier|later|before|after|from now|hence)$").match(s)
    if m is None:
        return None
    head, direction = m[1], m[2].lower()
    if direction in ("before", "after"):
        # "two days before the vote": the offset is a duration; the signal word is not part of it.
        trimmed = c.start + len(m[1])
        parsed = _amount_and_unit(head)
        if parsed is None:
            return None
        return Norm(c.start, trimmed, "DURATION", duration_value(parsed[0], parsed[1]), None, "none", 0.9)
    parsed = _amount_and_unit(head)
    if parsed is None:
        return None
    n, unit = parsed
    if n is not None and n > 1000:
        return None
    sign = -1 if direction in ("ago", "earlier") else 1
    if n is None:
        return _norm(
            c,
            "DATE",
            "PAST_REF" if sign < 0 else "FUTURE_REF",
            anchor="dct" if ctx.dct else "none",
            confidence=0.8,
        )
    if n != int(n):
        return _norm(c, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor="dct", confidence=0.6)
    k = int(n) * sign
    years = (
        k * (10 if unit == "decade" else 100 if unit in ("century", "centurie") else 1)
        if unit in ("year", "decade", "century", "centurie")
        else 0
    )
    anaphoric = direction in ("earlier", "later")
    if unit == "year" and k == -1 and ctx.last_value and _is_current_quarter(ctx.last_value, ctx.dct):
        # "a year ago" right after a quarter compares that quarter with the same one a year before.
        return _norm(
            c, "DATE", _granularity_shift(ctx.last_value, years=-1) or "", anchor="anaphora", confidence=0.7
        )
    if anaphoric and unit == "year" and abs(k) == 1 and ctx.last_value:
        n2 = _year_earlier(c, ctx) if k < 0 else None
        if n2 is not None and n2.anchor == "anaphora":
            return n2
    base, anchor = (ctx.last_day, "anaphora") if anaphoric and ctx.last_day else (ctx.dct, "dct")
    if base is None:
        return _unresolved(c, "DATE", "XXXX-XX-XX" if unit in ("day", "hour") else "XXXX")
    moved = shift(
        base,
        years=years,
        months=k * (3 if unit == "quarter" else 1) if unit in ("month", "quarter") else 0,
        weeks=k if unit == "week" else 0,
        days=k if unit == "day" else 0,
    )
    return _norm(
        c, "DATE", _unit_value(moved, unit), anchor=anchor, confidence=0.8 if anchor == "dct" else 0.7
    )


def _rule_anaphor(c: Candidate, ctx: Context) -> Norm | None:
    low = " ".join(c.match[0].lower().split())
    part = _part_of(low)
    base, anchor = (ctx.last_day, "anaphora") if ctx.last_day else (ctx.dct, "dct")
    if base is None:
        return _unresolved(c, "DATE", "XXXX-XX-XX")
    dow = _DOW_TOKEN.search(low)
    if dow:
        wd = WEEKDAYS[dow[1]]
        step = -1 if any(w in low for w in ("previous", "preceding", "prior")) else 1
        day = base + dt.timedelta(days=step * (((wd - base.weekday()) * step) % 7 or 7))
        return _norm(c, "DATE", day.isoformat(), anchor=anchor, confidence=0.7)
    unit = "day"
    for u in ("weekend", "week", "month", "quarter", "year"):
        if _rx(rf"\b{u}\b").search(low):
            unit = u
            break
    if unit != "day" and ctx.last_value and value_range(ctx.last_value):
        # "later that year" after "June 1998": any earlier date of week or coarser grain will do.
        base, anchor = value_range(ctx.last_value)[0], "anaphora"
    step = 0
    if any(w in low for w in ("next", "following", "after")):
        step = 1
    elif any(w in low for w in ("previous", "preceding", "prior", "before")):
        step = -1
    if unit == "day":
        day = base + dt.timedelta(days=step)
        value = day.isoformat()
    elif unit in ("week", "weekend"):
        value = week_value(base + dt.timedelta(weeks=step)) + ("-WE" if unit == "weekend" else "")
    elif unit == "month":
        m = shift(base.replace(day=1), months=step)
        value = f"{m.year:04d}-{m.month:02d}"
    elif unit == "quarter":
        m = shift(base.replace(day=1), months=3 * step)
        value = f"{m.year:04d}-Q{quarter_of(m)}"
    else:
        value = f"{base.year + step:04d}"
    mod = None
    if low.startswith("later"):
        mod = "END"
    elif low.startswith("earlier"):
        mod = "START"
    del part  # the day part of "the next night" is kept at day granularity, as TimeBank does
    return _norm(c, "DATE", value, mod, anchor, 0.7)


# --- sets and holidays ---------------------------------------------------------------------------------


def _rule_set(c: Candidate, ctx: Context) -> Norm | None:
    low = " ".join(c.match[0].lower().split())
    simple = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D", "mornings": "XXXX-XX-XXTMO",
              "evenings": "XXXX-XX-XXTEV", "nights": "XXXX-XX-XXTNI", "weekends": "XXXX-WXX-WE"}  # fmt: skip
    if c.match[0][0].isupper() and _rx(r"\s+[A-Z]").match(ctx.text[c.end : c.end + 2]):
        return None  # "Daily Kos", "Weekly Standard": part of a name
    if low in simple:
        return _norm(c, "SET", simple[low], anchor="none")
    dow = _DOW_TOKEN.search(low)
    if dow:
        return _norm(c, "SET", f"XXXX-WXX-{WEEKDAYS[dow[1]] + 1}", anchor="none")
    words = low.split()
    unit = _unit_of(words[-1])
    if unit is None:
        part = _part_of(low)
        if part:
            return _norm(c, "SET", f"XXXX-XX-XXT{_PARTS[part]}", anchor="none")
        if words[-1] == "weekend":
            return _norm(c, "SET", "XXXX-WXX-WE", anchor="none")
        return None
    m = _rx(r"(?:every|each) (?:other )?(.+) " + words[-1]).match(low)
    n = parse_number(m[1]) if m else None
    if "other" in words:
        n = 2
    return _norm(c, "SET", duration_value(n or 1, unit), anchor="none")


def _holiday_day(name: str, year: int) -> dt.date | None:
    low = name.lower()
    if "christmas eve" in low:
        return dt.date(year, 12, 24)
    if "christmas" in low:
        return dt.date(year, 12, 25)
    if "new year's eve" in low:
        return dt.date(year, 12, 31)
    if "new year" in low:
        return dt.date(year, 1, 1)
    if "independence" in low:
        return dt.date(year, 7, 4)
    if "halloween" in low:
        return dt.date(year, 10, 31)
    if "valentine" in low:
        return dt.date(year, 2, 14)
    if "veterans" in low:
        return dt.date(year, 11, 11)
    if "easter" in low:
        return easter(year)
    if "good friday" in low:
        return easter(year) - dt.timedelta(days=2)
    first = {"thanksgiving": (11, 3, 4), "labor": (9, 0, 1), "election": (11, 0, 1)}
    for key, (month, wd, nth) in first.items():
        if key in low:
            d = dt.date(year, month, 1)
            d += dt.timedelta(days=(wd - d.weekday()) % 7 + 7 * (nth - 1))
            return d + dt.timedelta(days=1) if key == "election" else d
    if "memorial" in low:
        d = dt.date(year, 5, 31)
        return d - dt.timedelta(days=d.weekday())
    return None


def _rule_holiday(c: Candidate, ctx: Context) -> Norm | None:
    after = ctx.text[c.end : c.end + 8]
    y = _YEAR_TOKEN.match(after.lstrip(" ,")) if after.startswith((" ", ",")) else None
    if ctx.dct is None and y is None:
        return _unresolved(c, "DATE", "XXXX-XX-XX")
    if y:
        year = int(y[1])
        end = c.end + after.index(y[1]) + 4
        day = _holiday_day(c.match[0], year)
        return Norm(c.start, end, "DATE", day.isoformat(), None, "absolute", 1.0) if day else None
    assert ctx.dct is not None
    candidates = [
        (_holiday_day(c.match[0], y2), y2) for y2 in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
    ]
    low = c.match[0].lower()
    tense: Tense = "past" if low.startswith("last") else "future" if low.startswith("next") else None
    if low.startswith("this"):
        candidates = [(_holiday_day(c.match[0], ctx.dct.year), ctx.dct.year)]
    elif tense is None:
        tense = _tense(ctx, c)
    valid = [d for d, _ in candidates if d is not None]
    if not valid:
        return None
    if low.startswith(("last", "next")):
        # "last Christmas" is never today's: strictly before (after) the DCT.
        before = [d for d in valid if d < ctx.dct]
        after = [d for d in valid if d > ctx.dct]
        pick = max(before, default=valid[0]) if tense == "past" else min(after, default=valid[-1])
    elif tense == "past":
        pick = max((d for d in valid if d <= ctx.dct), default=valid[0])
    elif tense == "future":
        pick = min((d for d in valid if d >= ctx.dct), default=valid[-1])
    else:
        pick = min(valid, key=lambda d: abs((d - ctx.dct).days))
    return _norm(c, "DATE", pick.isoformat(), anchor="dct", confidence=0.8)


# --- dispatch --------------------------------------------------------------------------------------------

_HANDLERS: dict[str, Callable[[Candidate, Context], Norm | None]] = {
    "iso": _rule_iso,
    "slash": _rule_slash,
    "time": _rule_time,
    "time_in": _rule_time_in,
    "dmy": _rule_day,
    "mdy": _rule_day,
    "dm": _rule_day,
    "second_day": _rule_second_day,
    "day_of_month": _rule_day_of_month,
    "my": _rule_my,
    "month_rel_year": _rule_month_rel_year,
    "rel_month": _rule_rel_month,
    "month": _rule_month,
    "season": _rule_season,
    "decade": _rule_decade,
    "century": _rule_century,
    "half": _rule_half,
    "quarter": _rule_quarter,
    "ago": _rule_ago,
    "year_ago_adj": _rule_year_ago_adj,
    "anaphor": _rule_anaphor,
    "rel_dow": _rule_rel_dow,
    "dow_part": _rule_dow_part,
    "dow": _rule_dow,
    "deictic_part": _rule_deictic_part,
    "rel_unit": _rule_rel_unit,
    "the_unit": _rule_the_unit,
    "the_year": _rule_the_year,
    "in_the_unit": _rule_in_the_unit,
    "period": _rule_period,
    "end_of_unit": _rule_end_of_unit,
    "duration": _rule_duration,
    "first_units": _rule_first_units,
    "bare_units": _rule_bare_units,
    "recent": _rule_recent,
    "ref": _rule_ref,
    "set": _rule_set,
    "holiday": _rule_holiday,
    "year": _rule_year,
    "spelled_year": _rule_spelled_year,
}


def _extend(n: Norm, text: str) -> Norm:
    """Pull a fuzzy ('early', 'the end of') or approximate ('nearly', 'more than') prefix into the span."""
    before = text[max(0, n.start - 40) : n.start]
    head = text[n.start : n.end]
    if n.type == "DURATION" or (
        n.type in ("DATE", "TIME")
        and _rx(
            r"\d|(?i:a\b|an\b|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b)"
        ).match(head)
    ):
        m = _APPROX.search(before)
        if m and not head.lower().startswith("the "):
            return Norm(
                n.start - len(m[0]),
                n.end,
                n.type,
                n.value,
                n.mod or _APPROX_MOD[" ".join(m["w"].lower().split())],
                n.anchor,
                n.confidence,
            )
    if n.type in ("DATE", "TIME") and not n.value.endswith("_REF") and n.mod is None:
        m = _FUZZY.search(before)
        if m:
            return Norm(
                n.start - len(m[0]),
                n.end,
                n.type,
                n.value,
                _FUZZY_MOD[" ".join(m["w"].lower().split())],
                n.anchor,
                n.confidence,
            )
        m = _FUZZY_RELATIVE.search(before)
        if m and _rx(r"(?i:this|last|next)\b").match(head):
            return Norm(
                n.start - len(m[0]),
                n.end,
                n.type,
                n.value,
                _FUZZY_MOD[m["w"].lower()],
                n.anchor,
                n.confidence,
            )
    if n.type == "TIME" and n.mod is None:
        m = _rx(r"(?i:(?<![\w])(?P<w>about|around|approximately|roughly)\s+)$").search(before)
        if m:
            return Norm(n.start - len(m[0]), n.end, n.type, n.value, "APPROX", n.anchor, n.confidence)
    return n


# Rules whose last word is a common noun or adverb: capitalised mid-sentence, it is part of a name
# ("60 Minutes", ABC's "This Week", "VOA Today", "High Noon").
_NAME_SENSITIVE = _words(
    "ref rel_unit the_unit duration deictic_part time set first_units bare_units recent ago season"
)
_SENTENCE_START = compile_pattern(r"(?:^|[.!?:;\n]|[\"“‘'`(\[—-])\s*$")
_RATE_BEFORE = compile_pattern(
    r"(?:\d[\d,.]*|\b[a-z]{3,}[^s\W]s|percent|cents|million|billion|thousand|%)\s+$"
)


def _looks_like_name(c: Candidate, ctx: Context) -> bool:
    words = c.match[0].split()
    last = words[-1]
    if not last[:1].isupper() or last.isupper() or _month_of(last) or last.lower() in WEEKDAYS:
        return False
    before = ctx.text[max(0, c.start - 3) : c.start]
    return len(words) > 1 or not _SENTENCE_START.search(before)


def normalise(c: Candidate, ctx: Context) -> Norm | None:
    """TIMEX3 attributes of one candidate, or None when the span is not a temporal expression."""
    if c.rule in _NAME_SENSITIVE and _looks_like_name(c, ctx):
        return None
    if (
        c.rule == "duration"
        and c.match[0][:2].lower() in ("a ", "an")
        and _RATE_BEFORE.search(ctx.text[max(0, c.start - 20) : c.start])
    ):
        return None  # "four flights a week", "$1.76 a year": a rate, not a period
    n = _HANDLERS[c.rule](c, ctx)
    if n is None:
        return None
    return _extend(n, ctx.text)
