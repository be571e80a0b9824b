"""Issue 14 #4: the survivor's text is not readable around the claim.

The review's requests, replayed: a moderator (or an editor not deciding on approval) who has not
claimed a submission gets no survivor text through any path (the submission's JSON, its
revisions, the compare views, the suggestions, the queue's titles, the workspace), while the
claimant, a deciding editor and an admin still read it, each read audited without the text.
"""

from __future__ import annotations

import httpx

from stories_service.models import AuditEvent
from tests.conftest import Backend
from tests.staffing import REVISION, StaffUser, make_staff, post, sign_in, submit, to_ready

NAME = "Haddad"
TITLE = "How Samir Haddad drove us out of Aleppo"
BODY = "My brother Samir Haddad drove us out of Aleppo. Now the balcony is full of mint."
COMMENT = "Please leave out that Samir Haddad was the driver."
CHOSEN_NAME = "Samira Haddad"
WORKING_TITLE = "The drive out"
COMPARISONS = ("a=0&b=1", "a=1&b=1", "")


async def _claimed_with_unredacted_revision_and_comment(
    client: httpx.AsyncClient, claimant: StaffUser
) -> str:
    """In review, claimed; revision 1 is the original with nothing redacted yet (the worst
    case), the survivor chose a byline name and asked for changes with a comment naming
    someone."""
    consent = {
        "publish": True,
        "attribution": "pseudonym",
        "display_name": CHOSEN_NAME,
        "review_before_publish": True,
        "syndicate": True,
        "languages": ["en"],
    }
    created = await submit(client, title=TITLE, body=BODY, never_appear=["Samir"], consent=consent)
    sid = created["id"]
    assert (await post(client, claimant, f"/api/v1/submissions/{sid}/claim")).status_code == 200
    unredacted = {**REVISION, "title": WORKING_TITLE, "summary": f"{NAME} and mint", "body": BODY}
    saved = await post(client, claimant, f"/api/v1/submissions/{sid}/revisions", unredacted)
    assert saved.status_code == 201, saved.text
    sent = await post(client, claimant, f"/api/v1/submissions/{sid}/send-for-consent")
    assert sent.status_code == 200, sent.text
    changes = await client.post(
        "/api/v1/receipt/consent",
        json={
            "receipt_code": created["receipt_code"],
            "decision": "request_changes",
            "comment": COMMENT,
        },
    )
    assert changes.json()["status"] == "in_review", changes.text
    return sid


async def _get(client: httpx.AsyncClient, user: StaffUser | None, path: str) -> httpx.Response:
    """A GET with the user's token, or with the console session when ``user`` is None."""
    return await client.get(path, headers=user.headers if user else None)


async def _text_views(
    client: httpx.AsyncClient, user: StaffUser | None, sid: str
) -> list[httpx.Response]:
    """Every view that is only survivor text: the compares and (API) the suggestions."""
    if user is None:
        return [
            await _get(client, None, f"/staff/submissions/{sid}/compare?{q}") for q in COMPARISONS
        ]
    base = f"/api/v1/submissions/{sid}"
    paths = [f"{base}/compare?{q}" for q in COMPARISONS] + [f"{base}/suggestions"]
    return [await _get(client, user, path) for path in paths]


async def _staff(*roles: str) -> list[StaffUser]:
    return [await make_staff(role) for role in roles]


async def _reads() -> list[AuditEvent]:
    return await AuditEvent.filter(action="submission.original_read").order_by("id")


async def test_unclaimed_staff_get_no_survivor_text_through_the_api(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    # The editor is not deciding: the story is in review.
    claimant, other, editor = await _staff("moderator", "moderator", "editor")
    sid = await _claimed_with_unredacted_revision_and_comment(client, claimant)
    before = len(await _reads())

    for outsider in (other, editor):
        detail = await _get(client, outsider, f"/api/v1/submissions/{sid}")
        assert detail.status_code == 200
        assert NAME not in detail.text and "Samir" not in detail.text
        data = detail.json()
        assert data["survivor_text_withheld"] is True
        assert data["original"] is None and data["survivor_comment"] is None
        assert data["leak_override_reason"] is None
        [revision] = data["revisions"]
        assert revision["body"] is None and revision["summary"] is None
        assert revision["title"] == WORKING_TITLE  # the working title, as in the queue
        assert [c["display_name"] for c in data["consent"]] == [None]
        assert data["history"]  # the workflow around the text stays visible

        for answer in await _text_views(client, outsider, sid):
            assert answer.status_code == 403 and "Samir" not in answer.text, answer.url

        queue = await _get(client, outsider, "/api/v1/queue?state=in_review")
        [row] = queue.json()["items"]
        assert row["title"] == WORKING_TITLE and NAME not in queue.text

    assert len(await _reads()) == before  # nothing was read, so nothing audited


async def test_claimant_and_admin_still_read_it_each_read_audited_without_text(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    claimant, admin = await _staff("moderator", "admin")
    sid = await _claimed_with_unredacted_revision_and_comment(client, claimant)
    for reader in (claimant, admin):
        data = (await _get(client, reader, f"/api/v1/submissions/{sid}")).json()
        assert data["survivor_text_withheld"] is False
        assert data["original"]["title"] == TITLE and NAME in data["original"]["body"]
        assert NAME in data["revisions"][0]["body"] and NAME in data["revisions"][0]["summary"]
        assert data["survivor_comment"] == COMMENT
        assert [c["display_name"] for c in data["consent"]] == [CHOSEN_NAME]
        answers = await _text_views(client, reader, sid)
        assert [a.status_code for a in answers] == [200] * 4
        assert answers[0].json()["from"] == 0

    reads = await _reads()
    assert [(r.actor, r.data["via"]) for r in reads] == [
        (f"staff:{who.id}", via)
        for who in (claimant, admin)
        for via in ("api", "api:compare", "api:compare", "api:compare", "api:suggestions")
    ]
    for read in reads:
        assert str(read.submission_id) == sid
        assert read.data.keys() == {"via"}
        assert NAME not in str(read.data) and "Samir" not in str(read.data)


async def test_unclaimed_moderator_gets_no_survivor_text_in_the_console(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    claimant, other = await _staff("moderator", "moderator")
    sid = await _claimed_with_unredacted_revision_and_comment(client, claimant)
    await sign_in(client, other)
    for path in ("/staff?view=in_review", f"/staff/submissions/{sid}"):
        page = await _get(client, None, path)
        assert page.status_code == 200 and NAME not in page.text, path
        assert WORKING_TITLE in page.text
    for page in await _text_views(client, None, sid):
        assert page.status_code == 403 and NAME not in page.text, page.url
    assert not await _reads()

    client.cookies.clear()
    await sign_in(client, claimant)
    workspace = await _get(client, None, f"/staff/submissions/{sid}")
    assert NAME in workspace.text and COMMENT in workspace.text
    compare = (await _text_views(client, None, sid))[0]
    assert compare.status_code == 200
    assert '<option value="0" selected>original</option>' in compare.text
    assert [r.data["via"] for r in await _reads()] == ["console", "compare", "compare", "compare"]


async def test_queue_shows_no_original_title_before_the_first_revision(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator, editor, admin = await _staff("moderator", "editor", "admin")
    sid = (await submit(client, title=TITLE, body=BODY))["id"]
    for user in (moderator, editor, admin):
        queue = await _get(client, user, "/api/v1/queue")
        [row] = queue.json()["items"]
        assert row["id"] == sid and row["title"] is None and NAME not in queue.text
    # An editor does not decide on a waiting submission: no suggestions (they quote it).
    suggestions = await _get(client, editor, f"/api/v1/submissions/{sid}/suggestions")
    assert suggestions.status_code == 403 and "Samir" not in suggestions.text
    await sign_in(client, moderator)
    page = await _get(client, None, "/staff")
    assert sid in page.text and NAME not in page.text and "(no working title yet)" in page.text
    assert not await _reads()


async def test_leak_override_reason_only_for_deciding_editors_and_admins(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    roles = ("moderator", "moderator", "editor", "editor", "admin")
    moderator, other, editor, second_editor, admin = await _staff(*roles)
    created = await submit(client, never_appear=["balcony"])  # REVISION's body says "balcony"
    sid = created["id"]
    await to_ready(client, moderator, sid, created["receipt_code"])
    reason = "The balcony is not a person; confirmed by phone with the survivor."
    approved = await post(
        client, editor, f"/api/v1/submissions/{sid}/approve", {"override_reason": reason}
    )
    assert approved.json()["status"] == "approved", approved.text

    detail = await _get(client, other, f"/api/v1/submissions/{sid}")
    assert detail.json()["leak_override_reason"] is None and "balcony" not in detail.text
    for reader in (editor, second_editor, admin):
        detail = await _get(client, reader, f"/api/v1/submissions/{sid}")
        assert detail.json()["leak_override_reason"] == reason
    reads = await _reads()
    assert [r.actor for r in reads] == [f"staff:{u.id}" for u in (editor, second_editor, admin)]
    assert all("balcony" not in str(r.data) for r in reads)
