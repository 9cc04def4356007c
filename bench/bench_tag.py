"""Time `timeline.temporal.tag` against `dateparser.search_dates` on the same TimeML documents.

Usage: python bench/bench_tag.py DATA_DIR [--limit N] [--repeat R]

Both run over the same documents in one process, each after one untimed warm-up call, with garbage
collection outside the timed passes. --repeat R times R rounds, the two sides alternating within each
round, and keeps each side's fastest pass (use it on a busy box).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import pathlib
import time
from collections.abc import Callable

from dateparser.search import search_dates

from timeline.evaluate import Document, read_timeml
from timeline.temporal import tag


def _base(dct: dt.date | None) -> dt.datetime:
    # dateparser needs a base; a fixed one keeps the run reproducible when a document has no DCT.
    return dt.datetime.combine(dct or dt.date(2000, 1, 1), dt.time())


def _pass(run: Callable[[Document], int], docs: list[Document]) -> tuple[float, int]:
    """Seconds for one pass of `run` over all documents, and what it found."""
    # Collect before the pass and not during it, so neither side pays for the other's garbage.
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        found = sum(run(d) for d in docs)
        return time.perf_counter() - t0, found
    finally:
        gc.enable()


def _timed_side_by_side(
    runs: list[Callable[[Document], int]], docs: list[Document], repeat: int
) -> list[tuple[float, int]]:
    """Best ms/document of each run over `repeat` rounds, and what it found. The runs alternate
    within each round, so a busy spell on the machine slows both sides rather than one."""
    best = [float("inf")] * len(runs)
    found = [0] * len(runs)
    for _ in range(repeat):
        for i, run in enumerate(runs):
            seconds, found[i] = _pass(run, docs)
            best[i] = min(best[i], seconds)
    return [(b * 1000 / len(docs), n) for b, n in zip(best, found, strict=True)]


def main() -> None:
    """Print ms/document for both taggers and the speed ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=pathlib.Path)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    parser.add_argument("--repeat", type=int, default=1, help="time N passes, keep the fastest")
    args = parser.parse_args()
    files = sorted(args.data_dir.rglob("*.tml"))[: args.limit]
    docs = [read_timeml(f) for f in files]
    if not docs:
        raise SystemExit(f"no *.tml files under {args.data_dir}")
    # One untimed call each first: both libraries compile patterns lazily on first use.
    tag(docs[0].text, docs[0].dct)
    search_dates(docs[0].text, languages=["en"], settings={"RELATIVE_BASE": _base(docs[0].dct)})
    (ours, found), (theirs, theirs_found) = _timed_side_by_side(
        [
            lambda d: len(tag(d.text, d.dct)),
            lambda d: len(
                search_dates(d.text, languages=["en"], settings={"RELATIVE_BASE": _base(d.dct)}) or []
            ),
        ],
        docs,
        args.repeat,
    )
    print(f"documents: {len(docs)}")
    print(f"timeline.temporal.tag      {ours:8.2f} ms/doc  ({found} expressions)")
    print(f"dateparser.search_dates    {theirs:8.2f} ms/doc  ({theirs_found} expressions)")
    print(f"ratio (search_dates / tag) {theirs / ours:8.1f}x")


if __name__ == "__main__":
    main()
