"""The audit trail of each read of a submission's decrypted original (who may read it is
``moderation.originals.may_read_original``)."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from moderation.workflow import Actor
from stories_service.audit_log import append_audit_event
from stories_service.models import Submission


async def record_original_read(submission: Submission, actor: Actor, *, via: str) -> None:
    """Append ``submission.original_read`` (``via``: "api", "console" or "compare")."""
    async with in_transaction() as connection:
        await append_audit_event(
            connection,
            actor=actor.audit_name,
            action="submission.original_read",
            submission_id=submission.id,
            data={"via": via},
        )
