"""Test data: submissions driven through the real workflow to any state, staff with tokens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
from tortoise.transactions import in_transaction

from moderation.states import StaffRole, SubmissionState
from moderation.workflow import Actor
from stories_service.crypto import column_context, revision_context
from stories_service.models import Revision
from stories_service.moderating.transitions import load_submission, transition
from stories_service.publishing.publisher import publish_submission, unpublish_story
from stories_service.runtime import Runtime
from tests.conftest import valid_submission
from tests.staffing import StaffUser, make_staff

S = SubmissionState

# The path through the workflow to each state: (action, who).
PATHS: dict[SubmissionState, list[tuple[str, str]]] = {
    S.SUBMITTED: [],
    S.IN_REVIEW: [("claim", "moderator")],
    S.AWAITING_CONSENT: [("claim", "moderator"), ("send_for_consent", "moderator")],
    S.READY: [
        ("claim", "moderator"),
        ("send_for_consent", "moderator"),
        ("survivor_approve", "survivor"),
    ],
    S.APPROVED: [
        ("claim", "moderator"),
        ("send_for_consent", "moderator"),
        ("survivor_approve", "survivor"),
        ("approve", "editor"),
    ],
}
PATHS[S.SCHEDULED] = [*PATHS[S.APPROVED], ("schedule", "editor")]
PATHS[S.PUBLISHED] = [*PATHS[S.APPROVED], ("publish", "editor")]
PATHS[S.UNPUBLISHED] = [*PATHS[S.PUBLISHED], ("unpublish", "editor")]
PATHS[S.REJECTED] = [("claim", "moderator"), ("reject", "moderator")]


@dataclass
class Story:
    id: str
    receipt_code: str
    slug: str | None = None
    entry_id: str | None = None


async def submit(client: httpx.AsyncClient, text: str = "", **changes: object) -> Story:
    """Submit through the public API; ``text`` goes into the title, body and contact."""
    if text:
        changes.setdefault("title", f"Title {text}")
        changes.setdefault("body", f"My story. {text} And then the garden grew.")
        changes.setdefault("contact", f"{text}@example.org")
        changes.setdefault("never_appear", [f"Never {text}"])
    response = await client.post("/api/v1/submissions", json=valid_submission(**changes))
    assert response.status_code == 201, response.text
    body = response.json()
    return Story(body["id"], body["receipt_code"])


async def _save_revision(runtime: Runtime, story: Story, text: str, body_html: str | None) -> None:
    cipher = runtime.cipher
    values = {
        "title": f"Revised {text}",
        "summary": f"Summary {text}",
        "body": body_html if body_html is not None else f"<p>Redacted story {text}</p>",
    }
    await Revision.create(
        submission_id=story.id,
        number=1,
        content_notes=["violence"],
        tags=["recovery"],
        **{
            f"{name}_enc": cipher.encrypt(value, revision_context(name, story.id, 1))
            for name, value in values.items()
        },
    )


async def drive_to(
    runtime: Runtime,
    story: Story,
    state: SubmissionState,
    text: str = "canary",
    body_html: str | None = None,
) -> None:
    """Move a submission to ``state`` through ``moderation.workflow.transition``."""
    moderator = await make_staff(StaffRole.MODERATOR, password=None)
    editor = await make_staff(StaffRole.EDITOR, password=None)
    actors = {
        "moderator": moderator.actor,
        "editor": editor.actor,
        "survivor": Actor.survivor(),
    }
    for action, who in PATHS[state]:
        if action == "send_for_consent":
            await _save_revision(runtime, story, text, body_html)
        if action in {"publish", "schedule"}:
            await _publish(runtime, story, editor, schedule=action == "schedule")
            continue
        if action == "unpublish":
            await unpublish_story(story.slug, editor.actor, runtime.settings.base_url)
            continue
        async with in_transaction() as connection:
            submission = await load_submission(connection, story.id, lock=True)
            updates: dict[str, object] = {}
            if action == "claim":
                updates = {"claimed_by_id": moderator.staff.id, "claimed_at": datetime.now(UTC)}
            if action == "reject":
                updates = {
                    "rejection_reason_enc": runtime.cipher.encrypt(
                        f"Rejected because {text}",
                        column_context("submissions", "rejection_reason", story.id),
                    )
                }
            await transition(connection, submission, action, actors[who], updates=updates)
        if action == "approve":
            await Revision.filter(submission_id=story.id).update(approved_at=datetime.now(UTC))


async def _publish(runtime: Runtime, story: Story, editor: StaffUser, *, schedule: bool) -> None:
    """Publish (or schedule) with the publishing code itself, past the leak guard."""
    outcome = await publish_submission(
        story.id,
        editor.actor,
        runtime.cipher,
        runtime.settings.base_url,
        at=datetime.now(UTC) + timedelta(days=1) if schedule else None,
        override_reason="Test fixture: the text is invented.",
    )
    story.slug = outcome.story.slug
    story.entry_id = outcome.story.entry_id
