"""The API reference in Debian's headless Chromium, at phone and desktop sizes, in English and
Arabic: one main and one h1, nothing wider than the screen, no serious axe-core finding, and no
CSP violation in the console (the page runs no script)."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser

from tests.browsing import SIZES, check_page_async
from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("language", ["en", "ar"])
async def test_the_api_reference_is_accessible(
    language: str, size: str, live_server: str, browser: Browser
) -> None:
    """One language at one size per test (axe takes a while on this long page)."""
    ARTIFACTS.mkdir(exist_ok=True)
    viewport = SIZES[size]
    # First without bypassing the CSP: the page must not trip it.
    strict = await browser.new_context(base_url=live_server, viewport=viewport, locale=language)
    page = await strict.new_page()
    messages: list[str] = []
    page.on("console", lambda message, seen=messages: seen.append(message.text))
    answer = await page.goto("/api/docs")
    assert answer is not None and answer.status == 200
    assert await page.locator("h2#webhooks-title").is_visible()
    assert not [m for m in messages if "Content Security Policy" in m], messages
    await strict.close()
    # bypass_csp only to inject axe-core.
    context = await browser.new_context(
        base_url=live_server, viewport=viewport, locale=language, bypass_csp=True
    )
    page = await context.new_page()
    await page.goto("/api/docs")
    shot = ARTIFACTS / f"api-docs-{language}-{size}.png"
    await page.screenshot(path=str(shot), full_page=False)
    await check_page_async(page, f"api docs {language} {size}")
    await context.close()
