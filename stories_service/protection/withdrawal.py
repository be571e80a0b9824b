"""Withdrawing a submission, by the survivor or by staff on their behalf (one transaction)."""

from __future__ import annotations

from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation.withdrawal import TOUCHED_TABLES, WITHDRAWN_EVENT, WithdrawalResult, withdraw
from moderation.workflow import Actor
from stories_service.protection.scrub import scrub_deleted_rows
from stories_service.publishing.changes import bump_public_change
from stories_service.publishing.outbox import enqueue_event


async def announce_withdrawal(
    connection: BaseDBAsyncClient, tombstone: dict[str, str] | None
) -> None:
    """Queue ``story.withdrawn`` for a story that had been public; drop every page cache."""
    if tombstone is not None:
        await enqueue_event(connection, WITHDRAWN_EVENT, tombstone)
    await bump_public_change(connection)


async def withdraw_submission(
    submission_id: UUID | str, actor: Actor, *, reason: str | None = None
) -> WithdrawalResult:
    """Withdraw and delete the story's text, then scrub the database files of it."""
    async with in_transaction() as connection:
        result = await withdraw(
            connection, submission_id, actor, announce=announce_withdrawal, reason=reason
        )
    await scrub_deleted_rows(TOUCHED_TABLES)
    return result
