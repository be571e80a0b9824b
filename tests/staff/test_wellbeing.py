"""Moderator wellbeing in the console (issue 17, What to build 4): each moderator sees their own
reading today and this week, the queue suggests a pause after the daily limit on severe content
notes, passing a story on needs no reason, and other staff see totals only."""

from __future__ import annotations

import httpx

from stories_service.models import StoryRead, Submission
from tests.conftest import Backend
from tests.staffing import make_staff, sign_in, submit, to_in_review

SEVERE_REVISION = {
    "title": "After the camp",
    "summary": "What came after.",
    "body": "I was held for a year. Now I teach swimming.",
    "content_notes": ["torture", "detention"],
    "tags": [],
}


async def _story_with_notes(client: httpx.AsyncClient, notes: list[str]) -> str:
    owner = await make_staff("moderator", password=None)
    created = await submit(client)
    await to_in_review(client, owner, created["id"])
    saved = await client.post(
        f"/api/v1/submissions/{created['id']}/revisions",
        json={**SEVERE_REVISION, "content_notes": notes},
        headers=owner.headers,
    )
    assert saved.status_code in (200, 201), saved.text
    return str(created["id"])


def _section(page: str, marker: str) -> str:
    start = page.index(marker)
    return page[start : page.index("</section>", start)]


async def test_reading_is_tallied_and_a_pause_suggested_at_the_limit(
    client: httpx.AsyncClient, backend: Backend, override_settings
) -> None:
    override_settings(severe_notes_daily_limit=2)
    admin = await make_staff("admin")
    first = await _story_with_notes(client, ["torture", "detention"])
    second = await _story_with_notes(client, ["sexual_violence"])
    mild = await _story_with_notes(client, ["displacement"])
    await sign_in(client, admin)
    for sid in (first, first, mild):  # the same story twice on a day counts once
        assert (await client.get(f"/staff/submissions/{sid}")).status_code == 200
    queue = (await client.get("/staff")).text
    mine = _section(queue, 'id="my-reading"')
    assert '<th scope="row">Today</th><td>2</td><td>1</td>' in mine
    assert "Torture: 1" in mine and "Forced displacement: 1" in mine
    assert 'id="pause-suggestion"' not in queue
    await client.get(f"/staff/submissions/{second}")
    queue = (await client.get("/staff")).text
    assert 'id="pause-suggestion"' in queue
    assert "opened 2 stories with severe content notes today" in queue
    assert await StoryRead.filter(staff_id=admin.id).count() == 3

    # Another staff member sees only their own numbers (none), never the admin's.
    other = await make_staff("moderator")
    client.cookies.clear()
    await sign_in(client, other)
    theirs = _section((await client.get("/staff")).text, 'id="my-reading"')
    assert '<th scope="row">Today</th><td>0</td><td>0</td>' in theirs
    assert "Torture" not in theirs


async def test_no_limit_never_suggests_a_pause(
    client: httpx.AsyncClient, backend: Backend, override_settings
) -> None:
    override_settings(severe_notes_daily_limit=0)
    admin = await make_staff("admin")
    sid = await _story_with_notes(client, ["torture"])
    await sign_in(client, admin)
    await client.get(f"/staff/submissions/{sid}")
    assert 'id="pause-suggestion"' not in (await client.get("/staff")).text


async def test_passing_a_story_on_needs_no_reason(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    created = await submit(client)
    token = await sign_in(client, moderator)
    await client.post("/staff/queue/claim-next", data={"csrf_token": token})
    page = (await client.get(f"/staff/submissions/{created['id']}")).text
    assert "Not now: pass this one on" in page and "No reason needed" in page
    passed = await client.post(
        f"/staff/submissions/{created['id']}/release", data={"csrf_token": token}
    )
    assert passed.status_code == 303
    assert "Passed on" in (await client.get(passed.headers["location"])).text
    submission = await Submission.get(id=created["id"])
    assert submission.state == "submitted" and submission.claimed_by_id is None
