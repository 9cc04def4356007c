"""Candidate span -> TIMEX3 type, value and mod: dispatch to the rule modules, then fuzzy and
approximate prefixes, and the filters that keep names and rates out."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from timeline.temporal.anchor import _words
from timeline.temporal.base import (
    Context,
    Norm,
    _month_of,
    _rx,
    duration_value,
)
from timeline.temporal.caseless import compile_lowered, lowered
from timeline.temporal.dates import (
    _rule_abbr_period,
    _rule_century,
    _rule_day,
    _rule_day_of_month,
    _rule_decade,
    _rule_first_day,
    _rule_half,
    _rule_holiday,
    _rule_iso,
    _rule_month,
    _rule_month_anaphor,
    _rule_month_rel_year,
    _rule_my,
    _rule_period,
    _rule_quarter,
    _rule_rel_month,
    _rule_season,
    _rule_second_day,
    _rule_short_year,
    _rule_slash,
    _rule_spelled_day,
    _rule_spelled_year,
    _rule_week_of,
    _rule_weeks_of_month,
    _rule_year,
)
from timeline.temporal.durations import (
    SPEED_BEFORE,
    _rule_a_while,
    _rule_bare_units,
    _rule_duration,
    _rule_first_units,
    _rule_recent,
    _rule_seasons,
    _rule_set,
    _rule_unit_long,
)
from timeline.temporal.grammar import (
    WEEKDAYS,
    Candidate,
    compile_pattern,
)
from timeline.temporal.relative import (
    _rule_ago,
    _rule_anaphor,
    _rule_day_part,
    _rule_deictic_part,
    _rule_dow,
    _rule_dow_part,
    _rule_dow_week,
    _rule_end_of_unit,
    _rule_from_day,
    _rule_in_the_unit,
    _rule_ref,
    _rule_rel_dow,
    _rule_rel_unit,
    _rule_the_unit,
    _rule_the_year,
    _rule_time,
    _rule_time_in,
    _rule_year_ago_adj,
)

__all__ = ["Context", "Norm", "normalise"]
_APPROX = compile_lowered(
    r"(?i:(?<![\w])(?P<w>about|around|approximately|roughly|nearly|almost|some|more\s+than|"
    r"less\s+than|fewer\s+than|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|"
    r"upwards\s+of|close\s+to|well\s+over|just\s+over|just\s+under|longer\s+than)\s+)$"
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
    # Not a bare "over": "over three years", "over several months" mostly mean "during".
    "longer than": "MORE_THAN",
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
_FUZZY = compile_lowered(
    # "by end-June", "at end-2014": the wire's hyphenated "the end of".
    r"(?i:(?<![\w])(?:the\s+)?(?:(?:very\s+)?(?P<w>early|late|mid|middle|end(?=-)|start(?=-))(?:\s*-\s*|\s+)|"
    r"(?P<w2>beginning|start|end|middle|close|turn|first\s+half|second\s+half|latter\s+part|"
    r"early\s+part|latter\s+half|dawn)\s+of\s+(?:the\s+)?))$"
)
_FUZZY_RELATIVE = compile_lowered(r"(?i:(?<![\w])(?P<w>earlier|later)\s+)$")
_OPEN_END = compile_pattern(r"(?i:\s+(?:or\s+(?P<w>later|earlier)|and\s+beyond))(?![\w-])")
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

# The word each prefix pattern's match ends with (it is anchored at the expression): an expression
# whose last word before it is none of these skips the pattern's search, which tries every offset.
_APPROX_LAST = frozenset(k.split()[-1] for k in _APPROX_MOD)
# (`_FUZZY_MOD` holds "earlier" and "later" too, the words `_FUZZY_RELATIVE` ends with.)
_FUZZY_LAST = frozenset(k for k in _FUZZY_MOD if " " not in k) | {"of", "the"}
_AROUND_LAST = _words("about around approximately roughly circa")
# Run on the reversed text: the last word, past the blanks and hyphens after it ("mid-", "some ").
_LAST_WORD_REVERSED = compile_pattern(r"[\s-]*([a-z]+)")


def _last_word(before: str) -> str:
    """The last word of lowercase `before`, with any blanks or hyphens after it dropped."""
    m = _LAST_WORD_REVERSED.match(before[::-1])
    return m[1][::-1] if m else ""


# --- dispatch --------------------------------------------------------------------------------------------

_HANDLERS: dict[str, Callable[[Candidate, Context], Norm | None]] = {
    "iso": _rule_iso,
    "slash": _rule_slash,
    "time": _rule_time,
    "time_in": _rule_time_in,
    "dmy": _rule_day,
    "mdy": _rule_day,
    "dm": _rule_day,
    "spelled_dm": _rule_spelled_day,
    "spelled_md": _rule_spelled_day,
    "second_day": _rule_second_day,
    "first_day": _rule_first_day,
    "week_of": _rule_week_of,
    "weeks_of_month": _rule_weeks_of_month,
    "day_of_month": _rule_day_of_month,
    "my": _rule_my,
    "month_rel_year": _rule_month_rel_year,
    "month_anaphor": _rule_month_anaphor,
    "rel_month": _rule_rel_month,
    "month": _rule_month,
    "seasons": _rule_seasons,
    "season": _rule_season,
    "decade": _rule_decade,
    "century": _rule_century,
    "half": _rule_half,
    "abbr_period": _rule_abbr_period,
    "quarter": _rule_quarter,
    "from_day": _rule_from_day,
    "dow_week": _rule_dow_week,
    "ago": _rule_ago,
    "year_ago_adj": _rule_year_ago_adj,
    "anaphor": _rule_anaphor,
    "rel_dow": _rule_rel_dow,
    "dow_part": _rule_dow_part,
    "dow": _rule_dow,
    "deictic_part": _rule_deictic_part,
    "day_part": _rule_day_part,
    "rel_unit": _rule_rel_unit,
    "the_unit": _rule_the_unit,
    "the_year": _rule_the_year,
    "in_the_unit": _rule_in_the_unit,
    "period": _rule_period,
    "end_of_unit": _rule_end_of_unit,
    "duration": _rule_duration,
    "first_units": _rule_first_units,
    "unit_long": _rule_unit_long,
    "bare_units": _rule_bare_units,
    "a_while": _rule_a_while,
    "the_units": _rule_bare_units,
    "recent": _rule_recent,
    "ref": _rule_ref,
    "set": _rule_set,
    "set_month": _rule_set,
    "holiday": _rule_holiday,
    "year": _rule_year,
    "short_year": _rule_short_year,
    "spelled_year": _rule_spelled_year,
}


def _widened(n: Norm, prefix: int, mod: str | None) -> Norm:
    """`n` with the `prefix` characters before it taken into its span, and `mod`."""
    return dataclasses.replace(n, start=n.start - prefix, mod=mod)


def _extend(n: Norm, text: str) -> Norm:
    """Pull a fuzzy ('early', 'the end of') or approximate ('nearly', 'more than') prefix into the span."""
    # Lowercased: the prefix patterns run flag-free on it (see caseless.py); only lengths are used.
    before = lowered(text[max(0, n.start - 40) : n.start])
    last = _last_word(before)
    head = text[n.start : n.end]
    if n.type == "DURATION" or (
        n.type in ("DATE", "TIME")
        and _rx(
            r"\d|(?i:a\b|an\b|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b)"
        ).match(head)
    ):
        m = _APPROX.search(before) if last in _APPROX_LAST else None
        if m and not head.lower().startswith("the "):
            return _widened(n, len(m[0]), n.mod or _APPROX_MOD[" ".join(m["w"].lower().split())])
    if n.type in ("DATE", "TIME") and not n.value.endswith("_REF") and n.mod is None:
        m = _FUZZY.search(before) if last in _FUZZY_LAST else None
        if m:
            return _widened(n, len(m[0]), _FUZZY_MOD[" ".join((m["w"] or m["w2"]).lower().split())])
        m = _FUZZY_RELATIVE.search(before) if last in _FUZZY_LAST else None
        if m and _rx(r"(?i:this|last|next)\b").match(head):
            return _widened(n, len(m[0]), _FUZZY_MOD[m["w"].lower()])
    if n.type in ("DATE", "TIME") and n.mod is None and n.value[:1].isdigit():
        m = _OPEN_END.match(text, n.end)
        if m:
            # "1994 or later", "2020 and beyond": the date opens a range (TimeBank spans the words).
            mod = "ON_OR_BEFORE" if (m["w"] or "").lower() == "earlier" else "ON_OR_AFTER"
            return dataclasses.replace(n, end=m.end(), mod=mod)
    if n.type == "TIME" and n.mod is None and last in _AROUND_LAST:
        m = _rx(r"(?i:(?<![\w])(?P<w>about|around|approximately|roughly)\s+)$").search(before)
        if m:
            return _widened(n, len(m[0]), "APPROX")
    if (
        n.type == "DATE"
        and n.mod is None
        and last in _AROUND_LAST
        and n.value[:1].isdigit()
        and not head.lower().startswith("the ")
    ):
        # "to be completed around Nov. 1" (TimeBank spans the word). Not "about": before a month it is
        # as often the preposition ("talked about May's results"). Before a possessive, or after a verb
        # it completes, "around" governs a noun: "to get around Wednesday's ruling".
        m = _rx(
            r"(?i:(?<![\w])(?<!\bget\s)(?<!\bgot\s)(?<!\bgetting\s)(?<!\bwork\s)(?<!\bworked\s)"
            r"(?<!\bworking\s)(?:around|approximately|roughly|circa)\s+)$"
        ).search(before)
        if m and not _rx(r"['’]s?\b").match(text, n.end):
            return _widened(n, len(m[0]), "APPROX")
    return n


# Rules whose last word is a common noun or adverb: capitalised mid-sentence, it is part of a name
# ("60 Minutes", ABC's "This Week", "VOA Today", "High Noon").
_NAME_SENSITIVE = _words(
    "ref rel_unit the_unit duration deictic_part time set first_units bare_units recent ago season"
)
_SENTENCE_START = compile_pattern(r"(?:^|[.!?:;\n]|[\"“‘'`(\[—-])\s*$")
_RATE_BEFORE = compile_pattern(
    r"(?:\d[\d,.]*|\b[a-z]{3,}[^s\W]s|percent|cents|million|billion|thousand|%|\b(?:a|an|one)\s+[a-z]{3,})\s+$"
)


# A quantity earlier in the clause ("5,000 barrels of oil", "$500,000") makes "a day" a rate.
_QUANTITY = compile_pattern(r"(?:\d|\b(?:(?:million|billion|thousand|hundred|dozen)s?|percent)\b|[$£€%])")
# ... unless "a day" is the object of one of these ("for a day", "take a day", "within a week",
# "for most of a day", "up to a year").
_PERIOD_GOVERNOR = compile_pattern(
    r"(?i:\b(?:for|in|within|after|over|about|nearly|almost|than|once|twice|take|takes|took|spend|"
    r"spent|last|lasted|lasts|only|just|every|each|per|off|of\s+the|(?:most|much|part|half|all|rest)\s+of|"
    r"at\s+(?:least|most)|up\s+to)\s+)$"
)


# After "a second" these still let it be a unit ("ten rounds a second at full power"); another word
# makes it the ordinal ("the 1918 pandemic, with a second or third wave").
_AFTER_UNIT = compile_pattern(
    r"\s+(?i:and|but|in|on|at|for|from|with|to|when|while|until)\b|\s*(?:[^\w\s]|$)"
)


def _is_rate(c: Candidate, ctx: Context) -> bool:
    if c.match[0][:2].lower() not in ("a ", "an", "a-") or c.match[0][:7].lower() == "another":
        return False  # "another week" is one more week, never a rate
    if c.match[0].lower().endswith("second") and not _AFTER_UNIT.match(ctx.text, c.end):
        return False
    before = ctx.text[max(0, c.start - 50) : c.start]
    if _PERIOD_GOVERNOR.search(before):
        return False
    clause = _rx(r"[.;:!?]").split(before)[-1]
    # The digits of a date told before are no quantity ("On March 11, 2011, the nation observed a
    # minute of silence").
    clause = clause[max(0, ctx.last_end - (c.start - len(clause))) :]
    return bool(_RATE_BEFORE.search(before[-20:]) or _QUANTITY.search(clause))


def _looks_like_name(c: Candidate, ctx: Context) -> bool:
    words = c.match[0].split()
    multiword = len(words) > 1
    if multiword and words[-1] == "of":
        words.pop()  # "Spring of Life": the season rule takes a trailing "of" for "spring of 1998"
    last = words[-1]
    if (
        not last[:1].isupper()
        or last.isupper()
        or _month_of(last)
        or last.lower().removesuffix("s") in WEEKDAYS
        # A zone's name: "9:30 a.m. Eastern Standard Time", "5 p.m. Pacific".
        or (c.rule == "time" and last in ("Time", "Eastern", "Central", "Mountain", "Pacific"))
        or (c.rule == "the_unit" and last == "Year")  # "in the New Year" is written both ways
    ):
        return False
    before = ctx.text[max(0, c.start - 3) : c.start]
    return multiword or not _SENTENCE_START.search(before)


def normalise(c: Candidate, ctx: Context, *, extend: bool = True) -> Norm | None:
    """TIMEX3 attributes of one candidate, or None when the span is not a temporal expression."""
    if c.rule in _NAME_SENSITIVE and _looks_like_name(c, ctx):
        return None
    if c.rule == "duration" and _is_rate(c, ctx):
        if SPEED_BEFORE.search(ctx.text, max(0, c.start - 16), c.start):
            return None  # "100 miles an hour": a speed
        # "four flights a week", "$1.76 a year", "5,000 barrels of oil a day": a rate, i.e. a set
        # of periods (TimeML SET), not one period.
        unit = _rx(r"(?i)(second|minute|hour|day|week|month|year)s?$").search(c.match[0])
        if unit is None:
            return None
        value = duration_value(1, unit[1].lower())
        return Norm(c.start, c.end, "SET", value, None, "none", 0.8)
    n = _HANDLERS[c.rule](c, ctx)
    if n is None or not extend:
        return n
    return _extend(n, ctx.text)
