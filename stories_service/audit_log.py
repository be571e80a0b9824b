"""Appending to and verifying the audit log (the stored side of ``moderation.audit_chain``).

Call ``append_audit_event`` inside the transaction that makes the change it records. Appends are
serialised (a PostgreSQL advisory lock; SQLite has a single writer) so the chain never forks.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from moderation.audit_chain import GENESIS_HASH, ChainLink, event_hash, first_broken_link
from stories_service.models import AuditEvent

_AUDIT_LOCK_KEY = 7_051_990_001
_MAX_EVENT_ID = 2**31 - 1  # the id column is a 32-bit integer on PostgreSQL


async def _lock_chain(connection: BaseDBAsyncClient) -> None:
    if connection.capabilities.dialect == "postgres":
        await connection.execute_query("SELECT pg_advisory_xact_lock($1)", [_AUDIT_LOCK_KEY])


async def append_audit_event(
    connection: BaseDBAsyncClient,
    *,
    actor: str,
    action: str,
    submission_id: UUID | str | None = None,
    from_state: str | None = None,
    to_state: str | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event; ``data`` must never hold survivor text (ids, states, kinds, counts)."""
    await _lock_chain(connection)
    # Only the newest hash, not the whole event; first() with a flat values_list is one value.
    newest = AuditEvent.all().using_db(connection).order_by("-id").first()
    last_hash: str | None = await newest.values_list("hash", flat=True)  # type: ignore[assignment]
    prev_hash = last_hash if last_hash is not None else GENESIS_HASH
    created_at = datetime.now(UTC)
    sub_id = str(submission_id) if submission_id is not None else None
    payload = data or {}
    digest = event_hash(
        prev_hash,
        created_at=created_at,
        actor=actor,
        action=action,
        submission_id=sub_id,
        from_state=from_state,
        to_state=to_state,
        data=payload,
    )
    return await AuditEvent.create(
        using_db=connection,
        created_at=created_at,
        actor=actor,
        action=action,
        submission_id=sub_id,
        from_state=from_state,
        to_state=to_state,
        data=payload,
        prev_hash=prev_hash,
        hash=digest,
    )


async def recent_audit_events(
    *, limit: int, submission_id: UUID | None = None, before: int | None = None
) -> list[AuditEvent]:
    """Newest first: at most ``limit`` events, of one submission if given, older than ``before``."""
    query = AuditEvent.all()
    if submission_id is not None:
        query = query.filter(submission_id=submission_id)
    if before is not None and before <= _MAX_EVENT_ID:  # every id is below a larger one
        query = query.filter(id__lt=before)
    return await query.order_by("-id").limit(limit)


async def verify_audit_chain() -> tuple[int, tuple[int, str] | None]:
    """Check the whole chain; returns (events checked, first broken (id, reason) or None)."""
    count = 0
    links = []
    async for event in AuditEvent.all().order_by("id"):
        count += 1
        links.append(
            ChainLink(
                id=event.id,
                created_at=event.created_at,
                actor=event.actor,
                action=event.action,
                submission_id=str(event.submission_id) if event.submission_id else None,
                from_state=event.from_state,
                to_state=event.to_state,
                data=event.data,
                prev_hash=event.prev_hash,
                hash=event.hash,
            )
        )
    return count, first_broken_link(links)
