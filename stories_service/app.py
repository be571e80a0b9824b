"""The application factory: ``create_app(settings)`` is the one way the app is built."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from tortoise.contrib.starlette import RegisterTortoise

from stories_service import periodic
from stories_service.backup.journal_catch_up import journal_catch_up_jobs
from stories_service.cors import CorsMiddleware
from stories_service.crypto import FieldCipher
from stories_service.db.config import tortoise_config
from stories_service.db.lifecycle import apply_migrations
from stories_service.errors import EXCEPTION_HANDLERS, CatchUnexpectedMiddleware
from stories_service.housekeeping import housekeeping_jobs
from stories_service.http_input import BodyLimitMiddleware
from stories_service.i18n.middleware import LocaleMiddleware
from stories_service.moderating.claim_expiry import claim_expiry_jobs
from stories_service.protection.jobs import protection_jobs
from stories_service.publishing.jobs import public_cache_watch, publishing_jobs
from stories_service.redaction_warm_up import defer_warm_up, start_warm_up
from stories_service.response_edge import ResponseEdgeMiddleware
from stories_service.routes import build_routes
from stories_service.runtime import Runtime
from stories_service.sanitizing import pool_running
from stories_service.settings import Settings, load_settings
from stories_service.staff.sessions import session_expiry_jobs
from stories_service.templating import build_templates
from stories_service.webhooks.jobs import webhook_jobs

log = logging.getLogger("stories_service")
QUERY_LOGGERS = ("tortoise.db_client", "aiosqlite", "asyncpg")


def middleware_layers(settings: Settings) -> list[Middleware]:
    """The app's own layers, outermost first; each runs on every request, the cached feed's
    included, so a layer with nothing to do is left out rather than passed through."""
    layers = [
        # Outermost: security headers on every answer, 500s too, and each one counted.
        Middleware(
            ResponseEdgeMiddleware, https=settings.https, embed_origins=settings.embed_origins
        ),
    ]
    if settings.cors_origins:  # without origins CORS adds nothing anywhere
        layers.append(Middleware(CorsMiddleware, origins=settings.cors_origins))
    layers += [
        Middleware(LocaleMiddleware),
        Middleware(BodyLimitMiddleware, limit=settings.max_body_bytes),
        # Innermost: an unexpected error's 500 is in the reader's language, with CORS headers.
        Middleware(CatchUnexpectedMiddleware),
    ]
    return layers


def create_app(settings: Settings | None = None) -> Starlette:
    """Build the Starlette app; its lifespan applies migrations (if enabled) and opens Tortoise."""
    settings = settings or load_settings()
    # The database drivers log queries with their parameters at DEBUG; survivor text must never
    # reach a log, whatever level an operator turns on.
    for name in QUERY_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)
    runtime = Runtime(
        settings=settings,
        cipher=FieldCipher(settings.encryption_keys),
        templates=build_templates(),
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # The engine's tables are built in a thread of their own while the app serves: /healthz
        # answers at once, /readyz once they are built; what needs the engine waits for them.
        # (STORIES_REDACTION_WARM_UP=first_use: built when something first needs them.)
        if settings.redaction_warm_up == "first_use":
            defer_warm_up(settings.cache_dir)
        else:
            start_warm_up(settings.cache_dir)
        if settings.apply_migrations_on_start:
            await apply_migrations(settings.database_url, runtime.cipher.seal_column)
        jobs = (
            [
                *claim_expiry_jobs(settings),
                *publishing_jobs(runtime),
                *webhook_jobs(runtime),
                *protection_jobs(settings),
                *journal_catch_up_jobs(settings),
                *housekeeping_jobs(),
                *session_expiry_jobs(settings),
            ]
            if settings.background_jobs
            else []
        )
        async with (
            pool_running(),  # the sanitiser's child processes, reaped last
            RegisterTortoise(
                app,
                config=tortoise_config(
                    settings.database_url, statement_timeout=settings.db_statement_timeout_seconds
                ),
            ),
            public_cache_watch(runtime),
            periodic.running(jobs),
        ):
            log.info("serving on %s", settings.database_url.split("://")[0])
            if settings.keys_in_data_dir and not settings.database_url.startswith("sqlite"):
                # Another host would generate keys of its own: see docs/deploy.md.
                log.warning(
                    "keys come from %s, not the environment: every host of this database "
                    "needs STORIES_SECRET_KEY and STORIES_ENCRYPTION_KEY",
                    settings.data_dir,
                )
            yield

    app = Starlette(
        debug=False,
        routes=build_routes(),
        middleware=middleware_layers(settings),
        exception_handlers=EXCEPTION_HANDLERS,
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    return app
