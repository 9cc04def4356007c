"""Timeline -> a static site folder: index.html, plotly.js, our css/js, timeline.yaml and exports.

The page is rendered server-side (the event list and article table read fine without
JavaScript); the chart is drawn by static/timeline.js from a JSON data island. The folder is
self-contained (no CDN, no fonts, no request leaves the page) so it works from file:// or any
static host, and is written atomically: a failed build leaves the previous site in place.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from timeline.export._shared import (
    add_days,
    article_index,
    article_label,
    assign_lanes,
    end_exclusive,
    is_span,
    quote_parts,
    safe_url,
    source_count_label,
)
from timeline.model import Article, Event, Mention, Timeline

# Files copied verbatim from timeline/export/static into out/assets.
STATIC_FILES: tuple[str, ...] = ("timeline.css", "timeline.js")
ASSETS = "assets"

# The page may load its own scripts and styles only; plotly.js needs inline styles.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; "
    "form-action 'none'"
)

PUBLISHED_HOW: dict[str, str] = {
    "header": "from the file header",
    "metadata": "from metadata",
    "content": "inferred from the text",
    "duplicate": "taken from the article it duplicates",
    "story": "inferred from the story",
    "none": "unknown",
}

# Vertical spacing of overlapping events inside one lane (fractions of the lane height).
_ROW_OFFSETS: tuple[float, ...] = (0.0, -0.22, 0.22, -0.44, 0.44)


def json_for_script(data: Any) -> str:
    """JSON safe to embed inside <script type="application/json">: no `<`, `>`, `&`, U+2028/9."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _stack_rows(events: Sequence[Event], lanes: Sequence[str], lane_of: dict[str, str]) -> dict[str, float]:
    """Each event's y: its lane index, nudged so events that overlap in time do not hide each other."""
    if not events:
        return {}
    # A marker still covers some width on screen: about 1/35 of the stretch the chart opens on
    # (the middle 80% of exact-day events plus the five most salient, as timeline.js picks it),
    # so markers that would touch there go to separate rows.
    exact = [e for e in events if not is_span(e)]
    basis = exact if len(exact) >= 3 else list(events)
    starts = sorted(e.start for e in basis)
    ends = sorted(end_exclusive(e) for e in basis)
    lo = starts[int(0.1 * (len(starts) - 1))]
    hi = ends[-1 - int(0.1 * (len(ends) - 1))]
    for e in sorted(exact, key=lambda e: -e.salience)[:5]:
        lo, hi = min(lo, e.start), max(hi, end_exclusive(e))
    pad = max(1, round((hi - lo).days / 35))
    lane_index = {lane: i for i, lane in enumerate(lanes)}
    row_ends: dict[str, list[dt.date]] = {lane: [] for lane in lanes}
    y: dict[str, float] = {}
    for event in sorted(events, key=lambda e: (e.start, end_exclusive(e), e.id)):
        lane = lane_of[event.id]
        ends = row_ends[lane]
        stop = max(end_exclusive(event), add_days(event.start, pad))
        row = next((i for i, end in enumerate(ends) if end <= event.start), len(ends))
        if row == len(ends) and row < len(_ROW_OFFSETS):
            ends.append(stop)
        else:
            # Every row busy: reuse the one that frees first (a lane has only so many rows).
            row = row if row < len(ends) else min(range(len(ends)), key=ends.__getitem__)
            ends[row] = max(ends[row], stop)
        y[event.id] = lane_index[lane] + _ROW_OFFSETS[row]
    return y


# An event told by hundreds of articles (wire copy) would put hundreds of quotes, often the same
# sentence, on the page: it shows this many, different sentences first, and says how many more the data
# files hold.
SHOWN_SOURCES = 12


def shown_sources(event: Event, limit: int = SHOWN_SOURCES) -> tuple[list[Mention], int]:
    """The source mentions the page quotes for an event (all when few), and how many it leaves out."""
    if len(event.sources) <= limit:
        return list(event.sources), 0
    seen: set[str] = set()
    first, repeats = [], []
    for m in event.sources:
        quote = " ".join(m.quote.split())
        (repeats if quote in seen else first).append(m)
        seen.add(quote)
        if len(first) == limit:
            break  # the page shows the first `limit` different sentences: the rest cannot change that
    return (first + repeats)[:limit], len(event.sources) - limit


def _search_text(event: Event, articles: dict[str, Article]) -> str:
    parts = [event.display_date, event.title, event.summary, *event.actors]
    mentions = (*event.sources, *event.conflicts)
    # Each sentence once: wire copy repeats it in many articles.
    parts += dict.fromkeys(m.quote for m in mentions)
    parts += dict.fromkeys(article_label(articles.get(m.article_id), m.article_id) for m in mentions)
    # lower(), not casefold(): the page lower-cases the query with JavaScript's toLowerCase().
    return " ".join(parts).lower()


def site_data(timeline: Timeline) -> dict[str, Any]:
    """The data the chart script needs (the list and details are rendered in HTML instead)."""
    articles = article_index(timeline.articles)
    lanes, lane_of = assign_lanes(timeline)
    y = _stack_rows(timeline.events, lanes, lane_of)
    return {
        "title": timeline.title,
        "lanes": [{"name": lane, "y": i} for i, lane in enumerate(lanes)],
        "events": [
            {
                "id": e.id,
                "start": e.start.isoformat(),
                "end": end_exclusive(e).isoformat(),
                "span": is_span(e),
                "y": y[e.id],
                "lane": lane_of[e.id],
                "display_date": e.display_date,
                "title": e.title,
                "sources": e.independent_sources,
                "salience": round(e.salience, 4),
                "conflict": bool(e.conflicts),
                "articles": sorted({m.article_id for m in (*e.sources, *e.conflicts)}),
                "search": _search_text(e, articles),
            }
            for e in timeline.events
        ],
    }


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("timeline.export", "templates"),
        autoescape=True,  # every string from an article goes through here: escape all of it
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        source_count_label=source_count_label,
        shown_sources=shown_sources,
        span_label=span_label,
        how_known=how_known,
        time_html=time_html,
        quote_html=quote_html,
    )
    return env


def time_html(day: dt.date) -> Markup:
    """`<time datetime="2017-06-20">2017-06-20</time>`."""
    iso = escape(day.isoformat())
    return Markup(f'<time datetime="{iso}">{iso}</time>')


def how_known(article: Article) -> str:
    """How an article's publication date was known, as the article table says it (plain text)."""
    text = PUBLISHED_HOW.get(article.published_source, article.published_source)
    if article.published and article.published_confidence < 1:
        text += f" (confidence {article.published_confidence:.2f})"
    if article.published_evidence:
        text += f": “{article.published_evidence}”"
    return text


class _Page:
    """Article names, links and citations for one page; each source's citation is written once.

    A big timeline quotes tens of thousands of sources and lists tens of thousands of articles. Each
    call, test and output in the template costs about a microsecond, so these small pieces are written
    here (escaped with markupsafe, like the template's output) and the page's structure stays in the
    template.
    """

    def __init__(self, timeline: Timeline) -> None:
        self.articles = article_index(timeline.articles)
        self.cites: dict[str, Markup] = {}

    def label(self, article_id: str) -> str:
        """The article's human name (its title, source or id)."""
        return article_label(self.articles.get(article_id), article_id)

    def article_link(self, article: Article) -> Markup:
        """The article's name, linked to its URL when that is a plain http(s) link."""
        return _link(safe_url(article.url), self.label(article.id))

    def cite(self, mention: Mention) -> Markup:
        """Who a quote is from: the article's (linked) name and, when known, its publication day."""
        html = self.cites.get(mention.article_id)
        if html is None:
            article = self.articles.get(mention.article_id)
            html = self.article_link(article) if article else escape(self.label(mention.article_id))
            if article and article.published:
                html = Markup(f"{html}, published {time_html(article.published)}")
            self.cites[mention.article_id] = html
        return html


def _link(url: str | None, label: str) -> Markup:
    if not url:
        return escape(label)
    return Markup(f'<a href="{escape(url)}" rel="noopener noreferrer" target="_blank">{escape(label)}</a>')


def quote_html(mention: Mention) -> Markup:
    """The mention's quote, its time expression in <mark> (see `quote_parts`)."""
    before, expression, after = quote_parts(mention)
    if expression:
        return Markup(f"{escape(before)}<mark>{escape(expression)}</mark>{escape(after)}")
    return escape(before + after)


def render_index(timeline: Timeline, downloads: Sequence[str] = ("timeline.yaml",)) -> str:
    """The site's index.html for a timeline (deterministic: no clock, no randomness)."""
    page = _Page(timeline)
    data = site_data(timeline)
    used = {m.article_id for e in timeline.events for m in (*e.sources, *e.conflicts)}
    filter_articles = [(a, page.label(a)) for a in used]
    filter_articles.sort(key=lambda pair: (pair[1].casefold(), pair[0]))
    dates = [e.start for e in timeline.events]
    chunks = (
        _environment()
        .get_template("index.html.j2")
        .generate(
            timeline=timeline,
            # The chart's data for each event (lane, span, count) is what the list shows too.
            events=zip(timeline.events, data["events"], strict=True),
            ok_articles=sum(a.status == "ok" for a in timeline.articles),
            csp=Markup(CSP),  # our constant: its quotes need no escaping
            assets=ASSETS,
            lanes=[lane["name"] for lane in data["lanes"]],
            page=page,
            filter_articles=filter_articles,
            first=min(dates) if dates else None,
            last=max(end_exclusive(e) for e in timeline.events) if dates else None,
            data_json=json_for_script(data),
            downloads=downloads,
        )
    )
    # Each escaped piece is a Markup, which the garbage collector tracks (a str is not): holding
    # hundreds of thousands of them for the final join set off full collections (about 0.5 s of a
    # 2.2 s page for 20,000 articles). Joined as plain str, each Markup is freed as soon as it is read.
    return "".join(map(str, chunks))


def span_label(start: dt.date, end: dt.date) -> str:
    """'2017-06-20' for one day, '2017-06-01 – 2017-06-30' for a stretch."""
    return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"


def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _static(name: str) -> bytes:
    return resources.files("timeline.export").joinpath("static", name).read_bytes()


def site_files(timeline: Timeline, exports: Sequence[str] = ("yaml",)) -> dict[str, bytes]:
    """Every file of the site by relative path, as bytes (what `write_site` writes)."""
    from timeline.export import FILENAMES, FORMATS, render

    unknown = [f for f in exports if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown export format(s) {', '.join(unknown)}; allowed: {', '.join(FORMATS)}")
    formats = tuple(dict.fromkeys(("yaml", *exports)))
    files: dict[str, bytes] = {
        "index.html": render_index(timeline, [FILENAMES[f] for f in formats]).encode("utf-8"),
        f"{ASSETS}/plotly.min.js": _plotly_js().encode("utf-8"),
    }
    for name in STATIC_FILES:
        files[f"{ASSETS}/{name}"] = _static(name)
    for fmt in formats:
        files[FILENAMES[fmt]] = render(timeline, fmt).encode("utf-8")
    return files


def _replace_dir(new: Path, out: Path) -> None:
    """Swap `new` in place of `out`: rename the old folder away, rename the new in, delete the old."""
    if not out.exists():
        os.rename(new, out)
        return
    old = out.with_name(f".{out.name}.old-{secrets.token_hex(4)}")
    os.rename(out, old)
    try:
        os.rename(new, out)
    except OSError:
        os.rename(old, out)  # put the previous site back before reporting the failure
        raise
    shutil.rmtree(old, ignore_errors=True)


def write_site(
    timeline: Timeline,
    out: Path,
    exports: Sequence[str] = ("yaml",),
) -> list[Path]:
    """Write the site for `timeline` into `out` atomically; return the written files (sorted)."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"{out} exists and is not a folder")
    target = out.resolve()
    # The old folder is deleted after the swap: never let that be the working tree or a parent of it.
    if target == Path(target.anchor) or target == Path.home() or Path.cwd().is_relative_to(target):
        raise ValueError(f"refusing to replace {out}: it holds the working directory (pick a subfolder)")
    target.parent.mkdir(parents=True, exist_ok=True)
    # Everything that can fail (rendering, unknown formats) happens before the disk is touched.
    files = site_files(timeline, exports)
    readme = out / "README.md"
    if readme.is_file():
        files["README.md"] = readme.read_bytes()  # git tracks site/README.md: keep it across builds
    tmp = target.with_name(f".{target.name}.building-{os.getpid()}-{secrets.token_hex(4)}")
    tmp.mkdir()
    try:
        for rel, data in sorted(files.items()):
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        _replace_dir(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return sorted(out / rel for rel in files)
