"""Consent records stay append-only, but their ciphertext may be sealed again under a new key
(``stories-service rekey``, issue 18 #5).

The trigger of 0002 refused every UPDATE; it now refuses any UPDATE that changes anything but
``display_name_enc`` and ``attestation_enc``, or that empties or fills either. What the survivor
consented to cannot change: the values are authenticated ciphertext bound to their record, so
only the same text, sealed again, opens where the old one did. Downgrading puts 0002's trigger
back.
"""

from typing import Any

from tortoise import migrations
from tortoise.migrations import operations as ops

# Every column but the two sealed ones (SQLite compares rows column by column).
_KEPT_COLUMNS = (
    "id",
    "submission_id",
    "created_at",
    "publish",
    "attribution",
    "review_before_publish",
    "syndicate",
    "search_indexing",
    "languages",
    "wording_version",
    "wording_language",
    "wording_hash",
    "recorded_by",
    "recorded_by_staff_id",
)
_SEALED = ("display_name_enc", "attestation_enc")

_SQLITE_UP = (
    "DROP TRIGGER IF EXISTS consent_records_append_only;\n"
    "CREATE TRIGGER consent_records_append_only BEFORE UPDATE ON consent_records\n"
    "WHEN "
    + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _KEPT_COLUMNS)
    + " OR "
    + " OR ".join(f"(NEW.{c} IS NULL) <> (OLD.{c} IS NULL)" for c in _SEALED)
    + "\nBEGIN\n    SELECT RAISE(ABORT, 'consent records are append-only');\nEND;\n"
)
_SQLITE_DOWN = """
DROP TRIGGER IF EXISTS consent_records_append_only;
CREATE TRIGGER consent_records_append_only BEFORE UPDATE ON consent_records
BEGIN
    SELECT RAISE(ABORT, 'consent records are append-only');
END;
"""

_POSTGRES_UP = """
CREATE OR REPLACE FUNCTION consent_records_refuse_update() RETURNS trigger AS $$
BEGIN
    IF (to_jsonb(NEW) - 'display_name_enc' - 'attestation_enc')
           IS DISTINCT FROM (to_jsonb(OLD) - 'display_name_enc' - 'attestation_enc')
       OR (NEW.display_name_enc IS NULL) <> (OLD.display_name_enc IS NULL)
       OR (NEW.attestation_enc IS NULL) <> (OLD.attestation_enc IS NULL) THEN
        RAISE EXCEPTION 'consent records are append-only';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""
_POSTGRES_DOWN = """
CREATE OR REPLACE FUNCTION consent_records_refuse_update() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'consent records are append-only';
END;
$$ LANGUAGE plpgsql;
"""


async def _forward(apps: Any, schema_editor: Any) -> None:
    client = schema_editor.client
    sql = _POSTGRES_UP if client.capabilities.dialect == "postgres" else _SQLITE_UP
    await client.execute_script(sql)


async def _backward(apps: Any, schema_editor: Any) -> None:
    client = schema_editor.client
    sql = _POSTGRES_DOWN if client.capabilities.dialect == "postgres" else _SQLITE_DOWN
    await client.execute_script(sql)


class Migration(migrations.Migration):
    dependencies = [("models", "0007_public_changes")]

    operations = [ops.RunPython(_forward, _backward)]
