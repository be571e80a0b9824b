"""Where the static export keeps each public URL, and how a web server finds it again.

The export answers the live service's URLs, query strings included, with the files below; the
nginx and Caddy configurations in ``docs/deploy.md`` do what :func:`resolve` does (the tests
serve the export through :func:`resolve` and compare it with the live service):

- a single document is the file at its URL path: ``stories/<slug>`` (HTML) and
  ``api/v1/stories/<slug>`` (JSON), without a suffix, so the server gives the type by location;
- a listing (``/``, ``/feed.json``, ``/feed.atom``, ``/api/v1/stories``, ``/api/v1/changes``,
  ``/api/v1/withdrawals``; ``/api/v1/content-notes``, of one page) is a folder
  ``_export/pages/<path>/`` holding ``first`` (no query) and one file per query the live pages
  link to: ``after/<cursor>``, ``before/<cursor>``, ``since/<cursor>``. Page one of the index
  and the feeds is also at ``index.html``, ``feed.json`` and ``feed.atom``, for a host that
  can do nothing else;
- a removed story the live service answers with 410 has an empty marker file at
  ``_export/gone/<path>``; the server answers 410 with ``_export/gone.html`` or
  ``_export/gone.json``; ``_export/gone.txt`` lists those paths, one a line;
- ``_export/`` itself is never served directly.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path

HTML_TYPE = "text/html; charset=utf-8"
JSON_TYPE = "application/json"
JSON_FEED_TYPE = "application/feed+json"
ATOM_TYPE = "application/atom+xml; charset=utf-8"

EXPORT_FOLDER = "_export"
PAGES = f"{EXPORT_FOLDER}/pages"
GONE = f"{EXPORT_FOLDER}/gone"
GONE_HTML = f"{EXPORT_FOLDER}/gone.html"
GONE_JSON = f"{EXPORT_FOLDER}/gone.json"
GONE_LIST = f"{EXPORT_FOLDER}/gone.txt"

# The listings and their types; every other path is a document below a prefix, or nothing.
LISTINGS: dict[str, str] = {
    "/": HTML_TYPE,
    "/feed.json": JSON_FEED_TYPE,
    "/feed.atom": ATOM_TYPE,
    "/api/v1/stories": JSON_TYPE,
    "/api/v1/changes": JSON_TYPE,
    "/api/v1/withdrawals": JSON_TYPE,
    "/api/v1/content-notes": JSON_TYPE,
}
# Page one also under its own name, for hosts without the configuration.
PLAIN_COPIES = {"/": "index.html", "/feed.json": "feed.json", "/feed.atom": "feed.atom"}
DOCUMENTS: dict[str, tuple[str, str]] = {
    # prefix: (type, body of a 410)
    "/stories/": (HTML_TYPE, GONE_HTML),
    "/api/v1/stories/": (JSON_TYPE, GONE_JSON),
}
STATIC_PREFIX = "/static/"

# What the servers' query maps accept: one parameter, a cursor of URL-safe base64.
_QUERY = re.compile(r"^(?P<name>after|before|since)=(?P<cursor>[A-Za-z0-9_-]{1,128})$")
_SEGMENT = re.compile(r"^[A-Za-z0-9_-]{1,128}$")


def page_key(query: str) -> str | None:
    """The page file a listing's query string names (``first`` without one); None when the
    export has no such page (a filter, a limit, more than one parameter)."""
    if query == "":
        return "first"
    found = _QUERY.match(query)
    if found is None:
        return None
    return f"{found['name']}/{found['cursor']}"


def page_file(path: str, key: str) -> str:
    """The export-relative file of a listing's page (``/`` keeps its pages at the top)."""
    return f"{PAGES}{path.rstrip('/')}/{key}"


def gone_marker(path: str) -> str:
    return f"{GONE}{path}"


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    file: str | None = None  # export-relative
    content_type: str | None = None


NOT_FOUND = Answer(404)


def resolve(root: Path, path: str, query: str = "") -> Answer:
    """What a server configured as in ``docs/deploy.md`` answers for ``path?query``."""
    if path in LISTINGS:
        key = page_key(query)
        candidates = [page_file(path, key)] if key else []
        if path == "/":  # people's links carry tracking parameters: page one for those
            candidates.append(page_file(path, "first"))
        for candidate in candidates:
            if (root / candidate).is_file():
                return Answer(200, candidate, LISTINGS[path])
        return NOT_FOUND
    for prefix, (content_type, gone_body) in DOCUMENTS.items():
        if path.startswith(prefix):
            name = path.removeprefix(prefix)
            if not _SEGMENT.match(name):
                return NOT_FOUND
            if (root / gone_marker(path).lstrip("/")).is_file():
                return Answer(410, gone_body, content_type)
            relative = path.lstrip("/")
            if (root / relative).is_file():
                return Answer(200, relative, content_type)
            return NOT_FOUND
    if path.startswith(STATIC_PREFIX):
        relative = path.lstrip("/")
        if ".." not in relative.split("/") and (root / relative).is_file():
            guessed = mimetypes.guess_type(relative)[0] or "application/octet-stream"
            text = guessed.startswith("text/")  # nginx: charset utf-8 with charset_types text/*
            return Answer(200, relative, guessed + ("; charset=utf-8" if text else ""))
    return NOT_FOUND
