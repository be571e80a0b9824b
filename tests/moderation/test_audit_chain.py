from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from moderation.audit_chain import GENESIS_HASH, ChainLink, event_hash, first_broken_link


def make_chain(n: int) -> list[ChainLink]:
    links = []
    prev = GENESIS_HASH
    for i in range(1, n + 1):
        fields = {
            "created_at": datetime(2026, 1, 1, 0, 0, i, tzinfo=UTC),
            "actor": "staff:1",
            "action": "submission.claim",
            "submission_id": "s",
            "from_state": "submitted",
            "to_state": "in_review",
            "data": {"n": i},
        }
        digest = event_hash(prev, **fields)
        links.append(ChainLink(id=i, prev_hash=prev, hash=digest, **fields))
        prev = digest
    return links


def test_intact_chain_verifies() -> None:
    assert first_broken_link(make_chain(5)) is None


def test_altered_content_is_found() -> None:
    chain = make_chain(5)
    chain[2] = replace(chain[2], to_state="published")
    assert first_broken_link(chain) == (3, "its content does not match its hash")


def test_removed_event_is_found() -> None:
    chain = make_chain(5)
    del chain[1]
    broken = first_broken_link(chain)
    assert broken is not None and broken[0] == 3
