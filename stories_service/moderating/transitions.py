"""Making a transition of the workflow: check, conditional UPDATE and audit entry together.

``transition()`` asks ``moderation.workflow.check_transition`` whether the actor may act now,
changes the state with a conditional UPDATE (so two concurrent requests cannot both succeed),
and appends the audit event in the same transaction. Preconditions that need more than the row
(content notes set, four-eyes rule, the leak guard) are checked by the callers before they call
``transition()``, and raise the same errors.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from moderation.states import SubmissionState
from moderation.workflow import Actor, IllegalTransition, NotFound, Transition, check_transition
from stories_service.audit_log import append_audit_event
from stories_service.models import Submission


async def transition(
    connection: BaseDBAsyncClient,
    submission: Submission,
    action: str,
    actor: Actor,
    *,
    updates: dict[str, Any] | None = None,
    audit_data: dict[str, Any] | None = None,
    expect: dict[str, Any] | None = None,
) -> Submission:
    """Make ``action`` happen: check, conditionally update, audit. Call inside a transaction.

    ``updates`` are further column changes made in the same UPDATE; ``expect`` are further
    conditions the row must still meet (``claimed_by_id=None``); ``audit_data`` must hold no
    survivor text. Raises IllegalTransition if the row changed under us.
    """
    rule = check_transition(submission, action, actor)
    return await apply_transition(
        connection, submission, rule, actor, updates=updates, audit_data=audit_data, expect=expect
    )


async def apply_transition(
    connection: BaseDBAsyncClient,
    submission: Submission,
    rule: Transition,
    actor: Actor,
    *,
    updates: dict[str, Any] | None = None,
    audit_data: dict[str, Any] | None = None,
    expect: dict[str, Any] | None = None,
) -> Submission:
    """``transition()`` for a caller that already checked it (``rule`` is what
    ``check_transition`` returned in this transaction, before further preconditions)."""
    action = rule.action
    source = SubmissionState(submission.state)
    changes: dict[str, Any] = {"state": rule.target, "updated_at": datetime.now(UTC)}
    changes.update(updates or {})
    count = (
        await Submission.filter(id=submission.id, state=source, **(expect or {}))
        .using_db(connection)
        .update(**changes)
    )
    if count != 1:
        raise IllegalTransition(
            "The submission changed while you were working on it; reload and try again."
        )
    await append_audit_event(
        connection,
        actor=actor.audit_name,
        action=f"submission.{action}",
        submission_id=submission.id,
        from_state=source.value,
        to_state=rule.target.value,
        data=audit_data,
    )
    for name, value in changes.items():
        setattr(submission, name, value)
    return submission


async def load_submission(
    connection: BaseDBAsyncClient, submission_id: UUID | str, *, lock: bool = False
) -> Submission:
    """The submission, locked FOR UPDATE on PostgreSQL when ``lock``; NotFound if absent."""
    query = Submission.filter(id=submission_id).using_db(connection)
    if lock and connection.capabilities.dialect == "postgres":
        query = query.select_for_update()
    submission = await query.first()
    if submission is None:
        raise NotFound("There is no such submission.")
    return submission
