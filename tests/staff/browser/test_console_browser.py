"""The console in Chromium at phone and desktop sizes (issue 17 #4, #8, What to build 2-4): its
own layout and navigation, the text editor with redaction by selection and keyboard shortcuts,
the confirmation after sending to the survivor, the reading tally, the dashboard; axe-core finds
no serious or critical violation. Screenshots go to test-artifacts/ (docs/moderation.md shows
them, copied to docs/images/)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browsing import SIZES, check_page
from tests.conftest import valid_submission
from tests.staffing import PASSWORD

from .conftest import LiveService

pytestmark = pytest.mark.browser
expect.set_options(timeout=30_000)
STORY = "I left my town in March.\n\nMy teacher Samir Haddad\nwrote to me every week."


def _sign_in(page: Page, email: str) -> None:
    page.goto("/staff/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("#login-form button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Queue")


@pytest.mark.parametrize("size", list(SIZES))
def test_the_console_at_phone_and_desktop_sizes(
    browser: Browser, live_service: LiveService, artifacts_dir: Path, size: str
) -> None:
    moderator, editor = f"mod-{size}@example.org", f"ed-{size}@example.org"
    live_service.create_staff(moderator, "moderator")
    live_service.create_staff(editor, "editor")
    story = valid_submission(title="Letters", body=STORY, never_appear=["Haddad"])
    created = httpx.post(f"{live_service.base_url}/api/v1/submissions", json=story).json()

    # bypass_csp only so that the test can inject axe-core; the page's own script is a file.
    context = browser.new_context(
        base_url=live_service.base_url, viewport=SIZES[size], bypass_csp=True
    )
    page = context.new_page()
    _sign_in(page, moderator)
    header = page.locator(".console-header")
    expect(header.get_by_role("link", name="My claims")).to_be_visible()
    expect(header.get_by_role("link", name="Approvals")).to_have_count(0)
    expect(page.locator("footer")).to_have_count(0)  # no survivor footer
    expect(page.locator("#my-reading")).to_contain_text("Only you see these numbers")
    page.screenshot(path=str(artifacts_dir / f"console-queue-{size}.png"), full_page=True)
    check_page(page, "queue")

    page.locator(f"tr[data-id='{created['id']}']").get_by_role("button", name="Claim").click()
    expect(page.locator("#done")).to_contain_text("You claimed this story")
    body = page.locator("#body")
    expect(body).to_have_value(STORY)  # text, not tags
    expect(page.locator("#redact-toolbar")).to_be_visible()
    start = STORY.index("Samir Haddad")
    body.evaluate(f"(el) => {{ el.focus(); el.setSelectionRange({start}, {start + 12}); }}")
    page.select_option("#redact-kind", "person")
    page.keyboard.press("Alt+Shift+R")
    expect(body).to_have_value(STORY.replace("Samir Haddad", "[name]"))
    expect(page.locator("#placed-list")).to_contain_text("Samir Haddad")
    page.fill("#title", "Letters every week")
    page.check("input[name=content_notes][value=displacement]")
    page.locator("#shortcuts summary").click()
    expect(page.locator("#shortcuts")).to_contain_text("Redact the selected words")
    page.screenshot(path=str(artifacts_dir / f"console-editor-{size}.png"), full_page=True)
    check_page(page, "workspace")
    page.keyboard.press("Alt+Shift+S")
    expect(page.locator("[role=status]").first).to_contain_text("Saved as revision 1")
    expect(page.locator("#working-text")).not_to_contain_text("Haddad")
    expect(page.locator("#body")).to_have_value(STORY.replace("Samir Haddad", "[name]"))

    # The compare page's "From" list shows "original" whole, not "origi" (issue 17 #8).
    page.get_by_role("link", name="compare with the original").click()
    expect(page.locator("select#a")).to_have_value("0")
    room = page.evaluate(
        """() => { const select = document.querySelector('select#a');
        const context = document.createElement('canvas').getContext('2d');
        context.font = getComputedStyle(select).font;
        return select.clientWidth - context.measureText('original').width; }"""
    )
    assert room > 20, room  # the text, its padding and the arrow fit
    page.screenshot(path=str(artifacts_dir / f"console-compare-{size}.png"), full_page=True)
    check_page(page, "compare")
    page.go_back()
    page.click("#send-for-consent")
    expect(page.locator("#done")).to_contain_text("Sent to the survivor")
    expect(page.locator("#where").get_by_role("link", name="With the survivor")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / f"console-sent-{size}.png"), full_page=True)
    check_page(page, "after sending")
    context.close()

    for language in ("ar", "es", "es", "fr"):  # something waiting for the dashboard
        more = valid_submission(title="Waiting", body="A story that waits.", language=language)
        assert httpx.post(f"{live_service.base_url}/api/v1/submissions", json=more).is_success
    context = browser.new_context(
        base_url=live_service.base_url, viewport=SIZES[size], bypass_csp=True
    )
    page = context.new_page()
    _sign_in(page, editor)
    page.locator(".console-header").get_by_role("link", name="Dashboard").click()
    expect(page.locator("h1")).to_have_text("Dashboard")
    expect(page.locator("svg.chart")).to_have_count(5)
    expect(page.locator("#team-table")).to_contain_text("Today")
    page.screenshot(path=str(artifacts_dir / f"console-dashboard-{size}.png"), full_page=True)
    check_page(page, "dashboard")
    page.goto("/staff/approvals")
    check_page(page, "approvals")
    context.close()


# The console pages the test above does not pass through (issue 17's acceptance): the sign-in
# page, my claims, the published list, webhooks, the audit log, retention, the organisation's
# list of terms and staff.
ADMIN_PAGES = {
    "my-claims": "/staff?view=mine",
    "published": "/staff?view=published",
    "webhooks": "/staff/webhooks",
    "audit": "/staff/audit",
    "retention": "/staff/retention",
    "terms": "/staff/admin/terms",
    "staff": "/staff/admin",  # last: checked below
}


@pytest.mark.parametrize("size", list(SIZES))
def test_every_other_console_page_is_accessible(
    browser: Browser, live_service: LiveService, artifacts_dir: Path, size: str
) -> None:
    admin = f"admin-{size}@example.org"
    live_service.create_staff(admin, "admin")
    story = valid_submission(title="Claimed", body="A story someone claimed.")
    created = httpx.post(f"{live_service.base_url}/api/v1/submissions", json=story).json()
    context = browser.new_context(
        base_url=live_service.base_url, viewport=SIZES[size], bypass_csp=True
    )
    page = context.new_page()
    page.goto("/staff/login")
    page.screenshot(path=str(artifacts_dir / f"console-login-{size}.png"), full_page=True)
    check_page(page, "login")
    _sign_in(page, admin)
    page.locator(f"tr[data-id='{created['id']}']").get_by_role("button", name="Claim").click()
    expect(page.locator("#done")).to_contain_text("You claimed this story")
    for name, path in ADMIN_PAGES.items():
        response = page.goto(path)
        assert response is not None and response.status == 200, (name, response)
        page.screenshot(path=str(artifacts_dir / f"console-{name}-{size}.png"), full_page=True)
        check_page(page, name)
    expect(page.locator("main")).to_contain_text(admin)  # the staff page, seen by an admin
    # The organisation's list with a term in it, and its error (issue 15 #4).
    page.goto("/staff/admin/terms")
    for _ in range(2):  # the second time it is a duplicate
        page.get_by_label("Term (at most").fill(f"Kestrel Farm {size}")
        page.get_by_label("Kind", exact=True).select_option("place")
        page.locator("#add-term").get_by_role("button", name="Add").click()
    expect(page.get_by_role("alert")).to_contain_text("on the list already")
    expect(page.locator("table.terms-list")).to_contain_text(f"Kestrel Farm {size}")
    check_page(page, "terms with a term and an error")
    context.close()
