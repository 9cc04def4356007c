"""write_site without a browser: files, determinism, atomic replacement, escaping and the CSP."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from test_export_fixtures import HOSTILE, mention, sample_timeline, timelines

from timeline.export import FORMATS, load, render, site, write_site
from timeline.export.site import CSP, json_for_script, render_index, site_data
from timeline.model import Timeline


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_writes_the_page_assets_and_requested_exports(tmp_path: Path) -> None:
    out = tmp_path / "site"
    written = write_site(sample_timeline(), out, ("csv", "ics"))
    names = sorted(str(p.relative_to(out)) for p in written)
    assert names == [
        "assets/plotly.min.js",
        "assets/timeline.css",
        "assets/timeline.js",
        "index.html",
        "timeline.csv",
        "timeline.ics",
        "timeline.yaml",
    ]
    assert sorted(_tree(out)) == names  # nothing else in the folder
    assert (out / "timeline.ics").read_bytes() == render(sample_timeline(), "ics").encode()
    assert b"plotly.js" in (out / "assets/plotly.min.js").read_bytes()[:200]


def test_every_format_and_its_file_name(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(sample_timeline(), out, FORMATS)
    for name in (
        "timeline.yaml",
        "timeline.json",
        "timeline.timelinejs.json",
        "timeline.csv",
        "timeline.ics",
    ):
        assert (out / name).is_file(), name
    assert load(out / "timeline.yaml").events == sample_timeline().events


def test_unknown_export_fails_before_touching_the_disk(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with pytest.raises(ValueError, match="allowed"):
        write_site(sample_timeline(), out, ("pdf",))
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    write_site(sample_timeline(), tmp_path / "one", FORMATS)
    write_site(sample_timeline(), tmp_path / "two", FORMATS)
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


def test_rebuild_replaces_the_old_site_and_keeps_its_readme(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "README.md").write_text("# Published site\n", encoding="utf-8")
    (out / "stale.html").write_text("old", encoding="utf-8")
    written = write_site(sample_timeline(), out)
    assert (out / "README.md").read_text(encoding="utf-8") == "# Published site\n"
    assert out / "README.md" in written
    assert not (out / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temporary folders left


def test_failed_build_leaves_the_previous_site_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    write_site(sample_timeline(), out, ("csv",))
    before = _tree(out)

    def explode(new: Path, old: Path) -> None:
        assert (new / "timeline.ics").is_file()  # fails after every file was written
        raise OSError("disk full")

    monkeypatch.setattr(site, "_replace_dir", explode)
    with pytest.raises(OSError, match="disk full"):
        write_site(sample_timeline(), out, ("ics",))
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_out_must_be_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.write_text("not a folder", encoding="utf-8")
    with pytest.raises(NotADirectoryError):
        write_site(sample_timeline(), target)


def test_html_escapes_every_article_string() -> None:
    html = render_index(sample_timeline())
    body, _, data_island = html.partition('<script type="application/json" id="timeline-data">')
    assert "<script>alert" not in body
    assert "<img" not in body
    assert "onerror=alert(1)&gt;" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert 'href="javascript:' not in html
    # Only our three scripts: the data island, plotly and the page script.
    assert re.findall(r"<script[^>]*>", html) == [
        '<script type="application/json" id="timeline-data">',
        '<script src="assets/plotly.min.js">',
        '<script src="assets/timeline.js">',
    ]
    assert data_island.count("</script>") == 3


def test_pieces_written_in_python_are_escaped_too() -> None:
    # Quotes, citations, links and the "how the date was known" text are written by site.py helpers,
    # not the template: hostile text must come out escaped there as well.
    base = sample_timeline()
    url = 'https://example.com/x?a="><script>alert(1)</script>'
    articles = tuple(
        dataclasses.replace(a, url=url, published_evidence=HOSTILE, published_confidence=0.5)
        if a.id == "a1"
        else a
        for a in base.articles
    )
    sentence = "It began on <b>May 5</b> & went on."
    event = dataclasses.replace(
        base.events[0], sources=(mention("a1", sentence, "<b>May 5</b>", base.events[0].start),)
    )
    timeline = dataclasses.replace(base, articles=articles, events=(event,))
    body = render_index(timeline).partition('<script type="application/json"')[0]
    assert "<script>alert" not in body and "<b>" not in body
    assert "It began on <mark>&lt;b&gt;May 5&lt;/b&gt;</mark> &amp; went on." in body
    assert '<a href="https://example.com/x?a=&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in body
    assert "(confidence 0.50): “&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_data_island_cannot_break_out_and_parses_back() -> None:
    timeline = sample_timeline()
    text = json_for_script(site_data(timeline))
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == site_data(timeline)
    titles = [e["title"] for e in json.loads(text)["events"]]
    assert any(HOSTILE in t for t in titles)


def test_quote_highlight_uses_offsets_relative_to_the_quote() -> None:
    html = render_index(sample_timeline())
    assert "The runoff will be held on <mark>June 20</mark>, officials said." in html
    assert "The runoff is on <mark>June 21</mark>, according to the campaign." in html


def test_page_is_self_contained_with_a_strict_csp() -> None:
    html = render_index(sample_timeline())
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in html
    assert "script-src 'self'" in CSP and "connect-src 'none'" in CSP and "default-src 'none'" in CSP
    # No resource is loaded from elsewhere: only article links (plain <a>) may point outside.
    for attr in re.findall(r'(?:src|href)="([^"]*)"', html):
        if attr.startswith(("http://", "https://")):
            assert re.search(rf'<a href="{re.escape(attr)}" rel="noopener noreferrer"', html), attr
    assert "cdn" not in html.lower()


def test_every_article_is_listed_with_its_status() -> None:
    html = render_index(sample_timeline())
    for article in sample_timeline().articles:
        assert f'id="article-{article.id}"' in html
    assert "skipped: empty file" in html
    assert 'href="#article-a2"' in html  # the duplicate links to what it duplicates
    assert "decoded as Latin-1" in html


def test_list_is_semantic_and_in_timeline_order() -> None:
    html = render_index(sample_timeline())
    ids = re.findall(r'<li class="event[^"]*" id="event-([^"]+)"', html)
    assert ids == [e.id for e in sample_timeline().events]
    assert '<ol class="event-list">' in html and "<article" in html and "<details" in html


def test_empty_timeline_still_builds(tmp_path: Path) -> None:
    write_site(Timeline(title="Empty", articles=(), events=()), tmp_path / "site", FORMATS)
    assert "No dated events" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_refuses_to_replace_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "project"
    work.mkdir()
    monkeypatch.chdir(work)
    for out in (Path("."), tmp_path):
        with pytest.raises(ValueError, match="working directory"):
            write_site(sample_timeline(), out)
    assert work.is_dir() and list(work.iterdir()) == []


def test_relative_out_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    written = write_site(sample_timeline(), Path("site"))
    assert Path("site/index.html") in written
    assert (tmp_path / "site" / "index.html").is_file()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(timelines())
def test_any_timeline_renders_a_safe_page(timeline: Timeline) -> None:
    html = render_index(timeline)
    # Only our three <script> tags, whatever the data holds.
    assert len(re.findall(r"<script", html)) == 3
    assert 'href="javascript' not in html.lower()
    data = json_for_script(site_data(timeline))
    assert not set(data) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(data) == site_data(timeline)
    assert [e["id"] for e in site_data(timeline)["events"]] == [e.id for e in timeline.events]


@settings(max_examples=40, deadline=None)
@given(timelines())
def test_any_timeline_renders_every_format(timeline: Timeline) -> None:
    for fmt in FORMATS:
        assert render(timeline, fmt) == render(timeline, fmt)
    for line in render(timeline, "ics").split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
        if line.startswith(("DTSTART", "DTEND")):
            assert re.fullmatch(r"DT(START|END);VALUE=DATE:\d{8}", line)
    rows = list(csv.reader(io.StringIO(render(timeline, "csv"), newline="")))
    assert len(rows) == 2 + len(timeline.events)


def _many_sources_event(n: int, distinct: int) -> Timeline:
    base = sample_timeline()
    event = next(e for e in base.events if e.sources)
    mention = event.sources[0]
    sources = tuple(
        dataclasses.replace(
            mention, article_id=f"wire{i:03d}", quote=f"Sentence {i % distinct} about the vote."
        )
        for i in range(n)
    )
    return dataclasses.replace(base, events=(dataclasses.replace(event, sources=sources),))


def test_an_event_with_many_sources_quotes_a_few_different_ones() -> None:
    # Wire copy: 40 articles, 3 different sentences. The page quotes the 3 first, up to the limit, and
    # says how many more the data files hold; the data files keep them all.
    timeline = _many_sources_event(40, 3)
    (event,) = timeline.events
    shown, more = site.shown_sources(event)
    assert len(shown) == site.SHOWN_SOURCES and more == 40 - site.SHOWN_SOURCES
    assert [m.quote for m in shown[:3]] == [f"Sentence {i} about the vote." for i in range(3)]
    html = render_index(timeline)
    assert html.count('<li class="source">') == site.SHOWN_SOURCES
    assert f"and {40 - site.SHOWN_SOURCES} more quotes from the sources" in html
    assert render(timeline, "yaml").count("article: wire") == 40
    # The search text holds each sentence once.
    (data,) = site_data(timeline)["events"]
    assert data["search"].count("sentence 1 about the vote.") == 1


def test_an_event_with_few_sources_quotes_them_all_in_order() -> None:
    timeline = _many_sources_event(site.SHOWN_SOURCES, 2)
    (event,) = timeline.events
    assert site.shown_sources(event) == (list(event.sources), 0)
    assert "more quote" not in render_index(timeline)
