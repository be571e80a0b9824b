"""The ``stories-service`` command (docs/design.md, "Public contract")."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import signal
import sys
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path

import uvicorn
from tortoise.exceptions import BaseORMException

from stories_service.audit_log import verify_audit_chain
from stories_service.backup import commands as backup_commands
from stories_service.backup.commands import RestoreRefused
from stories_service.backup.postgres_dump import PostgresToolError
from stories_service.backup.sqlite_copy import SqliteBackupError
from stories_service.crypto import FieldCipher
from stories_service.db.lifecycle import (
    Seal,
    apply_migrations,
    close_database,
    open_database,
)
from stories_service.demo import DemoBusy, seed_demo
from stories_service.keys.rekey import rekey_all
from stories_service.log_config import serve_logging_config
from stories_service.metrics.processes import MULTIPROCESS_ENV, prepare_multiprocess_dir
from stories_service.mirror.client import MirrorError
from stories_service.mirror.running import parse_listen, run_mirror
from stories_service.models import Staff
from stories_service.protection.journal import JournalError
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


# Seconds uvicorn's supervisor waits for a worker's health ping before replacing the worker.
WORKER_HEALTHCHECK_SECONDS = 60


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    if settings.apply_migrations_on_start:
        # Hosts starting at once take turns (a PostgreSQL advisory lock in apply_migrations).
        asyncio.run(apply_migrations(settings.database_url, _seal(settings)))
    # Migrations ran once here (or are the deploy step's job); the workers must not run them.
    os.environ["STORIES_MIGRATE_ON_START"] = "false"
    # The workers read the settings again: without a base URL of its own, it follows the port
    # (`make run PORT=8001`), so that feeds and links point where the site is served.
    os.environ.setdefault("STORIES_BASE_URL", local_base_url(args.host, args.port))
    # Several workers count into files that /metrics adds up (stories_service.instruments).
    if settings.metrics_multiprocess_dir is not None:
        prepare_multiprocess_dir(settings.metrics_multiprocess_dir)
    elif args.workers > 1:
        folder = prepare_multiprocess_dir(settings.data_dir / "metrics")
        os.environ[MULTIPROCESS_ENV] = str(folder)
    uvicorn.run(
        "stories_service.asgi:app",
        host=args.host,
        port=args.port,
        workers=args.workers,
        # uvicorn kills a worker that does not answer its supervisor's ping in 5 s; a new worker
        # on a loaded 2-core host took longer than that just to start Python and import, and was
        # killed again and again. A hung worker is still replaced, after a minute.
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
        # After SIGTERM, requests in progress get this long, then are cancelled: a client that
        # never finishes sending its body would otherwise hold the stop until systemd's
        # TimeoutStopSec (30 s in deploy/) ends it with SIGKILL, before the jobs are stopped.
        timeout_graceful_shutdown=settings.shutdown_grace_seconds or None,
        proxy_headers=settings.trust_forwarded_for,
        server_header=False,
        log_level="info",
        log_config=serve_logging_config(settings.log_format),
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


def cmd_mirror(args: argparse.Namespace) -> int:
    """Keep DIR a copy of the public stories of the site at URL (no settings, no database)."""
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is noise here
    try:
        secret = args.webhook_secret
        if args.webhook_secret_file is not None:
            secret = Path(args.webhook_secret_file).read_text(encoding="utf-8").strip()
        listen = parse_listen(args.listen) if args.listen else None
        mirror = run_mirror(
            args.url,
            Path(args.dir),
            poll_interval=args.poll_interval,
            once=args.once,
            webhook_secret=secret,
            listen=listen,
        )
        asyncio.run(_stopped_by_sigterm(mirror))
    except MirrorError as error:
        print(f"mirror: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"mirror: {error.filename or ''}: {error.strerror}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except asyncio.CancelledError:  # SIGTERM: the copy and its cursor are consistent on disk
        return 0
    return 0


async def _stopped_by_sigterm(work: Coroutine[object, object, None]) -> None:
    task = asyncio.ensure_future(work)
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    await task


def _add_mirror(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    mirror = sub.add_parser(
        "mirror",
        help="keep a local copy of a site's public stories (the reference consumer)",
        description="Keep DIR a copy of the public stories of the Healing Stories site at URL: "
        "DIR/stories/<slug>.json as GET /api/v1/stories/<slug> gives them, and DIR/state.json "
        "with the change log cursor. The first run copies every story; later runs follow "
        "GET /api/v1/changes from the saved cursor and delete removed stories. Runs until "
        "stopped (Ctrl-C) unless --once; exits non-zero with a message when the URL or DIR is "
        "wrong or the site cannot be reached at the start.",
    )
    mirror.add_argument(
        "url", metavar="URL", help="the site's base URL, e.g. https://stories.example.org"
    )
    mirror.add_argument("dir", metavar="DIR", help="the folder of the copy (created if missing)")
    mirror.add_argument("--once", action="store_true", help="sync once and exit")
    mirror.add_argument(
        "--poll-interval",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="read the change log this often even without webhooks (default 60)",
    )
    mirror.add_argument(
        "--listen",
        metavar="HOST:PORT",
        help="receive the site's webhooks here (register http://HOST:PORT/ on the site, any "
        "path) and sync at once when one arrives; needs the endpoint's secret",
    )
    secret = mirror.add_mutually_exclusive_group()
    secret.add_argument(
        "--webhook-secret",
        metavar="WHSEC",
        help="the endpoint's whsec_… secret (visible to other users in the process list: "
        "prefer --webhook-secret-file)",
    )
    secret.add_argument(
        "--webhook-secret-file", metavar="PATH", help="a file holding the whsec_… secret"
    )
    mirror.add_argument("--quiet", action="store_true", help="log only problems")
    mirror.set_defaults(func=cmd_mirror, needs_settings=False)


def cmd_audit(args: argparse.Namespace, settings: Settings) -> int:
    async def work() -> int:
        count, broken = await verify_audit_chain()
        if broken is None:
            print(f"audit chain intact: {count} events")
            return 0
        print(f"audit chain BROKEN at event {broken[0]}: {broken[1]}", file=sys.stderr)
        return 1

    return _run_with_db(settings, work)


def _say(line: str) -> None:
    print(line, flush=True)


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    async def work() -> int:
        try:
            await backup_commands.make_backup(settings, Path(args.file), _say)
        except (SqliteBackupError, PostgresToolError, RestoreRefused, OSError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        return 0

    return _run_with_db(settings, work)


def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    async def work() -> bool:
        return await backup_commands.restore(
            settings,
            Path(args.file),
            force=args.force,
            withdrawal_files=[Path(p) for p in args.withdrawals],
            seal=_seal(settings),
            say=_say,
        )

    try:
        intact = asyncio.run(work())
    except (SqliteBackupError, PostgresToolError, RestoreRefused, JournalError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except (BaseORMException, OSError) as error:
        print(f"error: the database could not be used: {error}", file=sys.stderr)
        return 2
    return 0 if intact else 1


def cmd_apply_withdrawals(args: argparse.Namespace, settings: Settings) -> int:
    async def work() -> bool:
        await apply_migrations(settings.database_url, _seal(settings))
        files = [Path(p) for p in args.paths]
        return await backup_commands.apply_withdrawals(settings, files, _say)

    try:
        intact = asyncio.run(work())
    except (RestoreRefused, JournalError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0 if intact else 1


def cmd_rekey(args: argparse.Namespace, settings: Settings) -> int:
    if args.batch_size < 1:
        print("error: --batch-size must be at least 1", file=sys.stderr)
        return 2

    async def work() -> int:
        cipher = FieldCipher(settings.encryption_keys)
        totals = await rekey_all(cipher, batch_size=args.batch_size, say=_say)
        print(
            f"rekey done: {totals.resealed} value(s) re-encrypted, {totals.current} already "
            f"under the first key, {totals.changed_meanwhile} rewritten by the service meanwhile"
        )
        if totals.unreadable:
            print(
                f"error: {len(totals.unreadable)} value(s) need a key that is not configured: "
                "keep the old keys until they are found",
                file=sys.stderr,
            )
            return 1
        return 0

    return _run_with_db(settings, work)


def _add_backup_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = sub.add_parser(
        "backup",
        help="back the database up into FILE (SQLite: online backup; PostgreSQL: pg_dump -Fc), "
        "with its withdrawals in FILE.tombstones.json",
    )
    backup.add_argument("file", metavar="FILE")
    backup.set_defaults(func=cmd_backup)
    restore = sub.add_parser(
        "restore",
        help="restore FILE into the configured database, then re-apply every withdrawal made "
        "since (from FILE.tombstones.json, the withdrawal journal and --withdrawals)",
    )
    restore.add_argument("file", metavar="FILE")
    restore.add_argument(
        "--force", action="store_true", help="replace a database that holds data (stop first)"
    )
    restore.add_argument(
        "--withdrawals",
        action="append",
        default=[],
        metavar="PATH",
        help="a journal, a tombstones export or a folder of them (repeatable)",
    )
    restore.set_defaults(func=cmd_restore)
    apply = sub.add_parser(
        "apply-withdrawals",
        help="re-apply the withdrawals of the journal and PATHs to the configured database "
        "(after a restore made by hand)",
    )
    apply.add_argument("paths", nargs="*", metavar="PATH")
    apply.set_defaults(func=cmd_apply_withdrawals)
    rekey = sub.add_parser(
        "rekey",
        help="re-encrypt every encrypted value under the first key of STORIES_ENCRYPTION_KEY "
        "(resumable, safe while serving)",
    )
    rekey.add_argument("--batch-size", type=int, default=200)
    rekey.set_defaults(func=cmd_rekey)


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
    _add_mirror(sub)
    audit = sub.add_parser("audit", help="audit log tools")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_sub.add_parser("verify", help="check the hash chain").set_defaults(func=cmd_audit)
    _add_backup_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not getattr(args, "needs_settings", True):  # a client of another site: no settings here
        return int(args.func(args))
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    return int(args.func(args, settings))


if __name__ == "__main__":
    raise SystemExit(main())
