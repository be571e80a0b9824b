"""The states of a submission's lifecycle (docs/design.md, "Lifecycle of a submission")."""

from enum import StrEnum


class SubmissionState(StrEnum):
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    AWAITING_CONSENT = "awaiting_consent"
    READY = "ready"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    UNPUBLISHED = "unpublished"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Attribution(StrEnum):
    ANONYMOUS = "anonymous"
    FIRST_NAME = "first_name"
    PSEUDONYM = "pseudonym"


class StaffRole(StrEnum):
    MODERATOR = "moderator"
    EDITOR = "editor"
    ADMIN = "admin"


_ROLE_RANK = {StaffRole.MODERATOR: 1, StaffRole.EDITOR: 2, StaffRole.ADMIN: 3}


def role_at_least(role: StaffRole | str, minimum: StaffRole | str) -> bool:
    """True when ``role`` is ``minimum`` or above it (moderator < editor < admin)."""
    return _ROLE_RANK[StaffRole(role)] >= _ROLE_RANK[StaffRole(minimum)]


TERMINAL_STATES = frozenset({SubmissionState.REJECTED, SubmissionState.WITHDRAWN})
