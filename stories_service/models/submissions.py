"""A submission, its append-only consent records and its revisions.

Survivor-written text is stored only as authenticated ciphertext (``*_enc`` columns, see
``stories_service.crypto``); no IP address or user agent is ever stored with a submission.
"""

from typing import Any
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from moderation.states import Attribution, SubmissionState
from stories_service.models.staff import Staff


class Submission(Model):
    id = fields.UUIDField(primary_key=True)
    state = fields.CharEnumField(SubmissionState, max_length=20, db_index=True)
    language = fields.CharField(max_length=35)
    receipt_hash = fields.CharField(max_length=64, unique=True)
    title_enc = fields.BinaryField(null=True)
    body_enc = fields.BinaryField(null=True)
    contact_enc = fields.BinaryField(null=True)
    never_appear_enc = fields.BinaryField(null=True)
    submitted_by_staff: fields.ForeignKeyNullableRelation[Staff] = fields.ForeignKeyField(
        "models.Staff", related_name="intake_submissions", null=True, on_delete=fields.SET_NULL
    )
    claimed_by: fields.ForeignKeyNullableRelation[Staff] = fields.ForeignKeyField(
        "models.Staff", related_name="claims", null=True, on_delete=fields.SET_NULL
    )
    claimed_at = fields.DatetimeField(null=True)
    claim_touched_at = fields.DatetimeField(null=True)
    redacted_by: fields.ForeignKeyNullableRelation[Staff] = fields.ForeignKeyField(
        "models.Staff", related_name="redactions", null=True, on_delete=fields.SET_NULL
    )
    approved_by: fields.ForeignKeyNullableRelation[Staff] = fields.ForeignKeyField(
        "models.Staff", related_name="approvals", null=True, on_delete=fields.SET_NULL
    )
    survivor_comment_enc = fields.BinaryField(null=True)
    # Written by staff for the survivor to read; encrypted like the survivor's own text.
    rejection_reason_enc = fields.BinaryField(null=True)
    # Sealed ("enc:v1:" + base64, see moderating/approval.py): it may quote the flagged words.
    leak_override_reason = fields.TextField(null=True)
    # A staff member's free-text note on a withdrawal for the survivor (the audit log keeps
    # only the reason's category, moderation.withdrawal.WithdrawalReason).
    withdrawal_note_enc = fields.BinaryField(null=True)
    publish_at = fields.DatetimeField(null=True, db_index=True)
    originals_purge_after = fields.DatetimeField(null=True, db_index=True)
    originals_purged_at = fields.DatetimeField(null=True)
    withdrawn_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    updated_at = fields.DatetimeField(auto_now=True)

    consent_records: fields.ReverseRelation["ConsentRecord"]
    revisions: fields.ReverseRelation["Revision"]
    # The foreign keys' columns, which Tortoise sets on every instance (declared for the types).
    submitted_by_staff_id: int | None
    claimed_by_id: int | None
    redacted_by_id: int | None
    approved_by_id: int | None

    class Meta:
        table = "submissions"


class ConsentRecord(Model):
    # One consent decision. Never updated (a database trigger refuses UPDATE); a change appends.

    id = fields.IntField(primary_key=True)
    submission: fields.ForeignKeyRelation[Submission] = fields.ForeignKeyField(
        "models.Submission", related_name="consent_records", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    publish = fields.BooleanField()
    attribution = fields.CharEnumField(Attribution, max_length=16)
    display_name_enc = fields.BinaryField(null=True)
    review_before_publish = fields.BooleanField()
    syndicate = fields.BooleanField()
    # Consent v2 asks it; records under v1 never gave it, so the database says no for them.
    search_indexing = fields.BooleanField(default=False, db_default=False)
    languages: fields.JSONField[list[str]] = fields.JSONField()
    wording_version = fields.CharField(max_length=32)
    wording_language = fields.CharField(max_length=35)
    wording_hash = fields.CharField(max_length=64)
    recorded_by = fields.CharField(max_length=16)  # "survivor" or "staff"
    recorded_by_staff: fields.ForeignKeyNullableRelation[Staff] = fields.ForeignKeyField(
        "models.Staff", related_name="consent_records", null=True, on_delete=fields.SET_NULL
    )
    # What intake staff wrote to attest the survivor's consent (on-behalf submissions).
    attestation_enc = fields.BinaryField(null=True)
    submission_id: UUID
    recorded_by_staff_id: int | None

    class Meta:
        table = "consent_records"
        ordering = ["id"]


class Revision(Model):
    # A moderator's version of the story; text encrypted like the original.

    id = fields.IntField(primary_key=True)
    submission: fields.ForeignKeyRelation[Submission] = fields.ForeignKeyField(
        "models.Submission", related_name="revisions", on_delete=fields.CASCADE
    )
    number = fields.IntField()
    title_enc = fields.BinaryField()
    summary_enc = fields.BinaryField()
    body_enc = fields.BinaryField()
    content_notes: fields.JSONField[list[str]] = fields.JSONField(default=list)
    tags: fields.JSONField[list[str]] = fields.JSONField(default=list)
    # Offsets and kinds only, never the redacted words themselves.
    redactions: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    created_by: fields.ForeignKeyNullableRelation[Staff] = fields.ForeignKeyField(
        "models.Staff", related_name="revisions", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    survivor_approved_at = fields.DatetimeField(null=True)
    approved_at = fields.DatetimeField(null=True)
    submission_id: UUID
    created_by_id: int | None

    class Meta:
        table = "revisions"
        unique_together = (("submission", "number"),)
        ordering = ["number"]
