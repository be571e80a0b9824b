"""Posts that another website's page made a browser send are refused at every survivor endpoint,
with 403, before the body is read or a throttle counts them: a hostile page cannot spend its
visitor's quota (issue 14 #9). Same-origin, same-site, ``none`` and requests without the headers
(older browsers, API clients) pass."""

from __future__ import annotations

import httpx
import pytest

from stories_service.cross_site import is_cross_site, origin_of
from stories_service.models import Submission, ThrottleBucket
from stories_service.receipt import codes
from tests.conftest import valid_submission
from tests.i18n.conftest import submit_form

OWN = "http://testserver"
CROSS_SITE = {"Sec-Fetch-Site": "cross-site"}

# Every survivor endpoint that takes a POST, with a body that would otherwise be looked at.
WRONG_CODE_FORM = {"receipt_code": "0000 0000 0000 0000 0000 0000"}
WRONG_CODE_JSON = {"receipt_code": "0000 0000 0000 0000 0000 0000"}
SURVIVOR_POSTS: list[tuple[str, dict[str, object]]] = [
    ("/submit", {"data": submit_form()}),
    ("/api/v1/submissions", {"json": valid_submission()}),
    ("/my-story", {"data": WRONG_CODE_FORM}),
    ("/my-story/withdraw", {"data": WRONG_CODE_FORM}),
    ("/my-story/withdraw/confirm", {"data": WRONG_CODE_FORM}),
    ("/my-story/export", {"data": WRONG_CODE_FORM}),
    ("/api/v1/receipt/status", {"json": WRONG_CODE_JSON}),
    ("/api/v1/receipt/consent", {"json": {**WRONG_CODE_JSON, "decision": "approve"}}),
    (
        "/api/v1/receipt/attribution",
        {"json": {**WRONG_CODE_JSON, "attribution": "anonymous"}},
    ),
    ("/api/v1/receipt/withdraw", {"json": WRONG_CODE_JSON}),
    ("/api/v1/receipt/export", {"json": WRONG_CODE_JSON}),
    ("/language", {"data": {"lang": "es", "page": "receipt", **WRONG_CODE_FORM}}),
]


@pytest.mark.parametrize(
    ("fetch_site", "origin", "refused"),
    [
        ("cross-site", None, True),
        ("Cross-Site", OWN, True),  # the browser's word wins over an Origin that looks right
        ("same-origin", None, False),
        ("same-site", "https://www.example.org", False),  # the organisation's own main site
        ("none", None, False),
        (None, None, False),  # older browsers and API clients
        (None, OWN, False),
        (None, "http://TESTSERVER:80", False),
        (None, "null", False),  # what older browsers send from our own no-referrer pages
        (None, "https://evil.example", True),
        (None, "http://testserver:8080", True),
        (None, "https://testserver", True),
        (None, "not an origin", True),
        ("something-new", "https://evil.example", True),  # an unknown word: Origin decides
        ("something-new", OWN, False),
    ],
)
def test_the_rule(fetch_site: str | None, origin: str | None, refused: bool) -> None:
    assert is_cross_site(fetch_site, origin, origin_of(OWN)) is refused


def test_origin_of_drops_paths_and_default_ports() -> None:
    assert origin_of("https://Stories.Example.org:443/base/") == "https://stories.example.org"
    assert origin_of("http://127.0.0.1:8000") == "http://127.0.0.1:8000"
    assert origin_of("http://[::1]:8000/x") == "http://[::1]:8000"
    assert origin_of("ftp://example.org") is None
    assert origin_of("http://example.org:99999") is None


@pytest.mark.parametrize(("path", "body"), SURVIVOR_POSTS, ids=[p for p, _ in SURVIVOR_POSTS])
@pytest.mark.parametrize(
    "headers", [CROSS_SITE, {"Origin": "https://evil.example"}], ids=["fetch-site", "origin"]
)
async def test_every_survivor_post_refuses_cross_site_before_any_throttle(
    client: httpx.AsyncClient,
    override_settings,
    path: str,
    body: dict[str, object],
    headers: dict[str, str],
) -> None:
    override_settings(receipt_rate_per_15min=1, submit_rate_per_hour=1)
    for _ in range(3):
        response = await client.post(path, headers=headers, **body)  # type: ignore[arg-type]
        assert response.status_code == 403, response.text[:300]
    if path.startswith("/api/"):
        assert response.json()["error"]["code"] == "cross_site_request"
    else:
        assert "sent from another website" in response.text
    assert await ThrottleBucket.all().count() == 0
    assert await Submission.all().count() == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-origin", "Origin": "null"},
        {"Sec-Fetch-Site": "same-site", "Origin": "https://www.example.org"},
        {"Sec-Fetch-Site": "none"},
        {"Origin": OWN},
        {},
    ],
)
async def test_own_pages_and_clients_without_the_headers_pass(
    client: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    created = await client.post("/api/v1/submissions", json=valid_submission(), headers=headers)
    assert created.status_code == 201
    page = await client.post("/submit", data=submit_form(), headers=headers)
    assert page.status_code == 201
    code = created.json()["receipt_code"]
    status = await client.post("/my-story", data={"receipt_code": code}, headers=headers)
    assert status.status_code == 200


async def test_cross_site_posts_do_not_spend_the_victims_submission_quota(
    client: httpx.AsyncClient, override_settings
) -> None:
    override_settings(submit_rate_per_hour=2)
    for _ in range(5):
        hostile_form = await client.post("/submit", data=submit_form(), headers=CROSS_SITE)
        hostile_api = await client.post(
            "/api/v1/submissions", json=valid_submission(), headers=CROSS_SITE
        )
        assert hostile_form.status_code == hostile_api.status_code == 403
    # The visitor, from the same address, still has the whole hour's quota.
    statuses = [
        (await client.post("/submit", data=submit_form())).status_code,
        (await client.post("/api/v1/submissions", json=valid_submission())).status_code,
        (await client.post("/api/v1/submissions", json=valid_submission())).status_code,
    ]
    assert statuses == [201, 201, 429]
    assert await Submission.all().count() == 2


async def test_cross_site_posts_do_not_spend_the_victims_code_quota(
    client: httpx.AsyncClient, override_settings
) -> None:
    override_settings(receipt_rate_per_15min=2)
    for _ in range(5):
        hostile = await client.post(
            "/my-story", data={"receipt_code": codes.new_code()}, headers=CROSS_SITE
        )
        assert hostile.status_code == 403
    statuses = [
        (await client.post("/my-story", data={"receipt_code": codes.new_code()})).status_code
        for _ in range(3)
    ]
    assert statuses == [404, 404, 429]


async def test_the_refusal_is_told_in_the_survivors_language(client: httpx.AsyncClient) -> None:
    client.cookies.set("lang", "es")
    page = await client.post("/my-story", data=WRONG_CODE_FORM, headers=CROSS_SITE)
    assert page.status_code == 403
    assert '<html lang="es"' in page.text
    assert "se envió desde otro sitio web" in page.text
    client.cookies.clear()
    api = await client.post(
        "/api/v1/receipt/status",
        json=WRONG_CODE_JSON,
        headers={**CROSS_SITE, "Accept-Language": "fr"},
    )
    assert api.status_code == 403
    assert "envoyé depuis un autre site" in api.json()["error"]["message"]
