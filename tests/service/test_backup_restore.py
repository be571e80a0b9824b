"""The restore drill (issue 18 #4): back up a database the service is using, withdraw stories
after the backup, restore into a fresh database, serve it with `stories-service serve`, and find
the receipt codes working, the audit chain intact, and every story withdrawn after the backup
still gone (404, out of the feeds, a removal in the change log, a tombstone).

The data is made in this test process's own database (the session app serves it while the
backup is taken); the backup, the restore and the audit check run as an operator runs them, in
child processes; on PostgreSQL through pg_dump and pg_restore.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from moderation.states import SubmissionState
from stories_service.backup.withdrawals import export_path
from stories_service.protection.journal import JournalError, WithdrawalRecord, read_journal, sign
from stories_service.runtime import Runtime
from tests.conftest import Backend
from tests.protection.factories import Story, drive_to, submit
from tests.servers import live_client
from tests.service.keyed import cli, fresh_database, keys_env, serving

pytestmark = pytest.mark.db

S = SubmissionState
CANARY = "Marigold-Tabernacle"


async def _status(http: httpx.AsyncClient, story: Story) -> httpx.Response:
    return await http.post("/api/v1/receipt/status", json={"receipt_code": story.receipt_code})


async def _withdraw(client: httpx.AsyncClient, story: Story) -> None:
    answer = await client.post(
        "/api/v1/receipt/withdraw", json={"receipt_code": story.receipt_code}
    )
    assert answer.status_code == 200, answer.text


async def test_restore_drill_brings_back_data_but_no_withdrawn_story(
    client: httpx.AsyncClient,
    runtime: Runtime,
    backend: Backend,
    override_settings: object,
    tmp_path: Path,
) -> None:
    backups = tmp_path / "backups"
    journal = backups / "withdrawals.journal"
    settings = override_settings(tombstone_journal=journal)  # type: ignore[operator]
    env = {**keys_env(settings), "STORIES_TOMBSTONE_JOURNAL": str(journal)}

    kept = await submit(client, CANARY)
    await drive_to(runtime, kept, S.PUBLISHED, CANARY)
    gone = await submit(client, CANARY)
    await drive_to(runtime, gone, S.PUBLISHED, CANARY)
    early = await submit(client, CANARY)
    await drive_to(runtime, early, S.PUBLISHED, CANARY)
    quiet = await submit(client, CANARY)  # withdrawn before it was ever public
    waiting = await submit(client, CANARY)
    await drive_to(runtime, waiting, S.AWAITING_CONSENT, CANARY)
    await _withdraw(client, early)

    # The backup, taken from the database the session app has open.
    source = cli(
        backend.database_url, tmp_path / "source", "backup", str(backups / "db.bak"), **env
    )
    assert source.returncode == 0, source.stdout + source.stderr
    export = export_path(backups / "db.bak")
    exported = json.loads(export.read_text())
    assert {w["slug"] for w in exported["withdrawals"]} >= {early.slug}
    assert early.id in {w["submission_id"] for w in exported["withdrawals"]}
    assert CANARY.encode() not in export.read_bytes()
    assert (backups / "db.bak").stat().st_mode & 0o077 == 0

    # After the backup: a public story and a private one withdrawn (the journal has them).
    await _withdraw(client, gone)
    await _withdraw(client, quiet)
    lines = [json.loads(line) for line in journal.read_text().splitlines()]
    assert [line["submission_id"] for line in lines] == [early.id, gone.id, quiet.id]
    assert lines[1]["slug"] == gone.slug and lines[2]["slug"] is None
    assert CANARY.encode() not in journal.read_bytes()

    async with fresh_database(backend, tmp_path) as restored_url:
        data = tmp_path / "restored"
        done = cli(restored_url, data, "restore", str(backups / "db.bak"), **env)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "2 withdrawal(s) re-applied" in done.stdout, done.stdout
        assert "audit chain intact" in done.stdout

        # It will not overwrite a database that holds data, unless told to.
        again = cli(restored_url, data, "restore", str(backups / "db.bak"), **env)
        assert again.returncode == 2 and "already holds data" in again.stderr

        with serving(restored_url, data, **env) as base_url:
            async with live_client(base_url=base_url, timeout=60) as http:
                assert (await _status(http, kept)).json()["status"] == "published"
                review = (await _status(http, waiting)).json()["review"]
                assert review["title"] == f"Revised {CANARY}"  # decrypts on the restored copy
                for story in (gone, quiet, early):
                    assert (await _status(http, story)).json()["status"] == "withdrawn"
                assert (await http.get(f"/stories/{kept.slug}")).status_code == 200
                for story in (gone, early):
                    assert (await http.get(f"/stories/{story.slug}")).status_code in {404, 410}
                feed = (await http.get("/feed.json")).json()
                in_feed = {item["url"].rsplit("/", 1)[-1] for item in feed["items"]}
                assert kept.slug in in_feed and gone.slug not in in_feed
                listed = (await http.get("/api/v1/withdrawals")).json()["withdrawals"]
                assert {w["slug"] for w in listed} == {gone.slug, early.slug}
                changes = (await http.get("/api/v1/changes")).json()["changes"]
                removals = [c["slug"] for c in changes if c["kind"] == "removed"]
                assert gone.slug in removals

        audit = cli(restored_url, data, "audit", "verify", **env)
        assert audit.returncode == 0, audit.stdout + audit.stderr

        # Re-applying again finds nothing left to do.
        rerun = cli(restored_url, data, "apply-withdrawals", str(export), **env)
        assert rerun.returncode == 0, rerun.stdout + rerun.stderr
        assert "0 withdrawal(s) re-applied" in rerun.stdout


async def test_restore_refuses_a_forged_journal_before_touching_anything(
    client: httpx.AsyncClient,
    runtime: Runtime,
    backend: Backend,
    override_settings: object,
    tmp_path: Path,
) -> None:
    journal = tmp_path / "withdrawals.journal"
    settings = override_settings(tombstone_journal=journal)  # type: ignore[operator]
    env = {**keys_env(settings), "STORIES_TOMBSTONE_JOURNAL": str(journal)}
    story = await submit(client, CANARY)
    backup = cli(backend.database_url, tmp_path, "backup", str(tmp_path / "db.bak"), **env)
    assert backup.returncode == 0, backup.stdout + backup.stderr
    await _withdraw(client, story)
    record = json.loads(journal.read_text())
    record["submission_id"] = "00000000-0000-4000-8000-000000000000"  # someone else's story
    journal.write_text(json.dumps(record) + "\n")

    async with fresh_database(backend, tmp_path) as restored_url:
        done = cli(restored_url, tmp_path / "restored", "restore", str(tmp_path / "db.bak"), **env)
        assert done.returncode == 2
        assert "does not verify" in done.stderr
        assert "database restored" not in done.stdout


def test_a_journal_cut_short_by_a_crash_loses_only_its_last_line(tmp_path: Path) -> None:
    journal = tmp_path / "withdrawals.journal"
    record = WithdrawalRecord(
        "0c7b4a3e-1111-4222-8333-444455556666", None, None, "2026-12-01T10:00:00Z"
    )
    line = json.dumps(sign(record, "s" * 40))
    journal.write_text(line + "\n" + line[:30])
    assert read_journal(journal, ["t" * 40, "s" * 40]) == ([record], 1)
    journal.write_text(line[:30] + "\n" + line + "\n")
    with pytest.raises(JournalError, match="line 1"):
        read_journal(journal, ["s" * 40])
    journal.write_text(line + "\n")
    with pytest.raises(JournalError, match="does not verify"):
        read_journal(journal, ["t" * 40])  # a key it was not written with
