"""The OpenAPI operations of publishing (merged into ``stories_service.openapi``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from stories_service.openapi_parts import BEARER as _BEARER
from stories_service.openapi_parts import error_responses as _errors
from stories_service.openapi_parts import json_response as _json
from stories_service.openapi_parts import ref as _ref
from stories_service.publishing.staff_routes import PublishIn, PublishOut

STORY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "slug", "url", "title", "summary", "content_html", "language", "dir"],
    "properties": {
        "id": {"type": "string", "description": "stable entry id, urn:uuid:…"},
        "slug": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "content_html": {"type": "string"},
        "language": {"type": "string"},
        "dir": {"type": "string", "enum": ["ltr", "rtl"]},
        "byline": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "tags": {"type": "array", "items": {"type": "string"}},
        "content_notes": {
            "type": "array",
            "items": {"type": "string"},
            "description": "the stable keys of the content-note taxonomy "
            "(GET /api/v1/content-notes)",
        },
        "content_note_labels": {
            "type": "array",
            "description": "the same notes, in the same order, labelled in the story's "
            "language (lang: the story's primary language, or en when the service has no "
            "translation for it)",
            "items": {
                "type": "object",
                "required": ["key", "label", "lang"],
                "properties": {
                    "key": {"type": "string"},
                    "label": {"type": "string"},
                    "lang": {"type": "string"},
                },
            },
        },
        "date_published": {"type": "string", "format": "date-time"},
        "date_modified": {"type": "string", "format": "date-time"},
    },
}

CHANGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "slug", "kind", "changed_at"],
    "additionalProperties": False,
    "description": "One public change: ids, kind, time and (removals only) a coarse reason; "
    "never any text of the story",
    "properties": {
        "id": {"type": "string", "description": "stable entry id, urn:uuid:…"},
        "slug": {"type": "string"},
        "kind": {"type": "string", "enum": ["published", "updated", "removed"]},
        "changed_at": {"type": "string", "format": "date-time"},
        "reason": {
            "type": "string",
            "enum": ["withdrawn", "unpublished", "taken_down", "consent_changed"],
            "description": "removals only: the survivor withdrew (or staff on their behalf), "
            "an editor unpublished, the story was taken down (rejected during a revision), or "
            "a consent change ended publication in its language or syndication",
        },
    },
}

OEMBED_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["version", "type", "html", "width", "height", "provider_name", "provider_url"],
    "properties": {
        "version": {"type": "string", "enum": ["1.0"]},
        "type": {"type": "string", "enum": ["rich"]},
        "title": {"type": "string"},
        "author_name": {"type": "string", "description": "only when the story shows a byline"},
        "provider_name": {"type": "string"},
        "provider_url": {"type": "string", "format": "uri"},
        "html": {"type": "string", "description": "a sandboxed iframe of the embed page"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "cache_age": {"type": "integer"},
    },
}

CONTENT_NOTES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["languages", "content_notes"],
    "properties": {
        "languages": {
            "type": "array",
            "description": "the interface languages, each label is given in",
            "items": {
                "type": "object",
                "required": ["lang", "dir"],
                "properties": {
                    "lang": {"type": "string"},
                    "dir": {"type": "string", "enum": ["ltr", "rtl"]},
                },
            },
        },
        "content_notes": {
            "type": "array",
            "description": "the taxonomy, in the order readers see it",
            "items": {
                "type": "object",
                "required": ["key", "labels"],
                "properties": {
                    "key": {"type": "string"},
                    "labels": {
                        "type": "object",
                        "description": "the label in each interface language, by lang",
                        "additionalProperties": {"type": "string"},
                    },
                },
            },
        },
    },
}

MODELS: list[type[BaseModel]] = [PublishIn, PublishOut]

_PAGING = [
    {"name": "lang", "in": "query", "required": False, "schema": {"type": "string"}},
    {
        "name": "language",
        "in": "query",
        "required": False,
        "description": "the same filter as lang (send one, or both with the same value)",
        "schema": {"type": "string"},
    },
    {"name": "tag", "in": "query", "required": False, "schema": {"type": "string"}},
    {"name": "after", "in": "query", "required": False, "schema": {"type": "string"}},
    {"name": "before", "in": "query", "required": False, "schema": {"type": "string"}},
]
_VALIDATORS = [
    {"name": "If-None-Match", "in": "header", "required": False, "schema": {"type": "string"}},
    {"name": "If-Modified-Since", "in": "header", "required": False, "schema": {"type": "string"}},
]


_ID = {"name": "submission_id", "in": "path", "required": True, "schema": {"type": "string"}}
_SLUG = {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}

OPERATIONS: dict[str, dict[str, Any]] = {
    "/api/v1/stories": {
        "get": {
            "operationId": "listStories",
            "summary": "Published, syndicated stories, newest first (keyset paging)",
            "parameters": [
                *_PAGING,
                {
                    "name": "limit",
                    "in": "query",
                    "required": False,
                    "description": "Stories per page; outside 1-100 (or not a whole number) "
                    "is a 400 bad_query, never clamped",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
                },
                *_VALIDATORS,
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {
                            "stories": {"type": "array", "items": STORY_SCHEMA},
                            "next_url": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                            "prev_url": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                        },
                    }
                ),
                "304": {"description": "Not modified"},
                **_errors(400),
            },
        }
    },
    "/api/v1/changes": {
        "get": {
            "operationId": "listChanges",
            "summary": "Every public change (published, updated, removed) in order, after an "
            "opaque cursor: how a consumer keeps its copy in sync",
            "parameters": [
                {
                    "name": "since",
                    "in": "query",
                    "required": False,
                    "description": "a next_cursor this service gave out; absent: from the "
                    "beginning. Anything else is a 400 bad_cursor",
                    "schema": {"type": "string"},
                },
                {
                    "name": "limit",
                    "in": "query",
                    "required": False,
                    "description": "Changes per page; outside 1-100 (or not a whole number) "
                    "is a 400 bad_query, never clamped",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 50},
                },
                *_VALIDATORS,
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "required": ["changes", "next_cursor", "next_url", "has_more"],
                        "properties": {
                            "changes": {"type": "array", "items": CHANGE_SCHEMA},
                            "next_cursor": {
                                "type": "string",
                                "description": "send as since= next time (the same cursor "
                                "when nothing changed)",
                            },
                            "next_url": {"type": "string", "format": "uri"},
                            "has_more": {"type": "boolean"},
                        },
                    }
                ),
                "304": {"description": "Not modified"},
                **_errors(400),
            },
        }
    },
    "/api/v1/content-notes": {
        "get": {
            "operationId": "listContentNotes",
            "summary": "The content-note taxonomy: each key with its label in every interface "
            "language; also the scheme of the Atom feed's content-note categories",
            "parameters": [*_VALIDATORS],
            "responses": {
                "200": _json(CONTENT_NOTES_SCHEMA),
                "304": {"description": "Not modified"},
                **_errors(400),
            },
        }
    },
    "/api/v1/stories/{slug}": {
        "get": {
            "operationId": "getStory",
            "summary": "One published, syndicated story",
            "parameters": [_SLUG, *_VALIDATORS],
            "responses": {
                "200": _json(STORY_SCHEMA),
                "304": {"description": "Not modified"},
                **_errors(400, 404, 410),
            },
        }
    },
    "/feed.json": {
        "get": {
            "operationId": "getJsonFeed",
            "summary": "JSON Feed 1.1 (application/feed+json) of the syndicated stories",
            "parameters": [*_PAGING, *_VALIDATORS],
            "responses": {
                "200": {
                    "description": "JSON Feed",
                    "content": {"application/feed+json": {"schema": {"type": "object"}}},
                },
                "304": {"description": "Not modified"},
                **_errors(400),
            },
        }
    },
    "/feed.atom": {
        "get": {
            "operationId": "getAtomFeed",
            "summary": "Atom 1.0 of the syndicated stories, RFC 5005 paging; page one carries "
            "RFC 6721 deleted entries for every story that left the feed (withdrawn, "
            "unpublished, taken down, consent changed)",
            "parameters": [*_PAGING, *_VALIDATORS],
            "responses": {
                "200": {
                    "description": "Atom feed",
                    "content": {"application/atom+xml": {"schema": {"type": "string"}}},
                },
                "304": {"description": "Not modified"},
                "400": {
                    "description": "A bad cursor or an unknown query parameter (an error page)",
                    "content": {"text/html": {"schema": {"type": "string"}}},
                },
            },
        }
    },
    "/api/v1/submissions/{submission_id}/publish": {
        "post": {
            "operationId": "publishSubmission",
            "summary": "Publish now, or schedule with {at} (editor); the leak guard may refuse",
            "security": _BEARER,
            "parameters": [_ID],
            "requestBody": {
                "required": False,
                "content": {"application/json": {"schema": _ref("PublishIn")}},
            },
            "responses": {
                "200": _json(_ref("PublishOut")),
                **_errors(400, 401, 403, 404, 409, 413, 415, 422),
            },
        }
    },
    "/api/v1/submissions/{submission_id}/confirm-byline": {
        "post": {
            "operationId": "confirmByline",
            "summary": "Show the survivor's new byline on the public story (editor); a new name "
            "waits for this or the next publication, anonymity never waits",
            "security": _BEARER,
            "parameters": [_ID],
            "responses": {
                "200": _json({"type": "object"}),
                **_errors(401, 403, 404, 409, 422),
            },
        }
    },
    "/oembed": {
        "get": {
            "operationId": "getOEmbed",
            "summary": "oEmbed 1.0 (type rich) for a syndicated story page or the index: an "
            "iframe of its embed (/embed/stories/{slug}, /embed/stories)",
            "parameters": [
                {
                    "name": "url",
                    "in": "query",
                    "required": True,
                    "description": "a story page (or the index) of this service",
                    "schema": {"type": "string"},
                },
                {
                    "name": "format",
                    "in": "query",
                    "required": False,
                    "description": "json only; anything else is a 400 unsupported_format",
                    "schema": {"type": "string", "enum": ["json"]},
                },
                *(
                    {
                        "name": bound,
                        "in": "query",
                        "required": False,
                        "description": "pixels; the iframe is never larger",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 10000},
                    }
                    for bound in ("maxwidth", "maxheight")
                ),
                *_VALIDATORS,
            ],
            "responses": {
                "200": _json(OEMBED_SCHEMA),
                "304": {"description": "Not modified"},
                **_errors(400, 404, 410),
            },
        }
    },
    "/api/v1/stories/{slug}/unpublish": {
        "post": {
            "operationId": "unpublishStory",
            "summary": "Take a story down (editor)",
            "security": _BEARER,
            "parameters": [_SLUG],
            "responses": {
                "200": _json({"type": "object"}),
                **_errors(401, 403, 404, 409),
            },
        }
    },
}


_HEADER = {"schema": {"type": "string"}}
_CACHED_HEADERS: dict[str, dict[str, Any]] = {
    "ETag": {
        **_HEADER,
        "description": "the page's tag; a compressed copy has its own, -gz or -br inside the "
        "quotes. If-None-Match with the tag of any copy answers 304",
    },
    "Last-Modified": _HEADER,
    "Cache-Control": {**_HEADER, "description": "public, max-age (STORIES_PUBLIC_MAX_AGE)"},
    "Vary": {**_HEADER, "description": "Accept-Encoding when the body has compressed copies"},
}
_CODING = {
    **_HEADER,
    "description": "gzip or br when Accept-Encoding prefers it and the body is 1 KiB or more; "
    "absent otherwise",
}
# The public reads are cached and compressed (publishing/serving.py, compression.py).
for _path in (
    "/api/v1/stories",
    "/api/v1/changes",
    "/api/v1/stories/{slug}",
    "/feed.json",
    "/feed.atom",
):
    _responses = OPERATIONS[_path]["get"]["responses"]
    _responses["200"] = {
        **_responses["200"],
        "headers": {**_CACHED_HEADERS, "Content-Encoding": _CODING},
    }
    _responses["304"] = {**_responses["304"], "headers": _CACHED_HEADERS}
