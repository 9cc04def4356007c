"""Optional: axe-core finds no accessibility violation on the site (desktop and phone, JS on).

axe-core is not a dependency of the project, so this runs only when AXE_CORE_JS points at
axe.min.js, e.g.:

    npm install --prefix /tmp/axe axe-core
    AXE_CORE_JS=/tmp/axe/node_modules/axe-core/axe.min.js pytest tests/test_site_a11y.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from test_export_fixtures import sample_timeline

from timeline.export import FORMATS, write_site

AXE = os.environ.get("AXE_CORE_JS")
CHROMIUM = shutil.which("chromium")
if not AXE or CHROMIUM is None:
    pytest.skip("set AXE_CORE_JS (and install chromium) to run", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "));
}"""


@pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_no_axe_violations(tmp_path: Path, viewport: tuple[int, int]) -> None:
    out = tmp_path / "site"
    write_site(sample_timeline(), out, FORMATS)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        # bypass_csp: the page's CSP (rightly) refuses the injected axe script.
        page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]}, bypass_csp=True)
        page.goto((out / "index.html").as_uri())
        page.wait_for_function("() => document.querySelector('#chart .main-svg') !== null")
        page.click("#event-e-runoff .event-link")  # the details panel filled in too
        page.add_script_tag(path=AXE)
        assert page.evaluate(RUN_AXE) == []
        browser.close()
