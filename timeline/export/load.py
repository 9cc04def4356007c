"""timeline.yaml -> Timeline: the inverse of `dump_yaml`, so a published file can be re-exported.

Article bodies are not in the YAML, so loaded articles have an empty `text`; everything the YAML
carries comes back, and `dump_yaml(load(p))` reproduces the file byte for byte.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from timeline.model import Article, Event, Mention, Timeline, Timex


class TimelineFileError(ValueError):
    """A timeline.yaml that does not follow the contract (names the file and the bad key)."""


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise TimelineFileError(f"{where}: expected an ISO date (YYYY-MM-DD), got {value!r}")


def _opt_date(value: Any, where: str) -> dt.date | None:
    return None if value is None else _date(value, where)


def _article(data: dict[str, Any]) -> Article:
    return Article(
        id=str(data["id"]),
        text="",
        published=_opt_date(data.get("published"), f"article {data['id']}: published"),
        published_source=data.get("published_source", "none"),
        published_confidence=float(data.get("published_confidence", 0.0)),
        published_evidence=data.get("published_evidence"),
        title=data.get("title"),
        url=data.get("url"),
        source=data.get("source"),
        path=data.get("path"),
        duplicate_of=data.get("duplicate_of"),
        status=data.get("status", "ok"),
        reason=data.get("reason"),
        warnings=tuple(data.get("warnings") or ()),
    )


def _mention(data: dict[str, Any], where: str) -> Mention:
    tx = data.get("timex") or {}
    timex = Timex(
        start=int(data["char_start"]),
        end=int(data["char_end"]),
        text=str(data["expression"]),
        type=tx.get("type", "DATE"),
        value=str(data["value"]),
        mod=tx.get("mod"),
        range_start=_opt_date(tx.get("range_start"), f"{where}: timex.range_start"),
        range_end=_opt_date(tx.get("range_end"), f"{where}: timex.range_end"),
        granularity=tx.get("granularity"),
        anchor=tx.get("anchor", "absolute"),
        confidence=float(tx.get("confidence", 1.0)),
    )
    start = _date(data["date"], f"{where}: date")
    return Mention(
        article_id=str(data["article"]),
        timex=timex,
        quote=str(data["quote"]),
        # Files written before quote_start existed lack it; highlighting then falls back to a
        # text match of the expression inside the quote.
        quote_start=int(data.get("quote_start", 0)),
        title=str(data.get("title", "")),
        start=start,
        end=_date(data.get("end", data["date"]), f"{where}: end"),
        granularity=data["granularity"],
        actors=tuple(data.get("actors") or ()),
        confidence=float(data.get("confidence", 1.0)),
    )


def _event(data: dict[str, Any]) -> Event:
    where = f"event {data.get('id')}"
    return Event(
        id=str(data["id"]),
        start=_date(data["start"], f"{where}: start"),
        end=_date(data["end"], f"{where}: end"),
        granularity=data["granularity"],
        display_date=str(data["display_date"]),
        title=str(data["title"]),
        summary=str(data.get("summary", "")),
        salience=float(data.get("salience", 0.0)),
        sources=tuple(_mention(m, f"{where} source") for m in data.get("sources") or ()),
        conflicts=tuple(_mention(m, f"{where} conflict") for m in data.get("conflicts") or ()),
        actors=tuple(data.get("actors") or ()),
        confidence=float(data.get("confidence", 1.0)),
    )


def timeline_from_dict(data: dict[str, Any]) -> Timeline:
    """Plain data in the YAML contract's shape -> Timeline."""
    if not isinstance(data, dict):
        raise TimelineFileError("a timeline file must hold a mapping with title, articles, events")
    try:
        return Timeline(
            title=str(data.get("title") or ""),
            articles=tuple(_article(a) for a in data.get("articles") or ()),
            events=tuple(_event(e) for e in data.get("events") or ()),
        )
    except KeyError as exc:
        raise TimelineFileError(f"missing key {exc.args[0]!r}") from exc


def loads(text: str) -> Timeline:
    """YAML text (as written by `dump_yaml`) -> Timeline."""
    return timeline_from_dict(yaml.safe_load(text))


def load(path: str | Path) -> Timeline:
    """Read a timeline.yaml back into the dataclasses (round-trips with `dump_yaml`)."""
    path = Path(path)
    try:
        return loads(path.read_text(encoding="utf-8"))
    except TimelineFileError as exc:
        raise TimelineFileError(f"{path}: {exc}") from exc
