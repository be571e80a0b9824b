"""Staff API for publishing: publish now or at a time, unpublish, and confirm a survivor's new
byline (editors, bearer token)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from moderation.workflow import Actor
from stories_service.errors import ApiError
from stories_service.http_input import InputText, read_json_body, validate
from stories_service.publishing.bylines import confirm_byline
from stories_service.publishing.publisher import publish_submission, unpublish_story
from stories_service.publishing.queries import plausible_slug
from stories_service.runtime import runtime_of
from stories_service.staff.auth import require_api_staff
from stories_service.timefmt import rfc3339


class PublishIn(BaseModel):
    """``{}`` publishes now; ``{"at": ISO8601}`` schedules; ``override_reason`` passes the guard."""

    model_config = ConfigDict(extra="forbid")
    at: AwareDatetime | None = None
    override_reason: InputText | None = Field(default=None, min_length=10, max_length=2000)


class PublishOut(BaseModel):
    id: str
    status: str
    slug: str
    url: str
    publish_at: str | None = None


async def _optional_body(request: Request) -> object:
    if not await request.body():
        return {}
    return await read_json_body(request)


def _submission_id(request: Request) -> uuid.UUID:
    try:
        return uuid.UUID(request.path_params["submission_id"])
    except ValueError:
        raise ApiError(404, "There is no such submission.") from None


async def publish_api(request: Request) -> Response:
    """POST /api/v1/submissions/{id}/publish."""
    staff = await require_api_staff(request)
    submission_id = _submission_id(request)
    body = validate(PublishIn, await _optional_body(request))
    runtime = runtime_of(request)
    outcome = await publish_submission(
        submission_id,
        Actor.staff(staff.id, staff.role),
        runtime.cipher,
        runtime.settings.base_url,
        at=body.at.astimezone(UTC) if body.at else None,
        override_reason=body.override_reason,
        now=datetime.now(UTC),
    )
    answer = PublishOut(
        id=str(submission_id),
        status=outcome.status,
        slug=outcome.slug,
        url=f"{runtime.settings.base_url}/stories/{outcome.slug}",
        publish_at=rfc3339(outcome.publish_at),
    )
    return JSONResponse(answer.model_dump(), headers={"Cache-Control": "no-store"})


async def unpublish_api(request: Request) -> Response:
    """POST /api/v1/stories/{slug}/unpublish."""
    staff = await require_api_staff(request)
    runtime = runtime_of(request)
    if not plausible_slug(request.path_params["slug"]):
        raise ApiError(404, "There is no such story.")
    story = await unpublish_story(
        request.path_params["slug"],
        Actor.staff(staff.id, staff.role),
        runtime.settings.base_url,
    )
    return JSONResponse(
        {
            "id": str(story.submission_id),
            "status": "unpublished",
            "slug": story.slug,
        },
        headers={"Cache-Control": "no-store"},
    )


async def confirm_byline_api(request: Request) -> Response:
    """POST /api/v1/submissions/{id}/confirm-byline: the public story shows the survivor's new
    name (409 when none is waiting)."""
    staff = await require_api_staff(request)
    story = await confirm_byline(
        _submission_id(request), Actor.staff(staff.id, staff.role), runtime_of(request).cipher
    )
    return JSONResponse(
        {"id": str(story.submission_id), "status": story.state, "slug": story.slug},
        headers={"Cache-Control": "no-store"},
    )
