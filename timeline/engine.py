"""Where per-article work runs: in this process, in a pool of local processes, or on a Dask cluster.

Every engine maps a function over a list and returns the results in input order, so the build is the same
whatever runs it. `run_articles` streams the input in batches: memory holds one batch at a time, cached
results skip the workers, and new results are written back to the cache batch by batch.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol, TypeVar

from timeline.cache import ResultCache, article_key
from timeline.errors import TimelineError
from timeline.model import Article, ArticleResult

T = TypeVar("T")
R = TypeVar("R")

# Articles read from the input before they are dispatched: bounds memory, keeps every worker busy.
BATCH_SIZE = 256


class Engine(Protocol):
    """Maps a function over items, results in input order."""

    def map(self, func: Callable[[T], R], items: list[T]) -> list[R]:
        """Apply `func` to every item."""
        ...

    def close(self) -> None:
        """Release workers."""
        ...


class SerialEngine:
    """Everything in this process: the reference every other engine must match."""

    def map(self, func: Callable[[T], R], items: list[T]) -> list[R]:
        """Apply `func` to every item, one after another."""
        return [func(item) for item in items]

    def close(self) -> None:
        """Nothing to release."""


class LocalEngine:
    """A pool of worker processes on this machine."""

    def __init__(self, workers: int) -> None:
        # fork shares the imported tagger with the workers for free where the platform has it.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.workers = workers
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        # Start the workers now, before a progress bar's thread exists: forking a process that runs other
        # threads can copy a lock one of them holds.
        self._pool.submit(int).result()

    def map(self, func: Callable[[T], R], items: list[T]) -> list[R]:
        """Apply `func` to every item across the pool, in chunks to keep inter-process overhead small."""
        chunksize = max(1, len(items) // (self.workers * 4))
        return list(self._pool.map(func, items, chunksize=chunksize))

    def close(self) -> None:
        """Stop the worker processes."""
        self._pool.shutdown()


class DaskEngine:
    """Per-article work as Dask tasks on a dask.distributed cluster; the merge stays on the client."""

    def __init__(self, scheduler: str | None, workers: int) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise TimelineError(
                "engine 'dask' needs dask.distributed: pip install 'timeline[dask]'"
            ) from None
        self._cluster = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout="20s")
            else:
                self._cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
                self._client = Client(self._cluster)
        except OSError as exc:
            raise TimelineError(f"cannot reach the Dask scheduler {scheduler!r}: {exc}") from None

    def map(self, func: Callable[[T], R], items: list[T]) -> list[R]:
        """Apply `func` to every item as Dask tasks, a task per chunk of items."""
        chunks = [items[i : i + 16] for i in range(0, len(items), 16)]
        futures = self._client.map(_apply_all, [func] * len(chunks), chunks, pure=False)
        return [r for chunk in self._client.gather(futures) for r in chunk]

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this engine started one."""
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _apply_all(func: Callable[[T], R], items: list[T]) -> list[R]:
    return [func(item) for item in items]


def make_engine(name: str, workers: int, scheduler: str | None = None) -> Engine:
    """The engine a config names: local (serial for one worker) or dask."""
    if name == "dask":
        return DaskEngine(scheduler, workers)
    if workers <= 1:
        return SerialEngine()
    return LocalEngine(workers)


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def run_articles(
    func: Callable[[Article], ArticleResult],
    articles: Iterable[Article],
    engine: Engine,
    cache: ResultCache | None = None,
    on_result: Callable[[ArticleResult, bool], None] | None = None,
    batch_size: int = BATCH_SIZE,
    keys_out: dict[str, str] | None = None,
) -> Iterator[ArticleResult]:
    """`func` of every article, in input order: from the cache where it has them, else computed.

    With a cache, `keys_out` (when given) receives each article's id -> cache key.
    """
    for batch in _batched(articles, batch_size):
        keys = [article_key(a) for a in batch] if cache is not None else []
        if keys_out is not None:
            keys_out.update(zip((a.id for a in batch), keys, strict=False))
        found = cache.get_many(keys) if cache is not None else {}
        todo = [a for i, a in enumerate(batch) if not keys or keys[i] not in found]
        computed = iter(engine.map(func, todo)) if todo else iter(())
        fresh: dict[str, ArticleResult] = {}
        for i in range(len(batch)):
            hit = bool(keys) and keys[i] in found
            result = found[keys[i]] if hit else next(computed)
            if cache is not None and not hit:
                fresh[keys[i]] = result
            if on_result is not None:
                on_result(result, hit)
            yield result
        if cache is not None and fresh:
            cache.put_many(fresh)
