"""The audit log's hash chain: each event's hash covers the previous hash and the event."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64


@dataclass(frozen=True, slots=True)
class ChainLink:
    """The hashed content of one audit event."""

    id: int
    created_at: datetime
    actor: str
    action: str
    submission_id: str | None
    from_state: str | None
    to_state: str | None
    data: dict[str, Any]
    prev_hash: str
    hash: str


def event_hash(
    prev_hash: str,
    *,
    created_at: datetime,
    actor: str,
    action: str,
    submission_id: str | None,
    from_state: str | None,
    to_state: str | None,
    data: dict[str, Any],
) -> str:
    canonical = json.dumps(
        {
            "prev": prev_hash,
            "at": created_at.isoformat(timespec="microseconds"),
            "actor": actor,
            "action": action,
            "submission": submission_id,
            "from": from_state,
            "to": to_state,
            "data": data,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def first_broken_link(links: Iterable[ChainLink]) -> tuple[int, str] | None:
    """The id of the first event that does not chain, and why; None when the chain holds."""
    expected_prev = GENESIS_HASH
    for link in links:
        if link.prev_hash != expected_prev:
            return link.id, "its previous hash does not match the event before it"
        recomputed = event_hash(
            link.prev_hash,
            created_at=link.created_at,
            actor=link.actor,
            action=link.action,
            submission_id=link.submission_id,
            from_state=link.from_state,
            to_state=link.to_state,
            data=link.data,
        )
        if recomputed != link.hash:
            return link.id, "its content does not match its hash"
        expected_prev = link.hash
    return None
