"""The change log consumers sync from (``public_changes``: ids, kind, time and a coarse removal
reason; never text), written in the same transaction as each public change (issue 16 #1).

The log starts with what is public now: a removal (``withdrawn``) for every tombstone, then a
``published`` change for every syndicated public story in publication order, so a consumer that
starts from the beginning ends with the same stories as the feeds."""

from typing import Any

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

_BACKFILL = """
INSERT INTO public_changes (kind, slug, entry_id, reason, changed_at)
SELECT 'removed', slug, entry_id, 'withdrawn', withdrawn_at FROM tombstones
ORDER BY withdrawn_at, id;
INSERT INTO public_changes (kind, slug, entry_id, reason, changed_at)
SELECT 'published', slug, entry_id, NULL, updated_at FROM published_stories
WHERE state = 'published' AND syndicate
ORDER BY published_at, id;
"""


async def _backfill(apps: Any, schema_editor: Any) -> None:
    await schema_editor.client.execute_script(_BACKFILL)


async def _nothing(apps: Any, schema_editor: Any) -> None:
    return None


class Migration(migrations.Migration):
    dependencies = [('models', '0006_search_indexing')]

    initial = False

    operations = [
        ops.CreateModel(
            name='PublicChange',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('kind', fields.CharField(max_length=16)),
                ('slug', fields.CharField(db_index=True, max_length=64)),
                ('entry_id', fields.CharField(max_length=64)),
                ('reason', fields.CharField(null=True, max_length=24)),
                ('changed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'public_changes', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.RunPython(_backfill, _nothing),
    ]
