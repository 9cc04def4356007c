"""Parallel and distributed builds give the same timeline as a serial one; the cache makes rebuilds cheap."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from timeline.build import run_build
from timeline.config import Config

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _config(tmp_path: Path, name: str, **changes: object) -> Config:
    base = Config(input=SEEDS, out=tmp_path / name, cache=None, quiet=True, jobs=1)
    return dataclasses.replace(base, **changes)


def test_process_pool_matches_serial(tmp_path: Path) -> None:
    serial, _, _ = run_build(_config(tmp_path, "serial"))
    pooled, _, _ = run_build(_config(tmp_path, "pooled", jobs=2))
    assert pooled == serial
    for name in ("index.html", "timeline.yaml"):
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "pooled" / name).read_bytes()


def test_dask_local_cluster_matches_serial(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    serial, _, _ = run_build(_config(tmp_path, "serial"))
    distributed, _, _ = run_build(_config(tmp_path, "dask", engine="dask", jobs=2))
    assert distributed == serial


def test_rebuild_reuses_the_cache(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for path in SEEDS.glob("*.txt"):
        (source / path.name).write_bytes(path.read_bytes())
    config = _config(tmp_path, "out", input=source, cache=tmp_path / "cache")
    _, stats, _ = run_build(config)
    assert stats.cached == 0 and stats.computed >= 5
    (source / "new.txt").write_text(" date 2017-04-20 The board met on Thursday to approve the budget.")
    second, stats, _ = run_build(config)
    assert stats.computed == 1, "only the added article is tagged again"
    assert len(second.articles) == 6
    again, stats, _ = run_build(config)
    assert stats.computed == 0 and again == second
    # Served from the cache or computed afresh, the same input gives the same files, byte for byte.
    fresh, _, _ = run_build(dataclasses.replace(config, out=tmp_path / "fresh", cache=None))
    assert fresh == second
    for name in ("index.html", "timeline.yaml"):
        assert (tmp_path / "fresh" / name).read_bytes() == (tmp_path / "out" / name).read_bytes()
