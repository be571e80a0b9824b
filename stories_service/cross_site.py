"""Survivor endpoints refuse posts that another website's page made a browser send.

A hostile page can make its visitor's browser post to ``/my-story``, ``/submit`` or the
survivor API. Nothing it sends opens anything without a receipt code, but every such post spent
the visitor's own throttles (their address's quota, shared with everyone behind the same shelter
network or Tor exit). So these endpoints are wrapped in :func:`same_site_only`, which answers 403
before the handler reads the body or touches a throttle.

Browsers say where a request comes from. ``Sec-Fetch-Site`` (every current browser) decides when
present: ``cross-site`` is refused; ``same-origin``, ``same-site`` (a page of the organisation's
own site) and ``none`` (the person's own doing: a bookmark, the address bar) pass. Without it,
an ``Origin`` other than the one of ``STORIES_BASE_URL`` is refused. Requests that carry neither
header pass: older browsers and API clients send none, and refusing them would lock out the
people these endpoints are for. ``Origin: null`` without ``Sec-Fetch-Site`` passes too: the
service's own ``Referrer-Policy: no-referrer`` makes browsers send exactly that on posts from the
service's own pages when they send no ``Sec-Fetch-Site`` (older browsers; Chromium 156 over plain
http, as tests/service/test_cross_site_browser.py shows). A page can make a browser send
``Origin: null`` on purpose, so such browsers are as unprotected as those that send nothing;
every browser that sends ``Sec-Fetch-Site`` is protected.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import cache, wraps
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

from stories_service.errors import ApiError
from stories_service.i18n import lazy_gettext as _l
from stories_service.runtime import runtime_of

Endpoint = Callable[[Request], Awaitable[Response]]

CROSS_SITE_MESSAGE = _l(
    "This form was sent from another website, so we did not accept it and nothing was saved. "
    "If you meant to send it, open this page on our own site and try again."
)
_PASSING_FETCH_SITES = frozenset({"same-origin", "same-site", "none"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


@cache
def origin_of(url: str) -> str | None:
    """``scheme://host[:port]`` of an absolute http(s) URL, lowercase, default port dropped;
    None for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is None or port == _DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def is_cross_site(fetch_site: str | None, origin: str | None, own_origin: str | None) -> bool:
    """Whether a browser sent this request from another site's page (see the module's text)."""
    if fetch_site is not None:
        site = fetch_site.strip().lower()
        if site == "cross-site":
            return True
        if site in _PASSING_FETCH_SITES:
            return False
    if origin is None or origin.strip().lower() == "null":
        return False
    return origin_of(origin) is None or origin_of(origin) != own_origin


def refuse_cross_site(request: Request) -> None:
    """Raise 403 for a request another website's page sent (before anything else looks at it)."""
    own_origin = origin_of(runtime_of(request).settings.base_url)
    headers = request.headers
    if is_cross_site(headers.get("sec-fetch-site"), headers.get("origin"), own_origin):
        raise ApiError(403, CROSS_SITE_MESSAGE, code="cross_site_request")


def same_site_only(handler: Endpoint) -> Endpoint:
    """Wrap a survivor endpoint: cross-site requests get 403 before the handler runs."""

    @wraps(handler)
    async def endpoint(request: Request) -> Response:
        refuse_cross_site(request)
        return await handler(request)

    return endpoint
