"""The feeds and the public JSON API take only the query parameters they document: a `limit`
out of range or an unknown parameter is a 400 in the one error shape, never silently clamped
or ignored. HTML pages ignore unknown parameters (links people follow carry trackers')."""

from __future__ import annotations

import pytest

from tests.publishing.factories import publish_story

LIMITS_REFUSED = ["0", "-1", "101", "1000", "ten", "2.5", "", " ", "1e2", "٣"]


def _error(response) -> dict:
    assert response.headers["content-type"].startswith("application/json"), response.text
    return response.json()["error"]


@pytest.mark.parametrize("raw", LIMITS_REFUSED)
async def test_a_limit_out_of_range_is_a_400_naming_limit(client, raw):
    response = await client.get("/api/v1/stories", params={"limit": raw})
    assert response.status_code == 400, (raw, response.text)
    error = _error(response)
    assert error["code"] == "bad_query"
    assert set(error["fields"]) == {"limit"}
    assert "1 to 100" in error["fields"]["limit"]


async def test_a_limit_in_range_is_obeyed(client, runtime, editor_token):
    for i in range(3):
        await publish_story(client, runtime.cipher, editor_token, title=f"Story {i}")
    for raw, count in (("1", 1), ("2", 2), ("100", 3)):
        response = await client.get("/api/v1/stories", params={"limit": raw})
        assert response.status_code == 200, response.text
        assert len(response.json()["stories"]) == count
    assert "limit=1" in (await client.get("/api/v1/stories?limit=1")).json()["next_url"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/stories",
        "/api/v1/stories/some-story",
        "/feed.json",
        "/api/v1/withdrawals",
    ],
)
async def test_an_unknown_parameter_on_the_json_api_is_a_400_naming_it(client, path):
    response = await client.get(path, params={"tags": "grief"})
    assert response.status_code == 400, response.text
    error = _error(response)
    assert error["code"] == "unknown_parameter"
    assert set(error["fields"]) == {"tags"}
    assert "tags" in error["message"]


async def test_the_feeds_take_no_limit_and_refuse_unknown_parameters(client):
    for path in ("/feed.json", "/feed.atom"):
        for params in ({"limit": "5"}, {"utm_source": "x"}):
            response = await client.get(path, params=params)
            assert response.status_code == 400, (path, params)
            assert next(iter(params)) in response.text


async def test_documented_parameters_are_still_taken(client, runtime, editor_token):
    await publish_story(client, runtime.cipher, editor_token, language="en", tags=["grief"])
    for path, params in (
        ("/api/v1/stories", {"lang": "en", "tag": "grief", "limit": "5"}),
        ("/feed.json", {"lang": "en", "tag": "grief"}),
        ("/feed.atom", {"lang": "en", "tag": "grief"}),
        ("/api/v1/withdrawals", {"since": "2026-01-01T00:00:00Z"}),
    ):
        response = await client.get(path, params=params)
        assert response.status_code == 200, (path, response.text)
    paged = (await client.get("/api/v1/stories?limit=1")).json()
    assert paged["stories"]


async def test_html_pages_ignore_parameters_browsers_and_trackers_add(
    client, runtime, editor_token
):
    story = await publish_story(client, runtime.cipher, editor_token)
    trackers = {"utm_source": "newsletter", "fbclid": "abc", "limit": "0"}
    for path in ("/", f"/stories/{story['slug']}"):
        assert (await client.get(path, params=trackers)).status_code == 200, path


async def test_language_is_the_same_filter_as_lang(client, runtime, editor_token):
    await publish_story(client, runtime.cipher, editor_token, title="English", language="en")
    await publish_story(client, runtime.cipher, editor_token, title="Arabic", language="ar")
    for name in ("lang", "language"):
        titles = [
            s["title"] for s in (await client.get(f"/api/v1/stories?{name}=ar")).json()["stories"]
        ]
        assert titles == ["Arabic"], name
        items = (await client.get(f"/feed.json?{name}=en")).json()["items"]
        assert [i["title"] for i in items] == ["English"], name
    same = await client.get("/api/v1/stories?lang=ar&language=ar")
    assert same.status_code == 200
    both = await client.get("/api/v1/stories?lang=ar&language=en")
    assert both.status_code == 400
    assert set(_error(both)["fields"]) == {"language"}
