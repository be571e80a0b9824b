"""Staff accounts, their API tokens and their console sessions."""

from tortoise import fields
from tortoise.models import Model

from moderation.states import StaffRole


class Staff(Model):
    id = fields.IntField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)
    password_hash = fields.CharField(max_length=255, null=True)
    role = fields.CharEnumField(StaffRole, max_length=16)
    active = fields.BooleanField(default=True, db_default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_login_at = fields.DatetimeField(null=True)

    class Meta:
        table = "staff"


class ApiToken(Model):
    id = fields.IntField(primary_key=True)
    staff: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff", related_name="api_tokens", on_delete=fields.CASCADE
    )
    # SHA-256 of the token: tokens carry 256 random bits, so a keyed slow hash adds nothing.
    token_hash = fields.CharField(max_length=64, unique=True)
    prefix = fields.CharField(max_length=12)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_tokens"


class StaffSession(Model):
    # One console session. The cookie carries a random token; this row only its SHA-256 (256
    # random bits: a keyed slow hash adds nothing). Every worker and host reads these rows, so
    # deleting one ends that session everywhere at once (staff/sessions.py says when).

    id = fields.IntField(primary_key=True)
    staff: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff", related_name="sessions", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField()
    # Written at most once a minute (not on every request): the idle timeout's clock.
    last_seen_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "staff_sessions"
