"""timeline: event timelines for newsrooms, from a pile of articles to a published site."""

from __future__ import annotations

from timeline.model import Article, ArticleResult, Event, Mention, Timeline, Timex

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleResult",
    "Event",
    "Mention",
    "Timeline",
    "Timex",
    "__version__",
]
