"""The change log (issue 16 #1): every public change in order, removals with a coarse reason
and never any text, cursor paging, 304s, and Atom deleted entries for every removal."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

import feedparser
import httpx
import pytest
from tortoise.transactions import in_transaction

from moderation.workflow import Actor
from stories_service.crypto import FieldCipher, revision_context
from stories_service.models import (
    ConsentRecord,
    PublicChange,
    PublishedStory,
    Revision,
    Submission,
)
from stories_service.protection.withdrawal import withdraw_submission
from stories_service.publishing.publisher import apply_consent_to_public_story
from tests.publishing.factories import bearer, make_approved_submission, publish, staff_token

pytestmark = pytest.mark.db

CANARY = "Canary-7f3a the river behind the school"
CHANGE_KEYS = {"id", "slug", "kind", "changed_at", "reason"}
TOMBSTONES_NS = "{http://purl.org/atompub/tombstones/1.0}"


async def _published(
    client: httpx.AsyncClient, cipher: FieldCipher, token: str, title: str = CANARY
) -> tuple[Any, str]:
    submission = await make_approved_submission(cipher, title=title)
    response = await publish(client, token, submission.id)
    assert response.status_code == 200, response.text
    return submission.id, response.json()["slug"]


async def _edit(client: httpx.AsyncClient, cipher: FieldCipher, token: str, sid: Any) -> None:
    """A second approved revision of a published story, published by an editor."""
    title = CANARY + " (edited)"
    await Revision.create(
        submission_id=sid,
        number=2,
        title_enc=cipher.encrypt(title, revision_context("title", sid, 2)),
        summary_enc=cipher.encrypt(CANARY, revision_context("summary", sid, 2)),
        body_enc=cipher.encrypt(f"<p>{CANARY}</p>", revision_context("body", sid, 2)),
        content_notes=[],
        tags=[],
        approved_at=datetime.now(UTC),
    )
    await Submission.filter(id=sid).update(state="approved")
    response = await publish(client, token, sid)
    assert response.status_code == 200, response.text


async def _new_consent(sid: Any, cipher: FieldCipher, **changes: Any) -> None:
    """A consent change (a new record), applied to the public story in its transaction."""
    fields: dict[str, Any] = {
        "publish": True,
        "attribution": "anonymous",
        "display_name_enc": None,
        "review_before_publish": True,
        "syndicate": True,
        "search_indexing": False,
        "languages": ["en"],
        "wording_version": "test",
        "wording_language": "en",
        "wording_hash": "0" * 64,
        "recorded_by": "survivor",
        **changes,
    }
    async with in_transaction() as connection:
        await ConsentRecord.create(using_db=connection, submission_id=sid, **fields)
        await apply_consent_to_public_story(connection, sid, cipher)


async def _all_changes(client: httpx.AsyncClient, limit: int | None = None) -> list[dict]:
    """Follow next_cursor from the beginning to the end."""
    changes: list[dict] = []
    url = "/api/v1/changes" + (f"?limit={limit}" if limit else "")
    while True:
        response = await client.get(url)
        assert response.status_code == 200, response.text
        page = response.json()
        changes.extend(page["changes"])
        if not page["has_more"]:
            return changes
        url = f"/api/v1/changes?since={page['next_cursor']}" + (f"&limit={limit}" if limit else "")


async def test_every_way_a_story_changes_or_leaves_is_logged_in_order(
    client, runtime, editor_token
):
    cipher = runtime.cipher
    moderator = await staff_token("moderator")
    edited_sid, edited = await _published(client, cipher, editor_token)
    _, unpublished = await _published(client, cipher, editor_token)
    rejected_sid, taken_down = await _published(client, cipher, editor_token)
    staff_sid, staff_withdrawn = await _published(client, cipher, editor_token)
    survivor_sid, survivor_withdrawn = await _published(client, cipher, editor_token)
    unsyndicated_sid, unsyndicated = await _published(client, cipher, editor_token)
    relanguaged_sid, relanguaged = await _published(client, cipher, editor_token)

    # An edit to the oldest story: it comes after the newer ones in the log.
    await _edit(client, cipher, editor_token, edited_sid)
    answer = await client.post(
        f"/api/v1/stories/{unpublished}/unpublish", headers=bearer(editor_token)
    )
    assert answer.status_code == 200, answer.text
    # Take-down: a new revision is rejected while the old one is public.
    revised = await client.post(
        f"/api/v1/submissions/{rejected_sid}/revise", headers=bearer(moderator)
    )
    assert revised.status_code == 200, revised.text
    rejected = await client.post(
        f"/api/v1/submissions/{rejected_sid}/reject",
        json={"reason": "The storyteller asked us to stop."},
        headers=bearer(moderator),
    )
    assert rejected.status_code == 200, rejected.text
    staff = await client.post(
        f"/api/v1/submissions/{staff_sid}/withdraw",
        json={"reason_category": "survivor_asked_by_phone", "note": CANARY},
        headers=bearer(editor_token),
    )
    assert staff.status_code == 200, staff.text
    await withdraw_submission(survivor_sid, Actor.survivor())
    await _new_consent(unsyndicated_sid, cipher, syndicate=False)
    await _new_consent(relanguaged_sid, cipher, languages=["fr"])

    response = await client.get("/api/v1/changes")
    assert response.status_code == 200
    assert CANARY not in response.text
    assert "Canary" not in response.text
    body = response.json()
    assert body["has_more"] is False
    changes = body["changes"]
    for change in changes:
        assert set(change) <= CHANGE_KEYS
        assert change["id"].startswith("urn:uuid:")
        assert change["changed_at"].endswith("Z")
    published = [edited, unpublished, taken_down, staff_withdrawn, survivor_withdrawn]
    published += [unsyndicated, relanguaged]
    assert [(c["slug"], c["kind"], c.get("reason")) for c in changes] == [
        *[(slug, "published", None) for slug in published],
        (edited, "updated", None),
        (unpublished, "removed", "unpublished"),
        (taken_down, "removed", "taken_down"),
        (staff_withdrawn, "removed", "withdrawn"),
        (survivor_withdrawn, "removed", "withdrawn"),
        (unsyndicated, "removed", "consent_changed"),
        (relanguaged, "removed", "consent_changed"),
    ]
    # The consent change that ended the story's language took it off the site.
    assert (await client.get(f"/stories/{relanguaged}")).status_code == 404
    # No text anywhere in the stored log either.
    stored = json.dumps(await PublicChange.all().values(), default=str)
    assert "Canary" not in stored
    # /api/v1/withdrawals stays as documented: the two withdrawals only.
    withdrawals = (await client.get("/api/v1/withdrawals")).json()["withdrawals"]
    assert sorted(w["slug"] for w in withdrawals) == sorted([staff_withdrawn, survivor_withdrawn])


async def test_paging_with_the_cursor_gives_every_change_exactly_once(
    client, runtime, editor_token
):
    slugs = [(await _published(client, runtime.cipher, editor_token))[1] for _ in range(5)]
    await client.post(f"/api/v1/stories/{slugs[1]}/unpublish", headers=bearer(editor_token))
    everything = (await client.get("/api/v1/changes?limit=100")).json()["changes"]
    assert len(everything) == 6
    paged = await _all_changes(client, limit=2)
    assert paged == everything

    first = (await client.get("/api/v1/changes?limit=2")).json()
    assert first["has_more"] is True
    assert first["next_url"].endswith(f"/api/v1/changes?since={first['next_cursor']}&limit=2")
    # At the end: nothing more, and the same cursor to poll with.
    end = (await client.get("/api/v1/changes?limit=100")).json()["next_cursor"]
    idle = (await client.get(f"/api/v1/changes?since={end}")).json()
    assert idle["changes"] == [] and idle["next_cursor"] == end and idle["has_more"] is False
    # A later change is found from that cursor, and only it.
    later = (await _published(client, runtime.cipher, editor_token))[1]
    fresh = (await client.get(f"/api/v1/changes?since={end}")).json()
    assert [(c["slug"], c["kind"]) for c in fresh["changes"]] == [(later, "published")]


async def test_the_change_log_answers_304_until_something_changes(client, runtime, editor_token):
    await _published(client, runtime.cipher, editor_token)
    first = await client.get("/api/v1/changes")
    etag = first.headers["etag"]
    again = await client.get("/api/v1/changes", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    await _published(client, runtime.cipher, editor_token)
    changed = await client.get("/api/v1/changes", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
    assert len(changed.json()["changes"]) == 2


@pytest.mark.parametrize(
    "query",
    [
        "since=not-a-cursor",
        "since=YzEuLTE",  # "c1.-1"
        "since=eDEuMw",  # "x1.3"
        "since=",
        "limit=0",
        "limit=101",
        "limit=ten",
        "after=YzEuMw",
        "sinse=YzEuMw",
    ],
)
async def test_a_bad_cursor_limit_or_parameter_is_a_400(client, query):
    response = await client.get(f"/api/v1/changes?{query}")
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] in {"bad_cursor", "bad_query", "unknown_parameter"}


async def test_atom_carries_deleted_entries_for_unpublish_and_withdrawal(
    client, runtime, editor_token
):
    cipher = runtime.cipher
    _, kept = await _published(client, cipher, editor_token, title="Kept")
    _, unpublished = await _published(client, cipher, editor_token)
    withdrawn_sid, withdrawn = await _published(client, cipher, editor_token)
    ids = {
        change["slug"]: change["id"]
        for change in (await client.get("/api/v1/changes")).json()["changes"]
    }
    await client.post(f"/api/v1/stories/{unpublished}/unpublish", headers=bearer(editor_token))
    await withdraw_submission(withdrawn_sid, Actor.survivor())

    atom = await client.get("/feed.atom")
    parsed = feedparser.parse(atom.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.id for entry in parsed.entries] == [ids[kept]]
    # feedparser keeps the tombstones' namespace; the refs read with any XML parser.
    assert "http://purl.org/atompub/tombstones/1.0" in parsed.namespaces.values()
    root = ET.fromstring(atom.content)
    deleted = {node.get("ref") for node in root.iter(TOMBSTONES_NS + "deleted-entry")}
    assert deleted == {ids[unpublished], ids[withdrawn]}
    assert all(node.get("when") for node in root.iter(TOMBSTONES_NS + "deleted-entry"))
    assert "Canary" not in atom.text

    # Published again: no longer a deleted entry.
    sid = (await PublishedStory.get(slug=unpublished)).submission_id
    await Submission.filter(id=sid).update(state="approved")
    assert (await publish(client, editor_token, sid)).status_code == 200
    root = ET.fromstring((await client.get("/feed.atom")).content)
    deleted = {node.get("ref") for node in root.iter(TOMBSTONES_NS + "deleted-entry")}
    assert deleted == {ids[withdrawn]}


async def test_the_change_log_is_documented_and_answers_as_documented(
    client, runtime, editor_token
):
    import jsonschema

    document = (await client.get("/openapi.json")).json()
    operation = document["paths"]["/api/v1/changes"]["get"]
    assert operation["operationId"] == "listChanges"
    assert {p["name"] for p in operation["parameters"] if p["in"] == "query"} == {
        "since",
        "limit",
    }
    assert {"200", "304", "400"} <= set(operation["responses"])
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    _, slug = await _published(client, runtime.cipher, editor_token)
    await client.post(f"/api/v1/stories/{slug}/unpublish", headers=bearer(editor_token))
    answer = (await client.get("/api/v1/changes")).json()
    assert [c["kind"] for c in answer["changes"]] == ["published", "removed"]
    jsonschema.validate(answer, schema)
