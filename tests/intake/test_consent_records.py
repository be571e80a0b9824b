"""Consent records are append-only, enforced by the database itself."""

from __future__ import annotations

import asyncpg
import httpx
import pytest
from tortoise import connections
from tortoise.exceptions import BaseORMException

from stories_service.consent.wording import consent_wording
from stories_service.models import ConsentRecord
from tests.conftest import valid_submission


async def test_consent_record_holds_wording_version_and_hash(client: httpx.AsyncClient) -> None:
    await client.post("/api/v1/submissions", json=valid_submission())
    record = await ConsentRecord.get()
    wording = consent_wording("en")
    assert record.wording_version == wording.version
    assert record.wording_language == "en"
    assert record.wording_hash == wording.sha256
    assert record.review_before_publish is True


async def test_updating_a_consent_record_is_refused(client: httpx.AsyncClient) -> None:
    await client.post("/api/v1/submissions", json=valid_submission())
    record = await ConsentRecord.get()
    record.publish = False
    with pytest.raises((BaseORMException, asyncpg.PostgresError)):
        await record.save()
    with pytest.raises((BaseORMException, asyncpg.PostgresError)):
        await ConsentRecord.filter(id=record.id).update(syndicate=False)
    with pytest.raises((BaseORMException, asyncpg.PostgresError)):
        await connections.get("default").execute_script(
            "UPDATE consent_records SET publish = FALSE"
        )
    fresh = await ConsentRecord.get(id=record.id)
    assert fresh.publish is True and fresh.syndicate is True


async def test_a_change_appends_a_new_record(client: httpx.AsyncClient) -> None:
    await client.post("/api/v1/submissions", json=valid_submission())
    first = await ConsentRecord.get()
    data = {
        k: getattr(first, k)
        for k in (
            "publish",
            "review_before_publish",
            "languages",
            "wording_version",
            "wording_language",
            "wording_hash",
            "recorded_by",
        )
    }
    await ConsentRecord.create(
        submission_id=first.submission_id, attribution="pseudonym", syndicate=False, **data
    )
    records = await ConsentRecord.filter(submission_id=first.submission_id).order_by("id")
    assert [r.syndicate for r in records] == [True, False]
