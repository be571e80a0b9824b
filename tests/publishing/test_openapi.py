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


async def test_every_operation_has_a_unique_operation_id(client):
    document = (await client.get("/openapi.json")).json()
    ids = [
        operation.get("operationId")
        for methods in document["paths"].values()
        for operation in methods.values()
    ]
    assert len(ids) >= 30
    assert None not in ids
    assert all(isinstance(i, str) and i.isidentifier() for i in ids), ids
    assert len(set(ids)) == len(ids), sorted(i for i in ids if ids.count(i) > 1)


async def test_the_atom_feed_and_the_strict_query_contract_are_documented(client):
    paths = (await client.get("/openapi.json")).json()["paths"]
    atom = paths["/feed.atom"]["get"]
    assert "application/atom+xml" in atom["responses"]["200"]["content"]
    assert {p["name"] for p in atom["parameters"] if p["in"] == "query"} == {
        "lang",
        "language",
        "tag",
        "after",
        "before",
    }
    stories = paths["/api/v1/stories"]["get"]
    (limit,) = [p for p in stories["parameters"] if p["name"] == "limit"]
    assert limit["schema"]["minimum"] == 1 and limit["schema"]["maximum"] == 100
    for path in ("/api/v1/stories", "/api/v1/stories/{slug}", "/feed.json", "/feed.atom"):
        assert "400" in paths[path]["get"]["responses"], path
    assert "400" in paths["/api/v1/withdrawals"]["get"]["responses"]
