"""Running a mirror with its webhook receiver: what ``stories-service mirror`` does."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import uvicorn

from stories_service.mirror.client import MirrorError, PublicSite
from stories_service.mirror.sync import Applied, Mirror
from stories_service.mirror.webhooks import WebhookReceiver, secret_key

log = logging.getLogger("stories_service.mirror")


def parse_listen(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:PORT`` for IPv6) to a host and a port; MirrorError otherwise."""
    host, sep, port = text.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise MirrorError(f"--listen: use HOST:PORT, e.g. 127.0.0.1:8081 (not {text!r})")
    return host, int(port)


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to HOST:PORT, or MirrorError saying why not (in use, no such address)."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        return socket.create_server((host, port), family=family)
    except OSError as error:
        raise MirrorError(f"--listen: cannot listen on {host}:{port} ({error.strerror})") from None


class _ReceiverServer(uvicorn.Server):
    """uvicorn without its signal handlers: the mirror's process decides what a signal stops
    (uvicorn's would stop the receiver alone and leave the mirror running)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def webhook_server(receiver: WebhookReceiver) -> uvicorn.Server:
    """A uvicorn server for the receiver alone: no lifespan, no access log (no addresses)."""
    config = uvicorn.Config(
        receiver,
        lifespan="off",
        access_log=False,
        log_level="warning",
        server_header=False,
        ws="none",
    )
    return _ReceiverServer(config)


async def run_mirror(
    url: str,
    folder: Path | str,
    *,
    poll_interval: float = 60.0,
    once: bool = False,
    webhook_secret: str | None = None,
    listen: tuple[str, int] | None = None,
    on_applied: Callable[[Applied], None] | None = None,
    on_ready: Callable[[Mirror], None] | None = None,
) -> None:
    """Keep ``folder`` a copy of the site at ``url`` until cancelled (or one sync with
    ``once``). With ``listen``, webhooks signed with ``webhook_secret`` trigger a sync at once."""
    if listen is not None and not webhook_secret:
        raise MirrorError("--listen needs a webhook secret (--webhook-secret or its file)")
    if webhook_secret:
        secret_key(webhook_secret)  # a bad secret fails before anything is fetched
    if poll_interval <= 0:
        raise MirrorError("--poll-interval must be more than 0 seconds")
    async with PublicSite(url) as site:
        mirror = Mirror(site, folder, poll_interval=poll_interval, on_applied=on_applied)
        if once or listen is None or webhook_secret is None:
            await _run(mirror, once, on_ready)
            return
        receiving = listening_socket(*listen)  # before the first sync: no webhook is missed
        server = webhook_server(WebhookReceiver(webhook_secret, mirror.webhook_arrived))
        serving = asyncio.create_task(server.serve(sockets=[receiving]))
        try:
            log.info("receiving webhooks on %s:%d", *listen)
            await _run(mirror, once, on_ready)
        finally:
            server.should_exit = True
            with contextlib.suppress(asyncio.CancelledError, SystemExit):
                await serving


async def _run(mirror: Mirror, once: bool, on_ready: Callable[[Mirror], None] | None) -> None:
    if on_ready is not None:
        on_ready(mirror)
    await mirror.run(once=once)
