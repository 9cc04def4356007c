"""Files, folders, JSON and JSON Lines -> Articles, lazily, one small reader per format.

Nothing is dropped: a file or record that cannot be read becomes an Article with status "skipped" and a
reason that names the problem, so it still appears in the output. Reading is streaming: a folder is walked
one directory at a time and a JSON Lines file is read line by line, so memory does not grow with the input.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from timeline.errors import InputError
from timeline.model import Article

SUFFIXES: tuple[str, ...] = (".txt", ".json", ".jsonl")
# The seed format's optional first line: " date YYYY-MM-DD" (leading space), body text may follow it.
_DATE_HEADER = re.compile(r"\A\ufeff? date (\S*)[ \t]?")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# A file whose first bytes hold NUL or many control bytes is binary, not text.
_SNIFF_BYTES = 8192
# Control bytes that text does not hold (tab, newline, form feed and carriage return it does).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# A JSON file (a list of records) is parsed whole; past this size use JSON Lines, which streams.
MAX_JSON_BYTES = 512 * 1024 * 1024


def input_files(path: Path) -> Iterator[Path]:
    """The files an input path holds, in reading order (hidden ones skipped); a missing path is an error."""
    if not path.exists():
        raise InputError(f"input path not found: {path}")
    return _walk(path) if path.is_dir() else iter([path])


def read_articles(path: Path) -> Iterator[Article]:
    """Every article under `path` (a file or a folder), in a stable order; bad input comes out skipped."""
    files = input_files(path)
    root = path if path.is_dir() else path.parent
    seen: dict[str, str] = {}
    for file in files:
        for article in read_file(file, root=root):
            yield _unique(article, seen)


def _walk(folder: Path) -> Iterator[Path]:
    # os.scandir one directory at a time: a folder of 100,000 files is never listed recursively at once.
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # .git, .DS_Store, editor files: never articles
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _unique(article: Article, seen: dict[str, str]) -> Article:
    # Two files may give the same id (a.txt and a.json); the later one is renamed, and says so.
    where = article.path or article.id
    if article.id not in seen:
        seen[article.id] = where
        return article
    n = 2
    while f"{article.id}~{n}" in seen:
        n += 1
    new_id = f"{article.id}~{n}"
    seen[new_id] = where
    note = f"id '{article.id}' is also used by {seen[article.id]}; renamed to '{new_id}'"
    return replace(article, id=new_id, warnings=(*article.warnings, note))


def read_file(file: Path, root: Path | None = None) -> Iterator[Article]:
    """The articles in one file, chosen by its extension; any other kind of file comes out skipped."""
    rel = _relative(file, root)
    stem = file.stem
    reader = _READERS.get(file.suffix.lower())
    if reader is None:
        yield _skipped(
            stem,
            rel,
            f"not an article file ({file.suffix or 'no extension'}); supported: {', '.join(SUFFIXES)}",
        )
        return
    try:
        yield from reader(file, rel)
    except OSError as exc:
        yield _skipped(stem, rel, f"cannot read the file: {exc.strerror or exc}")


def _relative(file: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return file.relative_to(root).as_posix()
        except ValueError:
            pass
    return file.as_posix()


def _skipped(article_id: str, path: str, reason: str) -> Article:
    return Article(id=article_id, text="", path=path, status="skipped", reason=reason)


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Bytes -> (text, note): UTF-8, else Latin-1 with a note; (None, reason) for binary data."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return None, "binary file (contains NUL bytes)"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))  # counted in C
    if head and controls / len(head) > 0.1:
        return None, "binary file (mostly control bytes)"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        # Old newsroom archives are often Windows-1252; it decodes Latin-1 text too and names curly quotes.
        note = f"not valid UTF-8 (byte {exc.start}); decoded as Windows-1252/Latin-1"
        try:
            return data.decode("cp1252"), note
        except UnicodeDecodeError:
            return data.decode("latin-1"), note


def _read_txt(file: Path, rel: str) -> Iterator[Article]:
    data = file.read_bytes()
    text, note = decode(data)
    if text is None:
        yield _skipped(file.stem, rel, note or "unreadable")
        return
    warnings = (note,) if note else ()
    published: dt.date | None = None
    source = "none"
    header = _DATE_HEADER.match(text)
    if header:
        raw = header.group(1)
        text = text[header.end() :]
        published = parse_date(raw)
        if published is None:
            warnings = (*warnings, f"bad date header {raw!r} ignored (expected YYYY-MM-DD)")
        else:
            source = "header"
    if not text.strip():
        yield _skipped(file.stem, rel, "empty file" if not data.strip() else "no text after the date line")
        return
    yield Article(
        id=file.stem,
        text=text,
        published=published,
        published_source=source,  # type: ignore[arg-type]
        published_confidence=1.0 if published else 0.0,
        path=rel,
        warnings=warnings,
    )


def _read_json(file: Path, rel: str) -> Iterator[Article]:
    if file.stat().st_size > MAX_JSON_BYTES:
        yield _skipped(file.stem, rel, "JSON file too large to parse whole; use JSON Lines (.jsonl)")
        return
    text, note = decode(file.read_bytes())
    if text is None:
        yield _skipped(file.stem, rel, note or "unreadable")
        return
    if not text.strip():
        yield _skipped(file.stem, rel, "empty file")
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield _skipped(file.stem, rel, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    elif isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        yield _skipped(file.stem, rel, "JSON must be a list of article records")
        return
    for index, record in enumerate(data):
        yield record_to_article(record, f"{file.stem}#{index + 1}", f"{rel} record {index + 1}", note)


def _read_jsonl(file: Path, rel: str) -> Iterator[Article]:
    with file.open("rb") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{rel} line {lineno}"
            fallback_id = f"{file.stem}:{lineno}"
            text, note = decode(line)
            if text is None:
                yield _skipped(fallback_id, where, note or "unreadable line")
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                yield _skipped(fallback_id, where, f"invalid JSON on line {lineno}: {exc.msg}")
                continue
            yield record_to_article(record, fallback_id, where, note)


def record_to_article(record: Any, fallback_id: str, where: str, note: str | None = None) -> Article:
    """One JSON record -> Article: `id`, `text` required; `published`, `title`, `url`, `source` optional."""
    if not isinstance(record, dict):
        return _skipped(fallback_id, where, "record is not a JSON object")
    raw_id = record.get("id")
    article_id = str(raw_id).strip() if isinstance(raw_id, (str, int)) else ""
    missing = [k for k in ("id", "text") if not record.get(k) and record.get(k) != 0]
    if missing or not article_id:
        return _skipped(
            article_id or fallback_id,
            where,
            f"missing required field(s): {', '.join(missing or ['id'])}",
        )
    text = record["text"]
    if not isinstance(text, str):
        return _skipped(article_id, where, "field 'text' must be a string")
    warnings: list[str] = [note] if note else []
    published = None
    raw_date = record.get("published")
    if raw_date not in (None, ""):
        published = parse_date(raw_date)
        if published is None:
            warnings.append(f"bad 'published' value {raw_date!r} ignored (expected an ISO date)")
    if not text.strip():
        return _skipped(article_id, where, "field 'text' is empty")
    return Article(
        id=article_id,
        text=text,
        published=published,
        published_source="metadata" if published else "none",
        published_confidence=1.0 if published else 0.0,
        title=_opt_str(record.get("title")),
        url=_opt_str(record.get("url")),
        source=_opt_str(record.get("source")),
        path=where,
        warnings=tuple(warnings),
    )


def _opt_str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def parse_date(raw: Any) -> dt.date | None:
    """An ISO date or timestamp ('2017-04-19', '2017-04-19T08:00:00Z') -> date; None if it is not one."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if not isinstance(raw, str):
        return None
    match = _ISO_DAY.match(raw.strip())
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(0))
    except ValueError:
        return None


_READERS: dict[str, Callable[[Path, str], Iterator[Article]]] = {
    ".txt": _read_txt,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
}
