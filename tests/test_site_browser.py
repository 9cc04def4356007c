"""The built site in a real browser (Debian's Chromium via Playwright), opened from file://.

Checks what a reader and a security review care about: every event is drawn, clicking shows the
quotes, search filters chart and list together, nothing leaves the page, hostile article text
runs nothing, and no console error. Screenshots go to test-artifacts/ for a human look.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_export_fixtures import sample_timeline

from timeline.export import FORMATS, write_site
from timeline.export._shared import is_span

CHROMIUM = shutil.which("chromium")
if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("Chromium is not installed (/usr/bin/chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# Plotly's figure data: the number of drawn events per trace we tagged with meta="events".
COUNT_POINTS = """() => {
  const gd = document.getElementById('chart');
  if (!gd || !gd.data) return null;
  return gd.data.filter(t => t.meta === 'events').map(t => ({type: t.type, n: t.customdata.length}));
}"""
# Points of the main plot (the range slider below it draws a second, smaller copy).
MAIN_POINTS = "#chart .cartesianlayer .scatterlayer .point"
# Trap anything the hostile markup might try to run.
TRAPS = """
window.__pwned = false;
window.alert = window.confirm = window.prompt = () => { window.__pwned = true; };
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture timeline (with hostile titles and quotes) built into a fresh folder."""
    out = tmp_path_factory.mktemp("browser") / "site"
    write_site(sample_timeline(), out, FORMATS)
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module (launching it is the slow part)."""
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


class Watched:
    """A page plus everything it did that a test must see: console errors, requests, dialogs."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check_clean(self) -> None:
        """No console error, no dialog, no request that leaves the folder, nothing pwned."""
        assert self.errors == []
        assert self.dialogs == []
        assert [u for u in self.requests if not u.startswith(("file://", "data:"))] == []
        assert self.page.evaluate("() => window.__pwned") is False
        # Plotly and our script work under the page's Content-Security-Policy: nothing was blocked.
        assert self.page.evaluate("() => window.__csp") == []


@pytest.fixture
def watched(browser: Any, site: Path) -> Iterator[Watched]:
    """A fresh desktop page on the site, checked for errors and leaks after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.add_init_script(TRAPS)
    w = Watched(page)
    page.goto((site / "index.html").as_uri())
    page.wait_for_function("() => document.querySelector('#chart .main-svg') !== null")
    yield w
    w.check_clean()
    context.close()


def test_chart_draws_every_event_as_point_or_span(watched: Watched) -> None:
    events = sample_timeline().events
    traces = watched.page.evaluate(COUNT_POINTS)
    by_type = {t["type"]: t["n"] for t in traces}
    assert by_type == {
        "scatter": sum(not is_span(e) for e in events),
        "bar": sum(is_span(e) for e in events),
    }
    assert watched.page.locator(MAIN_POINTS).count() == by_type["scatter"]
    assert watched.page.locator("#chart .barlayer .point").count() >= by_type["bar"]


def test_list_click_shows_details_with_highlighted_quote(watched: Watched) -> None:
    page = watched.page
    page.click("#event-e-runoff .event-link")
    details = page.locator("#details")
    assert "Runoff election" in details.inner_text()
    assert "The runoff will be held on June 20, officials said." in details.inner_text()
    assert details.locator("mark").first.inner_text() == "June 20"
    assert "Sources disagree" in details.inner_text()
    assert "June 21" in details.inner_text()
    # The list item opens in place too, and is marked as the current one.
    assert page.locator("#event-e-runoff details").evaluate("d => d.open") is True
    assert page.locator("#event-e-runoff").get_attribute("aria-current") == "true"


def test_chart_click_shows_details(watched: Watched) -> None:
    page = watched.page
    # The diamond is the only conflicting point: click where Plotly drew it.
    page.locator("#chart").scroll_into_view_if_needed()
    point = page.locator(MAIN_POINTS).nth(2)
    box = point.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("() => document.querySelector('#details .event-card') !== null")
    assert "Runoff election" in page.locator("#details").inner_text()


def test_search_filters_chart_and_list_together(watched: Watched) -> None:
    page = watched.page
    page.fill("#search", "HANDEL")  # case-insensitive; only in the runoff's summary and actors
    page.wait_for_function("() => document.getElementById('chart').data[0].customdata.length === 1")
    visible = page.locator(".event-list > li:visible")
    assert visible.count() == 1
    assert "Runoff election" in visible.first.inner_text()
    assert "Showing 1 of 4" in page.locator("#filter-status").inner_text()
    page.fill("#search", "")
    page.select_option("#article-filter", "a2")
    traces = page.evaluate(COUNT_POINTS)
    assert sum(t["n"] for t in traces) == 2  # the runoff and the March fundraising
    assert page.locator(".event-list > li:visible").count() == 2


def test_hostile_text_is_shown_as_text(watched: Watched) -> None:
    page = watched.page
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert page.locator("img").count() == 0
    page.click("#event-e-evil .event-link")
    assert "onerror=alert(1)" in page.locator("#details").inner_text()
    assert page.locator("#details img, #details script").count() == 0
    # Hovering the hostile point puts its title in Plotly's hover label, still as text.
    page.locator("#chart").scroll_into_view_if_needed()
    box = page.locator(MAIN_POINTS).nth(1).bounding_box()
    assert box is not None
    page.mouse.move(box["x"] - 20, box["y"] - 20)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_selector("#chart .hoverlayer .hovertext")
    assert "onerror=alert(1)" in (page.locator("#chart .hoverlayer").text_content() or "")
    assert page.locator("#chart image, #chart img").count() == 0


def test_screenshots_desktop_and_mobile(browser: Any, site: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for name, viewport in (("site.png", (1280, 900)), ("site-mobile.png", (390, 844))):
        context = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]}, device_scale_factor=1
        )
        page = context.new_page()
        page.add_init_script(TRAPS)
        w = Watched(page)
        page.goto((site / "index.html").as_uri())
        page.wait_for_function("() => document.querySelector('#chart .main-svg') !== null")
        page.click("#event-e-runoff .event-link")
        page.screenshot(path=str(ARTIFACTS / name), full_page=True)
        # Nothing wider than the screen on a phone: the page must not scroll sideways.
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= viewport[0]
        w.check_clean()
        context.close()


def test_page_reads_without_javascript(browser: Any, site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    assert page.locator(".event-list > li").count() == 4
    page.click("#event-e-runoff summary")
    assert "officials said" in page.locator("#event-e-runoff").inner_text()
    assert page.locator("#controls").is_hidden()  # search needs JS, so it is not offered
    context.close()


HOSTILE_RECORD = {
    "id": "zz-hostile",
    "title": "<img src=x onerror=alert(1)> </script><script>alert(1)</script>",
    "url": "javascript:alert(1)",
    "published": "2017-04-19",
    "text": (
        "Officials said on April 18, 2017 that <script>alert(1)</script> the council "
        '</script><img src=x onerror=alert(1)> met "late" in the café. '
        "The board will vote on May 2, 2017 <b onmouseover=alert(1)>again</b>."
    ),
}


def test_seeds_plus_a_hostile_article_through_the_pipeline(
    browser: Any, tmp_path: Path, seeds_dir: Path
) -> None:
    pipeline = pytest.importorskip("timeline.pipeline")
    from timeline.config import Config

    inputs = tmp_path / "input"
    shutil.copytree(seeds_dir, inputs)
    (inputs / "zz-hostile.json").write_text(json.dumps([HOSTILE_RECORD]), encoding="utf-8")
    built = pipeline.build_timeline(Config(title="Seeds <b>bold</b>", input=inputs, cache=None))
    timeline = built[0] if isinstance(built, tuple) else built
    out = tmp_path / "site"
    write_site(timeline, out, FORMATS)

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.add_init_script(TRAPS)
    w = Watched(page)
    page.goto((out / "index.html").as_uri())
    page.wait_for_function("() => document.querySelector('#chart .main-svg') !== null")
    traces = page.evaluate(COUNT_POINTS)
    assert sum(t["n"] for t in traces) == len(timeline.events)
    assert page.locator(".event-list > li").count() == len(timeline.events)
    assert "<img src=x onerror=alert(1)>" in page.locator("#article-zz-hostile").inner_text()
    for link in page.locator(".event-link").all()[:3]:
        link.click()
        assert page.locator("#details .quote").count() >= 1
    # The hostile article's own events: shown, clickable, inert.
    hostile = page.locator(".event-link", has_text="onerror")
    assert hostile.count() >= 1
    hostile.first.click()
    assert "<img src=x onerror=alert" in page.locator("#details").inner_text()
    assert page.locator("#details img, #details script, #details b").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "site-seeds.png"), full_page=True)
    w.check_clean()
    context.close()
