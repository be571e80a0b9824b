"""Who may read a submission's decrypted original, and the audit trail of each read.

The original holds every name the survivor wrote. Only the staff member redacting it (the
claimant), an editor deciding on approval (``ready``/``approved``), and admins may read it; each
read is audited (who and which submission, never the text).
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from moderation.audit import append_audit_event
from moderation.states import StaffRole, SubmissionState
from moderation.workflow import Actor
from stories_service.models import Submission

_APPROVAL_STATES = frozenset({SubmissionState.READY, SubmissionState.APPROVED})


def may_read_original(submission: Submission, actor: Actor) -> bool:
    """True for the claimant, an admin, or an editor while the story awaits or has approval."""
    if actor.kind != "staff" or actor.staff_id is None:
        return False
    if actor.has_role(StaffRole.ADMIN):
        return True
    if submission.claimed_by_id == actor.staff_id:  # type: ignore[attr-defined]
        return True
    return SubmissionState(submission.state) in _APPROVAL_STATES and actor.has_role(
        StaffRole.EDITOR
    )


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
