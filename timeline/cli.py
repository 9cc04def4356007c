"""The command line: thin commands over the library. Each command's docstring is its --help."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from timeline import __version__
from timeline.errors import TimelineError

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_CONFIG = Path("config.yaml")


def _user_errors(func: F) -> F:
    # A problem the user can act on is printed as one message and an exit code, never a traceback.
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TimelineError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
def cli() -> None:
    """timeline: turn a pile of news articles into a dated, sourced, interactive timeline."""


@cli.command()
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Config file [default: ./config.yaml if present].",
)
@click.option("--input", "input_path", type=click.Path(path_type=Path), help="A file or folder of articles.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), help="Output folder for the site.")
@click.option("--title", help="Timeline title.")
@click.option("--top", type=click.IntRange(min=1), help="Keep only the N most salient events.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [default: all cores].")
@click.option("--engine", type=click.Choice(["local", "dask"]), help="Where per-article work runs.")
@click.option("--scheduler", help="Dask scheduler address (with --engine dask).")
@click.option("--no-cache", is_flag=True, help="Ignore and do not write the per-article cache.")
@click.option(
    "--append",
    "append_only",
    is_flag=True,
    help="Place only the articles new since the last build among its events (fast; see README).",
)
@click.option("--quiet", "-q", is_flag=True, default=None, help="No progress bar, no summary.")
@_user_errors
def build(
    config_path: Path | None,
    input_path: Path | None,
    out: Path | None,
    title: str | None,
    top: int | None,
    jobs: int | None,
    engine: str | None,
    scheduler: str | None,
    no_cache: bool,
    append_only: bool,
    quiet: bool | None,
) -> None:
    """Build the site and exports from the articles (reads ./config.yaml; options override it)."""
    from timeline.build import run_build
    from timeline.config import load_config

    if config_path is None and DEFAULT_CONFIG.is_file():
        config_path = DEFAULT_CONFIG
    overrides: dict[str, Any] = {
        "input": input_path,
        "out": out,
        "title": title,
        "top": top,
        "jobs": jobs,
        "engine": engine,
        "scheduler": scheduler,
        "quiet": quiet or None,  # an absent flag must not override `quiet: true` in the file
    }
    config = load_config(config_path, overrides)
    run_build(config, use_cache=not no_cache, append=append_only)


@cli.command(name="tag")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--dct", help="Publication date YYYY-MM-DD [default: the article's date line or metadata].")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "timeml"]), default="text", show_default=True
)
@_user_errors
def tag_command(file: Path, dct: str | None, fmt: str) -> None:
    """Print the temporal expressions of the article(s) in FILE, resolved against the publication date."""
    from timeline.ingest import parse_date, read_file
    from timeline.temporal import format_timexes, tag

    anchor = None
    if dct is not None:
        anchor = parse_date(dct)
        if anchor is None:
            raise TimelineError(f"--dct {dct!r} is not a date (expected YYYY-MM-DD)")
    articles = list(read_file(file))
    for article in articles:
        if article.status != "ok":
            click.echo(f"{article.id}: skipped: {article.reason}", err=True)
            continue
        when = anchor or article.published
        if len(articles) > 1 and fmt == "text":
            click.echo(f"# {article.id} (publication date: {when or 'unknown'})")
        click.echo(format_timexes(article.text, tag(article.text, when), fmt))


@cli.command()
@click.option(
    "--timeml",
    "timeml_dir",
    required=True,
    type=click.Path(path_type=Path, exists=True),
    help="Folder of TimeML (.tml) files with gold TIMEX3 annotations.",
)
@click.option("--errors", "errors_path", type=click.Path(path_type=Path, dir_okay=False), help="Write a TSV.")
@_user_errors
def evaluate(timeml_dir: Path, errors_path: Path | None) -> None:
    """Score the tagger on TimeML files: TempEval-3 span, value and type figures."""
    from timeline.evaluate import evaluate_directory

    click.echo(evaluate_directory(timeml_dir, errors_path))


@cli.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["yaml", "json", "timelinejs", "csv", "ics"]),
    help="Export format.",
)
@click.option(
    "--from",
    "source",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="A built timeline.yaml [default: timeline.yaml in the configured output folder].",
)
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), default=None)
@click.option(
    "--output", "-o", type=click.Path(path_type=Path, dir_okay=False), help="File [default: stdout]."
)
@_user_errors
def export(fmt: str, source: Path | None, config_path: Path | None, output: Path | None) -> None:
    """Convert a built timeline (timeline.yaml) to another format: yaml, json, timelinejs, csv or ics."""
    from timeline.config import load_config
    from timeline.export import load, render

    if source is None:
        if config_path is None and DEFAULT_CONFIG.is_file():
            config_path = DEFAULT_CONFIG
        source = load_config(config_path).out / "timeline.yaml"
        if not source.is_file():
            raise TimelineError(f"{source} not found: run `timeline build` first or pass --from")
    text = render(load(source), fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8", newline="")
        click.echo(f"wrote {output}", err=True)


def main() -> None:
    """Console-script entry point."""
    cli()


if __name__ == "__main__":
    main()
