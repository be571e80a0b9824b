"""In Debian's Chromium: a hostile website's page posts to the service through its visitor's
browser; the service refuses each post (403, told on a page in the site's layout) and the
visitor's own submission, from the same browser and address, still goes through (issue 14 #9)."""

from __future__ import annotations

import html
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from playwright.async_api import Page, Route, expect

from stories_service.settings import new_encryption_key
from tests.browsing import launched_chromium
from tests.conftest import ARTIFACTS
from tests.i18n.conftest import RECEIPT_HEADING, submit_form
from tests.servers import free_port, local_url, spawned_server, uvicorn_command

pytestmark = pytest.mark.browser

HOSTILE = "http://hostile.example"


@pytest.fixture
def service_url(tmp_path: Path) -> Iterator[str]:
    """The service under uvicorn with its own SQLite database and one submission an hour."""
    port = free_port()
    env = {
        **os.environ,
        "STORIES_ENV": "test",
        "STORIES_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite://{tmp_path}/stories.sqlite3",
        "STORIES_BASE_URL": local_url(port),
        "STORIES_SECRET_KEY": "cross-site-secret-" + "c" * 32,
        "STORIES_ENCRYPTION_KEY": new_encryption_key(),
        "STORIES_SUBMIT_RATE_PER_HOUR": "1",
        "STORIES_MIGRATE_ON_START": "true",
        "STORIES_BACKGROUND_JOBS": "false",
    }
    with spawned_server(uvicorn_command(port), port, env, ready_path="/healthz"):
        yield local_url(port)


def _hostile_page(service_url: str) -> str:
    """Another website's page: a form that posts a story to the service."""
    fields = "".join(
        f'<input type="hidden" name="{html.escape(name)}" value="{html.escape(str(value))}">'
        for name, values in submit_form(title="Spam").items()
        for value in (values if isinstance(values, list) else [values])
    )
    return (
        "<!doctype html><title>Free prizes</title>"
        f'<form method="post" action="{service_url}/submit">{fields}'
        "<button>Claim your prize</button></form>"
    )


@pytest.fixture
async def page(service_url: str) -> AsyncIterator[Page]:
    async with launched_chromium() as browser:
        context = await browser.new_context(locale="en-GB")

        async def serve_hostile(route: Route) -> None:
            await route.fulfill(content_type="text/html", body=_hostile_page(service_url))

        # The hostile site is served by Chromium's own request routing: a real other origin.
        await context.route(f"{HOSTILE}/**", serve_hostile)
        try:
            yield await context.new_page()
        finally:
            await context.close()


async def test_a_hostile_page_cannot_submit_nor_spend_the_visitors_quota(
    page: Page, service_url: str
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for _ in range(3):
        await page.goto(f"{HOSTILE}/")
        async with page.expect_response(f"{service_url}/submit") as answer:
            await page.get_by_role("button", name="Claim your prize").click()
        response = await answer.value
        assert response.status == 403
        sent = await response.request.all_headers()
        assert sent["origin"] == HOSTILE
        assert sent.get("sec-fetch-site", "cross-site") == "cross-site"
        await expect(page.locator("main")).to_contain_text("sent from another website")
    await page.screenshot(path=str(ARTIFACTS / "cross-site-refused.png"), full_page=True)

    # The visitor's own story, from the same browser: the one submission the hour allows.
    await page.goto(f"{service_url}/submit")
    await page.fill("#title", "The garden on the fourth floor")
    await page.fill("#body", "When I arrived I could not sleep. Now the balcony is full of mint.")
    await page.fill("#language", "English")
    await page.check("input[name=publish][value=yes]")
    await page.check("input[name=attribution][value=anonymous]")
    await page.check("input[name=review][value=yes]")
    await page.check("input[name=syndicate][value=no]")
    await page.check("input[name=search_indexing][value=no]")  # consent v2's own question
    await page.check("input[name=languages][value=en]")
    async with page.expect_response(f"{service_url}/submit") as answer:
        await page.get_by_role("button", name="Send my story").click()
    response = await answer.value
    assert response.status == 201
    # Over plain http Chromium sends no Sec-Fetch-Site, and our Referrer-Policy: no-referrer
    # makes it send ``Origin: null`` from our own form: that must pass (see cross_site.py).
    sent = await response.request.all_headers()
    assert sent.get("sec-fetch-site", "same-origin") == "same-origin"
    assert sent.get("origin") in {"null", service_url}
    await expect(page.locator("h1")).to_have_text(RECEIPT_HEADING["en"])
