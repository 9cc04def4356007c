"""Ingest: every format, every kind of bad input named and kept, streaming."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import InputError
from timeline.ingest import decode, read_articles, read_file


def test_seed_format_with_date_line(write) -> None:
    path = write("a.txt", " date 2017-04-19 First words.\n\nSecond paragraph.")
    (article,) = read_file(path)
    assert article.id == "a"
    assert article.published == dt.date(2017, 4, 19)
    assert article.published_source == "header"
    assert article.text == "First words.\n\nSecond paragraph."


def test_seed_format_without_date_line(write) -> None:
    (article,) = read_file(write("b.txt", "Just a body."))
    assert article.published is None and article.published_source == "none"
    assert article.text == "Just a body."


def test_seeds_read_with_their_names(seeds_dir: Path) -> None:
    articles = list(read_articles(seeds_dir))
    assert [a.id for a in articles] == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    dated = {a.id[:3]: a.published for a in articles}
    assert dated == {
        "000": dt.date(2017, 4, 19),
        "001": None,
        "002": dt.date(2017, 4, 19),
        "003": None,
        "004": None,
    }
    assert all(not a.text.startswith(" date") for a in articles)


def test_json_list_of_records(write) -> None:
    records = [
        {"id": "x1", "text": "Hello.", "published": "2020-01-02T10:00:00Z", "title": "T", "url": "u"},
        {"id": 7, "text": "Numeric id."},
        {"text": "no id"},
    ]
    articles = list(read_file(write("f.json", json.dumps(records))))
    assert [a.status for a in articles] == ["ok", "ok", "skipped"]
    assert articles[0].published == dt.date(2020, 1, 2)
    assert articles[0].published_source == "metadata"
    assert articles[0].title == "T" and articles[0].url == "u"
    assert articles[1].id == "7"
    assert "missing required field(s): id" in (articles[2].reason or "")


def test_jsonl_broken_line_is_named_and_others_build(write) -> None:
    lines = ['{"id": "a", "text": "One."}', "{broken", "", '{"id": "c", "text": "Three."}']
    articles = list(read_file(write("f.jsonl", "\n".join(lines))))
    assert [(a.id, a.status) for a in articles] == [("a", "ok"), ("f:2", "skipped"), ("c", "ok")]
    assert "line 2" in (articles[1].reason or "")


@pytest.mark.parametrize(
    ("name", "content", "status", "fragment"),
    [
        pytest.param("empty.txt", b"", "skipped", "empty file", id="empty file"),
        pytest.param("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "skipped", "binary", id="binary file"),
        pytest.param("pic.png", b"\x89PNG", "skipped", "not an article file", id="other kind of file"),
        pytest.param("only.txt", b" date 2017-04-19", "skipped", "no text", id="date line only"),
        pytest.param("bad.json", b"[{", "skipped", "invalid JSON at line 1", id="broken json"),
        pytest.param("obj.json", b'"text"', "skipped", "list of article records", id="json not a list"),
    ],
)
def test_bad_files_are_named_and_kept(write, name: str, content: bytes, status: str, fragment: str) -> None:
    (article,) = read_file(write(name, content))
    assert article.status == status
    assert fragment in (article.reason or "")


def test_bad_date_header_is_ignored_with_a_warning(write) -> None:
    (article,) = read_file(write("d.txt", " date 2017-13-45 Body text."))
    assert article.status == "ok" and article.published is None
    assert article.text == "Body text."
    assert any("2017-13-45" in w for w in article.warnings)


def test_latin1_file_decodes_with_a_note(write) -> None:
    (article,) = read_file(write("l.txt", "Café in Zürich on Tuesday.".encode("latin-1")))
    assert article.status == "ok"
    assert article.text == "Café in Zürich on Tuesday."
    assert any("Latin-1" in w for w in article.warnings)


def test_missing_input_path_raises_a_named_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope"):
        list(read_articles(tmp_path / "nope"))


def test_folder_is_walked_in_order_hidden_files_skipped(write, tmp_path: Path) -> None:
    write("b.txt", "B.")
    write("sub/a.txt", "A.")
    write(".hidden.txt", "H.")
    write("a.txt", "A top.")
    articles = list(read_articles(tmp_path))
    assert [a.path for a in articles] == ["a.txt", "b.txt", "sub/a.txt"]
    # the two "a" ids are made unique, and the rename is said
    assert [a.id for a in articles] == ["a", "b", "a~2"]
    assert "renamed" in articles[2].warnings[0]


def test_reading_is_lazy(write, tmp_path: Path) -> None:
    write("big.jsonl", "\n".join(json.dumps({"id": str(i), "text": "x"}) for i in range(1000)))
    stream = read_articles(tmp_path)
    first = next(stream)
    assert first.id == "0"  # one article read without reading the rest into a list


def test_large_article_is_read(write) -> None:
    body = ("The council met on Tuesday. " * 400_000)[: 10 * 1024 * 1024]
    (article,) = read_file(write("big.txt", " date 2017-04-19 " + body))
    assert article.status == "ok" and len(article.text) == len(body)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_decode_never_raises(data: bytes) -> None:
    text, note = decode(data)
    assert text is not None or note


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([".txt", ".json", ".jsonl"]))
def test_ingest_never_raises_on_arbitrary_bytes(tmp_path_factory, data: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    path.write_bytes(data)
    for article in read_file(path):
        assert article.status in ("ok", "skipped")
        assert article.status == "ok" or article.reason
