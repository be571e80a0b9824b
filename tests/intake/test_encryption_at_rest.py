"""After a submission, neither the SQLite file and its WAL nor a pg_dump hold survivor text."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest

from stories_service.crypto import column_context
from stories_service.models import Submission
from tests.conftest import Backend, valid_submission


def secrets_for_this_test() -> dict[str, str]:
    tag = uuid.uuid4().hex[:10]
    return {
        "title": f"Canarytitle{tag}",
        "body": f"Canarybody{tag} walked to the border at night.",
        "contact": f"canary-contact-{tag}@example.org",
        "never": f"Canaryname{tag}",
        "display": f"Canarypen{tag}",
    }


async def submit_canaries(client: httpx.AsyncClient, canaries: dict[str, str]) -> str:
    submission = valid_submission(
        title=canaries["title"],
        body=canaries["body"],
        contact=canaries["contact"],
        never_appear=[canaries["never"]],
    )
    submission["consent"] = {
        **submission["consent"],
        "attribution": "pseudonym",
        "display_name": canaries["display"],
    }  # type: ignore[dict-item]
    response = await client.post("/api/v1/submissions", json=submission)
    assert response.status_code == 201
    return response.json()["id"]


def read_in_another_process(path: Path) -> bytes:
    """The file's bytes, read by a child process.

    Opening and closing the live SQLite file in this process would drop the POSIX locks that
    this process's SQLite connection holds on it (sqlite.org/howtocorrupt.html, 2.2), and later
    tests that write from another process would then see stale or broken state.
    """
    script = "import sys; sys.stdout.buffer.write(open(sys.argv[1], 'rb').read())"
    return subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, check=True, timeout=60
    ).stdout


def needles(canaries: dict[str, str]) -> list[bytes]:
    out = []
    for value in canaries.values():
        out += [value.encode("utf-8"), value.encode("utf-16-le")]
    return out


async def test_ciphertext_opens_with_the_key(client: httpx.AsyncClient, runtime) -> None:
    canaries = secrets_for_this_test()
    submission_id = await submit_canaries(client, canaries)
    row = await Submission.get(id=submission_id)
    title = runtime.cipher.decrypt(row.title_enc, column_context("submissions", "title", row.id))
    assert title == canaries["title"]
    assert row.contact_enc is not None and row.never_appear_enc is not None


async def test_sqlite_file_and_wal_hold_no_plaintext(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    if backend.sqlite_path is None:
        pytest.skip("SQLite only")
    canaries = secrets_for_this_test()
    await submit_canaries(client, canaries)
    files = [backend.sqlite_path, backend.sqlite_path.with_name(backend.sqlite_path.name + "-wal")]
    assert files[1].exists(), "WAL mode should keep a -wal file"
    for path in files:
        raw = read_in_another_process(path)
        for needle in needles(canaries):
            assert needle not in raw, (path.name, needle)


async def test_pg_dump_holds_no_plaintext(client: httpx.AsyncClient, backend: Backend) -> None:
    if backend.pg_database is None:
        pytest.skip("PostgreSQL only")
    if shutil.which("pg_dump") is None:
        pytest.fail("pg_dump is not installed")
    canaries = secrets_for_this_test()
    await submit_canaries(client, canaries)
    process = await asyncio.create_subprocess_exec(
        "pg_dump",
        "-h",
        "127.0.0.1",
        "-U",
        "postgres",
        "--data-only",
        backend.pg_database,
        stdout=asyncio.subprocess.PIPE,
    )
    dump, _ = await process.communicate()
    assert process.returncode == 0
    assert b"COPY public.submissions" in dump
    for needle in needles(canaries):
        assert needle not in dump, needle
