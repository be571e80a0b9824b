"""A withdrawal whose journal line was lost (the process ended between the database commit and
the append) is appended when a worker starts: the journal catches up with the database, once,
whichever workers run the catch-up at the same time."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import httpx
import pytest

from moderation.states import SubmissionState
from moderation.workflow import Actor
from stories_service.backup.journal_catch_up import catch_up_journal
from stories_service.protection.journal import read_journal
from stories_service.protection.withdrawal import withdraw_submission
from stories_service.runtime import Runtime
from tests.conftest import Backend
from tests.protection.factories import drive_to, submit
from tests.publishing.conftest import wait_until
from tests.service.keyed import keys_env, serving

pytestmark = pytest.mark.db

CANARY = "Quillwort-Lantern"


async def _withdrawn_unjournalled(client: httpx.AsyncClient, runtime: Runtime) -> tuple[str, str]:
    """A public story withdrawn the way a crash would leave it: committed, not journalled."""
    story = await submit(client, CANARY)
    await drive_to(runtime, story, SubmissionState.PUBLISHED, CANARY)
    await withdraw_submission(story.id, Actor.survivor())  # no settings: no journal line
    assert story.slug is not None
    return story.id, story.slug


async def test_a_lost_journal_line_is_appended_once(
    client: httpx.AsyncClient, runtime: Runtime, override_settings: object, tmp_path: Path
) -> None:
    journal = tmp_path / "withdrawals.journal"
    settings = override_settings(tombstone_journal=journal)  # type: ignore[operator]
    journalled = await submit(client, CANARY)
    await withdraw_submission(journalled.id, Actor.survivor(), settings=settings)
    lost_id, lost_slug = await _withdrawn_unjournalled(client, runtime)
    before = journal.read_text()

    # Two workers of the host catching up at once append each missing record once.
    counts = await asyncio.gather(catch_up_journal(settings), catch_up_journal(settings))
    assert sorted(counts) == [0, 2]
    assert journal.read_text().startswith(before)  # appended, nothing rewritten
    records, torn = read_journal(journal, settings.secret_keys)
    assert torn == 0
    assert [r.submission_id for r in records].count(journalled.id) == 1
    assert [r.submission_id for r in records].count(lost_id) == 1
    assert [r.slug for r in records].count(lost_slug) == 1  # the tombstone, for partners
    assert CANARY.encode() not in journal.read_bytes()
    assert journal.stat().st_mode & 0o077 == 0

    assert await catch_up_journal(settings) == 0  # caught up


async def test_a_damaged_journal_is_reported_and_left_as_it_is(
    client: httpx.AsyncClient,
    runtime: Runtime,
    override_settings: object,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    journal = tmp_path / "withdrawals.journal"
    settings = override_settings(tombstone_journal=journal)  # type: ignore[operator]
    await _withdrawn_unjournalled(client, runtime)
    journal.write_text('{"not": "signed"}\n{"neither": 1}\n')
    with caplog.at_level(logging.ERROR, logger="stories_service.withdrawal_journal"):
        assert await catch_up_journal(settings) == 0
    assert journal.read_text() == '{"not": "signed"}\n{"neither": 1}\n'
    assert "not caught up" in caplog.text and CANARY not in caplog.text


async def test_the_service_catches_the_journal_up_when_it_starts(
    client: httpx.AsyncClient,
    runtime: Runtime,
    backend: Backend,
    override_settings: object,
    tmp_path: Path,
) -> None:
    lost_id, _ = await _withdrawn_unjournalled(client, runtime)
    journal = tmp_path / "withdrawals.journal"
    settings = override_settings(tombstone_journal=journal)  # type: ignore[operator]
    env = {
        **keys_env(settings),
        "STORIES_TOMBSTONE_JOURNAL": str(journal),
        "STORIES_BACKGROUND_JOBS": "true",
    }

    async def journalled() -> bool:
        if not journal.exists():
            return False
        lines = [json.loads(line) for line in journal.read_text().splitlines() if line]
        return lost_id in {line["submission_id"] for line in lines}

    with serving(backend.database_url, tmp_path / "data", **env):
        await wait_until(journalled, deadline=120)  # generous: a loaded machine
    records, _ = read_journal(journal, settings.secret_keys)
    assert lost_id in {r.submission_id for r in records}
