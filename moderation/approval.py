"""The second approval and rejection: the four-eyes rule, the leak guard's verdict, who may
reject when, and the reasons staff must write. Storing them is
``stories_service.moderating.approval``."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import Any

from moderation.public_text import PublicFinding
from moderation.states import StaffRole, SubmissionState
from moderation.workflow import (
    Actor,
    ClaimableSubmission,
    NotAllowed,
    ReasonRequired,
    WorkflowError,
)

MAX_REASON_LENGTH = 2000
MIN_OVERRIDE_REASON_LENGTH = 10


class FourEyesViolation(NotAllowed):
    code = "four_eyes"


class LeakGuardRefused(WorkflowError):
    """The text about to go public still holds a listed term or a high-confidence detection."""

    status = 409
    code = "leak_guard"


def clean_reason(reason: str | None, what: str, minimum: int = 1) -> str:
    """The reason stripped; ReasonRequired when it is shorter than ``minimum`` or too long."""
    reason = (reason or "").strip()
    if len(reason) < minimum:
        raise ReasonRequired(
            f"Write {what} (at least {minimum} characters).", extra={"fields": {"reason": what}}
        )
    if len(reason) > MAX_REASON_LENGTH:
        raise ReasonRequired(f"The reason is longer than {MAX_REASON_LENGTH} characters.")
    return reason


def guard_outcome(findings: Sequence[PublicFinding], override_reason: str | None) -> dict[str, Any]:
    """Raise LeakGuardRefused unless clean or overridden; the audit data for the outcome."""
    if not findings:
        return {"leak_guard": "clean"}
    if not (override_reason or "").strip():
        raise LeakGuardRefused(
            "The leak guard found identifying details still in the text. Redact them, or "
            "override with a written reason (override_reason).",
            extra={"findings": [f.as_dict() for f in findings]},
        )
    reason = clean_reason(override_reason, "why publishing is safe", MIN_OVERRIDE_REASON_LENGTH)
    kinds = Counter(f.kind for f in findings)
    return {
        "leak_guard": "overridden",
        "findings": len(findings),
        "kinds": dict(sorted(kinds.items())),
        # The reason may quote the flagged words: the audit keeps a fingerprint, not the text.
        "override_reason_sha256": reason_fingerprint(reason),
    }


def reason_fingerprint(reason: str) -> str:
    """What the audit log keeps of an override reason: its SHA-256, never the words."""
    return hashlib.sha256(reason.encode("utf-8")).hexdigest()


def check_four_eyes(actor: Actor, redactor_id: int | None, wrote_a_revision: bool) -> None:
    """The approving editor must not have redacted the submission or written any revision."""
    if actor.staff_id is not None and (actor.staff_id == redactor_id or wrote_a_revision):
        raise FourEyesViolation(
            "Four-eyes rule: someone other than the staff member who redacted this story "
            "must approve it."
        )


def check_may_reject(submission: ClaimableSubmission, actor: Actor) -> None:
    """Who may reject depends on how far the story got: from ``in_review`` (and while the
    survivor reads it) only the claimant or an admin; from ``ready`` on, an editor or higher."""
    if actor.kind != "staff":
        return
    state = SubmissionState(submission.state)
    is_claimant = submission.claimed_by_id == actor.staff_id or actor.has_role(StaffRole.ADMIN)
    if state in {SubmissionState.IN_REVIEW, SubmissionState.AWAITING_CONSENT} and not is_claimant:
        raise NotAllowed("Only the moderator who claimed this submission can reject it.")
    if state in {SubmissionState.READY, SubmissionState.APPROVED} and not actor.has_role(
        StaffRole.EDITOR
    ):
        raise NotAllowed("Rejecting a story that is ready or approved needs an editor.")
