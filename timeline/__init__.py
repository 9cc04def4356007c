"""timeline: event timelines for newsrooms, from a pile of articles to a published site.

The library is the product; the CLI is a thin skin over these functions.
"""

from __future__ import annotations

# Set before the imports below: cache.py reads it while they load.
__version__ = "0.1.0"

from timeline.export import load, render, write_site
from timeline.model import Article, ArticleResult, Event, Mention, Timeline, Timex
from timeline.pipeline import analyse_article, build_timeline
from timeline.temporal import tag

__all__ = [
    "Article",
    "ArticleResult",
    "Event",
    "Mention",
    "Timeline",
    "Timex",
    "__version__",
    "analyse_article",
    "build_timeline",
    "load",
    "render",
    "tag",
    "write_site",
]
