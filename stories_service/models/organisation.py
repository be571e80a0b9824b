"""The organisation's list of terms the redaction engine looks for in every story (issue 15 #4)."""

from tortoise import fields
from tortoise.models import Model


class OrganisationTerm(Model):
    # The term, its kind and the note are encrypted (``crypto.column_context`` of this row);
    # ``term_hash`` is a keyed hash of the folded term, so the same term cannot be listed twice
    # and the clear text is in no column.

    id = fields.IntField(primary_key=True)
    term_hash = fields.CharField(max_length=64, unique=True)
    term_enc = fields.BinaryField()
    kind_enc = fields.BinaryField()
    note_enc = fields.BinaryField(null=True)
    created_by_id = fields.IntField(null=True)  # staff id; no FK: the term outlives the account
    created_at = fields.DatetimeField()

    class Meta:
        table = "organisation_terms"
