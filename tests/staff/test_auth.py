"""Console sign-in: signed session cookie flags, CSRF on every POST, throttling, sessions ending."""

from __future__ import annotations

import httpx

from stories_service.staff.accounts import deactivate_staff
from tests.conftest import Backend
from tests.staffing import PASSWORD, csrf_from, make_staff, sign_in, submit


async def test_session_cookie_is_httponly_and_samesite(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    page = await client.get("/staff/login")
    response = await client.post(
        "/staff/login",
        data={"email": moderator.email, "password": PASSWORD, "csrf_token": csrf_from(page.text)},
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/staff"
    cookie = response.headers["set-cookie"].lower()
    assert cookie.startswith("hs_staff=")
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "secure" not in cookie  # plain http in tests; https deployments get Secure


async def test_secure_flag_on_https(
    client: httpx.AsyncClient, backend: Backend, override_settings: object
) -> None:
    override_settings(base_url="https://stories.example.org")  # type: ignore[operator]
    page = await client.get("/staff/login")
    assert "secure" in page.headers["set-cookie"].lower()


async def test_console_post_without_valid_csrf_token_is_refused(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    created = await submit(client)
    # The login form itself needs the token.
    await client.get("/staff/login")
    no_token = await client.post(
        "/staff/login", data={"email": moderator.email, "password": PASSWORD}
    )
    assert no_token.status_code == 403
    assert "hs_staff" in client.cookies

    token = await sign_in(client, moderator)
    claim_url = f"/staff/submissions/{created['id']}/claim"
    assert (await client.post(claim_url, data={})).status_code == 403
    assert (await client.post(claim_url, data={"csrf_token": "forged"})).status_code == 403
    from stories_service.models import Submission

    assert (await Submission.get(id=created["id"])).state == "submitted"
    # A cookie-authenticated API call that changes something needs the token too.
    api = await client.post(f"/api/v1/submissions/{created['id']}/claim")
    assert api.status_code == 403
    assert api.json()["error"]["code"] == "csrf_failed"

    ok = await client.post(claim_url, data={"csrf_token": token})
    assert ok.status_code == 303
    assert (await Submission.get(id=created["id"])).state == "in_review"


async def test_wrong_password_and_throttling(
    client: httpx.AsyncClient, backend: Backend, override_settings: object
) -> None:
    override_settings(login_rate_per_15min=3)  # type: ignore[operator]
    moderator = await make_staff("moderator")
    page = await client.get("/staff/login")
    token = csrf_from(page.text)
    statuses = []
    for _ in range(4):
        response = await client.post(
            "/staff/login",
            data={"email": moderator.email, "password": "wrong password!!", "csrf_token": token},
        )
        statuses.append(response.status_code)
    assert statuses == [401, 401, 401, 429]
    assert "Retry-After" in response.headers
    # Even the right password waits out the window.
    right = await client.post(
        "/staff/login", data={"email": moderator.email, "password": PASSWORD, "csrf_token": token}
    )
    assert right.status_code == 429


async def test_unauthenticated_console_redirects_and_roles_are_enforced(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    response = await client.get("/staff")
    assert response.status_code == 303 and response.headers["location"] == "/staff/login"
    moderator = await make_staff("moderator")
    await sign_in(client, moderator)
    for path in ("/staff/approvals", "/staff/audit", "/staff/admin"):
        assert (await client.get(path)).status_code == 403, path


async def test_deactivation_and_logout_end_the_session(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    moderator = await make_staff("moderator")
    token = await sign_in(client, moderator)
    assert (await client.get("/staff")).status_code == 200
    logout = await client.post("/staff/logout", data={"csrf_token": token})
    assert logout.status_code == 303
    assert (await client.get("/staff")).status_code == 303

    await sign_in(client, moderator)
    admin = await make_staff("admin", password=None)
    await deactivate_staff(admin.id, moderator.id)
    assert (await client.get("/staff")).status_code == 303  # the old cookie died
