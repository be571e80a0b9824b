"""The states of a submission's lifecycle (DESIGN.md, "Lifecycle of a submission")."""

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


TERMINAL_STATES = frozenset({SubmissionState.REJECTED, SubmissionState.WITHDRAWN})
