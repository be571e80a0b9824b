"""The publishing operations are in the OpenAPI document."""

from __future__ import annotations


async def test_publishing_operations_are_documented(client):
    document = (await client.get("/openapi.json")).json()
    paths = document["paths"]
    for path in (
        "/api/v1/stories",
        "/api/v1/stories/{slug}",
        "/api/v1/submissions/{submission_id}/publish",
        "/api/v1/stories/{slug}/unpublish",
        "/api/v1/webhooks",
        "/api/v1/webhooks/{endpoint_id}",
    ):
        assert path in paths, path
    assert {"PublishIn", "PublishOut", "EndpointIn"} <= set(document["components"]["schemas"])
    assert "/api/v1/submissions" in paths  # the intake operations are still there
