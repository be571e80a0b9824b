"""GET /api/docs: the API reference, rendered by the service from its own OpenAPI document.

Server-side HTML in the site's layout (no script, so the Content-Security-Policy stays as it
is), cached and compressed like the other public pages. The reference text is the document's,
in English; the layout around it follows the reader's interface language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request

from stories_service.i18n.language_tags import text_direction
from stories_service.openapi import openapi_document
from stories_service.publishing.changes import CachedPage
from stories_service.publishing.render import interface_language
from stories_service.publishing.serving import CachedEndpoint, make_page, public_cache_control
from stories_service.runtime import runtime_of

HTML_TYPE = "text/html; charset=utf-8"
# The document changes only with a new release, that is a new process.
_STARTED_AT = datetime.now(UTC).replace(microsecond=0)
_MAX_DEPTH = 3
_CONSTRAINTS = ("default", "minimum", "maximum", "minLength", "maxLength", "pattern")

# A type as words, some of them links to a schema of the document: [("array of ", None),
# ("Story", "schema-Story")].
TypeWords = list[tuple[str, str | None]]


@dataclass(slots=True)
class FieldRow:
    name: str
    required: bool
    type: TypeWords
    description: str
    constraints: str
    fields: list[FieldRow] = field(default_factory=list)


@dataclass(slots=True)
class Content:
    """A body: its media types, its type and, for an inline object, its fields."""

    media_types: list[str]
    type: TypeWords
    fields: list[FieldRow]


@dataclass(slots=True)
class ResponseRow:
    status: str
    description: str
    content: Content | None
    headers: list[str]


@dataclass(slots=True)
class Operation:
    anchor: str
    method: str
    path: str
    summary: str
    description: str
    bearer: bool
    parameters: list[FieldRow]
    body: Content | None
    responses: list[ResponseRow]


@dataclass(slots=True)
class Section:
    anchor: str
    title: str
    operations: list[Operation]


@dataclass(slots=True)
class SchemaEntry:
    anchor: str
    name: str
    description: str
    type: TypeWords
    fields: list[FieldRow]


@dataclass(slots=True)
class Reference:
    title: str
    description: str
    version: str
    sections: list[Section]
    webhooks: list[Operation]
    schemas: list[SchemaEntry]


def type_words(schema: dict[str, Any]) -> TypeWords:
    """A schema's type in a few words, with links for references."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return [(name, "schema-" + name)]
    if "const" in schema:
        return [(json.dumps(schema["const"]), None)]
    if "enum" in schema:
        return [("one of " + ", ".join(json.dumps(v) for v in schema["enum"]), None)]
    for combiner, joiner in (("anyOf", " or "), ("oneOf", " or "), ("allOf", " and ")):
        if combiner in schema:
            words: TypeWords = []
            for index, part in enumerate(schema[combiner]):
                if index:
                    words.append((joiner, None))
                words.extend(type_words(part))
            return words
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        return [(" or ".join(kind), None)]
    if kind == "array":
        return [("array of ", None), *type_words(schema.get("items", {}))]
    if "format" in schema:
        return [(f"{kind} ({schema['format']})", None)]
    return [(str(kind), None)]


def _constraints(schema: dict[str, Any]) -> str:
    return ", ".join(
        f"{name}: {json.dumps(schema[name], ensure_ascii=False)}"
        for name in _CONSTRAINTS
        if name in schema
    )


def _inline_object(schema: dict[str, Any]) -> dict[str, Any] | None:
    """The inline object whose fields a row should show (also inside an array), else None."""
    if schema.get("type") == "array":
        schema = schema.get("items", {})
    return schema if "properties" in schema and "$ref" not in schema else None


def fields_of(schema: dict[str, Any], depth: int = 0) -> list[FieldRow]:
    """The properties of an object schema as rows, nested inline objects included."""
    required = set(schema.get("required", []))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        inner = _inline_object(prop)
        rows.append(
            FieldRow(
                name=name,
                required=name in required,
                type=type_words(prop),
                description=prop.get("description", ""),
                constraints=_constraints(prop),
                fields=fields_of(inner, depth + 1) if inner and depth < _MAX_DEPTH else [],
            )
        )
    return rows


def _content(content: dict[str, Any]) -> Content | None:
    if not content:
        return None
    schema = next(iter(content.values())).get("schema", {})
    inner = _inline_object(schema)
    return Content(list(content), type_words(schema), fields_of(inner) if inner else [])


def _operation(anchor: str, method: str, path: str, op: dict[str, Any]) -> Operation:
    parameters = [
        FieldRow(
            name=f"{p['name']} ({p['in']})",
            required=bool(p.get("required")),
            type=type_words(p.get("schema", {})),
            description=p.get("description", ""),
            constraints=_constraints(p.get("schema", {})),
        )
        for p in op.get("parameters", [])
    ]
    body = op.get("requestBody")
    return Operation(
        anchor=anchor,
        method=method.upper(),
        path=path,
        summary=op.get("summary", ""),
        description=op.get("description", ""),
        bearer=bool(op.get("security")),
        parameters=parameters,
        body=_content(body.get("content", {})) if body else None,
        responses=[
            ResponseRow(
                status=status,
                description=response.get("description", ""),
                content=_content(response.get("content", {})),
                headers=list(response.get("headers", {})),
            )
            for status, response in op.get("responses", {}).items()
        ],
    )


_SECTIONS = (
    ("public", "Public reading: feeds, stories, change log"),
    ("survivors", "Survivors: submitting, receipt codes, withdrawal"),
    ("staff", "Staff (bearer token)"),
    ("service", "Service"),
)
_SERVICE_PATHS = ("/healthz", "/readyz", "/openapi.json")


def _section_of(method: str, path: str, op: dict[str, Any]) -> str:
    if path in _SERVICE_PATHS:
        return "service"
    if op.get("security"):
        return "staff"
    return "public" if method == "get" else "survivors"


def build_reference(document: dict[str, Any]) -> Reference:
    """The OpenAPI document as the page shows it: operations by audience, webhooks, schemas."""
    by_section: dict[str, list[Operation]] = {key: [] for key, _ in _SECTIONS}
    for path, methods in document["paths"].items():
        for method, op in methods.items():
            anchor = "op-" + op["operationId"]
            by_section[_section_of(method, path, op)].append(_operation(anchor, method, path, op))
    webhooks = [
        _operation("webhook-" + event, "POST", event, op)
        for event, methods in document.get("webhooks", {}).items()
        for op in methods.values()
    ]
    schemas = [
        SchemaEntry(
            anchor="schema-" + name,
            name=name,
            description=schema.get("description", ""),
            type=type_words(schema),
            fields=fields_of(schema),
        )
        for name, schema in sorted(document["components"]["schemas"].items())
    ]
    info = document["info"]
    return Reference(
        title=info["title"],
        description=info.get("description", ""),
        version=info["version"],
        sections=[
            Section("section-" + key, title, by_section[key])
            for key, title in _SECTIONS
            if by_section[key]
        ],
        webhooks=webhooks,
        schemas=schemas,
    )


async def _api_docs(request: Request) -> CachedPage:
    runtime = runtime_of(request)
    language = interface_language()
    template = runtime.templates.env.get_template("api_docs.html")
    body = template.render(
        lang=language,
        dir=text_direction(language),
        csrf_token=None,
        here=request.url.path,
        language_switch_fields={},
        reference=build_reference(openapi_document()),
    ).encode("utf-8")
    return make_page(body, HTML_TYPE, _STARTED_AT, public_cache_control(runtime), language=language)


api_docs = CachedEndpoint(_api_docs)
