"""Helpers every exporter shares: spans vs points, lanes, quote highlighting, safe links.

Keeping these in one place means the site, TimelineJS, CSV and ICS agree on what an event
looks like (same lane/group, same span rule, same highlighted expression).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from timeline.model import Article, Event, Mention, Timeline

# Granularities that name a stretch of time, not a day: drawn as spans, never as fake points.
COARSE_GRANULARITIES = frozenset({"week", "month", "quarter", "season", "year", "decade", "century"})

# At most this many named lanes; every other event goes to OTHER_LANE.
MAX_LANES = 5
OTHER_LANE = "Other"

# Fallback lanes (when actors do not separate the events), top to bottom.
PRECISION_LANES: tuple[str, ...] = (
    "Exact day",
    "Week or month",
    "Quarter, season or year",
    "Decade or longer",
)


def is_span(event: Event) -> bool:
    """True when the event's date is a stretch (coarse granularity or start != end), not one day."""
    return event.granularity in COARSE_GRANULARITIES or event.start != event.end


def end_exclusive(event: Event) -> dt.date:
    """The day after the event's last day (the exclusive end used by charts and calendars)."""
    return add_days(event.end, 1)


def add_days(day: dt.date, days: int) -> dt.date:
    """`day` plus `days`, clamped to the calendar (date.max rather than an OverflowError)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _precision_lane(event: Event) -> str:
    if event.granularity in ("time", "day") and event.start == event.end:
        return PRECISION_LANES[0]
    if event.granularity in ("time", "day", "week", "month"):
        return PRECISION_LANES[1]
    if event.granularity in ("quarter", "season", "year"):
        return PRECISION_LANES[2]
    return PRECISION_LANES[3]


def assign_lanes(timeline: Timeline) -> tuple[tuple[str, ...], dict[str, str]]:
    """Lanes (top to bottom) and each event's lane, by main actor with a precision fallback.

    Why actors: a newsroom reads a timeline as "who did what when", so a row per main actor lets
    the eye follow one protagonist. Only actors that appear in at least two events earn a lane
    (a lane holding a single marker is noise), at most MAX_LANES of them, most frequent first;
    the rest share "Other". When actors do not separate anything (fewer than two lanes would
    result, e.g. the tagger found no actors), lanes fall back to date precision so exact days and
    approximate spans are read apart.
    """
    counts: Counter[str] = Counter()
    for event in timeline.events:
        for actor in dict.fromkeys(event.actors):
            counts[actor] += 1
    ranked = sorted((a for a, n in counts.items() if n >= 2 and a.strip()), key=lambda a: (-counts[a], a))
    named = ranked[:MAX_LANES]
    rank = {actor: i for i, actor in enumerate(named)}
    by_event: dict[str, str] = {}
    for event in timeline.events:
        known = [a for a in event.actors if a in rank]
        by_event[event.id] = min(known, key=rank.__getitem__) if known else OTHER_LANE
    used = set(by_event.values())
    if len(used) >= 2:
        lanes = tuple(a for a in named if a in used) + ((OTHER_LANE,) if OTHER_LANE in used else ())
        return lanes, by_event
    by_event = {event.id: _precision_lane(event) for event in timeline.events}
    used = set(by_event.values())
    return tuple(lane for lane in PRECISION_LANES if lane in used), by_event


def quote_parts(mention: Mention) -> tuple[str, str, str]:
    """Split a mention's quote into (before, expression, after) around its time expression.

    Offsets are relative to the quote (`timex.start - quote_start`). When they do not point at
    the expression (a quote cleaned after tagging), fall back to the first textual match, and
    to no highlight at all rather than a wrong one.
    """
    quote = mention.quote
    expr = mention.timex.text
    rel = mention.timex.start - mention.quote_start
    length = mention.timex.end - mention.timex.start
    if expr and rel >= 0 and rel + length <= len(quote) and quote[rel : rel + length] == expr:
        return quote[:rel], expr, quote[rel + length :]
    found = quote.find(expr) if expr else -1
    if found >= 0:
        return quote[:found], expr, quote[found + len(expr) :]
    return quote, "", ""


def safe_url(url: str | None) -> str | None:
    """The URL when it is a plain http(s) link, else None (no javascript:, data: or relative links)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def article_index(articles: Iterable[Article]) -> dict[str, Article]:
    """Articles by id (the first one wins if an id repeats)."""
    index: dict[str, Article] = {}
    for article in articles:
        index.setdefault(article.id, article)
    return index


def article_label(article: Article | None, article_id: str) -> str:
    """A human name for an article: its title, else its source, else its id."""
    if article is None:
        return article_id
    return article.title or article.source or article.id


def source_count_label(count: int) -> str:
    """'1 source' / '3 sources'."""
    return f"{count} source" if count == 1 else f"{count} sources"
