"""Console sessions become rows (``staff_sessions``: the token's SHA-256, the staff id, when the
session began and when it was last seen), so that logout, a role change, deactivation and the
idle timeout end a session on every worker at once; the account-wide ``session_epoch`` they
replace goes (issue 14 #2)."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

from stories_service.migrations._operations import DropColumn


class Migration(migrations.Migration):
    dependencies = [("models", "0002_consent_records_append_only")]

    initial = False

    operations = [
        ops.CreateModel(
            name="StaffSession",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "staff",
                    fields.ForeignKeyField(
                        "models.Staff",
                        source_field="staff_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="sessions",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("token_hash", fields.CharField(unique=True, max_length=64)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                (
                    "last_seen_at",
                    fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False),
                ),
            ],
            options={"table": "staff_sessions", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        DropColumn(model_name="Staff", name="session_epoch"),
    ]
