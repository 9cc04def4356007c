"""Time `timeline.temporal.tag` against `dateparser.search_dates` on the same TimeML documents.

Usage: python bench/bench_tag.py DATA_DIR [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import time

from dateparser.search import search_dates

from timeline.evaluate import read_timeml
from timeline.temporal import tag


def main() -> None:
    """Print ms/document for both taggers and the speed ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=pathlib.Path)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    args = parser.parse_args()
    files = sorted(args.data_dir.rglob("*.tml"))[: args.limit]
    docs = [read_timeml(f) for f in files]
    if not docs:
        raise SystemExit(f"no *.tml files under {args.data_dir}")
    t0 = time.perf_counter()
    found = sum(len(tag(d.text, d.dct)) for d in docs)
    ours = (time.perf_counter() - t0) * 1000 / len(docs)
    t0 = time.perf_counter()
    theirs_found = 0
    for d in docs:
        base = dt.datetime.combine(d.dct or dt.date(2000, 1, 1), dt.time())
        hits = search_dates(d.text, languages=["en"], settings={"RELATIVE_BASE": base})
        theirs_found += len(hits or [])
    theirs = (time.perf_counter() - t0) * 1000 / len(docs)
    print(f"documents: {len(docs)}")
    print(f"timeline.temporal.tag      {ours:8.2f} ms/doc  ({found} expressions)")
    print(f"dateparser.search_dates    {theirs:8.2f} ms/doc  ({theirs_found} expressions)")
    print(f"ratio (search_dates / tag) {theirs / ours:8.1f}x")


if __name__ == "__main__":
    main()
