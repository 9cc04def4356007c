"""Timeline -> iCalendar (RFC 5545): one all-day VEVENT per event, importable into any calendar.

Deterministic on purpose: DTSTAMP is derived from the data (the latest article publication date,
else the Unix epoch), never from the clock, so rebuilding an unchanged timeline changes nothing.
"""

from __future__ import annotations

import datetime as dt

from timeline import __version__
from timeline.export._shared import (
    article_index,
    article_label,
    assign_lanes,
    end_exclusive,
    safe_url,
    source_count_label,
)
from timeline.model import Timeline

PRODID = f"-//timeline//timeline {__version__}//EN"


def escape_text(value: str) -> str:
    """Escape a TEXT property value: backslash, semicolon, comma and newlines (RFC 5545 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold a content line at 75 octets (CRLF + space), never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            # Continuation lines start with a space, which counts towards their 75 octets.
            current, size, limit = char, width, 74
        else:
            current += char
            size += width
    out.append(current)
    return "\r\n ".join(out)


def _date(day: dt.date) -> str:
    # Not strftime: glibc writes year 5 as "5", and RFC 5545 dates are always 8 digits.
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def dtstamp(timeline: Timeline) -> str:
    """A fixed DTSTAMP: midnight UTC of the latest known publication date, else 1970-01-01."""
    dates = [a.published for a in timeline.articles if a.published is not None]
    day = max(dates) if dates else dt.date(1970, 1, 1)
    return f"{_date(day)}T000000Z"


def dump_ics(timeline: Timeline) -> str:
    """Serialise a timeline as an iCalendar file (CRLF line endings, folded lines)."""
    articles = article_index(timeline.articles)
    _, lane_of = assign_lanes(timeline)
    stamp = dtstamp(timeline)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(timeline.title)}",
    ]
    for event in timeline.events:
        description = [event.display_date]
        if event.summary:
            description.append(event.summary)
        description.append(f"{source_count_label(event.independent_sources)}:")
        for m in event.sources:
            article = articles.get(m.article_id)
            name = article_label(article, m.article_id)
            when = f" ({article.published.isoformat()})" if article and article.published else ""
            # Calendar apps turn URLs into links: only plain http(s) ones are passed on.
            url = safe_url(article.url) if article else None
            link = f" {url}" if url else ""
            description.append(f"- {name}{when}: “{m.quote}”{link}")
        if event.conflicts:
            description.append("⚠ Sources disagree:")
            for m in event.conflicts:
                name = article_label(articles.get(m.article_id), m.article_id)
                gives = m.start.isoformat() if m.start == m.end else f"{m.start} – {m.end}"
                description.append(f"- {name}: “{m.timex.text}” gives {gives}")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.id}@timeline",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_date(event.start)}",
            f"DTEND;VALUE=DATE:{_date(end_exclusive(event))}",
            f"SUMMARY:{escape_text(event.title)}",
            f"DESCRIPTION:{escape_text(chr(10).join(description))}",
            f"CATEGORIES:{escape_text(lane_of[event.id])}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)
