"""Durations and sets: 'nearly 40 years', 'the first few months', 'several days', 'daily'."""

from __future__ import annotations

from timeline.temporal.anchor import tense_at
from timeline.temporal.base import (
    _DOW_TOKEN,
    _PARTS,
    _SEASONS,
    Context,
    Norm,
    _month_of,
    _norm,
    _part_of,
    _rx,
    _season_of,
    _shift_units,
    _unit_of,
    _unit_value,
    duration_value,
    parse_number,
)
from timeline.temporal.grammar import (
    NUM,
    WEEKDAYS,
    Candidate,
    compile_pattern,
)

# --- durations and offsets -----------------------------------------------------------------------------


_PERIOD_NOUN = compile_pattern(r"(?i:\s+(?:period|term|span|stretch|window|interval))$")
_OR_SO = compile_pattern(r"(?i:\s+or\s+so)$")
# "two to three weeks", "12 or 18 months", "a day or two": one span whose value is the lower bound
# (mod EQUAL_OR_MORE), as TimeBank annotates "two to three weeks".
_OR_TWO = compile_pattern(r"(?i:\s+or\s+two)$")
_RANGE = compile_pattern(rf"(?i:(?P<lo>{NUM})(?:\s+(?:to|or)\s+{NUM}|(?<=\d)[-–]\d+)(?=[-\s]))")
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
    s = _OR_TWO.sub("", _OR_SO.sub("", _PERIOD_NOUN.sub("", s.strip())))
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


_SCHOOL_YEAR = compile_pattern(
    r"\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)\b"
    r"(?!\s*(?:years?|months?|weeks?|days?|percent|%))"
)


_VERB_LAST = compile_pattern(r"(?i:last\s+)")
_VERB_LAST_BEFORE = compile_pattern(
    r"(?i:\b(?:to|will|would|could|may|might|can|should|not|it|which|that|they|must)\s+)$"
)


_MODAL_BEFORE = compile_pattern(r"(?i:\b(?:will|would|could|may|might|can|shall|should|must)\s+)$")


def _rule_duration(c: Candidate, ctx: Context) -> Norm | None:
    written = c.match[0]
    ranged = _RANGE.search(written)
    if ranged:
        written = written[: ranged.start()] + ranged["lo"] + written[ranged.end() :]
    parsed = _amount_and_unit(written)
    if parsed is None:
        return None
    n, unit = parsed
    if n is not None and n > 1000 and "," not in written:
        # A bare four-digit number before a unit is a year ("1998 years" is a misprint more often
        # than a span); a grouped one is an amount ("800,000 years").
        return None
    low = c.match[0].lower()
    if unit == "quarter" and not _rx(r"\s+quarters\b").search(low):
        return None  # "a quarter" is a fraction far more often than a period
    if unit == "second" and _rx(r"(?i:(?:a|one)\s+second)").match(low):
        return None  # "a second time", "one second-place finish"
    if unit == "year" and _SCHOOL_YEAR.match(ctx.text, c.end):
        return None  # "a year seven pupil": a school year, not a period
    if low == "one day" and _MODAL_BEFORE.search(ctx.text, max(0, c.start - 20), c.start):
        # "Islam will one day be ...": some indefinite future day, not a one-day period.
        return _norm(c, "DATE", "FUTURE_REF", anchor="dct" if ctx.dct else "none", confidence=0.8)
    start = c.start
    verb = _VERB_LAST.match(c.match[0])
    if verb and _VERB_LAST_BEFORE.search(ctx.text[max(0, c.start - 12) : c.start]):
        # "is expected to last several weeks": the verb "last" is not part of the duration.
        start += len(verb[0])
    if _rx(r"(?i:the\s+\S+-)").match(low):
        # "the eight-year" in "the eight-year war": the article belongs to the noun.
        start += len(_rx(r"(?i:the\s+)").match(low)[0])
    mod = (
        "EQUAL_OR_MORE"
        if ranged or _OR_TWO.search(c.match[0])
        else "APPROX"
        if _OR_SO.search(c.match[0])
        else None
    )
    point = _in_time(c, ctx, n, unit) if start == c.start and mod is None else None
    if point is not None:
        return point
    value = duration_value(n, unit)
    return Norm(start, c.end, "DURATION", value, mod, "none", 1.0 if n else 0.8)


_IN_BEFORE = compile_pattern(r"(?<![\w-])(?i:in)\s+$")
_AMOUNT_UNIT = compile_pattern(r"(?i:[\w.,]+\s+(?:days?|weeks?|fortnights?|months?|years?))")
_OF_AFTER = compile_pattern(r"\s+(?i:of)\b")
# "for the first time in six weeks", "its first game in two weeks": a span up to now.
_FIRST_TIME = compile_pattern(r"(?i:\b(?:time|first(?:\s+[\w-]+){0,2})\s+in\s+)$")
# The units "in two weeks" counts to a calendar date of their own grain.
_IN_TIME_UNITS = frozenset(("day", "week", "fortnight", "month", "year"))


def _in_time(c: Candidate, ctx: Context, n: float | None, unit: str) -> Norm | None:
    """'will open in two weeks', 'would be redeemed in five years': with a future verb, the time that
    far past the DCT (a date of the unit's grain), as TimeBank values it; else None."""
    if unit not in _IN_TIME_UNITS or n is None or n != int(n) or ctx.dct is None:
        return None
    if not _IN_BEFORE.search(ctx.text, max(0, c.start - 4), c.start) or _OF_AFTER.match(ctx.text, c.end):
        return None  # "over five years", "in two years of talks": a length, not a point
    if not _AMOUNT_UNIT.fullmatch(c.match[0]) or _FIRST_TIME.search(ctx.text, max(0, c.start - 30), c.start):
        # "in the last seven years", "for the first time in six weeks": a span that ends now.
        return None
    if tense_at(ctx.text, c.start, c.end, timetable=True) != "future":
        # "the biggest gain in five years" looks back over a span; a timetable's present ("ministers
        # meet again in two weeks") points ahead as "will" does.
        return None
    k = int(n)
    if unit == "fortnight":
        k, unit = k * 2, "week"
    try:
        day = _shift_units(ctx.dct, k, unit)
    except (ValueError, OverflowError):
        return None  # "in 1,000,000 years": past the calendar, a length only
    return _norm(c, "DATE", _unit_value(day, unit), anchor="dct", confidence=0.7)


def _rule_first_units(c: Candidate, ctx: Context) -> Norm | None:
    low = c.match[0].lower()
    unit = _unit_of(low.removesuffix("ahead").split()[-1])
    if unit is None:
        return None
    if low.startswith("early") or low.startswith("the early"):
        return None
    return _norm(c, "DURATION", duration_value(None, unit), anchor="none", confidence=0.8)


def _rule_unit_long(c: Candidate, ctx: Context) -> Norm | None:
    """'decade-long' P10Y, 'two-year-long' P2Y, 'decades-long' PXDE: the length an adjective names."""
    *amount, unit_word = c.match[0][: -len("-long")].rsplit("-", 1)
    unit = _unit_of(unit_word)
    if unit is None:
        return None
    if amount:
        n = parse_number(amount[0])
        if n is None:
            return None
    else:
        n = None if unit_word.lower().endswith("s") else 1
    return _norm(c, "DURATION", duration_value(n, unit), anchor="none", confidence=0.9)


def _rule_bare_units(c: Candidate, ctx: Context) -> Norm | None:
    # "years", "the years", "weeks or months" (the first unit, as TimeBank values it)
    unit = _unit_of(next(w for w in c.match[0].replace(",", " ").split() if w.lower() != "the"))
    if unit is None:
        return None
    return _norm(c, "DURATION", duration_value(None, unit), anchor="none", confidence=0.8)


def _rule_a_while(c: Candidate, ctx: Context) -> Norm | None:
    """'for a while', 'for some time': a duration whose length and unit are not told."""
    return _norm(c, "DURATION", "PXX", anchor="none", confidence=0.6)


def _rule_recent(c: Candidate, ctx: Context) -> Norm | None:
    unit = _unit_of(c.match[0].split()[-1])
    if unit in ("year", "decade"):
        return _norm(c, "DATE", "PAST_REF", anchor="dct" if ctx.dct else "none")
    return _norm(c, "DURATION", duration_value(None, unit or "day"), anchor="none", confidence=0.8)


# --- sets and holidays ---------------------------------------------------------------------------------


def _rule_seasons(c: Candidate, ctx: Context) -> Norm | None:
    """'the past three summers', 'the last two weekends': a set of that recurring period."""
    word = c.match[0].split()[-1].lower()
    if word == "weekends":
        return _norm(c, "SET", "XXXX-WXX-WE", anchor="none")
    return _norm(c, "SET", f"XXXX-{_SEASONS[word[:-1]]}", anchor="none")


# What comes before a bare "nights" or "weekends" that makes it a schedule ("works nights", "open on
# weekends", "in the evenings").
_BARE_PLURAL_CUE = compile_pattern(r"(?i:\b(?:on|at|over|works?|worked|working|(?:in|during)\s+the)\s+)$")


# A lowercase "daily" or "weekly" is a newspaper, not a schedule, after a name that follows a
# determiner ("the Israeli daily said"), or before a name ("Party daily Granma", "the weekly Der
# Spiegel"). "Bombs go off in Baghdad daily." stays a schedule: no determiner, no name after.
_PAPERS = frozenset({"daily", "weekly"})
_NAMES_BEFORE = compile_pattern(r"(?:^|(\S+)\s+)((?:[A-Z][\w.'-]*\s+)*)$")
_NAME_AFTER = compile_pattern(r"\s+[A-Z]")


def _is_paper(text: str, start: int, end: int) -> bool:
    """Whether the 'daily' at text[start:end] names a newspaper ('the Israeli daily Haaretz')."""
    m = _NAMES_BEFORE.search(text, max(0, start - 60), start)
    if m is None:
        return False
    word, names = (m[1] or "").lower(), m[2]
    if _NAME_AFTER.match(text, end):
        return bool(names) or word == "the"
    return bool(names) and word in ("the", "a", "an")


# A speed's unit before "per hour" or "an hour": no schedule.
SPEED_BEFORE = compile_pattern(r"\b(?i:miles|kilometers|kilometres|km|knots)\s+$")


def _rule_set(c: Candidate, ctx: Context) -> Norm | None:
    # "once-a-decade", "twice-yearly": the count is the frequency; the unit or the rate word gives the value.
    low = " ".join(c.match[0].lower().replace("-", " ").split())
    low = low.removeprefix("once ").removeprefix("twice ").removeprefix("thrice ")
    simple = {"daily": "P1D", "weekly": "P1W", "fortnightly": "P2W", "monthly": "P1M", "annually": "P1Y",
              "yearly": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D",
              "mornings": "XXXX-XX-XXTMO", "evenings": "XXXX-XX-XXTEV", "nights": "XXXX-XX-XXTNI",
              "weekends": "XXXX-WXX-WE"}  # fmt: skip
    if c.match[0][0].isupper() and _rx(r"\s+[A-Z]").match(ctx.text[c.end : c.end + 2]):
        return None  # "Daily Kos", "Weekly Standard": part of a name
    if low in _PAPERS and _is_paper(ctx.text, c.start, c.end):
        return None  # "the Israeli daily Haaretz", "the Communist Party daily": a newspaper
    if low in ("mornings", "evenings", "nights", "weekends") and not _BARE_PLURAL_CUE.search(
        ctx.text, max(0, c.start - 16), c.start
    ):
        return None  # "two nights", "the other dark nights": a count or a description, not a schedule
    if low in simple:
        return _norm(c, "SET", simple[low], anchor="none")
    month = _month_of(c.match[0])
    if month is not None:
        return _norm(c, "SET", f"XXXX-{month:02d}", anchor="none")  # "each July"
    season = _season_of(low)
    if season:
        return _norm(c, "SET", f"XXXX-{season}", anchor="none")  # "every summer"
    dow = _DOW_TOKEN.search(low)
    if dow:
        part = _part_of(low)
        suffix = f"T{_PARTS[part]}" if part else ""
        return _norm(c, "SET", f"XXXX-WXX-{WEEKDAYS[dow[1]] + 1}{suffix}", anchor="none")
    words = low.split()
    if words[0] == "per" and SPEED_BEFORE.search(ctx.text, max(0, c.start - 16), c.start):
        return None  # "winds of 100 miles per hour": a speed, not a schedule
    unit = "year" if words[-1] == "annum" else _unit_of(words[-1])
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
