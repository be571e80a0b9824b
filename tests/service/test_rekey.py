"""Keys that rotate (issue 18 #5).

The encryption key: a copy of a database with a value in every encrypted column is served with
a new first key while `stories-service rekey` runs in small batches and survivors submit; a
second run has nothing left to do; then the service starts with the new key alone and every
value opens (in the service and read raw from the database). Consent records stay append-only.

The secret key: with the old key kept in STORIES_PREVIOUS_SECRET_KEYS, receipt codes issued
under it still open /my-story and the API (and move to the new key as they are used), staff
sessions survive, and new codes are keyed with the new key.
"""

from __future__ import annotations

import asyncio
import base64
import sqlite3
import threading
from contextlib import closing
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from tortoise.models import Model

from moderation.states import SubmissionState
from stories_service import models
from stories_service.crypto import FieldCipher, column_context
from stories_service.keys.rekey import SEALED_COLUMNS, SealedColumn
from stories_service.models import ConsentRecord, Submission, WebhookEndpoint
from stories_service.moderating.approval import seal_override_reason
from stories_service.moderating.organisation_terms import add_terms
from stories_service.receipt import codes
from stories_service.runtime import Runtime
from stories_service.settings import new_encryption_key, parse_encryption_keys
from tests.conftest import Backend, valid_submission
from tests.protection.factories import drive_to, submit
from tests.publishing.factories import bearer, staff_token
from tests.servers import live_client, live_sync_client
from tests.service.keyed import cli, fresh_database, key_text, keys_env, serving
from tests.staffing import make_staff, sign_in

pytestmark = pytest.mark.db

S = SubmissionState
CANARY = "Quillwort-Lantern"
# Sealed with a key derived from each client's Idempotency-Key, not the encryption key.
NOT_UNDER_THE_ENCRYPTION_KEY = {("idempotency_records", "response_enc")}


def test_every_encrypted_column_is_rekeyed() -> None:
    sealed = {(spec.table, spec.column) for spec in SEALED_COLUMNS}
    in_models = {
        (model._meta.db_table, name)
        for model in vars(models).values()
        if isinstance(model, type) and issubclass(model, Model) and model is not Model
        for name in model._meta.fields_map
        if name.endswith("_enc")
    }
    assert ("revisions", "body_enc") in in_models
    assert in_models - NOT_UNDER_THE_ENCRYPTION_KEY <= sealed
    assert ("submissions", "leak_override_reason") in sealed


async def _seed(client: httpx.AsyncClient, runtime: Runtime) -> dict[str, Any]:
    """A value in every encrypted column, through the workflow where it writes one."""
    cipher = runtime.cipher
    named = valid_submission()
    named["consent"] = {**named["consent"], "attribution": "pseudonym", "display_name": "Rowan"}  # type: ignore[dict-item]
    published = await submit(client, CANARY, consent=named["consent"])
    await drive_to(runtime, published, S.PUBLISHED, CANARY)  # revisions, override reason
    scheduled = await submit(client, CANARY, consent=named["consent"])
    await drive_to(runtime, scheduled, S.SCHEDULED, CANARY)  # the byline, sealed
    waiting = await submit(client, CANARY)
    await drive_to(runtime, waiting, S.AWAITING_CONSENT, CANARY)
    rejected = await submit(client, CANARY)
    await drive_to(runtime, rejected, S.REJECTED, CANARY)
    withdrawn = await submit(client, CANARY)
    answer = await client.post(
        f"/api/v1/submissions/{withdrawn.id}/withdraw",
        json={"reason_category": "other", "note": f"Asked by phone {CANARY}"},
        headers=bearer(await staff_token("editor")),
    )
    assert answer.status_code == 200, answer.text
    await Submission.filter(id=waiting.id).update(
        survivor_comment_enc=cipher.encrypt(
            f"Please change {CANARY}", column_context("submissions", "survivor_comment", waiting.id)
        )
    )
    await Submission.filter(id=published.id).update(
        leak_override_reason=seal_override_reason(cipher, published.id, f"Invented {CANARY}")
    )
    first = await ConsentRecord.filter(submission_id=rejected.id).first()
    assert first is not None
    await ConsentRecord.create(
        submission_id=rejected.id,
        publish=first.publish,
        attribution=first.attribution,
        review_before_publish=first.review_before_publish,
        syndicate=first.syndicate,
        languages=first.languages,
        wording_version=first.wording_version,
        wording_language=first.wording_language,
        wording_hash=first.wording_hash,
        recorded_by="staff",
        attestation_enc=cipher.encrypt(
            f"Read to them {CANARY}", column_context("consent_records", "attestation", rejected.id)
        ),
    )
    endpoint = await WebhookEndpoint.create(
        url="http://127.0.0.1:9/hook", secret_enc=b"placeholder", events=["story.published"]
    )
    endpoint.secret_enc = cipher.encrypt(
        "whsec-test", column_context("webhook_endpoints", "secret", endpoint.id)
    )
    await endpoint.save()
    admin = await make_staff("admin")
    await add_terms(
        admin.id,
        [(f"Camp {CANARY}", "place", f"Where we work {CANARY}")],
        cipher,
        runtime.settings.secret_key,
    )
    return {"published": published, "waiting": waiting}


async def _raw_rows(database_url: str, spec: SealedColumn) -> list[dict[str, Any]]:
    columns = ", ".join(("id", spec.column, *spec.needs))
    query = f"SELECT {columns} FROM {spec.table} WHERE {spec.column} IS NOT NULL"
    if database_url.startswith("sqlite://"):
        with closing(sqlite3.connect(database_url[len("sqlite://") :])) as db:
            db.row_factory = sqlite3.Row
            return [dict(row) for row in db.execute(query)]
    connection = await asyncpg.connect(database_url)
    try:
        return [dict(row) for row in await connection.fetch(query)]
    finally:
        await connection.close()


async def _all_open_with(database_url: str, cipher: FieldCipher) -> dict[str, int]:
    """Every sealed value, read raw, opens with ``cipher`` alone and is under its first key."""
    counts = {}
    for spec in SEALED_COLUMNS:
        rows = await _raw_rows(database_url, spec)
        for row in rows:
            blob = row[spec.column]
            if spec.wrapped:
                blob = base64.urlsafe_b64decode(blob[len("enc:v1:") :])
            assert cipher.is_current(blob), spec.name
            context_row = {name: str(row[name]) for name in ("id", *spec.needs)}
            opened = []
            for context in spec.contexts(context_row):
                try:
                    opened.append(cipher.decrypt(blob, context))
                except Exception:
                    continue
            assert opened, spec.name
        counts[spec.name] = len(rows)
    return counts


async def _refuses_consent_update(database_url: str) -> bool:
    statement = "UPDATE consent_records SET publish = NOT publish"
    try:
        if database_url.startswith("sqlite://"):
            with closing(sqlite3.connect(database_url[len("sqlite://") :])) as db:
                db.execute(statement)
                db.commit()
        else:
            connection = await asyncpg.connect(database_url)
            try:
                await connection.execute(statement)
            finally:
                await connection.close()
    except (sqlite3.DatabaseError, asyncpg.PostgresError) as error:
        return "append-only" in str(error)
    return False


async def test_rekey_while_serving_then_the_old_key_goes(
    client: httpx.AsyncClient, runtime: Runtime, backend: Backend, tmp_path: Path
) -> None:
    seeded = await _seed(client, runtime)
    old_env = keys_env(runtime.settings)
    backup = cli(backend.database_url, tmp_path, "backup", str(tmp_path / "db.bak"), **old_env)
    assert backup.returncode == 0, backup.stdout + backup.stderr
    new_key = new_encryption_key()
    old_keys = old_env["STORIES_ENCRYPTION_KEY"]
    both = {**old_env, "STORIES_ENCRYPTION_KEY": f"{new_key},{old_keys}"}
    only_new = {**old_env, "STORIES_ENCRYPTION_KEY": new_key}

    async with fresh_database(backend, tmp_path) as url:
        data = tmp_path / "copy"
        restored = cli(url, data, "restore", str(tmp_path / "db.bak"), **old_env)
        assert restored.returncode == 0, restored.stdout + restored.stderr

        statuses: list[int] = []
        with serving(url, data, **both) as base_url:
            stop = threading.Event()

            def survivors() -> None:
                with live_sync_client(base_url=base_url, timeout=60) as http:
                    while not stop.is_set():
                        body = valid_submission(contact=f"{CANARY}@example.org")
                        statuses.append(http.post("/api/v1/submissions", json=body).status_code)
                        stop.wait(0.1)  # writing often, not hogging the cores rekey needs too

            writer = threading.Thread(target=survivors)
            writer.start()
            try:
                # A backup taken meanwhile, as a timer would: one consistent copy.
                first, copy = await asyncio.gather(
                    asyncio.to_thread(cli, url, data, "rekey", "--batch-size", "3", **both),
                    asyncio.to_thread(cli, url, data, "backup", str(tmp_path / "busy.bak"), **both),
                )
            finally:
                stop.set()
                writer.join()
        assert first.returncode == 0, first.stdout + first.stderr
        assert copy.returncode == 0, copy.stdout + copy.stderr
        # In batches of three, with progress (the submissions made meanwhile are new-key ones).
        batches = [line for line in first.stdout.splitlines() if line.startswith("revisions.")]
        assert len(batches) >= 3 and all("row(s) read" in line for line in batches), first.stdout
        assert statuses and set(statuses) == {201}, statuses

        second = cli(url, data, "rekey", **both)
        assert second.returncode == 0, second.stdout + second.stderr
        assert "rekey done: 0 value(s) re-encrypted" in second.stdout

        # Read raw: every value is under the new key and opens with it alone.
        counts = await _all_open_with(url, FieldCipher(parse_encryption_keys(new_key)))
        assert all(counts.values()), counts  # every column held something, and it opens
        assert await _refuses_consent_update(url)

        # The old key is gone from the configuration: everything still opens in the service.
        with serving(url, data, **only_new) as base_url:
            async with live_client(base_url=base_url, timeout=60) as http:
                code = {"receipt_code": seeded["waiting"].receipt_code}
                status = (await http.post("/api/v1/receipt/status", json=code)).json()
                assert status["review"]["title"] == f"Revised {CANARY}"
                export = await http.post("/api/v1/receipt/export", json=code)
                assert export.status_code == 200 and CANARY in export.text
                named = {"receipt_code": seeded["published"].receipt_code}
                export = await http.post("/api/v1/receipt/export", json=named)
                assert export.status_code == 200 and "Rowan" in export.text
                page = await http.get(f"/stories/{seeded['published'].slug}")
                assert page.status_code == 200


async def test_codes_and_sessions_survive_a_new_secret_key(
    client: httpx.AsyncClient, runtime: Runtime, override_settings: Any
) -> None:
    old_secret = runtime.settings.secret_key
    new_secret = "rotated-secret-key-" + "y" * 32
    before = await submit(client, CANARY)
    unused = await submit(client, CANARY)
    editor = await make_staff("editor")
    await sign_in(client, editor)

    override_settings(secret_key=new_secret, previous_secret_keys=(old_secret,))
    assert (await client.get("/staff")).status_code == 200  # the session cookie still verifies
    page = await client.post("/my-story", data={"receipt_code": before.receipt_code})
    assert page.status_code == 200 and "receipt_token" in page.text
    stored = await Submission.get(id=before.id)
    assert stored.receipt_hash == codes.code_hash(before.receipt_code, new_secret)
    after = await submit(client, CANARY)
    made = await Submission.get(id=after.id)
    assert made.receipt_hash == codes.code_hash(after.receipt_code, new_secret)

    # Once the old key is dropped, a code used since still opens; one never used does not.
    override_settings(previous_secret_keys=())
    for story, expected in ((before, 200), (after, 200), (unused, 404)):
        answer = await client.post(
            "/api/v1/receipt/status", json={"receipt_code": story.receipt_code}
        )
        assert answer.status_code == expected, story


def test_previous_secret_keys_setting(tmp_path: Path) -> None:
    from stories_service.settings import SettingsError, load_settings

    env = {
        "STORIES_DATA_DIR": str(tmp_path),
        "STORIES_SECRET_KEY": "n" * 40,
        "STORIES_ENCRYPTION_KEY": key_text(b"k" * 32),
        "STORIES_PREVIOUS_SECRET_KEYS": f"{'o' * 40}, {'p' * 40}\n{'n' * 40}",
    }
    settings = load_settings(env)
    assert settings.secret_keys == ("n" * 40, "o" * 40, "p" * 40)
    with pytest.raises(SettingsError):
        load_settings({**env, "STORIES_PREVIOUS_SECRET_KEYS": "short"})
