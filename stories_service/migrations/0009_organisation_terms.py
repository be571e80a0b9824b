"""The organisation's list of terms the redaction engine looks for in every story
(``organisation_terms``: the term, its kind and an optional note, each encrypted; a keyed hash
of the folded term for uniqueness; who added it and when). Issue 15 #4."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields


class Migration(migrations.Migration):
    dependencies = [('models', '0008_consent_records_rekeyable')]

    initial = False

    operations = [
        ops.CreateModel(
            name='OrganisationTerm',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('term_hash', fields.CharField(unique=True, max_length=64)),
                ('term_enc', fields.BinaryField()),
                ('kind_enc', fields.BinaryField()),
                ('note_enc', fields.BinaryField(null=True)),
                ('created_by_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'organisation_terms', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
