"""The ``stories-service`` command (docs/design.md, "Public contract")."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import uvicorn

from stories_service.access_log import serve_logging_config
from stories_service.audit_log import verify_audit_chain
from stories_service.crypto import FieldCipher
from stories_service.db.lifecycle import (
    Seal,
    apply_migrations,
    close_database,
    open_database,
)
from stories_service.demo import DemoBusy, seed_demo
from stories_service.models import Staff
from stories_service.publishing.static_export import export_static
from stories_service.sanitizing import pool_running
from stories_service.settings import Settings, SettingsError, load_settings, local_base_url
from stories_service.staff.accounts import (
    StaffAccountError,
    create_staff,
    new_staff_password,
    reset_password,
    revoke_tokens,
)
from stories_service.staff.tokens import issue_token
from stories_service.templating import build_templates


def _seal(settings: Settings) -> Seal:
    """The key, lent to migrations that encrypt what an earlier release stored in clear."""
    return FieldCipher(settings.encryption_keys).seal_column


def _run_with_db(settings: Settings, work: Callable[[], Awaitable[int]]) -> int:
    async def runner() -> int:
        await apply_migrations(settings.database_url, _seal(settings))
        await open_database(settings.database_url)
        try:
            async with pool_running():
                return await work()
        finally:
            await close_database()

    return asyncio.run(runner())


WORKER_HEALTHCHECK_SECONDS = 60


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    asyncio.run(apply_migrations(settings.database_url, _seal(settings)))
    # Migrations ran once here; the workers must not race to run them again.
    os.environ["STORIES_MIGRATE_ON_START"] = "false"
    # The workers read the settings again: without a base URL of its own, it follows the port
    # (`make run PORT=8001`), so that feeds and links point where the site is served.
    os.environ.setdefault("STORIES_BASE_URL", local_base_url(args.host, args.port))
    uvicorn.run(
        "stories_service.asgi:app",
        host=args.host,
        port=args.port,
        workers=args.workers,
        # uvicorn kills a worker that does not answer its supervisor's ping in 5 s; a new worker
        # on a loaded 2-core host took longer than that just to start Python and import, and was
        # killed again and again. A hung worker is still replaced, after a minute.
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
        proxy_headers=settings.trust_forwarded_for,
        server_header=False,
        log_level="info",
        log_config=serve_logging_config(),
        # Client addresses stay out of the logs (docs/deploy.md, "Logs"): no access log unless
        # asked for, and then one without addresses; no WebSocket protocol (the service has no
        # WebSocket route, and uvicorn's WebSocket messages name the client's address).
        access_log=args.access_log,
        ws="none",
    )
    return 0


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    asyncio.run(apply_migrations(settings.database_url, _seal(settings)))
    print("migrations applied")
    return 0


def _new_password(args: argparse.Namespace) -> tuple[str, bool] | None:
    """The password to set and whether it was generated (then it is printed once): from the
    first line of standard input with ``--password-stdin``, asked for twice at a terminal,
    generated otherwise. None (after saying why) when there is none to use."""
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            print("error: no password on the first line of standard input", file=sys.stderr)
            return None
        return password, False
    if getattr(args, "generate", False) or not sys.stdin.isatty():
        return new_staff_password(), True
    try:
        first = getpass.getpass("Password (at least 12 characters): ")
        again = getpass.getpass("Password again: ")
    except (EOFError, KeyboardInterrupt):
        print("\nno password given; nothing changed", file=sys.stderr)
        return None
    if first != again:
        print("error: the passwords differ; nothing changed", file=sys.stderr)
        return None
    return first, False


def _say_generated(password: str) -> None:
    print(f"password: {password}")
    print("(shown once; `stories-service reset-password --email …` sets a new one)")


def cmd_create_staff(args: argparse.Namespace, settings: Settings) -> int:
    chosen = _new_password(args)
    if chosen is None:
        return 2
    password, generated = chosen

    async def work() -> int:
        try:
            staff = await create_staff(args.email, args.role, password)
        except StaffAccountError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        print(f"created {staff.role} {staff.email} (id {staff.id})")
        if generated:
            _say_generated(password)
        return 0

    return _run_with_db(settings, work)


def cmd_reset_password(args: argparse.Namespace, settings: Settings) -> int:
    chosen = _new_password(args)
    if chosen is None:
        return 2
    password, generated = chosen

    async def work() -> int:
        try:
            staff, ended = await reset_password(args.email, password)
        except StaffAccountError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        print(f"new password set for {staff.email}; {ended} session(s) ended")
        if generated:
            _say_generated(password)
        return 0

    return _run_with_db(settings, work)


def cmd_create_token(args: argparse.Namespace, settings: Settings) -> int:
    async def work() -> int:
        staff = await Staff.get_or_none(email=args.email.strip().lower(), active=True)
        if staff is None:
            print(f"error: no active staff account for {args.email}", file=sys.stderr)
            return 2
        print(await issue_token(staff))
        return 0

    return _run_with_db(settings, work)


def cmd_revoke_token(args: argparse.Namespace, settings: Settings) -> int:
    async def work() -> int:
        try:
            count = await revoke_tokens(None, prefix=args.prefix, email=args.email)
        except StaffAccountError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        print(f"revoked {count} token(s)")
        return 0 if count else 1

    return _run_with_db(settings, work)


def cmd_seed_demo(args: argparse.Namespace, settings: Settings) -> int:
    if settings.production:
        print("error: seed-demo refuses to run in production", file=sys.stderr)
        return 2

    def say(line: str) -> None:
        print(line, flush=True)  # each line as it comes: the accounts first, before the stories

    async def work() -> int:
        try:
            await seed_demo(settings, say=say)
        except DemoBusy as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        return 0

    return _run_with_db(settings, work)


def cmd_export_static(args: argparse.Namespace, settings: Settings) -> int:
    async def work() -> int:
        count = await export_static(Path(args.dir), build_templates().env, settings.base_url)
        print(f"exported {count} files to {args.dir}")
        return 0

    return _run_with_db(settings, work)


def cmd_audit(args: argparse.Namespace, settings: Settings) -> int:
    async def work() -> int:
        count, broken = await verify_audit_chain()
        if broken is None:
            print(f"audit chain intact: {count} events")
            return 0
        print(f"audit chain BROKEN at event {broken[0]}: {broken[1]}", file=sys.stderr)
        return 1

    return _run_with_db(settings, work)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="stories-service", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="apply pending migrations, then serve")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument(
        "--access-log",
        action="store_true",
        help="log each request (method, path, status; never the client's address)",
    )
    serve.set_defaults(func=cmd_serve)
    sub.add_parser("migrate", help="apply pending migrations").set_defaults(func=cmd_migrate)
    staff = sub.add_parser("create-staff", help="add a staff account")
    staff.add_argument("--email", required=True)
    staff.add_argument("--role", required=True, choices=["moderator", "editor", "admin"])
    staff.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input (otherwise asked for at "
        "a terminal, or generated and printed without one)",
    )
    staff.set_defaults(func=cmd_create_staff)
    reset = sub.add_parser(
        "reset-password",
        help="set a new password for a staff account and end its console sessions",
    )
    reset.add_argument("--email", required=True)
    reset.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input (otherwise a new one "
        "is generated and printed)",
    )
    reset.set_defaults(func=cmd_reset_password, generate=True)
    token = sub.add_parser("create-token", help="print a new API token for a staff member")
    token.add_argument("--email", required=True)
    token.set_defaults(func=cmd_create_token)
    revoke = sub.add_parser("revoke-token", help="revoke API tokens")
    which = revoke.add_mutually_exclusive_group(required=True)
    which.add_argument("--prefix", help="the token's first 10 characters, as printed")
    which.add_argument("--email", help="revoke every token of this staff member")
    revoke.set_defaults(func=cmd_revoke_token)
    sub.add_parser("seed-demo", help="load fictional demo data").set_defaults(func=cmd_seed_demo)
    export = sub.add_parser("export-static", help="write the public site and feeds to DIR")
    export.add_argument("dir", metavar="DIR")
    export.set_defaults(func=cmd_export_static)
    audit = sub.add_parser("audit", help="audit log tools")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_sub.add_parser("verify", help="check the hash chain").set_defaults(func=cmd_audit)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    return int(args.func(args, settings))


if __name__ == "__main__":
    raise SystemExit(main())
