"""build_timeline(config): the stages in order. read -> tag -> events -> merge; export is the caller's edge.

Per-article work (publication date from content, tagging, events) is a pure function of one Article, so it
can run in worker processes or on a Dask cluster and be cached by content. Cross-article work (duplicates,
dates from the story, merging) runs once on the gathered results.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from timeline import dedupe, events, merge, published
from timeline.config import Config
from timeline.ingest import read_articles
from timeline.model import Article, ArticleResult, Event, Timeline
from timeline.temporal import tag


def analyse_article(article: Article) -> ArticleResult:
    """Per-article stages for one article: infer its date from content if missing, tag, extract events."""
    if article.status != "ok":
        return ArticleResult(article)
    if article.published is None:
        # Undated: absolute dates still resolve without an anchor, and they may say when it was written.
        article = published.infer_from_content(article, tag(article.text, None))
    return _tag_and_extract(article)


def _tag_and_extract(article: Article) -> ArticleResult:
    timexes = tuple(tag(article.text, article.published))
    mentions = tuple(events.extract_mentions(article, timexes))
    # What linking and merging compare is read from the text here, in parallel and cached, so a rebuild
    # does not read every text again.
    return ArticleResult(
        article,
        timexes,
        mentions,
        dedupe.signature(article.text),
        merge.mention_features(article.text, mentions),
    )


@dataclass(frozen=True, slots=True)
class BuildStats:
    """What a build did, for the end-of-build summary."""

    articles: int
    skipped: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    undated: int = 0
    inferred: int = 0
    events: int = 0
    conflicts: int = 0
    cached: int = 0  # per-article results served from the cache
    computed: int = 0  # per-article results computed in this build
    seconds: float = 0.0


# A runner maps the per-article function over the articles and yields results in input order.
Runner = Callable[[Callable[[Article], ArticleResult], Iterable[Article]], Iterator[ArticleResult]]


def serial_runner(
    func: Callable[[Article], ArticleResult], articles: Iterable[Article]
) -> Iterator[ArticleResult]:
    """Run the per-article stage in this process, one article after another."""
    return map(func, articles)


def build_timeline(
    config: Config,
    articles: Iterable[Article] | None = None,
    runner: Runner = serial_runner,
    on_stage: Callable[[str], None] = lambda message: None,
) -> tuple[Timeline, BuildStats]:
    """Run every stage on the configured input and return the canonical timeline with build statistics."""
    timeline, stats, _ = build_collection(config, articles, runner, on_stage)
    return timeline, stats


@dataclass(frozen=True, slots=True)
class Collection:
    """What a full build computed on the way, for a caller that keeps it to append to (see `append`)."""

    results: tuple[ArticleResult, ...]  # linked: duplicates marked, dates from the story set
    events: tuple[Event, ...]  # every event, before the `top` cut
    basis: merge.Basis
    retagged: frozenset[str]  # ids of the articles tagged again against a date the collection gave


def build_collection(
    config: Config,
    articles: Iterable[Article] | None = None,
    runner: Runner = serial_runner,
    on_stage: Callable[[str], None] = lambda message: None,
) -> tuple[Timeline, BuildStats, Collection]:
    """`build_timeline`, and what it computed on the way."""
    started = time.perf_counter()
    source = read_articles(config.input) if articles is None else articles
    # 1. Per-article: date from content, tags, mentions (parallel and cached when the runner is).
    results = list(runner(analyse_article, source))
    # 2. Cross-article: near-duplicates and dates from the story need every article at once.
    on_stage(f"linking {len(results):,} articles")
    linked = link_collection(results, runner)
    retagged = frozenset(
        b.article.id
        for a, b in zip(results, linked, strict=True)
        if b.article.published != a.article.published
    )
    # 3. Merge mentions across articles into canonical events, ranked by salience.
    on_stage(f"merging {sum(len(r.mentions) for r in linked):,} mentions")
    every_event, basis = merge.merge_collection(linked)
    articles_out = tuple(sorted((r.article for r in linked), key=lambda a: a.id))
    timeline = Timeline(
        title=config.title, articles=articles_out, events=merge.select_top(every_event, config.top)
    )
    stats = timeline_stats(timeline, time.perf_counter() - started)
    return timeline, stats, Collection(tuple(linked), every_event, basis, retagged)


def link_collection(results: list[ArticleResult], runner: Runner = serial_runner) -> list[ArticleResult]:
    """Cross-article stage: mark near-duplicates, date articles from the story, re-tag those newly dated."""
    linked = published.infer_from_collection(results)
    # Articles whose date the collection told us are tagged again against it, so relative dates resolve.
    redo = [
        i for i, (r, a) in enumerate(zip(results, linked, strict=True)) if a.published != r.article.published
    ]
    redone = dict(zip(redo, runner(_tag_and_extract, [linked[i] for i in redo]), strict=True))
    return [
        redone.get(i) or _with_article(result, article)
        for i, (result, article) in enumerate(zip(results, linked, strict=True))
    ]


def _with_article(result: ArticleResult, article: Article) -> ArticleResult:
    # duplicate_of and similar links change the article but not its tags.
    return result if article == result.article else dataclasses.replace(result, article=article)


def timeline_stats(timeline: Timeline, seconds: float) -> BuildStats:
    """The end-of-build counts of a timeline: articles by status, duplicates, inferred dates, events."""
    articles = timeline.articles
    return BuildStats(
        articles=len(articles),
        skipped=Counter(a.reason or "unknown" for a in articles if a.status != "ok"),
        duplicates=sum(1 for a in articles if a.duplicate_of),
        undated=sum(1 for a in articles if a.status == "ok" and a.published is None),
        inferred=sum(1 for a in articles if a.published_source in ("content", "duplicate", "story")),
        events=len(timeline.events),
        conflicts=sum(1 for e in timeline.events if e.conflicts),
        seconds=seconds,
    )
