from __future__ import annotations

import httpx

from tests.conftest import valid_submission


async def test_valid_submission_answers_201_with_receipt_code(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/submissions", json=valid_submission())
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "submitted"
    assert len(body["receipt_code"].split()) == 6
    assert len(body["receipt_code_digits"].split()) == 6
    status = await client.post(
        "/api/v1/receipt/status", json={"receipt_code": body["receipt_code"]}
    )
    assert status.status_code == 200
    assert status.json()["id"] == body["id"]
    assert status.json()["status"] == "submitted"
