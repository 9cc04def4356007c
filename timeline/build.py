"""`timeline build` end to end: choose the engine and cache, run the pipeline, write the site, report."""

from __future__ import annotations

import contextlib
import dataclasses
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from timeline import append as appending
from timeline.cache import ResultCache, article_key, tool_fingerprint
from timeline.config import Config
from timeline.engine import make_engine, run_articles
from timeline.errors import TimelineError
from timeline.export import write_site
from timeline.ingest import input_files, read_articles
from timeline.merge import select_top
from timeline.model import Article, ArticleResult, Timeline
from timeline.pipeline import BuildStats, Collection, analyse_article, build_collection, timeline_stats
from timeline.progress import BuildProgress, count_inputs, print_summary, terminal_console

Runner = Callable[[Callable[[Article], ArticleResult], Iterable[Article]], Iterator[ArticleResult]]


def run_build(
    config: Config, use_cache: bool = True, append: bool = False
) -> tuple[Timeline, BuildStats, list[Path]]:
    """Build the timeline from `config.input` and write the site into `config.out` (atomically).

    With `append`, the new articles are placed among the last build's events (see `timeline.append`);
    where that cannot be done as a full build would, the build is a full one and says why.
    """
    # A missing input fails here, before workers start, with the same error reading would give.
    input_files(config.input)
    if append and (not use_cache or config.cache is None):
        raise TimelineError("--append needs the cache: set `cache` in the config and leave out --no-cache")
    console = terminal_console(config.quiet)
    progress = BuildProgress(console, count_inputs(config.input) if console else None)
    with contextlib.ExitStack() as stack:
        cache = None
        if use_cache and config.cache is not None:
            cache = stack.enter_context(ResultCache(config.cache))
        engine = make_engine(config.engine, config.workers, config.scheduler)
        stack.callback(engine.close)
        input_keys: dict[str, str] = {}

        def runner(
            func: Callable[[Article], ArticleResult], articles: Iterable[Article]
        ) -> Iterator[ArticleResult]:
            # The keys of the articles as read are what the next build compares to find what is new.
            keys = input_keys if func is analyse_article else None
            return run_articles(func, articles, engine, cache, progress.on_result, keys_out=keys)

        with progress.running():
            built = None
            if append and cache is not None:
                try:
                    built = _append(config, cache, runner, progress.on_stage)
                except appending.CannotAppend as exc:
                    if not config.quiet:
                        print(f"timeline: --append: building in full: {exc}", file=sys.stderr)
            if built is None:
                timeline, stats, collection = build_collection(
                    config, runner=runner, on_stage=progress.on_stage
                )
                if cache is not None:
                    progress.on_stage("keeping the merge state for --append")
                    cache.put_state(_state_of(collection, input_keys))
            else:
                timeline, stats = built
    stats = dataclasses.replace(stats, cached=progress.cached, computed=progress.done - progress.cached)
    try:
        written = write_site(timeline, config.out, config.exports)
    except (OSError, ValueError) as exc:
        # Nothing was swapped in: the previous site, if any, is intact.
        raise TimelineError(f"cannot write the site to {config.out}: {exc}") from None
    if console is not None:
        print_summary(console, stats, config.out, written)
    return timeline, stats, written


def _state_of(collection: Collection, input_keys: Mapping[str, str]) -> appending.BuildState:
    """The state a full build leaves: where each article's mentions are cached, every event, the basis."""
    result_keys = {
        r.article.id: article_key(r.article)
        if r.article.id in collection.retagged
        else input_keys[r.article.id]
        for r in collection.results
        if r.article.id in input_keys
    }
    return appending.state_of_build(
        tool_fingerprint(), input_keys, collection.results, result_keys, collection.events, collection.basis
    )


def _append(
    config: Config, cache: ResultCache, runner: Runner, on_stage: Callable[[str], None]
) -> tuple[Timeline, BuildStats]:
    """Place the articles new since the last build among its events; raises CannotAppend."""
    started = time.perf_counter()
    state = cache.get_state()
    if not isinstance(state, appending.BuildState):
        raise appending.CannotAppend("the cache holds no earlier build to append to")
    if state.tool != tool_fingerprint():
        raise appending.CannotAppend("the tool changed since the last build")
    inputs: dict[str, str] = {}
    fresh: list[Article] = []
    for article in read_articles(config.input):
        inputs[article.id] = article_key(article)
        if article.id not in state.inputs:
            fresh.append(article)
    appending.check_inputs(state, inputs)
    on_stage(f"appending {len(fresh):,} new articles to a timeline of {len(state.articles):,}")
    new = {inputs[r.article.id]: r for r in runner(analyse_article, fresh)}

    def fetch(ids: Sequence[str]) -> dict[str, ArticleResult]:
        keys = {state.results[i]: i for i in ids if i in state.results}
        return {keys[k]: r for k, r in cache.get_many(list(keys)).items()}

    grown = appending.append(state, new, fetch)
    cache.put_state(grown)
    timeline = Timeline(
        title=config.title, articles=grown.articles, events=select_top(grown.events, config.top)
    )
    return timeline, timeline_stats(timeline, time.perf_counter() - started)
