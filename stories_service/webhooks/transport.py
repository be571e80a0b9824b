"""The HTTP client that delivers webhooks: it connects only to addresses the rule allows.

A check of the URL before sending is not enough: the name could resolve to a public address
for the check and to 127.0.0.1 for the connection (DNS rebinding). So the network backend
under httpx resolves the name itself, refuses the connection if any address it resolved to is
refused by ``moderation.webhook_targets.refusal``, and connects to the addresses it checked.
The request keeps the URL's name in its Host header and as the TLS server name, so virtual
hosts and certificate checks work as before. Redirects are not followed (a 302 is an answer,
recorded as such) and no proxy from the environment is used: the connection is the one checked.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable
from ipaddress import ip_address

import anyio
import httpcore
import httpx

from moderation.webhook_targets import Address, Network, refusal


class AddressRefused(httpx.ConnectError):
    """The receiver's address is one webhooks may not reach; nothing was sent."""


class _CheckedBackend(httpcore.AsyncNetworkBackend):
    """Resolves, checks every address, then connects to a checked address (by its number)."""

    def __init__(self, allowed: tuple[Network, ...]) -> None:
        self._allowed = allowed
        self._backend = httpcore.AnyIOBackend()

    async def _resolve(self, host: str, port: int) -> list[Address]:
        try:
            answers = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            raise httpcore.ConnectError("the name does not resolve") from error
        addresses: list[Address] = []
        for *_, sockaddr in answers:
            address = ip_address(str(sockaddr[0]))
            if address not in addresses:
                addresses.append(address)
        return addresses

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            with anyio.fail_after(timeout):
                addresses = await self._resolve(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout("resolving the name timed out") from None
        if any(refusal(address, self._allowed) for address in addresses):
            raise AddressRefused("the receiver's address is refused")
        failure: httpcore.ConnectError | None = None
        for address in addresses:
            try:
                return await self._backend.connect_tcp(
                    str(address),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as error:
                failure = error
        raise failure or httpcore.ConnectError("the name has no address")

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise AddressRefused("webhooks are delivered over TCP only")

    async def sleep(self, seconds: float) -> None:
        await anyio.sleep(seconds)


class _CheckedTransport(httpx.AsyncHTTPTransport):
    def __init__(self, allowed: tuple[Network, ...]) -> None:
        super().__init__()
        # httpx takes no network backend, so its pool is replaced by one with ours; the
        # isinstance check makes a future httpx that renames the pool fail here, not open.
        if not isinstance(getattr(self, "_pool", None), httpcore.AsyncConnectionPool):
            raise RuntimeError("httpx changed: the webhook address check cannot be installed")
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=_CheckedBackend(allowed),
        )


def webhook_client(allowed: tuple[Network, ...]) -> httpx.AsyncClient:
    """A client that reaches only allowed addresses, follows no redirect and uses no proxy
    (an explicit transport turns off httpx's proxies from the environment)."""
    return httpx.AsyncClient(transport=_CheckedTransport(allowed), follow_redirects=False)
