"""What a build shows on a terminal: a progress bar while it works and a one-screen summary at the end.

Quiet when standard error is not a terminal or with --quiet: scripts and CI logs get no bar noise.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from timeline.ingest import input_files
from timeline.model import ArticleResult
from timeline.pipeline import BuildStats


def count_inputs(path: Path) -> int | None:
    """A cheap count of the articles under `path` for the ETA; None if unknown."""
    if path.is_file():
        return _count_file(path)
    return sum(_count_file(file) or 1 for file in input_files(path))


def _count_file(path: Path) -> int | None:
    # A JSON Lines file holds one article a line: counting lines reads at disk speed, no parsing.
    if path.suffix.lower() == ".jsonl":
        try:
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        except OSError:
            return 1
    return None if path.suffix.lower() == ".json" else 1


class BuildProgress:
    """Counts results as they arrive and drives the bar (articles/s and ETA) when one is shown."""

    def __init__(self, console: Console | None, total: int | None) -> None:
        self.console = console
        self.done = 0
        self.cached = 0
        self._progress: Progress | None = None
        self._task = None
        if console is not None:
            self._progress = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            self._task = self._progress.add_task("tagging", total=total, rate="")

    def on_result(self, result: ArticleResult, cached: bool) -> None:
        """Count one finished article."""
        self.done += 1
        self.cached += cached
        if self._progress is not None and self._task is not None:
            task = self._progress.tasks[0]
            speed = task.speed or 0.0
            self._progress.update(self._task, advance=1, rate=f"{speed:,.0f} articles/s")

    def on_stage(self, message: str) -> None:
        """Say which cross-article stage is running (they have no per-article progress to show)."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=message)

    @contextmanager
    def running(self) -> Iterator[BuildProgress]:
        """Show the bar for the duration of the block."""
        if self._progress is None:
            yield self
            return
        with self._progress:
            yield self


def terminal_console(quiet: bool) -> Console | None:
    """A console on standard error when it is a terminal and the build is not quiet; else None."""
    if quiet:
        return None
    console = Console(stderr=True)
    return console if console.is_terminal else None


def print_summary(console: Console, stats: BuildStats, out: Path, written: list[Path]) -> None:
    """The end-of-build summary: what was read, skipped and built, and how long it took."""
    table = Table(show_header=False, box=None, padding=(0, 2))
    rate = stats.articles / stats.seconds if stats.seconds > 0 else 0.0
    table.add_row("articles read", f"{stats.articles:,}")
    table.add_row("  from cache", f"{stats.cached:,}")
    table.add_row("  duplicates", f"{stats.duplicates:,}")
    table.add_row("  dates inferred", f"{stats.inferred:,}")
    table.add_row("  still undated", f"{stats.undated:,}")
    table.add_row("  skipped", f"{sum(stats.skipped.values()):,}")
    for reason, count in stats.skipped.most_common(8):
        table.add_row("", f"[yellow]{count:,} × {reason}[/]")
    if len(stats.skipped) > 8:
        table.add_row("", f"… and {len(stats.skipped) - 8} other reasons (see timeline.yaml)")
    table.add_row("events", f"{stats.events:,}")
    table.add_row("  with conflicts", f"{stats.conflicts:,}")
    table.add_row("time", f"{stats.seconds:.1f} s ({rate:,.0f} articles/s)")
    table.add_row("written", f"{out}/ ({len(written)} files)")
    console.print(table)
