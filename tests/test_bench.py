"""The tagger benchmark runs end to end on a tiny corpus and prints its figures (no timing asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_tag_prints_both_sides_and_the_ratio() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_tag.py"), str(ROOT / "tests" / "fixtures" / "timeml"),
         "--repeat", "2"],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    assert lines[0] == "documents: 2"
    assert lines[1].startswith("timeline.temporal.tag") and "ms/doc" in lines[1]
    assert lines[2].startswith("dateparser.search_dates") and "ms/doc" in lines[2]
    assert lines[3].startswith("ratio (search_dates / tag)") and lines[3].endswith("x")


def test_bench_tag_names_an_empty_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_tag.py"), str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode != 0
    assert f"no *.tml files under {tmp_path}" in result.stderr


def test_tag_passes_runs_its_fixed_workload_silently(tmp_path: Path) -> None:
    script = str(ROOT / "bench" / "tag_passes.py")
    done = subprocess.run(
        [sys.executable, script, str(ROOT / "tests" / "fixtures" / "timeml"), "2"],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    assert done.stdout == ""
    empty = subprocess.run(
        [sys.executable, script, str(tmp_path), "1"], capture_output=True, text=True, timeout=300
    )
    assert empty.returncode != 0 and "no *.tml files" in empty.stderr
