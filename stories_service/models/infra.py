"""Tables that let several workers and hosts share state: throttles, idempotency, leases."""

from tortoise import fields
from tortoise.models import Model


class ThrottleBucket(Model):
    # A fixed-window counter; the key is a keyed hash, never a raw IP address.

    key = fields.CharField(max_length=96, primary_key=True)
    window_start = fields.BigIntField()
    count = fields.IntField()

    class Meta:
        table = "throttle_buckets"


class IdempotencyRecord(Model):
    # The first answer to a request sent with an Idempotency-Key, encrypted, kept for a day.

    key_hash = fields.CharField(max_length=64, primary_key=True)
    request_hash = fields.CharField(max_length=64)
    status_code = fields.IntField()
    response_enc = fields.BinaryField()
    expires_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "idempotency_records"


class JobLease(Model):
    # Who runs a periodic job now, so that several workers run it once.

    name = fields.CharField(max_length=64, primary_key=True)
    holder = fields.CharField(max_length=64)
    expires_at = fields.DatetimeField()

    class Meta:
        table = "job_leases"


class ChangeCounter(Model):
    # Bumped on every public change; workers poll it to drop their page caches.

    name = fields.CharField(max_length=32, primary_key=True)
    value = fields.BigIntField(default=0, db_default=0)

    class Meta:
        table = "change_counters"
