"""Expressions anchored on the DCT or an earlier date: weekdays, times, 'last week', 'two days later'."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from timeline.temporal.anchor import (
    ATTRIBUTION_VERBS,
    _words,
    firm_tense_at,
    quarter_of,
    sentence_bounds,
    shift,
    week_value,
    weekday_date,
)
from timeline.temporal.base import (
    _CLOCK_TOKEN,
    _DOW_TOKEN,
    _PARTS,
    _UNRESOLVED_UNIT,
    _YEARS_IN,
    Context,
    Norm,
    _granularity_shift,
    _is_current_quarter,
    _month_of,
    _norm,
    _part_of,
    _relative_unit,
    _rx,
    _shift_units,
    _tense,
    _unit_value,
    _unresolved,
    _weekday_tense,
    _year_earlier,
    duration_value,
)
from timeline.temporal.calendar import value_range
from timeline.temporal.dates import (
    _SEASONS,
    _day_in_text,
    _winter_year,
)
from timeline.temporal.durations import (
    _OF_AFTER,
    _amount_and_unit,
)
from timeline.temporal.grammar import (
    DOW,
    MON,
    NUMBERS,
    PART_OF_WORDS,
    WEEKDAYS,
    Candidate,
    compile_pattern,
)

# --- times -----------------------------------------------------------------------------------------


# How far (characters) back a day named may anchor "in the morning" or "at 5:45 p.m." ("... crashed
# Friday. Buyers came in the morning"); without one the phrase is usually generic ("he runs in the
# morning") or the paper's own day.
_PART_ANAPHORA_REACH = 200
_DAY_VALUE = compile_pattern(r"\d{4}-\d{2}-\d{2}")


def _named_close_before(c: Candidate, ctx: Context) -> bool:
    """Whether the expression just before `c` ends within `_PART_ANAPHORA_REACH` of it."""
    return 0 <= c.start - ctx.last_end <= _PART_ANAPHORA_REACH


def _day_named_close_before(c: Candidate, ctx: Context) -> bool:
    """Whether the expression just before `c`, within `_PART_ANAPHORA_REACH`, is a day."""
    return _named_close_before(c, ctx) and _DAY_VALUE.match(ctx.last_value or "") is not None


def _day_just_named(c: Candidate, ctx: Context) -> bool:
    """Whether the expression just before `c`, close enough, names a day it may fall on: after "by
    the end of the year" the day last named may be months back ("shares rose by early afternoon" is
    the paper's day), and a past verb does not tell of a day still ahead ("will be paid on 21 June.
    Shares fell at 1400 BST")."""
    if not _day_named_close_before(c, ctx):
        return False
    return ctx.last_day is None or not _ahead_under_past(c, ctx, ctx.last_day)


def _earlier_day_just_named(c: Candidate, ctx: Context) -> dt.date | None:
    """The day before the DCT named close before `c` (the day a report is about), if there is one."""
    day = ctx.last_day
    if day is None or ctx.dct is None or day >= ctx.dct or not _day_named_close_before(c, ctx):
        return None
    return day


def _ahead_under_past(c: Candidate, ctx: Context, day: dt.date) -> bool:
    """Whether `day` lies after the DCT while a past verb tells of `c`: what a past verb tells
    happened by the paper's day, not on a day still ahead ("Carney takes over on July 1. Figures
    showed earlier in the day ...")."""
    return ctx.dct is not None and day > ctx.dct and _tense(ctx, c) == "past"


def _counted_under_past(
    c: Candidate, ctx: Context, day: dt.date, count: Callable[[dt.date], dt.date]
) -> dt.date:
    """`day`, counted (by `count`) from the day last named; when a past verb tells of it though it
    lies after the DCT, the same count from the day named before, unless that is ahead too. A past verb
    tells of a day already gone: the day last named is then the report's own ("erupted last Wednesday
    ..., officials said Monday. It escalated the next day") or one still ahead ("exploded at 2:50 p.m.
    Monday ... Obama will travel on Thursday ... photos taken that afternoon"; "shot on Thursday ...
    postponed until Tuesday. She had tweeted a day earlier"); the story's day is the one named before."""
    if ctx.prior_day is None or not _ahead_under_past(c, ctx, day):
        return day
    earlier = count(ctx.prior_day)
    return earlier if ctx.dct is not None and earlier <= ctx.dct else day


def _unknown_day(s: str) -> str:
    """The day part of an unresolved time's value: its weekday if it names one ('dawn Tuesday')."""
    dow = _DOW_TOKEN.search(s)
    return f"XXXX-WXX-{WEEKDAYS[dow[1].lower()] + 1}" if dow else "XXXX-XX-XX"


def _day_of_ref(s: str, c: Candidate, ctx: Context) -> tuple[dt.date | None, str]:
    """The day a time belongs to: written ('Wednesday', 'today', 'Nov. 9'), else context, else DCT."""
    low = s.lower()
    dow = _DOW_TOKEN.search(s)
    month = _month_of(s)
    if month is not None:
        n = _day_in_text(c, ctx, s)
        if n and value_range(n.value):
            return value_range(n.value)[0], n.anchor
    if "that " in low and ctx.last_day is not None:
        return ctx.last_day, "anaphora"  # "by 11.30 pm that night": the day last named
    if ctx.dct is not None:
        for word, delta in (
            ("yesterday", -1),
            ("last night", -1),
            ("tomorrow", 1),
            ("today", 0),
            ("tonight", 0),
        ):
            if word in low:
                return ctx.dct + dt.timedelta(days=delta), "dct"
        if dow:
            return weekday_date(ctx.dct, WEEKDAYS[dow[1].lower()], _weekday_tense(ctx, c)), "dct"
    elif dow or month is not None or any(w in low for w in ("yesterday", "tomorrow", "today")):
        return None, "none"
    left, _ = sentence_bounds(ctx.text, c.start, c.end)
    if (
        ctx.prior_day is not None
        and ctx.last_end < left
        and _reported_on_dct(ctx)
        and _news_day_told(c, ctx, ctx.prior_day)
    ):
        # "derailed on Sunday morning ..., investigators said on Monday. The train left at 5:54 a.m.":
        # the day of the report is not the day of the news it reports.
        return ctx.prior_day, "anaphora"
    if ctx.last_day is not None and (
        ctx.last_end >= left or _day_just_named(c, ctx) or _news_day_told(c, ctx)
    ):
        # "... on Monday afternoon. The shooting happened at about 5:45 p.m.": the day just named.
        return ctx.last_day, "anaphora"
    return ctx.dct, "dct" if ctx.dct else "none"


# How far back the day of the news may still anchor a time told in the past: a lead's "on Monday
# afternoon" carries a paragraph ("... was on the ground for 40 minutes, carving a path 17 miles
# long. It touched down at 2:56 p.m.").
_NEWS_DAY_REACH = 450


def _news_day_told(c: Candidate, ctx: Context, day: dt.date | None = None) -> bool:
    """Whether `day` (by default the day last named) is the news's (a day or two before the DCT) and
    a past verb tells of `c` within `_NEWS_DAY_REACH`: an older day ("since the explosion on 20 April")
    is background."""
    day = ctx.last_day if day is None else day
    if not _is_news_day(ctx, day):
        return False
    return c.start - ctx.last_end <= _NEWS_DAY_REACH and _tense(ctx, c) == "past"


def _is_news_day(ctx: Context, day: dt.date | None) -> bool:
    """Whether `day` is a day or two before the DCT, where a story's news usually happened."""
    return day is not None and ctx.dct is not None and 0 < (ctx.dct - day).days <= 2


# A day the attribution gives ("..., officials said on Monday"): when a report came, not its news.
_REPORTED_DAY = compile_pattern(rf"(?i:\b(?:{ATTRIBUTION_VERBS})\s+(?:on\s+)?[a-z]+)$")


def _reported_on_dct(ctx: Context) -> bool:
    """Whether the day last named is the DCT, given as the day of an attribution ("said on Monday")."""
    return (
        ctx.last_day is not None
        and ctx.last_day == ctx.dct
        and _REPORTED_DAY.search(ctx.text, max(0, ctx.last_end - 30), ctx.last_end) is not None
    )


# Midnight ends the day it is named with (TimeML's T24:00, the AP's "part of the day that is
# ending"): "the offer expires at midnight Friday" is the end of Friday, not its start.
_AFTER_MIDNIGHT = compile_pattern(r"(?i:\b(?:after|past)\s+)$")
# "was killed on Tuesday shortly before midnight": the end of the day named, even in Tuesday's paper.
_BEFORE_MIDNIGHT = compile_pattern(r"(?i:\bbefore\s+)$")


# A part of the day after a clock without a.m./p.m. puts it after noon: "at 7:30 tonight". Not
# "night": "1:30 Sunday night" is as often the small hours.
_LATE_PART = compile_pattern(r"(?i:afternoon|evening|tonight)")
_LAST_NIGHT = compile_pattern(r"(?i:last\s+night)")
_NIGHT = compile_pattern(r"(?i:night)")


def _hour(word: str) -> int:
    """A clock's hour as written: '7' or 'seven' (the grammar lets only 1 to 12 be spelled)."""
    return int(word) if word.isdigit() else NUMBERS[word.lower()]


_GAME_CLOCK = compile_pattern(r"(?i:\s+(?:left|remaining|to\s+(?:go|play)|into\s+the)\b)")


def _rule_time(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0]
    m = _CLOCK_TOKEN.search(s)
    if m is None:
        return None
    if m["w"]:
        word = m["w"].lower()
        clock = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}.get(word)
        if word == "midnight" and _AFTER_MIDNIGHT.search(ctx.text, max(0, c.start - 20), c.start):
            # "shortly after midnight Sunday" is read as the small hours of Sunday itself.
            clock = "T00:00"
        clock = clock or f"T{_PARTS[word]}"
    else:
        if not m["ap"] and _GAME_CLOCK.match(ctx.text, c.end):
            return None  # "with 2:31 left in the fourth quarter": a game clock, not a time of day
        hour, minute = _hour(m["h"]), int(m["m"] or 0)
        ap = (m["ap"] or "").lower().replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        elif not ap and 1 <= hour < 12 and _LATE_PART.search(s, m.end()):
            hour += 12  # "at 7:30 tonight", "at 2:15 Saturday afternoon"
        elif not ap and 6 <= hour < 12 and _NIGHT.search(s, m.end()):
            hour += 12  # "10 o'clock Sunday night"; "1:30 Sunday night" is the small hours
        if hour > 23:
            return None
        clock = f"T{hour:02d}:{minute:02d}"
    day, anchor = _day_of_ref(s[m.end() :], c, ctx)
    if day is not None and clock == "T00:00" and m["w"] and anchor == "anaphora":
        # With no day of its own, "after midnight" follows the day last told: "began speaking before
        # noon Wednesday and did not yield until after midnight" is early Thursday.
        day += dt.timedelta(days=1)
    elif (
        day is not None
        and clock == "T24:00"
        and day == ctx.dct
        and not s[m.end() :].strip()
        and (anchor == "dct" or not _BEFORE_MIDNIGHT.search(ctx.text, max(0, c.start - 20), c.start))
        and _tense(ctx, c) == "past"
    ):
        # A midnight gone by with no day of its own is the one the paper's day began with ("the
        # strike, which began at midnight", "began shutting down on Tuesday after Congress failed to
        # agree by midnight" in Tuesday's paper), not the one still to come.
        clock = "T00:00"
    if day is not None and clock < "T12" and _LAST_NIGHT.search(s, m.end()):
        day += dt.timedelta(days=1)  # "at 2 a.m. last night": the small hours of the publication day
    if day is None:
        return _unresolved(c, "TIME", _unknown_day(s[m.end() :]) + clock)
    return _norm(c, "TIME", day.isoformat() + clock, anchor=anchor, confidence=0.9)


def _rule_time_in(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0].lower()
    hour = _hour(s.split()[0])
    if ("afternoon" in s or "evening" in s or "night" in s) and hour < 12:
        hour += 12
    day, anchor = _day_of_ref("", c, ctx)
    if day is None:
        return _unresolved(c, "TIME", f"XXXX-XX-XXT{hour:02d}:00")
    return _norm(c, "TIME", f"{day.isoformat()}T{hour:02d}:00", anchor=anchor, confidence=0.85)


# --- weekdays and day parts ------------------------------------------------------------------------


def _weekday(c: Candidate, ctx: Context, wd: int, part: str | None, mode: str | None) -> Norm:
    suffix = f"T{_PARTS[part]}" if part else ""
    # "Tuesday night" names a time of day, however vaguely: a TIME in the TimeML guidelines and in
    # TimeBank (AQUAINT's annotators mostly wrote DATE).
    typ = "TIME" if part else "DATE"
    if ctx.dct is None:
        return _unresolved(c, typ, f"XXXX-WXX-{wd + 1}{suffix}")
    d = ctx.dct
    if mode == "last":
        day = _previous_weekday(d, wd)
        confidence = 0.9
    elif mode == "next":
        day = _coming_weekday(d, wd)
        confidence = 0.9
    elif mode == "this":
        # "The vote is this Sunday" said on a Friday is two days off; only a past tense ("he spoke
        # this Tuesday") turns it back.
        day = weekday_date(d, wd, "past" if _weekday_tense(ctx, c) == "past" else "future")
        confidence = 0.85
    else:
        left, _ = sentence_bounds(ctx.text, c.start, c.end)
        named_after = _WEEK_AFTER.match(ctx.text, c.end)
        lo = max(left, c.start - 50)
        if named_after:
            week = [named_after[1]]
        elif "week" in ctx.text[lo : c.start].lower():  # spares the search in most sentences
            week = _WEEK_IN_SENTENCE.findall(ctx.text, lo, c.start)
        else:
            week = []
        if week:
            # "delayed until next week, perhaps on Tuesday": the weekday falls in the week named.
            offset = {"last": -1, "next": 1}.get(week[-1].lower(), 0)
            monday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(weeks=offset)
            day = monday + dt.timedelta(days=wd)
            return _norm(c, typ, day.isoformat() + suffix, anchor="dct", confidence=0.8)
        # Searched only when the last expression ends close enough to be the pair's first day.
        pair = (
            _AFTER_WEEKDAY.search(ctx.text, max(0, c.start - 60), c.start)
            if ctx.last_day is not None and c.start - 60 < ctx.last_end <= c.start
            else None
        )
        if pair is not None and ctx.last_day is not None and ctx.last_end == pair.start(1):
            # "by Thursday or Friday", "made Friday and Thursday": the nearest such day to the first,
            # after it when the pair is a range ("Friday to Sunday").
            step = (wd - ctx.last_day.weekday()) % 7 or 7
            if step > 3 and pair[1].strip(" ,").lower() in ("and", "or"):
                step -= 7
            day = ctx.last_day + dt.timedelta(days=step)
            return _norm(c, typ, day.isoformat() + suffix, anchor="dct", confidence=0.8)
        if wd == d.weekday():
            day, confidence = d, 1.0  # the publication day's own name: no tense to weigh
        else:
            tense = _weekday_tense(ctx, c)
            day = weekday_date(d, wd, tense)
            confidence = 0.85 if tense else 0.7
    return _norm(c, typ, day.isoformat() + suffix, anchor="dct", confidence=confidence)


_AFTER_WEEKDAY = compile_pattern(
    rf"{DOW}(?:\s+(?i:morning|afternoon|evening|night))?"
    r"(\s*,?\s*(?:or|and|to|through|into|until|till|-|–)\s*)$"
)
_WEEK_IN_SENTENCE = compile_pattern(r"(?i)\b(last|next|this)\s+week\b")
# ... or right after it, for it and the days coordinated with it: "on Wednesday to Friday last week".
_WEEK_AFTER = compile_pattern(
    rf"(?:\s*(?:,|and|or|to|through|-|–)\s*{DOW})*\s+(?:of\s+)?(?i:(last|next|this))\s+week(?!\w)"
)


# A weekday between "the" (or a possessive) and a capitalised word that is no date, title of address or
# sentence opener is part of a name.
_TITLE_BEFORE = compile_pattern(r"(?:\b[Tt]he|['’]s)\s+$")
_TITLE_AFTER = compile_pattern(
    rf"\s+(?!{MON}|{DOW}|(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|The|A|An|He|She|It|They|We|I|In|On|At|As)\b)[A-Z][A-Za-z]*\b"
)


# A weekday that names a deadline: "a Monday deadline", "Monday's deadline".
_DEADLINE_AFTER = compile_pattern(r"(?:['’]s)?\s+deadlines?\b")
# A future cue near "Tuesday's <event>": the tense of the sentence decides.
_POSSESSIVE_CUE = compile_pattern(r"\b(?:will|next|upcoming|this\s+coming|until|before)\b")
# ... or a future verb whose subject is a scheduled event: "Tuesday's vote will be close", "Sunday's
# presidential runoff is expected to draw millions" (not "Monday's attack will be investigated").
# Events held on a set day, and those a later verb answers ("will appeal Monday's ruling").
_HELD_EVENTS = (
    "vote|votes|election|elections|poll|polls|referendum|runoff|ballot|meeting|meetings|summit|talks|hearing|"
    "game|match|final|race|debate|session|ceremony|launch|speech|address|parade|rally|match-up"
)
_ANSWERED_EVENTS = "announcement|decision|ruling|verdict|sentencing|auction"
# Figures released on a set day: "Friday's jobs report is expected to show gains" (as a verb's
# object they are answered: "will study Monday's report").
_RELEASES = "report|reports|data|figures"
_POSSESSIVE_SUBJECT_CUE = compile_pattern(
    rf"['’]s(?:\s+[\w-]+){{0,2}}?\s+(?i:{_HELD_EVENTS}|{_ANSWERED_EVENTS}|{_RELEASES})"
    # A passive tells what follows an event already held: "Tuesday's vote will be challenged".
    r"\s+(?:will(?!\s+be\s+\w+ed\b)|(?:is|are)\s+(?:expected|set|scheduled|due|likely))\b"
)
# ... or an event held on a set day, the object of "will" in the same clause: "will face Ferrer in
# Sunday's final" (an attack is never scheduled, and a ruling is what a future verb answers: "will
# appeal Wednesday's ruling"; "expected to coalesce after spreading their votes in Tuesday's vote" is
# another clause).
_FAR_WILL = compile_pattern(
    r"\bwill\s+(?:(?!(?i:after|since|following|when|as|because|over)\b)[\w'’-]+\s+){1,6}$"
)
_POSSESSIVE_EVENT = compile_pattern(rf"['’]s(?:\s+[\w-]+){{0,2}}?\s+(?i:{_HELD_EVENTS})s?\b")
# Words right before a weekday that put it ahead whatever the verb's tense: "stocks fell ahead of
# Sunday's vote", "ahead of a Monday deadline", "preparing for Monday's deadline", "on the eve of",
# "raced to meet Monday's deadline", "held pending Thursday's hearing".
_AHEAD = compile_pattern(
    r"(?i:\b(?:ahead\s+of|(?:in\s+)?the\s+(?:run|lead)-up\s+to|on\s+the\s+eve\s+of|(?:prepar|brac)"
    r"(?:e|es|ing)\s+for|gear(?:s|ing)?\s+up\s+for|await(?:s|ing)?|pending|to\s+(?:meet|beat))\s+"
    r"(?:(?:a|the|this)\s+)?)$"
)


def _ahead(c: Candidate, ctx: Context, wd: int) -> Norm:
    """A weekday after "ahead of", "preparing for", "on the eve of": the coming one, or after a past
    verb the nearer one ("stocks fell ahead of Sunday's vote" may be told the day after the vote)."""
    assert ctx.dct is not None
    day = _nearer_weekday(ctx.dct, wd) if _tense(ctx, c) == "past" else weekday_date(ctx.dct, wd, "future")
    return _norm(c, "DATE", day.isoformat(), anchor="dct", confidence=0.8)


def _nearer_weekday(dct: dt.date, wd: int) -> dt.date:
    """The weekday nearer the DCT, the coming one on a tie (the DCT itself if it is that day)."""
    ahead, back = weekday_date(dct, wd, "future"), weekday_date(dct, wd, "past")
    return back if dct - back < ahead - dct else ahead


# "It was a Wednesday, and I was ...": some Wednesday the text never dates ("a Monday bank holiday"
# and "a Sunday night service" name the day at hand, so only a weekday ending its phrase counts).
_SOME_DAY_BEFORE = compile_pattern(r"(?i:\b(?:was|is|were|been|be)\s+a\s+)$")
_SOME_DAY_AFTER = compile_pattern(r"\s*(?:[,.;:!?]|(?i:and|when|but)\b)")


def _rule_dow(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0]
    wd = WEEKDAYS[_DOW_TOKEN.search(s)[1].lower()]
    if _SOME_DAY_BEFORE.search(ctx.text, max(0, c.start - 10), c.start) and _SOME_DAY_AFTER.match(
        ctx.text, c.end
    ):
        return _unresolved(c, "DATE", f"XXXX-WXX-{wd + 1}")
    if _TITLE_BEFORE.search(ctx.text, max(0, c.start - 6), c.start) and _TITLE_AFTER.match(ctx.text, c.end):
        return None  # "the Sunday Times", "the BBC's Sunday AM programme": a title, not a day
    if ctx.dct is not None and _AHEAD.search(ctx.text, max(0, c.start - 30), c.start):
        return _ahead(c, ctx, wd)
    if ctx.dct is not None and _DEADLINE_AFTER.match(ctx.text, c.end):
        tense = _tense(ctx, c)
        if tense != "past":
            # A deadline is news while it is close: "Cyprus has a Monday deadline" on a Friday is
            # three days ahead, "by the Tuesday deadline" on a Thursday two days back; a future
            # verb puts it ahead.
            day = weekday_date(ctx.dct, wd, "future") if tense == "future" else _nearer_weekday(ctx.dct, wd)
            return _norm(c, "DATE", day.isoformat(), anchor="dct", confidence=0.75)
    if _rx(r"['’]s\b").match(ctx.text[c.end : c.end + 3]) and ctx.dct is not None:
        # "Tuesday's vote" names an event the reader knows about: the past one unless a future cue
        # sits right next to it.
        before = ctx.text[max(0, c.start - 25) : c.start].lower()
        if (
            not _POSSESSIVE_CUE.search(before)
            and not _POSSESSIVE_SUBJECT_CUE.match(ctx.text, c.end)
            and not (
                _POSSESSIVE_EVENT.match(ctx.text, c.end)
                and _FAR_WILL.search(ctx.text, max(0, c.start - 60), c.start)
            )
        ):
            day = weekday_date(ctx.dct, wd, "past")
            return _norm(c, "DATE", day.isoformat(), anchor="dct", confidence=0.8)
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
        else "this"
        if s.startswith("this")
        else None
    )
    return _weekday(c, ctx, wd, _part_of(s), mode)


# "Change will not happen overnight", "can't switch overnight", "an overnight success": suddenly.
_OVERNIGHT_IDIOM_BEFORE = compile_pattern(
    r"(?i:\b(?:not|never|cannot|can't|won't|didn't|doesn't|n't)\b[^.;:!?]{0,60})$"
)
_OVERNIGHT_IDIOM_AFTER = compile_pattern(r"\s+(?i:success|sensation|star|celebrity|fame)\b")


def _rule_deictic_part(c: Candidate, ctx: Context) -> Norm | None:
    s = c.match[0].lower()
    part = _part_of(s) or "night"
    delta = -1 if s.startswith(("yesterday", "last")) else 1 if s.startswith("tomorrow") else 0
    if s == "overnight":
        if _OVERNIGHT_IDIOM_AFTER.match(ctx.text, c.end) or _OVERNIGHT_IDIOM_BEFORE.search(
            ctx.text, max(0, c.start - 70), c.start
        ):
            return None
        # "Rebels attacked overnight" in the morning's paper: the night before, as "last night" is,
        # unless the night is still ahead ("the search will continue overnight").
        delta = 0 if _tense(ctx, c) == "future" else -1
        reported = _earlier_day_just_named(c, ctx) if delta else None
        if reported is not None:
            # In a report of an earlier day it is the night before that day ("London shares closed
            # lower Friday ... depressed initially by overnight losses in New York", said on Monday).
            night = reported - dt.timedelta(days=1)
            return _norm(c, "TIME", f"{night.isoformat()}TNI", None, "anaphora", 0.7)
    if ctx.dct is None:
        return _unresolved(c, "TIME", f"XXXX-XX-XXT{_PARTS[part]}")
    day = ctx.dct + dt.timedelta(days=delta)
    mod = "START" if s.startswith("early") else "END" if s.startswith("late") else None
    return _norm(c, "TIME", f"{day.isoformat()}T{_PARTS[part]}", mod, "dct", 0.95)


# "three o'clock in the morning" is a clock reading, not the morning of a day.
_CLOCK_IN = compile_pattern(
    r"(?i:(?:o'clock|\d|[ap]\.?m\.?|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+in\s+)$"
)


def _rule_day_part(c: Candidate, ctx: Context) -> Norm | None:
    """'mid-afternoon yesterday' (mod MID), 'in the morning' of the day last named."""
    low = c.match[0].lower()
    part = _part_of(low)
    if part is None:
        return None
    mod = "MID" if low.startswith("mid") else None
    if mod is None:
        edge = _rx(r"(?i:\b(early|late)\s)").search(low)
        mod = None if edge is None else "START" if edge[1] == "early" else "END"
    confidence = 0.7
    tail = _rx(r"(?i:\s+(?:yesterday|today|tomorrow|[a-z]+day))$").search(c.match[0])
    if tail is not None:
        day, anchor = _day_of_ref(tail[0], c, ctx)
    elif _CLOCK_IN.search(ctx.text, max(0, c.start - 30), c.start):
        return None  # "three o'clock in the morning": a clock reading, not the morning of a day
    elif part == "night":
        return _through_the_night(c, ctx)
    elif ctx.last_day is not None and _day_just_named(c, ctx):
        day, anchor = ctx.last_day, "anaphora"
        if part == "morning" and (ctx.last_value or "").endswith("TNI"):
            # "Gunfire rang out overnight and into the morning": the morning after the night named.
            day += dt.timedelta(days=1)
    elif mod is not None:
        day, anchor = ctx.dct, "dct" if ctx.dct else "none"
    elif ctx.dct is not None and _tense(ctx, c) is not None:
        # With no day named, a past or future verb makes it the publication day's ("markets rallied
        # in the afternoon", "will resume service by the evening"); a present is a habit ("gets up
        # in the morning").
        day, anchor, confidence = ctx.dct, "dct", 0.5
    else:
        return None
    if day is None:
        return _unresolved(c, "TIME", f"{_unknown_day(tail[0] if tail else '')}T{_PARTS[part]}", mod)
    return _norm(c, "TIME", f"{day.isoformat()}T{_PARTS[part]}", mod, anchor, confidence)


def _through_the_night(c: Candidate, ctx: Context) -> Norm | None:
    """'through the night': the night of the day just named, else under a past verb the night before
    the DCT (as "overnight"), under a future one the DCT's; a present tells a habit."""
    if ctx.dct is None:
        return None
    tense = _tense(ctx, c)
    if tense is None:
        return None
    day, anchor = ctx.dct - dt.timedelta(days=1 if tense == "past" else 0), "dct"
    if ctx.last_day is not None and _day_just_named(c, ctx):
        day, anchor = ctx.last_day, "anaphora"  # "exploded on 20 April. Crews pumped into the night"
    return _norm(c, "TIME", f"{day.isoformat()}TNI", None, anchor, 0.7)


# --- deictic words -----------------------------------------------------------------------------------


# Words that may follow "the present" used as a noun ("the present is", "until the present day");
# any other lowercase word makes it an adjective ("the present swine flu crisis", "the present well").
# "the past" and "the future" are left alone: a verb after them ("what the future holds", "the past
# here") cannot be told from a noun without parsing, and they are rarely adjectives.
_AFTER_REF_NOUN = _words(
    "and or but nor of in on at to for from with by as than that which who when where while is are was "
    "were be been has have had will would can could may might must should do does did it its they he "
    "she we i you the a an this these those here there now not so if because since until after before "
    "about into over under through during day days"
)
_NEXT_WORD = _rx(r"\s+([a-z]+)\b")


# "today's world", "in today's dollars", "today's personal computers": the present age, which TimeML
# leaves untagged, not the day of publication ("today's vote").
_GENERIC_TODAY = compile_pattern(
    r"['’]s\s+(?:[a-z]+\s+)?(?:world|youth|society|generation|generations|children|kids|teenagers|young|"
    r"economy|culture|technology|computers|dollars|terms|standards|climate|marketplace)\b"
)
_PRESENT_WORDS = frozenset(
    ("now", "currently", "current", "the present", "nowadays", "these days", "right now", "at present")
)


def _rule_ref(c: Candidate, ctx: Context) -> Norm | None:
    s = " ".join(c.match[0].lower().split())
    if s == "the present":
        following = _NEXT_WORD.match(ctx.text, c.end)
        if following is not None and following[1] not in _AFTER_REF_NOUN:
            return None
    if s == "then current":
        return _norm(c, "DATE", "PAST_REF", anchor="dct" if ctx.dct else "none")
    if s in _PRESENT_WORDS:
        return _norm(c, "DATE", "PRESENT_REF", anchor="dct" if ctx.dct else "none")
    if s in ("recently", "the past", "lately", "the recent past", "the distant past"):
        return _norm(c, "DATE", "PAST_REF", anchor="dct" if ctx.dct else "none")
    if "future" in s or s in ("soon", "as soon as possible"):
        # In a past narrative "soon" is shortly after the story's own time ("the cash soon became a
        # flood"), which TimeML leaves untagged; otherwise it looks ahead of the DCT.
        if s.startswith("in ") or (s == "soon" and _tense(ctx, c) == "past"):
            return None
        return _norm(c, "DATE", "FUTURE_REF", anchor="dct" if ctx.dct else "none")
    if s == "today" and _GENERIC_TODAY.match(ctx.text, c.end):
        return None
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


def _rule_rel_unit(c: Candidate, ctx: Context) -> Norm | None:
    s = " ".join(c.match[0].lower().split())
    if s.endswith(("before last", "after next")):
        unit, offset = s.split()[1], (-2 if s.endswith("last") else 2)  # "the week before last"
    else:
        unit = s.split()[-1]
        offset = (
            -1
            if s.startswith(("last", "past", "previous", "this past", "the latest", "the most recent"))
            else 1
            if s.startswith(("next", "coming", "this coming"))
            else 0
        )
    if s.startswith("past") and unit != "weekend":
        return _norm(c, "DURATION", duration_value(1, unit), anchor="none")
    if unit == "weekend" and offset == 0 and ctx.dct is not None and ctx.dct.weekday() < 5:
        offset = -1 if _weekday_tense(ctx, c) == "past" else 0
    value = _relative_unit(ctx, unit, offset)
    if value is None:
        return _unresolved(c, "DATE", _UNRESOLVED_UNIT[unit])
    return _norm(c, "DATE", value, anchor="dct", confidence=0.95)


def _rule_the_unit(c: Candidate, ctx: Context) -> Norm | None:
    s = " ".join(c.match[0].lower().split())
    unit = s.split()[-1]
    if s == "the weekend":
        offset = 0
        if ctx.dct is not None and ctx.dct.weekday() < 5 and _weekday_tense(ctx, c) != "future":
            offset = -1
        value = _relative_unit(ctx, "weekend", offset)
        if value is None:
            return _unresolved(c, "DATE", "XXXX-WXX-WE")
        return _norm(c, "DATE", value, anchor="dct", confidence=0.8)
    if s == "the new year":
        if ctx.dct is None:
            return _unresolved(c, "DATE", "XXXX")
        # The January nearest the DCT: from July on the coming one, before it the one just begun.
        year = ctx.dct.year + (1 if ctx.dct.month >= 7 else 0)
        return _norm(c, "DATE", f"{year:04d}", anchor="dct", confidence=0.7)
    if "current" in s:
        value = _relative_unit(ctx, unit, 0)
        return (
            _norm(c, "DATE", value, anchor="dct") if value else _unresolved(c, "DATE", _UNRESOLVED_UNIT[unit])
        )
    if s.startswith("the last") and _OF_AFTER.match(ctx.text, c.end):
        # A place in a run of something, as "the first day of the trial" is: "the last day of the term".
        return None
    # "the past year", "the next month": a period of one unit ending (starting) now.
    return _norm(c, "DURATION", duration_value(1, unit), anchor="none")


# A word that the phrase modifies, rather than one that ends or links it.
_NOUN_AFTER = compile_pattern(
    r"\s+(?!(?:and|or|but|as|because|if|is|are|was|were|will|would|than|to|for|in|of|on|at|by|with|"
    r"when|while|the|a|an|that|this|it|we|they|he|she|i|you)\b)[a-z][a-z-]*\b"
)


_PREPOSITION_BEFORE = compile_pattern(r"(?i:\b(?:in|for|over|into|during|throughout|on|at)\s+)$")


_SINCE_BEFORE = compile_pattern(r"\b(?i:since)\s+$")


def _rule_end_of_unit(c: Candidate, ctx: Context) -> Norm | None:
    """'the end of the year', 'year-end', 'the near term': a unit of the DCT with a mod."""
    low = " ".join(c.match[0].lower().split())
    if low.endswith("term"):
        governed = _PREPOSITION_BEFORE.search(ctx.text, max(0, c.start - 15), c.start)
        if _NOUN_AFTER.match(ctx.text, c.end) and not governed:
            # "The long term cost of this disaster": an adjective, "long-term", not a time ("in the
            # short term include ..." is one).
            return None
        return _norm(c, "DATE", "FUTURE_REF", anchor="dct" if ctx.dct else "none", confidence=0.8)
    if low == "year-end" and ctx.dct is not None:
        # "by year-end": TimeBank gives the day, December 31 (its "year end" is the year or its last
        # month); the one past after "since" or a past verb that governs it ("rose at year-end"), not
        # one that reports ("analysts said it should finish by year-end").
        back = _SINCE_BEFORE.search(ctx.text, max(0, c.start - 8), c.start) or firm_tense_at(
            ctx.text, c.start, c.end
        ) == ("past", True)
        return _norm(
            c,
            "DATE",
            f"{ctx.dct.year - 1 if back else ctx.dct.year:04d}-12-31",
            anchor="dct",
            confidence=0.85,
        )
    unit = _rx(r"year|month|week|quarter|decade|century").search(low.split(" of ")[-1])[0]
    head = low.split(" of ")[0]  # "the start of the calendar year": "calendar" holds no "end"
    mod = "END" if ("end" in head or "close" in head) else "MID" if "middle" in head else "START"
    offset = -1 if " last " in f" {low} " else 1 if " next " in f" {low} " else 0
    value = _relative_unit(ctx, unit, offset)
    if value is None:
        return _unresolved(c, "DATE", _UNRESOLVED_UNIT[unit], mod)
    return _norm(c, "DATE", value, mod, anchor="dct", confidence=0.9)


def _rule_in_the_unit(c: Candidate, ctx: Context) -> Norm | None:
    unit = c.match[0].split()[-1].lower()
    before = ctx.text[max(0, c.start - 12) : c.start].lower()
    mod = "START" if "earl" in before else "END"
    if unit == "day":
        base, anchor = (ctx.last_day, "anaphora") if ctx.last_day else (ctx.dct, "dct")
        if base is not None and _ahead_under_past(c, ctx, base):
            base, anchor = ctx.dct, "dct"
            if ctx.prior_day is not None and _is_news_day(ctx, ctx.prior_day):
                # "told senators on Wednesday ... will hold a hearing next Thursday. Earlier in the
                # day, the A.C.L.U. filed a lawsuit": the news's day, named before the one ahead.
                base, anchor = ctx.prior_day, "anaphora"
        if base is None:
            return _unresolved(c, "DATE", "XXXX-XX-XX", mod)
        return _norm(c, "DATE", base.isoformat(), mod, anchor, 0.7)
    value = _relative_unit(ctx, unit, 0)
    if value is None:
        return _unresolved(c, "DATE", _UNRESOLVED_UNIT[unit], mod)
    return _norm(c, "DATE", value, mod, "dct", 0.8)


# A markets report's period opens its sentence or follows the move it measures ("up 3% for the week").
_MARKET_PERIOD = compile_pattern(r"(?:^|[.!?]\s+|\n)For\s+$|(?:percent|%|points?|cents?|pence)\s+for\s+$")
# "the first nine months of the year", "the rest of the year": a part of the year named after it.
_PART_OF = compile_pattern(rf"(?i:\b(?:{'|'.join(PART_OF_WORDS)})\s+of\s+)$")
# A rank among the period's like ("his third win of the year", "the highest level of the month").
_RANKED_OF = compile_pattern(
    r"\b(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|only|top|best|worst|"
    r"biggest|\w{2,}est)\s+(?:[\w-]+\s+){0,3}(?i:of)\s+$"
)


def _story_period(c: Candidate, ctx: Context, unit: str) -> Norm | None:
    """The `unit` (week, month, year) holding the day last named, else the DCT's; None with neither."""
    day, anchor = (ctx.last_day, "anaphora") if ctx.last_day else (ctx.dct, "dct")
    return _norm(c, "DATE", _unit_value(day, unit), anchor=anchor, confidence=0.7) if day else None


def _rule_the_year(c: Candidate, ctx: Context) -> Norm | None:
    """'the year ended Sept. 30' is a one-year period; 'for the year,' is the DCT's; a markets report's
    'For the week,' ('for the month') is the week of the day it reports, as are 'the week's most
    active session' and 'the biggest drop of the week'."""
    unit = c.match[0].split()[-1].lower()
    if ctx.text.startswith(("'s", "’s"), c.end) or (
        _RANKED_OF.search(ctx.text, max(0, c.start - 40), c.start)
        and not _PART_OF.search(ctx.text, max(0, c.start - 16), c.start)
    ):
        # "443.6 million Thursday and the week's most active session", "won on Monday, his third win
        # of the year".
        return _story_period(c, ctx, unit) or _unresolved(c, "DATE", _UNRESOLVED_UNIT[unit])
    if unit in ("week", "month"):
        if _PART_OF.search(ctx.text, max(0, c.start - 16), c.start):
            # "the remainder of the week would stay hot": as "the rest of the year", the story's own.
            return _story_period(c, ctx, unit)
        if not _MARKET_PERIOD.search(ctx.text[max(0, c.start - 40) : c.start]):
            return None  # "he stayed for the week": no report's period
        # "fell on Friday. For the week, ..." in Monday's paper is last week.
        return _story_period(c, ctx, unit)
    if _rx(r"\s+(?:ended|ending|through|to)\b").match(ctx.text, c.end):
        return _norm(c, "DURATION", "P1Y", anchor="none")
    if _PART_OF.search(ctx.text, max(0, c.start - 16), c.start):
        # "In 1998 ... in the first months of the year": the year just named in the sentence, else
        # the DCT's ("for the rest of the year").
        left, _ = sentence_bounds(ctx.text, c.start, c.end)
        named = _rx(r"\d{4}").match(ctx.last_value or "") if ctx.last_end >= left else None
        if named:
            return _norm(c, "DATE", named[0], anchor="anaphora", confidence=0.7)
        return _norm(c, "DATE", f"{ctx.dct.year:04d}", anchor="dct", confidence=0.7) if ctx.dct else None
    if not _rx(r"(?i:\bfor\s+)$").search(ctx.text[max(0, c.start - 5) : c.start]) or ctx.dct is None:
        return None
    named = int(ctx.last_period[:4]) if ctx.last_period else None
    if named == ctx.dct.year - 1 and not _looks_ahead(c, ctx):
        # A report in January on "the fourth quarter" and then "for the full year" sums up the year
        # that quarter closed; "forecast growth for the year" still looks at the DCT's.
        return _norm(c, "DATE", f"{named:04d}", anchor="anaphora", confidence=0.7)
    return _norm(c, "DATE", f"{ctx.dct.year:04d}", anchor="dct", confidence=0.7)


# Words that look ahead to a period: "forecast an earnings increase for the full year".
_FORECAST = compile_pattern(r"(?i:\b(?:forecast|predict|project|expect|outlook|target|guidance|estimate)\w*)")


def _looks_ahead(c: Candidate, ctx: Context) -> bool:
    """Whether a future verb or a forecast word before it in its sentence looks ahead to `c`."""
    left, _ = sentence_bounds(ctx.text, c.start, c.end)
    return _tense(ctx, c) == "future" or _FORECAST.search(ctx.text, left, c.start) is not None


def _rule_year_ago_adj(c: Candidate, ctx: Context) -> Norm | None:
    n = _year_earlier(c, ctx)
    head = _rx(r"(?i:the\s+)(?=year-\w+$)").match(c.match[0])
    if n is not None and head:
        # "the year-ago results": the article belongs to the noun outside the expression.
        return dataclasses.replace(n, start=n.start + len(head[0]))
    return n


def _rule_ago(c: Candidate, ctx: Context) -> Norm | None:
    n = _ago(c, ctx)
    if n is not None and n.mod is None and _OR_SO_AGO.search(c.match[0]):
        return dataclasses.replace(n, mod="APPROX")  # "a week or so ago"
    return n


_OR_SO_AGO = compile_pattern(r"(?i:\s+or\s+so\s+\w+)$")


def _offset_duration(c: Candidate, n: float | None, unit: str) -> Norm:
    """The amount of an offset ('three days' of 'three days later') as a duration, signal word left out."""
    written = c.match[0].rstrip()
    head = written[: len(written) - len(written.split()[-1])].rstrip()
    return Norm(c.start, c.start + len(head), "DURATION", duration_value(n, unit), None, "none", 0.8)


_THAN_AFTER = compile_pattern(r"\s+(?i:than)\b")
_CLAUSE_END = compile_pattern(r"\s*(?:[.,;:!?)\"”’]|$)")


def _named_units_ago(c: Candidate, ctx: Context, head: str, named: str) -> Norm | None:
    """'two weekends ago', 'three Sundays ago', 'two summers ago': 'last weekend' (Sunday, summer) is
    one ago; with no amount ('a few summers ago') a past reference."""
    # The amount is read as the amount of weeks would be ("a couple of", "2", "several").
    parsed = _amount_and_unit(" ".join([*head.split()[:-1], "weeks"]))
    if parsed is None:
        return None
    n = parsed[0]
    if n is None or n != int(n) or not 1 <= n <= 100:
        return _norm(c, "DATE", "PAST_REF", anchor="dct" if ctx.dct else "none", confidence=0.8)
    k = int(n)
    if named in _SEASONS:
        code = _SEASONS[named]
        if ctx.dct is None:
            return _unresolved(c, "DATE", f"XXXX-{code}")
        last = _winter_year(ctx.dct, "last", ctx, c) if code == "WI" else ctx.dct.year - 1
        return _norm(c, "DATE", f"{last - (k - 1):04d}-{code}", anchor="dct", confidence=0.85)
    if named == "weekend":
        value = _relative_unit(ctx, "weekend", -k)
    else:
        # The last such weekday before the DCT, then whole weeks before it.
        last_day = _previous_weekday(ctx.dct, WEEKDAYS[named]) if ctx.dct else None
        value = (last_day - dt.timedelta(weeks=k - 1)).isoformat() if last_day else None
    if value is None:
        return _unresolved(c, "DATE", _UNRESOLVED_UNIT["weekend" if named == "weekend" else "day"])
    return _norm(c, "DATE", value, anchor="dct", confidence=0.85)


def _period_outside_last_day(ctx: Context, grains: tuple[str, ...]) -> tuple[dt.date, dt.date, str] | None:
    """The period named last, if its grain is one of `grains` and the day named before it lies outside
    it ("traveled in January 2012 and returned six months later" after a day in 2011)."""
    if ctx.last_day is None or not ctx.last_value:
        return None
    named = value_range(ctx.last_value)
    if named is None or named[2] not in grains or named[0] <= ctx.last_day <= named[1]:
        return None
    return named


def _ago(c: Candidate, ctx: Context) -> Norm | None:
    s = " ".join(c.match[0].split())
    m = _rx(r"(?i)(.*?)\s+(ago|earlier|later|before|after|from now|from today|hence)$").match(s)
    if m is None:
        return None
    head, direction = m[1], m[2].lower()
    if _rx(r"(?i)(?:a (?:\w+ )?while|(?:some|a long) time|(?:a few )?moments|a moment)").fullmatch(head):
        return _norm(c, "DATE", "PAST_REF", anchor="dct" if ctx.dct else "none", confidence=0.8)
    named = head.split()[-1].lower().removesuffix("s")
    if direction == "ago" and (named == "weekend" or named in WEEKDAYS or named in _SEASONS):
        return _named_units_ago(c, ctx, head, named)
    if direction in ("before", "after") and _CLAUSE_END.match(ctx.text, c.end):
        # With nothing after it, "before" is an adverb like "earlier": "up from two million just six
        # years before." dates the comparison, where "six years before the vote" only measures.
        direction = "earlier" if direction == "before" else "later"
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
    if unit == "fortnight":
        n, unit = (None if n is None else n * 2), "week"  # "a fortnight ago" is two weeks ago
    sign = -1 if direction in ("ago", "earlier") else 1
    anaphoric = direction in ("earlier", "later")
    if anaphoric and (
        n is None or unit in ("hour", "minute", "second") or _THAN_AFTER.match(ctx.text, c.end)
    ):
        # "a few days later", "an hour later": no calendar value to give; the amount is a duration
        # and "later" its signal, as with "before"/"after". "four years earlier than analysts had
        # expected" is a difference between two times, not a date.
        return _offset_duration(c, n, unit)
    if n is None:
        return _norm(
            c,
            "DATE",
            "PAST_REF" if sign < 0 else "FUTURE_REF",
            anchor="dct" if ctx.dct else "none",
            confidence=0.8,
        )
    if n != int(n):
        # "half a century ago" is 50 years ago, "two and a half years ago" 30 months ago.
        smaller = {"decade": ("year", 10), "century": ("year", 100), "centurie": ("year", 100),
                   "year": ("month", 12), "hour": ("minute", 60)}.get(unit)  # fmt: skip
        if smaller is None or not (n * smaller[1]).is_integer():
            return _norm(c, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor="dct", confidence=0.6)
        n, unit = n * smaller[1], smaller[0]
    k = int(n) * sign
    years = k * _YEARS_IN.get(unit, 0)
    if unit == "year" and k == -1 and ctx.last_value and _is_current_quarter(ctx.last_value, ctx.dct):
        # "a year ago" right after a quarter compares that quarter with the same one a year before.
        return _norm(
            c, "DATE", _granularity_shift(ctx.last_value, years=-1) or "", anchor="anaphora", confidence=0.7
        )
    if anaphoric and unit == "year" and abs(k) == 1 and ctx.last_value:
        n2 = _year_earlier(c, ctx) if k < 0 else None
        if n2 is not None and n2.anchor == "anaphora":
            return n2
    last_year = ctx.last_value if ctx.last_value and _rx(r"\d{4}").fullmatch(ctx.last_value) else None
    if last_year and ctx.last_any and ctx.last_any != last_year and _rx(r"\d{4}").fullmatch(ctx.last_any):
        # A narrative's years chain: "released in 1990. The following year he became ANC president,
        # and three years later ..." counts from 1991, the year last told.
        last_year = ctx.last_any
    # "a year earlier" is the earnings comparison with the report's period, unless the year named is
    # too old to be reported on: "The ship sank in 1998; a year earlier ..." is 1997.
    unreported = last_year is not None and ctx.dct is not None and int(last_year) < ctx.dct.year - 2
    if anaphoric and years and last_year and (unit != "year" or k > 0 or k < -1 or unreported):
        # "In 2000 it joined Arco, and two years later ...", "opened in 2001; three years earlier ...",
        # "founded in 1990 and sold a decade later": the year just named is the base, not a day named
        # sentences before it nor the DCT.
        return _norm(c, "DATE", f"{int(last_year) + years:04d}", anchor="anaphora", confidence=0.6)
    last_day = ctx.last_day
    named = _period_outside_last_day(ctx, ("year", "month")) if anaphoric else None
    # Years counted from a year, and "a year earlier", have their own rules above.
    own_rule = years != 0 if named is not None and named[2] == "year" else unit == "year" and sign < 0
    if named is not None and not own_rule and sentence_bounds(ctx.text, c.start, c.end)[0] <= ctx.last_end:
        # "lost last year's final but won gold four weeks later", "traveled to Russia in January 2012
        # and returned six months later": a year or month named in the same sentence, with no day of
        # its own, is the base, not a day outside it named before; weeks or days counted from an
        # unknown day of it stay a duration.
        last_day = None
    if anaphoric and last_day is None and not (unit == "year" and sign < 0):
        # "released three months later" with no day named before: counting from the DCT would be
        # wrong, so a year named before is the base for years, else the amount stays a duration.
        last = value_range(ctx.last_value) if ctx.last_value else None
        if unit == "year" and last is not None:
            return _norm(c, "DATE", f"{last[0].year + k:04d}", anchor="anaphora", confidence=0.6)
        if unit == "month" and last is not None and _rx(r"\d{4}-\d\d").fullmatch(ctx.last_value or ""):
            # "joined in May 2010 and left 18 months later": the month named is the base.
            moved = shift(last[0], months=k)
            return _norm(c, "DATE", f"{moved.year:04d}-{moved.month:02d}", anchor="anaphora", confidence=0.6)
        return _offset_duration(c, n, unit)
    base, anchor = (last_day, "anaphora") if anaphoric and last_day else (ctx.dct, "dct")
    if base is None:
        return _unresolved(c, "DATE", "XXXX-XX-XX" if unit in ("day", "hour") else "XXXX")
    moved = _shift_units(base, k, unit)
    if anchor == "anaphora":
        moved = _counted_under_past(c, ctx, moved, lambda d: _shift_units(d, k, unit))
    return _norm(
        c, "DATE", _unit_value(moved, unit), anchor=anchor, confidence=0.8 if anchor == "dct" else 0.7
    )


def _coming_weekday(dct: dt.date, wd: int) -> dt.date:
    """The first weekday `wd` after the DCT, never the DCT itself ("a week from Monday", "Monday week")."""
    return weekday_date(dct + dt.timedelta(days=1), wd, "future")


def _previous_weekday(dct: dt.date, wd: int) -> dt.date:
    """The last weekday `wd` before the DCT, never the DCT itself ("last Monday", "three Mondays ago")."""
    return weekday_date(dct - dt.timedelta(days=1), wd, "past")


def _rule_from_day(c: Candidate, ctx: Context) -> Norm | None:
    """'a week from Tuesday', 'two days from tomorrow': the day that many units after the day named (a
    weekday is the coming one)."""
    m = _rx(r"(?i)(.*?)\s+from\s+(\w+)$").match(" ".join(c.match[0].split()))
    parsed = _amount_and_unit(m[1]) if m else None
    if m is None or parsed is None or parsed[0] is None or parsed[0] != int(parsed[0]):
        return None
    if ctx.dct is None:
        return _unresolved(c, "DATE", "XXXX-XX-XX")
    day_word = m[2].lower()
    if day_word in ("tomorrow", "yesterday"):
        base = ctx.dct + dt.timedelta(days=1 if day_word == "tomorrow" else -1)
    else:
        base = _coming_weekday(ctx.dct, WEEKDAYS[day_word])
    moved = _shift_units(base, int(parsed[0]), parsed[1])
    return _norm(c, "DATE", moved.isoformat(), anchor="dct", confidence=0.85)


def _rule_dow_week(c: Candidate, ctx: Context) -> Norm | None:
    """'Monday week', 'a week on Monday', 'Tuesday fortnight': the coming weekday, a week (two) on."""
    wd = _DOW_TOKEN.search(c.match[0])
    if wd is None:
        return None
    if ctx.dct is None:
        return _unresolved(c, "DATE", "XXXX-XX-XX")
    weeks = 2 if "fortnight" in c.match[0].lower() else 1
    moved = _coming_weekday(ctx.dct, WEEKDAYS[wd[1].lower()]) + dt.timedelta(weeks=weeks)
    return _norm(c, "DATE", moved.isoformat(), anchor="dct", confidence=0.85)


# "the day before the accident", "the night before the return flight", "the day after it was
# announced": a day counted from an event the text names. TimeML spans "the day" alone.
_SIGNALLED = compile_pattern(r"(?i:the\s+(?:day|night|morning|evening))(?=\s+(?:before|after)$)")
# A date or holiday after the signal is no event: "the night before Jan. 3" counts from that date.
_EVENT_AFTER = compile_pattern(
    rf"\s+(?!{MON}|{DOW}|(?i:last|next|this|that)\s|Christmas|Easter|Thanksgiving|New\s+Year|Halloween)"
    r"(?:(?i:the|a|an|his|her|its|their|our|my|your|these|those|it|he|she|they|we|you)\b|[A-Z])"
)


def _event_head(c: Candidate, ctx: Context) -> int | None:
    """End of "the day" in "the day before <event>", or None when no event follows the signal."""
    head = _SIGNALLED.match(c.match[0])
    if head is None or not _EVENT_AFTER.match(ctx.text, c.end):
        return None
    return c.start + head.end()


# "announced on the same day the company indicated ...": a clause after "the same day" names the day.
_CLAUSE_AFTER = compile_pattern(r"\s+(?:that|when|as|the|a|an|he|she|it|they|we|his|her|its|their)\s")
_FRONTED_BEFORE = compile_pattern(r"(?:^|[.!?:;\n][\"”’']?\s*)(?i:on\s+|at\s+)?$")


# "a year to the day after the attack": "to the day" makes the amount before it exact; it is no day.
_TO_THE_DAY = compile_pattern(r"(?i:\b(?:years?|months?|weeks?)\s+to\s+)$")


def _rule_anaphor(c: Candidate, ctx: Context) -> Norm | None:
    if _TO_THE_DAY.search(ctx.text, max(0, c.start - 12), c.start):
        return None
    if c.match[0].lower().startswith("the same") and (
        # "The same year the war began, he left": nothing named before it to be the same as.
        ctx.last_value is None
        # Not the day last named but the day of the clause's event, which the text does not date
        # ("On the same day the firm said ..." opening a sentence is still the day last named).
        or (
            _CLAUSE_AFTER.match(ctx.text, c.end) is not None
            and not _FRONTED_BEFORE.search(ctx.text, max(0, c.start - 12), c.start)
        )
    ):
        return Norm(c.start, c.end, "DATE", _unknown_of_unit(c.match[0]), None, "none", 0.5)
    n = _anaphor(c, ctx)
    head_end = _event_head(c, ctx)
    if n is None or head_end is None:
        return n
    day = ctx.last_day
    just_named = day is not None and (ctx.last_value or "").startswith(day.isoformat())
    if just_named and ctx.text[ctx.last_end : c.start].strip() in (",", ";"):
        # An apposition describes the date just written: "Oct. 12, the day before the plunge" (not
        # "In 2009, the day before the vote", where the day named last lies further back).
        part = _part_of(c.match[0])
        typ, suffix = ("TIME", f"T{_PARTS[part]}") if part else ("DATE", "")
        return Norm(c.start, head_end, typ, day.isoformat() + suffix, None, "anaphora", 0.8)
    if n.anchor != "anaphora":
        # The event is most often the last date the text named ("on 20 April ... the day before the
        # accident"); with none named, counting from the publication date would invent a day.
        return Norm(c.start, head_end, n.type, "XXXX-XX-XX", None, "none", 0.5)
    return dataclasses.replace(n, end=head_end)


def _anaphor_unit(low: str) -> str:
    """The unit an anaphor names ("the following week": week), a day when it names none ("that night")."""
    for unit in ("weekend", "week", "month", "quarter", "year"):
        if _rx(rf"\b{unit}\b").search(low):
            return unit
    return "day"


def _unknown_of_unit(phrase: str) -> str:
    """The unresolved value at the grain of the unit a phrase names ("the same week": XXXX-WXX)."""
    return _UNRESOLVED_UNIT[_anaphor_unit(phrase.lower())]


# A preposition that makes "the next month" a stretch of time rather than a point in a story.
_SPAN_BEFORE = compile_pattern(r"\b(?i:over|in|within|during|throughout|for)\s+$")


def _period_since_day(c: Candidate, ctx: Context) -> bool:
    """Whether a week or month without the last day in it was named after that day, close before `c`."""
    return _period_outside_last_day(ctx, ("week", "month")) is not None and _named_close_before(c, ctx)


def _anaphor(c: Candidate, ctx: Context) -> Norm | None:
    # The day part of "the next night" is dropped: TimeBank values such phrases at day granularity.
    low = " ".join(c.match[0].lower().split())
    base, anchor = (ctx.last_day, "anaphora") if ctx.last_day else (ctx.dct, "dct")
    mod = "END" if low.startswith("later") else "START" if low.startswith("earlier") else None
    if base is None:
        return _unresolved(c, "DATE", _unknown_of_unit(low), mod)  # "that week", no date told: XXXX-WXX
    dow = _DOW_TOKEN.search(low)
    if dow:
        wd = WEEKDAYS[dow[1]]
        step = -1 if any(w in low for w in ("previous", "preceding", "prior")) else 1
        day = base + dt.timedelta(days=step * (((wd - base.weekday()) * step) % 7 or 7))
        return _norm(c, "DATE", day.isoformat(), anchor=anchor, confidence=0.7)
    unit = _anaphor_unit(low)
    if unit != "day":
        # "later that year" after "June 1998": any earlier date of week or coarser grain will do. A
        # demonstrative points at the period just told, counted or not ("Five years later he lost.
        # That year ..."); other words at the one last named.
        demonstrative = _rx(r"\b(?:that|same)\b").search(low) is not None
        period = value_range(ctx.last_any) if demonstrative and ctx.last_any else None
        if period is None and ctx.last_value:
            period = value_range(ctx.last_value)
        if period is not None:
            base, anchor = period[0], "anaphora"
    # Whole words: "that afternoon" holds "after" but is the day last named, not the next.
    step = 0
    if _rx(r"\b(?:next|following|after)\b").search(low):
        step = 1
    elif _rx(r"\b(?:previous|preceding|prior|before)\b").search(low):
        step = -1
    if (
        step == 1
        and unit != "day"
        and anchor == "anaphora"
        and ctx.dct is not None
        and base < ctx.dct
        and _SPAN_BEFORE.search(ctx.text, max(0, c.start - 12), c.start)
        and _tense(ctx, c) == "future"
    ):
        # "tests to be carried out over the next month" after "since mid-January": a period still
        # ahead counts from the publication date, not from a date already past. Not "would return
        # to work the next day (month)", which counts from the day (month) just told.
        base, anchor = ctx.dct, "dct"
    if unit == "day" and anchor == "anaphora" and _period_since_day(c, ctx):
        # "hadn't spoken until the middle of last week, ... the following day": the day counted from
        # is one of the week (month) just named, not the day named before it; that period is all
        # the text tells.
        return _norm(c, "DATE", ctx.last_value or "", anchor="anaphora", confidence=0.5)
    if unit == "day":
        day = base + dt.timedelta(days=step)
        if anchor == "anaphora":
            day = _counted_under_past(c, ctx, day, lambda d: d + dt.timedelta(days=step))
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
    return _norm(c, "DATE", value, mod, anchor, 0.7)
