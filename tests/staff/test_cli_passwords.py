"""Passwords from the command line without a terminal (issue 17 #8): `create-staff` reads the
password from standard input or prints a generated one, and `reset-password` sets a new one
and ends the account's sessions. Never a traceback. Every command here runs with standard input
a pipe, not a terminal, as in a deploy script or CI."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from stories_service.models import Staff, StaffSession
from stories_service.staff.passwords import verify_password
from tests.conftest import Backend
from tests.servers import run_cli
from tests.staffing import PASSWORD, make_staff, sign_in

GENERATED = re.compile(r"^password: (\S+)$", re.MULTILINE)


def _cli(backend: Backend, tmp_path: Path, *args: str, stdin: str = "") -> tuple[int, str, str]:
    done = run_cli(backend.database_url, tmp_path, *args, stdin=stdin)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr


async def _password_works(email: str, password: str) -> bool:
    staff = await Staff.get(email=email)
    return await verify_password(staff.password_hash, password)


async def test_create_staff_without_a_terminal_prints_a_generated_password(
    client: httpx.AsyncClient, backend: Backend, tmp_path: Path
) -> None:
    status, out, _ = _cli(
        backend, tmp_path, "create-staff", "--email", "new@example.org", "--role", "editor"
    )
    assert status == 0
    [password] = GENERATED.findall(out)
    assert len(password) >= 12
    assert await _password_works("new@example.org", password)


async def test_create_staff_reads_the_password_from_standard_input(
    client: httpx.AsyncClient, backend: Backend, tmp_path: Path
) -> None:
    args = ("create-staff", "--email", "piped@example.org", "--role", "moderator")
    status, out, _ = _cli(backend, tmp_path, *args, "--password-stdin", stdin=PASSWORD + "\r\n")
    assert status == 0 and not GENERATED.search(out)
    assert await _password_works("piped@example.org", PASSWORD)


async def test_create_staff_says_what_is_wrong_with_the_input(
    client: httpx.AsyncClient, backend: Backend, tmp_path: Path
) -> None:
    args = ("create-staff", "--email", "bad@example.org", "--role", "moderator")
    status, _, err = _cli(backend, tmp_path, *args, "--password-stdin", stdin="")
    assert status == 2 and "no password" in err
    status, _, err = _cli(backend, tmp_path, *args, "--password-stdin", stdin="short\n")
    assert status == 2 and "12 characters" in err
    assert not await Staff.exists(email="bad@example.org")


async def test_reset_password_prints_a_new_one_and_ends_the_sessions(
    client: httpx.AsyncClient, backend: Backend, tmp_path: Path
) -> None:
    moderator = await make_staff("moderator")
    await sign_in(client, moderator)
    assert (await client.get("/api/v1/queue")).status_code == 200

    status, out, _ = _cli(backend, tmp_path, "reset-password", "--email", moderator.email)
    assert status == 0 and "1 session(s) ended" in out
    [password] = GENERATED.findall(out)
    assert await _password_works(moderator.email, password)
    assert not await _password_works(moderator.email, PASSWORD)
    assert (await client.get("/api/v1/queue")).status_code == 401
    assert not await StaffSession.exists(staff_id=moderator.id)

    await sign_in(client, moderator, password)  # the new password opens the console


async def test_reset_password_from_standard_input_and_for_an_unknown_account(
    client: httpx.AsyncClient, backend: Backend, tmp_path: Path
) -> None:
    editor = await make_staff("editor")
    chosen = "a long new password of mine"
    args = ("reset-password", "--email", editor.email, "--password-stdin")
    status, out, _ = _cli(backend, tmp_path, *args, stdin=chosen + "\n")
    assert status == 0 and not GENERATED.search(out)
    assert await _password_works(editor.email, chosen)

    status, _, err = _cli(backend, tmp_path, "reset-password", "--email", "nobody@example.org")
    assert status == 2 and "no staff account" in err
