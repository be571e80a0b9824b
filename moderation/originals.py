"""Who may read a submission's decrypted original.

The original holds every name the survivor wrote. Only the staff member redacting it (the
claimant), an editor deciding on approval (``ready``/``approved``), and admins may read it;
``stories_service.moderating.originals`` audits each read (who and which submission, never the
text).
"""

from __future__ import annotations

from moderation.states import StaffRole, SubmissionState
from moderation.workflow import Actor, ClaimableSubmission

_APPROVAL_STATES = frozenset({SubmissionState.READY, SubmissionState.APPROVED})


def may_read_original(submission: ClaimableSubmission, actor: Actor) -> bool:
    """True for the claimant, an admin, or an editor while the story awaits or has approval."""
    if actor.kind != "staff" or actor.staff_id is None:
        return False
    if actor.has_role(StaffRole.ADMIN):
        return True
    if submission.claimed_by_id == actor.staff_id:
        return True
    return SubmissionState(submission.state) in _APPROVAL_STATES and actor.has_role(
        StaffRole.EDITOR
    )
