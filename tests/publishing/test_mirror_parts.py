"""The mirror's parts without a server: signatures checked as Standard Webhooks (the reference
library and the service's own signer agree), and a state file that survives a crash."""

from __future__ import annotations

import asyncio
import json
import os
import time
from datetime import UTC, datetime

import pytest
from standardwebhooks import Webhook

from stories_service.mirror import BadSignature, LocalCopy, MirrorError, verify_signature
from stories_service.mirror.client import PublicSite
from stories_service.mirror.store import SyncState
from stories_service.mirror.sync import Mirror
from stories_service.mirror.webhooks import WebhookEvent, secret_key
from stories_service.webhooks.signing import new_secret, sign

BODY = b'{"type":"story.withdrawn","data":{"id":"urn:uuid:1","slug":"abc"}}'


def _headers(message_id: str, stamp: int, signature: str) -> dict[str, str]:
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(stamp),
        "webhook-signature": signature,
    }


def test_signatures_of_the_service_and_of_the_reference_library_verify():
    secret = new_secret()
    now = int(time.time())
    ours = sign(secret, "msg_1", now, BODY)
    assert verify_signature(secret_key(secret), _headers("msg_1", now, ours), BODY) == "msg_1"
    theirs = Webhook(secret).sign("msg_2", datetime.fromtimestamp(now, UTC), BODY.decode())
    assert verify_signature(secret_key(secret), _headers("msg_2", now, theirs), BODY) == "msg_2"
    # During a rotation several signatures come, space-separated: one match is enough.
    rotated = f"v1,{'A' * 44} {ours}"
    assert verify_signature(secret_key(secret), _headers("msg_1", now, rotated), BODY)


@pytest.mark.parametrize(
    "tamper",
    ["body", "id", "stale", "future", "other secret", "no signature", "v2"],
)
def test_a_tampered_stale_or_missing_signature_is_refused(tamper):
    secret = new_secret()
    now = int(time.time())
    stamp = {"stale": now - 301, "future": now + 301}.get(tamper, now)
    signing_secret = new_secret() if tamper == "other secret" else secret
    signature = sign(signing_secret, "msg_1", stamp, BODY)
    if tamper == "v2":
        signature = signature.replace("v1,", "v2,")
    headers = _headers("msg_2" if tamper == "id" else "msg_1", stamp, signature)
    if tamper == "no signature":
        del headers["webhook-signature"]
    body = BODY.replace(b"abc", b"abd") if tamper == "body" else BODY
    with pytest.raises(BadSignature):
        verify_signature(secret_key(secret), headers, body)


@pytest.mark.parametrize("secret", ["", "whsec_", "whsec_???", "whsec_AAAA"])
def test_a_secret_that_is_not_one_is_refused(secret):
    with pytest.raises(MirrorError):
        secret_key(secret)


def test_the_state_file_is_replaced_whole_or_not_at_all(tmp_path, monkeypatch):
    copy = LocalCopy(tmp_path)
    site = "http://stories.example"
    copy.open(site)
    copy.save_state(SyncState(site, "YzEuNQ"))

    def crash(*_: object) -> None:
        raise OSError("the disk went away")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        copy.save_state(SyncState(site, "YzEuOQ"))
    monkeypatch.undo()
    # The old cursor is intact and no temporary file is left behind.
    assert json.loads((tmp_path / "state.json").read_bytes())["cursor"] == "YzEuNQ"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json", "stories"]
    assert LocalCopy(tmp_path).open(site).cursor == "YzEuNQ"


def test_a_slug_from_the_wire_never_names_a_path(tmp_path):
    copy = LocalCopy(tmp_path)
    copy.open("http://stories.example")
    for slug in ["../state", "a/b", "", "A", "x" * 65, None]:
        with pytest.raises(MirrorError):
            copy.put({"id": "urn:uuid:1", "slug": slug})
    assert copy.put({"id": "urn:uuid:1", "slug": "abc"})
    assert not copy.put({"id": "urn:uuid:1", "slug": "abc"})  # unchanged: not rewritten
    assert copy.remove("urn:uuid:1") and copy.stories() == {}


async def test_a_webhook_arriving_as_the_mirror_is_stopped_does_not_keep_it_running(tmp_path):
    """On Python 3.11, ``asyncio.wait_for`` returned normally when its event and a cancellation
    came in the same loop step: the mirror went on, and whatever stopped it waited forever
    (a test run hung for 15 minutes)."""
    async with PublicSite("http://127.0.0.1:1") as site:  # never contacted
        mirror = Mirror(site, tmp_path, poll_interval=600)
        waiting = asyncio.create_task(mirror._next_trigger(0))
        await asyncio.sleep(0)  # waiting for a webhook now
        mirror.webhook_arrived(WebhookEvent("msg_1", "story.withdrawn", {}))
        waiting.cancel()
        async with asyncio.timeout(10):  # a failure, not a hang
            with pytest.raises(asyncio.CancelledError):
                await waiting
