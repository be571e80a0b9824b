"""Deeply nested JSON (issue 14 #7): a cursor or a body that nests past the parser's recursion
is a 400 in the one error shape, never a RecursionError and a 500."""

from __future__ import annotations

import base64
import json

import httpx
import pytest

from tests.conftest import valid_submission
from tests.staffing import make_staff

DEEP_CURSOR = base64.urlsafe_b64encode(b"[" * 3000).decode().rstrip("=")
LISTINGS = ["/", "/feed.json", "/feed.atom", "/api/v1/stories"]


@pytest.mark.parametrize("path", LISTINGS)
@pytest.mark.parametrize("direction", ["after", "before"])
async def test_a_deep_cursor_is_400(client: httpx.AsyncClient, path: str, direction: str) -> None:
    response = await client.get(path, params={direction: DEEP_CURSOR})
    assert response.status_code == 400, response.text[:200]


async def test_a_cursor_longer_than_any_we_write_is_400(client: httpx.AsyncClient) -> None:
    ours = base64.urlsafe_b64encode(json.dumps(["2026-11-01T00:00:00+00:00", 1]).encode()).decode()
    assert (await client.get("/api/v1/stories", params={"after": ours})).status_code == 200
    # The same cursor with 200 spaces of JSON whitespace: well formed, but no cursor of ours.
    long = base64.urlsafe_b64encode(b'["2026-11-01T00:00:00+00:00",' + b" " * 200 + b"1]").decode()
    response = await client.get("/api/v1/stories", params={"after": long})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_query"


def _post_raw(client: httpx.AsyncClient, path: str, body: bytes, **headers: str):
    return client.post(path, content=body, headers={"content-type": "application/json", **headers})


@pytest.mark.parametrize("opener", [b"[", b'{"a":'])
async def test_a_body_nested_past_the_recursion_limit_is_400(
    client: httpx.AsyncClient, opener: bytes
) -> None:
    admin = await make_staff("admin", password=None)
    auth = {"authorization": f"Bearer {admin.token}"}
    body = opener * 1100
    for path, headers in [
        ("/api/v1/submissions", {}),
        ("/api/v1/receipt/status", {}),
        ("/api/v1/receipt/attribution", {}),
        ("/api/v1/queue/claim-next", auth),
        ("/api/v1/webhooks", auth),
    ]:
        response = await _post_raw(client, path, body, **headers)
        assert response.status_code == 400, (path, response.text[:200])
        assert response.json()["error"]["code"] == "malformed_json"


async def test_a_body_nested_deeper_than_any_of_ours_is_400(client: httpx.AsyncClient) -> None:
    nested: object = "deep"
    for _ in range(40):
        nested = [nested]
    response = await client.post("/api/v1/submissions", json=valid_submission(title=nested))
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "malformed_json" and "32" in error["message"]
    # Nesting as deep as our own bodies is read as usual (and validated field by field).
    response = await client.post("/api/v1/submissions", json=valid_submission(title=[["x"]]))
    assert response.status_code == 422
    assert "title" in response.json()["error"]["fields"]
