"""Clock times without a day take the day their sentence gives ('10:35 a.m. (0735 GMT) Friday'), as
do parts of the day read from an earlier sentence's day ('a pre-dawn raid on April 22').

The normaliser resolves left to right, so a bare time only knows the dates before it; this pass,
run once all expressions are resolved, moves a bare time that fell back on the DCT (or on another
bare time's guess) onto the nearest day-grain date of its own sentence when there is one.
"""

from __future__ import annotations

import dataclasses
import re

from timeline.model import Timex
from timeline.temporal.anchor import ATTRIBUTION_VERBS, sentence_bounds

_CLOCK = re.compile(r"\d|noon|midnight|midday|o['’]clock|[ap]\.m", re.IGNORECASE)
_DAY_PART = re.compile(r"(?i:morning|afternoon|evening|night|dawn|dusk|daybreak)")
# A time that names its day ("4 a.m. EDT Thursday", "11.30 pm that night") keeps it, and can lend it
# to a bare one next to it.
_NAMED_DAY = re.compile(
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|that\s)"
    r"|[A-Z][a-z]+\.? \d"
)
# How far (characters) a day may sit from the time it dates: "at 10:35 a.m. (0735 GMT) Friday".
_REACH = 40
# Words between a time and a day that start another clause, whose day is not the time's: "aired at
# 9 p.m. ET; the second will be shown on Friday night"; or that go on to another day: "worked
# through the night and into Tuesday".
_OTHER_CLAUSE = re.compile(r";|\b(?:will|would|was|were|is|are|has|have|had|into)\b", re.IGNORECASE)
# A day an attribution gives after the time is when the report came, not when the time fell: "left
# the tracks at 8:41 p.m., officials said on Thursday".
_REPORTED = re.compile(rf"\b(?:says|{ATTRIBUTION_VERBS})\s+(?:on\s+)?$", re.IGNORECASE)


def attach_times(text: str, timexes: list[Timex]) -> list[Timex]:
    """Bare clock times re-anchored on the nearest day-grain date of their sentence."""
    out = list(timexes)
    for k, t in enumerate(timexes):
        if t.type != "TIME" or t.anchor not in ("dct", "anaphora") or t.value[10:11] != "T":
            continue
        if not (_CLOCK.search(t.text) or (t.anchor == "anaphora" and _DAY_PART.search(t.text))):
            # Only clock times and parts of the day read from the day last named ("a pre-dawn raid on
            # the home on April 22" after "April 2" in the sentence before); "tonight" names its own.
            continue
        if _NAMED_DAY.search(t.text):
            continue  # the day is written in the expression itself ("10 p.m. Wednesday"), not "1925 GMT"
        left, right = sentence_bounds(text, t.start, t.end)
        days = [
            o
            for o in timexes
            if o is not t
            and (o.granularity == "day" or (o.granularity == "time" and _NAMED_DAY.search(o.text)))
            and o.range_start is not None
            and left <= o.start < right
            and min(abs(o.start - t.end), abs(t.start - o.end)) <= _REACH
            and not _OTHER_CLAUSE.search(text, min(t.end, o.end), max(t.start, o.start))
            and not (o.start >= t.end and _REPORTED.search(text, max(0, o.start - 16), o.start))
        ]
        if t.anchor == "anaphora":
            # A time read from the day before it keeps a day named just before it ("on Saturday, 29
            # January at 0330 GMT and 1830 GMT"); one that took a bare time's guess moves to the day
            # named after it ("at 1425 local time (1925 GMT) on Thursday").
            if any(o.end <= t.start and o.granularity == "day" for o in days):
                continue
            days = [o for o in days if o.start >= t.end]
        if not days:
            continue
        day = min(days, key=lambda o: min(abs(o.start - t.end), abs(t.start - o.end)))
        assert day.range_start is not None
        out[k] = dataclasses.replace(
            t,
            value=day.range_start.isoformat() + t.value[10:],
            range_start=day.range_start,
            range_end=day.range_start,
            anchor=day.anchor,
            confidence=min(t.confidence, day.confidence),
        )
    return out
