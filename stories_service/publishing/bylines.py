"""A survivor's new name on a public story waits for an editor: which changes wait, and the
editor's confirmation.

``apply_consent_to_public_story`` (publisher) keeps a public story's byline when the survivor
asks for a new name (``moderation.consent.byline_to_show``); the name goes public when an
editor publishes the story again or confirms it here. Becoming anonymous never waits.
Nothing is stored for this: a change waits while the public copy's byline differs from the
name the newest consent record allows.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation.consent import check_byline
from moderation.states import StaffRole
from moderation.workflow import Actor, IllegalTransition, NotAllowed, NotFound
from stories_service.audit_log import append_audit_event
from stories_service.crypto import DecryptionError, FieldCipher
from stories_service.models import ConsentRecord, PublishedStory
from stories_service.moderating.consent import consented_byline
from stories_service.moderating.consent import newest_consent as consent_in_force
from stories_service.moderating.revisions import never_appear_terms
from stories_service.moderating.transitions import load_submission
from stories_service.publishing.byline_at_rest import byline_columns, held_byline
from stories_service.publishing.change_log import record_change
from stories_service.publishing.changes import bump_public_change, drop_local_caches
from stories_service.publishing.material import consent_byline, newest_consent
from stories_service.publishing.outbox import enqueue_event
from stories_service.publishing.publisher import PUBLIC_STATES, event_ids


@dataclass(frozen=True, slots=True)
class PendingByline:
    """A public story whose survivor asked for a name it does not show yet."""

    submission_id: uuid.UUID
    slug: str
    title: str
    shown: str | None  # what readers see now (None: no name)
    asked: str  # the name the survivor chose


def _pending(
    story: PublishedStory, record: ConsentRecord, cipher: FieldCipher
) -> PendingByline | None:
    try:
        asked = consented_byline(record, cipher)
    except DecryptionError:
        return None  # publication refuses such a record too (consent_unreadable)
    try:
        shown = held_byline(cipher, story)
    except DecryptionError:
        return None
    if asked is None or asked == shown or story.submission_id is None:
        return None
    return PendingByline(story.submission_id, story.slug, story.title, shown, asked)


async def pending_byline(
    submission_id: uuid.UUID | str, cipher: FieldCipher
) -> PendingByline | None:
    """The new name waiting for an editor on this submission's public story, if any."""
    story = await PublishedStory.filter(
        submission_id=submission_id, state__in=PUBLIC_STATES
    ).first()
    record = await consent_in_force(submission_id) if story is not None else None
    if story is None or record is None:
        return None
    return _pending(story, record, cipher)


async def pending_bylines(cipher: FieldCipher) -> list[PendingByline]:
    """Every public story with a new name waiting for an editor, oldest story first.

    A story whose submission has a single consent record cannot have one (an editor published
    it under that record), so only the names of survivors who changed attribution are read.
    """
    stories = {
        s.submission_id: s
        for s in await PublishedStory.filter(state__in=PUBLIC_STATES).order_by("id")
        if s.submission_id is not None
    }
    # cast: tortoise types values_list() rows as tuples of Any.
    rows = cast(
        "list[tuple[uuid.UUID, int]]",
        await ConsentRecord.filter(submission_id__in=list(stories))
        .order_by("id")
        .values_list("submission_id", "id"),
    )
    records = Counter(submission_id for submission_id, _ in rows)
    newest = {submission_id: record_id for submission_id, record_id in rows}
    changed = [newest[s] for s, count in records.items() if count > 1]
    found = (
        _pending(stories[r.submission_id], r, cipher)
        for r in await ConsentRecord.filter(id__in=changed)
    )
    return sorted((p for p in found if p is not None), key=lambda p: stories[p.submission_id].id)


async def _lock_public_story(
    connection: BaseDBAsyncClient, submission_id: uuid.UUID
) -> PublishedStory | None:
    return (
        await PublishedStory.filter(submission_id=submission_id, state__in=PUBLIC_STATES)
        .using_db(connection)
        .select_for_update()
        .first()
    )


async def confirm_byline(
    submission_id: uuid.UUID | str, actor: Actor, cipher: FieldCipher
) -> PublishedStory:
    """An editor puts the survivor's new name on the public story (page, feeds, a
    ``story.updated`` event), after the leak guard's byline check. Audited without the name."""
    if not actor.has_role(StaffRole.EDITOR):
        raise NotAllowed("Only an editor can confirm a new byline.")
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        story = await _lock_public_story(connection, submission.id)
        if story is None:
            raise NotFound("This submission has no public story.")
        consent = await newest_consent(connection, submission)
        byline = consent_byline(consent, cipher)
        if byline == held_byline(cipher, story):
            raise IllegalTransition("No new byline is waiting for an editor on this story.")
        check_byline(byline, never_appear_terms(submission, cipher))
        now = datetime.now(UTC)
        stored = byline_columns(cipher, story.slug, story.state, byline)
        await (
            PublishedStory.filter(id=story.id).using_db(connection).update(**stored, updated_at=now)
        )
        story.byline, story.byline_enc, story.updated_at = (
            stored["byline"],
            stored["byline_enc"],
            now,
        )
        if story.state == "published":
            if story.syndicate:
                await record_change(
                    connection, "updated", slug=story.slug, entry_id=story.entry_id, at=now
                )
            else:
                await bump_public_change(connection)
            await enqueue_event(connection, "story.updated", event_ids(story))
        # No state change: from/to stay empty, like the audited reads of an original.
        await append_audit_event(
            connection,
            actor=actor.audit_name,
            action="story.byline_confirmed",
            submission_id=submission.id,
            data={"slug": story.slug, "consent_record": consent.id},
        )
    drop_local_caches()
    return story
