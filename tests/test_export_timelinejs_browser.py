"""Optional: our TimelineJS3 JSON loads in the real TimelineJS3 library, in Chromium.

TimelineJS is not a dependency of the project, so this runs only when TIMELINEJS_DIR points at its
`dist` folder, e.g.:

    npm install --prefix /tmp/tljs @knight-lab/timelinejs@3.9.11
    TIMELINEJS_DIR=/tmp/tljs/node_modules/@knight-lab/timelinejs/dist \
        pytest tests/test_export_timelinejs_browser.py
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from test_export_fixtures import sample_timeline

from timeline.export import render
from timeline.export.site import json_for_script

DIST = os.environ.get("TIMELINEJS_DIR")
CHROMIUM = shutil.which("chromium")
if not DIST or CHROMIUM is None:
    pytest.skip("set TIMELINEJS_DIR (and install chromium) to run", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{dist}/css/timeline.css">
<script src="{dist}/js/timeline.js"></script></head>
<body><div id="tl" style="width:100%;height:600px"></div>
<script type="application/json" id="data">{data}</script>
<script>
window.__pwned = false;
window.alert = () => {{ window.__pwned = true; }};
window.tl = new TL.Timeline("tl", JSON.parse(document.getElementById("data").textContent),
                            {{hash_bookmark: false}});
</script></body></html>
"""


def test_timelinejs_loads_our_json(tmp_path: Path) -> None:
    timeline = sample_timeline()
    data = render(timeline, "timelinejs")
    page_file = tmp_path / "tl.html"
    # Through json_for_script so the hostile strings cannot end the <script> element early.
    page_file.write_text(
        PAGE.format(dist=Path(DIST).as_uri(), data=json_for_script(json.loads(data))),
        encoding="utf-8",
    )
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_file.as_uri())
        page.wait_for_selector(".tl-timemarker", state="attached")
        assert errors == []
        assert page.locator(".tl-timemarker").count() == len(timeline.events)
        slides = page.evaluate("() => window.tl._storyslider._slides.length")
        assert slides == len(timeline.events) + 1  # the title slide
        assert page.evaluate("() => window.__pwned") is False
        browser.close()
