"""Reading request input safely: size limit, media type, JSON syntax, field validation, and the
strict query parameters of the public JSON API."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ValidationError
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from moderation.input_text import holds_refused_characters, without_invisible_marks
from stories_service.errors import ApiError
from stories_service.i18n import format_number, gettext, lazy_gettext, ngettext
from stories_service.i18n.catalogues import N_
from stories_service.i18n.language_tags import normalise_language_tag

ModelT = TypeVar("ModelT", bound=BaseModel)

# A BCP 47 language tag, normalised ("PT-br" → "pt-BR"), at most 35 characters.
LanguageTag = Annotated[str, AfterValidator(normalise_language_tag)]

REFUSED_CHARACTER = N_(
    "This holds a character that text cannot hold (NUL or another control character). "
    "Please remove it."
)


def checked_text(value: str) -> str:
    """``value`` unchanged, or ValueError (a 422 naming the field) when it holds a character
    no text may hold (``moderation.input_text``: NUL, other C0 controls, lone surrogates)."""
    if holds_refused_characters(value):
        raise ValueError(REFUSED_CHARACTER)
    return value


def checked_label(value: str) -> str:
    """A title, byline or tag: checked like any text, then trimmed and without the bidi
    controls and zero-width characters that make one label look like another."""
    return without_invisible_marks(checked_text(value)).strip()


# Every string that comes in is one of these two (JSON bodies through pydantic; forms through
# read_form, whose fields are checked by the same rule).
InputText = Annotated[str, AfterValidator(checked_text)]
InputLabel = Annotated[str, AfterValidator(checked_label)]


async def read_form(request: Request) -> FormData:
    """The request's form, every text field checked like ``InputText``; 422 naming the first
    field that holds a refused character. Handlers read forms through this; the submission form
    alone validates through ``SubmissionIn`` instead, to show each problem beside its field."""
    form = await request.form()
    for name, value in form.multi_items():
        if isinstance(value, str) and holds_refused_characters(value):
            raise ApiError(
                422,
                gettext(
                    "Something you sent holds a character that text cannot hold (NUL or another "
                    "control character). Please remove it and try again."
                ),
                fields={name: gettext(REFUSED_CHARACTER)},
            )
    return form


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
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            # Read here, not per request: most requests (every GET) never read a body.
            declared = _declared_length(scope)
            if declared is not None and declared > limit:
                raise ApiError(413, _too_large(limit))
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise ApiError(413, _too_large(limit))
            return message

        await self.app(scope, limited_receive, send)


def _declared_length(scope: Scope) -> int | None:
    """The Content-Length the client announced (the last one, as before), if it is a number."""
    declared = dict(scope.get("headers") or []).get(b"content-length")
    return int(declared) if declared is not None and declared.isdigit() else None


def _too_large(limit: int) -> str:
    return gettext("The request is larger than %(limit)s bytes.") % {"limit": format_number(limit)}


def _field_name(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "body"


# Messages for people, in the language of the request (the form and the JSON API alike).
_PLAIN_MESSAGES = {
    "missing": lazy_gettext("This is needed."),
    "bool_type": lazy_gettext("Choose yes or no."),
    "string_type": lazy_gettext("This must be text."),
    "list_type": lazy_gettext("This must be a list."),
    "enum": lazy_gettext("Choose one of the offered answers."),
    "extra_forbidden": lazy_gettext("This field is not known."),
    "model_type": lazy_gettext("This must be an object."),
    "json_invalid": lazy_gettext("This is not valid JSON."),
    "string_unicode": lazy_gettext(REFUSED_CHARACTER),  # a lone surrogate
}


def _count(value: object) -> tuple[int, dict[str, str]]:
    n = value if isinstance(value, int) else 0
    return n, {"count": format_number(n)}


def _plain_message(item: Any) -> str:
    kind = item["type"]
    ctx = item.get("ctx") or {}
    if kind == "string_too_short":
        if ctx.get("min_length") == 1:
            return str(_PLAIN_MESSAGES["missing"])
        n, count = _count(ctx.get("min_length"))
        return (
            ngettext(
                "Please write at least %(count)s character.",
                "Please write at least %(count)s characters.",
                n,
            )
            % count
        )
    if kind == "string_too_long":
        n, count = _count(ctx.get("max_length"))
        return (
            ngettext(
                "This is too long (at most %(count)s character).",
                "This is too long (at most %(count)s characters).",
                n,
            )
            % count
        )
    if kind == "too_long":
        n, count = _count(ctx.get("max_length"))
        return (
            ngettext(
                "Too many entries (at most %(count)s).", "Too many entries (at most %(count)s).", n
            )
            % count
        )
    if kind in _PLAIN_MESSAGES:
        return str(_PLAIN_MESSAGES[kind])
    error = ctx.get("error")
    if kind == "value_error" and isinstance(error, ValueError):
        # Our validators raise ValueError with a message marked N_(...): translate it here.
        return gettext(str(error))
    message = str(item["msg"])
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


# No body of ours nests deeper than 3 levels (a revision's list of redaction objects).
MAX_JSON_DEPTH = 32


def nested_deeper_than(value: object, limit: int) -> bool:
    """Whether lists and objects in ``value`` nest more than ``limit`` levels (walked with a
    stack, not recursion, so a deep value cannot exhaust the interpreter's recursion)."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Iterable[object] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def language_parameter(raw: str | None, field: str) -> str | None:
    """A language tag from a query parameter or a form field, normalised; None when empty.

    422 naming ``field`` when it is not a language tag (a query must not reach the database
    with a value its column cannot hold)."""
    if raw is None or not raw.strip():
        return None
    try:
        return normalise_language_tag(raw)
    except ValueError as error:
        problem = gettext(str(error))
        raise ApiError(422, problem, fields={field: problem}) from None


def known_query_parameters(request: Request, known: Iterable[str]) -> None:
    """400 naming the first query parameter a public JSON endpoint does not know.

    The contract is strict so that a misspelt ``limt=5`` or ``tags=x`` fails loudly instead of
    quietly answering something else. HTML pages never call this: browsers, mail clients and
    trackers add parameters (``utm_source``, ``fbclid``) to links people follow."""
    allowed = set(known)
    for raw_name in request.query_params:
        if raw_name not in allowed:
            name = raw_name[:64]  # echoed back: never a whole long URL
            raise ApiError(
                400,
                f"Unknown query parameter: {name}.",
                code="unknown_parameter",
                fields={name: "This parameter is not known here."},
            )


def limit_parameter(raw: str | None, *, default: int, maximum: int) -> int:
    """The page size from ``limit``: ``default`` when absent, else a whole number from 1 to
    ``maximum``; anything else is a 400 naming ``limit`` (never silently clamped)."""
    if raw is None:
        return default
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= maximum:
        problem = f"Use a whole number from 1 to {maximum}."
        raise ApiError(400, f"limit: {problem}", code="bad_query", fields={"limit": problem})
    return int(text)


async def read_json_body(request: Request) -> object:
    """The parsed JSON body, or an ApiError (415 wrong type, 400 malformed or nested deeper
    than MAX_JSON_DEPTH, 413 too large).

    The parser refuses nesting past the interpreter's recursion limit while parsing (a
    RecursionError); anything deeper than MAX_JSON_DEPTH is refused right after, before any
    other code walks it."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise ApiError(415)
    raw = await request.body()
    try:
        data = json.loads(raw)
    except RecursionError:
        raise _too_deep() from None
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, gettext("The body is not valid JSON."), code="malformed_json") from None
    if isinstance(data, dict | list) and nested_deeper_than(data, MAX_JSON_DEPTH):
        raise _too_deep()
    return data


def _too_deep() -> ApiError:
    message = gettext("The body nests lists or objects more than %(count)s levels deep.") % {
        "count": format_number(MAX_JSON_DEPTH)
    }
    return ApiError(400, message, code="malformed_json")


async def read_json(request: Request, model: type[ModelT]) -> ModelT:
    data = await read_json_body(request)
    if not isinstance(data, dict):
        message = gettext("The body must be a JSON object.")
        raise ApiError(422, message, fields={"body": message})
    return validate(model, data)
