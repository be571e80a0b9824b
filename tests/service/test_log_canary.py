"""What `stories-service serve` logs over a whole lifecycle (issue 18 #3): JSON lines, and never a
survivor's text, a receipt code, a token, a password or a client's address.

A real server (JSON logs, the access log on, the periodic jobs running, webhooks to a receiver on
loopback) goes through intake by a survivor and on a survivor's behalf, the receipt code, staff
sign-in (a right and a wrong password), API tokens (valid and not), moderation with redaction
suggestions, a survivor asking for changes, approval, publication, webhook deliveries, a
rejection, the survivor's withdrawal and some errors. Unique canaries go wherever a person writes:
title, story, never-appear list, contact, chosen name, attestation, comment, reasons, passwords.
Then every line it wrote must parse as JSON and hold none of them.

The server is bound to `localhost` and the clients connect to 127.0.0.1, so that no line needs to
name 127.0.0.1: any line that does (or that the log filter had to mask) names a client or a
webhook receiver.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import secrets
import string
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from stories_service.log_config import (
    ADDRESS_MARK,
    TOKEN_MARK,
    JsonLinesFormatter,
    ScrubAddressesAndTokens,
    TextFormatter,
    scrub,
)
from stories_service.receipt.codes import as_digits
from stories_service.staff.accounts import create_staff
from stories_service.staff.tokens import issue_token
from tests.conftest import Backend, valid_submission
from tests.publishing.test_webhooks import Receiver
from tests.servers import free_port, live_client, local_url, spawned_server
from tests.staffing import REVISION, csrf_from, post_login

CLIENT_ADDRESS = "127.0.0.1"


def _word(prefix: str) -> str:
    return prefix + "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))


@dataclass
class Secrets:
    """Everything that must never reach a log line."""

    canary: str = field(default_factory=lambda: _word("canary"))
    name: str = field(default_factory=lambda: _word("Heronname"))
    password: str = field(default_factory=lambda: _word("password-canary-"))
    values: list[str] = field(default_factory=list)

    def keep(self, *values: str) -> None:
        self.values.extend(values)

    def all(self) -> list[str]:
        return [self.canary, self.name, self.password, *self.values]


def _serve(tmp_path: Path, database_url: str) -> tuple[list[str], int, dict[str, str]]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "stories_service.cli",
        "serve",
        "--host",
        "localhost",
        "--port",
        str(port),
        "--access-log",
    ]
    env = {
        **os.environ,
        "STORIES_ENV": "test",
        "STORIES_LOG_FORMAT": "json",
        "DATABASE_URL": database_url,
        "STORIES_DATA_DIR": str(tmp_path),
        "STORIES_BASE_URL": f"http://localhost:{port}",
        "STORIES_BACKGROUND_JOBS": "true",
        "STORIES_REDACTION_WARM_UP": "start",  # its lifecycle redacts: warm from the start
        "STORIES_WEBHOOK_ALLOW_NETWORKS": "127.0.0.0/8",
        "STORIES_WEBHOOK_RETRY_BASE_SECONDS": "1",
        "STORIES_SUBMIT_RATE_PER_HOUR": "100000",
        "STORIES_RECEIPT_RATE_PER_15MIN": "100000",
        "STORIES_LOGIN_RATE_PER_15MIN": "100000",
    }
    return command, port, env


async def _staff(role: str, secrets_: Secrets) -> tuple[str, str]:
    """A staff account with the canary password, and an API token: (e-mail, token). Made
    through the test's own connection to the server's database (a command per account would
    cost seconds each)."""
    staff = await create_staff(
        f"{role}-{secrets.token_hex(3)}@example.org", role, secrets_.password
    )
    token = await issue_token(staff)
    secrets_.keep(token)
    return staff.email, token


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _ok(response: httpx.Response, status: int = 200) -> dict:
    assert response.status_code == status, response.text
    return response.json() if "json" in response.headers.get("content-type", "") else {}


async def _webhook_arrived(receiver: Receiver, event_type: str) -> None:
    give_up = time.monotonic() + 90
    while time.monotonic() < give_up:
        with receiver.lock:
            types = [json.loads(body)["type"] for _, body in receiver.requests]
        if event_type in types:
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"no {event_type} webhook arrived")


async def _lifecycle(base_url: str, receiver: Receiver, s: Secrets) -> None:
    moderator_email, moderator = await _staff("moderator", s)
    _editor_email, editor = await _staff("editor", s)
    _admin_email, admin = await _staff("admin", s)
    async with live_client(base_url=base_url, timeout=60) as http:
        await _ok(
            await http.post(
                "/api/v1/webhooks",
                json={"url": receiver.url, "events": ["*"]},
                headers=_bearer(admin),
            ),
            201,
        )

        # Intake: a survivor, with canaries everywhere they write; and staff on a survivor's
        # behalf, with an attestation.
        consent = dict(valid_submission()["consent"])  # type: ignore[arg-type]
        consent.update(attribution="pseudonym", display_name=s.name)
        story = valid_submission(
            title=f"The garden of {s.canary}",
            body=f"<p>My name is {s.canary} and I live on {s.canary} street.</p>",
            never_appear=[s.canary],
            contact=f"{s.canary}@example.org",
            consent=consent,
        )
        created = await _ok(await http.post("/api/v1/submissions", json=story), 201)
        sid, code = created["id"], created["receipt_code"]
        s.keep(code, as_digits(code))  # (ids may be logged: they name nobody)
        on_behalf = valid_submission(
            title=f"Told by {s.canary}",
            on_behalf={"survivor_consented": True, "attestation": f"Read aloud to {s.canary}."},
        )
        second = await _ok(
            await http.post("/api/v1/submissions", json=on_behalf, headers=_bearer(moderator)),
            201,
        )
        s.keep(second["receipt_code"])

        # The receipt code, on the page and the API; a wrong one.
        page = await http.post("/my-story", data={"receipt_code": code})
        assert page.status_code == 200
        await _ok(await http.post("/api/v1/receipt/status", json={"receipt_code": code}))
        wrong = await http.post(
            "/api/v1/receipt/status", json={"receipt_code": f"{s.canary} a b c d e"}
        )
        assert wrong.status_code in {404, 422}

        # Staff sign in (and one wrong password), and use the console.
        refused = await post_login(http, moderator_email, s.password + "-wrong")
        assert refused.status_code in {200, 401, 422}
        signed_in = await post_login(http, moderator_email, s.password)
        assert signed_in.status_code == 303, signed_in.text
        queue = await http.get("/staff")
        assert queue.status_code == 200
        csrf = csrf_from(queue.text)
        s.keep(csrf)

        # Moderation: claim, suggestions, a revision, the survivor asks for a change.
        await _ok(await http.post(f"/api/v1/submissions/{sid}/claim", headers=_bearer(moderator)))
        await _ok(
            await http.get(f"/api/v1/submissions/{sid}/suggestions", headers=_bearer(moderator))
        )
        assert (await http.get(f"/staff/submissions/{sid}")).status_code == 200
        revision = {**REVISION, "redactions": []}
        await _ok(
            await http.post(
                f"/api/v1/submissions/{sid}/revisions", json=revision, headers=_bearer(moderator)
            ),
            201,
        )
        await _ok(
            await http.post(
                f"/api/v1/submissions/{sid}/send-for-consent", json={}, headers=_bearer(moderator)
            )
        )
        await _ok(
            await http.post(
                "/api/v1/receipt/consent",
                json={
                    "receipt_code": code,
                    "decision": "request_changes",
                    "comment": f"Please take out {s.canary}.",
                },
            )
        )
        await _ok(
            await http.post(
                f"/api/v1/submissions/{sid}/revisions", json=revision, headers=_bearer(moderator)
            ),
            201,
        )
        await _ok(
            await http.post(
                f"/api/v1/submissions/{sid}/send-for-consent", json={}, headers=_bearer(moderator)
            )
        )
        await _ok(
            await http.post(
                "/api/v1/receipt/consent", json={"receipt_code": code, "decision": "approve"}
            )
        )

        # Approval, publication, the public site, and the webhook.
        await _ok(await http.post(f"/api/v1/submissions/{sid}/approve", headers=_bearer(editor)))
        published = await _ok(
            await http.post(f"/api/v1/submissions/{sid}/publish", json={}, headers=_bearer(editor))
        )
        slug = published["slug"]
        for path in (f"/stories/{slug}", "/feed.json", "/feed.atom", "/api/v1/stories"):
            assert (await http.get(path)).status_code == 200, path
        assert (await http.get("/api/v1/stories", params={"tag": s.canary})).status_code == 200
        await _webhook_arrived(receiver, "story.published")

        # A rejection with a reason the survivor reads.
        other = second["id"]
        await _ok(await http.post(f"/api/v1/submissions/{other}/claim", headers=_bearer(moderator)))
        await _ok(
            await http.post(
                f"/api/v1/submissions/{other}/reject",
                json={"reason": f"We cannot publish what {s.canary} wrote."},
                headers=_bearer(moderator),
            )
        )

        # The survivor withdraws: gone from the site, announced to the receiver.
        await _ok(await http.post("/api/v1/receipt/withdraw", json={"receipt_code": code}))
        assert (await http.get(f"/stories/{slug}")).status_code == 410
        await _webhook_arrived(receiver, "story.withdrawn")

        # Errors: 404, 422 (with the canary in what was refused), 401 tokens, 403, 413.
        assert (await http.get("/no-such-page")).status_code == 404
        invalid = await http.post(
            "/api/v1/submissions", json={"title": s.canary, "body": s.canary, "language": "xx"}
        )
        assert invalid.status_code == 422
        forged = "hs_" + s.canary + "A" * 32
        s.keep(forged)
        assert (await http.get("/api/v1/queue", headers=_bearer(forged))).status_code == 401
        assert (await http.get("/api/v1/audit", headers=_bearer(moderator))).status_code == 403
        await _ok(await http.get("/api/v1/audit", headers=_bearer(admin)))
        await _ok(await http.get("/metrics", headers=_bearer(admin)))
        too_large = await http.post(
            "/api/v1/submissions",
            content=json.dumps({"title": s.canary, "body": s.canary * 30_000}),
            headers={"Content-Type": "application/json"},
        )
        assert too_large.status_code == 413


async def test_a_whole_lifecycle_logs_json_lines_without_secrets_or_addresses(
    backend: Backend, client: httpx.AsyncClient, tmp_path: Path
) -> None:
    # (`client` empties the tables first; the server runs on the same database.)
    s = Secrets()
    command, port, env = _serve(tmp_path, backend.database_url)
    with tempfile.TemporaryFile() as output, Receiver(refuse=1) as receiver:
        s.keep(receiver.url)
        with spawned_server(command, port, env, ready_path="/healthz", output=output) as server:
            await _lifecycle(local_url(port), receiver, s)
        output.seek(0)
        lines = output.read().decode("utf-8").splitlines()

    entries = []
    for number, line in enumerate(lines, 1):
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            pytest.fail(f"line {number} is not JSON: {line[:300]}")
        assert {"time", "level", "logger", "message"} <= entry.keys(), line
        entries.append(entry)
    # The capture holds the run: uvicorn's start and stop, and the access log of the lifecycle.
    messages = [entry["message"] for entry in entries]
    assert any("Application startup complete" in m for m in messages)
    # Stopped by SIGTERM, within the grace period (-9: it had to be killed).
    assert any("Finished server process" in m for m in messages), (server.returncode, messages[-5:])
    access = [e for e in entries if e["logger"] == "uvicorn.access"]
    assert any(e.get("path") == "/api/v1/submissions" and e.get("status") == 201 for e in access)
    assert any(e.get("path") == "/api/v1/receipt/withdraw" for e in access)
    assert any(e.get("status") == 413 for e in access)

    for number, line in enumerate(lines, 1):
        lowered = line.lower()
        for secret in s.all():
            assert secret.lower() not in lowered, f"line {number} holds a secret: {line[:300]}"
        assert CLIENT_ADDRESS not in line, f"line {number} names an address: {line[:300]}"
        # Nothing needed the filter: no line of the service or of a library named an address
        # or a token in the first place.
        assert ADDRESS_MARK not in line and TOKEN_MARK not in line, line[:300]


# The formatter and the filter on their own


def _record(message: str, *args: object, **extra: object) -> logging.LogRecord:
    record = logging.LogRecord(
        "stories_service.test", logging.ERROR, __file__, 1, message, args, None
    )
    for name, value in extra.items():
        setattr(record, name, value)
    return record


def _failed_record() -> logging.LogRecord:
    refused = "duplicate key value (title)=(My name is " + "canaryxyz)"  # not in a frame
    try:
        raise ValueError(refused)
    except ValueError:
        record = _record("unhandled %s", "ValueError")
        record.exc_info = sys.exc_info()
    return record


def test_a_json_line_has_the_fields_and_no_exception_message() -> None:
    line = JsonLinesFormatter().format(_failed_record())
    entry = json.loads(line)
    assert entry["level"] == "error" and entry["logger"] == "stories_service.test"
    assert entry["message"] == "unhandled ValueError"
    assert entry["time"].endswith("+00:00")
    assert entry["exception"] == "ValueError"
    assert "test_log_canary.py" in entry["traceback"]
    assert "canaryxyz" not in line and "duplicate key" not in line


def test_structured_fields_are_kept() -> None:
    entry = json.loads(JsonLinesFormatter().format(_record("sent", job="webhooks", count=3)))
    assert entry["job"] == "webhooks" and entry["count"] == 3


def test_the_text_format_drops_exception_messages_too() -> None:
    text = TextFormatter().format(_failed_record())
    assert "ValueError (message not logged)" in text
    assert "canaryxyz" not in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("from 203.0.113.7 at once", f"from {ADDRESS_MARK} at once"),
        ("peer [2001:db8::1]:443 closed", f"peer [{ADDRESS_MARK}]:443 closed"),
        ("peer ::1 closed", f"peer {ADDRESS_MARK} closed"),
        ("::ffff:192.0.2.1 asked", f"{ADDRESS_MARK} asked"),
        ("token hs_" + "a1B2-_" * 8 + " used", f"token {TOKEN_MARK} used"),
        ("at 12:30:45 the job ran", "at 12:30:45 the job ran"),
        ("version 1.2.3 of 4 stories", "version 1.2.3 of 4 stories"),
        ("999.1.1.1 is no address", "999.1.1.1 is no address"),
    ],
)
def test_the_filter_masks_addresses_and_tokens_only(raw: str, expected: str) -> None:
    assert scrub(raw) == expected


def test_the_filter_cleans_arguments_and_fields() -> None:
    record = _record("client %s said hello", "198.51.100.23", peer="198.51.100.23")
    assert ScrubAddressesAndTokens().filter(record)
    assert record.getMessage() == f"client {ADDRESS_MARK} said hello"
    assert record.peer == ADDRESS_MARK  # type: ignore[attr-defined]


def test_python_warnings_come_out_as_json_lines_too(tmp_path: Path) -> None:
    """A worker of ``serve`` (uvicorn applies the logging config, then imports the app): a
    warning is a JSON line like any other, scrubbed, not plain text on standard error."""
    script = (
        "import logging.config, warnings\n"
        "from stories_service.log_config import serve_logging_config\n"
        "logging.config.dictConfig(serve_logging_config('json'))\n"
        "import stories_service.asgi\n"
        "warnings.warn('a notice about 203.0.113.9', UserWarning)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "STORIES_DATA_DIR": str(tmp_path), "STORIES_ENV": "test"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    entries = [json.loads(line) for line in done.stderr.splitlines() if line.strip()]
    warned = [entry for entry in entries if entry["logger"] == "py.warnings"]
    assert len(warned) == 1, done.stderr
    assert "a notice about" in warned[0]["message"]
    assert "203.0.113.9" not in done.stderr
