"""Factories for staff-side tests: accounts with API tokens, submissions, walking the workflow."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

import httpx

from moderation.workflow import Actor
from stories_service.models import Staff
from stories_service.staff.accounts import create_staff
from stories_service.staff.tokens import issue_token
from tests.conftest import valid_submission

PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)


@dataclass
class StaffUser:
    staff: Staff
    token: str

    @property
    def id(self) -> int:
        return self.staff.id

    @property
    def email(self) -> str:
        return self.staff.email

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    @property
    def actor(self) -> Actor:
        return Actor.staff(self.staff.id, self.staff.role)


async def make_staff(role: str, password: str | None = PASSWORD) -> StaffUser:
    """An active staff member with an API token; without ``password`` (faster: no argon2
    hash) the account can use the API but not sign in to the console."""
    staff = await create_staff(f"{role}{next(_counter)}@example.org", role, password)
    return StaffUser(staff, await issue_token(staff))


async def submit(client: httpx.AsyncClient, **changes: Any) -> dict[str, Any]:
    response = await client.post("/api/v1/submissions", json=valid_submission(**changes))
    assert response.status_code == 201, response.text
    return response.json()


def waived_review() -> dict[str, Any]:
    consent = dict(valid_submission()["consent"])  # type: ignore[arg-type]
    consent["review_before_publish"] = False
    return consent


REVISION = {
    "title": "The garden on the fourth floor",
    "summary": "Mint on a balcony, and sleep again.",
    "body": "When I arrived I could not sleep. Now the balcony is full of mint.",
    "content_notes": ["displacement"],
    "tags": ["home", "garden"],
}


async def post(
    client: httpx.AsyncClient, user: StaffUser, path: str, body: Any = None
) -> httpx.Response:
    return await client.post(path, json=body if body is not None else {}, headers=user.headers)


async def to_in_review(client: httpx.AsyncClient, moderator: StaffUser, sid: str) -> None:
    response = await post(client, moderator, f"/api/v1/submissions/{sid}/claim")
    assert response.status_code == 200, response.text
    response = await post(client, moderator, f"/api/v1/submissions/{sid}/revisions", REVISION)
    assert response.status_code == 201, response.text


async def to_ready(client: httpx.AsyncClient, moderator: StaffUser, sid: str, code: str) -> None:
    await to_in_review(client, moderator, sid)
    response = await post(client, moderator, f"/api/v1/submissions/{sid}/send-for-consent")
    assert response.status_code == 200, response.text
    response = await client.post(
        "/api/v1/receipt/consent", json={"receipt_code": code, "decision": "approve"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "ready"


_RECEIPT_TOKEN = re.compile(r'name="receipt_token" value="([^"]+)"')


async def my_story_attribution(
    client: httpx.AsyncClient, code: str, attribution: str, display_name: str = ""
) -> httpx.Response:
    """Open /my-story with the receipt code, then send its attribution form."""
    page = await client.post("/my-story", data={"receipt_code": code})
    token = _RECEIPT_TOKEN.search(page.text)
    assert token, "no receipt token in the page"
    fields = {"attribution": attribution, "display_name": display_name}
    return await client.post(
        "/my-story", data={"receipt_token": token.group(1), "action": "attribution", **fields}
    )


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_from(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


async def post_login(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    """Send the console's sign-in form (with the login page's CSRF token)."""
    page = await client.get("/staff/login")
    return await client.post(
        "/staff/login",
        data={"email": email, "password": password, "csrf_token": csrf_from(page.text)},
    )


async def sign_in(client: httpx.AsyncClient, user: StaffUser, password: str = PASSWORD) -> str:
    """Sign in through the console form; returns the session's CSRF token."""
    response = await post_login(client, user.email, password)
    assert response.status_code == 303, response.text
    queue = await client.get("/staff")
    assert queue.status_code == 200
    return csrf_from(queue.text)
