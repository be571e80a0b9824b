"""What the public sees: published stories, tombstones, the change log, and the webhook outbox."""

from typing import Any
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from stories_service.models.submissions import Submission


class PublishedStory(Model):
    id = fields.IntField(primary_key=True)
    submission: fields.OneToOneNullableRelation[Submission] = fields.OneToOneField(
        "models.Submission", related_name="published", null=True, on_delete=fields.SET_NULL
    )
    slug = fields.CharField(max_length=64, unique=True)
    entry_id = fields.CharField(max_length=64, unique=True)  # stable feed id: "urn:uuid:…"
    state = fields.CharField(max_length=16, db_index=True)  # published|scheduled|unpublished
    title = fields.TextField()
    summary = fields.TextField()
    body_html = fields.TextField()
    # In clear only while the story is public (readers see it anyway); while it is scheduled the
    # name is kept in byline_enc instead, and an unpublished copy keeps none
    # (publishing/byline_at_rest.py).
    byline = fields.CharField(max_length=120, null=True)
    byline_enc = fields.BinaryField(null=True)
    language = fields.CharField(max_length=35, db_index=True)
    text_direction = fields.CharField(max_length=3, default="ltr")
    tags: fields.JSONField[list[str]] = fields.JSONField(default=list)
    content_notes: fields.JSONField[list[str]] = fields.JSONField(default=list)
    syndicate = fields.BooleanField(default=True)
    # Without the survivor's consent to search indexing the page says noindex.
    search_indexing = fields.BooleanField(default=False, db_default=False)
    revision_number = fields.IntField()
    publish_at = fields.DatetimeField(null=True, db_index=True)
    published_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField()
    # The foreign key's column, which Tortoise sets on every instance (declared for the types).
    submission_id: UUID | None

    class Meta:
        table = "published_stories"
        indexes = (("state", "published_at", "id"),)


class Tombstone(Model):
    # What remains of a withdrawn story: its public id and when it went. No text.

    id = fields.IntField(primary_key=True)
    slug = fields.CharField(max_length=64, unique=True)
    entry_id = fields.CharField(max_length=64)
    withdrawn_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "tombstones"


class PublicChange(Model):
    # One public change, in order (the change log consumers sync from): written in the same
    # transaction as the change, after the public change counter is bumped, so the counter row's
    # lock gives the ids in commit order. Ids and a coarse reason only, never text.

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=16)  # published|updated|removed
    slug = fields.CharField(max_length=64, db_index=True)
    entry_id = fields.CharField(max_length=64)
    # Removals only: withdrawn|unpublished|taken_down|consent_changed.
    reason = fields.CharField(max_length=24, null=True)
    changed_at = fields.DatetimeField()

    class Meta:
        table = "public_changes"


class WebhookEndpoint(Model):
    id = fields.IntField(primary_key=True)
    url = fields.CharField(max_length=2000)
    secret_enc = fields.BinaryField()
    events: fields.JSONField[list[str]] = fields.JSONField()
    active = fields.BooleanField(default=True, db_default=True)
    disabled_reason = fields.CharField(max_length=200, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "webhook_endpoints"


class OutboxEvent(Model):
    # An event written in the same transaction as the change it announces.

    id = fields.IntField(primary_key=True)
    event_id = fields.CharField(max_length=64, unique=True)  # the webhook-id, same on retries
    event_type = fields.CharField(max_length=40)
    payload: fields.JSONField[dict[str, Any]] = fields.JSONField()
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    dispatched_at = fields.DatetimeField(null=True, db_index=True)

    class Meta:
        table = "outbox_events"


class WebhookDelivery(Model):
    id = fields.IntField(primary_key=True)
    event: fields.ForeignKeyRelation[OutboxEvent] = fields.ForeignKeyField(
        "models.OutboxEvent", related_name="deliveries", on_delete=fields.CASCADE
    )
    endpoint: fields.ForeignKeyRelation[WebhookEndpoint] = fields.ForeignKeyField(
        "models.WebhookEndpoint", related_name="deliveries", on_delete=fields.CASCADE
    )
    status = fields.CharField(max_length=16, db_index=True)  # pending|delivered|failed
    attempts = fields.IntField(default=0, db_default=0)
    next_attempt_at = fields.DatetimeField(db_index=True)
    last_status_code = fields.IntField(null=True)
    last_error = fields.CharField(max_length=300, null=True)
    delivered_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "webhook_deliveries"
        unique_together = (("event", "endpoint"),)
