"""The webhook events of publishing in the OpenAPI document (3.1 ``webhooks``), merged into
``stories_service.openapi``.

The payload schemas follow the code that builds them: ``webhooks.delivery.event_body`` (the
envelope), ``publisher.event_data`` (published, updated) and the stored ids of the events that
take a story down (``publisher._take_down``, ``protection.withdrawal``).
"""

from __future__ import annotations

from typing import Any

from stories_service.openapi_parts import ref as _ref
from stories_service.publishing.openapi_ops import STORY_SCHEMA


def _removal(time_field: str, description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["id", "slug", time_field],
        "additionalProperties": False,
        "description": description,
        "properties": {
            "id": {"type": "string", "description": "stable entry id, urn:uuid:…"},
            "slug": {"type": "string"},
            time_field: {"type": "string", "format": "date-time"},
        },
    }


SCHEMAS: dict[str, dict[str, Any]] = {
    "Story": STORY_SCHEMA,
    "StoryIds": {
        "type": "object",
        "required": ["id", "slug", "syndicate"],
        "additionalProperties": False,
        "description": "a public story whose survivor did not consent to syndication: its ids "
        "only, never its text",
        "properties": {
            "id": {"type": "string", "description": "stable entry id, urn:uuid:…"},
            "slug": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "syndicate": {"const": False},
        },
    },
    "StoryUnpublished": _removal(
        "unpublished_at",
        "the story left the public site (an editor unpublished it, it was taken down, or a "
        "consent change ended its publication): delete your copy",
    ),
    "StoryWithdrawn": _removal(
        "withdrawn_at",
        "the survivor withdrew consent (or staff did on their behalf): delete your copy and "
        "anything derived from it",
    ),
}

_STORY_OR_IDS = {"oneOf": [_ref("Story"), _ref("StoryIds")]}

# Event type → (data schema, summary). A test checks this covers every type the outbox takes.
EVENTS: dict[str, tuple[dict[str, Any], str]] = {
    "story.published": (
        _STORY_OR_IDS,
        "A story became public. data: the story as it is when the delivery is attempted "
        "(ids only without syndication consent)",
    ),
    "story.updated": (
        _STORY_OR_IDS,
        "A public story changed (text, byline, syndication). data: the story as it is when the "
        "delivery is attempted; ids only with syndicate false when syndication was withdrawn",
    ),
    "story.unpublished": (_ref("StoryUnpublished"), "A story left the public site"),
    "story.withdrawn": (_ref("StoryWithdrawn"), "The survivor withdrew the story"),
}


def _event_name(event_type: str) -> str:
    return "Webhook" + "".join(part.title() for part in event_type.split("."))


for _type, (_data, _summary) in EVENTS.items():
    SCHEMAS[_event_name(_type)] = {
        "type": "object",
        "required": ["type", "timestamp", "data"],
        "additionalProperties": False,
        "properties": {
            "type": {"const": _type},
            "timestamp": {
                "type": "string",
                "format": "date-time",
                "description": "when the event happened (RFC 3339, UTC)",
            },
            "data": _data,
        },
    }

_SIGNATURE_HEADERS = [
    {
        "name": "webhook-id",
        "in": "header",
        "required": True,
        "description": "the event's msg_… id, the same on every retry: deduplicate with it",
        "schema": {"type": "string", "pattern": "^msg_[0-9a-f]{32}$"},
    },
    {
        "name": "webhook-timestamp",
        "in": "header",
        "required": True,
        "description": "Unix seconds of this attempt; refuse one far from your clock",
        "schema": {"type": "string", "pattern": "^[0-9]+$"},
    },
    {
        "name": "webhook-signature",
        "in": "header",
        "required": True,
        "description": "Standard Webhooks: v1,<base64 HMAC-SHA256 with the endpoint's whsec_ "
        "secret of id.timestamp.body>",
        "schema": {"type": "string", "pattern": "^v1,"},
    },
]

WEBHOOKS: dict[str, dict[str, Any]] = {
    event_type: {
        "post": {
            "operationId": _event_name(event_type)[0].lower() + _event_name(event_type)[1:],
            "summary": summary,
            "description": "Sent to every active endpoint subscribed to this type (or *), "
            "signed per Standard Webhooks; retried with back-off for 25 h until a 2xx. "
            "410 Gone switches the endpoint off.",
            "parameters": _SIGNATURE_HEADERS,
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": _ref(_event_name(event_type))}},
            },
            "responses": {
                "2XX": {"description": "Delivered"},
                "410": {"description": "Gone: the service stops sending to this endpoint"},
                "default": {"description": "Not delivered: retried later"},
            },
        }
    }
    for event_type, (_, summary) in EVENTS.items()
}
