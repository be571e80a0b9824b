"""Withdrawing a submission, by the survivor or by staff on their behalf (one transaction)."""

from __future__ import annotations

from uuid import UUID

from tortoise.transactions import in_transaction

from moderation.withdrawal import TOUCHED_TABLES, WithdrawalResult, withdraw
from moderation.workflow import Actor
from stories_service.protection.scrub import scrub_deleted_rows


async def withdraw_submission(
    submission_id: UUID | str, actor: Actor, *, reason: str | None = None
) -> WithdrawalResult:
    """Withdraw and delete the story's text, then scrub the database files of it."""
    async with in_transaction() as connection:
        result = await withdraw(connection, submission_id, actor, reason=reason)
    await scrub_deleted_rows(TOUCHED_TABLES)
    return result
