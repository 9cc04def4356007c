"""`timeline build` end to end: choose the engine and cache, run the pipeline, write the site, report."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from timeline.cache import ResultCache
from timeline.config import Config
from timeline.engine import make_engine, run_articles
from timeline.errors import TimelineError
from timeline.export import write_site
from timeline.ingest import input_files
from timeline.model import Article, ArticleResult, Timeline
from timeline.pipeline import BuildStats, build_timeline
from timeline.progress import BuildProgress, count_inputs, print_summary, terminal_console


def run_build(config: Config, use_cache: bool = True) -> tuple[Timeline, BuildStats, list[Path]]:
    """Build the timeline from `config.input` and write the site into `config.out` (atomically)."""
    # A missing input fails here, before workers start, with the same error reading would give.
    input_files(config.input)
    console = terminal_console(config.quiet)
    progress = BuildProgress(console, count_inputs(config.input) if console else None)
    with contextlib.ExitStack() as stack:
        cache = None
        if use_cache and config.cache is not None:
            cache = stack.enter_context(ResultCache(config.cache))
        engine = make_engine(config.engine, config.workers, config.scheduler)
        stack.callback(engine.close)

        def runner(
            func: Callable[[Article], ArticleResult], articles: Iterable[Article]
        ) -> Iterator[ArticleResult]:
            return run_articles(func, articles, engine, cache, progress.on_result)

        with progress.running():
            timeline, stats = build_timeline(config, runner=runner, on_stage=progress.on_stage)
    stats = dataclasses.replace(stats, cached=progress.cached, computed=progress.done - progress.cached)
    try:
        written = write_site(timeline, config.out, config.exports)
    except (OSError, ValueError) as exc:
        # Nothing was swapped in: the previous site, if any, is intact.
        raise TimelineError(f"cannot write the site to {config.out}: {exc}") from None
    if console is not None:
        print_summary(console, stats, config.out, written)
    return timeline, stats, written
