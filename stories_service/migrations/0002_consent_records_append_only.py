"""Consent records are append-only: the database itself refuses any UPDATE of a record."""

from typing import Any

from tortoise import migrations
from tortoise.migrations import operations as ops

_SQLITE_UP = """
CREATE TRIGGER consent_records_append_only BEFORE UPDATE ON consent_records
BEGIN
    SELECT RAISE(ABORT, 'consent records are append-only');
END;
"""
_SQLITE_DOWN = "DROP TRIGGER IF EXISTS consent_records_append_only;"

_POSTGRES_UP = """
CREATE OR REPLACE FUNCTION consent_records_refuse_update() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'consent records are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER consent_records_append_only BEFORE UPDATE ON consent_records
    FOR EACH ROW EXECUTE FUNCTION consent_records_refuse_update();
"""
_POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS consent_records_append_only ON consent_records;
DROP FUNCTION IF EXISTS consent_records_refuse_update();
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
    dependencies = [("models", "0001_initial")]

    operations = [ops.RunPython(_forward, _backward)]
