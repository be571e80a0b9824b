"""Which stories each staff member opened, per day, with the content notes they carried then:
the moderator's own reading tally (moderator wellbeing). Ids, a date and note keys; no text."""

from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from stories_service.models.staff import Staff
from stories_service.models.submissions import Submission


class StoryRead(Model):
    id = fields.IntField(primary_key=True)
    staff: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff", related_name="story_reads", on_delete=fields.CASCADE
    )
    submission: fields.ForeignKeyRelation[Submission] = fields.ForeignKeyField(
        "models.Submission", related_name="reads", on_delete=fields.CASCADE
    )
    read_on = fields.DateField(db_index=True)  # the UTC day
    content_notes: fields.JSONField[list[str]] = fields.JSONField(default=list)
    read_at = fields.DatetimeField()
    staff_id: int
    submission_id: UUID

    class Meta:
        table = "story_reads"
        unique_together = (("staff", "submission", "read_on"),)
