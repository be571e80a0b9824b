"""``stories-service export-static DIR``: the whole public site as files, swapped in atomically.

The export answers the live service's URLs (``static_layout`` says which file holds which URL):
the same pages, feeds and JSON, rendered by the same functions, with the same paging links.
Pages leave out what a folder of files cannot do (the survivor pages, the language switch, the
topic filter). A withdrawn story keeps a tombstone page (``noindex``, no text) at its path and a
marker a configured server answers with 410.

The site is written with aiofiles into a fresh folder beside DIR, then DIR (a symbolic link) is
pointed at it with one ``rename``: a reader of DIR sees the old site or the new one, never half.
Each host writes its own copy into its own folder (no disk is shared between hosts): every
worker follows the public change counter in the database and re-exports after a change. An
exclusive ``flock`` on a file beside DIR (``.DIR.lock``) keeps two exports (the workers of one
host, the command) from removing each other's folder: one export at a time per folder.
"""

from __future__ import annotations

import asyncio
import fcntl
import json
import os
import secrets
import shutil
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import aiofiles
import jinja2

from stories_service.errors import ApiError
from stories_service.models import PublicChange
from stories_service.publishing import change_log
from stories_service.publishing.change_log import ChangeCursor, ChangePage, deleted_entries
from stories_service.publishing.content_notes import render_taxonomy
from stories_service.publishing.listings import listing_links, render_changes_page
from stories_service.publishing.queries import (
    Cursor,
    Filters,
    Page,
    page_of_stories,
    recent_tombstones,
    site_last_modified,
)
from stories_service.publishing.render import (
    Links,
    Site,
    live_site,
    render_api_list,
    render_api_story,
    render_atom,
    render_gone_html,
    render_index_html,
    render_json_feed,
    render_story_html,
)
from stories_service.publishing.static_layout import (
    DOCUMENTS,
    GONE_HTML,
    GONE_JSON,
    GONE_LIST,
    PLAIN_COPIES,
    gone_marker,
    page_file,
)
from stories_service.publishing.withdrawal_list import (
    WithdrawalCursor,
    page_of_withdrawals,
    render_withdrawals_page,
)
from stories_service.templating import STATIC_DIR

# No old version is kept: an unpublished story or an old byline must not survive on disk.
KEEP_OLD_VERSIONS = 0
TOMBSTONE_LIMIT = 100_000
# ``/api/v1/changes?since=`` files: one for every change among the newest this many (a consumer
# that fell further behind gets 404 and starts again from ``/api/v1/changes``), and the chain of
# pages from the beginning.
SINCE_FILES = 1000
# ``/api/v1/withdrawals`` pages of 1,000 (as the route lists them) written at most.
WITHDRAWAL_PAGES = 1000
LOCK_POLL_SECONDS = 0.1


def static_site(base_url: str) -> Site:
    """The live site's addresses, without the links a folder of files cannot answer."""
    return replace(live_site(base_url), tag_path=None, survivor_links=False)


@dataclass
class _Writer:
    root: Path
    files: int = 0

    async def write(self, relative: str, data: bytes) -> None:
        path = self.root / relative.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        async with aiofiles.open(path, "wb") as handle:
            await handle.write(data)
        self.files += 1


Render = Callable[[Page, Links], bytes | Awaitable[bytes]]


async def _write_listing(
    writer: _Writer, path: str, base: str, filters: Filters, render: Render
) -> list[Page]:
    """Every page of a listing the live pages link to (``after`` and ``before`` cursors),
    rendered with the live links; returns the pages walked from the first, in order."""
    todo: list[tuple[str, Cursor | None, Cursor | None]] = [("first", None, None)]
    done: set[str] = set()
    walked: list[Page] = []
    while todo:
        key, after, before = todo.pop()
        if key in done:
            continue
        done.add(key)
        page = await page_of_stories(filters, after=after, before=before)
        if before is None:
            walked.append(page)
        links = listing_links(base, path, {}, page, after=after, before=before)
        body = render(page, links)
        data = body if isinstance(body, bytes) else await body
        await writer.write(page_file(path, key), data)
        if key == "first" and path in PLAIN_COPIES:
            await writer.write(PLAIN_COPIES[path], data)
        if links.next_url and page.next_cursor:
            todo.append((f"after/{page.next_cursor.encode()}", page.next_cursor, None))
        if links.prev_url and page.prev_cursor:
            todo.append((f"before/{page.prev_cursor.encode()}", None, page.prev_cursor))
    return walked


async def _write_changes(writer: _Writer, base: str) -> None:
    """``/api/v1/changes``: the first page and a page after every cursor a consumer can hold
    (every change among the newest ``SINCE_FILES``, and the pages from the beginning)."""
    path, size = "/api/v1/changes", change_log.PAGE_SIZE
    rows = list(await PublicChange.all().order_by("id"))
    ids = [0] + [int(row.id) for row in rows]
    wanted = set(ids[-SINCE_FILES:]) | set(ids[::size])

    def page_after(position: int) -> ChangePage:
        later = rows[position : position + size + 1]  # the rows after ids[position]
        last = ids[position + len(later[:size])]
        return ChangePage(later[:size], ChangeCursor(last), len(later) > size)

    for position, change_id in enumerate(ids):
        if change_id not in wanted:
            continue
        body = render_changes_page(page_after(position), base, path, size, size)
        if change_id == 0:
            await writer.write(page_file(path, "first"), body)
        await writer.write(page_file(path, f"since/{ChangeCursor(change_id).encode()}"), body)


async def _write_withdrawals(writer: _Writer, base_url: str) -> None:
    """``/api/v1/withdrawals`` and the chain of ``?after=`` pages its ``next_url`` links follow,
    up to the position a poller keeps asking from (rendered as the route renders them)."""
    path = "/api/v1/withdrawals"
    now = datetime.now(UTC)
    cursor: WithdrawalCursor | None = None
    for _ in range(WITHDRAWAL_PAGES):
        page = await page_of_withdrawals(None, cursor, now=now)
        key = "first" if cursor is None else f"after/{cursor.encode()}"
        await writer.write(page_file(path, key), render_withdrawals_page(page, base_url, path))
        if cursor is not None and page.next_cursor == cursor:
            return
        cursor = page.next_cursor


async def _write_stories(
    writer: _Writer, env: jinja2.Environment, site: Site, pages: list[Page]
) -> set[str]:
    """Each public story's page, and its JSON when it is syndicated; returns their slugs."""
    slugs: set[str] = set()
    for story in (s for page in pages for s in page.stories):
        slugs.add(story.slug)
        await writer.write(f"stories/{story.slug}", render_story_html(env, story, site))
        if story.syndicate:
            await writer.write(f"api/v1/stories/{story.slug}", render_api_story(story, site))
    return slugs


async def _write_tombstones(
    writer: _Writer, env: jinja2.Environment, site: Site, public: set[str]
) -> None:
    """Withdrawn stories: the neutral page at the story's path (``noindex``), the 410 bodies,
    a marker per gone path and the list of them."""
    gone_page = render_gone_html(env, site)
    gone_json = ApiError(410, "This story is no longer available.", code="withdrawn").body()
    await writer.write(GONE_HTML, gone_page)
    gone_bytes = json.dumps(gone_json, ensure_ascii=False, separators=(",", ":")).encode()
    await writer.write(GONE_JSON, gone_bytes)
    gone_paths: list[str] = []
    for stone in await recent_tombstones(TOMBSTONE_LIMIT):
        if stone.slug in public:
            continue
        await writer.write(f"stories/{stone.slug}", gone_page)
        for prefix in DOCUMENTS:
            gone_paths.append(prefix + stone.slug)
            await writer.write(gone_marker(prefix + stone.slug), b"")
    await writer.write(GONE_LIST, "".join(p + "\n" for p in sorted(gone_paths)).encode())


def _static_files() -> Iterator[tuple[str, Path]]:
    for asset in sorted(STATIC_DIR.rglob("*")):
        if asset.is_file():
            yield asset.relative_to(STATIC_DIR).as_posix(), asset


async def write_site(root: Path, env: jinja2.Environment, base_url: str) -> int:
    """Render every public page, feed and JSON document under ``root``; returns the file count."""
    writer = _Writer(root)
    site = static_site(base_url)
    syndicated = Filters(syndicated_only=True)
    last_modified = await site_last_modified()

    def index_page(page: Page, links: Links) -> bytes:
        return render_index_html(
            env,
            page,
            site,
            Filters(),
            newer_href=links.prev_url,
            older_href=links.next_url,
            filters_form=False,
            self_href=links.self_url,
        )

    async def atom_page(page: Page, links: Links) -> bytes:
        tombstones = await deleted_entries() if page.is_first else []
        return render_atom(env, page, links, site, syndicated, tombstones, last_modified)

    html_pages = await _write_listing(writer, "/", "", Filters(), index_page)
    public = await _write_stories(writer, env, site, html_pages)
    await _write_tombstones(writer, env, site, public)
    await _write_listing(
        writer,
        "/feed.json",
        base_url,
        syndicated,
        lambda page, links: render_json_feed(page, links, site, syndicated, last_modified),
    )
    await _write_listing(writer, "/feed.atom", base_url, syndicated, atom_page)
    await _write_listing(
        writer,
        "/api/v1/stories",
        base_url,
        syndicated,
        lambda page, links: render_api_list(page, links, site),
    )
    await _write_changes(writer, base_url)
    await _write_withdrawals(writer, base_url)
    await writer.write(page_file("/api/v1/content-notes", "first"), render_taxonomy())
    for name, asset in _static_files():
        await writer.write(f"static/{name}", asset.read_bytes())
    return writer.files


def _swap(target: Path, fresh: Path) -> None:
    """Point ``target`` at ``fresh`` with one atomic rename of a symbolic link."""
    if target.exists() and not target.is_symlink():
        # First export over a plain folder: move it aside once, then use a link from now on.
        target.rename(target.with_name(f".{target.name}.replaced-{int(time.time())}"))
    link = target.with_name(f".{target.name}.link-{secrets.token_hex(4)}")
    os.symlink(fresh.name, link)
    os.replace(link, target)


def _clean_old_versions(target: Path, current: Path) -> None:
    """After a successful swap: remove earlier versions and any folder moved aside."""
    versions = sorted(
        (p for p in target.parent.glob(f".{target.name}.v-*") if p != current),
        key=lambda p: p.stat().st_mtime,
    )
    for old in versions[:-KEEP_OLD_VERSIONS] if KEEP_OLD_VERSIONS else versions:
        shutil.rmtree(old, ignore_errors=True)
    for replaced in target.parent.glob(f".{target.name}.replaced-*"):
        shutil.rmtree(replaced, ignore_errors=True)


def _placed(target: Path) -> Path:
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def _prepare(target: Path) -> Path:
    fresh = target.with_name(f".{target.name}.v-{time.time_ns()}-{secrets.token_hex(3)}")
    fresh.mkdir()
    return fresh


@asynccontextmanager
async def _export_lock(target: Path) -> AsyncIterator[None]:
    """One export at a time per DIR, across processes (waits without blocking the loop)."""
    descriptor = os.open(target.with_name(f".{target.name}.lock"), os.O_CREAT | os.O_RDWR, 0o600)
    try:
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                await asyncio.sleep(LOCK_POLL_SECONDS)
        yield
    finally:
        os.close(descriptor)  # releases the lock


async def export_static(target: Path, env: jinja2.Environment, base_url: str) -> int:
    """Write the site beside ``target`` and swap it in; returns the number of files."""
    target = _placed(target)
    async with _export_lock(target):
        fresh = _prepare(target)
        try:
            count = await write_site(fresh, env, base_url)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        _swap(target, fresh)
        _clean_old_versions(target, fresh)
    return count
