"""Per-article results cached by content hash in SQLite, so a rebuild only redoes what changed.

The key covers everything the per-article stage reads (the Article's fields) plus a fingerprint of the
tool: its version and the source of the package, so a new release or a local code change never serves a
stale result.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import pickle
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from timeline import __version__
from timeline.model import Article, ArticleResult

_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL)"
# What the last build leaves for `timeline build --append`: one row, replaced by every build.
_STATE_SCHEMA = "CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value BLOB NOT NULL)"
# SQLite caps the number of host parameters in one statement; stay well below it.
_MAX_PARAMS = 500


@functools.cache
def tool_fingerprint() -> str:
    """A hash of the tool's version and its own source files: changes whenever the code does."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


_ARTICLE_FIELDS = dataclasses.fields(Article)


def article_key(article: Article) -> str:
    """The cache key of an article: its content and metadata, and the tool fingerprint."""
    # The fields one level deep (they are strings, dates and tuples of strings): what asdict gives,
    # without its deep copy of every value.
    fields = {f.name: getattr(article, f.name) for f in _ARTICLE_FIELDS}
    payload = json.dumps(fields, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(f"{tool_fingerprint()}\0{payload}".encode()).hexdigest()


class ResultCache:
    """A SQLite file of pickled ArticleResults keyed by `article_key`. Written only by the main process."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "results.sqlite"
        self._db = sqlite3.connect(self.path)
        # WAL lets a second build read while one writes; NORMAL sync is safe for a rebuildable cache.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)
        self._db.execute(_STATE_SCHEMA)

    def get_many(self, keys: Iterable[str]) -> dict[str, ArticleResult]:
        """The cached results among `keys`; a row that no longer unpickles counts as a miss."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, ArticleResult] = {}
        for i in range(0, len(wanted), _MAX_PARAMS):
            chunk = wanted[i : i + _MAX_PARAMS]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT key, value FROM results WHERE key IN ({marks})", chunk)
            for key, value in rows:
                try:
                    found[key] = pickle.loads(value)
                except Exception:  # a stale or corrupt row is just a miss
                    continue
        return found

    def put_many(self, items: Mapping[str, ArticleResult]) -> None:
        """Store results, one transaction for the lot."""
        rows = [(k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items.items()]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", rows)

    def get_state(self) -> Any:
        """The last build's state (see `timeline.append`), or None when there is none or it is unreadable."""
        row = self._db.execute("SELECT value FROM state WHERE name = 'build'").fetchone()
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:  # a state from another version, or damaged: there is none to append to
            return None

    def put_state(self, state: Any) -> None:
        """Keep one build's state, replacing the previous one."""
        blob = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO state (name, value) VALUES ('build', ?)", (blob,))

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
