"""The staff JSON API (docs/design.md, "Public contract"): thin handlers over ``moderation``."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from moderation.revisions import (
    CONTENT_NOTES,
    DraftInvalid,
    RevisionDraft,
    diff_revisions,
)
from moderation.states import StaffRole, SubmissionState
from moderation.workflow import Actor
from stories_service.audit_log import recent_audit_events
from stories_service.console.views import (
    AUDIT_PAGE_SIZE,
    audit_json,
    compare_pair,
    get_submission,
    queue_rows,
    submission_detail,
    transition_answer,
    whole_number,
)
from stories_service.errors import ApiError
from stories_service.http_input import (
    InputLabel,
    InputText,
    LanguageTag,
    language_parameter,
    read_json,
    read_json_body,
    validate,
)
from stories_service.instruments import timed_suggestions
from stories_service.models import Submission
from stories_service.moderating import approval, consent, queue
from stories_service.moderating.organisation_terms import organisation_list
from stories_service.moderating.originals import require_survivor_text
from stories_service.moderating.revisions import never_appear_terms, save_revision, working_text
from stories_service.publishing.publisher import take_down_public_copy
from stories_service.redaction_warm_up import engine_ready
from stories_service.runtime import runtime_of
from stories_service.staff.auth import actor_for, require_staff

NO_STORE = {"Cache-Control": "no-store"}


class RedactionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    kind: InputText = Field(min_length=1, max_length=32)


class RevisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: InputLabel = Field(min_length=1, max_length=300)
    body: InputText = Field(min_length=1, max_length=100_000)
    summary: InputText = Field(default="", max_length=1000)
    content_notes: list[InputText] = Field(default_factory=list, max_length=len(CONTENT_NOTES))
    tags: list[InputLabel] = Field(default_factory=list, max_length=12)
    redactions: list[RedactionIn] = Field(default_factory=list, max_length=2000)
    mode: Literal["placeholder", "pseudonym"] = "placeholder"


class ReasonIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: InputText = Field(default="", max_length=2000)


class ApproveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    override_reason: InputText | None = Field(default=None, max_length=2000)


class ClaimNextIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    language: LanguageTag | None = None


async def _optional_json(request: Request, model: type[BaseModel]) -> BaseModel:
    """An optional JSON body: absent or empty means the defaults."""
    if not request.headers.get("content-type") and not await request.body():
        return model()
    if not (await request.body()).strip():
        return model()
    data = await read_json_body(request)
    if not isinstance(data, dict):
        raise ApiError(422, "The body must be a JSON object.", fields={"body": "expected object"})
    return validate(model, data)


def _answer(data: dict[str, object], status_code: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status_code, headers=NO_STORE)


def _states(raw: str | None) -> tuple[SubmissionState, ...]:
    if not raw:
        return (SubmissionState.SUBMITTED,)
    try:
        return tuple(SubmissionState(part.strip()) for part in raw.split(",") if part.strip())
    except ValueError:
        raise ApiError(
            422, fields={"state": "Choose from: " + ", ".join(s.value for s in SubmissionState)}
        ) from None


def _hours(raw: str | None) -> int | None:
    if not raw:
        return None
    hours = whole_number(raw)
    if hours is None or hours > queue.MAX_MIN_AGE_HOURS:
        raise ApiError(
            422,
            fields={"min_age_hours": f"A whole number of hours up to {queue.MAX_MIN_AGE_HOURS}."},
        )
    return hours


async def queue_api(request: Request) -> Response:
    """GET /api/v1/queue?state=&language=&claimant=&min_age_hours=: oldest first, no text."""
    staff = await require_staff(request, StaffRole.MODERATOR)
    params = request.query_params
    view = queue.QueueFilter(
        states=_states(params.get("state")),
        language=language_parameter(params.get("language"), "language"),
        claimant=params.get("claimant") or None,
        min_age_hours=_hours(params.get("min_age_hours")),
    )
    submissions = await queue.list_queue(view, viewer_id=staff.id)
    rows = await queue_rows(submissions, runtime_of(request).cipher)
    return _answer({"items": rows})


async def submission_api(request: Request) -> Response:
    """GET /api/v1/submissions/{id}."""
    staff = await require_staff(request, StaffRole.MODERATOR)
    submission = await get_submission(request.path_params["submission_id"])
    cipher = runtime_of(request).cipher
    return _answer(await submission_detail(submission, cipher, actor_for(staff)))


async def _moderator_transition(
    request: Request, act: Callable[[UUID, Actor], Awaitable[Submission]]
) -> Response:
    """A transition with no body that any moderator may ask for (the domain checks the rest)."""
    staff = await require_staff(request, StaffRole.MODERATOR)
    submission = await get_submission(request.path_params["submission_id"])
    changed = await act(submission.id, actor_for(staff))
    return _answer(transition_answer(changed))


async def claim_api(request: Request) -> Response:
    return await _moderator_transition(request, queue.claim_submission)


async def claim_next_api(request: Request) -> Response:
    staff = await require_staff(request, StaffRole.MODERATOR)
    body = await _optional_json(request, ClaimNextIn)
    assert isinstance(body, ClaimNextIn)
    claimed = await queue.claim_next_submission(actor_for(staff), body.language)
    if claimed is None:
        raise ApiError(404, "The queue is empty.", code="queue_empty")
    return _answer(transition_answer(claimed))


async def revise_api(request: Request) -> Response:
    """POST /api/v1/submissions/{id}/revise: a published story back into review."""
    return await _moderator_transition(request, queue.revise_published)


async def release_api(request: Request) -> Response:
    return await _moderator_transition(request, queue.release_submission)


async def suggestions_api(request: Request) -> Response:
    """GET /api/v1/submissions/{id}/suggestions: PII suggestions for the current text (they
    quote it: survivor text, see ``moderation.originals``)."""
    staff = await require_staff(request, StaffRole.MODERATOR)
    runtime = runtime_of(request)
    submission = await get_submission(request.path_params["submission_id"])
    await require_survivor_text(submission, actor_for(staff), via="api:suggestions")
    text = await working_text(submission, runtime.cipher)
    await engine_ready()
    listed = await organisation_list(runtime.cipher)
    found = await asyncio.to_thread(
        timed_suggestions,
        text.body,
        never_appear_terms(submission, runtime.cipher),
        submission.language,
        runtime.settings.redaction_detectors,
        listed,
    )
    return _answer({"revision": text.revision, "suggestions": [s.as_dict() for s in found]})


async def revisions_api(request: Request) -> Response:
    """POST /api/v1/submissions/{id}/revisions: a new revision (redactions applied to body)."""
    staff = await require_staff(request, StaffRole.MODERATOR)
    submission = await get_submission(request.path_params["submission_id"])
    body = await read_json(request, RevisionIn)
    draft = RevisionDraft(
        title=body.title,
        summary=body.summary,
        body=body.body,
        content_notes=body.content_notes,
        tags=body.tags,
        redactions=[(r.start, r.end, r.kind) for r in body.redactions],
        mode=body.mode,
    )
    try:
        revision = await save_revision(
            submission.id, actor_for(staff), draft, runtime_of(request).cipher
        )
    except DraftInvalid as error:
        raise ApiError(422, fields=error.fields) from None
    return _answer(
        {"id": str(submission.id), "status": submission.state, "revision": revision.number},
        status_code=201,
    )


async def compare_api(request: Request) -> Response:
    """GET /api/v1/submissions/{id}/compare?a=&b=: a diff between two revisions (a=0: the
    original); survivor text, see ``moderation.originals``."""
    staff = await require_staff(request, StaffRole.MODERATOR)
    submission = await get_submission(request.path_params["submission_id"])
    try:
        a = int(request.query_params["a"]) if "a" in request.query_params else None
        b = int(request.query_params["b"]) if "b" in request.query_params else None
    except ValueError:
        raise ApiError(422, fields={"a": "Revision numbers are whole numbers."}) from None
    old, new = await compare_pair(
        submission, runtime_of(request).cipher, actor_for(staff), a, b, via="api:compare"
    )
    return _answer(diff_revisions(old, new))


async def send_for_consent_api(request: Request) -> Response:
    return await _moderator_transition(request, consent.send_for_consent)


async def skip_consent_api(request: Request) -> Response:
    return await _moderator_transition(request, consent.skip_consent)


async def approve_api(request: Request) -> Response:
    staff = await require_staff(request, StaffRole.EDITOR)
    submission = await get_submission(request.path_params["submission_id"])
    body = await _optional_json(request, ApproveIn)
    assert isinstance(body, ApproveIn)
    changed = await approval.approve_submission(
        submission.id, actor_for(staff), runtime_of(request).cipher, body.override_reason
    )
    return _answer(transition_answer(changed))


async def send_back_api(request: Request) -> Response:
    staff = await require_staff(request, StaffRole.EDITOR)
    submission = await get_submission(request.path_params["submission_id"])
    body = await _optional_json(request, ReasonIn)
    assert isinstance(body, ReasonIn)
    changed = await approval.send_back(submission.id, actor_for(staff), body.reason)
    return _answer(transition_answer(changed))


async def reject_api(request: Request) -> Response:
    staff = await require_staff(request, StaffRole.MODERATOR)
    submission = await get_submission(request.path_params["submission_id"])
    body = await read_json(request, ReasonIn)
    changed = await approval.reject_submission(
        submission.id,
        actor_for(staff),
        body.reason,
        runtime_of(request).cipher,
        take_down=take_down_public_copy,
    )
    return _answer(transition_answer(changed))


async def audit_api(request: Request) -> Response:
    """GET /api/v1/audit?submission=&before=: newest first, admins only."""
    await require_staff(request, StaffRole.ADMIN)
    raw_submission = request.query_params.get("submission")
    try:
        submission_id = UUID(raw_submission) if raw_submission else None
    except ValueError:
        raise ApiError(422, fields={"submission": "Not a submission id."}) from None
    events = await recent_audit_events(
        limit=AUDIT_PAGE_SIZE,
        submission_id=submission_id,
        before=whole_number(request.query_params.get("before", "")),
    )
    return _answer({"events": [audit_json(e) for e in events]})
