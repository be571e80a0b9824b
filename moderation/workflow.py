"""The submission workflow: which transitions exist and who may make them.

``TRANSITIONS`` is the one table of the lifecycle in docs/design.md. ``check_transition()``
checks the state, the actor's role and claim ownership, and raises a ``WorkflowError`` that
names what was expected. Making a transition (the conditional UPDATE and its audit entry) is
``stories_service.moderating.transitions.transition()``, which asks this module first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from moderation.states import StaffRole, SubmissionState, role_at_least

S = SubmissionState
ALL_STATES = frozenset(SubmissionState)


class WorkflowError(Exception):
    """A transition that cannot be made; ``status`` is the HTTP status the API answers with."""

    status = 409
    code = "illegal_transition"

    def __init__(self, message: str, *, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra or {}


class IllegalTransition(WorkflowError):
    status = 409
    code = "illegal_transition"


class NotAllowed(WorkflowError):
    status = 403
    code = "forbidden"


class NotFound(WorkflowError):
    status = 404
    code = "not_found"


class ReasonRequired(WorkflowError):
    """Staff must write a reason (rejection, override, withdrawal on a survivor's behalf)."""

    status = 422
    code = "reason_required"


class ClaimableSubmission(Protocol):
    """What the rules read of a submission: its state and who has claimed it."""

    @property
    def state(self) -> str: ...

    @property
    def claimed_by_id(self) -> int | None: ...


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a staff member (with role), the survivor (by receipt code), or the system."""

    kind: str  # "staff" | "survivor" | "system"
    staff_id: int | None = None
    role: StaffRole | None = None

    @classmethod
    def staff(cls, staff_id: int, role: StaffRole | str) -> Actor:
        return cls("staff", staff_id, StaffRole(role))

    @classmethod
    def survivor(cls) -> Actor:
        return cls("survivor")

    @classmethod
    def system(cls) -> Actor:
        return cls("system")

    @property
    def audit_name(self) -> str:
        return f"staff:{self.staff_id}" if self.kind == "staff" else self.kind

    def has_role(self, minimum: StaffRole) -> bool:
        return self.kind == "staff" and self.role is not None and role_at_least(self.role, minimum)


@dataclass(frozen=True, slots=True)
class Transition:
    action: str
    sources: frozenset[SubmissionState]
    target: SubmissionState
    actors: frozenset[str]  # "survivor", "system", or a minimum staff role: "moderator"…
    needs_claim: bool = False  # only the claimant (or an admin) may do it
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _t(
    action: str,
    sources: set[S] | frozenset[S],
    target: S,
    actors: set[str],
    needs_claim: bool = False,
    description: str = "",
) -> Transition:
    return Transition(
        action, frozenset(sources), target, frozenset(actors), needs_claim, description
    )


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in [
        _t(
            "claim",
            {S.SUBMITTED},
            S.IN_REVIEW,
            {"moderator"},
            description="a moderator takes the submission",
        ),
        _t(
            "release",
            {S.IN_REVIEW},
            S.SUBMITTED,
            {"moderator"},
            needs_claim=True,
            description="the claimant gives it back to the queue, no reason needed",
        ),
        _t(
            "expire_claim",
            {S.IN_REVIEW},
            S.SUBMITTED,
            {"system"},
            description="an idle claim runs out",
        ),
        _t(
            "send_for_consent",
            {S.IN_REVIEW},
            S.AWAITING_CONSENT,
            {"moderator"},
            needs_claim=True,
            description="the survivor is asked to read the redacted text",
        ),
        _t(
            "skip_consent",
            {S.IN_REVIEW},
            S.READY,
            {"moderator"},
            needs_claim=True,
            description="the survivor waived reviewing the final text",
        ),
        _t(
            "survivor_approve",
            {S.AWAITING_CONSENT},
            S.READY,
            {"survivor"},
            description="the survivor approves the redacted text",
        ),
        _t(
            "survivor_request_changes",
            {S.AWAITING_CONSENT},
            S.IN_REVIEW,
            {"survivor"},
            description="the survivor asks for changes",
        ),
        _t(
            "approve",
            {S.READY},
            S.APPROVED,
            {"editor"},
            description="a second staff member approves (not the redacting moderator)",
        ),
        _t(
            "send_back",
            {S.READY, S.APPROVED},
            S.IN_REVIEW,
            {"editor"},
            description="an editor sends it back for more work",
        ),
        _t(
            "reject",
            {S.SUBMITTED, S.IN_REVIEW, S.AWAITING_CONSENT, S.READY, S.APPROVED},
            S.REJECTED,
            {"moderator"},
            description="not published; the survivor reads why",
        ),
        _t(
            "publish",
            {S.APPROVED, S.SCHEDULED, S.UNPUBLISHED},
            S.PUBLISHED,
            {"editor"},
            description="published now",
        ),
        _t(
            "schedule", {S.APPROVED}, S.SCHEDULED, {"editor"}, description="published at a set time"
        ),
        _t(
            "publish_due",
            {S.SCHEDULED},
            S.PUBLISHED,
            {"system"},
            description="the scheduler publishes a story whose time has come",
        ),
        _t(
            "schedule_failed",
            {S.SCHEDULED},
            S.APPROVED,
            {"system"},
            description="the scheduler could not publish at the due time (consent, leak guard); "
            "back to an editor, with the reason code in the audit log",
        ),
        _t(
            "unpublish",
            {S.PUBLISHED, S.SCHEDULED, S.IN_REVIEW, S.AWAITING_CONSENT, S.READY, S.APPROVED},
            S.UNPUBLISHED,
            {"editor"},
            description="taken down from the site and feeds (also while a new revision of a "
            "public story is under way; the publisher checks that the story is public)",
        ),
        _t(
            "revise",
            {S.PUBLISHED, S.UNPUBLISHED},
            S.IN_REVIEW,
            {"moderator"},
            description="a new revision, which goes through consent again",
        ),
        _t(
            "withdraw",
            ALL_STATES - {S.WITHDRAWN},
            S.WITHDRAWN,
            {"survivor", "editor"},
            description="the survivor withdraws consent (or staff on their behalf)",
        ),
    ]
}


def allowed_actions(state: SubmissionState | str) -> list[str]:
    """The actions possible from ``state``, for error messages and the console."""
    current = SubmissionState(state)
    return sorted(a for a, t in TRANSITIONS.items() if current in t.sources)


def _actor_may(transition: Transition, actor: Actor) -> bool:
    if actor.kind in transition.actors:
        return True
    if actor.kind != "staff":
        return False
    return any(
        name in {r.value for r in StaffRole} and actor.has_role(StaffRole(name))
        for name in transition.actors
    )


def check_transition(submission: ClaimableSubmission, action: str, actor: Actor) -> Transition:
    """Raise unless ``actor`` may make ``action`` on ``submission`` now; return the transition."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise IllegalTransition(f"There is no action {action!r}.")
    if not _actor_may(transition, actor):
        raise NotAllowed(f"Your role may not {action.replace('_', ' ')} a submission.")
    state = SubmissionState(submission.state)
    if state not in transition.sources:
        allowed = ", ".join(allowed_actions(state)) or "nothing"
        raise IllegalTransition(
            f"Cannot {action.replace('_', ' ')}: the submission is {state.value}; "
            f"from {state.value} you can: {allowed}.",
            extra={"state": state.value, "allowed": allowed_actions(state)},
        )
    claimant = submission.claimed_by_id
    is_admin = actor.role == StaffRole.ADMIN
    if (
        transition.needs_claim
        and actor.kind == "staff"
        and not is_admin
        and claimant != actor.staff_id
    ):
        raise NotAllowed("Only the moderator who claimed this submission can do that.")
    return transition
