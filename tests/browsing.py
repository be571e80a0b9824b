"""Browser tests' Chromium, and what every browser test checks on a page (issue 17): one main
and one h1, nothing wider than the screen, and axe-core finding no serious or critical
violation. For Playwright's sync API (the console tests) and its async API (the survivor pages,
beside the in-process app)."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from playwright.async_api import Browser as AsyncBrowser
from playwright.async_api import Page as AsyncPage
from playwright.async_api import async_playwright
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The two sizes of issue 17's acceptance.
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
# axe's violations only: its passes and the rules that did not apply name every element they
# looked at (megabytes on a long page), and nothing here reads them.
AXE_VIOLATIONS = (
    "axe.run({resultTypes: ['violations']}).then(result => ({violations: result.violations}))"
)


def _chromium() -> str:
    """Debian's Chromium (never `playwright install`); the test is skipped without it."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (make browser-deps)")
    return chromium


@contextlib.asynccontextmanager
async def launched_chromium() -> AsyncIterator[AsyncBrowser]:
    """Headless Chromium under Playwright's async API, closed on leaving (about 1.3 s of CPU a
    launch: share one per module, and give each test a context of its own)."""
    chromium = _chromium()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium, args=["--disable-gpu"], headless=True
        )
        try:
            yield browser
        finally:
            await browser.close()


@contextlib.contextmanager
def launched_chromium_sync() -> Iterator[Browser]:
    """The same under Playwright's sync API."""
    chromium = _chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--disable-gpu"], headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def _require_axe() -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (make browser-deps)")


def serious_findings(result: dict[str, Any]) -> list[tuple[str, str, list[Any]]]:
    """axe's serious and critical violations, each with the first few elements it names."""
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def check_page(page: Page, where: str) -> None:
    """One main and one h1, nothing wider than the screen, and no serious axe finding. The
    page's context needs ``bypass_csp=True``: only to inject axe-core."""
    assert page.locator("main").count() == 1, where
    assert page.locator("h1").count() == 1, where
    wide = page.evaluate(OVERFLOW)
    assert wide <= 0, (where, wide)
    _require_axe()
    page.add_script_tag(path=str(AXE))
    findings = serious_findings(page.evaluate(AXE_VIOLATIONS))
    assert findings == [], (where, findings)


async def check_page_async(page: AsyncPage, where: str) -> None:
    """``check_page`` for Playwright's async API."""
    assert await page.locator("main").count() == 1, where
    assert await page.locator("h1").count() == 1, where
    wide = await page.evaluate(OVERFLOW)
    assert wide <= 0, (where, wide)
    _require_axe()
    await page.add_script_tag(path=str(AXE))
    findings = serious_findings(await page.evaluate(AXE_VIOLATIONS))
    assert findings == [], (where, findings)
