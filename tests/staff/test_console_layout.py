"""The console's own layout (issue 17 #8): navigation by role, where a story is now from every
state, confirmations after actions, withdrawn stories, one date format, a favicon."""

from __future__ import annotations

import re

import httpx
import pytest

from moderation.console_pages import CONSOLE_PAGES, pages_for_role
from moderation.states import StaffRole, SubmissionState
from stories_service.runtime import Runtime
from stories_service.timefmt import staff_time
from tests.conftest import Backend
from tests.protection.factories import drive_to
from tests.protection.factories import submit as submit_story
from tests.staffing import make_staff, sign_in, submit, to_in_review


async def test_console_pages_have_their_own_layout(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    await sign_in(client, moderator)
    page = (await client.get("/staff")).text
    assert 'class="console-header"' in page
    assert 'rel="icon" href="/static/favicon.svg?v=' in page
    # Not the public site's navigation, language switcher or survivor footer.
    assert "Share your story" not in page
    assert "language-switcher" not in page
    assert "You can withdraw your story" not in page
    favicon = await client.get("/static/favicon.svg")
    assert favicon.status_code == 200
    assert favicon.headers["content-type"].startswith("image/svg+xml")
    csp = (await client.get("/staff")).headers["content-security-policy"]
    assert "img-src 'self'" in csp and "script-src 'self'" in csp


async def test_console_errors_stay_in_the_console_layout(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    await sign_in(client, moderator)
    refused = await client.get("/staff/audit")
    assert refused.status_code == 403
    assert 'class="console-header"' in refused.text and "needs the admin role" in refused.text
    assert "You can withdraw your story" not in refused.text
    missing = await client.get("/staff/submissions/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404 and 'class="console-header"' in missing.text


@pytest.mark.parametrize("role", list(StaffRole))
async def test_navigation_shows_what_the_role_may_open_and_each_link_opens(
    client: httpx.AsyncClient, backend: Backend, role: StaffRole
) -> None:
    user = await make_staff(role)
    await sign_in(client, user)
    page = (await client.get("/staff")).text
    nav = page[page.index('aria-label="Console"') : page.index("</nav>")]
    allowed = pages_for_role(role)
    for console_page in CONSOLE_PAGES:
        listed = f'href="{console_page.href}"' in nav
        assert listed == (console_page in allowed), (role, console_page.key)
        answer = await client.get(console_page.href)
        assert answer.status_code == (200 if listed else 403), (role, console_page.href)
    assert f'href="{allowed[0].href}" aria-current="page"' in nav


async def test_confirmation_after_sending_to_the_survivor(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    created = await submit(client)
    sid = created["id"]
    await to_in_review(client, moderator, sid)
    token = await sign_in(client, moderator)
    claimed = (await client.get(f"/staff/submissions/{sid}")).text
    assert 'With you: you claimed it. <a href="/staff?view=mine">My claims</a>' in claimed
    sent = await client.post(
        f"/staff/submissions/{sid}/send-for-consent", data={"csrf_token": token}
    )
    assert sent.status_code == 303
    page = (await client.get(sent.headers["location"])).text
    assert re.search(r'<p class="notice done" role="status" id="done">Sent to the survivor', page)
    assert 'href="/staff?view=awaiting_consent"' in page
    # An unknown "done" value shows nothing: the address is never echoed.
    echoed = (await client.get(f"/staff/submissions/{sid}?done=%3Cb%3Ehi")).text
    assert 'id="done"' not in echoed and "<b>hi" not in echoed


async def test_a_published_story_links_to_its_public_page(
    client: httpx.AsyncClient, backend: Backend, runtime: Runtime
) -> None:
    story = await submit_story(client, "lilac")
    await drive_to(runtime, story, SubmissionState.PUBLISHED)
    editor = await make_staff("editor")
    await sign_in(client, editor)
    workspace = (await client.get(f"/staff/submissions/{story.id}")).text
    assert f'href="/stories/{story.slug}">Open the public page</a>' in workspace
    published = (await client.get("/staff?view=published")).text
    assert f'href="/stories/{story.slug}">Public page</a>' in published
    public = await client.get(f"/stories/{story.slug}")
    assert public.status_code == 200


async def test_a_withdrawn_story_is_shown_as_withdrawn(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    story = await submit_story(client, "heron")
    withdrawn = await client.post(
        "/api/v1/receipt/withdraw", json={"receipt_code": story.receipt_code}
    )
    assert withdrawn.status_code == 200
    admin = await make_staff("admin")
    await sign_in(client, admin)
    page = (await client.get(f"/staff/submissions/{story.id}")).text
    assert "<h1>Withdrawn story</h1>" in page
    assert "Withdrawn by the survivor on" in page
    assert "no working title yet" not in page and "untitled" not in page
    assert "may describe traumatic events" not in page
    listed = (await client.get("/staff?view=withdrawn")).text
    assert f'data-id="{story.id}"' in listed


async def test_compare_keeps_the_from_list_wide_enough(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    css = (await client.get("/static/staff.css")).text
    assert "form.inline select { inline-size: auto; flex: none; }" in css


async def test_the_console_writes_every_time_one_way(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    created = await submit(client)
    await to_in_review(client, moderator, created["id"])
    admin = await make_staff("admin")
    await sign_in(client, admin)
    pattern = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?( UTC)?")
    for path in ("/staff?view=in_review", f"/staff/submissions/{created['id']}", "/staff/audit"):
        page = (await client.get(path)).text
        shown = [m.group(0) for m in pattern.finditer(re.sub(r'datetime="[^"]*"', "", page))]
        assert shown, path
        assert all(t.endswith(" UTC") and "T" not in t[:16] for t in shown), (path, shown)
    assert staff_time("2026-12-06T04:50:15Z") == "2026-12-06 04:50 UTC"
