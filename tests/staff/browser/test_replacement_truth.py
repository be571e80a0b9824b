"""Only what is true (issue 17 #2), in Chromium at phone and desktop sizes: a moderator sending a
text with nothing redacted while the engine still suggests redactions is warned and must
confirm; /my-story then says that nothing was replaced, and after redactions it names what was.
Screenshots in test-artifacts/."""

from __future__ import annotations

import itertools
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browsing import AXE, AXE_VIOLATIONS
from tests.conftest import valid_submission
from tests.staffing import PASSWORD

from .conftest import LiveService

pytestmark = pytest.mark.browser
# Generous waits: the first workspace page warms the detectors' gazetteer, and CI may be busy.
expect.set_options(timeout=30_000)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
STORY = "Our neighbour Yusuf Karimi taught me to float in Hamburg, every Tuesday."
UNTRUE = "Names and places that could identify you have been replaced"
_accounts = itertools.count(1)


def _size(viewport: dict[str, int]) -> str:
    return "phone" if viewport == PHONE else "desktop"


def _submit(live_service: LiveService) -> dict[str, str]:
    story = valid_submission(title="Learning to swim again", body=STORY)
    created = httpx.post(f"{live_service.base_url}/api/v1/submissions", json=story)
    assert created.status_code == 201, created.text
    return created.json()


def _moderator(browser: Browser, live_service: LiveService, viewport: dict[str, int]) -> Page:
    email = f"truth-mod{next(_accounts)}@example.org"
    live_service.create_staff(email, "moderator")
    page = browser.new_context(base_url=live_service.base_url, viewport=viewport).new_page()
    page.goto("/staff/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("#login-form button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Queue")
    return page


def _claim_and_prepare(page: Page, sid: str) -> None:
    page.goto(f"/staff/submissions/{sid}")
    page.click("#claim")
    expect(page.locator("#state")).to_have_text("in_review")
    page.fill("#title", "Learning to float")
    page.fill("#summary", "Learning to float, one Tuesday at a time.")
    page.check("input[name=content_notes][value=displacement]")


def _survivor_review(
    browser: Browser, live_service: LiveService, viewport: dict[str, int], code: str
) -> Page:
    # bypass_csp only to inject axe-core below.
    context = browser.new_context(
        base_url=live_service.base_url, viewport=viewport, bypass_csp=True
    )
    page = context.new_page()
    page.goto("/my-story")
    page.fill("#receipt_code", code)
    page.get_by_role("button", name="Open my story").click()
    expect(page.locator(".status-text")).to_have_attribute("data-status", "awaiting_consent")
    return page


def _assert_no_serious_accessibility_violation(page: Page) -> None:
    if not AXE.exists():
        return  # axe-core is not installed (make browser-deps); the rest of the test stands
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(AXE_VIOLATIONS)
    serious = [
        (v["id"], v["impact"])
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_nothing_redacted_is_confirmed_and_never_called_replaced(
    browser: Browser, live_service: LiveService, artifacts_dir: Path, viewport: dict[str, int]
) -> None:
    created = _submit(live_service)
    moderator = _moderator(browser, live_service, viewport)
    _claim_and_prepare(moderator, created["id"])
    moderator.click("#save")  # no suggestion accepted, no phrase typed: nothing redacted
    expect(moderator.locator("[role=status]")).to_contain_text("Saved as revision 1")

    warning = moderator.locator("#unredacted-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("Nothing has been redacted in this text")
    expect(warning).to_contain_text("person")
    moderator.locator("#send-for-consent-form").scroll_into_view_if_needed()
    moderator.screenshot(
        path=str(artifacts_dir / f"unredacted-warning-{_size(viewport)}.png"), full_page=True
    )
    moderator.click("#send-for-consent")  # not confirmed: the form does not go
    expect(moderator.locator("#state")).to_have_text("in_review")
    assert moderator.locator("#confirm-unredacted:invalid").count() == 1
    moderator.check("#confirm-unredacted")
    moderator.click("#send-for-consent")
    expect(moderator.locator("#state")).to_have_text("awaiting_consent")

    survivor = _survivor_review(browser, live_service, viewport, created["receipt_code"])
    expect(survivor.locator(".review")).to_contain_text("Yusuf Karimi")
    sentence = survivor.locator(".review-replaced")
    expect(sentence).to_have_text(
        "This is the text we would publish. Nothing in it has been replaced. "
        "Please check that it says nothing that could identify you."
    )
    expect(survivor.locator("main")).not_to_contain_text(UNTRUE)
    survivor.screenshot(
        path=str(artifacts_dir / f"my-story-nothing-replaced-{_size(viewport)}.png"),
        full_page=True,
    )
    _assert_no_serious_accessibility_violation(survivor)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_redacted_text_goes_without_a_question_and_my_story_names_what_was_replaced(
    browser: Browser, live_service: LiveService, artifacts_dir: Path, viewport: dict[str, int]
) -> None:
    created = _submit(live_service)
    moderator = _moderator(browser, live_service, viewport)
    _claim_and_prepare(moderator, created["id"])
    for accept_all in moderator.locator("input[name=accept_kind]").all():
        accept_all.check()
    moderator.click("#save")
    expect(moderator.locator("[role=status]")).to_contain_text("Saved as revision 1")
    expect(moderator.locator("#unredacted-warning")).to_have_count(0)
    moderator.click("#send-for-consent")
    expect(moderator.locator("#state")).to_have_text("awaiting_consent")

    survivor = _survivor_review(browser, live_service, viewport, created["receipt_code"])
    expect(survivor.locator(".review")).not_to_contain_text("Yusuf")
    expect(survivor.locator(".review")).not_to_contain_text("Hamburg")
    expect(survivor.locator(".review-replaced")).to_have_text(
        "This is the text we would publish. To protect you, we replaced these details that "
        "could identify you: names and places."
    )
    survivor.screenshot(
        path=str(artifacts_dir / f"my-story-replaced-{_size(viewport)}.png"), full_page=True
    )
