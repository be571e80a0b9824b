"""Background work of each worker: the cache poller, the scheduler, webhooks, re-export.

The poller always runs (it keeps the page cache honest). The scheduler and the webhook
dispatcher run when ``settings.background_jobs`` is true; they take a job lease so that one
worker of many does the work at a time, and each step is also safe if two ran at once. Tests
call ``run_scheduler_once`` and ``run_dispatcher_once`` directly.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress

from stories_service.leases import acquire_lease
from stories_service.publishing.changes import (
    poll_public_changes,
    register_cache,
    unregister_cache,
)
from stories_service.publishing.export import export_static
from stories_service.publishing.publisher import publish_due_stories
from stories_service.publishing.serving import page_cache
from stories_service.runtime import Runtime
from stories_service.webhooks.delivery import deliver_due, fan_out

log = logging.getLogger("stories_service.jobs")

WORKER_ID = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
SCHEDULER_INTERVAL = 5.0
DISPATCHER_INTERVAL = 2.0


async def run_scheduler_once(runtime: Runtime) -> list[str]:
    """Publish the stories whose time has come (safe to call from several workers)."""
    return await publish_due_stories(runtime.cipher, runtime.settings.base_url)


async def run_dispatcher_once(runtime: Runtime) -> int:
    """Fan new outbox events out to endpoints and send what is due; returns attempts made."""
    await fan_out()
    return await deliver_due(
        runtime.cipher,
        base_seconds=runtime.settings.webhook_retry_base_seconds,
        base_url=runtime.settings.base_url,
    )


async def run_export_once(runtime: Runtime) -> int | None:
    if runtime.settings.export_dir is None:
        return None
    return await export_static(
        runtime.settings.export_dir, runtime.templates.env, runtime.settings.base_url
    )


async def _every(
    name: str, interval: float, step: Callable[[], Awaitable[object]], *, lease: bool = True
) -> None:
    while True:
        try:
            if not lease or await acquire_lease(name, WORKER_ID, interval * 6):
                await step()
        except asyncio.CancelledError:
            raise
        except Exception as error:
            log.warning("job %s failed: %s", name, type(error).__name__)
        await asyncio.sleep(interval)


class _Exporter:
    """Re-exports after a change; one export at a time, and one more if changes came meanwhile."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.wanted = asyncio.Event()

    async def on_change(self) -> None:
        self.wanted.set()

    async def run(self) -> None:
        while True:
            await self.wanted.wait()
            self.wanted.clear()
            try:
                if await acquire_lease("export-static", WORKER_ID, 300):
                    await run_export_once(self.runtime)
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.warning("static export failed: %s", type(error).__name__)


@asynccontextmanager
async def publishing_jobs(runtime: Runtime) -> AsyncIterator[None]:
    """Start this worker's background tasks for the app's lifespan."""
    cache = page_cache(runtime)
    register_cache(cache)
    exporter = _Exporter(runtime) if runtime.settings.export_dir else None
    tasks = [
        asyncio.create_task(
            poll_public_changes(cache, on_change=exporter.on_change if exporter else None)
        )
    ]
    if exporter is not None:
        tasks.append(asyncio.create_task(exporter.run()))
        exporter.wanted.set()  # export once at start
    if runtime.settings.background_jobs:
        tasks.append(
            asyncio.create_task(
                _every("publish-due", SCHEDULER_INTERVAL, lambda: run_scheduler_once(runtime))
            )
        )
        tasks.append(
            asyncio.create_task(
                _every("webhooks", DISPATCHER_INTERVAL, lambda: run_dispatcher_once(runtime))
            )
        )
    try:
        yield
    finally:
        unregister_cache(cache)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with suppress(asyncio.CancelledError):
                await task
