"""Regenerate the golden export files in tests/golden/ from the seed articles.

Run after a deliberate change to an exporter or to the pipeline's output:

    python scripts/regen_golden.py

then review `git diff tests/golden/` and commit. tests/test_export_golden.py compares a fresh
build with these files using `golden_outputs()` below, so the test and this script cannot drift.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = ROOT / "tests" / "golden"
TITLE = "Georgia's 6th District special election, April 2017"
# Golden file name -> export format.
FILES: dict[str, str] = {
    "timeline.yaml": "yaml",
    "timeline.timelinejs.json": "timelinejs",
    "timeline.csv": "csv",
    "timeline.ics": "ics",
}


def golden_outputs() -> dict[str, bytes]:
    """Build the seeds through the full pipeline (no cache) and render each golden format."""
    sys.path.insert(0, str(ROOT))
    from timeline.config import Config
    from timeline.export import render
    from timeline.pipeline import build_timeline

    built = build_timeline(Config(title=TITLE, input=SEEDS, cache=None))
    timeline = built[0] if isinstance(built, tuple) else built  # (timeline, stats)
    return {name: render(timeline, fmt).encode("utf-8") for name, fmt in FILES.items()}


def main() -> int:
    """Write every golden file and say which ones changed."""
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, data in golden_outputs().items():
        path = GOLDEN / name
        changed = not path.exists() or path.read_bytes() != data
        path.write_bytes(data)
        print(f"{'updated' if changed else 'same   '} {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
