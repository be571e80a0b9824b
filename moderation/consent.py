"""The survivor's consent check: what the survivor may answer, what an attribution change
needs (and when the public story shows it), and when a story may go in front of the survivor.
Consent records are append-only; storing them is ``stories_service.moderating.consent``."""

from __future__ import annotations

from collections.abc import Sequence

from moderation.public_text import PublicText, leak_findings
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


class BylineOnNeverAppearList(ConsentInputInvalid):
    """The chosen name is on the survivor's own list of names that must never appear."""

    code = "byline_never_appear"


def check_byline(name: str | None, never_appear: Sequence[str]) -> None:
    """Refuse a byline the leak guard would refuse: a name on the never-appear list.

    The leak guard itself decides (``leak_findings`` over a story that is only this byline), so
    a change of attribution, an editor's confirmation and publication judge a name alike."""
    if name is None:
        return
    byline_only = PublicText(
        title="", summary="", body_html="", tags=(), byline=name, language=None
    )
    if leak_findings(byline_only, never_appear):
        raise BylineOnNeverAppearList(
            "This name is on the list of names that must never appear; choose another name, "
            "or anonymous."
        )


def byline_to_show(consented: str | None, shown: str | None) -> str | None:
    """The byline a public story shows after the survivor changes attribution.

    Becoming anonymous takes effect at once: nobody may keep showing a name its owner withdrew.
    A new name waits for an editor (at the next publication, or when an editor confirms it), so
    the story keeps the byline it ``shown`` until then; an unchanged name is simply kept."""
    if consented is None or consented == shown:
        return consented
    return shown


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
