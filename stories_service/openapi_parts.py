"""The pieces every feature's part of the OpenAPI document is written with: a reference to a
schema, a JSON response, the error responses, a JSON request body, the bearer requirement."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

BEARER: list[dict[str, list[str]]] = [{"bearer": []}]


def ref(name: str) -> dict[str, Any]:
    """A reference to ``#/components/schemas/<name>``."""
    return {"$ref": f"#/components/schemas/{name}"}


def json_response(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def error_responses(*statuses: int) -> dict[str, Any]:
    """The error shape (``Error``) for each status."""
    return {str(status): json_response(ref("Error"), "Error") for status in statuses}


def json_body(model: type[BaseModel], required: bool = True) -> dict[str, Any]:
    """A JSON request body validated by ``model``."""
    return {"required": required, "content": {"application/json": {"schema": ref(model.__name__)}}}
