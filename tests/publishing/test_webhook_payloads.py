"""Every webhook event, sent for real to a receiver on 127.0.0.1, matches its payload schema in
the OpenAPI document's ``webhooks``; the document itself is valid OpenAPI 3.1."""

from __future__ import annotations

import json

import jsonschema
import pytest
from openapi_spec_validator import validate as validate_openapi
from standardwebhooks.webhooks import Webhook

from stories_service.publishing.outbox import EVENT_TYPES
from tests.publishing.factories import bearer, make_approved_submission, publish
from tests.publishing.test_change_log import _edit, _new_consent
from tests.publishing.test_webhooks import Receiver, _dispatch_until_settled, _register


async def test_the_openapi_document_is_valid_openapi_3_1(client):
    document = (await client.get("/openapi.json")).json()
    assert document["openapi"].startswith("3.1")
    validate_openapi(document)  # raises on any error
    assert set(document["webhooks"]) == set(EVENT_TYPES)
    ids = [op["operationId"] for hook in document["webhooks"].values() for op in hook.values()]
    paths = [op["operationId"] for path in document["paths"].values() for op in path.values()]
    assert len(set(ids + paths)) == len(ids + paths)
    # The public reads say how they are cached and compressed.
    for path in ("/api/v1/stories", "/api/v1/changes", "/api/v1/stories/{slug}", "/feed.json"):
        responses = document["paths"][path]["get"]["responses"]
        assert {"ETag", "Vary", "Content-Encoding"} <= set(responses["200"]["headers"]), path
        assert "ETag" in responses["304"]["headers"], path


def _payload_schema(document: dict, event_type: str) -> dict:
    body = document["webhooks"][event_type]["post"]["requestBody"]
    # The references point into the document: validate with its components at the root.
    return {**body["content"]["application/json"]["schema"], "components": document["components"]}


async def test_every_delivered_event_matches_its_schema(client, runtime, editor_token):
    document = (await client.get("/openapi.json")).json()
    cipher = runtime.cipher
    with Receiver(refuse=0) as receiver:
        endpoint = await _register(client, receiver.url, ["*"])
        kept = await make_approved_submission(cipher, title="Kept", tags=["hope"])
        answer = await publish(client, editor_token, kept.id)
        assert answer.status_code == 200
        await _dispatch_until_settled(runtime)  # story.published, the whole story
        await _edit(client, cipher, editor_token, kept.id)
        await _dispatch_until_settled(runtime)  # story.updated, the whole story
        await _new_consent(kept.id, cipher, syndicate=False)
        await _dispatch_until_settled(runtime)  # story.updated, ids only
        gone = await make_approved_submission(cipher, title="Gone")
        slug = (await publish(client, editor_token, gone.id)).json()["slug"]
        await _dispatch_until_settled(runtime)
        unpublished = await client.post(
            f"/api/v1/stories/{slug}/unpublish", headers=bearer(editor_token)
        )
        assert unpublished.status_code == 200
        await _dispatch_until_settled(runtime)  # story.unpublished
        withdrawn = await make_approved_submission(cipher, title="Withdrawn")
        assert (await publish(client, editor_token, withdrawn.id)).status_code == 200
        await _dispatch_until_settled(runtime)
        answer = await client.post(
            f"/api/v1/submissions/{withdrawn.id}/withdraw",
            json={"reason_category": "survivor_asked_by_phone"},
            headers=bearer(editor_token),
        )
        assert answer.status_code == 200, answer.text
        await _dispatch_until_settled(runtime)  # story.withdrawn

    verifier = Webhook(endpoint["secret"])
    seen: list[tuple[str, dict]] = []
    for headers, body in receiver.requests:
        verifier.verify(body, headers)
        payload = json.loads(body)
        jsonschema.validate(
            payload,
            _payload_schema(document, payload["type"]),
            format_checker=jsonschema.FormatChecker(),
        )
        seen.append((payload["type"], payload["data"]))
    assert {event_type for event_type, _ in seen} == set(EVENT_TYPES)
    updates = [data for event_type, data in seen if event_type == "story.updated"]
    assert any("content_html" in data for data in updates)
    assert any(data.get("syndicate") is False for data in updates)

    # The schemas are strict enough to catch a payload that drifts from the contract.
    drifted = {"type": "story.withdrawn", "timestamp": "2026-12-06T10:00:00Z", "data": {}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(drifted, _payload_schema(document, "story.withdrawn"))
    leaked = {**seen[-1][1], "title": "a title in a removal"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {"type": "story.withdrawn", "timestamp": "2026-12-06T10:00:00Z", "data": leaked},
            _payload_schema(document, "story.withdrawn"),
        )
