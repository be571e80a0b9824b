"""The hash-chained audit log; it holds who did what and when, never survivor text."""

from typing import Any

from tortoise import fields
from tortoise.models import Model


class AuditEvent(Model):
    id = fields.IntField(primary_key=True)
    created_at = fields.DatetimeField()
    actor = fields.CharField(max_length=80)  # "staff:12", "survivor", "system"
    action = fields.CharField(max_length=64, db_index=True)  # dotted: "submission.claim"
    submission_id = fields.UUIDField(null=True, db_index=True)  # no FK: outlives a withdrawal
    from_state = fields.CharField(max_length=20, null=True)
    to_state = fields.CharField(max_length=20, null=True)
    data: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    prev_hash = fields.CharField(max_length=64)
    hash = fields.CharField(max_length=64, unique=True)

    class Meta:
        table = "audit_events"
        ordering = ["id"]
