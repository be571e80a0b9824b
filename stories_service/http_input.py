"""Reading request bodies safely: size limit, media type, JSON syntax, field validation."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stories_service.errors import ApiError

ModelT = TypeVar("ModelT", bound=BaseModel)


class BodyLimitMiddleware:
    """Refuses bodies over ``limit`` bytes with 413, whether announced or streamed.

    The check happens inside ``receive``, so the error surfaces in the route and goes through the
    one error handler like every other error.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit
        declared = dict(scope.get("headers") or []).get(b"content-length")
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            if declared is not None and declared.isdigit() and int(declared) > limit:
                raise ApiError(413, f"The request is larger than {limit} bytes.")
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise ApiError(413, f"The request is larger than {limit} bytes.")
            return message

        await self.app(scope, limited_receive, send)


def _field_name(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "body"


_PLAIN_MESSAGES = {
    "missing": "This is needed.",
    "bool_type": "Choose yes or no.",
    "string_type": "This must be text.",
    "list_type": "This must be a list.",
    "enum": "Choose one of the offered answers.",
    "extra_forbidden": "This field is not known.",
    "model_type": "This must be an object.",
    "json_invalid": "This is not valid JSON.",
}


def _plain_message(item: Any) -> str:
    kind = item["type"]
    ctx = item.get("ctx") or {}
    if kind == "string_too_short":
        return (
            "This is needed."
            if ctx.get("min_length") == 1
            else (f"Please write at least {ctx.get('min_length')} characters.")
        )
    if kind == "string_too_long":
        return f"This is too long (at most {ctx.get('max_length')} characters)."
    if kind == "too_long":
        return f"Too many entries (at most {ctx.get('max_length')})."
    if kind == "enum":
        return "Choose one of: " + str(ctx.get("expected", "the offered answers")) + "."
    if kind in _PLAIN_MESSAGES:
        return _PLAIN_MESSAGES[kind]
    message = str(item["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


def validation_fields(error: ValidationError) -> dict[str, str]:
    """Every field's first problem, keyed by its dotted path, in plain words."""
    fields: dict[str, str] = {}
    for item in error.errors(include_url=False, include_input=False):
        name = _field_name(tuple(item["loc"]))
        fields.setdefault(name, _plain_message(item))
    return fields


def validate(model: type[ModelT], data: object) -> ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ApiError(422, fields=validation_fields(error)) from None


async def read_json_body(request: Request) -> object:
    """The parsed JSON body, or an ApiError (415 wrong type, 400 malformed, 413 too large)."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise ApiError(415)
    raw = await request.body()
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "The body is not valid JSON.", code="malformed_json") from None


async def read_json(request: Request, model: type[ModelT]) -> ModelT:
    data = await read_json_body(request)
    if not isinstance(data, dict):
        raise ApiError(422, "The body must be a JSON object.", fields={"body": "expected object"})
    return validate(model, data)
