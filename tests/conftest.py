"""Shared fixtures: a pinned environment so no test depends on the machine, and paths to the seeds."""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import pytest

from timeline.ingest import read_articles
from timeline.model import ArticleResult
from timeline.pipeline import analyse_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _pinned_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # Time zone and locale pinned: dates must never depend on where the tests run.
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    if hasattr(time, "tzset"):
        time.tzset()


@pytest.fixture
def seeds_dir() -> Path:
    """The five seed articles shipped with the repository."""
    return SEEDS


@pytest.fixture(scope="session")
def seed_results() -> list[ArticleResult]:
    """The seeds through ingest and the per-article stages, with short ids ("000".."004")."""
    articles = [dataclasses.replace(a, id=a.id[:3]) for a in read_articles(SEEDS)]
    return [analyse_article(a) for a in articles]


@pytest.fixture
def write(tmp_path: Path):
    """Write a file under tmp_path (text or bytes) and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def pytest_configure(config: pytest.Config) -> None:
    """Keep hypothesis from writing its example database into the repository."""
    os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(ROOT / ".hypothesis"))
