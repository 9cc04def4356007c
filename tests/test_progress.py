"""Progress and summary: shown on a terminal only, with a total that matches what will be read."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

from rich.console import Console

from timeline.pipeline import BuildStats
from timeline.progress import BuildProgress, count_inputs, print_summary, terminal_console


def test_count_inputs_counts_files_and_json_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text("\n".join(json.dumps({"id": i, "text": "x"}) for i in range(7)))
    (tmp_path / ".hidden").write_text("x")
    assert count_inputs(tmp_path) == 8
    assert count_inputs(tmp_path / "sub" / "b.jsonl") == 7
    assert count_inputs(tmp_path / "a.txt") == 1


def test_quiet_or_not_a_terminal_shows_nothing() -> None:
    assert terminal_console(quiet=True) is None
    # Under pytest standard error is captured, so it is not a terminal.
    assert terminal_console(quiet=False) is None


def test_progress_counts_results_without_a_console() -> None:
    progress = BuildProgress(None, total=None)
    with progress.running():
        progress.on_result(None, False)  # type: ignore[arg-type]
        progress.on_result(None, True)  # type: ignore[arg-type]
        progress.on_stage("merging")
    assert (progress.done, progress.cached) == (2, 1)


def test_summary_names_skip_reasons_and_fits_one_screen() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, force_terminal=False)
    reasons = Counter({f"reason {i}": i + 1 for i in range(12)})
    stats = BuildStats(articles=100, skipped=reasons, events=40, conflicts=2, seconds=2.0)
    print_summary(console, stats, Path("site"), [Path("site/index.html")])
    text = buffer.getvalue()
    assert "articles read" in text and "100" in text and "50 articles/s" in text
    assert "reason 11" in text  # the most common reasons are named
    assert "4 other reasons" in text
    assert len(text.splitlines()) <= 24
