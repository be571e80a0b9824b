"""What a moderator sees of a story that has left the queue, in Chromium at phone and desktop
sizes (issue 17 #8): a withdrawn story shown as withdrawn (no "(untitled)", no trauma banner),
listed under "Withdrawn", with the console's one date format. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import valid_submission
from tests.staffing import PASSWORD

from .conftest import LiveService

pytestmark = pytest.mark.browser
expect.set_options(timeout=30_000)
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
CONSOLE_TIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC")


@pytest.mark.parametrize("size", list(SIZES))
def test_a_withdrawn_story_reads_as_withdrawn(
    browser: Browser, live_service: LiveService, artifacts_dir: Path, size: str
) -> None:
    admin = f"admin-whereabouts-{size}@example.org"
    live_service.create_staff(admin, "admin")
    created = httpx.post(
        f"{live_service.base_url}/api/v1/submissions", json=valid_submission(title="Heron")
    ).json()
    withdrawn = httpx.post(
        f"{live_service.base_url}/api/v1/receipt/withdraw",
        json={"receipt_code": created["receipt_code"]},
    )
    assert withdrawn.status_code == 200

    context = browser.new_context(base_url=live_service.base_url, viewport=SIZES[size])
    page = context.new_page()
    page.goto("/staff/login")
    page.fill("#email", admin)
    page.fill("#password", PASSWORD)
    page.click("#login-form button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Queue")

    page.goto("/staff?view=withdrawn")
    row = page.locator(f"tr[data-id='{created['id']}']")
    expect(row).to_be_visible()
    page.goto(f"/staff/submissions/{created['id']}")
    expect(page.locator("h1")).to_have_text("Withdrawn story")
    text = page.locator("main").inner_text()
    assert "Withdrawn by the survivor on" in text
    assert CONSOLE_TIME.search(text), text[:400]
    assert "untitled" not in text.lower()
    assert "may describe traumatic events" not in text
    page.screenshot(path=str(artifacts_dir / f"console-withdrawn-{size}.png"), full_page=True)
    context.close()
