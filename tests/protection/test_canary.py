"""The acceptance test of withdrawal: a published story carrying a unique canary is withdrawn, and
the canary is then found nowhere: no page, feed or API answer, no static export file, no log line,
not in the raw SQLite file and its WAL, not in a pg_dump of the PostgreSQL database. And the test
of what staff write (a rejection reason, an attestation, a withdrawal note) and of a name not
yet public: stored encrypted, never in the audit log."""

from __future__ import annotations

import logging
import shutil
import subprocess
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest
from tortoise import connections

from moderation.states import StaffRole, SubmissionState
from stories_service.audit_log import verify_audit_chain
from stories_service.models import AuditEvent
from stories_service.protection.scrub import scrub_deleted_rows
from stories_service.protection.withdrawal import TOUCHED_TABLES
from stories_service.publishing.publisher import publish_due_stories
from stories_service.publishing.static_export import export_static
from tests.conftest import PG_ADMIN_URL, Backend, valid_submission
from tests.protection.factories import Story, drive_to, submit
from tests.rawfiles import sqlite_bytes
from tests.staffing import make_staff

PUBLIC_PATHS = [
    "/",
    "/feed.json",
    "/feed.atom",
    "/api/v1/stories",
    "/api/v1/withdrawals",
    "/my-story",
]


async def export_bytes(runtime, target: Path) -> bytes:
    """Every file of a fresh static export (what the exporter writes after each change)."""
    await export_static(target, runtime.templates.env, runtime.settings.base_url)
    return _all_files(target)


def _all_files(root: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file())


def database_bytes(backend: Backend) -> bytes:
    """Every byte the database keeps on disk (SQLite) or would dump (PostgreSQL)."""
    if backend.sqlite_path is not None:
        return sqlite_bytes(backend.sqlite_path)
    pg_dump = shutil.which("pg_dump")
    assert pg_dump, "pg_dump is needed for this test"
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    result = subprocess.run(
        [pg_dump, "--data-only", f"{base}/{backend.pg_database}"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return result.stdout


async def everything_public(client: httpx.AsyncClient, story: Story) -> dict[str, httpx.Response]:
    answers = {path: await client.get(path) for path in PUBLIC_PATHS}
    answers["story page"] = await client.get(f"/stories/{story.slug}")
    answers["story api"] = await client.get(f"/api/v1/stories/{story.slug}")
    code = {"receipt_code": story.receipt_code}
    answers["status api"] = await client.post("/api/v1/receipt/status", json=code)
    answers["export api"] = await client.post("/api/v1/receipt/export", json=code)
    answers["my-story page"] = await client.post("/my-story", data=code)
    return answers


async def test_a_withdrawn_canary_is_found_nowhere(
    client: httpx.AsyncClient,
    runtime,
    backend: Backend,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    caplog.set_level(logging.DEBUG)
    canary = f"Canary{uuid.uuid4().hex}"
    story = await submit(client, canary)
    await drive_to(runtime, story, SubmissionState.PUBLISHED, canary)

    # The canary is really there first, or the search below would prove nothing.
    before = await everything_public(client, story)
    assert canary in before["export api"].text
    for label in ("/", "/feed.json", "/feed.atom", "/api/v1/stories", "story page", "story api"):
        assert canary in before[label].text, label
    assert canary.encode() in database_bytes(backend)  # the public copy is kept in clear
    export_dir = tmp_path / "site"
    assert canary.encode() in await export_bytes(runtime, export_dir)

    withdrawn = await client.post(
        "/api/v1/receipt/withdraw", json={"receipt_code": story.receipt_code}
    )
    assert withdrawn.status_code == 200
    # The browser that withdrew forgets what it cached of the site (the story's page included).
    assert withdrawn.headers["clear-site-data"] == '"cache"'

    after = await everything_public(client, story)
    for label, response in after.items():
        assert response.status_code < 500, label
        assert canary not in response.text, label
        assert canary.lower() not in response.text.lower(), label
    assert after["story page"].status_code == 410
    assert after["story api"].status_code == 410
    atom = ElementTree.fromstring(after["/feed.atom"].content)
    deleted = atom.findall("{http://purl.org/atompub/tombstones/1.0}deleted-entry")
    assert [d.get("ref") for d in deleted] == [story.entry_id]
    assert after["/feed.json"].json()["items"] == []
    assert canary.encode() not in await export_bytes(runtime, export_dir)
    assert after["export api"].json()["status"] == "withdrawn"
    tombstones = after["/api/v1/withdrawals"].json()["withdrawals"]
    assert [t["slug"] for t in tombstones] == [story.slug]

    on_disk = database_bytes(backend)
    assert canary.encode() not in on_disk
    assert canary.encode("utf-16-le") not in on_disk
    leaked = [
        r.name + ": " + r.getMessage()[:300] for r in caplog.records if canary in r.getMessage()
    ]
    assert leaked == []
    assert not [r for r in caplog.records if "scrubbing after a deletion failed" in r.message]


# Staff-written text and a name not yet public (issue 14 #11): encrypted at rest, and nothing of
# it in the permanent audit log.

WITHDRAWAL_AUDIT_KEYS = {
    "was_public",
    "deleted",
    "on_behalf_of_survivor",
    "reason_category",
    "note_kept",
}


async def every_stored_value() -> str:
    """Every value of every column of every table, as text: what a SELECT of it all shows."""
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        listed = "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
    else:
        listed = "SELECT name FROM sqlite_master WHERE type = 'table'"
    out = []
    for table in await connection.execute_query_dict(listed):
        for row in await connection.execute_query_dict(f'SELECT * FROM "{table["name"]}"'):
            for value in row.values():
                if isinstance(value, bytes | bytearray | memoryview):
                    value = bytes(value).decode("utf-8", "replace")
                out.append(str(value))
    return "\n".join(out)


async def reject_through_the_api(client: httpx.AsyncClient, story: Story, reason: str) -> None:
    moderator = await make_staff(StaffRole.MODERATOR)
    claimed = await client.post(f"/api/v1/submissions/{story.id}/claim", headers=moderator.headers)
    assert claimed.status_code == 200, claimed.text
    rejected = await client.post(
        f"/api/v1/submissions/{story.id}/reject",
        json={"reason": reason},
        headers=moderator.headers,
    )
    assert rejected.status_code == 200, rejected.text


async def test_staff_written_text_is_nowhere_in_clear(
    client: httpx.AsyncClient, runtime, backend: Backend
) -> None:
    tag = uuid.uuid4().hex[:12]
    canaries = {
        "rejection": f"Rejectcanary{tag}",
        "attestation": f"Attestcanary{tag}",
        "scheduled byline": f"Bylinecanary{tag}",
        "unpublished byline": f"Pencanary{tag}",
        "withdrawal note": f"Notecanary{tag}",
        "older withdrawal reason": f"Reasoncanary{tag}",
    }
    editor = await make_staff(StaffRole.EDITOR)

    rejected = await submit(client)
    await reject_through_the_api(
        client, rejected, f"We cannot publish this: {canaries['rejection']}"
    )

    intake = await make_staff(StaffRole.MODERATOR)
    on_behalf = await client.post(
        "/api/v1/submissions",
        json=valid_submission(
            on_behalf={
                "survivor_consented": True,
                "attestation": f"Read aloud by phone; agreed. {canaries['attestation']}",
            }
        ),
        headers=intake.headers,
    )
    assert on_behalf.status_code == 201, on_behalf.text

    def pseudonymous(name: str) -> dict[str, object]:
        consent = valid_submission()["consent"]
        assert isinstance(consent, dict)
        return {**consent, "attribution": "pseudonym", "display_name": name}

    scheduled = await submit(client, consent=pseudonymous(canaries["scheduled byline"]))
    await drive_to(runtime, scheduled, SubmissionState.SCHEDULED)
    unpublished = await submit(client, consent=pseudonymous(canaries["unpublished byline"]))
    await drive_to(runtime, unpublished, SubmissionState.UNPUBLISHED)

    with_note = await submit(client)
    taken = await client.post(
        f"/api/v1/submissions/{with_note.id}/withdraw",
        json={"reason_category": "survivor_asked_by_phone", "note": canaries["withdrawal note"]},
        headers=editor.headers,
    )
    assert taken.status_code == 200, taken.text
    older = await submit(client)
    taken = await client.post(
        f"/api/v1/submissions/{older.id}/withdraw",
        json={"reason": f"survivor asked by phone {canaries['older withdrawal reason']}"},
        headers=editor.headers,
    )
    assert taken.status_code == 200, taken.text

    # Those who should read the texts still do.
    status = await client.post(
        "/api/v1/receipt/status", json={"receipt_code": rejected.receipt_code}
    )
    assert canaries["rejection"] in status.json()["rejection_reason"]

    await scrub_deleted_rows(TOUCHED_TABLES)  # what a checkpoint leaves on disk, not the WAL's past
    stored = await every_stored_value()
    on_disk = database_bytes(backend)
    for label, canary in canaries.items():
        assert canary not in stored, label
        assert canary.encode() not in on_disk, label
        assert canary.encode("utf-16-le") not in on_disk, label

    count, broken = await verify_audit_chain()
    assert broken is None and count > 0
    withdrawals = await AuditEvent.filter(action="submission.withdraw").order_by("id")
    assert [w.data["reason_category"] for w in withdrawals] == ["survivor_asked_by_phone", "other"]
    for event in withdrawals:
        assert set(event.data) <= WITHDRAWAL_AUDIT_KEYS, event.data

    # The scheduled name goes public at the due time, and only then is stored in clear.
    later = datetime.now(UTC) + timedelta(days=2)
    assert await publish_due_stories(runtime.cipher, "http://testserver", now=later) == [
        scheduled.slug
    ]
    page = await client.get(f"/stories/{scheduled.slug}")
    assert canaries["scheduled byline"] in page.text
    assert canaries["scheduled byline"] in await every_stored_value()
