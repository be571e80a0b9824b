"""The submission workflow: which transitions exist, who may make them, and making them.

``TRANSITIONS`` is the one table of the lifecycle in DESIGN.md. ``transition()`` checks the
state, the actor's role and claim ownership, changes the state with a conditional UPDATE (so two
concurrent requests cannot both succeed), and appends the audit event in the same transaction.
Preconditions that need more than the row (content notes set, four-eyes rule, the leak guard)
are checked by the feature services before they call ``transition()``, and raise the same errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from moderation.audit import append_audit_event
from moderation.states import StaffRole, SubmissionState, role_at_least
from stories_service.models import Submission

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


def check_transition(submission: Submission, action: str, actor: Actor) -> Transition:
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
    claimant = submission.claimed_by_id  # type: ignore[attr-defined]
    is_admin = actor.role == StaffRole.ADMIN
    if (
        transition.needs_claim
        and actor.kind == "staff"
        and not is_admin
        and claimant != actor.staff_id
    ):
        raise NotAllowed("Only the moderator who claimed this submission can do that.")
    return transition


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
