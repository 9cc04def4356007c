"""Timeline -> YAML, following the contract documented in the README.

The dict functions give the contract as plain data, shared by every exporter that wants it (JSON).
`dump_yaml` writes the same document without building the dicts: `to_yaml(timeline_to_dict(t))`
is its reference, and a test holds the two equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from timeline.export.yaml_writer import ScalarCache, scalar
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
    """Serialise a timeline to YAML text: stable key order, unicode kept, no aliases.

    The text is `to_yaml(timeline_to_dict(timeline))` byte for byte (a property test holds the two
    equal), written record by record instead: building the dicts (four million entries for 20,000
    articles) and walking them again with the generic writer took more than twice as long.
    """
    return _YamlLines().document(timeline)


class _Days(dict[dt.date | None, str]):
    """`days[day]` is how a date is written: its ISO string, quoted, or null; once per distinct day."""

    def __init__(self, text: ScalarCache) -> None:
        super().__init__()
        self.text = text

    def __missing__(self, day: dt.date | None) -> str:
        written = self[day] = self.text[_iso(day)]
        return written


class _YamlLines:
    """The lines of a timeline's YAML, in the order and layout of the dict functions above.

    A record's keys and indentation are literals (the layout reads as the file does), so only its values
    cost a lookup: strings and days through caches (the plain-or-quoted test is the expensive part),
    numbers through `scalar`. Sequences are not indented under their key, as PyYAML writes them.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.text = ScalarCache()
        self.days = _Days(self.text)

    def document(self, timeline: Timeline) -> str:
        """The whole file."""
        self.lines.append(f"title: {self.text[timeline.title]}")
        self.records("articles", timeline.articles, "", self.article)
        self.records("events", timeline.events, "", self.event)
        return "\n".join(self.lines) + "\n"

    def records(self, key: str, items: Sequence[Any], pad: str, write: Callable[[Any], None]) -> None:
        """`key:` at `pad`, then each item as `write` lays it out; or `key: []`."""
        if not items:
            self.lines.append(f"{pad}{key}: []")
            return
        self.lines.append(f"{pad}{key}:")
        for item in items:
            write(item)

    def strings(self, key: str, items: Sequence[str], pad: str) -> None:
        """`key:` at `pad`, then one `- item` line per string; or `key: []`."""
        if not items:
            self.lines.append(f"{pad}{key}: []")
            return
        text = self.text
        self.lines.append(f"{pad}{key}:")
        self.lines.extend([f"{pad}- {text[item]}" for item in items])

    def article(self, a: Article) -> None:
        """One item of the top-level `articles` (see `article_to_dict`)."""
        text, days = self.text, self.days
        self.lines += (
            f"- id: {text[a.id]}",
            f"  title: {text[a.title]}",
            f"  published: {days[a.published]}",
            f"  published_source: {text[a.published_source]}",
            f"  published_confidence: {scalar(round(a.published_confidence, 3))}",
            f"  published_evidence: {text[a.published_evidence]}",
            f"  duplicate_of: {text[a.duplicate_of]}",
            f"  status: {text[a.status]}",
        )
        if a.status != "ok" or a.reason:
            self.lines.append(f"  reason: {text[a.reason]}")
        if a.url:
            self.lines.append(f"  url: {text[a.url]}")
        if a.source:
            self.lines.append(f"  source: {text[a.source]}")
        if a.path:
            self.lines.append(f"  path: {text[a.path]}")
        if a.warnings:
            self.strings("warnings", a.warnings, "  ")

    def event(self, e: Event) -> None:
        """One item of the top-level `events` (see `event_to_dict`)."""
        text, days = self.text, self.days
        self.lines += (
            f"- id: {text[e.id]}",
            f"  start: {days[e.start]}",
            f"  end: {days[e.end]}",
            f"  granularity: {text[e.granularity]}",
            f"  display_date: {text[e.display_date]}",
            f"  title: {text[e.title]}",
            f"  summary: {text[e.summary]}",
            f"  salience: {scalar(round(e.salience, 4))}",
            f"  confidence: {scalar(round(e.confidence, 3))}",
        )
        self.strings("actors", e.actors, "  ")
        self.records("sources", e.sources, "  ", self.mention)
        self.records("conflicts", e.conflicts, "  ", self.mention)

    def mention(self, m: Mention) -> None:
        """One item of an event's `sources` or `conflicts` (see `mention_to_dict`, `timex_to_dict`)."""
        text, days, t = self.text, self.days, m.timex
        self.lines += (
            f"  - article: {text[m.article_id]}",
            f"    quote: {text[m.quote]}",
            f"    expression: {text[t.text]}",
            f"    char_start: {scalar(t.start)}",
            f"    char_end: {scalar(t.end)}",
            f"    value: {text[t.value]}",
            f"    date: {days[m.start]}",
            f"    end: {days[m.end]}",
            f"    granularity: {text[m.granularity]}",
            f"    confidence: {scalar(round(m.confidence, 3))}",
            f"    title: {text[m.title]}",
            f"    quote_start: {scalar(m.quote_start)}",
        )
        self.strings("actors", m.actors, "    ")
        self.lines += (
            "    timex:",
            f"      type: {text[t.type]}",
            f"      mod: {text[t.mod]}",
            f"      range_start: {days[t.range_start]}",
            f"      range_end: {days[t.range_end]}",
            f"      granularity: {text[t.granularity]}",
            f"      anchor: {text[t.anchor]}",
            f"      confidence: {scalar(round(t.confidence, 3))}",
        )
