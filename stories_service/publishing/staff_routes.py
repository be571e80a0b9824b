"""Staff API for publishing: publish now or at a time, and unpublish (editors, bearer token)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from moderation.workflow import Actor, WorkflowError
from stories_service.errors import ApiError
from stories_service.http_input import read_json_body, validate
from stories_service.models import Staff
from stories_service.publishing.publisher import publish_submission, unpublish_story
from stories_service.publishing.queries import plausible_slug
from stories_service.runtime import runtime_of
from stories_service.staff.tokens import optional_bearer_staff


class PublishIn(BaseModel):
    """``{}`` publishes now; ``{"at": ISO8601}`` schedules; ``override_reason`` passes the guard."""

    model_config = ConfigDict(extra="forbid")
    at: AwareDatetime | None = None
    override_reason: str | None = Field(default=None, min_length=10, max_length=2000)


class PublishOut(BaseModel):
    id: str
    status: str
    slug: str
    url: str
    publish_at: str | None = None


async def require_api_staff(request: Request) -> Staff:
    """The staff member behind the bearer token; 401 without one."""
    staff = await optional_bearer_staff(request)
    if staff is None:
        raise ApiError(401, headers={"WWW-Authenticate": "Bearer"})
    return staff


def workflow_error(error: WorkflowError) -> ApiError:
    """The one mapping from domain errors to the JSON error shape."""
    return ApiError(error.status, error.message, code=error.code, extra=error.extra or None)


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
    try:
        outcome = await publish_submission(
            submission_id,
            Actor.staff(staff.id, staff.role),
            runtime.cipher,
            runtime.settings.base_url,
            at=body.at.astimezone(UTC) if body.at else None,
            override_reason=body.override_reason,
            now=datetime.now(UTC),
        )
    except WorkflowError as error:
        raise workflow_error(error) from None
    answer = PublishOut(
        id=str(submission_id),
        status=outcome.status,
        slug=outcome.slug,
        url=f"{runtime.settings.base_url}/stories/{outcome.slug}",
        publish_at=outcome.publish_at.isoformat() if outcome.publish_at else None,
    )
    return JSONResponse(answer.model_dump(), headers={"Cache-Control": "no-store"})


async def unpublish_api(request: Request) -> Response:
    """POST /api/v1/stories/{slug}/unpublish."""
    staff = await require_api_staff(request)
    runtime = runtime_of(request)
    if not plausible_slug(request.path_params["slug"]):
        raise ApiError(404, "There is no such story.")
    try:
        story = await unpublish_story(
            request.path_params["slug"],
            Actor.staff(staff.id, staff.role),
            runtime.settings.base_url,
        )
    except WorkflowError as error:
        raise workflow_error(error) from None
    return JSONResponse(
        {
            "id": str(story.submission_id),  # type: ignore[attr-defined]
            "status": "unpublished",
            "slug": story.slug,
        },
        headers={"Cache-Control": "no-store"},
    )
