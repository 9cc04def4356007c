"""Tag every TimeML document of DATA_DIR N times and print nothing else: a fixed workload to count
instructions with, where wall-clock timing is too noisy to compare two versions of the tagger.

Usage (the difference of the two `I refs` totals, over 2 x documents, is the count per document):

    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python bench/tag_passes.py DATA_DIR 2
    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python bench/tag_passes.py DATA_DIR 0

Run the interpreter binary itself (`python -c "import sys; print(sys.executable)"`), not a shim script,
or valgrind counts the shim.
"""

from __future__ import annotations

import argparse
import pathlib

from timeline.evaluate import read_timeml
from timeline.temporal import tag


def main() -> None:
    """Read the documents, warm the tagger up on all of them, then tag them all `passes` times."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data_dir", type=pathlib.Path)
    parser.add_argument("passes", type=int)
    args = parser.parse_args()
    docs = [read_timeml(f) for f in sorted(args.data_dir.rglob("*.tml"))]
    if not docs:
        raise SystemExit(f"no *.tml files under {args.data_dir}")
    # Patterns compile and caches fill on first use: a warm-up pass over every document keeps that
    # out of the difference (warming up on the first document alone left some of it in).
    for doc in docs:
        tag(doc.text, doc.dct)
    for _ in range(args.passes):
        for doc in docs:
            tag(doc.text, doc.dct)


if __name__ == "__main__":
    main()
