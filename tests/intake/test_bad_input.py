"""Every kind of bad input gets the one JSON error shape with the right status, never a trace."""

from __future__ import annotations

import httpx
import pytest

from stories_service.models import Submission
from tests.conftest import valid_submission


def assert_error_shape(response: httpx.Response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert isinstance(error["message"], str) and error["message"]
    if code:
        assert error["code"] == code
    assert "Traceback" not in response.text
    return error


async def test_malformed_json_is_400(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/submissions", content=b'{"title": ', headers={"content-type": "application/json"}
    )
    assert_error_shape(response, 400, "malformed_json")
    assert await Submission.all().count() == 0


async def test_non_object_json_is_422(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/submissions", json=["a list"])
    assert_error_shape(response, 422)


async def test_every_invalid_field_is_named(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/submissions",
        json={
            "title": "   ",
            "body": "",
            "language": "not a language",
            "consent": {"publish": "maybe", "attribution": "famous", "syndicate": True},
            "never_appear": ["x" * 101],
            "contact": "c" * 301,
            "surprise": 1,
        },
    )
    fields = assert_error_shape(response, 422, "invalid_fields")["fields"]
    for name in (
        "title",
        "body",
        "language",
        "consent.publish",
        "consent.attribution",
        "never_appear",
        "contact",
        "surprise",
    ):
        assert name in fields, (name, fields)


async def test_missing_fields_are_each_reported(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/submissions", json={})
    fields = assert_error_shape(response, 422)["fields"]
    assert {"title", "body", "language", "consent"} <= set(fields)


async def test_attribution_needs_a_display_name(client: httpx.AsyncClient) -> None:
    submission = valid_submission()
    submission["consent"] = {**submission["consent"], "attribution": "pseudonym"}  # type: ignore[dict-item]
    response = await client.post("/api/v1/submissions", json=submission)
    assert "consent.display_name" in assert_error_shape(response, 422)["fields"]


async def test_wrong_media_type_is_415(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/submissions", content=b"title=x", headers={"content-type": "text/plain"}
    )
    assert_error_shape(response, 415)


async def test_declared_oversize_body_is_413(client: httpx.AsyncClient) -> None:
    big = valid_submission(body="a" * (300 * 1024))
    response = await client.post("/api/v1/submissions", json=big)
    assert_error_shape(response, 413)
    assert await Submission.all().count() == 0


async def test_streamed_oversize_body_is_413(client: httpx.AsyncClient) -> None:
    async def chunks():
        for _ in range(40):
            yield b"x" * 10_000

    response = await client.post(
        "/api/v1/submissions", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_error_shape(response, 413)


async def test_unknown_api_route_is_404_json(client: httpx.AsyncClient) -> None:
    assert_error_shape(await client.get("/api/v1/nothing-here"), 404, "not_found")


async def test_unknown_page_is_404_html_page(client: httpx.AsyncClient) -> None:
    response = await client.get("/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Page not found" in response.text
    assert 'href="/my-story"' in response.text


async def test_wrong_method_is_405_json(client: httpx.AsyncClient) -> None:
    assert_error_shape(await client.get("/api/v1/submissions"), 405)


@pytest.mark.parametrize("key", ["", "k" * 201])
async def test_bad_idempotency_key_is_400(client: httpx.AsyncClient, key: str) -> None:
    response = await client.post(
        "/api/v1/submissions", json=valid_submission(), headers={"Idempotency-Key": key}
    )
    assert_error_shape(response, 400, "invalid_idempotency_key")


async def test_on_behalf_without_staff_token_is_refused(client: httpx.AsyncClient) -> None:
    body = valid_submission(
        on_behalf={"survivor_consented": True, "attestation": "Read aloud and agreed in Arabic."}
    )
    response = await client.post("/api/v1/submissions", json=body)
    assert "on_behalf" in assert_error_shape(response, 422)["fields"]


async def test_invalid_bearer_token_is_401(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/submissions", json=valid_submission(), headers={"Authorization": "Bearer nope"}
    )
    assert_error_shape(response, 401)
