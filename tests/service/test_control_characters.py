"""NUL and other control characters (issue 14 #6): refused with a 422 naming the field, in JSON
bodies and forms alike (on PostgreSQL a NUL was a 500, and a display name holding one made the
story unpublishable); bidi controls and zero-width characters are dropped from titles, bylines
and tags."""

from __future__ import annotations

import json

import httpx
import pytest

from moderation.input_text import holds_refused_characters, without_invisible_marks
from stories_service.crypto import revision_context
from stories_service.models import ConsentRecord, Revision, Submission
from stories_service.moderating.consent import chosen_name
from stories_service.runtime import Runtime
from tests.conftest import Backend, valid_submission
from tests.staffing import (
    REVISION,
    make_staff,
    my_story_attribution,
    post,
    post_login,
    sign_in,
    submit,
)

REFUSED = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\ud800"]
NUL = "\x00"
# Right-to-left override, pop, zero-width space, word joiner, byte-order mark, first-strong isolate.
INVISIBLE = "\u202e\u202c\u200b\u2060\ufeff\u2068"


def _submit(client: httpx.AsyncClient, body: dict) -> object:
    """POST a submission as ASCII JSON (\\u escapes), which can carry a lone surrogate."""
    return client.post(
        "/api/v1/submissions",
        content=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )


def _refused(response: httpx.Response, field: str) -> None:
    assert response.status_code == 422, response.text[:300]
    fields = response.json()["error"]["fields"]
    assert field in fields and "cannot hold" in fields[field], fields


def test_the_rule_refuses_c0_controls_and_lone_surrogates_but_not_tab_and_newlines() -> None:
    for character in REFUSED:
        assert holds_refused_characters(f"a{character}b"), repr(character)
    assert not holds_refused_characters("line one\r\n\tline two\u200d\u00e9\u0627")
    assert without_invisible_marks(f"Ro{INVISIBLE}sa\u200c") == "Rosa\u200c"


@pytest.mark.parametrize("character", [NUL, "\x01", "\x0b", "\x1f", "\ud800"])
async def test_a_submission_with_a_control_character_is_422_naming_the_field(
    client: httpx.AsyncClient, backend: Backend, character: str
) -> None:
    consent = dict(valid_submission()["consent"])  # type: ignore[arg-type]
    consent.update(attribution="pseudonym", display_name=f"Ro{character}sa")
    _refused(await _submit(client, valid_submission(consent=consent)), "consent.display_name")
    for field, value in [
        ("title", f"a{character}b"),
        ("body", f"My story{character}"),
        ("contact", f"signal{character}"),
    ]:
        _refused(
            await _submit(client, valid_submission(**{field: value})),
            field,
        )
    _refused(
        await client.post("/api/v1/submissions", json=valid_submission(never_appear=["ok", NUL])),
        "never_appear.1",
    )
    assert await Submission.all().count() == 0


async def test_tab_and_newlines_are_text(client: httpx.AsyncClient, backend: Backend) -> None:
    body = "First line.\r\n\tSecond line.\nThird."
    assert (await client.post("/api/v1/submissions", json=valid_submission(body=body))).is_success


async def test_the_submission_form_keeps_the_text_and_shows_the_problem_beside_the_field(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    response = await client.post(
        "/submit",
        data={
            "title": f"Learning{NUL} to swim",
            "body": "The water frightened me.",
            "language": "en",
            "publish": "yes",
            "attribution": "anonymous",
            "review": "yes",
            "syndicate": "no",
            "search_indexing": "no",
            "languages": ["en"],
        },
    )
    assert response.status_code == 422
    assert 'id="title-error"' in response.text
    assert "The water frightened me.</textarea>" in response.text
    assert await Submission.all().count() == 0


async def test_the_survivor_api_and_my_story_refuse_a_control_character(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    created = await submit(client)
    code = created["receipt_code"]
    _refused(
        await client.post(
            "/api/v1/receipt/attribution",
            json={"receipt_code": code, "attribution": "pseudonym", "display_name": f"R{NUL}"},
        ),
        "display_name",
    )
    _refused(
        await client.post("/api/v1/receipt/status", json={"receipt_code": f"{code}{NUL}"}),
        "receipt_code",
    )
    refused = await my_story_attribution(client, code, "pseudonym", f"Ro{NUL}sa")
    assert refused.status_code == 422
    assert "cannot hold" in refused.text
    assert await ConsentRecord.filter(submission_id=created["id"]).count() == 1


async def test_the_staff_api_refuses_a_control_character_in_tags_and_reasons(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator", password=None)
    sid = (await submit(client))["id"]
    assert (await post(client, moderator, f"/api/v1/submissions/{sid}/claim")).is_success
    for field, value in [("tags", ["home", f"gar{NUL}den"]), ("title", f"T{NUL}")]:
        revision = {**REVISION, field: value}
        response = await post(client, moderator, f"/api/v1/submissions/{sid}/revisions", revision)
        _refused(response, "tags.1" if field == "tags" else field)
    reject = {"reason": f"Not a story {NUL} for us, sorry."}
    _refused(await post(client, moderator, f"/api/v1/submissions/{sid}/reject", reject), "reason")
    assert (await Submission.get(id=sid)).state == "in_review"


async def test_console_forms_refuse_a_control_character(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    assert (await post_login(client, f"{moderator.email}{NUL}", "x")).status_code == 422
    csrf = await sign_in(client, moderator)
    sid = (await submit(client))["id"]
    rejected = await client.post(
        f"/staff/submissions/{sid}/reject",
        data={"reason": f"Not for us {NUL} sorry.", "csrf_token": csrf},
    )
    assert rejected.status_code == 422
    assert "cannot hold" in rejected.text
    assert (await Submission.get(id=sid)).state == "submitted"


async def test_titles_bylines_and_tags_lose_bidi_controls_and_zero_width_characters(
    client: httpx.AsyncClient, backend: Backend, runtime: Runtime
) -> None:
    consent = dict(valid_submission()["consent"])  # type: ignore[arg-type]
    consent.update(attribution="pseudonym", display_name=f"Blue{INVISIBLE} Heron")
    created = await submit(client, title=f"The garden{INVISIBLE}", consent=consent)
    sid, code = created["id"], created["receipt_code"]
    record = await ConsentRecord.get(submission_id=sid)
    assert chosen_name(record, runtime.cipher) == "Blue Heron"
    status = await client.post("/api/v1/receipt/status", json={"receipt_code": code})
    assert status.json()["status"] == "submitted"
    changed = await client.post(
        "/api/v1/receipt/attribution",
        json={"receipt_code": code, "attribution": "pseudonym", "display_name": "\u202eNoor"},
    )
    assert changed.status_code == 200, changed.text
    newest = await ConsentRecord.filter(submission_id=sid).order_by("-id").first()
    assert newest is not None and chosen_name(newest, runtime.cipher) == "Noor"

    moderator = await make_staff("moderator", password=None)
    assert (await post(client, moderator, f"/api/v1/submissions/{sid}/claim")).is_success
    revision = {**REVISION, "title": f"Mint{INVISIBLE}", "tags": [f"home{INVISIBLE}", "garden"]}
    saved = await post(client, moderator, f"/api/v1/submissions/{sid}/revisions", revision)
    assert saved.status_code == 201, saved.text
    stored = await Revision.get(submission_id=sid, number=1)
    title = runtime.cipher.decrypt(stored.title_enc, revision_context("title", sid, 1))
    assert title == "Mint" and stored.tags == ["home", "garden"]


async def test_the_workspace_form_drops_invisible_characters_from_title_and_tags(
    client: httpx.AsyncClient, backend: Backend, runtime: Runtime
) -> None:
    moderator = await make_staff("moderator")
    sid = (await submit(client))["id"]
    csrf = await sign_in(client, moderator)
    assert (
        await client.post(f"/staff/submissions/{sid}/claim", data={"csrf_token": csrf})
    ).status_code == 303
    save = await client.post(
        f"/staff/submissions/{sid}/save",
        data={
            "csrf_token": csrf,
            "title": "\u202eMeeting again\u200b",
            "summary": "Two sisters meet again.",
            "tags": "family\u2066, reunion, \u200b",
            "content_notes": ["none"],
            "body": "<p>We met again.</p>",
            "mode": "placeholder",
        },
    )
    assert save.status_code == 303, save.text
    stored = await Revision.get(submission_id=sid, number=1)
    title = runtime.cipher.decrypt(stored.title_enc, revision_context("title", sid, 1))
    assert title == "Meeting again" and stored.tags == ["family", "reunion"]
    refused = await client.post(
        f"/staff/submissions/{sid}/save",
        data={"csrf_token": csrf, "title": "T", "body": f"<p>x{NUL}</p>", "mode": "placeholder"},
    )
    assert refused.status_code == 422
    assert await Revision.filter(submission_id=sid).count() == 1
