"""Which stories each staff member opened per day, with the content notes they carried then
(``story_reads``: staff id, submission id, the UTC day, note keys; never text), for each
moderator's own reading tally and the daily limit on severe content notes (issue 17)."""

from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0004_encrypt_staff_text_at_rest')]

    initial = False

    operations = [
        ops.CreateModel(
            name='StoryRead',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('staff', fields.ForeignKeyField('models.Staff', source_field='staff_id', db_constraint=True, to_field='id', related_name='story_reads', on_delete=OnDelete.CASCADE)),
                ('submission', fields.ForeignKeyField('models.Submission', source_field='submission_id', db_constraint=True, to_field='id', related_name='reads', on_delete=OnDelete.CASCADE)),
                ('read_on', fields.DateField(db_index=True)),
                ('content_notes', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('read_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'story_reads', 'app': 'models', 'unique_together': (('staff', 'submission', 'read_on'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
