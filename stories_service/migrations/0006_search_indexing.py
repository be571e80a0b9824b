"""Consent v2 asks whether search engines may list the story: ``consent_records.search_indexing``
holds the answer (no for every record made under v1, which never asked), and
``published_stories.search_indexing`` carries it to the public page, which says ``noindex``
without it (issue 16 #5, issue 19)."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0005_story_reads')]

    initial = False

    operations = [
        ops.AddField(
            model_name='ConsentRecord',
            name='search_indexing',
            field=fields.BooleanField(default=False, db_default=False),
        ),
        ops.AddField(
            model_name='PublishedStory',
            name='search_indexing',
            field=fields.BooleanField(default=False, db_default=False),
        ),
    ]
