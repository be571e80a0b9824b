"""Publishing a story: from the newest approved revision, under the newest consent record.

``publish_submission`` publishes now or schedules, ``publish_due_stories`` is the scheduler's
step, ``unpublish_story`` takes a story down. Each runs in one transaction that changes the
submission through ``moderation.workflow.transition``, materialises the ``PublishedStory``, bumps
the public change counter and writes the webhook event to the outbox.
"""

from __future__ import annotations

import base64
import logging
import secrets
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal, cast

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation.approval import reason_fingerprint
from moderation.consent import byline_to_show, language_consented
from moderation.states import SubmissionState
from moderation.workflow import Actor, IllegalTransition, NotFound, WorkflowError, check_transition
from stories_service.crypto import FieldCipher
from stories_service.i18n.language_tags import text_direction
from stories_service.models import AuditEvent, PublishedStory, Submission
from stories_service.moderating.approval import seal_override_reason
from stories_service.moderating.organisation_terms import organisation_list
from stories_service.moderating.transitions import (
    apply_transition,
    load_submission,
    transition,
)
from stories_service.publishing.byline_at_rest import byline_columns, held_byline
from stories_service.publishing.change_log import ChangeKind, RemovalReason, record_change
from stories_service.publishing.changes import bump_public_change, drop_local_caches
from stories_service.publishing.material import (
    Material,
    PublishRefused,
    consent_byline,
    gather_material,
    material_findings,
    newest_consent,
)
from stories_service.publishing.outbox import enqueue_event
from stories_service.publishing.queries import StoryRow, story_by_slug
from stories_service.publishing.representation import public_story
from stories_service.redaction_warm_up import engine_ready
from stories_service.timefmt import rfc3339

log = logging.getLogger("stories_service.publishing")
PUBLIC_STATES = ("published", "scheduled")
# What a consent change did to the public story's byline: shown now ("applied": anonymous, or
# the name it already showed), kept until an editor confirms the new name ("awaiting_editor"),
# or nothing yet because no copy is public ("at_publication": an editor publishes it).
BylineOutcome = Literal["applied", "awaiting_editor", "at_publication"]


@dataclass(frozen=True, slots=True)
class PublishOutcome:
    status: str  # "published" | "scheduled"
    slug: str
    story: PublishedStory
    publish_at: datetime | None = None


def new_slug() -> str:
    """10 random base32 characters (50 bits): stable once given, and says nothing about anyone."""
    return base64.b32encode(secrets.token_bytes(10)).decode("ascii")[:10].lower()


def new_entry_id() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def _story_url(base_url: str | None, slug: str) -> str | None:
    return f"{base_url}/stories/{slug}" if base_url else None


def event_data(story: StoryRow, base_url: str | None) -> dict[str, Any]:
    """Webhook data: the public story if syndication was consented to, else only its ids."""
    url = _story_url(base_url, story.slug)
    if story.syndicate:
        return public_story(story, url)
    return {
        "id": story.entry_id,
        "slug": story.slug,
        **({"url": url} if url else {}),
        "syndicate": False,
    }


async def _materialise(
    connection: BaseDBAsyncClient,
    submission: Submission,
    material: Material,
    cipher: FieldCipher,
    *,
    state: str,
    now: datetime,
    publish_at: datetime | None,
) -> tuple[PublishedStory, bool]:
    """Create or refresh the public row; returns it and whether it was already public."""
    columns: dict[str, Any] = {
        "title": material.title,
        "summary": material.summary,
        "body_html": material.body_html,
        "language": material.language,
        "text_direction": text_direction(material.language),
        "tags": material.tags,
        "content_notes": material.content_notes,
        "syndicate": material.syndicate,
        "search_indexing": material.search_indexing,
        "revision_number": material.revision_number,
        "publish_at": publish_at,
        "updated_at": now,
        "state": state,
    }
    story = (
        await PublishedStory.filter(submission_id=submission.id)
        .using_db(connection)
        .select_for_update()
        .first()
    )
    if story is None:
        slug = new_slug()
        story = await PublishedStory.create(
            using_db=connection,
            submission_id=submission.id,
            slug=slug,
            entry_id=new_entry_id(),
            published_at=now if state == "published" else None,
            **columns,
            **byline_columns(cipher, slug, state, material.byline),
        )
        return story, False
    columns.update(byline_columns(cipher, story.slug, state, material.byline))
    was_public = story.state == "published"
    if state == "published" and not was_public:
        # Newly (re)published: it sorts as new, so readers paging the archive do not miss it.
        columns["published_at"] = now
    await PublishedStory.filter(id=story.id).using_db(connection).update(**columns)
    for name, value in columns.items():
        setattr(story, name, value)
    return story, was_public


async def publish_submission(
    submission_id: uuid.UUID | str,
    actor: Actor,
    cipher: FieldCipher,
    base_url: str,
    *,
    at: datetime | None = None,
    override_reason: str | None = None,
    now: datetime | None = None,
) -> PublishOutcome:
    """Publish now (or schedule when ``at`` is in the future), behind the leak guard."""
    await engine_ready()  # before the transaction: the guard below runs inside it
    now = now or datetime.now(UTC)
    schedule = at is not None and at > now
    action = "schedule" if schedule else "publish"
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        rule = check_transition(submission, action, actor)
        material = await gather_material(connection, submission, cipher)
        listed = await organisation_list(cipher, connection)
        findings = material_findings(material, submission, cipher, organisation_list=listed)
        reason = (override_reason or "").strip()
        # An editor's override at approval covers the same approved text at publication.
        carried = bool(findings and not reason and submission.leak_override_reason)
        if findings and not reason and not carried:
            raise PublishRefused(
                "The text still contains details that could identify someone. Redact them, "
                "or give an override reason.",
                "leak_guard",
                extra={"findings": findings},
            )
        audit: dict[str, Any] = {
            "revision": material.revision_number,
            "leak_guard_findings": len(findings),
            "leak_guard_override": bool(findings),
            "finding_kinds": sorted({f["kind"] for f in findings}),
        }
        updates: dict[str, Any] = {"publish_at": at if schedule else None}
        if findings and reason:
            # The reason may quote the flagged words: stored sealed, audited as a fingerprint.
            updates["leak_override_reason"] = seal_override_reason(cipher, submission.id, reason)
            audit["override_reason_sha256"] = reason_fingerprint(reason)
        elif carried:
            audit["override_from_approval"] = True
        state = "scheduled" if schedule else "published"
        live = await _lock_story(connection, submission.id)
        if schedule and live is not None and live.state == "published":
            # An update scheduled for later: the live text stays up until the due time, when
            # the scheduler materialises the new revision and announces story.updated.
            story, was_public = live, True
        else:
            story, was_public = await _materialise(
                connection, submission, material, cipher, state=state, now=now, publish_at=at
            )
        audit["slug"] = story.slug
        await apply_transition(
            connection, submission, rule, actor, updates=updates, audit_data=audit
        )
        if not schedule:
            await _announce(
                connection, story, "story.updated" if was_public else "story.published", base_url
            )
    if not schedule:
        drop_local_caches()  # again after the commit: a render racing it may have kept old text
    return PublishOutcome(state, story.slug, story, at if schedule else None)


async def _announce(
    connection: BaseDBAsyncClient,
    story: PublishedStory,
    event_type: str,
    base_url: str | None,
    *,
    log_kind: ChangeKind | None = None,
) -> None:
    """Bump the counter, log the change and queue the event. The outbox keeps only ids: the
    delivery builds the data from the story as it is when sent (a byline or syndication change
    made while a receiver was down must not be delivered in its old form). The change log
    lists syndicated stories only (what the feeds and the JSON API show)."""
    if story.syndicate:
        kind: ChangeKind = log_kind or (
            "published" if event_type == "story.published" else "updated"
        )
        await record_change(
            connection, kind, slug=story.slug, entry_id=story.entry_id, at=story.updated_at
        )
    else:
        await bump_public_change(connection)
    await enqueue_event(connection, event_type, event_ids(story))


def event_ids(story: PublishedStory) -> dict[str, Any]:
    """What the outbox stores for story.published/story.updated: ids and the time, no text."""
    return {"id": story.entry_id, "slug": story.slug, "updated_at": rfc3339(story.updated_at)}


async def event_data_at_send(
    event_type: str, stored: dict[str, Any], base_url: str | None
) -> dict[str, Any] | None:
    """The webhook data of a queued event, built now; None when it must not be sent.

    story.published/story.updated are built from the current public story (byline, syndication
    and text as they are now) and dropped when the story is no longer public; the events that
    take a story down carry only ids and go as stored.
    """
    if event_type not in ("story.published", "story.updated"):
        return stored
    story = await story_by_slug(str(stored.get("slug") or ""))
    if story is None:  # no longer published
        return None
    return event_data(story, base_url)


async def publish_due_stories(
    cipher: FieldCipher, base_url: str, *, now: datetime | None = None
) -> list[str]:
    """Publish every scheduled story whose time has come; returns their slugs.

    Safe with several workers and hosts: each story moves scheduled → published through a
    conditional UPDATE in its own transaction, so a second runner finds nothing to move.
    """
    now = now or datetime.now(UTC)
    # cast: tortoise types values_list() as tuples even with flat=True.
    due = cast(
        "list[uuid.UUID]",
        await Submission.filter(state=SubmissionState.SCHEDULED, publish_at__lte=now).values_list(
            "id", flat=True
        ),
    )
    published = []
    if due:
        await engine_ready()  # before the transactions: the guard runs inside each
    for submission_id in due:
        try:
            slug = await _publish_one_due(submission_id, cipher, base_url, now)
        except IllegalTransition:
            continue  # another worker or host published it first
        except WorkflowError as error:
            # Refused (consent changed, leak guard): not retried forever, back to an editor.
            log.warning("scheduled story %s not published: %s", submission_id, error.code)
            await _return_to_editor(submission_id, error)
            continue
        except Exception as error:  # one bad row must not stop the others
            log.warning("scheduled story %s failed: %s", submission_id, type(error).__name__)
            continue
        if slug:
            published.append(slug)
    if published:
        drop_local_caches()
    return published


SCHEDULE_FAILED = "submission.schedule_failed"


async def _return_to_editor(submission_id: uuid.UUID, error: WorkflowError) -> None:
    """A scheduled story refused at its due time goes back to ``approved``, audited with the
    reason code (no text), so an editor sees it instead of the scheduler retrying forever."""
    audit: dict[str, Any] = {"reason": str(getattr(error, "code", "refused"))}
    findings = error.extra.get("findings")
    if isinstance(findings, list):
        audit["leak_guard_findings"] = len(findings)
        audit["finding_kinds"] = sorted({str(f.get("kind")) for f in findings})
    try:
        async with in_transaction() as connection:
            submission = await load_submission(connection, submission_id, lock=True)
            if submission.state != SubmissionState.SCHEDULED:
                return
            await transition(
                connection,
                submission,
                "schedule_failed",
                Actor.system(),
                updates={"publish_at": None},
                audit_data=audit,
            )
    except WorkflowError:
        return  # someone else moved it meanwhile


async def scheduled_publication_failure(submission: Submission) -> str | None:
    """The reason code when an approved story is back because its scheduled publication was
    refused (for the console); None otherwise."""
    if submission.state != SubmissionState.APPROVED:
        return None
    # The newest state change (reads of the original are audited too, but change nothing).
    newest = (
        await AuditEvent.filter(submission_id=submission.id, to_state__isnull=False)
        .order_by("-id")
        .first()
    )
    if newest is None or newest.action != SCHEDULE_FAILED:
        return None
    return str((newest.data or {}).get("reason") or "refused")


async def _publish_one_due(
    submission_id: uuid.UUID, cipher: FieldCipher, base_url: str, now: datetime
) -> str | None:
    async with in_transaction() as connection:
        submission = await load_submission(connection, submission_id, lock=True)
        if submission.state != SubmissionState.SCHEDULED:
            return None
        material = await gather_material(connection, submission, cipher)
        held = await _lock_story(connection, submission.id)
        if held is not None and held.state in PUBLIC_STATES:
            # The scheduler is no editor: a new name given since the editor scheduled waits.
            shown = held_byline(cipher, held)
            material = replace(material, byline=byline_to_show(material.byline, shown))
        listed = await organisation_list(cipher, connection)
        findings = material_findings(material, submission, cipher, organisation_list=listed)
        if findings and not submission.leak_override_reason:
            raise PublishRefused(
                "The text still contains details that could identify someone.",
                "leak_guard",
                extra={"findings": findings},
            )
        story, was_public = await _materialise(
            connection, submission, material, cipher, state="published", now=now, publish_at=None
        )
        await transition(
            connection,
            submission,
            "publish_due",
            Actor.system(),
            updates={"publish_at": None},
            audit_data={"slug": story.slug, "revision": material.revision_number},
        )
        await _announce(
            connection, story, "story.updated" if was_public else "story.published", base_url
        )
        return story.slug


async def unpublish_story(slug: str, actor: Actor, base_url: str) -> PublishedStory:
    """Take a public story down from the site and the feeds.

    Decided on the public copy, not the submission: a story whose new revision is under way
    (in review, awaiting consent, ready, approved) is still public and can be taken down.
    Locks the submission first, then the story (the order every writer keeps).
    """
    # cast: tortoise types values_list() as tuples even with flat=True.
    found = cast(
        "list[uuid.UUID | None]",
        await PublishedStory.filter(slug=slug).values_list("submission_id", flat=True),
    )
    if not found or found[0] is None:
        raise NotFound("There is no such story.")
    async with in_transaction() as connection:
        submission = await load_submission(connection, found[0], lock=True)
        story = await _lock_story(connection, submission.id)
        if story is None or story.slug != slug:
            raise NotFound("There is no such story.")
        if story.state not in PUBLIC_STATES:
            raise IllegalTransition(
                f"Cannot unpublish: the story is {story.state}.", extra={"state": story.state}
            )
        await transition(
            connection,
            submission,
            "unpublish",
            actor,
            updates={
                "publish_at": None,
                "claimed_by_id": None,
                "claimed_at": None,
                "claim_touched_at": None,
            },
            audit_data={"slug": story.slug},
        )
        await _take_down(connection, story, reason="unpublished")
    drop_local_caches()
    return story


async def _lock_story(
    connection: BaseDBAsyncClient, submission_id: uuid.UUID | str
) -> PublishedStory | None:
    return (
        await PublishedStory.filter(submission_id=submission_id)
        .using_db(connection)
        .select_for_update()
        .first()
    )


async def _take_down(
    connection: BaseDBAsyncClient,
    story: PublishedStory,
    *,
    reason: RemovalReason,
    event_type: str = "story.unpublished",
) -> bool:
    """Mark the public copy unpublished; announce it and log the removal (with its coarse
    ``reason``) if readers could see it. True if they could."""
    now = datetime.now(UTC)
    was_public = story.state == "published"
    # An unpublished copy keeps no name (publishing again takes it from the consent record).
    await (
        PublishedStory.filter(id=story.id)
        .using_db(connection)
        .update(state="unpublished", updated_at=now, publish_at=None, byline=None, byline_enc=None)
    )
    story.state, story.updated_at, story.publish_at = "unpublished", now, None
    story.byline, story.byline_enc = None, None
    if was_public:
        await record_change(
            connection, "removed", slug=story.slug, entry_id=story.entry_id, at=now, reason=reason
        )
        await enqueue_event(
            connection,
            event_type,
            {"id": story.entry_id, "slug": story.slug, "unpublished_at": rfc3339(now)},
        )
    return was_public


async def take_down_public_copy(
    connection: BaseDBAsyncClient, submission_id: uuid.UUID | str
) -> bool:
    """Take down the public copy of a submission that has just ended (rejected…), if any.

    Call inside the transaction that made the terminal transition, with the submission already
    locked. Returns True when a story readers could see was taken down (call
    ``drop_local_caches()`` after the commit).
    """
    story = await _lock_story(connection, submission_id)
    if story is None or story.state not in PUBLIC_STATES:
        return False
    return await _take_down(connection, story, reason="taken_down")


async def apply_consent_to_public_story(
    connection: BaseDBAsyncClient, submission_id: uuid.UUID | str, cipher: FieldCipher
) -> BylineOutcome:
    """Give a public story the syndication and search indexing of the newest consent record at
    once, and its byline as far as ``byline_to_show`` allows without an editor (anonymity at
    once; a new name waits for an editor's confirmation, ``publishing.bylines.confirm_byline``,
    or the next publication).

    A consent record that no longer covers publication in the story's language (or at all)
    takes the public copy down at once, logged as a removal for ``consent_changed``; one that
    ends syndication logs the story's removal from the feeds and the JSON API the same way.

    Call in the transaction that appends the consent record.
    """
    story = await _lock_story(connection, submission_id)
    if story is None or story.state not in PUBLIC_STATES:
        return "at_publication"
    submission = await load_submission(connection, submission_id)
    consent = await newest_consent(connection, submission)
    if not consent.publish or not language_consented(story.language, list(consent.languages or [])):
        await _take_down(connection, story, reason="consent_changed")
        return "at_publication"
    consented = consent_byline(consent, cipher)
    shown = held_byline(cipher, story)
    byline = byline_to_show(consented, shown)
    syndicate = bool(consent.syndicate)
    indexing = bool(consent.search_indexing)
    outcome: BylineOutcome = "applied" if byline == consented else "awaiting_editor"
    if (shown, story.syndicate, story.search_indexing) == (byline, syndicate, indexing):
        return outcome
    now = datetime.now(UTC)
    was_syndicated = story.syndicate
    stored = byline_columns(cipher, story.slug, story.state, byline)
    await (
        PublishedStory.filter(id=story.id)
        .using_db(connection)
        .update(**stored, syndicate=syndicate, search_indexing=indexing, updated_at=now)
    )
    story.byline, story.byline_enc = stored["byline"], stored["byline_enc"]
    story.syndicate, story.updated_at = syndicate, now
    story.search_indexing = indexing
    if story.state == "published" and was_syndicated and not syndicate:
        # Gone from the feeds and the JSON API: a removal in the change log; the webhook still
        # says story.updated (with syndicate false), as it always has.
        await record_change(
            connection,
            "removed",
            slug=story.slug,
            entry_id=story.entry_id,
            at=now,
            reason="consent_changed",
        )
        await enqueue_event(connection, "story.updated", event_ids(story))
    elif story.state == "published":
        # No base URL here: receivers find the story by its id and slug.
        await _announce(
            connection,
            story,
            "story.updated",
            None,
            log_kind=None if was_syndicated else "published",
        )
    return outcome
