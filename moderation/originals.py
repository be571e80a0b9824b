"""Who may read the survivor's text around a submission.

"Survivor text" is everything that holds, or may still hold, what the survivor wrote before it
was redacted and agreed:

- the decrypted original (title and body);
- every revision's summary and body: a revision is the claimant's draft, and revision 1 may be
  the original with nothing redacted yet (there is no telling a finished redaction from a draft,
  so every revision is treated like the original);
- the survivor's comment when they ask for changes;
- the leak-guard override reason (an editor's words, but it may quote the flagged names);
- the display name the survivor chose (their first name, for ``first_name`` attribution);
- the PII suggestions and the compare view, which quote the text.

Only the staff member redacting it (the claimant), an editor deciding on approval
(``ready``/``approved``), and admins may read it; ``stories_service.moderating.originals``
audits each read (who and which submission, never the text). Everyone else sees the workflow
around it: states, content notes, tags, dates, counts, and a revision's title, the *working
title* the moderator chose, which is what the queue shows (the survivor's own title is never
shown in the queue).
"""

from __future__ import annotations

from moderation.states import StaffRole, SubmissionState
from moderation.workflow import Actor, ClaimableSubmission, NotAllowed

_APPROVAL_STATES = frozenset({SubmissionState.READY, SubmissionState.APPROVED})

WITHHELD_MESSAGE = (
    "The survivor's text is shown only to the moderator who claimed this submission, "
    "to editors deciding on its approval, and to admins."
)


def may_read_survivor_text(submission: ClaimableSubmission, actor: Actor) -> bool:
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


def check_may_read_survivor_text(submission: ClaimableSubmission, actor: Actor) -> None:
    """Raise ``NotAllowed`` (403) unless ``may_read_survivor_text``: for views that are
    nothing but survivor text (compare, suggestions)."""
    if not may_read_survivor_text(submission, actor):
        raise NotAllowed(WITHHELD_MESSAGE)
