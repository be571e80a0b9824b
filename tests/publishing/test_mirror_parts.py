"""The mirror's parts without a server: signatures checked as Standard Webhooks (the reference
library and the service's own signer agree), and a state file that survives a crash."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime

import pytest
from standardwebhooks import Webhook

from stories_service.mirror import BadSignature, LocalCopy, MirrorError, verify_signature
from stories_service.mirror.store import SyncState
from stories_service.mirror.webhooks import secret_key
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
