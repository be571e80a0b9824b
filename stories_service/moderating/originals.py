"""Every read of survivor text by staff, decided and audited in one place (who may read it is
``moderation.originals.may_read_survivor_text``; what counts as survivor text is listed there).

Each read appends ``submission.original_read`` (the name predates the wider rule and is kept so
audit queries keep finding every read) with ``data = {"via": ...}``: who, which submission and
which view, never the text.
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from moderation.originals import check_may_read_survivor_text, may_read_survivor_text
from moderation.workflow import Actor
from stories_service.audit_log import append_audit_event
from stories_service.models import Submission


async def record_survivor_text_read(submission: Submission, actor: Actor, *, via: str) -> None:
    """Append ``submission.original_read``; ``via`` names the view: "api" (the submission's
    JSON), "api:compare", "api:suggestions", "console" (the workspace) or "compare"."""
    async with in_transaction() as connection:
        await append_audit_event(
            connection,
            actor=actor.audit_name,
            action="submission.original_read",
            submission_id=submission.id,
            data={"via": via},
        )


async def grant_survivor_text(submission: Submission, actor: Actor, *, via: str) -> bool:
    """True, and the read audited, when ``actor`` may read the survivor text; False (nothing
    audited) when the view must leave it out."""
    if not may_read_survivor_text(submission, actor):
        return False
    await record_survivor_text_read(submission, actor, via=via)
    return True


async def require_survivor_text(submission: Submission, actor: Actor, *, via: str) -> None:
    """Audit the read, or raise ``NotAllowed`` (403) for a view that is only survivor text."""
    check_may_read_survivor_text(submission, actor)
    await record_survivor_text_read(submission, actor, via=via)
