"""The moderation workflow's part of the OpenAPI document (merged in by ``openapi.py``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from stories_service.console.api import ApproveIn, ClaimNextIn, ReasonIn, RevisionIn
from stories_service.openapi_parts import BEARER, error_responses, json_body, json_response
from stories_service.receipt.schemas import AttributionIn, ConsentDecisionIn

MODELS: list[type[BaseModel]] = [
    RevisionIn,
    ReasonIn,
    ApproveIn,
    ClaimNextIn,
    ConsentDecisionIn,
    AttributionIn,
]

_ID_PARAM = {"name": "submission_id", "in": "path", "required": True, "schema": {"type": "string"}}
_TRANSITION = {
    "type": "object",
    "required": ["id", "status"],
    "properties": {
        "id": {"type": "string"},
        "status": {"type": "string"},
        "claimed_by": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
    },
}


def _ok(schema: dict[str, Any], status: str = "200") -> dict[str, Any]:
    return {status: json_response(schema)}


def _staff_op(
    operation_id: str,
    summary: str,
    *,
    body: type[BaseModel] | None = None,
    body_required: bool = True,
    response: dict[str, Any] | None = None,
    status: str = "200",
    params: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": operation_id,
        "summary": summary,
        "security": BEARER,
        "parameters": [_ID_PARAM, *(params or [])],
        "responses": {
            **_ok(response or _TRANSITION, status),
            **error_responses(401, 403, 404, 409),
        },
    }
    if body is not None:
        op["requestBody"] = json_body(body, body_required)
        op["responses"].update(error_responses(400, 415, 422))
    return op


def _query(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": {"type": "string"},
        "description": description,
    }


_SUBMISSION = "/api/v1/submissions/{submission_id}"

OPERATIONS: dict[str, dict[str, Any]] = {
    "/api/v1/queue": {
        "get": {
            "operationId": "listQueue",
            "summary": "The moderation queue, oldest first (working titles and content notes only)",
            "security": BEARER,
            "parameters": [
                _query("state", "comma-separated states (default submitted)"),
                _query("language", "a language tag"),
                _query("claimant", "me, none, or a staff id"),
                _query("min_age_hours", "only submissions waiting at least this long"),
            ],
            "responses": {**_ok({"type": "object"}), **error_responses(401, 403, 422)},
        }
    },
    "/api/v1/queue/claim-next": {
        "post": {
            "operationId": "claimNextSubmission",
            "summary": "Claim the oldest unclaimed submission",
            "security": BEARER,
            "requestBody": json_body(ClaimNextIn, required=False),
            "responses": {
                **_ok(_TRANSITION),
                **error_responses(400, 401, 403, 404, 409, 413, 415, 422),
            },
        }
    },
    "/api/v1/audit": {
        "get": {
            "operationId": "listAuditEvents",
            "summary": "The audit log, newest first (admins)",
            "security": BEARER,
            "parameters": [
                _query("submission", "only events of this submission"),
                _query("before", "only events with a smaller id (paging)"),
            ],
            "responses": {**_ok({"type": "object"}), **error_responses(401, 403, 422)},
        }
    },
    _SUBMISSION: {
        "get": _staff_op(
            "getSubmission",
            "One submission with its revisions, consent records and history (the survivor's "
            "text only for the claimant, deciding editors and admins)",
            response={"type": "object"},
        )
    },
    f"{_SUBMISSION}/claim": {"post": _staff_op("claimSubmission", "Claim a submission")},
    f"{_SUBMISSION}/release": {
        "post": _staff_op("releaseSubmission", "Give a claimed submission back")
    },
    f"{_SUBMISSION}/revise": {
        "post": _staff_op(
            "reviseSubmission", "Take a published story back into review (consent again)"
        )
    },
    f"{_SUBMISSION}/suggestions": {
        "get": _staff_op(
            "listSuggestions",
            "PII suggestions for the current text (those who may read it)",
            response={"type": "object"},
        )
    },
    f"{_SUBMISSION}/revisions": {
        "post": _staff_op(
            "createRevision",
            "Save a new revision (redactions applied to the body)",
            body=RevisionIn,
            response={"type": "object", "required": ["revision"]},
            status="201",
        )
    },
    f"{_SUBMISSION}/compare": {
        "get": _staff_op(
            "compareRevisions",
            "A diff between two revisions, a=0 the original (those who may read them)",
            response={"type": "object"},
            params=[_query("a", "from revision"), _query("b", "to revision")],
        )
    },
    f"{_SUBMISSION}/send-for-consent": {
        "post": _staff_op("sendForConsent", "Ask the survivor to review")
    },
    f"{_SUBMISSION}/skip-consent": {
        "post": _staff_op("skipConsent", "Straight to ready when the survivor waived review")
    },
    f"{_SUBMISSION}/approve": {
        "post": _staff_op(
            "approveSubmission",
            "Second approval (four-eyes rule, leak guard)",
            body=ApproveIn,
            body_required=False,
        )
    },
    f"{_SUBMISSION}/send-back": {
        "post": _staff_op(
            "sendBackSubmission", "Back to the moderator", body=ReasonIn, body_required=False
        )
    },
    f"{_SUBMISSION}/reject": {
        "post": _staff_op("rejectSubmission", "Reject with a reason", body=ReasonIn)
    },
    "/api/v1/receipt/consent": {
        "post": {
            "operationId": "decideConsentByReceipt",
            "summary": "The survivor approves the redacted text or asks for changes",
            "requestBody": json_body(ConsentDecisionIn),
            "responses": {
                **_ok({"type": "object"}),
                **error_responses(400, 403, 404, 409, 415, 422, 429),
            },
        }
    },
    "/api/v1/receipt/attribution": {
        "post": {
            "operationId": "changeAttributionByReceipt",
            "summary": "The survivor changes attribution (a new consent record)",
            "requestBody": json_body(AttributionIn),
            "responses": {
                **_ok({"type": "object"}),
                **error_responses(400, 403, 404, 409, 415, 422, 429),
            },
        }
    },
}
