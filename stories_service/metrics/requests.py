"""The labels a request is counted and timed under: the template of the route that answered
it and its method (``response_edge.py`` counts every request with them)."""

from __future__ import annotations

from starlette.routing import Mount
from starlette.types import Scope

from stories_service.instruments import UNMATCHED_ROUTE

_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def route_label(scope: Scope) -> str:
    """The matched route's template (``/stories/{slug}``), never the path that was asked for:
    a path holds slugs and submission ids, and any client can make up new ones."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if not isinstance(path, str):
        return UNMATCHED_ROUTE
    if isinstance(route, Mount):
        return path + "/{path}"
    return path


def method_label(method: str) -> str:
    return method if method in _METHODS else "other"
