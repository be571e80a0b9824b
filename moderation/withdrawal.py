"""Withdrawal of consent: from every state, by the survivor or by staff on their behalf.

What a withdrawal deletes and leaves (a tombstone) is done by
``stories_service.protection.withdrawal``; the rules here say why staff may withdraw for a
survivor. The audit log, which is never deleted, keeps only the reason's category; a staff
member's own words (a note) are kept encrypted on the submission, outside the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from moderation.workflow import Actor, ReasonRequired

NOTE_MAX_LENGTH = 500


class WithdrawalReason(StrEnum):
    """Why staff take a story down on a survivor's behalf (what the audit log records)."""

    SURVIVOR_ASKED_BY_PHONE = "survivor_asked_by_phone"
    SURVIVOR_ASKED_BY_EMAIL = "survivor_asked_by_email"
    SURVIVOR_ASKED_IN_PERSON = "survivor_asked_in_person"
    SAFETY_RISK = "safety_risk"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class StaffWithdrawal:
    """A staff member's reason: the category for the audit log, an optional note for the row."""

    category: WithdrawalReason
    note: str | None = None


def clean_staff_withdrawal(
    actor: Actor, category: str | None, note: str | None
) -> StaffWithdrawal | None:
    """Staff withdrawing on a survivor's behalf must say why (a category; ``other`` needs a
    note); a survivor never has to, and gives nothing here."""
    if actor.kind != "staff":
        return None
    if not category:
        raise ReasonRequired("Choose why you are taking this story down on the survivor's behalf.")
    try:
        reason = WithdrawalReason(category)
    except ValueError:
        raise ReasonRequired(
            "Choose one of the reasons: " + ", ".join(r.value for r in WithdrawalReason) + "."
        ) from None
    text = (note or "").strip()
    if len(text) > NOTE_MAX_LENGTH:
        raise ReasonRequired(f"Keep the note under {NOTE_MAX_LENGTH} characters.")
    if reason is WithdrawalReason.OTHER and not text:
        raise ReasonRequired("Write why you are taking this story down on the survivor's behalf.")
    return StaffWithdrawal(reason, text or None)
