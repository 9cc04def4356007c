"""Timeline -> TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

Dates carry only the parts their granularity knows (no day for a month, no month for a year), so
TimelineJS never shows a precision the sources did not give; coarse or uncertain dates also get a
`display_date` in words.
"""

from __future__ import annotations

import datetime as dt
import json
from html import escape
from typing import Any

from timeline.export._shared import (
    article_index,
    article_label,
    assign_lanes,
    is_span,
    quote_parts,
    safe_url,
    source_count_label,
)
from timeline.model import Article, Event, Mention, Timeline

# Which date parts each granularity knows.
_PARTS: dict[str, tuple[str, ...]] = {
    "time": ("year", "month", "day"),
    "day": ("year", "month", "day"),
    "week": ("year", "month", "day"),
    "month": ("year", "month"),
    "quarter": ("year", "month"),
    "season": ("year", "month"),
    "year": ("year",),
    "decade": ("year",),
    "century": ("year",),
}


def text_html(value: str) -> str:
    """Escape text for an HTML text node: & < > only, so apostrophes stay readable in a sheet."""
    return escape(value, quote=False)


def date_object(day: dt.date, granularity: str) -> dict[str, int]:
    """A TimelineJS date object holding only the parts the granularity knows."""
    parts = _PARTS.get(granularity, ("year", "month", "day"))
    return {part: getattr(day, part) for part in parts}


def _mention_html(mention: Mention, articles: dict[str, Article]) -> str:
    before, expr, after = quote_parts(mention)
    quote = text_html(before) + (f"<mark>{text_html(expr)}</mark>" if expr else "") + text_html(after)
    article = articles.get(mention.article_id)
    name = text_html(article_label(article, mention.article_id))
    url = safe_url(article.url if article else None)
    cite = f'<a href="{escape(url, quote=True)}">{name}</a>' if url else name
    if article is not None and article.published is not None:
        cite += f", {article.published.isoformat()}"
    return f"<blockquote>{quote}</blockquote><p>— {cite}</p>"


def event_text_html(event: Event, articles: dict[str, Article]) -> str:
    """The slide body: summary, every source with its quote, then the conflicting dates (escaped)."""
    html = [f"<p>{text_html(event.summary)}</p>"] if event.summary else []
    html.append(f"<p><strong>{source_count_label(event.independent_sources)}</strong></p>")
    html.extend(_mention_html(m, articles) for m in event.sources)
    if event.conflicts:
        html.append("<p><strong>⚠ Sources disagree:</strong></p><ul>")
        for m in event.conflicts:
            name = text_html(article_label(articles.get(m.article_id), m.article_id))
            gives = m.start.isoformat() if m.start == m.end else f"{m.start} – {m.end}"
            html.append(f"<li>{name}: “{text_html(m.timex.text)}” gives {gives}</li>")
        html.append("</ul>")
    return "".join(html)


def timeline_to_timelinejs(timeline: Timeline) -> dict[str, Any]:
    """The TimelineJS3 data object: a title slide and one slide per event."""
    articles = article_index(timeline.articles)
    _, lane_of = assign_lanes(timeline)
    events: list[dict[str, Any]] = []
    for event in timeline.events:
        slide: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": date_object(event.start, event.granularity),
            "text": {
                "headline": text_html(event.title),
                "text": event_text_html(event, articles),
            },
            # TimelineJS puts group labels and display dates into the page as HTML.
            "group": text_html(lane_of[event.id]),
        }
        if is_span(event):
            slide["end_date"] = date_object(event.end, event.granularity)
            slide["display_date"] = text_html(event.display_date)
        elif event.confidence < 1.0 or event.conflicts:
            # Uncertain day: say it in words rather than let TimelineJS format a bare date.
            slide["display_date"] = text_html(event.display_date)
        events.append(slide)
    n = len(timeline.events)
    return {
        "title": {
            "unique_id": "timeline-title",
            "text": {
                "headline": text_html(timeline.title),
                "text": f"<p>{n} event{'s' if n != 1 else ''} from "
                f"{sum(a.status == 'ok' for a in timeline.articles)} articles.</p>",
            },
        },
        "events": events,
    }


def dump_timelinejs(timeline: Timeline) -> str:
    """Serialise a timeline as TimelineJS3 JSON text (sorted keys, unicode kept)."""
    return json.dumps(timeline_to_timelinejs(timeline), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
