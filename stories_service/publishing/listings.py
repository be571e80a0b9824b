"""The paging links of the public listings and the change log's page: one way to write them.

The live routes and the static export both build their pages here, so a listing in the export
links to the same URLs (``?after=``, ``?before=``, ``?since=``) as the live service.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

from stories_service.publishing.change_log import ChangePage, change_json
from stories_service.publishing.queries import Cursor, Page
from stories_service.publishing.render import Links


def _href(base: str, path: str, params: dict[str, str], **cursor: str) -> str:
    query = {**params, **cursor}
    return base + path + ("?" + urlencode(query) if query else "")


def listing_links(
    base: str,
    path: str,
    params: dict[str, str],
    page: Page,
    *,
    after: Cursor | None = None,
    before: Cursor | None = None,
) -> Links:
    """The links of one page of a listing at ``path`` (``params``: its filters and limit, in
    the order they are written); ``base`` is "" for site-relative links."""
    here: dict[str, str] = {}
    if after:
        here["after"] = after.encode()
    if before:
        here["before"] = before.encode()
    return Links(
        self_url=_href(base, path, params, **here),
        first_url=_href(base, path, params),
        next_url=_href(base, path, params, after=page.next_cursor.encode())
        if page.next_cursor
        else None,
        prev_url=_href(base, path, params, before=page.prev_cursor.encode())
        if page.prev_cursor and not page.is_first
        else None,
    )


def render_changes_page(page: ChangePage, base: str, path: str, limit: int, default: int) -> bytes:
    """``GET /api/v1/changes``: one page of changes and the cursor (and URL) to go on from."""
    next_query = {"since": page.next_cursor.encode()}
    if limit != default:
        next_query["limit"] = str(limit)
    return json.dumps(
        {
            "changes": [change_json(row) for row in page.changes],
            "next_cursor": page.next_cursor.encode(),
            "next_url": f"{base}{path}?{urlencode(next_query)}",
            "has_more": page.has_more,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
