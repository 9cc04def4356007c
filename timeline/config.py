"""config.yaml -> a frozen Config. Every option has a type, a default and a one-line doc; all errors at once.

Paths in the file are relative to the folder that holds the file, so `timeline build --config x/config.yaml`
works from anywhere. Values given on the command line override the file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from timeline.errors import ConfigError

EXPORT_FORMATS: tuple[str, ...] = ("yaml", "json", "timelinejs", "csv", "ics")
ENGINES: tuple[str, ...] = ("local", "dask")


@dataclass(frozen=True, slots=True)
class Option:
    """One config key: its type check, default and the line of documentation the README repeats."""

    name: str
    default: Any
    doc: str
    check: Callable[[Any], str | None]


def _is_str(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a non-empty string"


def _is_opt_str(value: Any) -> str | None:
    return None if value is None or isinstance(value, str) else "must be a string or null"


def _is_opt_positive_int(value: Any) -> str | None:
    ok = value is None or (isinstance(value, int) and not isinstance(value, bool) and value > 0)
    return None if ok else "must be a positive whole number or null"


def _is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _is_exports(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return f"must be a list of formats from: {', '.join(EXPORT_FORMATS)}"
    unknown = [v for v in value if v not in EXPORT_FORMATS]
    if unknown:
        return f"unknown format(s) {', '.join(unknown)}; choose from: {', '.join(EXPORT_FORMATS)}"
    return None


def _is_engine(value: Any) -> str | None:
    return None if value in ENGINES else f"must be one of: {', '.join(ENGINES)}"


OPTIONS: tuple[Option, ...] = (
    Option(
        "title",
        "Timeline",
        "Title of the timeline, shown on the site and in every export.",
        _is_str,
    ),
    Option("input", "seeds", "A file or folder of articles (.txt, .json, .jsonl).", _is_str),
    Option("out", "site", "Folder the site and exports are written to (replaced atomically).", _is_str),
    Option(
        "exports",
        ["yaml"],
        "Export formats written beside index.html: yaml, json, timelinejs, csv, ics.",
        _is_exports,
    ),
    Option("top", None, "Keep only the N most salient events (null = all).", _is_opt_positive_int),
    Option(
        "jobs",
        None,
        "Worker processes for per-article work (null = all cores).",
        _is_opt_positive_int,
    ),
    Option(
        "cache",
        ".timeline-cache",
        "Folder of the per-article result cache for incremental builds (null = no cache).",
        _is_opt_str,
    ),
    Option("engine", "local", "Where per-article work runs: local or dask.", _is_engine),
    Option(
        "scheduler",
        None,
        "Dask scheduler address (engine dask; null = a local cluster).",
        _is_opt_str,
    ),
    Option("quiet", False, "No progress bar and no summary.", _is_bool),
)
_OPTIONS_BY_NAME = {o.name: o for o in OPTIONS}
_PATH_KEYS = ("input", "out", "cache")


@dataclass(frozen=True, slots=True)
class Config:
    """The settings of one build. Paths are absolute or relative to the working directory."""

    title: str = "Timeline"
    input: Path = Path("seeds")
    out: Path = Path("site")
    exports: tuple[str, ...] = ("yaml",)
    top: int | None = None
    jobs: int | None = None
    cache: Path | None = Path(".timeline-cache")
    engine: str = "local"
    scheduler: str | None = None
    quiet: bool = False

    @property
    def workers(self) -> int:
        """How many worker processes to use: `jobs`, else every core."""
        return self.jobs or os.cpu_count() or 1


def validate(raw: Mapping[str, Any], source: str) -> list[str]:
    """Every problem with a mapping of raw config values, each naming its key."""
    problems = []
    for key, value in raw.items():
        option = _OPTIONS_BY_NAME.get(key)
        if option is None:
            known = ", ".join(o.name for o in OPTIONS)
            problems.append(f"unknown key '{key}' (known keys: {known})")
            continue
        message = option.check(value)
        if message:
            problems.append(f"key '{key}' {message} (got {value!r})")
    return problems


def _typed(raw: Mapping[str, Any], base: Path) -> dict[str, Any]:
    # Validated YAML-form values -> Config field values; relative paths are taken from `base`.
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key in _PATH_KEYS and value is not None:
            path = Path(value).expanduser()
            values[key] = path if path.is_absolute() else base / path
        elif key == "exports":
            values[key] = tuple(dict.fromkeys(value))  # keep order, drop repeats
        else:
            values[key] = value
    return values


def load_config(path: Path | None, overrides: Mapping[str, Any] | None = None) -> Config:
    """Read config.yaml (if given and present), validate it, apply command-line overrides.

    A missing default `config.yaml` means defaults; a missing file named explicitly is an error.
    """
    raw: dict[str, Any] = {}
    base = Path()
    source = "config"
    if path is not None:
        source = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(source, ["file not found"]) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(source, [f"cannot read the file: {exc}"]) from None
        try:
            loaded = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ConfigError(source, [f"broken YAML: {_yaml_problem(exc)}"]) from None
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise ConfigError(source, ["the file must be a mapping of key: value lines"])
        raw = loaded
        base = path.parent
    given = _overrides_as_raw({k: v for k, v in (overrides or {}).items() if v is not None})
    problems = validate(raw, source) + [f"command line: {p}" for p in validate(given, "command line")]
    if problems:
        raise ConfigError(source, problems)
    # Command-line paths are relative to the working directory, the file's to the file's folder.
    return replace(Config(**_typed(raw, base)), **_typed(given, Path()))


def _overrides_as_raw(overrides: Mapping[str, Any]) -> dict[str, Any]:
    # Overrides arrive typed from the CLI (Paths, tuples); validate them in their YAML form.
    out: dict[str, Any] = {}
    for key, value in overrides.items():
        if isinstance(value, Path):
            out[key] = str(value)
        elif isinstance(value, tuple):
            out[key] = list(value)
        else:
            out[key] = value
    return out


def _yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is not None:
        return f"{problem} at line {mark.line + 1}, column {mark.column + 1}"
    return problem


def reference_table() -> str:
    """The config reference as a Markdown table (the README embeds it; a test keeps them in sync)."""
    rows = ["| key | default | what it does |", "| --- | --- | --- |"]
    for option in OPTIONS:
        default = yaml.safe_dump(option.default, default_flow_style=True).strip()
        default = default.removesuffix("\n...").removesuffix("...").strip()
        rows.append(f"| `{option.name}` | `{default}` | {option.doc} |")
    return "\n".join(rows)
