"""The temporal tagger: find TIMEX3 expressions in a text and normalise them against a publication date.

`tag(text, dct)` -> sorted `Timex` list; `format_timexes(text, timexes, fmt)` renders them as text,
JSON or inline TimeML. Relative expressions are resolved against `dct` only, never against the clock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from xml.sax.saxutils import escape, quoteattr

import regex

from timeline.model import Timex
from timeline.temporal.attach import attach_times
from timeline.temporal.calendar import closing_quarter, narrow, value_range
from timeline.temporal.grammar import candidates, select
from timeline.temporal.normalise import Context, Norm, normalise
from timeline.temporal.speech import reanchor_quoted
from timeline.temporal.stamps import live_blog_stamps

__all__ = ["coerce_dct", "format_timexes", "tag"]

_DCT = regex.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})")
_RESOLVED_TYPES = ("DATE", "TIME")
# "Two months into the disaster", "100 days into his term": a point in the story the text does not
# date, unless the amount is the object of a preposition ("pumped for 12 hours into the night").
_INTO_AFTER = regex.compile(r"\s+into\s+(?:the|his|her|its|their|a|an)\b")
_GOVERNED_BEFORE = regex.compile(r"(?i:\b(?:for|over|in|within|during|after|about|around|of)\s+)$")
# "the fiscal first quarter ended Sept. 30": the day that closes a period is no period of its own to
# compare with ("..., a year ago" is that quarter's year-ago one).
_CLOSING_DAY = regex.compile(r"(?i:\b(?:ended|ending)\s+)$")
# "the three months ended Dec. 29" is a quarter told by its length: later "a year earlier" and "the
# quarter" refer to it.
_QUARTER_BY_LENGTH = regex.compile(
    r"(?i:\b(?:three|3)[-\s]months?\s+(?:that\s+)?(?:ended|ending|through|to)\s+)$"
)
# "the first three months of 2013", "the final three months of the year": its first or last quarter.
_YEAR_QUARTER_BY_LENGTH = regex.compile(r"(?i:\b(first|last|final)\s+(?:three|3)\s+months\s+of\s+)$")
# "the day before" right in front of a day it counts from ("the day before last Tuesday's hearing").
_OFFSET_HEAD = regex.compile(r"(?i:the\s+)?(?:day|night|morning|evening)\s+(before|after)")


def coerce_dct(dct: str | dt.date | dt.datetime | None) -> dt.date | None:
    """A publication date from a date, an ISO string or a TimeML timestamp ('1998-01-08T06:42')."""
    if dct is None:
        return None
    if isinstance(dct, dt.datetime):
        return dct.date()
    if isinstance(dct, dt.date):
        return dct
    m = _DCT.match(str(dct))
    if m is None:
        raise ValueError(f"unreadable publication date {dct!r}: expected YYYY-MM-DD")
    return dt.date(int(m[1]), int(m[2]), int(m[3]))


def _to_timex(n: Norm, text: str) -> Timex:
    """Attach the calendar range and granularity to a normalised expression."""
    rng = value_range(n.value) if n.type in _RESOLVED_TYPES else None
    granularity = rng[2] if rng else None
    if granularity is None and n.type in _RESOLVED_TYPES and n.value[10:11] == "T":
        granularity = "time"  # an unresolved clock time such as XXXX-XX-XXT20:00
    if rng is not None:
        rng = (*narrow(rng[0], rng[1], rng[2], n.mod), rng[2])
    return Timex(
        start=n.start,
        end=n.end,
        text=text[n.start : n.end],
        type=n.type,  # type: ignore[arg-type]
        value=n.value,
        mod=n.mod,
        range_start=rng[0] if rng else None,
        range_end=rng[1] if rng else None,
        granularity=granularity,  # type: ignore[arg-type]
        anchor=n.anchor,
        confidence=n.confidence,
    )


def _offset_from_next(prev: Timex, timex: Timex, text: str) -> Timex | None:
    """'the day before' + a day right after it: one expression, a day off that day (else None)."""
    head = _OFFSET_HEAD.fullmatch(prev.text)
    if head is None or text[prev.end : timex.start].strip() or timex.range_start is None:
        return None
    if timex.granularity not in ("day", "time"):
        return None
    day = timex.range_start + dt.timedelta(days=-1 if head[1].lower() == "before" else 1)
    confidence = min(prev.confidence, timex.confidence)
    merged = Norm(prev.start, timex.end, "DATE", day.isoformat(), None, timex.anchor, confidence)
    return _to_timex(merged, text)


def tag(text: str, dct: str | dt.date | None) -> list[Timex]:
    """Temporal expressions in `text`, normalised to TIMEX3 against publication date `dct`, by start."""
    day = coerce_dct(dct)
    ctx = Context(text=text, dct=day)
    out: list[Timex] = []
    last_end = 0
    days: list[dt.date] = []
    stamps = live_blog_stamps(text, day)
    stamp_starts = {n.start for n in stamps}
    for cand in select(candidates(text)):
        if cand.start in stamp_starts:
            continue  # "2059:" heading a live-blog entry is a clock time, not a year
        try:
            n = normalise(cand, ctx)
            if n is not None and n.start < last_end <= cand.start:
                # A prefix pulled in ("nearly", "early") would overlap the previous expression.
                n = normalise(cand, ctx, extend=False)
        except (ValueError, OverflowError):
            # Calendar arithmetic out of range ("2017 years earlier"): not a usable expression.
            continue
        if n is None or n.start < last_end or n.end <= n.start:
            continue
        timex = _to_timex(n, text)
        merged = _offset_from_next(out[-1], timex, text) if out else None
        if merged is not None:
            # The anaphor was resolved from the wrong day; the day named after it is its anchor.
            out[-1] = timex = merged
        else:
            out.append(timex)
        last_end = n.end
        if timex.resolved and timex.type in _RESOLVED_TYPES:
            # Later anaphora ("the next day", "a year earlier") count from the last resolved date.
            last_day, prior_day = ctx.last_day, ctx.prior_day
            if timex.granularity in ("day", "time"):
                if timex.range_start != last_day:
                    prior_day = last_day
                last_day = timex.range_start
                days.append(timex.range_start)
            elif (
                # A period that does not hold the day last named ("so far this month" after "March 20,
                # 2003") brings the story back: anaphora count from the last day named inside it.
                last_day is not None
                and timex.range_start is not None
                and timex.range_end is not None
                and not timex.range_start <= last_day <= timex.range_end
            ):
                inside = [d for d in days if timex.range_start <= d <= timex.range_end]
                if inside:
                    last_day = inside[-1]
            # "A year earlier" compares with the period last *named*, so anaphoric values do not chain.
            closing = (
                timex.granularity == "day"
                and ctx.last_period is not None
                and _CLOSING_DAY.search(text, max(0, timex.start - 12), timex.start) is not None
            )
            last_value = ctx.last_value if timex.anchor == "anaphora" or closing else timex.value
            last_period = ctx.last_period
            if timex.anchor != "anaphora" and timex.granularity in ("month", "quarter"):
                last_period = timex.value
            elif (
                timex.granularity == "day"
                and timex.range_start is not None
                and _QUARTER_BY_LENGTH.search(text, max(0, timex.start - 30), timex.start) is not None
            ):
                last_period = last_value = closing_quarter(timex.range_start.year, timex.range_start.month)
            elif timex.granularity == "year" and (
                edge := _YEAR_QUARTER_BY_LENGTH.search(text, max(0, timex.start - 40), timex.start)
            ):
                # "the first three months of the year": its first quarter.
                last_period = last_value = f"{timex.value[:4]}-Q{1 if edge[1].lower() == 'first' else 4}"
            ctx = Context(text, day, last_day, last_value, timex.end, timex.value, prior_day, last_period)
        elif (
            timex.type == "DURATION"
            and ctx.last_day is not None
            and _INTO_AFTER.match(text, timex.end)
            and not _GOVERNED_BEFORE.search(text, max(0, timex.start - 12), timex.start)
        ):
            # The story has moved to a day it does not name: "two days later" no longer counts from
            # the day named before.
            ctx = dataclasses.replace(ctx, last_day=None, prior_day=None)
    out = attach_times(text, reanchor_quoted(text, out))
    if stamps:
        # Added last: a stamp dates its entry by the page's own clock, never by a day nearby.
        kept = [t for t in out if not any(n.start < t.end and t.start < n.end for n in stamps)]
        out = sorted([*kept, *(_to_timex(n, text) for n in stamps)], key=lambda t: t.start)
    return out


def _timeml(text: str, timexes: list[Timex]) -> str:
    parts: list[str] = []
    pos = 0
    for i, t in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        if t.start < pos:
            continue
        parts.append(escape(text[pos : t.start]))
        attrs = f"tid={quoteattr(f't{i}')} type={quoteattr(t.type)} value={quoteattr(t.value)}"
        if t.mod:
            attrs += f" mod={quoteattr(t.mod)}"
        parts.append(f"<TIMEX3 {attrs}>{escape(t.text)}</TIMEX3>")
        pos = t.end
    parts.append(escape(text[pos:]))
    return "".join(parts)


def _json_row(t: Timex) -> dict[str, object]:
    return {
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "mod": t.mod,
        "range_start": t.range_start.isoformat() if t.range_start else None,
        "range_end": t.range_end.isoformat() if t.range_end else None,
        "granularity": t.granularity,
        "anchor": t.anchor,
        "confidence": t.confidence,
    }


def format_timexes(text: str, timexes: list[Timex], fmt: str) -> str:
    """Render tagged expressions as 'text' (one per line), 'json' or 'timeml' (inline TIMEX3 tags)."""
    if fmt == "json":
        return json.dumps([_json_row(t) for t in timexes], indent=2, ensure_ascii=False)
    if fmt == "timeml":
        return _timeml(text, timexes)
    if fmt == "text":
        lines = []
        for t in timexes:
            span = f"{t.range_start}..{t.range_end}" if t.resolved else "-"
            mod = f" {t.mod}" if t.mod else ""
            lines.append(f"{t.start}-{t.end}\t{t.text}\t{t.type}\t{t.value}{mod}\t{span}\t{t.anchor}")
        return "\n".join(lines)
    raise ValueError(f"unknown format {fmt!r}: expected text, json or timeml")
