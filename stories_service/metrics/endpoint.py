"""``GET /metrics``: the Prometheus text format, for an admin's API token or the scrape token.

Only ``Authorization: Bearer`` is accepted, never the console's session cookie: a browser never
sends a bearer token on its own, so no other website can make a signed-in admin's browser fetch
the figures (nor does a cookie-less scraper need CSRF). The bearer is either an API token of an
active admin, or ``STORIES_METRICS_TOKEN``, a secret that opens nothing but this page, for the
monitoring system (least privilege: it cannot read a story or change anything).
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.metrics_core import Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import Response

from moderation.states import StaffRole
from stories_service.errors import ApiError
from stories_service.metrics.database_figures import (
    DatabaseFiguresCollector,
    read_database_figures,
)
from stories_service.runtime import runtime_of
from stories_service.settings import Settings
from stories_service.staff.auth import has_role
from stories_service.staff.tokens import optional_bearer_staff

_BEARER = {"WWW-Authenticate": "Bearer"}


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def _authorize(request: Request, settings: Settings) -> None:
    """401 without a valid bearer token, 403 for a staff token below admin."""
    token = _bearer(request)
    if token is None:
        raise ApiError(401, "Send an admin's API token or the metrics token.", headers=_BEARER)
    expected = settings.metrics_token
    if expected is not None and hmac.compare_digest(token.encode(), expected.encode()):
        return
    staff = await optional_bearer_staff(request)  # 401 for a token that is not valid
    if staff is None or not has_role(staff, StaffRole.ADMIN):
        raise ApiError(403, "Metrics need an admin's API token or the metrics token.")


class _Families(Collector):
    """Metric families collected already, handed to one scrape's registry."""

    def __init__(self, families: Iterable[Metric]) -> None:
        self.families = list(families)

    def collect(self) -> Iterable[Metric]:
        return self.families


def _registry(settings: Settings) -> CollectorRegistry:
    """This scrape's registry: every worker's instruments (from the shared files with several
    workers, else this process's own, with its process and runtime figures)."""
    registry = CollectorRegistry(auto_describe=False)
    if settings.metrics_multiprocess_dir is not None:
        MultiProcessCollector(registry, path=str(settings.metrics_multiprocess_dir))  # type: ignore[no-untyped-call]
    else:
        registry.register(_Families(REGISTRY.collect()))
    return registry


async def metrics(request: Request) -> Response:
    settings = runtime_of(request).settings
    await _authorize(request, settings)
    registry = _registry(settings)
    registry.register(DatabaseFiguresCollector(await read_database_figures()))
    return Response(
        generate_latest(registry),
        media_type=CONTENT_TYPE_LATEST,
        headers={"Cache-Control": "no-store"},
    )
