"""Withdrawal of consent: from every state, by the survivor or by staff on their behalf.

What a withdrawal deletes and leaves (a tombstone) is done by
``stories_service.protection.withdrawal``; the rules here say who must give a reason.
"""

from __future__ import annotations

from moderation.workflow import Actor, ReasonRequired

REASON_MAX_LENGTH = 500


def clean_withdrawal_reason(actor: Actor, reason: str | None) -> str | None:
    """Staff withdrawing on a survivor's behalf must say why; a survivor never has to."""
    text = (reason or "").strip()
    if actor.kind == "staff" and not text:
        raise ReasonRequired("Write why you are taking this story down on the survivor's behalf.")
    if len(text) > REASON_MAX_LENGTH:
        raise ReasonRequired(f"Keep the reason under {REASON_MAX_LENGTH} characters.")
    return text or None
