"""The OpenAPI operations of webhooks (merged into ``stories_service.openapi``); the events
they deliver are in ``publishing.openapi_events``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from stories_service.openapi_parts import BEARER as _BEARER
from stories_service.openapi_parts import error_responses as _errors
from stories_service.openapi_parts import json_response as _json
from stories_service.openapi_parts import ref as _ref
from stories_service.webhooks.routes import EndpointIn

MODELS: list[type[BaseModel]] = [EndpointIn]

_ENDPOINT = {"name": "endpoint_id", "in": "path", "required": True, "schema": {"type": "integer"}}

OPERATIONS: dict[str, dict[str, Any]] = {
    "/api/v1/webhooks": {
        "get": {
            "operationId": "listWebhookEndpoints",
            "summary": "Webhook endpoints with delivery counts (admin)",
            "security": _BEARER,
            "responses": {"200": _json({"type": "object"}), **_errors(401, 403)},
        },
        "post": {
            "operationId": "createWebhookEndpoint",
            "summary": "Register an endpoint; the answer holds its signing secret, once (admin)",
            "security": _BEARER,
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": _ref("EndpointIn")}},
            },
            "responses": {
                "201": _json({"type": "object"}),
                **_errors(400, 401, 403, 413, 415, 422),
            },
        },
    },
    "/api/v1/webhooks/{endpoint_id}": {
        "get": {
            "operationId": "getWebhookEndpoint",
            "summary": "One endpoint with its recent deliveries and failures (admin)",
            "security": _BEARER,
            "parameters": [_ENDPOINT],
            "responses": {"200": _json({"type": "object"}), **_errors(401, 403, 404)},
        },
        "delete": {
            "operationId": "deleteWebhookEndpoint",
            "summary": "Remove an endpoint (admin)",
            "security": _BEARER,
            "parameters": [_ENDPOINT],
            "responses": {"204": {"description": "Removed"}, **_errors(401, 403, 404)},
        },
    },
}
