"""The acceptance test of withdrawal: a published story carrying a unique canary is withdrawn, and
the canary is then found nowhere: no page, feed or API answer, no static export file, no log line,
not in the raw SQLite file and its WAL, not in a pg_dump of the PostgreSQL database."""

from __future__ import annotations

import logging
import shutil
import subprocess
import uuid
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest

from moderation.states import SubmissionState
from stories_service.publishing.static_export import export_static
from tests.conftest import PG_ADMIN_URL, Backend
from tests.protection.factories import Story, drive_to, submit
from tests.rawfiles import sqlite_bytes

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
