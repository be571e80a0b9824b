"""The survivor's consent check: what the survivor may answer, what an attribution change
needs, and when a story may go in front of the survivor. Consent records are append-only;
storing them is ``stories_service.moderating.consent``."""

from __future__ import annotations

from collections.abc import Sequence

from moderation.states import Attribution
from moderation.workflow import IllegalTransition, WorkflowError

MAX_COMMENT_LENGTH = 5000
MAX_DISPLAY_NAME_LENGTH = 80
SURVIVOR_ACTIONS = {"approve": "survivor_approve", "request_changes": "survivor_request_changes"}


class ConsentPreconditionFailed(WorkflowError):
    status = 409
    code = "precondition_failed"


class ConsentInputInvalid(WorkflowError):
    status = 422
    code = "invalid_fields"


def survivor_action(decision: str, comment: str | None) -> tuple[str, str]:
    """The workflow action for the survivor's ``decision`` and their comment, cleaned."""
    action = SURVIVOR_ACTIONS.get(decision)
    if action is None:
        raise IllegalTransition("The decision must be approve or request_changes.")
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT_LENGTH:
        raise ConsentInputInvalid(f"The comment is longer than {MAX_COMMENT_LENGTH}.")
    return action, comment


def clean_attribution(
    attribution: Attribution | str, display_name: str | None
) -> tuple[Attribution, str | None]:
    """The attribution and the name to show with it: none when anonymous, else required."""
    chosen = Attribution(attribution)
    name = (display_name or "").strip() or None
    if chosen == Attribution.ANONYMOUS:
        return chosen, None
    if name is None or len(name) > MAX_DISPLAY_NAME_LENGTH:
        raise ConsentInputInvalid(
            f"Give the name to show (at most {MAX_DISPLAY_NAME_LENGTH} characters)."
        )
    return chosen, name


def check_content_notes_set(content_notes: Sequence[str]) -> None:
    """A revision goes to the survivor (or past them) only with its content notes set."""
    if not content_notes:
        raise ConsentPreconditionFailed(
            "Set the content notes first (choose 'none' if the story needs no warning)."
        )


def language_consented(language: str, consented: Sequence[str]) -> bool:
    """Whether the survivor agreed to publication in ``language`` (or its primary language)."""
    primary = language.split("-")[0].lower()
    normalised = {a.lower() for a in consented}
    return language.lower() in normalised or primary in normalised
