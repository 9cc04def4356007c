"""Timeline -> plain dict -> YAML, following the contract documented in the README.

The dict form is shared by every exporter that wants plain data (YAML, JSON embedded in the site).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from timeline.export.yaml_writer import to_yaml
from timeline.model import Article, Event, Mention, Timeline, Timex


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def article_to_dict(article: Article) -> dict[str, Any]:
    """One article as the YAML contract lists it, status and reason included."""
    out: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "published": _iso(article.published),
        "published_source": article.published_source,
        "published_confidence": round(article.published_confidence, 3),
        "published_evidence": article.published_evidence,
        "duplicate_of": article.duplicate_of,
        "status": article.status,
    }
    if article.status != "ok" or article.reason:
        out["reason"] = article.reason
    if article.url:
        out["url"] = article.url
    if article.source:
        out["source"] = article.source
    if article.path:
        out["path"] = article.path
    if article.warnings:
        out["warnings"] = list(article.warnings)
    return out


def mention_to_dict(mention: Mention) -> dict[str, Any]:
    """One source mention: where the date is written and in which sentence."""
    return {
        "article": mention.article_id,
        "quote": mention.quote,
        "expression": mention.timex.text,
        "char_start": mention.timex.start,
        "char_end": mention.timex.end,
        "value": mention.timex.value,
        "date": _iso(mention.start),
        "end": _iso(mention.end),
        "granularity": mention.granularity,
        "confidence": round(mention.confidence, 3),
        # Added after the minimal contract so `load` can rebuild the Mention exactly (additive only).
        "title": mention.title,
        "quote_start": mention.quote_start,
        "actors": list(mention.actors),
        "timex": timex_to_dict(mention.timex),
    }


def timex_to_dict(timex: Timex) -> dict[str, Any]:
    """The parts of a mention's time expression the flat mention keys do not already carry."""
    return {
        "type": timex.type,
        "mod": timex.mod,
        "range_start": _iso(timex.range_start),
        "range_end": _iso(timex.range_end),
        "granularity": timex.granularity,
        "anchor": timex.anchor,
        "confidence": round(timex.confidence, 3),
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    """One canonical event with all its sources and conflicts."""
    return {
        "id": event.id,
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "granularity": event.granularity,
        "display_date": event.display_date,
        "title": event.title,
        "summary": event.summary,
        "salience": round(event.salience, 4),
        "confidence": round(event.confidence, 3),
        "actors": list(event.actors),
        "sources": [mention_to_dict(m) for m in event.sources],
        "conflicts": [mention_to_dict(m) for m in event.conflicts],
    }


def timeline_to_dict(timeline: Timeline) -> dict[str, Any]:
    """The whole timeline as plain data (the YAML contract)."""
    return {
        "title": timeline.title,
        "articles": [article_to_dict(a) for a in timeline.articles],
        "events": [event_to_dict(e) for e in timeline.events],
    }


def dump_yaml(timeline: Timeline) -> str:
    """Serialise a timeline to YAML text: stable key order, unicode kept, no aliases."""
    return to_yaml(timeline_to_dict(timeline))
