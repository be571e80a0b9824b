"""What the running service holds besides the database: settings, cipher, templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.templating import Jinja2Templates

from stories_service.crypto import FieldCipher
from stories_service.settings import Settings


@dataclass(slots=True)
class Runtime:
    settings: Settings
    cipher: FieldCipher
    templates: Jinja2Templates
    # Feature modules keep their per-process state here (page caches, job handles).
    extensions: dict[str, Any] = field(default_factory=dict)


def runtime_of(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def client_address(request: Request, settings: Settings) -> str:
    """The client's address for throttling only (never stored in clear)."""
    if settings.trust_forwarded_for:
        # The rightmost entry is the one our own proxy added; the ones before it are whatever
        # the client chose to send, and would let it dodge the throttles.
        forwarded = request.headers.get("x-forwarded-for", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.client.host if request.client else "unknown"
