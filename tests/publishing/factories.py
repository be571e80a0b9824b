"""Test data for publishing: approved submissions made directly through the models."""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime

import httpx

from moderation.states import SubmissionState
from stories_service.crypto import FieldCipher, column_context, revision_context
from stories_service.models import ConsentRecord, Revision, Staff, Submission
from stories_service.staff.tokens import issue_token


async def make_approved_submission(
    cipher: FieldCipher,
    *,
    title: str = "The garden on the fourth floor",
    body: str = "<p>When I arrived I could not sleep. Now the balcony is full of mint.</p>",
    summary: str = "Mint on a balcony, and sleep again.",
    language: str = "en",
    attribution: str = "anonymous",
    display_name: str | None = None,
    syndicate: bool = True,
    search_indexing: bool = False,
    languages: list[str] | None = None,
    content_notes: list[str] | None = None,
    tags: list[str] | None = None,
    never_appear: list[str] | None = None,
    publish: bool = True,
) -> Submission:
    submission_id = uuid.uuid4()
    submission = await Submission.create(
        id=submission_id,
        state=SubmissionState.APPROVED,
        language=language,
        receipt_hash=secrets.token_hex(32),
        title_enc=cipher.encrypt(title, column_context("submissions", "title", submission_id)),
        body_enc=cipher.encrypt(body, column_context("submissions", "body", submission_id)),
        never_appear_enc=(
            cipher.encrypt_json(
                never_appear, column_context("submissions", "never_appear", submission_id)
            )
            if never_appear
            else None
        ),
    )
    await ConsentRecord.create(
        submission_id=submission_id,
        publish=publish,
        attribution=attribution,
        display_name_enc=cipher.encrypt_optional(
            display_name, column_context("consent_records", "display_name", submission_id)
        ),
        review_before_publish=True,
        syndicate=syndicate,
        search_indexing=search_indexing,
        languages=languages if languages is not None else [language],
        wording_version="test",
        wording_language="en",
        wording_hash="0" * 64,
        recorded_by="survivor",
    )
    await Revision.create(
        submission_id=submission_id,
        number=1,
        title_enc=cipher.encrypt(title, revision_context("title", submission_id, 1)),
        summary_enc=cipher.encrypt(summary, revision_context("summary", submission_id, 1)),
        body_enc=cipher.encrypt(body, revision_context("body", submission_id, 1)),
        content_notes=content_notes or [],
        tags=tags or [],
        approved_at=datetime.now(UTC),
    )
    return submission


async def staff_token(role: str = "editor", email: str | None = None) -> str:
    staff = await Staff.create(
        email=email or f"{role}-{secrets.token_hex(4)}@example.org", role=role, active=True
    )
    return await issue_token(staff)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def publish(
    client: httpx.AsyncClient, token: str, submission_id: object, **body: object
) -> httpx.Response:
    return await client.post(
        f"/api/v1/submissions/{submission_id}/publish", json=body, headers=bearer(token)
    )


async def publish_story(
    client: httpx.AsyncClient, cipher: FieldCipher, token: str, **fields: object
) -> dict:
    """Make an approved submission and publish it now; returns the publish answer."""
    submission = await make_approved_submission(cipher, **fields)  # type: ignore[arg-type]
    response = await publish(client, token, submission.id)
    assert response.status_code == 200, response.text
    return response.json()
