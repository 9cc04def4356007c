"""Quoted speech: 'today' inside a quote means the day the words were spoken, not the publication date.

A deictic day word ('today', 'tonight', 'yesterday', 'tomorrow', 'this morning') inside a quotation is
re-anchored on the day the sentence gives for the speech ('he said in a tweet posted at dawn Tuesday')
or on the date of an embedded post's signature line ('— Name (@handle) April 18, 2017').
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from timeline.model import Timex
from timeline.temporal.anchor import sentence_bounds
from timeline.temporal.grammar import MONTHS

_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_PART_WORDS = re.compile(r"(?i)^this\s+(?:morning|afternoon|evening)$")
# "— Donald J. Trump (@realDonaldTrump) April 18, 2017": the signature of an embedded social post.
_SIGNATURE = re.compile(
    r"[—–-]+\s*[^\n()]{1,80}\(@\w+\)\s*(?P<mon>[A-Z][a-z]+)\.?\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})"
)
# The attribution must say who spoke: '..." he said in a tweet posted at dawn Tuesday.'
_SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|told|tweeted|posted|wrote|added|declared|announced|stated)\b", re.IGNORECASE
)
# How far after a closing quote its attribution clause may name the day of speaking (characters).
_ATTRIBUTION_REACH = 100
_OPEN = ("“", "``", '"')
_CLOSE = ("”", "''", '"')


def _delta(t: Timex) -> int | None:
    low = t.text.lower()
    if low in _DEICTIC:
        return _DEICTIC[low]
    if _PART_WORDS.match(low):
        return 0
    return None


def _in_quote(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Bounds of the quotation around [start, end), or None when it is not quoted."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    opened = max((text.rfind(q, para_start, start), q) for q in _OPEN)
    if opened[0] < 0:
        return None
    if opened[1] == '"' and text.count('"', para_start, start) % 2 == 0:
        return None
    closers = [text.find(q, end, para_end) for q in _CLOSE]
    closers = [c for c in closers if c >= 0]
    if not closers:
        return None
    close = min(closers)
    if any(text.rfind(q, opened[0] + 1, start) >= 0 for q in ("”", "''")):
        return None
    return opened[0], close


def _signature_day(text: str, end: int) -> dt.date | None:
    """The date of an embedded post signature within the next two paragraphs, if any."""
    window = text[end : end + 400]
    m = _SIGNATURE.search(window)
    if m is None or window[: m.start()].count("\n\n") > 1:
        return None
    month = MONTHS.get(m["mon"].lower())
    try:
        return dt.date(int(m["year"]), month, int(m["day"])) if month else None
    except ValueError:
        return None


def reanchor_quoted(text: str, timexes: list[Timex]) -> list[Timex]:
    """Deictic day words inside quotes re-anchored on the speech day the context gives."""
    out: list[Timex] = []
    for t in timexes:
        delta = _delta(t)
        if delta is None or t.range_start is None:
            out.append(t)
            continue
        speech = _signature_day(text, t.end)
        quote = _in_quote(text, t.start, t.end)
        if speech is None and quote is not None:
            _, right = sentence_bounds(text, quote[1], quote[1] + 1)
            for other in timexes:
                # The attribution right after the quote: '..." he said in a tweet posted at dawn Tuesday.'
                if (
                    quote[1] < other.start <= quote[1] + _ATTRIBUTION_REACH
                    and other.end <= right
                    and _SPEECH_VERB.search(text, quote[1], other.start)
                    and other.granularity in ("day", "time")
                    and other.range_start is not None
                    and _delta(other) is None
                ):
                    speech = other.range_start
                    break
        if speech is None:
            out.append(t)
            continue
        day = speech + dt.timedelta(days=delta)
        suffix = t.value[10:] if len(t.value) > 10 else ""
        out.append(
            dataclasses.replace(
                t,
                value=day.isoformat() + suffix,
                range_start=day,
                range_end=day,
                anchor="anaphora",
                confidence=min(t.confidence, 0.8),
            )
        )
    return out
