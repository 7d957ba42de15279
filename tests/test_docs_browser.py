"""/docs in a real browser: the operations render, and nothing is fetched from elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.live import ROOT, live_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOT = ROOT / ".artifacts" / "docs.png"

# As root, in a sandboxed machine with no network: no sandbox, no GPU, no phoning home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Chromium is not installed (apt-get install chromium chromium-driver); "
    ".ci/run installs it",
)
def test_docs_render_every_operation_from_this_server_alone(tmp_path):
    playwright = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with live_server(tmp_path) as base, playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            requested: list[str] = []
            page.on("request", lambda request: requested.append(request.url))
            page.goto(f"{base}/docs")
            page.wait_for_selector(".opblock-summary-path", timeout=30_000)
            paths = page.locator(".opblock-summary-path").all_inner_texts()
            SCREENSHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOT), full_page=True)
        finally:
            browser.close()

    flattened = {path.replace("\u200b", "").strip() for path in paths}
    assert "/api/v1/checkins" in flattened
    assert "/api/v1/prompts" in flattened
    assert "/api/v1/checkins/{checkin_id}/prompts" in flattened
    assert requested, "the page should have loaded its assets"
    elsewhere = [
        url
        for url in requested
        if not url.startswith("data:") and urlparse(url).hostname != "127.0.0.1"
    ]
    assert elsewhere == []
