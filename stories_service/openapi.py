"""GET /openapi.json: the OpenAPI 3.1 document of the JSON API, built from the pydantic models.

Each feature adds its operations to ``OPERATIONS``; request bodies and responses reference the
same pydantic models the handlers validate with, so the document cannot drift from the code.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from stories_service.console import openapi_ops as moderation_ops
from stories_service.intake.schemas import SubmissionCreated, SubmissionIn
from stories_service.openapi_parts import error_responses, json_body, json_response, ref
from stories_service.protection.openapi import PROTECTION_MODELS, protection_operations
from stories_service.publishing import openapi_events
from stories_service.publishing import openapi_ops as publishing_ops
from stories_service.receipt.schemas import ReceiptIn
from stories_service.redaction_warm_up import WarmUpState
from stories_service.webhooks import openapi_ops as webhooks_ops

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {"type": "string"}},
            },
        }
    },
}

RECEIPT_STATUS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "status", "review", "rejection_reason"],
    "properties": {
        "id": {"type": "string"},
        "status": {"type": "string"},
        "status_text": {"type": "string"},
        "review": {
            "anyOf": [
                {
                    "type": "object",
                    "properties": {
                        "title": {"type": "string"},
                        "summary": {"type": "string"},
                        "body": {"type": "string"},
                        "tags": {"type": "array", "items": {"type": "string"}},
                        "content_notes": {"type": "array", "items": {"type": "string"}},
                        "replaced": {
                            "type": "array",
                            "items": {"type": "string"},
                            "description": "the kinds of details replaced to make this text "
                            "(the suggestion kinds); empty when nothing was replaced",
                        },
                    },
                },
                {"type": "null"},
            ]
        },
        "rejection_reason": {"anyOf": [{"type": "string"}, {"type": "null"}]},
    },
}

# What /readyz looked at: each check and its state.
READINESS_CHECKS: dict[str, Any] = {
    "type": "object",
    "required": ["database", "redaction"],
    "properties": {
        "database": {"enum": ["ok", "unavailable"]},
        "redaction": {"enum": [state.value for state in WarmUpState]},
    },
}
READY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["status", "checks"],
    "properties": {"status": {"const": "ready"}, "checks": READINESS_CHECKS},
}
# The one error shape, with what is not ready in ``error.checks``.
NOT_READY_SCHEMA: dict[str, Any] = {
    "allOf": [
        ref("Error"),
        {
            "properties": {
                "error": {"required": ["checks"], "properties": {"checks": READINESS_CHECKS}}
            }
        },
    ]
}

MODELS: list[type[BaseModel]] = [SubmissionIn, SubmissionCreated, ReceiptIn, *PROTECTION_MODELS]

OPERATIONS: dict[str, dict[str, Any]] = {
    "/healthz": {
        "get": {
            "operationId": "checkHealth",
            "summary": "The process answers (liveness; the database is checked by /readyz)",
            "responses": {
                "200": {
                    "description": "Alive",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
            },
        }
    },
    "/readyz": {
        "get": {
            "operationId": "checkReadiness",
            "summary": "The service is ready for traffic: its database answers and the redaction "
            "engine is warm (load balancers use this one)",
            "responses": {
                "200": json_response(READY_SCHEMA, "Ready"),
                "503": {
                    **json_response(
                        NOT_READY_SCHEMA,
                        "Not ready yet (warming up), or the database does not answer: "
                        "error.checks says which; ask again after Retry-After seconds",
                    ),
                    "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                },
            },
        }
    },
    "/api/v1/submissions": {
        "post": {
            "operationId": "createSubmission",
            "summary": "Submit a story with consent",
            "parameters": [
                {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": False,
                    "description": "A retry with the same key gets the first answer, to the "
                    "same client only (the staff account with a token, else the client's "
                    "address). Without a token: at least 128 random bits, a random UUID or 22+ "
                    "characters of base64url (else 422 weak_idempotency_key).",
                    "schema": {
                        "type": "string",
                        "minLength": 22,
                        "maxLength": 200,
                        "pattern": "^[A-Za-z0-9_-]+={0,2}$",
                    },
                }
            ],
            "requestBody": json_body(SubmissionIn),
            "responses": {
                "201": {
                    "description": "Stored; the receipt code is shown only now",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/SubmissionCreated"}
                        }
                    },
                },
                **error_responses(400, 401, 403, 413, 415, 422, 429),
            },
        }
    },
    "/api/v1/receipt/status": {
        "post": {
            "operationId": "getReceiptStatus",
            "summary": "The status of a submission, by its receipt code",
            "requestBody": json_body(ReceiptIn),
            "responses": {
                "200": {
                    "description": "Status",
                    "content": {"application/json": {"schema": RECEIPT_STATUS_SCHEMA}},
                },
                **error_responses(400, 403, 404, 413, 415, 422, 429),
            },
        }
    },
    **protection_operations(),
}


for _feature in (moderation_ops, publishing_ops, webhooks_ops):
    MODELS.extend(m for m in _feature.MODELS if m not in MODELS)
    OPERATIONS.update(_feature.OPERATIONS)


@cache
def openapi_document() -> dict[str, Any]:
    schemas: dict[str, Any] = {"Error": ERROR_SCHEMA, **openapi_events.SCHEMAS}
    for model in MODELS:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, definition in schema.pop("$defs", {}).items():
            schemas[name] = definition
        schemas[model.__name__] = schema
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Healing Stories",
            "version": "1",
            "description": "Story intake, receipt codes, moderation and publishing. The public "
            "read endpoints (feeds, stories, change log) are cached, compressed (gzip, br) and "
            "answer conditional requests. The webhooks part lists the events sent to registered "
            "endpoints, with their payloads. This document is shown as a page at /api/docs.",
        },
        "paths": OPERATIONS,
        "webhooks": openapi_events.WEBHOOKS,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


async def openapi_json(request: Request) -> Response:
    return JSONResponse(openapi_document())
