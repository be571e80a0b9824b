"""The OpenAPI operations of withdrawal, export, tombstones and retention."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from stories_service.openapi_parts import error_responses, json_body
from stories_service.protection.routes import StaffWithdrawIn, WithdrawnOut
from stories_service.receipt.schemas import ReceiptIn

PROTECTION_MODELS: list[type[BaseModel]] = [StaffWithdrawIn, WithdrawnOut]

_NULLABLE_STRING = {"anyOf": [{"type": "string"}, {"type": "null"}]}
_STRINGS = {"type": "array", "items": {"type": "string"}}

WITHDRAWALS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["withdrawals"],
    "properties": {
        "withdrawals": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "slug", "withdrawn_at"],
                "properties": {
                    "id": {"type": "string", "description": "the feed entry id (urn:uuid:…)"},
                    "slug": {"type": "string"},
                    "withdrawn_at": {"type": "string", "format": "date-time"},
                },
            },
        },
        "next_cursor": {"type": "string", "description": "opaque: pass it as after="},
        "next_url": {"type": "string", "description": "the next page, or where to poll from"},
        "has_more": {"type": "boolean"},
    },
}

EXPORT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": [
        "format",
        "id",
        "status",
        "submission",
        "revisions",
        "consent_history",
        "publication",
        "history",
    ],
    "properties": {
        "format": {"type": "string"},
        "exported_at": {"type": "string", "format": "date-time"},
        "id": {"type": "string"},
        "status": {"type": "string"},
        "status_text": {"type": "string"},
        "submission": {
            "type": "object",
            "properties": {
                "title": _NULLABLE_STRING,
                "body": _NULLABLE_STRING,
                "contact": _NULLABLE_STRING,
                "never_appear": _STRINGS,
                "your_comment": _NULLABLE_STRING,
                "language": {"type": "string"},
            },
        },
        "revisions": {"type": "array", "items": {"type": "object"}},
        "consent_history": {"type": "array", "items": {"type": "object"}},
        "publication": {"anyOf": [{"type": "object"}, {"type": "null"}]},
        "history": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["at", "action", "by"],
                "properties": {
                    "at": {"type": "string"},
                    "action": {"type": "string"},
                    "from_state": _NULLABLE_STRING,
                    "to_state": _NULLABLE_STRING,
                    "by": {"type": "string", "enum": ["survivor", "staff", "system"]},
                },
            },
        },
        "rejection_reason": _NULLABLE_STRING,
    },
}

RETENTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["retention_days", "planned"],
    "properties": {
        "retention_days": {"type": "integer"},
        "planned": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "state", "because", "since", "purge_after"],
                "properties": {
                    "id": {"type": "string"},
                    "state": {"type": "string"},
                    "because": {"type": "string", "enum": ["published", "rejected"]},
                    "since": {"type": "string", "format": "date-time"},
                    "purge_after": {"type": "string", "format": "date-time"},
                },
            },
        },
    },
}


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_WITHDRAWN_REF = {"$ref": "#/components/schemas/WithdrawnOut"}


def protection_operations() -> dict[str, dict[str, Any]]:
    return {
        "/api/v1/receipt/withdraw": {
            "post": {
                "operationId": "withdrawByReceipt",
                "summary": "Withdraw consent: the story is deleted and removed everywhere",
                "requestBody": json_body(ReceiptIn),
                "responses": {
                    "200": _ok("Withdrawn (also when it was withdrawn already)", _WITHDRAWN_REF),
                    **error_responses(400, 403, 404, 413, 415, 422, 429),
                },
            }
        },
        "/api/v1/receipt/export": {
            "post": {
                "operationId": "exportByReceipt",
                "summary": "Everything the service holds about a submission, by its receipt code",
                "requestBody": json_body(ReceiptIn),
                "responses": {
                    "200": _ok("The survivor's data", EXPORT_SCHEMA),
                    **error_responses(400, 403, 404, 413, 415, 422, 429),
                },
            }
        },
        "/api/v1/withdrawals": {
            "get": {
                "operationId": "listWithdrawals",
                "summary": "Tombstones of withdrawn stories, oldest first",
                "parameters": [
                    {
                        "name": "since",
                        "in": "query",
                        "required": False,
                        "description": "ISO 8601; only tombstones withdrawn at or after it",
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "after",
                        "in": "query",
                        "required": False,
                        "description": "an opaque cursor from next_cursor: the tombstones after it",
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "limit",
                        "in": "query",
                        "required": False,
                        "schema": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": 1000,
                            "default": 1000,
                        },
                    },
                ],
                "responses": {
                    "200": _ok("Tombstones (ETag; 304 when unchanged)", WITHDRAWALS_SCHEMA),
                    "304": {"description": "Not modified (If-None-Match matched the ETag)"},
                    **error_responses(400, 422),
                },
            }
        },
        "/api/v1/submissions/{submission_id}/withdraw": {
            "post": {
                "operationId": "withdrawSubmission",
                "summary": "Take a story down on the survivor's behalf (editor), with a reason",
                "security": [{"bearer": []}],
                "parameters": [
                    {
                        "name": "submission_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "requestBody": json_body(StaffWithdrawIn),
                "responses": {
                    "200": _ok("Withdrawn", _WITHDRAWN_REF),
                    **error_responses(400, 401, 403, 404, 409, 413, 415, 422),
                },
            }
        },
        "/api/v1/retention": {
            "get": {
                "operationId": "listRetention",
                "summary": "What will be purged when (admin)",
                "security": [{"bearer": []}],
                "responses": {
                    "200": _ok("Planned purges, soonest first", RETENTION_SCHEMA),
                    **error_responses(401, 403),
                },
            }
        },
    }
