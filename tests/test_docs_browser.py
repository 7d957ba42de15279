"""/docs in a real browser: the operations render, and nothing is fetched from elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.live import ROOT, live_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOT = ROOT / ".artifacts" / "docs.png"
PHONE_SCREENSHOT = ROOT / ".artifacts" / "docs-390x844.png"
PHONE = {"width": 390, "height": 844}
# Opened on the phone before measuring: the operations with the widest bodies and tables.
OPENED_ON_THE_PHONE = (
    "checkins-post_api_v1_checkins",
    "summary-get_api_v1_couple_summary",
    "questions-put_api_v1_questions__question_id__answer",
)

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


NEEDS_CHROMIUM = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Chromium is not installed (apt-get install chromium chromium-driver); "
    ".ci/run installs it",
)


@NEEDS_CHROMIUM
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


@NEEDS_CHROMIUM
def test_docs_fit_a_phone_without_scrolling_sideways(tmp_path):
    playwright = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with live_server(tmp_path) as base, playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(
                viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
            )
            page.goto(f"{base}/docs")
            page.wait_for_selector(".opblock-summary-path", timeout=30_000)
            viewport = page.locator('meta[name="viewport"]').get_attribute("content")
            for operation in OPENED_ON_THE_PHONE:
                page.locator(f"#operations-{operation} .opblock-summary-control").first.click()
                page.locator(f"#operations-{operation} .responses-table").first.wait_for()
            page.evaluate("window.scrollTo(0, 0)")
            page_width = page.evaluate("document.documentElement.scrollWidth")
            beyond = page.evaluate(
                """(width) => Array.from(document.querySelectorAll("body *"))
                    .filter((e) => {
                        const box = e.getBoundingClientRect();
                        return box.width > 0 && box.right > width + 1;
                    })
                    .slice(0, 5)
                    .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)""",
                PHONE["width"],
            )
            SCREENSHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(PHONE_SCREENSHOT))
        finally:
            browser.close()

    assert viewport == "width=device-width, initial-scale=1"
    assert page_width <= PHONE["width"], f"the page is {page_width}px wide: {beyond}"
    assert beyond == []
