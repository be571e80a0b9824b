"""The queue's language filter (issue 14 #8): anything that is not a language tag of at most 35
characters is a 422 naming the field, in the console and the API, never a 500."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import Backend
from tests.staffing import make_staff, post, sign_in, submit

NOT_TAGS = [
    "a" * 36,  # the review's request: longer than the column
    "en-" + "-".join(["abcdefgh"] * 5),  # well formed, but 47 characters
    "e\x00n",
    "english please",
]


@pytest.mark.parametrize("language", NOT_TAGS)
async def test_the_console_queue_refuses_what_is_not_a_language_tag(
    client: httpx.AsyncClient, backend: Backend, language: str
) -> None:
    await sign_in(client, await make_staff("moderator"))
    response = await client.get("/staff", params={"language": language})
    assert response.status_code == 422
    assert "language code" in response.text


@pytest.mark.parametrize("language", NOT_TAGS)
async def test_the_queue_api_refuses_what_is_not_a_language_tag(
    client: httpx.AsyncClient, backend: Backend, language: str
) -> None:
    moderator = await make_staff("moderator", password=None)
    response = await client.get(
        "/api/v1/queue", params={"language": language}, headers=moderator.headers
    )
    assert response.status_code == 422
    assert set(response.json()["error"]["fields"]) == {"language"}
    claim = await post(client, moderator, "/api/v1/queue/claim-next", {"language": language})
    assert claim.status_code == 422
    assert set(claim.json()["error"]["fields"]) == {"language"}


async def test_claim_next_from_the_console_refuses_a_long_language(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    csrf = await sign_in(client, await make_staff("moderator"))
    response = await client.post(
        "/staff/queue/claim-next", data={"language": "a" * 36, "csrf_token": csrf}
    )
    assert response.status_code == 422


async def test_a_language_tag_is_matched_in_any_case(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator", password=None)
    sid = (await submit(client, language="pt-BR"))["id"]
    for language in ("pt-BR", "PT-br", "pt_br"):
        response = await client.get(
            "/api/v1/queue", params={"language": language}, headers=moderator.headers
        )
        assert [row["id"] for row in response.json()["items"]] == [sid], language


async def test_a_submission_in_a_language_tag_longer_than_35_characters_is_422(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    from tests.conftest import valid_submission

    response = await client.post("/api/v1/submissions", json=valid_submission(language=NOT_TAGS[1]))
    assert response.status_code == 422
    assert "language" in response.json()["error"]["fields"]
