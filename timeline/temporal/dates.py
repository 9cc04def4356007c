"""Calendar-named dates: days, months, years, seasons, quarters, decades, centuries, holidays."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import dateparser
from dateutil.easter import easter

from timeline.temporal.anchor import (
    REACH,
    Tense,
    _words,
    may_be_timetable,
    month_year,
    quarter_of,
    sentence_bounds,
    shift,
    week_value,
)
from timeline.temporal.base import (
    _DAY_TOKEN,
    _DOW_TOKEN,
    _MONTH_TOKEN,
    _SEASON_MONTH,
    _SEASONS,
    _YEAR_TOKEN,
    Context,
    Norm,
    _granularity_shift,
    _month_of,
    _month_tense,
    _norm,
    _rx,
    _season_of,
    _tense,
    _unresolved,
    _year_earlier,
    parse_number,
)
from timeline.temporal.calendar import closing_quarter, last_day, value_range
from timeline.temporal.grammar import (
    DAY_ORDINAL,
    DAY_ORDINALS,
    DECADE_WORDS,
    FULL_MONTHS,
    MON,
    MONTHS,
    ORDINALS,
    WEEKDAYS,
    YEAR,
    Candidate,
    compile_pattern,
)

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


# --- dates with a day ------------------------------------------------------------------------------


# "last May 5" (not "the last May 5 deadline", an ordinal, nor a web page's "NEXT 26 MAY" button).
_SIDE_BEFORE = compile_pattern(r"(?<!\b(?i:the)\s)\b([Nn]ext|[Ll]ast)\s+$")


def _side_year(dct: dt.date, month: int, *, ahead: bool) -> int:
    """Year of 'next/last <month>': "last February" said in March is a year ago (the month just gone
    would be "last month"), and "next April" said in March a year ahead."""
    if ahead:
        return dct.year if month > dct.month + 1 else dct.year + 1
    return dct.year if month < dct.month - 1 else dct.year - 1


# The weekday a date opens with when abbreviated ("Fri, 22 Mar 2013"); full names match _DOW_TOKEN.
_WEEKDAY_OF_ABBR = {name[:3]: wd for name, wd in WEEKDAYS.items()}
_DOW_ABBR_TOKEN = compile_pattern(rf"(?i:({'|'.join(_WEEKDAY_OF_ABBR)}))")


# A sentence's opening ("26 May: BP starts its top kill", "On 2 June BP starts ...") is a
# chronology's or a narrative's date, whose present is historical.
_OPENS_SENTENCE = compile_pattern(r"(?:^|[.!?:;\n]\s*|\n)(?:(?i:on)\s+)?$")
# "effective June 1", not "became effective June 1".
_EFFECTIVE_BEFORE = compile_pattern(
    r"(?<!\bbecame\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)\b(?i:effective)\s+$"
)
# "the March 4 election": a day written before the noun of the event it names.
_ATTRIBUTIVE_BEFORE = compile_pattern(r"\b(?i:the)\s+$")
# "through" (or "thru", "through mid-") right before a month or day.
_THROUGH = r"\b(?i:through|thru)\s+(?:(?i:early|mid|late)-?\s*)?$"
# "has cancelled 3,000 flights through May 31", "has fallen 2% this year through Oct. 19", "has
# cancelled 12 voyages through mid-April": a present perfect runs up to now, and the day or month
# closing its count may lie on either side of it.
_PERFECT_THROUGH = compile_pattern(
    r"\b(?i:has|have)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|t)\b[^.;:!?]{0,60}" + _THROUGH
)
_NOUN_AFTER = compile_pattern(
    r"\s+(?!(?:and|or|to|through|until|in|at|on|of|for|by|is|was|were|will|would|that|when|as|with|"
    r"from)\b)[a-z][a-z-]+"
)


def _coming_within(dct: dt.date, month: int, day: int, months: float) -> int | None:
    """Year of the next such day after the DCT if it falls within `months`, else None."""
    year = dct.year if (month, day) >= (dct.month, dct.day) else dct.year + 1
    try:
        return year if (dt.date(year, month, day) - dct).days <= months * 31 else None
    except ValueError:
        return None  # February 29 outside a leap year


def _coming_else_nearest(dct: dt.date, month: int, day: int, months: float) -> int:
    """Year of the next such day if it falls within `months` of the DCT, else of the nearest one."""
    coming = _coming_within(dct, month, day, months)
    return coming if coming is not None else month_year(dct, month, day, None)


def _timetable_ahead(ctx: Context, c: Candidate) -> bool:
    """Whether a scheduling verb's present points the month or day at `c` ahead ("the fiscal year
    that ends Sept. 30", "Next season begins in November"), as does "through" after a present ("the
    cuts remain in place through Sept. 30": a state that holds now and on to then); not in a sentence
    the date opens, which is a chronology's entry ("26 May: BP starts its top kill")."""
    if _OPENS_SENTENCE.search(ctx.text, max(0, c.start - 8), c.start):
        return False
    if _AGE_TO_COME.search(ctx.text, max(0, c.start - 24), c.start):
        return True
    # Called only where no tense was found, so the clause before "through" is a present; not a
    # present perfect counting up to the date nor a statistic's period ("the nine months through
    # Sept. 30"), which may lie on either side.
    if (
        _THROUGH_BEFORE.search(ctx.text, max(0, c.start - 16), c.start)
        and not _PERIOD_THROUGH.search(ctx.text, max(0, c.start - 40), c.start)
        and not _PERFECT_THROUGH.search(ctx.text, max(0, c.start - 110), c.start)
    ):
        return True
    return may_be_timetable(ctx.text, c.start, c.end) and _month_tense(ctx, c, timetable=True)[0] == "future"


_THROUGH_BEFORE = compile_pattern(_THROUGH)
# An age still to come is a timetable's present: "the prince, who turns 65 in November".
_AGE_TO_COME = compile_pattern(r"\b(?i:turns)\s+\d{1,3}\s+(?i:in|on)\s+$")
_PERIOD_THROUGH = compile_pattern(r"\b(?i:year|months|weeks|quarter|half|period)\s+(?i:through|thru)\s+\S*$")


def _perfect_through_tense(ctx: Context, c: Candidate) -> tuple[Tense, float]:
    """The tense that places the month or day at `c`, with no side for a past verb whose present
    perfect counts up to it (`_PERFECT_THROUGH`)."""
    tense, reach = _month_tense(ctx, c)
    if tense == "past" and _PERFECT_THROUGH.search(ctx.text, max(0, c.start - 110), c.start):
        return None, reach
    return tense, reach


# A period named by its end ("the quarter ending in September", "the year that ends June 30").
_PERIOD_ENDING = compile_pattern(
    r"\b(?i:year|quarter|half|period|months|weeks)\s+(?i:ending|that\s+ends|which\s+ends)\s+(?:(?i:in|on)\s+)?$"
)
# How recently a period may have closed and still be the one a forecast is about: results come out
# some weeks after its end.
_JUST_CLOSED_DAYS = 45


def _just_closed(
    ctx: Context, c: Candidate, month: int, day: int | None, tense: Tense, reach: float
) -> tuple[Tense, float]:
    """The tense for a period's end at `c`: a forecast's period that closed in the last few weeks
    ("analysts expect revenue for the quarter ending in September to rise", said on Oct. 2) is that
    one, still unreported, not the one a year ahead."""
    if (
        tense == "future"
        and ctx.dct is not None
        and _PERIOD_ENDING.search(ctx.text, max(0, c.start - 40), c.start)
        and _closed_lately(ctx.dct, month, day)
    ):
        return "past", reach
    return tense, reach


def _closed_lately(dct: dt.date, month: int, day: int | None) -> bool:
    """Whether the last end of `month` (on `day`, else its last day) lies a few weeks before `dct`."""
    year = month_year(dct, month, day, "past", 12.0)
    try:
        end = dt.date(year, month, day) if day else last_day(year, month)
    except ValueError:
        return False
    return 0 <= (dct - end).days <= _JUST_CLOSED_DAYS


def _dated_day_year(ctx: Context, c: Candidate, month: int, day: int) -> int:
    """Year of a month and day written without one: the tense's side (a future verb moves a day that
    names an event, "the March 4 election", only within reach), else a scheduling verb's present ("the
    fiscal year that ends Sept. 30") within eight months ahead, else the nearest."""
    assert ctx.dct is not None
    if _EFFECTIVE_BEFORE.search(ctx.text, max(0, c.start - 30), c.start):
        # "a new labor pact effective June 1": the day a change starts, ahead unless it is far (then
        # it has just passed: "the rule, effective Jan. 1" said on Jan. 15), whatever verb the
        # sentence has ("which resulted from the pact effective June 1").
        return _coming_else_nearest(ctx.dct, month, day, REACH)
    tense, reach = _just_closed(ctx, c, month, day, *_perfect_through_tense(ctx, c))
    if (
        tense == "future"
        and _ATTRIBUTIVE_BEFORE.search(ctx.text, max(0, c.start - 6), c.start)
        and _NOUN_AFTER.match(ctx.text, c.end)
    ):
        # "the March 4 election" names an event by its day: a future verb elsewhere in the sentence
        # moves it ahead within `reach`, not a year ahead as it moves a date it governs ("will rule
        # by March 30 on ... the March 4 election", said on March 18, is two weeks back).
        return _coming_else_nearest(ctx.dct, month, day, reach)
    if tense is None and _timetable_ahead(ctx, c):
        coming = _coming_within(ctx.dct, month, day, REACH)
        if coming is not None:
            return coming
    return month_year(ctx.dct, month, day, tense, reach)


_NINE_ELEVEN = dt.date(2001, 9, 11)
# The nouns a "Sept. 11" names the attacks with (not "anniversary": that one falls every year). A
# single attack on or in some other place is another Sept. 11's: "the Sept. 11 attack on the American
# mission in Benghazi" (2012).
_NAMES_ATTACKS = compile_pattern(
    r"(?:,?\s+|-)(?i:attacks|attack(?!\s+(?:on|in|at)\s+(?!(?:America|the\s+United\s+States|the\s+U\.S\.|"
    r"New\s+York|Washington|the\s+World\s+Trade\s+Center|the\s+Pentagon|the\s+(?:twin\s+)?towers)\b))|"
    r"terror|terrorist|hijack\w*|commission|plot|mastermind|victims|memorial)\b"
)


def _nine_eleven(c: Candidate, ctx: Context) -> Norm | None:
    """The day of the attacks ("9/11", "the Sept. 11 attacks"), in a story published after it or undated."""
    if ctx.dct is not None and ctx.dct <= _NINE_ELEVEN:
        return None
    return _norm(c, "DATE", _NINE_ELEVEN.isoformat(), confidence=0.9)


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
    dow = _DOW_TOKEN.search(s) or _DOW_ABBR_TOKEN.match(s)
    if years:
        try:
            return _norm(c, "DATE", dt.date(int(years[0]), month, day).isoformat())
        except ValueError:
            return None
    framing = _framing_year(c, ctx)
    if framing is not None:
        try:
            value = dt.date(framing, month, day).isoformat()
            return _norm(c, "DATE", value, anchor="anaphora", confidence=0.8)
        except ValueError:
            return None
    if (
        (month, day) == (9, 11)
        and _NAMES_ATTACKS.match(ctx.text, c.end)
        and (attacks := _nine_eleven(c, ctx)) is not None
    ):
        return attacks  # "the Sept. 11 attacks" names a day in 2001, however long after it the story runs
    if ctx.dct is None:
        return _unresolved(c, "DATE", f"XXXX-{month:02d}-{day:02d}")
    side = _SIDE_BEFORE.search(ctx.text, max(0, c.start - 6), c.start)
    if side is not None and not dow:
        # "next January 1", "last May 5" (the gold spans leave the word out): the year as for "next
        # January", "last May".
        year = _side_year(ctx.dct, month, ahead=side[1][0] in "Nn")
        try:
            return _norm(c, "DATE", dt.date(year, month, day).isoformat(), anchor="dct", confidence=0.95)
        except ValueError:
            return None  # February 29 outside a leap year
    year = _dated_day_year(ctx, c, month, day)
    if dow:
        # A written weekday picks the year whose calendar agrees with it.
        wd = _WEEKDAY_OF_ABBR[dow[1][:3].lower()]
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


def _rule_week_of(c: Candidate, ctx: Context) -> Norm | None:
    """'the week of March 6': the ISO week holding that day; 'the weekend of 14 August': its weekend."""
    n = _day_in_text(c, ctx, c.match[0])
    rng = value_range(n.value) if n else None
    if n is None or rng is None:
        return None
    weekend = c.match[0].lower().split()[1] == "weekend"
    return dataclasses.replace(n, value=week_value(rng[0]) + ("-WE" if weekend else ""))


def _rule_second_day(c: Candidate, ctx: Context) -> Norm | None:
    """'25' in 'April 24 and 25': the month (and year) of the first day."""
    months = list(_MONTH_TOKEN.finditer(ctx.text, max(0, c.start - 30), c.start))
    if not months:
        return None
    written = f"{months[-1][0]} {c.match[0]}"
    n = _day_in_text(c, ctx, written)
    first = _rx(r"(\d{4})-(\d\d)-\d\d").match(ctx.last_value or "")
    if (
        n is not None
        and first is not None
        and int(first[2]) == MONTHS[months[-1][1].lower()]
        and not n.value.startswith(first[1])
    ):
        # The pair shares the first day's year: "from Jan. 5 to 7" is not a January apart.
        n = _day_in_text(c, ctx, f"{written}, {first[1]}")
        return None if n is None else dataclasses.replace(n, anchor="anaphora", confidence=0.9)
    return n


def _rule_first_day(c: Candidate, ctx: Context) -> Norm | None:
    """'1' in '1 and 2 April': the month (and year) written after the second day."""
    tail = _PAIRED_MONTH.match(ctx.text, c.end)
    if tail is None:
        return None
    return _day_in_text(c, ctx, f"{c.match[0]} {tail[1]}")


# "September 14 and 18, 2010": the year written after the second day is the first day's too.
_PAIR_YEAR = compile_pattern(
    r"(?:\s{1,3}(?:and|or|to|through)\s{1,3}|\s{0,3}[-–]\s{0,3})(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?,?\s+((?:1[0-9]|20)\d\d)\b"
)


def _rule_day(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0]
    pair = None if _YEAR_TOKEN.search(s) else _PAIR_YEAR.match(ctx.text, c.end)
    return _day_in_text(c, ctx, f"{s} {pair[1]}" if pair else s)


_SPELLED_DAY = compile_pattern(rf"(?i:\b{DAY_ORDINAL}\b)")


def _rule_spelled_day(c: Candidate, ctx: Context) -> Norm | None:
    """'the first of May', 'March eighth', 'Sunday, March the twenty-first': the spelled day read as its
    number."""
    s = c.match[0]
    words = _SPELLED_DAY.search(s)
    day = DAY_ORDINALS.get(" ".join(words[0].lower().split())) if words else None
    if day is None:
        return None
    return _day_in_text(c, ctx, f"{s[: words.start()]}{day}{s[words.end() :]}")


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


# A statistic after a month names the period its figures cover ("the February jobs report", "March's
# retail sales"); the month is then no modal, verb or name either.
_STATISTIC_AFTER = compile_pattern(
    r"(?:['’]s)?\s+(?i:jobs|employment|payrolls?|retail|sales|inflation|data|figures|trade|output|"
    r"production|unemployment|consumer|producer|housing|home|factory|industrial|manufacturing|"
    r"statistics|orders|exports|imports)\b|(?:['’]s)?\s+(?:CPI|PMI|GDP)\b"
)
# "the year to September", "the three months to January"; not "extended it by two weeks to March".
_PERIOD_TO = compile_pattern(r"\b(?i:the)\s+(?:[\w-]+\s+){0,2}(?i:year|months|weeks|quarter|period)\s+to\s+$")


# A year opening its sentence ("In 2010, sales peaked in March", "Last year, by contrast, March
# brought a record on March 27") is the year of the months and days it writes without one; not a
# year inside the sentence ("The firm, founded in 1990, was sold on June 3") nor a range's start
# ("Since 2010, ...").
_FRONTED_YEAR = compile_pattern(
    r"[\"“‘'`(\s]*(?:(?i:in|during|throughout|(?:early|late)\s+in)\s+)?"
    r"(?:(?i:last|this|that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year|\d{4})"
)


# ... as is a year a "when" clause describes: "The rally began in early 2009, when the Dow bottomed
# out on March 9".
_WHEN_AFTER = compile_pattern(r",?\s+when\b")
# Where the "when" clause ends and the sentence goes on to another time: "as early as 2002, when
# Merkel was opposition leader, and continued until weeks before Obama visited Berlin in June".
_WHEN_CLAUSE_END = compile_pattern(r",\s+(?i:and|but)\b|;|\b(?i:until|till)\b")


def _framing_year(c: Candidate, ctx: Context) -> int | None:
    """The year named at the head of the sentence holding `c`, or before a "when" clause holding it,
    when that is the last date named."""
    named = ctx.last_any
    if named is None or len(named) != 4 or not named.isdigit() or ctx.last_end > c.start:
        return None
    left = sentence_bounds(ctx.text, c.start, c.end)[0]
    if ctx.last_end < left or not (
        _FRONTED_YEAR.fullmatch(ctx.text, left, ctx.last_end)
        or (
            _WHEN_AFTER.match(ctx.text, ctx.last_end)
            and not _WHEN_CLAUSE_END.search(ctx.text, ctx.last_end, c.start)
        )
    ):
        return None
    return int(named)


def _month_resolved(c: Candidate, ctx: Context, month: int, mode: str | None) -> Norm:
    """A month without a year: `mode` 'last'/'next'/'this' or the tense decides the year."""
    framing = _framing_year(c, ctx) if mode is None else None
    if framing is not None:
        return _norm(c, "DATE", f"{framing:04d}-{month:02d}", anchor="anaphora", confidence=0.8)
    if ctx.dct is None:
        return _unresolved(c, "DATE", f"XXXX-{month:02d}")
    d = ctx.dct
    if mode in ("last", "next"):
        year = _side_year(d, month, ahead=mode == "next")
    elif mode == "this":
        year = d.year
    elif _STATISTIC_AFTER.match(ctx.text, c.end):
        # The period a statistic covers ("Friday's February jobs report", "May sales rose"): the
        # figures come out after the month, so it is the last one, or under a future verb (which
        # tells of their release: "is expected to show") the nearest one.
        tense, _ = _perfect_through_tense(ctx, c)
        year = month_year(d, month, None, None if tense == "future" else "past", 12.0)
    elif _PERIOD_TO.search(ctx.text, max(0, c.start - 40), c.start):
        # "figures covering the year to September", "in the three months to January": a period a
        # statistic has closed, the last such month within reach even under "is expected to publish".
        year = month_year(d, month, None, "past", REACH)
    else:
        tense, reach = _just_closed(ctx, c, month, None, *_perfect_through_tense(ctx, c))
        if tense is None and _timetable_ahead(ctx, c):
            # "Next season begins in November", "the company reports in April": the coming month,
            # within reach, as for a day of the month.
            tense, reach = "future", REACH
        year = month_year(d, month, None, tense, reach)
    confidence = 0.95 if mode else 0.85
    return _norm(c, "DATE", f"{year:04d}-{month:02d}", anchor="dct", confidence=confidence)


_MODAL_MONTH_CUE = compile_pattern(
    r"(?i:\b(?:in|since|until|till|by|of|last|next|this|early|late|mid|through|from|before|"
    r"after|during|and|or|to|between|each|every|the)\s*-?\s*)$"
    # A plan's date: "originally slated for May" (a bare "for May" may be Theresa May's support).
    r"|\b(?i:slated|scheduled|rescheduled|planned|set|targeted|pencil+ed|earmarked|postponed|delayed|"
    r"booked)\s+(?i:for)\s+$"
    # A superlative ranks a month among its kind: "the coldest March since 1962", "the wettest May".
    r"|\b(?i:the)\s+(?:(?:second|third|fourth|fifth)\s+)?(?:coldest|warmest|hottest|coolest|mildest|"
    r"wettest|driest|snowiest|sunniest|windiest|stormiest|dullest|busiest|quietest|deadliest|"
    r"strongest|weakest|highest|lowest|biggest|largest|smallest|best|worst)\s+$"
    # The end of a range of months: "March-May".
    rf"|\b(?:{FULL_MONTHS})-$"
)
_PAIRED_MONTH = compile_pattern(
    rf"(?:\s+(?:and|or|to|&)\s+|[-–])\d+(?:st|nd|rd|th)?\s+(?:of\s+)?((?:{FULL_MONTHS}|[A-Z][a-z]{{2,3}}\.?)(?:,?\s+\d{{4}})?)"
)
_RANGE_END_MONTH = compile_pattern(
    rf"\s*,?\s*(?:to|through|until|till|and|or|-|–)\s*(?:(?:early|mid|late)-?\s*)?"
    rf"(?P<month>{FULL_MONTHS})\b(?:,?\s+(?P<year>(?:1[0-9]|20)\d\d)\b)?"
)
_MONTH_LIST_BEFORE = compile_pattern(rf"\b(?:{FULL_MONTHS}),\s*$")
_MONTH_LIST_AFTER = compile_pattern(rf"(?:,\s*|\s+)(?:(?:and|or|to)\s+)?(?:{FULL_MONTHS})\b")
# "March" as a sentence's subject ("March was the coldest since 1962", "by contrast, March brought
# a heat wave"); not after a first name ("Fredric March was"). "May" stays out: "May was" is as
# often Theresa May.
_MARCH_SUBJECT = compile_pattern(
    r"\s+(?:was|is|has|had|will|would|brought|saw|ended|began|proved|became|turned|marked)\b"
)
_FIRST_NAME_BEFORE = compile_pattern(r"\b[A-Z][a-z]+\s+$")
_CAPITALISED_NEXT = compile_pattern(r"\s+[A-Z][a-z]+")
_SENTENCE_WORD_NEXT = compile_pattern(r"\s+(?:[A-Z][a-z]+day|The|In|On|At|As|But|And|He|She|It|They|We|I)\b")
_NAME_MONTH_CUE = compile_pattern(r"(?i:\b(?:in|since|until|by|of|last|next|this|early|late)\s*)$")


_MONTH_PART = compile_pattern(rf"{MON}(?:,?\s+{YEAR})?$")


def _rule_weeks_of_month(c: Candidate, ctx: Context) -> Norm | None:
    """'the first week (or weekend) of August': the month, read as the month alone is, with a START
    or END mod."""
    month = _MONTH_PART.search(ctx.text, c.start, c.end)
    if month is None:
        return None
    year = _YEAR_TOKEN.search(month[0])
    inner = Candidate(month.start(), month.end(), "my" if year else "month", month)
    n = _rule_my(inner, ctx) if year else _rule_month(inner, ctx)
    if n is None:
        return None
    low = c.match[0].lower()
    mod = (
        "START"
        if _rx(r"the\s+(?:first|opening)\b").match(low)
        else ("END" if _rx(r"the\s+(?:last|final|closing)\b").match(low) else None)
    )
    return dataclasses.replace(n, start=c.start, end=c.end, mod=mod)


def _rule_month(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0]
    month = _month_of(s)
    if month is None:
        return None
    before = ctx.text[max(0, c.start - 30) : c.start]
    after = ctx.text[c.end : c.end + 30]
    if (
        s.lower().startswith(("may", "march"))
        and not _MODAL_MONTH_CUE.search(before)
        and not _MONTH_LIST_BEFORE.search(before)
        and not _MONTH_LIST_AFTER.match(after)
        and not _STATISTIC_AFTER.match(after)
        and not (
            s.lower().startswith("march")
            and _MARCH_SUBJECT.match(after)
            and not _FIRST_NAME_BEFORE.search(before)
        )
    ):
        # "May"/"March" are also a modal, a verb and names: only with a cue word before them, or in
        # a list of months ("in February, March and April").
        return None
    if (
        _CAPITALISED_NEXT.match(after)
        and not _SENTENCE_WORD_NEXT.match(after)
        and not _NAME_MONTH_CUE.search(before)
    ):
        # "June Carter", "April Ryan": a month name followed by a capitalised word is usually a name.
        return None
    pair = _RANGE_END_MONTH.match(ctx.text, c.end)
    if pair is not None and ctx.dct is not None:
        # "from April to June (2010)": the first month is the last such month up to the second, whose
        # year is written or read from its own place in the sentence.
        end_month = MONTHS[pair["month"].lower()]
        if pair["year"]:
            end_year, anchor = int(pair["year"]), "absolute"
        else:
            end = Candidate(pair.start("month"), pair.end("month"), "month", pair)
            end_year, anchor = int(_month_resolved(end, ctx, end_month, None).value[:4]), "dct"
        year = end_year - (month > end_month)
        return _norm(c, "DATE", f"{year:04d}-{month:02d}", anchor=anchor, confidence=0.85)
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


_ISO_CLOCK = compile_pattern(r"T\d\d:\d\d(?::\d\d)?")


def _rule_iso(c: Candidate, ctx: Context) -> Norm | None:
    """'2013-03-22', '2013-03-22T14:30:05Z': the value as written to the second; a zone or a
    fraction of a second is dropped, as TimeBank's values carry neither."""
    s = c.match[0]
    try:
        dt.date.fromisoformat(s[:10])
    except ValueError:
        return None
    clock = _ISO_CLOCK.match(s, 10)
    return _norm(c, "TIME" if clock else "DATE", s[:10] + (clock[0] if clock else ""))


@functools.lru_cache(maxsize=2048)
def _dateparser_day(s: str, base: dt.date | None, order: str = "MDY") -> dt.date | None:
    """Rare numeric shapes ('4/18/2017'): dateparser, explicit settings, cached on string + base."""
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(base or dt.date(2000, 1, 1), dt.time()),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": order,
        "PREFER_DAY_OF_MONTH": "first",
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    parsed = dateparser.parse(s, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _rule_slash(c: Candidate, ctx: Context) -> Norm | None:
    if "." in c.match[0]:
        day_, month_, year_ = map(int, c.match[0].split("."))
        try:
            return _norm(c, "DATE", dt.date(year_, month_, day_).isoformat())
        except ValueError:
            return None  # "31.02.2013"
    if c.match[0] == "9/11":
        return _nine_eleven(c, ctx)
    first = c.match[0].split("/", 1)[0]
    # The grammar lets a day lead only when it cannot be a month, and a year only with four digits.
    order = "YMD" if len(first) == 4 else "DMY" if int(first) > 12 else "MDY"
    day = _dateparser_day(c.match[0], ctx.dct, order)
    return _norm(c, "DATE", day.isoformat()) if day else None


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


# "its fiscal third quarter", "fiscal Q3", "the fiscal year's third quarter", "the third quarter of
# its fiscal year": a company's own year, which need not follow the calendar.
_FISCAL = compile_pattern(r"\b(?i:fiscal)\b")
_OF_FISCAL_YEAR = compile_pattern(r"\s+of\s+(?:the|its|their|our|his|her)\s+(?i:fiscal)\b")


def _is_fiscal(ctx: Context, c: Candidate) -> bool:
    """Whether the part of a year at `c` is a fiscal one ("its fiscal third quarter")."""
    return bool(
        _FISCAL.search(ctx.text, max(0, c.start - 16), c.end) or _OF_FISCAL_YEAR.match(ctx.text, c.end)
    )


def _not_yet_begun(ctx: Context, c: Candidate, n: int, current: int) -> bool:
    """Whether part `n` of the year ("the fourth quarter", "Q4", "H2"), said without its year, is last
    year's: in January "profits fell in the fourth quarter" tells of a quarter yet to begin this year,
    unless the sentence looks ahead. A fiscal quarter is labelled by the fiscal year, which runs ahead
    of the calendar: Oracle's "fiscal third quarter", reported in March, ended in February."""
    if n <= current or _is_fiscal(ctx, c):
        return False
    return _tense(ctx, c) != "future"


# What an act planned "in the first quarter" is governed by; not a report's "for the first quarter".
_IN_PERIOD_BEFORE = compile_pattern(r"\b(?i:in|during|by|until|from)\s+$")


def _already_over(ctx: Context, c: Candidate, n: int, current: int) -> bool:
    """Whether part `n` of the year, said without its year, is next year's: a future verb sets an act
    in a quarter this year has already passed ("will restore a dividend in the first quarter" in
    September); a report of one, or a fiscal quarter, stays this year's."""
    if n >= current or not _IN_PERIOD_BEFORE.search(ctx.text, max(0, c.start - 10), c.start):
        return False
    return not _is_fiscal(ctx, c) and _tense(ctx, c) == "future"


# "the fourth quarter of last year", "the second half of this year": the year is named, if relatively.
_YEAR_FROM_DCT = compile_pattern(r"(?i:this|last|next)\s+year")


def _part_year(ctx: Context, c: Candidate, year: int, n: int, current: int) -> int:
    """Year of part `n` of the year ("the fourth quarter", "the second half") said without its year,
    `current` being the DCT's part: last year's if not yet begun, next year's if already over."""
    if _not_yet_begun(ctx, c, n, current):
        return year - 1
    if _already_over(ctx, c, n, current):
        return year + 1
    return year


def _half_of(day: dt.date) -> int:
    """The half of the year (1 or 2) a day falls in."""
    return 1 if day.month <= 6 else 2


# "the fiscal third quarter ended Feb. 28": the quarter's year is the year of the day it ended.
_QUARTER_ENDED = compile_pattern(
    rf"\s*,?\s+(?i:ended|ending|that\s+ended)\s+(?:(?i:in)\s+)?(?P<month>{MON})(?:\s+(?P<day>[0-3]?\d)(?!\d))?"
    rf"(?:,?\s+(?P<year>(?:1[0-9]|20)\d\d)(?!\d))?"
)


def _quarter_end_year(c: Candidate, ctx: Context) -> int | None:
    """Year of the day a quarter is said to have ended ("the fourth quarter ended Aug. 26"): a fiscal
    quarter is labelled by it, whatever calendar quarter the day falls in."""
    m = _QUARTER_ENDED.match(ctx.text, c.end)
    if m is None:
        return None
    if m["year"]:
        return int(m["year"])
    month = _month_of(m["month"])
    if month is None or ctx.dct is None:
        return None
    day = int(m["day"]) if m["day"] else None
    tense, reach = (
        ("past", REACH) if m[0].lower().lstrip(" ,").startswith(("ended", "that")) else _month_tense(ctx, c)
    )
    if tense == "future" and _closed_lately(ctx.dct, month, day):
        tense = "past"  # "analysts expect revenue for the quarter ending Sept. 30 to rise", on Oct. 2
    try:
        return month_year(ctx.dct, month, day, tense, reach)
    except ValueError:
        return None


def _closing_quarter(c: Candidate, ctx: Context) -> str | None:
    """The calendar quarter of 'the quarter ended Feb. 28': the one holding the middle of the three
    months up to that day (December to February is mostly the first quarter), not the DCT's last."""
    m = _QUARTER_ENDED.match(ctx.text, c.end)
    month = _month_of(m["month"]) if m is not None else None
    year = _quarter_end_year(c, ctx) if month is not None else None
    if month is None or year is None:
        return None
    return closing_quarter(year, month)


# A game's quarters ("trailed by 10 in the third quarter"): words of play near a quarter with no
# money word make it part of a match, not of a year.
_PLAY = compile_pattern(
    r"(?i:\b(?:scored|scoring|touchdowns?|rebounds?|baskets?|field\s+goals?|free\s+throws?|"
    r"three-pointers?|overtime|halftime|half-time|quarterback|buzzer|trailed|playoffs?|innings|games?|"
    r"super\s+bowl|(?:halt|stopp|suspend|resum)(?:ed|ing)\s+play)\b)"
)
_MONEY_WORDS = (
    "profit|profits|sales|revenue|revenues|earnings|results|growth|income|loss|losses|output|economy|fiscal|"
    "dividend|forecast|shares"
)
_MONEY = compile_pattern(rf"(?i:\b(?:{_MONEY_WORDS}|gdp|percent)\b|%|\$)")


def _in_a_game(ctx: Context, c: Candidate) -> bool:
    """Whether words of play, and no money words, stand around the quarter at `c`."""
    left, right = max(0, c.start - 80), c.end + 60
    # Money words first: results stories, where quarters abound, name one early and end the search.
    return not _MONEY.search(ctx.text, left, right) and bool(_PLAY.search(ctx.text, left, right))


def _rule_quarter(c: Candidate, ctx: Context) -> Norm | None:
    s = " ".join(c.match[0].split())
    low = s.lower()
    if not _YEAR_TOKEN.search(s) and " of " not in low and _in_a_game(ctx, c):
        return None
    start = c.start
    if _rx(r"(?i:the\s+\S+-quarter$)").match(s):
        # "the third-quarter results": the article belongs to the noun, not the adjective.
        start = c.start + len(_rx(r"(?i:the\s+)").match(c.match[0])[0])
    # The quarter is named by its ordinal ("the third quarter"), its first month ("July-September")
    # or its last ("the December quarter").
    named = _rx(
        r"first|second|third|fourth|final|1st|2nd|3rd|4th|january|april|july|october|march|june|september|"
        r"december|\blast(?=\s+quarter\s+of\s)"
    ).search(low)
    explicit_year = _YEAR_TOKEN.search(s) is not None
    year = _year_in(s, ctx)
    anchor = "absolute" if explicit_year else "dct"
    if named is None and year is not None and " of " in low and _rx(r"\bsame\b").search(low):
        # "fell in the first quarter ... compared with the same quarter of 2012": the quarter reported,
        # in the year written. That is the quarter last named unless it lies in that very year ("the
        # last quarter of 2012 ... the same quarter of 2012"); then the last one the DCT has closed.
        reported = _quarter_named(ctx)
        if (reported is None or int(reported[:4]) == year) and ctx.dct is not None:
            reported = _quarter_from(ctx.dct, -1)
        if reported is not None:
            return Norm(start, c.end, "DATE", f"{year:04d}{reported[4:]}", None, "anaphora", 0.8)
    if named:
        # "the final (last) quarter of last year" is its fourth.
        q = 4 if named[0] in ("final", "last") else ORDINALS.get(named[0]) or (MONTHS[named[0]] + 2) // 3
        if year is None:
            return Norm(start, c.end, "DATE", f"XXXX-Q{q}", None, "none", 0.5)
        relative_year = not explicit_year and not _YEAR_FROM_DCT.search(low)
        end_year = _quarter_end_year(c, ctx) if relative_year else None
        if end_year is not None:
            year = end_year
        elif relative_year and ctx.dct is not None:
            year = _part_year(ctx, c, year, q, quarter_of(ctx.dct))
        return Norm(start, c.end, "DATE", f"{year:04d}-Q{q}", None, anchor, 1.0 if explicit_year else 0.9)
    if ctx.dct is None:
        return Norm(start, c.end, "DATE", "XXXX-QX", None, "none", 0.5)
    if "year-earlier" in low or "year-ago" in low:
        return _year_earlier(Candidate(start, c.end, c.rule, c.match), ctx)
    if any(w in low for w in ("this", "current")):
        offset = 0
    elif any(w in low for w in ("next", "coming")):
        offset = 1
    elif (
        (named_quarter := _quarter_named(ctx))
        and _rx(r"\bprevious\b").search(low)
        and (before := _granularity_shift(named_quarter, months=-3))
    ):
        # "shrank in the first quarter ... 0.2 percent from the previous quarter": the one before the
        # quarter just named.
        return Norm(start, c.end, "DATE", before, None, "anaphora", 0.8)
    else:
        # "the quarter", "the latest quarter", "last quarter": news reports the last completed one,
        # unless the day it ended is written ("the quarter ended Feb. 28").
        closed = None if _rx(r"\blast\b").search(low) else _closing_quarter(c, ctx)
        if closed is not None:
            return Norm(start, c.end, "DATE", closed, None, "dct", 0.8)
        offset = -1
    value = _quarter_from(ctx.dct, offset)
    named = _quarter_named(ctx) if low == "the quarter" else None
    if named and named != value:
        # "its fiscal fourth quarter ... a profit in the quarter": the quarter just named, even when it
        # is not the last completed one.
        return Norm(start, c.end, "DATE", named, None, "anaphora", 0.8)
    return Norm(start, c.end, "DATE", value, None, "dct", 0.8)


_QUARTER_VALUE = compile_pattern(r"\d{4}-Q[1-4]")


def _quarter_from(day: dt.date, offset: int) -> str:
    """The calendar quarter `offset` quarters from the one holding `day` (2013-02-10, -1: '2012-Q4')."""
    q = quarter_of(day) - 1 + offset
    return f"{day.year + q // 4:04d}-Q{q % 4 + 1}"


def _quarter_named(ctx: Context) -> str | None:
    """The period last named, if it is a quarter ('2012-Q4')."""
    return ctx.last_period if ctx.last_period and _QUARTER_VALUE.fullmatch(ctx.last_period) else None


_ABBR_PERIOD = compile_pattern(r"Q([1-4])|([1-4])Q|H([12])")


def _rule_abbr_period(c: Candidate, ctx: Context) -> Norm | None:
    """'Q1', '3Q', 'Q4 2012', 'H1 2013': a quarter or a half-year as analysts write it."""
    m = _ABBR_PERIOD.match(c.match[0])
    explicit = _YEAR_TOKEN.search(c.match[0])
    if not explicit and not _FINANCE.search(ctx.text, max(0, c.start - 80), c.end + 40):
        return None  # "the Audi Q3", "an H1 visa": a name, not a period
    half = m[3] is not None
    n = int(m[3] or m[1] or m[2])
    unit = "H" if half else "Q"
    if explicit:
        return _norm(c, "DATE", f"{explicit[1]}-{unit}{n}")
    if ctx.dct is None:
        return _unresolved(c, "DATE", f"XXXX-{unit}{n}")
    current = _half_of(ctx.dct) if half else quarter_of(ctx.dct)
    year = ctx.dct.year - 1 if _not_yet_begun(ctx, c, n, current) else ctx.dct.year
    return _norm(c, "DATE", f"{year:04d}-{unit}{n}", anchor="dct", confidence=0.85)


# Words that make a bare "the first half" a half-year rather than half of a match or a film.
_FINANCE = compile_pattern(rf"(?i:\b(?:{_MONEY_WORDS}|quarter)\b)")


def _rule_half(c: Candidate, ctx: Context) -> Norm | None:
    low = c.match[0].lower()
    if " of " not in low and not _FINANCE.search(ctx.text, max(0, c.start - 80), c.end + 40):
        return None
    h = 1 if _rx(r"first|1st").search(low) else 2  # second, last, latter
    year = _year_in(c.match[0], ctx)
    if year is None:
        return _unresolved(c, "DATE", f"XXXX-H{h}")
    explicit = _YEAR_TOKEN.search(c.match[0]) is not None
    if not explicit and ctx.dct is not None and not _YEAR_FROM_DCT.search(low):
        # As for quarters: "sales slowed in the second half" said in March is last year's.
        year = _part_year(ctx, c, year, h, _half_of(ctx.dct))
    return _norm(c, "DATE", f"{year:04d}-H{h}", anchor="absolute" if explicit else "dct", confidence=0.9)


_SEASON_WORD = "|".join(_SEASONS)
_SHARED_YEAR = compile_pattern(
    rf"(?i:\s+(?:and|or)\s+(?:the\s+)?(?:early\s+|late\s+)?(?:{_SEASON_WORD})\s*,?\s+"
    r"(?:of\s+)?((?:19|20)\d\d))(?!\d)"
)
_COORDINATED_SEASON = compile_pattern(rf"({_SEASON_WORD})\s+(?:and|or)\s+$")
# Seasons in the order a value's year runs through them (a winter value starts in December).
_SEASON_ORDER = ("SP", "SU", "FA", "WI")
# "the following spring", "the previous winter", "the same summer": a season counted from a date named.
_ANAPHORIC_SEASON = frozenset(("following", "next", "previous", "preceding", "same"))
# "That fall, he enrolled", "later that summer": a demonstrative, not the conjunction "that".
_THAT_CUE_BEFORE = compile_pattern(
    r"(?:^|[.!?]\s+|\n|\b(?i:in|during|by|until|over|through|later|earlier|since|of|from)\s+)$"
)
# After the period a demonstrative ends its phrase or a new clause's subject follows ("signed it that
# September.", "that summer it hired"); after the conjunction the period is a subject itself ("he
# said that summer was his favourite", "data showing that May sales rose").
_THAT_CUE_AFTER = compile_pattern(
    r"\s*(?:[,.;:!?)\"”’'—–]|--|$)|\s+(?i:it|he|she|they|we|i|you|the|a|an|his|her|their|its|our|"
    r"my|when|after|before|in|on|at|to|for|with|by|until)\b"
)
# The month each season begins, to count "the following spring" from a date.
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _points_back(text: str, start: int, end: int) -> bool:
    """Whether the "that" opening [start, end) is a demonstrative ("That fall, he enrolled", "signed
    it that September") rather than a conjunction ("he said that summer was his favourite")."""
    return bool(_THAT_CUE_BEFORE.search(text, max(0, start - 12), start) or _THAT_CUE_AFTER.match(text, end))


def _last_named(ctx: Context) -> tuple[dt.date, dt.date] | None:
    """First and last day of the date named last, unless it spans more than a year ("in the 1990s
    ... that summer": which one is not said)."""
    last = value_range(ctx.last_any) if ctx.last_any else None
    if last is None or (last[1] - last[0]).days > 366:
        return None
    return last[0], last[1]


def _year_from_last(last: tuple[dt.date, dt.date], first_month: int, mode: str) -> int:
    """Year of the period opening in `first_month` named from the date `last` ('following', 'next',
    'previous', 'preceding'; else the same year)."""
    if mode in ("following", "next"):
        # The first such period to begin after the date named ends: "In 2000 ... the following spring".
        return last[1].year if first_month > last[1].month else last[1].year + 1
    if mode in ("previous", "preceding"):
        return last[0].year if first_month < last[0].month else last[0].year - 1
    return last[0].year  # "that fall", "the same summer"


def _season_from_last(c: Candidate, ctx: Context, end: int, code: str, mode: str) -> Norm | None:
    """'that summer', 'the following spring', 'the previous winter': counted from the last date named."""
    if mode == "that" and not _points_back(ctx.text, c.start, end):
        return None  # a conjunction: "he said that summer was his favourite season"
    last = _last_named(ctx)
    if last is None:
        return Norm(c.start, end, "DATE", f"XXXX-{code}", None, "none", 0.5)
    year = _year_from_last(last, _SEASON_START[code], mode)
    return Norm(c.start, end, "DATE", f"{year:04d}-{code}", None, "anaphora", 0.7)


def _rule_month_anaphor(c: Candidate, ctx: Context) -> Norm | None:
    """'that September', 'the following March', 'the previous May': the month counted from the last
    date named ("Congress passed it in 1996 and Clinton signed it that September": 1996-09)."""
    words = c.match[0].lower().split()
    mode = words[0] if words[0] == "that" else words[1]
    name = _MONTH_TOKEN.search(ctx.text, c.start, c.end)
    if name is None:
        return None
    if name[1].lower() in ("may", "march"):
        # Also a modal or a verb ("THAT MAY TAKE ALL OF TUESDAY", "the following may apply"): only
        # where the phrase ends or a clause's subject follows.
        points_back = _THAT_CUE_AFTER.match(ctx.text, c.end) is not None
    else:
        points_back = mode != "that" or _points_back(ctx.text, c.start, c.end)
    if not points_back:
        # The conjunction: "officials said that June was the wettest on record" names a month of
        # its own, read as any other.
        return _rule_month(Candidate(name.start(), name.end(), "month", name), ctx)
    month = MONTHS[name[1].lower()]
    last = _last_named(ctx)
    if last is not None:
        year = _year_from_last(last, month, mode)
        return Norm(c.start, c.end, "DATE", f"{year:04d}-{month:02d}", None, "anaphora", 0.7)
    if ctx.last_any is None and mode in ("following", "next", "previous", "preceding"):
        # No date named before: "the next January" is the publication date's next one.
        return _month_resolved(c, ctx, month, "next" if mode in ("following", "next") else "last")
    return Norm(c.start, c.end, "DATE", f"XXXX-{month:02d}", None, "none", 0.5)


def _winter_year(d: dt.date, mode: str | None, ctx: Context, c: Candidate) -> int:
    """Year of a winter value ('2009-WI' runs from December 2009 into 2010) named relative to `d`."""
    # The winter `d` falls in, if any; otherwise the next December's and the last December's.
    current = d.year if d.month == 12 else d.year - 1 if d.month <= 2 else None
    if mode in ("last", "past", "this past"):
        return current - 1 if current is not None else d.year - 1
    if mode in ("next", "coming", "this coming"):
        return current + 1 if current is not None else d.year
    if current is not None:
        return current
    # "the winter", "this winter" outside one: the side the tense picks ("as we head into the winter"
    # in June is the coming one, "froze in the winter" the one just past), else the nearest.
    tense = _tense(ctx, c)
    if tense is not None:
        return d.year if tense == "future" else d.year - 1
    return month_year(d, _SEASON_MONTH["WI"], None, None) - 1


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
    shared = _SHARED_YEAR.match(ctx.text, end, end + 40)
    if shared:
        # "the spring and summer of 2008": the year written after the pair is both seasons'.
        return Norm(c.start, end, "DATE", f"{shared[1]}-{code}")
    before = ctx.text[max(0, c.start - 20) : c.start].lower()
    mode = words[0] if len(words) > 1 else None
    if mode == "the" and len(words) > 2 and words[1] in _ANAPHORIC_SEASON:
        return _season_from_last(c, ctx, end, code, words[1])
    if mode == "that":
        return _season_from_last(c, ctx, end, code, mode)
    if mode == "the" and len(words) > 2 and words[1] in ("early", "late", "mid", "mid-"):
        mode = words[1]
    after = ctx.text[end : end + 12].lower()
    if mode in (None, "the", "early", "late", "mid", "mid-"):
        if word == "fall" and mode is None:
            return None
        if mode == "the" and after.startswith(" of"):
            return None
        if word == "fall" and _rx(r"(?:\s+(?:in|out|from|to|back)\b|-out)").match(after):
            return None  # "the fall in prices", "the fall out": a drop, not autumn
        # A season coordinated with the one just named is the next such season from it ("this autumn
        # and winter", "in the autumn and the winter": autumn 2009 and winter -> 2009-WI).
        previous = _COORDINATED_SEASON.search(before) if mode in (None, "the") else None
        last = ctx.last_value or ""
        named = previous is not None and _rx(r"\d{4}-(?:SP|SU|FA|WI)").fullmatch(last)
        if named and last[5:] == _SEASONS[previous[1]]:
            year = int(last[:4]) + (_SEASON_ORDER.index(code) <= _SEASON_ORDER.index(last[5:]))
            return Norm(c.start, end, "DATE", f"{year:04d}-{code}", None, "anaphora", 0.8)
        # Otherwise a bare season needs a preposition.
        if mode is None and not _rx(r"(?:in|during|by|since|until|over|through|this)\s+$").search(before):
            if previous is None:
                return None
            return _unresolved(c, "DATE", f"XXXX-{code}") if ctx.dct is None else None
    start = c.start
    if ctx.dct is None:
        return Norm(start, end, "DATE", f"XXXX-{code}", None, "none", 0.5)
    d = ctx.dct
    if code == "WI":
        year = _winter_year(d, mode, ctx, c)
    elif mode in ("last", "past", "this past"):
        # TimeBank reads "last spring" as the previous year's, even late in the year.
        year = d.year - 1
    elif mode in ("next", "coming", "this coming"):
        year = d.year + 1
    elif mode == "this":
        year = d.year
    else:
        tense = _tense(ctx, c)
        if tense is None and _timetable_ahead(ctx, c):
            tense = "future"  # "the review reports in the autumn": as for a month
        year = month_year(d, _SEASON_MONTH[code], None, tense)
    mod = {"early": "START", "late": "END", "mid": "MID", "mid-": "MID"}.get(mode or "")
    return Norm(start, end, "DATE", f"{year:04d}-{code}", mod, "dct", 0.85)


# A bare "the 20s" or "the forties" in a weather report is a range of readings, not a decade.
_READING_BEFORE = compile_pattern(r"(?i:\b(?:upper|lower|high|low)\s+)$")
_READING_CUE = compile_pattern(
    r"(?i:\b(?:temperatures?|degrees|forecasts?|thermometers?|wind\s+chills?|heat\s+index)\b|"
    r"\b(?:highs?|lows?)\s+(?:\w+\s+){0,2}(?:in|near|around|into)\s+the\b)|°"
)


def _is_reading(ctx: Context, c: Candidate) -> bool:
    """Whether a two-digit or spelled 'decade' is a temperature band ('the 20s' tonight)."""
    if _READING_BEFORE.search(ctx.text, max(0, c.start - 8), c.start):
        return True
    left, right = sentence_bounds(ctx.text, c.start, c.end)
    return _READING_CUE.search(ctx.text, left, right) is not None


# What a bare "1800s" needs before it to name a century rather than a count of thousands.
_CENTURY_CUE = compile_pattern(r"(?i:\b(?:the|in|since|by|from|to|until|early|late|mid)[\s-]+)$")


def _rule_decade(c: Candidate, ctx: Context) -> Norm | None:
    low = c.match[0].lower()
    if not _rx(r"\d{4}|'").search(low) and _is_reading(ctx, c):
        return None  # "temperatures will drop into the 20s", "highs in the upper forties"
    m = _rx(r"(\d{4}|(?<!\d)\d\d)").search(low)
    if m:
        digits = m[1]
        if len(digits) == 2:
            # "the '90s", "the 80s": the latest such decade that has begun ('20s said in 2013: 1920s).
            year = (ctx.dct.year // 100 * 100 if ctx.dct else 1900) + int(digits)
            decade = (year - 100 if ctx.dct and year > ctx.dct.year else year) // 10
        elif digits.endswith("00") and int(digits) < 2000:
            if not low.startswith(("the", "mid", "early", "late")) and not _CENTURY_CUE.search(
                ctx.text, max(0, c.start - 12), c.start
            ):
                return None  # "1000s dead", "1000s of people": thousands, not a century
            return _norm(c, "DATE", digits[:2])  # "the 1800s" is a century, not its first decade
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
    season = _season_of(head)
    if season:
        return _norm(c, "DATE", f"{year:04d}-{season}")
    return _norm(c, "DATE", f"{year:04d}")


# "at 2000 BST": a 24-hour clock reading, not a year.
_CLOCK_ZONE = compile_pattern(r"\s*(?:[ECMP][SD]T|GMT|BST|UTC|CET|CEST|hrs|hours\b)")


def _rule_year(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0]
    year = int(_YEAR_TOKEN.search(s)[1])
    after = ctx.text[c.end : c.end + 20]
    before = ctx.text[max(0, c.start - 25) : c.start]
    if _COUNTED.match(after) or _CLOCK_ZONE.match(after):
        return None
    prefixed = not s[0].isdigit()
    if not prefixed and not (1900 <= year <= 2099) and not _YEAR_CUE.search(before):
        return None
    name = _NAME_BEFORE.search(before)
    if not prefixed and name and name[1].lower() not in _YEAR_NAME_OK:
        return None  # "Orion 1980", "Windows 2000": a number in a name, not a year
    first = _SPAN_START.search(before)
    if first is not None and not int(first[1]) < year <= int(first[1]) + 200:
        return None  # "9001-2008" (a standard), "2005/1990": no span of years
    joined = _JOINED_BEFORE.search(before)
    if not prefixed and joined and joined[1].lower() not in _YEAR_JOIN_OK:
        return None  # "Euro-2012", "corum-populo-2010": a name; "pre-2008" is still a year
    return _norm(c, "DATE", f"{year:04d}")


def _rule_short_year(c: Candidate, ctx: Context) -> Norm | None:
    """'13' of '2012-13': the first year's century, a year or a few after it (else no span of years)."""
    first = int(_SPAN_START.search(ctx.text, max(0, c.start - 5), c.start)[1])
    year = first - first % 100 + int(c.match[0])
    if year <= first:
        year += 100  # "1999-00"
    return _norm(c, "DATE", f"{year:04d}") if year - first <= 10 else None


_NAME_BEFORE = compile_pattern(r"\b([A-Z][A-Za-z]*)\s+$")
_JOINED_BEFORE = compile_pattern(r"([A-Za-z]+)-$")
_SPAN_START = compile_pattern(r"(\d{4})[-–/]$")
_YEAR_JOIN_OK = _words("pre post mid early late end fy")
# Capitalised words that may still introduce a year (sentence-initial prepositions and the like).
_YEAR_NAME_OK = _words(
    "in since by until till of from before after through during and or the fiscal about around "
    "circa early late mid summer spring fall autumn winter christmas easter fy year election "
    "between for as at on to a an that this these those its his her their our"
)


def _rule_period(c: Candidate, ctx: Context) -> Norm | None:
    """'the latest period' is the quarter being reported; 'the 1988 period' that quarter in 1988;
    'the same month of 2012' the month reported, in 2012."""
    if _rx(r"(?i)\bmonth\b").search(c.match[0]):
        n = _year_earlier(c, ctx)
        if n is None or not n.value[:4].isdigit():
            return None
        # The period a year back from the one reported, moved to the year written.
        return dataclasses.replace(n, value=c.match[0][-4:] + n.value[4:])
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


def _rule_month_rel_year(c: Candidate, ctx: Context) -> Norm | None:
    """'March of last year', 'the summer of next year', 'June of that year', '14 August last year'."""
    low = c.match[0].lower()
    month = _month_of(c.match[0])
    part = f"{month:02d}" if month else _season_of(low)
    if part is None:
        return None
    day = _rx(r"\d+").search(low)
    if day is not None:
        part = f"{part}-{int(day[0]):02d}"
    if _rx(r"\b(?:that|same|following|previous)\s+(?:[a-z]+\s+)?year").search(low):
        # "In June of that (awful) year": the year last named ("1918 ... In June of that year").
        named = _rx(r"\d{4}").match(ctx.last_value or "")
        if named is None:
            return _unresolved(c, "DATE", f"XXXX-{part}")
        year = int(named[0]) + (1 if "following" in low else -1 if "previous" in low else 0)
        anchor, confidence = "anaphora", 0.7
    elif ctx.dct is None:
        return _unresolved(c, "DATE", f"XXXX-{part}")
    else:
        year = ctx.dct.year + (-1 if "last" in low else 1 if "next" in low else 0)
        anchor, confidence = "dct", 0.95
    if day is not None and month is not None:
        try:
            dt.date(year, month, int(day[0]))
        except ValueError:
            return None  # "31 April last year", "29 February last year" in a common year: no such day
    return _norm(c, "DATE", f"{year:04d}-{part}", anchor=anchor, confidence=confidence)


# Holidays on a fixed day: (words in the name, month, day). A longer name comes before the one it contains.
_FIXED_HOLIDAYS = (
    ("christmas eve", 12, 24),
    ("christmas", 12, 25),
    ("new year's eve", 12, 31),
    ("new year", 1, 1),
    ("independence", 7, 4),
    ("halloween", 10, 31),
    ("valentine", 2, 14),
    ("veterans", 11, 11),
    ("patrick", 3, 17),
    ("boxing", 12, 26),
    ("armistice", 11, 11),
    ("remembrance day", 11, 11),
    ("may day", 5, 1),
    ("bastille", 7, 14),
    ("canada day", 7, 1),
    ("australia day", 1, 26),
    ("earth day", 4, 22),
    ("juneteenth", 6, 19),
    ("cinco de mayo", 5, 5),
    ("guy fawkes", 11, 5),
    ("bonfire night", 11, 5),
)
# US holidays on the nth weekday of a month: (words, month, weekday (Monday 0), n, days after it).
# Election Day is the Tuesday after the first Monday of November.
_NTH_WEEKDAY_HOLIDAYS = (
    ("thanksgiving", 11, 3, 4, 0),
    ("black friday", 11, 3, 4, 1),
    ("cyber monday", 11, 3, 4, 4),
    ("labor", 9, 0, 1, 0),
    ("election", 11, 0, 1, 1),
    ("king", 1, 0, 3, 0),
    ("presidents", 2, 0, 3, 0),
    ("columbus", 10, 0, 2, 0),
)
# Days counted from Easter Sunday; a longer name comes before the one it contains.
_EASTER_HOLIDAYS = (
    ("easter monday", 1),
    ("good friday", -2),
    ("maundy thursday", -3),
    ("holy thursday", -3),
    ("holy saturday", -1),
    ("holy week", -3),  # Palm Sunday to Holy Saturday: the ISO week of its Thursday
    ("palm sunday", -7),
    ("ash wednesday", -46),
    ("shrove tuesday", -47),
    ("ascension", 39),
    ("whit sunday", 49),
    ("pentecost", 49),
    ("whit monday", 50),
    ("easter", 0),
)


def _holiday_day(name: str, year: int) -> dt.date | None:
    low = name.lower()
    for key, month, day in _FIXED_HOLIDAYS:
        if key in low:
            return dt.date(year, month, day)
    for key, days in _EASTER_HOLIDAYS:
        if key in low:
            return easter(year) + dt.timedelta(days=days)
    for key, month, weekday, nth, after in _NTH_WEEKDAY_HOLIDAYS:
        if key in low:
            first = dt.date(year, month, 1)
            return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1) + after)
    if "memorial" in low:  # the last Monday of May
        last = dt.date(year, 5, 31)
        return last - dt.timedelta(days=last.weekday())
    if "remembrance sunday" in low:  # the second Sunday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7)
    return None


def _holiday_value(name: str, day: dt.date) -> str:
    """Value of a holiday on `day`: the day, or the week or weekend it names ('Easter week',
    'Memorial Day weekend': the weekend nearest the holiday, before a Monday, after a Friday)."""
    low = name.lower()
    if low.endswith("weekend"):
        saturday = day + dt.timedelta(days=(5 - day.weekday() + 3) % 7 - 3)
        return week_value(saturday) + "-WE"
    if low.endswith("week"):
        return week_value(day)
    return day.isoformat()


# Days in a month of reach: the tense moves a holiday from the nearest one as far as it moves a month
# (eight months back, a year ahead, further after "since" or "until").
_DAYS_PER_MONTH = 30.6


# Days after a holiday during which "after" it, under a future verb, still means that one.
_HOLIDAY_JUST_GONE = 7
_AFTER_WORD = compile_pattern(r"\b(?i:after)\s+$")


def _rule_holiday(c: Candidate, ctx: Context) -> Norm | None:
    after = ctx.text[c.end : c.end + 8]
    y = _YEAR_TOKEN.match(after.lstrip(" ,")) if after.startswith((" ", ",")) else None
    if ctx.dct is None and y is None:
        return _unresolved(c, "DATE", "XXXX-XX-XX")
    if y:
        year = int(y[1])
        end = c.end + after.index(y[1]) + 4
        day = _holiday_day(c.match[0], year)
        if day is None:
            return None
        return Norm(c.start, end, "DATE", _holiday_value(c.match[0], day), None, "absolute", 1.0)
    assert ctx.dct is not None
    candidates = [
        (_holiday_day(c.match[0], y2), y2) for y2 in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
    ]
    low = c.match[0].lower()
    tense: Tense = "past" if low.startswith("last") else "future" if low.startswith("next") else None
    reach = REACH
    if low.startswith("this"):
        candidates = [(_holiday_day(c.match[0], ctx.dct.year), ctx.dct.year)]
    elif tense is None:
        # As for months, "since Christmas" and a timetable's present ("the game starts on Thanksgiving
        # Day") settle the side.
        tense, reach = _month_tense(ctx, c, timetable=True)
    valid = [d for d, _ in candidates if d is not None]
    if not valid:
        return None
    if low.startswith(("last", "next")):
        # "last Christmas" is never today's: strictly before (after) the DCT.
        before = [d for d in valid if d < ctx.dct]
        after = [d for d in valid if d > ctx.dct]
        pick = max(before, default=valid[0]) if tense == "past" else min(after, default=valid[-1])
    else:
        nearest = min(valid, key=lambda d: abs((d - ctx.dct).days))
        pick = nearest
        if tense == "past":
            pick = max((d for d in valid if d <= ctx.dct), default=valid[0])
        elif tense == "future" and not (
            0 < (ctx.dct - nearest).days <= _HOLIDAY_JUST_GONE
            and _AFTER_WORD.search(ctx.text, max(0, c.start - 8), c.start)
        ):
            # What is to come after a holiday a few days gone follows that one ("Cyber Monday, the
            # first Monday after Thanksgiving, is expected to ..." the day after it).
            pick = min((d for d in valid if d >= ctx.dct), default=valid[-1])
        months = 0.0 if tense is None else reach if tense == "past" else max(reach, 12)
        if abs((pick - ctx.dct).days) > months * _DAYS_PER_MONTH:
            # As for months: tense picks the side only within reach ("as Easter week began" six
            # days before Easter is this year's, not last year's).
            pick = nearest
    return _norm(c, "DATE", _holiday_value(c.match[0], pick), anchor="dct", confidence=0.8)
