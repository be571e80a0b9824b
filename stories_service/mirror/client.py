"""The public API of a Healing Stories site, as the mirror reads it (httpx, no server code)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

CHANGES_PAGE = 100  # the change log's largest page
STORIES_PAGE = 100
KEEPALIVE_SECONDS = 2.0  # below uvicorn's 5 s keep-alive timeout


class MirrorError(Exception):
    """Something the person running the mirror can act on; the message says what."""


class Unreachable(MirrorError):
    """The site did not answer (network, timeout, 5xx): worth trying again later."""


@dataclass(frozen=True, slots=True)
class ChangesPage:
    changes: list[dict[str, Any]]
    next_cursor: str
    has_more: bool
    etag: str | None


def site_root(url: str) -> str:
    """The site's base URL without a trailing slash; MirrorError if it is not an http(s) URL."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise MirrorError(f"not an http(s) URL of a site: {url!r}")
    if parts.query or parts.fragment:
        raise MirrorError(f"give the site's base URL, without ?query or #fragment: {url!r}")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


class PublicSite:
    """Reads the change log and the stories of one site. Use as an async context manager."""

    def __init__(self, url: str, *, timeout: float = 30.0) -> None:
        self.root = site_root(url)
        self._http = httpx.AsyncClient(
            timeout=timeout,
            # Idle connections are let go before a server closes them (uvicorn after 5 s, the
            # same as httpx's default): a request sent on one just as the server closes it fails.
            limits=httpx.Limits(keepalive_expiry=KEEPALIVE_SECONDS),
            follow_redirects=False,
            headers={"Accept": "application/json", "User-Agent": "stories-service-mirror"},
        )

    async def __aenter__(self) -> PublicSite:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self._http.aclose()

    async def _get(self, path_and_query: str, headers: dict[str, str] | None = None) -> Any:
        url = self.root + path_and_query
        try:
            return await self._http.get(url, headers=headers)
        except httpx.TimeoutException:
            raise Unreachable(f"{url}: no answer in time") from None
        except httpx.TransportError as error:
            raise Unreachable(f"{url}: cannot connect ({type(error).__name__})") from None

    def _json(self, response: httpx.Response, what: str) -> Any:
        if response.status_code >= 500:
            raise Unreachable(f"{response.request.url}: the site answered {response.status_code}")
        if response.status_code != 200:
            raise MirrorError(
                f"{response.request.url}: answered {response.status_code}; is {self.root} a "
                f"Healing Stories site (it must serve {what})?"
            )
        try:
            return response.json()
        except ValueError:
            raise MirrorError(
                f"{response.request.url}: not JSON; is {self.root} a Healing Stories site?"
            ) from None

    async def changes(self, cursor: str | None, etag: str | None = None) -> ChangesPage | None:
        """The changes after ``cursor`` (the beginning if None); None when ``etag`` still holds."""
        query = {"limit": str(CHANGES_PAGE), **({"since": cursor} if cursor else {})}
        response = await self._get(
            "/api/v1/changes?" + urlencode(query), {"If-None-Match": etag} if etag else None
        )
        if response.status_code == 304 and etag:
            return None
        if response.status_code == 400 and cursor:
            raise MirrorError(
                f"{self.root} refused the saved cursor; remove the state file to sync afresh"
            )
        body = self._json(response, "/api/v1/changes")
        try:
            changes = [dict(change) for change in body["changes"]]
            next_cursor, has_more = str(body["next_cursor"]), bool(body["has_more"])
        except (KeyError, TypeError, ValueError):
            raise MirrorError(f"{self.root}/api/v1/changes: not a change log") from None
        return ChangesPage(changes, next_cursor, has_more, response.headers.get("etag"))

    async def stories(self) -> AsyncIterator[dict[str, Any]]:
        """Every story the site lists now (the JSON API's pages, followed to the end)."""
        path: str | None = f"/api/v1/stories?limit={STORIES_PAGE}"
        while path is not None:
            body = self._json(await self._get(path), "/api/v1/stories")
            for story in body.get("stories", []):
                yield story
            path = self._same_site(body.get("next_url"))

    def _same_site(self, url: object) -> str | None:
        """The path and query of the site's next link (followed on our own base URL, never to
        another host the answer names)."""
        if not url:
            return None
        parts = urlsplit(str(url))
        root_path = urlsplit(self.root).path
        path = parts.path.removeprefix(root_path) if root_path else parts.path
        return path + (f"?{parts.query}" if parts.query else "")

    async def story(self, slug: str) -> dict[str, Any] | None:
        """One story as the site gives it now; None when it is not public (404, 410)."""
        response = await self._get(f"/api/v1/stories/{slug}")
        if response.status_code in (404, 410):
            return None
        story = self._json(response, "/api/v1/stories/{slug}")
        if not isinstance(story, dict):
            raise MirrorError(f"{response.request.url}: not a story")
        return story
