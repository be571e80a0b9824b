"""A moderator, a survivor and an editor take one story through the workflow in Chromium."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import valid_submission
from tests.staffing import PASSWORD

from .conftest import LiveService

pytestmark = pytest.mark.browser
# Generous waits: the first workspace page warms the detectors' gazetteer, and CI may be busy.
expect.set_options(timeout=30_000)


def _sign_in(page: Page, email: str) -> None:
    page.goto("/staff/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("#login-form button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Queue")


def test_story_goes_from_queue_to_approval(
    browser: Browser, live_service: LiveService, artifacts_dir: Path
) -> None:
    live_service.create_staff("mod@example.org", "moderator")
    live_service.create_staff("ed@example.org", "editor")
    story = valid_submission(
        title="Learning to swim again",
        body="Our neighbour Yusuf Karimi taught me to float in Hamburg, every Tuesday.",
        never_appear=["Yusuf"],
    )
    created = httpx.post(f"{live_service.base_url}/api/v1/submissions", json=story).json()
    code = created["receipt_code"]

    moderator = browser.new_context(base_url=live_service.base_url)
    page = moderator.new_page()
    _sign_in(page, "mod@example.org")
    row = page.locator(f"tr[data-id='{created['id']}']")
    # No working title yet; the survivor's own title is not shown in the queue (issue 14 #4).
    expect(row).to_contain_text("no working title yet")
    expect(row).not_to_contain_text("Learning to swim again")
    expect(page.locator("table.queue")).not_to_contain_text("Hamburg")  # no story text
    page.screenshot(path=str(artifacts_dir / "moderation-queue.png"), full_page=True)

    row.get_by_role("button", name="Claim").click()
    expect(page.locator("#state")).to_have_text("in_review")
    banner = page.locator(".content-banner")
    expect(banner).to_be_visible()
    # Accept every suggestion, one kind at a time (the script ticks the kind's boxes).
    for accept_all in page.locator("input[name=accept_kind]").all():
        accept_all.check()
    boxes = page.locator("input.suggestion")
    assert boxes.count() >= 2
    for i in range(boxes.count()):
        expect(boxes.nth(i)).to_be_checked()
    page.fill("#summary", "Learning to float, one Tuesday at a time.")
    page.check("input[name=content_notes][value=displacement]")
    page.screenshot(path=str(artifacts_dir / "moderation-workspace.png"), full_page=True)
    page.click("#save")
    expect(page.locator("[role=status]")).to_contain_text("Saved as revision 1")
    working = page.locator("#working-text")
    expect(working).not_to_contain_text("Yusuf")
    expect(working).not_to_contain_text("Hamburg")
    page.click("#send-for-consent")
    expect(page.locator("#state")).to_have_text("awaiting_consent")

    survivor = browser.new_context(base_url=live_service.base_url).new_page()
    survivor.goto("/my-story")
    survivor.fill("#receipt_code", code)
    survivor.get_by_role("button", name="Open my story").click()
    expect(survivor.locator(".review")).to_contain_text("Learning to float")
    expect(survivor.locator(".review")).not_to_contain_text("Yusuf")
    survivor.get_by_role("button", name="I approve this text").click()
    expect(survivor.locator(".status-text")).to_have_attribute("data-status", "ready")

    editor = browser.new_context(base_url=live_service.base_url).new_page()
    _sign_in(editor, "ed@example.org")
    editor.goto("/staff/approvals")
    editor.get_by_role("link", name="Learning to swim again").click()
    editor.click("#approve")
    expect(editor.locator("#state")).to_have_text("approved")
    assert (artifacts_dir / "moderation-queue.png").stat().st_size > 0
