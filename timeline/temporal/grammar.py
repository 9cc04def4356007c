"""Compiled candidate patterns: where a temporal expression may start and end, and which rule found it.

Each rule is a named regex; `candidates` runs them all and keeps the longest non-overlapping matches.
Normalisation (what the words mean) lives in `normalise.py`; this module only finds spans.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import regex

from timeline.temporal.caseless import caseless, lowered

# --- vocabulary ------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12, "half a dozen": 6,
    "a couple of": 2, "couple of": 2, "a couple": 2,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21,
}  # fmt: skip
# Spelled days of a month ("the first of May", "the twenty-third of June") and their numbers.
_UNITS_ORD = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
DAY_ORDINALS: dict[str, int] = {
    **{w: n for w, n in ORDINALS.items() if w.isalpha() and n <= 20},
    **{f"twenty{sep}{w}": 21 + i for i, w in enumerate(_UNITS_ORD) for sep in ("-", " ")},
    "thirtieth": 30, "thirty-first": 31, "thirty first": 31,
}  # fmt: skip
DAY_ORDINAL = "(?:" + "|".join(sorted(DAY_ORDINALS, key=len, reverse=True)).replace(" ", r"\s+") + ")"
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip

# --- building blocks (strings, composed below) -------------------------------------------------

# Month names are case-sensitive: "may" is a modal verb, "march" a verb; capitalised or all caps only.
FULL_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MON = (
    # A hyphen after a month only opens a range of months ("January-February"), not a compound.
    rf"(?:(?:{FULL_MONTHS}|{FULL_MONTHS.upper()})(?!\w|-(?!(?:{FULL_MONTHS})\b))"
    rf"|(?:{_ABBR}|{_ABBR.upper()})(?:\.|(?=\s+\d))(?!\w))"
)
# After a day number an abbreviation needs no dot: "14 Sept", "8 Apr" (British style).
MON_AFTER_DAY = rf"(?:{MON}|(?:{_ABBR}|{_ABBR.upper()})(?!\w))"
_DOW_NAME = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DOW = rf"{_DOW_NAME}(?!\w)"


def _after(words: str, tail: str = r"\s") -> str:
    """A lookbehind for any of `words` (case-insensitive) then `tail`, as one fixed-width lookbehind per
    word: the stdlib engine, faster here than `regex`, takes no alternation of different widths."""
    return "(?:" + "|".join(rf"(?<=\b(?i:{w}){tail})" for w in words.split()) + ")"


def _not_after(words: str, tail: str = r"\s") -> str:
    """A negative lookbehind for any of `words` (case-insensitive) then `tail`, one per word."""
    return "".join(rf"(?<!\b(?i:{w}){tail})" for w in words.split())


# The prepositions a rule wants right before its expression: "on the 18th", "in the morning", "since
# early morning", "over the years".
_ON_UNTIL = _after("on by until till since before after from through")
_IN_DURING = _after("in into during throughout by")
_OVER_DURING = _after("over during throughout")
_THROUGH = _after("through throughout during into")
_SINCE_UNTIL = _after("since by until till from before after in into through")
# After a modal "last" is a verb ("may last years").
_NOT_MODAL = _not_after("may might could will would can should must to")
# The possessives that make "last" mean "final" ("his last year"); not "her" or "'s", which are as
# often an object ("told her last week") or "is" ("that's last year's").
_NOT_POSSESSED = _not_after("his its their my our your")
# A counted night is a noun of its own, and the weekday after it stands alone: "protesters returned for
# a ninth straight night Sunday" (not "night Sunday").
_NOT_COUNTED = _not_after(" ".join((*_UNITS_ORD, "tenth", "straight", "consecutive", "another")))
# "later in the day": one space each side of "in" (the lookbehind is fixed-width).
_EARLY_IN = _after("earlier later early late", r"\sin\s")
# "for the week,", "the biggest drop of the week", "the rest of the year".
_FOR = _after("for")
_OF = _after("of")
# What a part of the year is said with: "the first nine months of the year", "the rest of the year".
PART_OF_WORDS = ("months", "weeks", "rest", "remainder", "balance")
_PART_OF = _after(" ".join(PART_OF_WORDS), r"\sof\s")
# "for years", "took us months": what a bare plural unit follows, one space apart.
_TAKE_UNITS = _after(
    "for within over after last lasted lasting in take took takes taking "
    + " ".join(
        rf"{verb}\s{pronoun}"
        for verb in ("take", "took", "takes", "taking")
        for pronoun in ("us", "them", "him", "her", "me", "you")
    )
)
# Before "of" a bare unit is a noun ("after weeks of sparring") unless "within" leads it ("within weeks
# of his capture"): one lookbehind per length of the unit word.
_NOT_WITHIN_WORD = "".join(rf"(?<!\bwithin\s[a-z]{{{n}}})" for n in range(4, 10))
# An abbreviated weekday ("Fri, 22 Mar 2013", "Tue. March 19") only ever leads a written date: alone
# "Sun" and "Wed" are words; after "The" it is a masthead ("The Sun, 22 March").
_DOW_ABBR = (
    r"(?<!\bThe\s)(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN)\.?(?![\w.])"
)
DATE_DOW = rf"(?:{DOW}|{_DOW_ABBR})"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d|\w|%|\s+percent)"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|\s*percent|-(?:year|month|day|old))"
# "the" of "the 4th of June", but not of "the 20 April explosion", where the date only modifies the
# noun the article belongs to (as "the Aug. 7 bombings" leaves out "the").
_THE_DAY = (
    rf"(?:the\s+(?={DAYNUM}\s+of\s)|the\s+(?!{DAYNUM}\s+{MON_AFTER_DAY}(?:\s*,?\s+{YEAR})?\s*,?\s+[a-z]))?"
)
_NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred|hundred"
    r"|(?:half\s+a\s+|a\s+)?dozen)"
)
# An amount in digits: grouped ("800,000") or plain, with decimals.
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)"
# Never from inside a number: "800,000 years" is not "000 years".
NUM = rf"(?:(?<![\d,.]){DIGITS}|{_NUMWORD}(?:[-\s]+and[-\s]+a[-\s]+half)?)"
# "half an hour", "a half-hour": half of one unit; "a quarter century", "the past half-century".
HALF = r"(?:half\s+an?|an?\s+half|(?:an?\s+)?(?:quarter|half)(?=[-\s]+centur))(?!\w)(?!\s+dozen)"
# "another week": one more unit (before a number, "another two years", the number leads).
NUM_A = rf"(?:{NUM}|{HALF}|an?(?!\w)|another(?!\w))"
VAGUE = r"(?:several|a\s+few|few|many|some|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+number\s+of)"
# "fortnight": British copy counts in them ("a fortnight ago", "the past fortnight").
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century|centurie|quarter)"
PART = r"(?:morning|afternoon|evening|night|overnight)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
_ZONE = (
    r"(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|ET|JST|HKT|SGT|AE[SD]T|local\s+time|(?:Eastern|Central|Mountain|"
    r"Pacific|Atlantic|UK|British|London|Paris|Moscow|Beijing|Tokyo)\s+(?i:(?:standard\s+|daylight\s+)?time)"
    # "5 p.m. Eastern": the American zones stand alone, unless a name goes on ("Central Park").
    rf"|(?:Eastern|Central|Mountain|Pacific)\b(?!\s+(?!{DOW})[A-Z]))"
)
# The BBC glues its zone on: "at 1737GMT on Saturday".
_GLUED_ZONE = r"(?:GMT|UTC|BST)"
TZ = rf"(?:\s+{_ZONE}|(?<=\d){_GLUED_ZONE})"
HOUR_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
              "twelve")  # fmt: skip
HOUR_WORD = rf"\b(?:{'|'.join(HOUR_WORDS)})"
CLOCK = (
    r"(?:(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d(?::[0-5]\d)?)?\s*(?:a\.m\.?|p\.m\.?|am|pm|AM|PM|A\.M\.|P\.M\.)(?!\w)"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:])(?:\s*(?:a\.m\.?|p\.m\.?|am|pm|AM|PM)(?!\w))?"
    # A 24-hour reading without a colon needs its zone: "1425 local time", "(1925 GMT)".
    rf"|(?:[01]\d|2[0-3])[0-5]\d(?={TZ}(?!\w))"
    # ... and so does one with a dot, as British papers stamp their pages: "14.27 BST".
    rf"|(?<![\d.,])(?:[01]?\d|2[0-3])\.[0-5]\d(?={TZ}(?!\w))"
    # "5 o'clock", "eleven o'clock", "six a.m.": an hour spelled out or on the clock face.
    rf"|(?:(?:1[0-2]|0?[1-9])|(?i:{HOUR_WORD}))\s+(?i:o['’]clock)(?!\w)"
    rf"|(?i:{HOUR_WORD})\s+(?:a\.m\.?|p\.m\.?|A\.M\.|P\.M\.)(?!\w)"
    # "high noon" is the idiom for a showdown, not a clock reading.
    r"|(?<!\b[Hh]igh\s)(?i:noon)|(?i:midnight|midday|dawn|dusk|daybreak))"
)
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# Years as broadcast transcripts write them: "nineteen ninety-six", "the year two thousand".
SPELLED_YEAR = (
    rf"(?i:nineteen[-\s](?:{_TENS}(?:[-\s]{_ONES})?|{_TEENS}|hundred)"
    rf"|(?<=\byear\s)two\s+thousand(?:\s+and)?(?:[-\s](?:{_TEENS}|{_ONES}))?)(?![\w-])"
)
# The day a clock reading names: "at 08.53 BST on Wednesday 6 May 2009" takes the whole date.
_DAYREF = (
    rf"(?:(?:{DOW},?\s+)?(?:{MON}\s+{DAYNUM}(?:,?\s+{YEAR})?|{DAYNUM}\s+{MON}(?:\s+{YEAR})?)"
    rf"|{DOW}(?:\s+(?i:{PART}))?|(?i:today|tomorrow|yesterday|tonight|last\s+night|"
    rf"(?:this|yesterday|tomorrow)\s+(?:morning|afternoon|evening)|that\s+(?:day|{PART})))"
)
# The year a half is of ("the first half of 1990", "the latter half of the year").
_HALF_OF = rf"(?:(?:this|last|next)\s+year|(?:fiscal\s+)?{YEAR}|the\s+year)"

# A weekday before the date it names, itself placed ("this coming Sunday, March 8"): one expression.
_DOW_LEAD = rf"(?:(?:(?i:(?:this\s+(?:coming|past)|this|next|last)\s+))?{DOW}|{_DOW_ABBR})"

# The rules, most specific first: on a tie of span the earlier rule wins.
_RULES: list[tuple[str, str]] = [
    (
        "iso",
        r"(?<![\w/-])(?:1[0-9]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|"
        # A machine timestamp may carry seconds and a zone: "2013-03-22T14:30:05Z", "...T14:30+01:00".
        r"3[01])(?:T[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?(?![\w-])",
    ),
    (
        "slash",
        # US month first ("3/22/2013"); day first only where the day cannot be a month and the year
        # is whole ("22/03/2013"); year first ("2013/03/22").
        r"(?<![\w/.$-])(?:(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:\d{4}|\d{2})|(?:1[3-9]|2\d|3[01])/"
        r"(?:0?[1-9]|1[0-2])/(?:1[89]|20)\d\d|(?:1[89]|20)\d\d/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])|"
        # Dots are Europe's: day first, with the whole year ("22.03.2013").
        r"(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:1[89]|20)\d\d|"
        # "9/11" alone is the name of a day, the attacks of Sept. 11, 2001.
        r"9/11(?![/\d]))"
        r"(?![\w/]|\.\d)",
    ),
    ("time", rf"{CLOCK}{TZ}?(?:(?:,\s*|\s+)(?:(?i:on|of)\s+)?{_DAYREF})?"),
    (
        "time_in",
        rf"(?:(?:1[0-2]|0?[1-9])\s+(?i:o['’]clock\s+)?|(?i:{HOUR_WORD})\s+(?i:o['’]clock\s+)|"
        rf"(?<=\b(?i:at)\s)(?i:{HOUR_WORD})\s+)(?i:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)",
    ),
    ("dmy", rf"(?:{DATE_DOW}\s*,?\s+)?{_THE_DAY}{DAYNUM}\s+(?:of\s+)?{MON_AFTER_DAY}\s*,?\s+{YEAR}"),
    ("mdy", rf"(?:{_DOW_LEAD}\s*,?\s+)?{MON}\s+{DAYNUM}(?:\s*,?\s+{YEAR})?"),
    ("dm", rf"(?:{DATE_DOW}\s*,?\s+)?{_THE_DAY}{DAYNUM}\s+(?:of\s+)?{MON_AFTER_DAY}"),
    ("spelled_dm", rf"(?i:the\s+{DAY_ORDINAL}\s+of\s+){MON}(?:,?\s+{YEAR})?"),
    # "March eighth", "January the twenty-first" (transcripts); an ordinal that goes on as a word of
    # its own ("In June first lady ...", "May first-quarter") is no day.
    (
        "spelled_md",
        rf"(?:{_DOW_LEAD}\s*,?\s+)?{MON}\s+(?i:(?:the\s+)?{DAY_ORDINAL})(?:,?\s+{YEAR})?(?=\s*(?:[,.;:)!?]|$)|"
        rf"\s+(?i:and|or|to|through|at|in|on|when|until|he|she|they|we|it)\b)",
    ),
    ("week_of", rf"(?i:the\s+week(?:end)?\s+of\s+)(?:{MON}\s+{DAYNUM}|{DAYNUM}\s+{MON})(?:,?\s+{YEAR})?"),
    # "the first week of August", "the last two weeks of March": part of a month.
    (
        "weeks_of_month",
        rf"(?i:the\s+(?:first|opening|second|third|fourth|last|final|closing)\s+(?:(?:two|three|few)\s+weeks|"
        rf"(?:full\s+)?week(?:end)?)\s+of\s+){MON}(?:,?\s+{YEAR})?(?!\w)",
    ),
    # "April 24 and 25": the second day of a coordinated pair shares the month.
    (
        "second_day",
        # "Feb. 24-25": a hyphen or dash joins the pair as "and" does.
        # The lookahead spares the lookbehind at every place no digit starts.
        rf"(?=\d)(?<={MON}\s{{1,3}}(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:\s{{1,3}}(?:and|or|to|through)\s{{1,3}}"
        rf"|\s?[-–]\s?))"
        rf"{DAYNUM}(?:,?\s+{YEAR})?",
    ),
    # "1 and 2 April": the first day of a coordinated pair takes the month after the second.
    (
        "first_day",
        rf"(?<![\w$£€#.,/:-])(?:the\s+)?(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?=(?:\s{{1,3}}(?:and|or|to|&)\s{{1,3}}|[-–])"
        rf"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?{MON})",
    ),
    ("my", rf"{MON},?\s+(?:of\s+)?{YEAR}"),
    # "on the 18th": a day of the DCT's month; only after a preposition and before a clause end, so
    # "the 2nd Amendment", "the 6th District" and "the 18th century" stay out.
    (
        "day_of_month",
        rf"(?=the\s){_ON_UNTIL}the\s+(?:3[01]|[12]\d|[1-9])"
        r"(?:st|nd|rd|th)(?=\s*[,.;:)]|\s+(?:and|when|at|in|to|as|until|of\s+(?:this|last|next)\s+month)\b)",
    ),
    (
        "month_rel_year",
        # "14 August last year", "May 5 this year": a day of that year's month.
        rf"(?:(?:{DAYNUM}\s+(?:of\s+)?{MON_AFTER_DAY}|{MON}(?:\s+{DAYNUM})?),?|(?i:(?:the\s+)?{SEASON}))\s+(?:of\s+)?"
        # "that awful year", but not "(predicted in May) that this year".
        rf"(?i:this|last|next|that(?:\s+(?!(?:year|this|next|last)\b)[a-z]+)?|the\s+same|the\s+following|"
        rf"the\s+previous)\s+year(?![\w'’])",
    ),
    # "that September", "the following March": a month counted from the date last named.
    ("month_anaphor", rf"(?i:that|the\s+(?:following|next|previous|preceding|same))\s+{MON}(?!\s*\d)"),
    ("rel_month", rf"(?i:this\s+past|this|last|next|this\s+coming)\s+{MON}(?!\s*\d)"),
    ("month", MON),
    # "the past three summers": several of a recurring period, a set (TimeBank: SET XXXX-SU).
    (
        "seasons",
        rf"(?i:(?:the\s+)?(?:past|last|previous|next|coming)\s+(?:{NUM}|several|few)\s+"
        rf"(?:springs|summers|falls|autumns|winters|weekends))(?!\w)",
    ),
    (
        "season",
        rf"(?i:(?:(?:this\s+past|this\s+coming|this|last|next|past|coming|that|"
        rf"the\s+(?:following|next|previous|preceding|same)|the|(?:the\s+)?early|"
        rf"(?:the\s+)?late|(?:the\s+)?mid-?)\s+)?{SEASON}(?:\s+(?:of\s+)?)?)(?:{YEAR})?",
    ),
    (
        "decade",
        r"(?i:(?:the\s+)?(?:(?:1[0-9]|20)\d0|'\d0)s(?!\w)|"
        # "the 90s", "the mid-80s", "the 1980's" (a bare "1980's" is the year's possessive); an age
        # ("in his late 80s") is no decade.
        r"(?:the\s+)?(?<=\b(?:the|mid|early|late)[\s-])(?<!\b(?:his|her|their|its|my|your|our)\s"
        r"(?:mid|early|late)[\s-])(?:(?:1[0-9]|20)\d0|'\d0|[1-9]0)'?s(?!\w)|"
        # "the 1970s and 80s": the second decade of a pair may be written short (not "his 60s and 70s").
        r"(?<=(?:\d\d\d0|'\d0)'?s,?\s(?:and|or|to|through)\s)[1-9]0'?s(?!\w)|"
        r"(?:the\s+)?(?:nineteen[-\s]?)?(?:twenties|thirties|forties|fifties|sixties|seventies|"
        r"eighties|nineties)(?!\w))",
    ),
    (
        "century",
        r"(?i:(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
        r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
        r"seventeenth|eighteenth|nineteenth|twentieth|twenty[-\s]first)[-\s]century)(?!\w)",
    ),
    (
        "half",
        # "first-half sales" too, as "first-quarter profit" is.
        rf"(?i:(?:(?:this|last|next|the)\s+year['’]s\s+|the\s+)?(?:(?:first|second|1st|2nd)[-\s]+half(?:\s+of\s+{_HALF_OF})?|"
        rf"(?:last|latter)\s+half\s+of\s+{_HALF_OF}))",
    ),
    (
        "quarter",
        rf"(?i:(?:(?:this|last|next|the)\s+year['’]s\s+|(?:the\s+)?(?:{YEAR}(?:'s)?|"
        rf"fiscal\s+{YEAR}(?:'s)?)\s+)?(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?:first|second|third|"
        rf"fourth|1st|2nd|3rd|4th|final|latest|current|previous|past|last|this|year-earlier|"
        rf"year-ago|same|next|coming)[-\s]+(?:fiscal\s+|"
        # "the third quarter of 2012", and as analysts write it "second-quarter 2013 earnings".
        rf"calendar\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?:{YEAR}|(?:this|last|next)\s+year|"
        rf"the\s+year)|,?\s+{YEAR}(?![-\w]))?|the\s+quarter|"
        # "the January-March quarter", "the July-September 2012 period": a calendar quarter by its months.
        rf"(?:the\s+)?(?:January[-–]March|April[-–]June|July[-–]September|October[-–]December)"
        rf"(?:\s+{YEAR})?\s+(?:quarter|period)|"
        # "the December quarter", "the June 2012 quarter": a quarter named by the month it ends with.
        rf"(?:the\s+)?(?:March|June|September|December)(?:\s+{YEAR})?\s+quarter)(?![-\w]|\s+centur)",
    ),
    # Analysts' shorthand: "Q1", "3Q", "Q4 2012", "H1 2013" (names like "Audi Q3" are left in the rule).
    ("abbr_period", rf"(?<![\w-])(?:Q[1-4]|[1-4]Q|H[12])(?:\s+{YEAR})?(?![\w-])"),
    # "a week from Tuesday", "two days from tomorrow": a day counted from the day named; not "closed
    # for a week from yesterday", a duration and the day it starts.
    (
        "from_day",
        rf"(?<!\b(?i:for)\s)(?<!\b(?i:over)\s)(?i:{NUM_A})\s+(?i:day|week|month|year)s?\s+(?i:from)\s+"
        rf"(?:(?i:tomorrow|yesterday)|{_DOW_NAME})(?!\w)",
    ),
    (
        "ago",
        # "a year and a half ago", "2 1/2 years ago": a half or a fraction counts too.
        # "years ago", "thousands of years ago", "hundreds of millions of years ago": no amount to count.
        # "two weekends ago", "three Sundays ago", "a few summers ago": named units counted back.
        rf"(?i:(?:{NUM_A}|{VAGUE})(?:\s+\d/\d)?(?:\s+(?:more\s+)?|-)(?:{UNIT}s?(?:\s+and\s+a\s+half)?|"
        rf"(?:weekend|{_DOW_NAME}|{SEASON})s?(?=\s+ago\b))|"
        rf"(?:(?:tens|dozens|hundreds|thousands|millions|billions)\s+of\s+)*{UNIT}s)"
        rf"(?i:\s+or\s+so)?\s+(?i:ago|earlier|later|before|"
        rf"after|from\s+(?:now|today)|hence)(?=\W|$)|"
        # "a while ago", "some time ago", "moments ago": a past with no amount to count.
        r"(?i:(?:a\s+(?:(?:little\s+|short\s+|long\s+)?while|long\s+time|moment|few\s+moments)|some\s+time|"
        r"moments)\s+ago)(?=\W|$)",
    ),
    (
        "year_ago_adj",
        r"(?i:(?:the\s+)?(?:comparable\s+|corresponding\s+)?year-(?:earlier|ago|before)(?:\s+(?:(?:first|"
        r"second|third|fourth)\s+)?(?:quarter|period|month|level|figure))?|"
        # "the same period last year", "the quarter a year ago": the period named before, a year back.
        r"(?:the\s+)?(?:same\s+|comparable\s+|corresponding\s+)?(?:quarter|period|month)\s+(?:of\s+)?"
        r"(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:previous|prior)\s+year)(?![-\w]))",
    ),
    (
        "anaphor",
        rf"(?i:the\s+(?:next|following|previous|preceding|same|prior)\s+(?:{PART}|day|week|weekend|"
        rf"month|year|{DOW})|that\s+(?:same\s+)?(?:day|week|weekend|month|year|quarter|{PART})|the\s+same\s+day|the\s+day\s+(?:before|after)|"
        # "The year before, they fell": clause-final only ("the year before the merger" is undated).
        rf"the\s+(?:week|month|year)\s+(?:before|after)(?=\s*[,.;:]|\s*$)|"
        rf"the\s+(?:night|morning|evening)\s+(?:before|after)|(?:later|earlier)\s+that\s+(?:day|"
        rf"{PART}|week|weekend|month|year))(?!\w)",
    ),
    ("rel_dow", rf"(?i:this\s+past|this\s+coming|this|last|next)\s+{DOW}(?i:\s+{PART})?"),
    (
        "dow_part",
        # The lookahead spares the lookbehinds at every place no part of the day starts.
        rf"{DOW}(?i:'s)?\s+(?i:{PART})|(?=(?i:{PART}|dawn|dusk)\s){_NOT_COUNTED}(?i:{PART}|dawn|dusk)\s+"
        rf"(?:(?i:on)\s+)?{DOW}",
    ),
    (
        "dow_week",
        # British "Monday week", "a week on Monday", "Tuesday fortnight": that weekday a week (two) on.
        rf"{_DOW_NAME}\s+(?i:week|fortnight)(?![-\w])(?!\s*\d)(?!\s+(?i:of|ago|earlier|later|before|after|ahead)\b)|"
        # ("a week from Monday" is from_day's.)
        rf"(?i:a\s+(?:week\s+on|fortnight\s+(?:on|from)))\s+{_DOW_NAME}(?!\w)",
    ),
    ("dow", DOW),
    (
        "deictic_part",
        r"(?i:(?:this|yesterday|tomorrow|last|early\s+this|late\s+this)\s+(?:morning|afternoon|"
        r"evening|night)|tonight|overnight)(?!\w)",
    ),
    # "mid-afternoon (yesterday)", "in the morning" after a day was named: a part of a day.
    (
        "day_part",
        rf"(?i:mid-?\s?(?:morning|afternoon)(?:\s+(?:yesterday|today|tomorrow|{DOW}))?|"
        rf"(?=the\s){_IN_DURING}the\s+(?:(?:early|late)\s+)?(?:morning|afternoon|evening)|"
        # "Rescuers worked through the night": not "the night of Oct. 23", "the night before".
        rf"(?=the\s){_THROUGH}the\s+night(?![-\w]|\s+(?:of|before|after|when|that|and\s+day)\b)|"
        # "had gathered since early morning", "by late afternoon": the start or end of a day's part.
        rf"(?=early|late){_SINCE_UNTIL}(?:early|late)\s+"
        rf"(?:morning|afternoon|evening)(?![-\w]|\s+(?:hours|trading|session|news|show|edition)\b))(?!\w)",
    ),
    (
        "rel_unit",
        # After a possessive "last" is "final": "said this would be his last year", "in their last week".
        rf"(?i:(?:this\s+past|this\s+coming|this|(?=(?i:last)){_NOT_POSSESSED}last|"
        r"next|past|previous|coming|(?:the\s+)?current)\s+(?:week|weekend|month|year|decade|century|"
        # "this financial year" is British for "this fiscal year".
        r"(?:fiscal|financial)\s+year)|"
        # "over the past weekend": a weekend is a date, never a span as "the past week" is.
        r"the\s+(?:past|previous|coming|last|next)\s+weekend|"
        # "the week before last", "the year after next": two steps from the DCT's.
        r"the\s+(?:week|weekend|month|year)\s+(?:before\s+last|after\s+next)|"
        # "sales in the latest fiscal year": the last one completed.
        r"the\s+(?:latest|most\s+recent)\s+(?:fiscal|financial)\s+year)(?!\w)",
    ),
    (
        "the_unit",
        r"(?i:the\s+(?:past|last|coming|next|current)\s+(?:day|week|fortnight|month|year|decade|century)|"
        r"the\s+weekend|the\s+current\s+week|the\s+current\s+month|the\s+current\s+year|"
        # "resume paying a dividend in the new year": the year that begins next (or just began).
        r"the\s+new\s+year)(?![-\w])",
    ),
    # "later in the day", "earlier in the year": the unit of the DCT or of the last day named (ahead
    # of "the_year", which gives no value there).
    (
        "in_the_unit",
        rf"(?=(?i:the)\s){_EARLY_IN}(?i:the\s+(?:day|week|month|year))(?!\w)",
    ),
    (
        "the_year",
        # "the year to March" (British and wire usage) is "the year ended March".
        rf"(?i:the\s+(?:fiscal\s+|full\s+(?:fiscal\s+)?)?year(?=\s+(?:ended|ending|through)\b|\s+to\s+{MON}|\s*[,.;]|"
        r"\s+(?:were|was|rose|fell|is|are)\b)|"
        # "For the week, the index dropped 3.8%", "down 3% for the month.": a markets report's own week.
        rf"(?=the\s){_FOR}the\s+(?:week|month)(?=\s*[,.;])|"
        # "the week's most active session", "the year's first major": the period the story is in, as
        # in "his third win of the year" (the handler checks for the rank).
        rf"(?i:the)\s+(?:week|month|year)(?=['’]s\s)|(?=the\s){_OF}the\s+(?:week|month|year)(?![-\w'’])|"
        # "the first nine months of the year", "for the rest of the year": the year the part is of.
        rf"(?=the\s){_PART_OF}the\s+year(?![-\w]))",
    ),
    # Earnings-report periods: "the latest period", "the 1988 quarter" (the quarter under discussion).
    (
        "period",
        rf"(?i:the\s+(?:latest|most\s+recent|{YEAR})\s+(?:period|quarter)|"
        # "the same period of 2012" is "the 2012 period"; "the same month of 2012" the month reported.
        rf"the\s+(?:same|comparable|corresponding)\s+(?:period|month)\s+of\s+{YEAR})(?![-\w])",
    ),
    (
        "end_of_unit",
        r"(?i:(?:the\s+)?(?:end|beginning|start|middle|close)\s+of\s+(?:the|this|last|next)\s+"
        r"(?:(?:fiscal|current|calendar)\s+)?(?:year|month|week|quarter|decade|century)|year[-\s]end|year's\s+end|the\s+(?:near|short|long)\s+term)"
        r"(?![-\w])",
    ),
    (
        "duration",
        rf"(?i:(?:the\s+)?(?:(?:past|last|next|first|coming|previous|final|following|remaining|"
        rf"latest|initial|better\s+part\s+of\s+the)\s+)?(?:(?:{NUM_A}(?:\s+(?:to|or)\s+{NUM}|(?<=\d)[-–]\d+)?|{VAGUE})(?:\s+\d/\d)?"
        rf"(?:\s+(?:more|full|straight|consecutive|additional|long|short|whole|trading|business|working|"
        rf"calendar))?[-\s]+{UNIT}s?(?:\s+and\s+a\s+half)?(?:\s+or\s+(?:so|two))?|an?\s+(?:{NUM})-{UNIT}"
        # "a year-on-year rise", "a day-to-day basis": a comparison or a manner, no period.
        rf"\s+(?:period|term|span|stretch|window|interval))(?!-?\s*olds?\b|\w|-(?:on|over|to|by)-))",
    ),
    # "a decade-long war", "their day-long meeting", "decades-long": the adjective is the duration.
    ("unit_long", rf"(?i:(?:{NUM}-)?{UNIT}s?-long)(?!\w)"),
    (
        "first_units",
        # After a modal "last" is the verb: "the epidemic may last years" is a bare "years".
        rf"(?i:(?:the\s+)?(?:first|past|(?=last){_NOT_MODAL}last|"
        r"next|coming|early|(?<=\bthe\s)(?:following|subsequent|ensuing|intervening))\s+(?:few\s+)?"
        r"(?:days|weeks|months|years|decades|hours|minutes)|"
        # "in the weeks ahead": "the coming weeks" said the other way round.
        r"the\s+(?:days|weeks|months|years|decades)\s+ahead)(?!\w)",
    ),
    (
        "bare_units",
        # "took us years": an object pronoun may stand between "take" and the unit. "After weeks of
        # sparring" is no expression in TimeBank, but "within weeks or months of his capture" is.
        # The lookahead spares the lookbehinds at every place no unit starts.
        rf"(?i:(?=(?:years|months|weeks|days|decades|centuries|hours|minutes)\b){_TAKE_UNITS}"
        r"(?:years|months|weeks|days|decades|centuries|hours|minutes)"
        # "for weeks, or even months", "years and years": one span.
        r"(?:,?\s+(?:or|and)\s+(?:even\s+|perhaps\s+|possibly\s+)?(?:years|months|weeks|days|decades|hours))?)"
        rf"(?!\w|\s+(?:old|ago|earlier|later)\b|{_NOT_WITHIN_WORD}\s+of\b)",
    ),
    (
        "the_units",
        # "over the years", "in the days that followed": the stretch since a time told or understood.
        # The lookahead spares the lookbehinds at every place no "the" starts.
        rf"(?i:(?=the\s)(?:{_OVER_DURING}the\s+(?:years|decades|months|weeks)|"
        r"(?<=\bin\s)the\s+(?:years|decades|months|weeks|days)(?=\s+(?:that\s+followed|since)\b)))"
        r"(?!\w|\s+(?:before|after|ago|of|to\s+come|ahead)\b)",
    ),
    # "for a while", "for some time": a stretch of no stated length ("for a long time" is no expression
    # in TimeBank).
    ("a_while", r"(?i:(?<=\bfor\s)(?:a\s+(?:(?:little|short|long)\s+)?while|some\s+time))(?!\w)"),
    ("recent", r"(?i:recent\s+(?:days|weeks|months|years|decades))(?!\w)"),
    (
        "ref",
        # Not "the past four major finals", which counts events, not time.
        r"(?i:now|currently|recently|the\s+(?:(?:recent|distant)\s+)?past(?!\s+(?:\d|(?:two|three|four|five|"
        r"six|seven|eight|nine|ten|eleven|twelve|twenty|few|several|couple|dozen|many|half)\b))|"
        r"the\s+future|the\s+present|"
        r"nowadays|these\s+days|"
        # "current" before the noun it dates ("the current crisis", "his current wife"); not the noun
        # ("the current is strong"), nor the terms of accounts and physics, nor "the current year",
        # which names its unit.
        # The lookahead spares the lookbehinds at every place no "current" starts.
        r"(?=(?:then\s+)?current)(?<!\bloop\s)(?<!\belectric\s)(?<!\bocean\s)(?<!\btidal\s)(?<!\balternating\s)(?<!\bdirect\s)"
        r"(?:then\s+)?current(?=\s+[a-z])(?!\s+(?:account|accounts|affairs|assets|liabilities|ratio|"
        r"density|flow|flows|year|years|quarter|month|week|fiscal|calendar|term|session|"
        r"season|decade|century|is|was|are|were|has|had|have|will|would|can|could|may|might|and|or|of|"
        r"in|on|at|to|from|that|which|through|into|toward|towards|along|off|near|itself|very|we|it|they|"
        r"carries|carried|swept|pulled)\b)|"
        r"lately|today|tomorrow|yesterday|the\s+day\s+before\s+yesterday|"
        r"the\s+day\s+after\s+tomorrow|at\s+present|(?:the\s+)?(?:near|"
        r"distant|not[-\s]+(?:(?:too|so)[-\s]+)?distant|foreseeable)\s+future|as\s+soon\s+as\s+possible|"
        # "soon", not the conjunction "as soon as", "soon after" or "too soon to say".
        r"(?=soon)(?<!\bas\s)(?<!\btoo\s)(?<!\bhow\s)(?<!\bso\s)soon(?!\s+(?:after|afterwards?|thereafter|as)\b))(?![\w-])",
    ),
    (
        "set",
        rf"(?:(?i:(?:(?:once|twice|thrice)-)?(?:daily|weekly|fortnightly|monthly|annually|yearly|hourly|nightly)|(?:every|"
        rf"each)\s+(?:other\s+)?(?:{UNIT}|{DOW}|morning|afternoon|night|evening|weekend|(?:{NUM}|"
        rf"few)\s+{UNIT}s)|(?:once|twice|thrice|{NUM}\s+times)(?:\s+|-)(?:a|per|each|every)(?:\s+|-){UNIT}|"
        rf"{_DOW_NAME}s?\s+(?:mornings|afternoons|evenings|nights)|{_DOW_NAME}s(?!\w)|"
        rf"(?:mornings|afternoons|evenings|nights|weekends)|(?:every|each)\s+{SEASON}|"
        # "$1 million per year": a rate, as "a year" after an amount is.
        r"per\s+(?:year|month|week|day|hour|annum)))(?!\w)",
    ),
    # "every March": apart from "set" so that one runs on the lowercased text (a month's case counts).
    ("set_month", rf"(?i:every|each)\s+{MON}(?!\w)"),
    (
        "holiday",
        r"(?:(?i:last|this|next)\s+)?(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|"
        r"Easter(?:\s+(?:Sunday|Monday))?|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Halloween|"
        r"Valentine's\s+Day|Election\s+Day|Veterans\s+Day|Good\s+Friday|Black\s+Friday|Cyber\s+Monday|"
        r"(?:St\.?|Saint)\s+Patrick's\s+Day|Boxing\s+Day|Remembrance\s+(?:Day|Sunday)|Armistice\s+Day|"
        r"(?:Martin\s+Luther\s+)?King\s+(?:Jr\.?\s+)?Day|Presidents'?\s+Day|Columbus\s+Day|Ash\s+Wednesday|"
        r"Palm\s+Sunday|(?:Maundy|Holy)\s+Thursday|Holy\s+(?:Saturday|Week)|Shrove\s+Tuesday|Whit\s+(?:Sunday|Monday)|"
        r"Pentecost|Ascension\s+Day|May\s+Day|Bastille\s+Day|Canada\s+Day|Australia\s+Day|Earth\s+Day|"
        r"Juneteenth|Cinco\s+de\s+Mayo|(?:Guy\s+Fawkes|Bonfire)\s+Night)(?:\s+(?i:week(?:end)?))?(?!\w)",
    ),
    (
        "spelled_year",
        rf"(?:{MON}\s+|(?i:(?:the\s+)?{SEASON}\s+of\s+|the\s+year\s+))?"
        rf"{SPELLED_YEAR}",
    ),
    (
        "year",
        # "1987-2005", "2012/13": the second year of a span is a year too (checked in the rule).
        rf"(?:(?<![\w$£€#.,/])(?<!\d-)|(?<=(?<![\w$£€#.,/-])(?:1[0-9]|20)\d\d[-–/]))"
        rf"(?:(?i:fiscal(?:\s+year)?|the\s+(?:fiscal\s+)?year|calendar\s+year|"
        rf"FY)\s*)?{YEAR}",
    ),
    (
        "short_year",
        # "the 2012-13 season", "2012/13", "the 1918-19 pandemic": the second year written short.
        r"(?=\d\d)(?<=(?<![\w$£€#.,/-])(?:1[0-9]|20)\d\d[-–/])\d\d(?![\w%]|[-–/.,:]\d)",
    ),
]  # fmt: skip

# Every rule's match contains a trigger word of one of its classes; a rule only runs in windows
# around those triggers, which keeps tagging far cheaper than scanning the text with every rule.
_NUMBER = re.compile(r"\d[\d:/.,]*(?:'?s)?")
# The same on ASCII text, where a class of ASCII digits finds the numbers twice as fast as \d.
_ASCII_NUMBER = re.compile(r"[0-9][0-9:/.,]*(?:'?s)?")
_CLOCK_AFTER = re.compile(rf"\s*[ap]\.?m\b|\s+{_ZONE}\b|{_GLUED_ZONE}\b", re.I)


def _classes() -> dict[str, tuple[str, ...]]:
    """Trigger word -> classes, case-insensitive and case-sensitive (month and holiday names)."""
    lower: dict[str, set[str]] = {}

    def add(cls: str, words: str) -> None:
        for w in words.split():
            lower.setdefault(w, set()).add(cls)

    add("DOW", " ".join(f"{d} {d}s" for d in WEEKDAYS))
    add(
        "UNIT",
        "second seconds minute minutes hour hours day days night nights week weeks fortnight fortnights "
        "weekend period "
        "weekends month months quarter quarters year years decade decades century centuries",
    )
    add(
        "DEICTIC",
        "now today tomorrow yesterday currently current recently recent lately nowadays past future present "
        "days term soon",
    )
    add(
        "PART",
        "morning afternoon evening night tonight overnight noon midnight midday dawn dusk daybreak clock "
        "midmorning midafternoon",
    )
    add("SEASON", "spring summer fall autumn winter")
    add("SEASONS", "springs summers falls autumns winters weekends")
    add(
        "SET",
        "daily weekly fortnightly monthly annually yearly hourly nightly every each once twice thrice times "
        "mornings afternoons evenings nights weekends per",
    )
    add("DECADE", " ".join(DECADE_WORDS))
    add("HALF", "half")
    add("AGO", "ago")
    add("WHILE", "while time")
    add("YEAR", "nineteen thousand")
    add("HOUR", " ".join(HOUR_WORDS))
    cased: dict[str, set[str]] = {}
    for name in MONTHS:
        for form in (name.capitalize(), name.upper()):
            cased.setdefault(form, set()).add("MON")
    for w in [
        "Christmas",
        "Easter",
        "Thanksgiving",
        "Halloween",
        "Year",
        "Valentine",
        "Independence",
        "Labor",
        "Memorial",
        "Election",
        "Veterans",
        "Good",
        "Black",
        "Cyber",
        "Patrick",
        "Boxing",
        "Remembrance",
        "Armistice",
        "King",
        "Presidents",
        "Columbus",
        "Ash",
        "Palm",
        "Maundy",
        "Holy",
        "Shrove",
        "Whit",
        "Pentecost",
        "Ascension",
        "May",
        "Bastille",
        "Canada",
        "Australia",
        "Earth",
        "Juneteenth",
        "Cinco",
        "Fawkes",
        "Bonfire",
    ]:
        cased.setdefault(w, set()).add("HOLIDAY")
    for w in ("Q", "H"):
        cased.setdefault(w, set()).add("ABBR")  # "Q1", "1Q", "H1": the letter stands alone once digits go
    # One dictionary keyed by the token as written: lower, Capitalised and UPPER forms of the
    # case-insensitive words, exact forms of the names; one look-up per token in the hot loop.
    table: dict[str, set[str]] = {}
    for word, classes in lower.items():
        for form in (word, word.capitalize(), word.upper()):
            table.setdefault(form, set()).update(classes)
    for word, classes in cased.items():
        table.setdefault(word, set()).update(classes)
    return {k: tuple(sorted(v)) for k, v in table.items()}


_CLASSES = _classes()
_TRIGGER_BYTES = frozenset(w.encode() for w in _CLASSES)
_LETTERS_ONLY = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))


def letter_runs(text: str) -> list[bytes]:
    """The runs of ASCII letters in `text`, as bytes: every other character (a multi-byte one too)
    is blanked and the bytes split, far faster than a regex finds words. Any ASCII word that stands
    alone in `text` is among them, so a set of such words is screened against them at C speed."""
    return text.encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY).split()


def _occurrences(text: str, word: str) -> list[int]:
    """Start offsets of `word` in `text` as a whole word (str.find is far faster than a regex here)."""
    found: list[int] = []
    n = len(word)
    i = text.find(word)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n : i + n + 1]
        if not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha()):
            found.append(i)
        i = text.find(word, i + n)
    return found


def _triggers(text: str) -> list[tuple[str, int, int]]:
    """(class, start, end) of every trigger: the distinct trigger words of the text are found with
    C-level set operations, then only their occurrences are located."""
    out: list[tuple[str, int, int]] = []
    words = _TRIGGER_BYTES.intersection(letter_runs(text))
    for word in (w.decode() for w in words):
        classes = _CLASSES[word]
        if classes == ("HOUR",):
            # A spelled hour is a clock only with "a.m." or "o'clock" after it ("six a.m."): "one"
            # and "ten" are far too common to open a window of their own otherwise.
            out.extend(
                ("CLOCK", i, i + len(word))
                for i in _occurrences(text, word)
                if _SPELLED_CLOCK_AFTER.match(text, i + len(word))
            )
            continue
        for start in _occurrences(text, word):
            out.extend((cls, start, start + len(word)) for cls in classes)
    for m in (_ASCII_NUMBER if text.isascii() else _NUMBER).finditer(text):
        tok = m.group()
        start, end = m.span()
        digits = tok.rstrip(".,:").removesuffix("'s")  # "1979: Ixtoc blows out" heads a chronology
        # A number glued to letters is a name, a code or a zoned clock ("1963Tiger", "1737GMT").
        glued = text[end : end + 1].isalpha()
        if len(digits) == 4 and digits.isdigit() and digits[:2] in _YEAR_PREFIXES and not glued:
            out.append(("YEAR", start, end))
        if tok.endswith("s") and tok.removesuffix("s").removesuffix("'")[-1:] == "0":
            out.append(("DECADE", start, end))  # "1990s", "90s", "1980's"
        if ":" in digits or _CLOCK_AFTER.match(text, end):
            out.append(("CLOCK", start, end))
        if "/" in digits or digits.count(".") == 2:  # "3/22/2013", "22.03.2013"
            out.append(("NUMDATE", start, end))
            if _YEAR_PAIR.fullmatch(digits):  # "2012/2013", "2012/13": two years, each a trigger
                out.extend((("YEAR", start, start + 4), ("YEAR", start + 5, end)))
        if text[end : end + 2] in _ORDINAL_SUFFIXES:
            out.append(("ORDINAL", start, end + 2))
    return out


_SPELLED_CLOCK_AFTER = re.compile(r"\s+(?:[ap]\.m\b|o['’]clock\b)", re.I)
_ORDINAL_SUFFIXES = frozenset(("st", "nd", "rd", "th"))
_YEAR_PAIR = re.compile(r"(?:1\d|20)\d\d/(?:(?:1\d|20)\d\d|\d\d)")
_YEAR_PREFIXES = frozenset(f"{i}" for i in range(10, 21))
# How far before and after a trigger word its class's matches can reach (characters): the longest
# prefix ("the better part of the past several") and suffix ("10:35 a.m. EST, Nov. 6, 1989") seen.
_MARGINS: dict[str, tuple[int, int]] = {
    "MON": (30, 20),
    "DOW": (30, 25),
    "UNIT": (45, 20),
    "DEICTIC": (35, 25),
    "PART": (30, 30),
    "SEASON": (25, 20),
    "SEASONS": (40, 5),
    "SET": (12, 30),
    "DECADE": (20, 5),
    "HALF": (25, 30),  # "this year's second half"
    "AGO": (25, 3),
    "WHILE": (25, 3),  # "for a little while", "for some time"
    "ABBR": (2, 12),
    "CLOCK": (5, 45),
    "YEAR": (25, 12),
    "NUMDATE": (5, 15),
    "HOLIDAY": (15, 20),
    "ORDINAL": (20, 30),
}
# Which trigger classes can occur in each rule's matches.
_RULE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "iso": ("YEAR",),
    "slash": ("NUMDATE",),
    "time": ("CLOCK", "PART"),
    "time_in": ("PART",),
    "dmy": ("MON",),
    "mdy": ("MON",),
    "dm": ("MON",),
    "spelled_dm": ("MON",),
    "spelled_md": ("MON",),
    "second_day": ("MON",),
    "first_day": ("MON",),
    "week_of": ("MON",),
    "weeks_of_month": ("MON",),
    "day_of_month": ("ORDINAL",),
    "my": ("MON",),
    "month_rel_year": ("MON", "SEASON"),
    "month_anaphor": ("MON",),
    "rel_month": ("MON",),
    "month": ("MON",),
    "seasons": ("SEASONS",),
    "season": ("SEASON",),
    "decade": ("DECADE",),
    "century": ("UNIT",),
    "half": ("HALF",),
    "abbr_period": ("ABBR",),
    "quarter": ("UNIT",),
    "from_day": ("UNIT",),
    "ago": ("UNIT", "AGO"),
    "year_ago_adj": ("UNIT",),
    "anaphor": ("UNIT", "DOW", "PART"),
    "rel_dow": ("DOW",),
    "dow_part": ("DOW",),
    "dow_week": ("DOW",),
    "dow": ("DOW",),
    "deictic_part": ("PART",),
    "day_part": ("PART",),
    "rel_unit": ("UNIT",),
    "the_unit": ("UNIT",),
    "the_year": ("UNIT",),
    "in_the_unit": ("UNIT",),
    "period": ("YEAR", "UNIT"),
    "end_of_unit": ("UNIT", "DEICTIC"),
    "duration": ("UNIT",),
    "unit_long": ("UNIT",),
    "first_units": ("UNIT",),
    "bare_units": ("UNIT",),
    "a_while": ("WHILE",),
    "the_units": ("UNIT",),
    "recent": ("DEICTIC",),
    "ref": ("DEICTIC",),
    "set": ("SET", "DOW", "PART"),
    "set_month": ("SET",),
    "holiday": ("HOLIDAY",),
    "year": ("YEAR",),
    "short_year": ("YEAR",),
    "spelled_year": ("YEAR",),
}


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per trigger class, merged [start, end) stretches around its trigger words, cut at whitespace."""
    spans: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for cls, start, end in _triggers(text):
        before, after = _MARGINS[cls]
        lo = max(0, start - before)
        hi = min(n, end + after)
        # Cut at whitespace so a window never ends inside a word (lookaheads then see a boundary).
        while hi < n and not text[hi].isspace():
            hi += 1
        spans.setdefault(cls, []).append((lo, hi))
    return {k: _merge(v) for k, v in spans.items()}


def compile_pattern(pattern: str) -> re.Pattern[str] | regex.Pattern[str]:
    """The pattern compiled by the stdlib engine when it accepts it (several times faster here), else
    by `regex` (variable-width lookbehinds, repeated group names)."""
    try:
        return re.compile(pattern)
    except re.error:
        return regex.compile(pattern)


RULES: tuple[tuple[str, re.Pattern[str] | regex.Pattern[str]], ...] = tuple(
    (name, compile_pattern(rf"(?<![\w]){pattern}")) for name, pattern in _RULES
)
_PRIORITY = {name: i for i, (name, _) in enumerate(_RULES)}


@functools.cache
def _caseless_rules() -> dict[str, re.Pattern[str]]:
    """Rules that read the same without their (?i) flag on the lowercased text, where they run faster.
    Built on first use: checking and compiling them takes 40 to 70 ms that `timeline --help` need not pay."""
    return {name: fast for name, pattern in _RULES if (fast := caseless(rf"(?<![\w]){pattern}")) is not None}


class Candidate(NamedTuple):
    """A span one rule matched, before normalisation (a tuple: hundreds are built per document)."""

    start: int
    end: int
    rule: str
    match: re.Match[str] | regex.Match[str]


# A rule can only match a window holding one of these (lowercase) strings: a substring test is far
# cheaper than running its regex. Rules without an entry always run on their windows. A string holds
# no space: the rules allow any whitespace between words ("last\nyear").
_ASCII_DIGITS = tuple("0123456789")  # the rule's day number or year opens with an ASCII digit
_SPELLED_ORDINALS = (*_UNITS_ORD, "tenth", "eleventh", "twelfth", "teenth", "tieth")
# The unit these rules match is always plural: rarer in a window than the words before it.
_PLURAL_UNITS = ("years", "months", "weeks", "days", "decades", "centuries", "hours", "minutes")
_RULE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "iso": ("-",),
    "dmy": _ASCII_DIGITS,
    "mdy": _ASCII_DIGITS,
    "dm": _ASCII_DIGITS,
    "spelled_dm": _SPELLED_ORDINALS,
    "spelled_md": _SPELLED_ORDINALS,
    "week_of": ("week",),
    "weeks_of_month": ("week",),
    "second_day": _ASCII_DIGITS,
    "first_day": _ASCII_DIGITS,
    "my": _ASCII_DIGITS,
    "slash": ("/", "."),
    "month_rel_year": ("year",),
    "month_anaphor": ("that", "following", "next", "previous", "preceding", "same"),
    "rel_month": ("this", "last", "next"),
    "seasons": ("past", "last", "previous", "next", "coming"),
    "century": ("centur",),
    "half": ("half",),
    "quarter": ("quarter", "period"),
    "from_day": ("from",),
    "ago": ("ago", "earlier", "later", "before", "after", "now", "today", "hence"),
    "year_ago_adj": ("year",),
    "anaphor": ("next", "following", "previous", "preceding", "same", "prior", "that", "before",
                "after"),
    "rel_dow": ("this", "last", "next"),
    "dow_week": ("week", "fortnight"),
    "dow_part": ("morning", "afternoon", "evening", "night", "dawn", "dusk"),
    "rel_unit": ("this", "last", "next", "past", "previous", "coming", "current", "latest", "recent"),
    "the_unit": ("the",),
    "the_year": ("the",),
    "period": ("period", "quarter", "month"),
    "end_of_unit": ("end", "beginning", "start", "middle", "close", "term"),
    "unit_long": ("-long",),
    "first_units": _PLURAL_UNITS,
    "bare_units": _PLURAL_UNITS,
    "a_while": ("while", "some"),
    "the_units": _PLURAL_UNITS,
    "recent": ("recent",),
    "spelled_year": ("nineteen", "thousand"),
    "set_month": ("every", "each"),
    "set": ("daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "every", "each", "once",
            "twice", "thrice", "times", "days", "mornings", "afternoons", "evenings", "nights", "weekends",
            "per"),
}  # fmt: skip


# The same words as one pattern per rule, searched in each window only: windows cover a tenth of a
# text, so this beats testing the whole text for the words first (by 95 us a document on AQUAINT).
_KEYWORD_PATTERNS: dict[str, re.Pattern[str]] = {
    name: re.compile("|".join(map(re.escape, words))) for name, words in _RULE_KEYWORDS.items()
}


def candidates(text: str) -> list[Candidate]:
    """Every rule's matches, resolved to the longest non-overlapping spans, sorted by start."""
    found: list[Candidate] = []
    by_class = windows(text)
    lower = lowered(text)
    merged: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    caseless_rules = _caseless_rules()
    for name, pattern in RULES:
        classes = _RULE_TRIGGERS[name]
        spans = merged.get(classes)
        if spans is None:
            # One class's windows come merged already; several classes' may overlap.
            if len(classes) == 1:
                spans = by_class.get(classes[0], [])
            else:
                spans = _merge([w for cls in classes for w in by_class.get(cls, ())])
            merged[classes] = spans
        keywords = _KEYWORD_PATTERNS.get(name)
        fast = caseless_rules.get(name)
        for lo, hi in spans:
            if keywords is not None and keywords.search(lower, lo, hi) is None:
                continue
            if fast is None:
                matches = pattern.finditer(text, lo, hi)
            else:
                # Found on the lowercase copy; matched again on the text so groups keep their case.
                matches = (pattern.match(text, m.start(), hi) for m in fast.finditer(lower, lo, hi))
            for m in matches:
                if m is not None and m.end() > m.start():
                    found.append(Candidate(m.start(), m.end(), name, m))
    found.sort(key=lambda c: (c.start, -(c.end - c.start), _PRIORITY[c.rule]))
    return found


def select(found: list[Candidate]) -> list[Candidate]:
    """Greedy longest-first choice of non-overlapping candidates (ties: earlier rule wins)."""
    ordered = sorted(found, key=lambda c: (-(c.end - c.start), c.start, _PRIORITY[c.rule]))
    # One byte per character marks what is taken: overlap tests are C-level finds, not Python loops.
    end = max((c.end for c in found), default=0)
    taken = bytearray(end)
    chosen: list[Candidate] = []
    for c in ordered:
        if taken.find(1, c.start, c.end) < 0:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
