"""Publish, schedule, unpublish and confirm a new byline from the staff console's workspace
(editors)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request

from moderation.workflow import Actor, NotFound
from stories_service.models import PublishedStory, Submission
from stories_service.publishing.bylines import confirm_byline
from stories_service.publishing.material import PublishRefused
from stories_service.publishing.publisher import publish_submission, unpublish_story
from stories_service.runtime import runtime_of


def _publish_time(raw: str) -> datetime | None:
    """The form's ``datetime-local`` value, read as UTC (the form says so)."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        raise PublishRefused("Give the time as YYYY-MM-DD HH:MM (UTC).", "invalid_time") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


async def console_publishing_action(
    request: Request, submission: Submission, actor: Actor, action: str, form: FormData
) -> Any:
    """Run ``publish`` (now or at a time), ``unpublish`` or ``confirm-byline``; raises
    WorkflowError subclasses."""
    runtime = runtime_of(request)
    base_url = runtime.settings.base_url
    if action == "confirm-byline":
        return await confirm_byline(submission.id, actor, runtime.cipher)
    if action == "publish":
        return await publish_submission(
            submission.id,
            actor,
            runtime.cipher,
            base_url,
            at=_publish_time(str(form.get("at") or "")),
            override_reason=str(form.get("override_reason") or "") or None,
        )
    story = await PublishedStory.get_or_none(submission_id=submission.id)
    if story is None:
        raise NotFound("This submission has no public story.")
    return await unpublish_story(story.slug, actor, base_url)
