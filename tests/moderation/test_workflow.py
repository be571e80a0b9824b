"""The transition table: every illegal (state, action) pair is refused, naming the state."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from moderation.states import SubmissionState
from moderation.workflow import (
    TRANSITIONS,
    Actor,
    IllegalTransition,
    NotAllowed,
    allowed_actions,
    check_transition,
)

ADMIN = Actor.staff(1, "admin")


def Submission(state: SubmissionState, claimed_by_id: int | None) -> Any:
    """What check_transition reads of a submission."""
    return SimpleNamespace(state=state, claimed_by_id=claimed_by_id)


PAIRS = [(state, action) for state in SubmissionState for action in TRANSITIONS]


def _actor_for(action: str) -> Actor:
    actors = TRANSITIONS[action].actors
    if "survivor" in actors:
        return Actor.survivor()
    if "system" in actors:
        return Actor.system()
    return ADMIN


@pytest.mark.parametrize(("state", "action"), PAIRS, ids=[f"{s}-{a}" for s, a in PAIRS])
def test_every_pair_is_allowed_or_refused_with_the_state_named(
    state: SubmissionState, action: str
) -> None:
    submission = Submission(state=state, claimed_by_id=1)
    if state in TRANSITIONS[action].sources:
        assert check_transition(submission, action, _actor_for(action)).target
        assert action in allowed_actions(state)
        return
    with pytest.raises(IllegalTransition) as refused:
        check_transition(submission, action, _actor_for(action))
    assert state.value in refused.value.message
    assert refused.value.status == 409


def test_withdraw_is_reachable_from_every_state_but_withdrawn() -> None:
    assert TRANSITIONS["withdraw"].sources == frozenset(SubmissionState) - {
        SubmissionState.WITHDRAWN
    }


@pytest.mark.parametrize(
    ("action", "actor"),
    [
        ("approve", Actor.staff(2, "moderator")),
        ("send_back", Actor.staff(2, "moderator")),
        ("claim", Actor.survivor()),
        ("survivor_approve", Actor.staff(2, "admin")),
        ("expire_claim", Actor.staff(2, "admin")),
        ("publish", Actor.staff(2, "moderator")),
    ],
)
def test_roles_are_enforced(action: str, actor: Actor) -> None:
    source = next(iter(TRANSITIONS[action].sources))
    with pytest.raises(NotAllowed) as refused:
        check_transition(Submission(state=source, claimed_by_id=2), action, actor)
    assert refused.value.status == 403


def test_only_the_claimant_or_an_admin_may_act_on_a_claim() -> None:
    submission = Submission(state=SubmissionState.IN_REVIEW, claimed_by_id=7)
    with pytest.raises(NotAllowed):
        check_transition(submission, "send_for_consent", Actor.staff(8, "editor"))
    assert check_transition(submission, "send_for_consent", Actor.staff(7, "moderator"))
    assert check_transition(submission, "send_for_consent", Actor.staff(8, "admin"))
