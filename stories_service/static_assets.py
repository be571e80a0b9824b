"""Static assets (CSS, scripts, icons) under content-versioned URLs.

Templates link ``static_url("site.css")``, which adds ``?v=`` and the first 12 hex digits of the
file's SHA-256. A request that names the current version may be kept for a year by browsers,
CDNs and the reverse proxy (``immutable``): a new release changes the URL. A request without
the version, or with an old one, gets a short cache, so nothing stale outlives a deploy by
more than a few minutes.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

STATIC_DIR = Path(__file__).resolve().parent / "static"
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=300"


@cache
def asset_version(name: str) -> str:
    """The version tag of one asset: read once per process (assets change only with a release)."""
    return hashlib.sha256((STATIC_DIR / name).read_bytes()).hexdigest()[:12]


def static_url(name: str) -> str:
    """The URL of an asset, with its version, for templates."""
    return f"/static/{name}?v={asset_version(name)}"


class VersionedStaticFiles(StaticFiles):
    """Starlette's static files, with a year of caching for the current version of an asset."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code in (200, 304):
            response.headers["Cache-Control"] = (
                LONG_CACHE if _names_current_version(path, scope) else SHORT_CACHE
            )
        return response


def _names_current_version(path: str, scope: Scope) -> bool:
    query_string: bytes = scope.get("query_string", b"")
    asked = parse_qs(query_string.decode("latin-1")).get("v")
    if not asked:
        return False
    try:
        return asked[0] == asset_version(path)
    except (OSError, ValueError):
        return False
