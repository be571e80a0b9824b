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

from stories_service.audit_log import verify_audit_chain
from stories_service.db.lifecycle import apply_migrations, close_database, open_database
from stories_service.demo import seed_demo
from stories_service.models import Staff
from stories_service.publishing.static_export import export_static
from stories_service.sanitizing import pool_running
from stories_service.settings import Settings, SettingsError, load_settings
from stories_service.staff.accounts import StaffAccountError, create_staff, revoke_tokens
from stories_service.staff.tokens import issue_token
from stories_service.templating import build_templates


def _run_with_db(settings: Settings, work: Callable[[], Awaitable[int]]) -> int:
    async def runner() -> int:
        await apply_migrations(settings.database_url)
        await open_database(settings.database_url)
        try:
            async with pool_running():
                return await work()
        finally:
            await close_database()

    return asyncio.run(runner())


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    asyncio.run(apply_migrations(settings.database_url))
    # Migrations ran once here; the workers must not race to run them again.
    os.environ["STORIES_MIGRATE_ON_START"] = "false"
    uvicorn.run(
        "stories_service.asgi:app",
        host=args.host,
        port=args.port,
        workers=args.workers,
        proxy_headers=settings.trust_forwarded_for,
        server_header=False,
        log_level="info",
    )
    return 0


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    asyncio.run(apply_migrations(settings.database_url))
    print("migrations applied")
    return 0


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise SystemExit("the passwords differ")
    return first


def cmd_create_staff(args: argparse.Namespace, settings: Settings) -> int:
    password = _read_password(args.password_stdin)

    async def work() -> int:
        try:
            staff = await create_staff(args.email, args.role, password)
        except StaffAccountError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        print(f"created {staff.role} {staff.email} (id {staff.id})")
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

    async def work() -> int:
        for line in await seed_demo(settings):
            print(line)
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
    serve.set_defaults(func=cmd_serve)
    sub.add_parser("migrate", help="apply pending migrations").set_defaults(func=cmd_migrate)
    staff = sub.add_parser("create-staff", help="add a staff account")
    staff.add_argument("--email", required=True)
    staff.add_argument("--role", required=True, choices=["moderator", "editor", "admin"])
    staff.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    staff.set_defaults(func=cmd_create_staff)
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
