"""A survivor submits a French story through the Arabic interface in headless Chromium; the
layout mirrors right-to-left, and screenshots are kept in test-artifacts/."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Page, expect

from tests.browsing import launched_chromium
from tests.conftest import ARTIFACTS
from tests.i18n.conftest import RECEIPT_HEADING, STATUS_SUBMITTED, SUBMIT_HEADING

pytestmark = pytest.mark.browser

PHONE = {"width": 412, "height": 915}


@pytest.fixture
async def page(served_url: str) -> AsyncIterator[Page]:
    async with launched_chromium() as browser:
        context = await browser.new_context(base_url=served_url, viewport=PHONE, locale="en-GB")
        try:
            yield await context.new_page()
        finally:
            await context.close()


async def _box(page: Page, selector: str) -> dict[str, float]:
    box = await page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not visible"
    return dict(box)


async def _assert_mirrored(page: Page) -> None:
    """Right-to-left for real: things that start a line sit on the right."""
    assert await page.evaluate("document.documentElement.dir") == "rtl"
    assert await page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    brand = await _box(page, ".site-header .brand")
    assert brand["x"] > PHONE["width"] / 2, "the site name should start on the right"


async def test_arabic_interface_submits_a_french_story(page: Page) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    await page.goto("/submit")
    await expect(page.locator("html")).to_have_attribute("lang", "en")

    await page.get_by_role("button", name="العربية").click()
    await expect(page.locator("html")).to_have_attribute("dir", "rtl")
    await expect(page.locator("html")).to_have_attribute("lang", "ar")
    await expect(page.locator("h1")).to_have_text(SUBMIT_HEADING["ar"])
    await _assert_mirrored(page)

    await page.fill("#title", "Le jardin du quatrième étage")
    await page.fill(
        "#body", "Quand je suis arrivée, je ne dormais pas. Le balcon est plein de menthe."
    )
    # The story is French: its fields follow the text's direction, not the interface's.
    assert await page.evaluate("document.querySelector('#body').matches(':dir(ltr)')")
    # Chosen by name, in the interface language, from the searchable list.
    await page.fill("#language", "الفرنسية")
    await page.check("input[name=publish][value=yes]")
    await page.check("input[name=attribution][value=anonymous]")
    await page.check("input[name=review][value=yes]")
    await page.check("input[name=syndicate][value=no]")
    await page.check("input[name=search_indexing][value=no]")
    await page.check("input[name=languages][value=fr]")
    # Radio buttons sit at the start of their line: on the right.
    radio = await _box(page, "input[name=publish][value=yes]")
    label = await _box(page, "label.choice:has(input[name=publish][value=yes])")
    assert radio["x"] + radio["width"] > label["x"] + label["width"] - 4
    await page.screenshot(path=str(ARTIFACTS / "i18n-submit-form-ar-rtl.png"), full_page=True)

    await page.get_by_role("button", name="إرسال قصتي").click()
    await expect(page.locator("h1")).to_have_text(RECEIPT_HEADING["ar"])
    await _assert_mirrored(page)
    # The notice's accent border is on its start side: the right.
    borders = await page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('.notice'));"
        " return [s.borderRightWidth, s.borderLeftWidth]; })()"
    )
    assert borders == ["4px", "0px"]
    digits = (await page.locator(".receipt-code.digits").inner_text()).strip()
    assert re.fullmatch(r"\d{4}( \d{4}){5}", digits)
    await page.screenshot(path=str(ARTIFACTS / "i18n-receipt-ar-rtl.png"), full_page=True)

    await page.get_by_role("link", name="الانتقال إلى «قصتي»").click()
    await page.fill("#receipt_code", digits)
    await page.get_by_role("button", name="فتح قصتي").click()
    await expect(page.locator(".status-text")).to_have_text(STATUS_SUBMITTED["ar"])
    assert (ARTIFACTS / "i18n-receipt-ar-rtl.png").stat().st_size > 10_000
