"""``stories-service export-static DIR``: the whole public site as files, swapped in atomically.

The site is written with aiofiles into a fresh folder beside DIR, then DIR (a symbolic link) is
pointed at it with one ``rename``: a reader of DIR sees the old site or the new one, never half.
Static hosting cannot answer 410, so a withdrawn story's page holds the neutral notice.

Each host writes its own copy into its own folder (no disk is shared between hosts): every
worker follows the public change counter in the database and re-exports after a change. The
workers of one host share the folder, so an export holds an exclusive ``flock`` on a lock file
beside it (``.DIR.lock``) from the first file written to the swap and the clean-up: one export
at a time per folder, and never one removing the folder another is still writing.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import secrets
import shutil
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import aiofiles
import jinja2

from stories_service.publishing.queries import (
    Filters,
    Page,
    StoryRow,
    page_of_stories,
    recent_tombstones,
    site_last_modified,
)
from stories_service.publishing.render import (
    Links,
    Site,
    render_api_list,
    render_api_story,
    render_atom,
    render_gone_html,
    render_index_html,
    render_json_feed,
    render_story_html,
)
from stories_service.templating import STATIC_DIR

# No old version is kept: an unpublished story or an old byline must not survive on disk.
KEEP_OLD_VERSIONS = 0
TOMBSTONE_LIMIT = 100_000
# How often a waiting export tries the folder's lock again (it never blocks the event loop).
LOCK_POLL_SECONDS = 0.2


def static_site(base_url: str) -> Site:
    return Site(
        base_url=base_url,
        story_path=lambda slug: f"/stories/{slug}/",
        tag_path=lambda _tag: "/",
    )


@dataclass
class _Writer:
    root: Path
    files: int = 0

    async def write(self, relative: str, data: bytes) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        async with aiofiles.open(path, "wb") as handle:
            await handle.write(data)
        self.files += 1


async def _walk(filters: Filters) -> list[Page]:
    pages: list[Page] = []
    cursor = None
    while True:
        page = await page_of_stories(filters, after=cursor)
        pages.append(page)
        if page.next_cursor is None:
            return pages
        cursor = page.next_cursor


def _numbered(first: str, pattern: str, number: int, base: str = "") -> str:
    return base + (first if number == 1 else pattern.format(n=number))


def _links(count: int, n: int, first: str, pattern: str, base: str) -> Links:
    return Links(
        self_url=_numbered(first, pattern, n, base),
        first_url=base + first,
        next_url=_numbered(first, pattern, n + 1, base) if n < count else None,
        prev_url=_numbered(first, pattern, n - 1, base) if n > 1 else None,
    )


async def _write_listing(
    writer: _Writer,
    pages: list[Page],
    first: str,
    pattern: str,
    base: str,
    render: Callable[[Page, Links], bytes],
) -> None:
    for n, page in enumerate(pages, start=1):
        links = _links(len(pages), n, first, pattern, base)
        await writer.write(_numbered(first, pattern, n).lstrip("/"), render(page, links))


async def write_site(root: Path, env: jinja2.Environment, base_url: str) -> int:
    """Render every public page, feed and JSON document under ``root``; returns the file count."""
    writer = _Writer(root)
    site = static_site(base_url)
    everything = Filters()
    syndicated = Filters(syndicated_only=True)
    last_modified = await site_last_modified()
    html_pages = await _walk(everything)

    def index_page(page: Page, links: Links) -> bytes:
        return render_index_html(
            env,
            page,
            site,
            everything,
            newer_href=links.prev_url,
            older_href=links.next_url,
            filters_form=False,
        )

    await _write_listing(writer, html_pages, "/index.html", "/page/{n}/index.html", "", index_page)
    stories: list[StoryRow] = [s for page in html_pages for s in page.stories]
    for story in stories:
        await writer.write(f"stories/{story.slug}/index.html", render_story_html(env, story, site))
    tombstones = await recent_tombstones(TOMBSTONE_LIMIT)
    gone = render_gone_html(env, site)
    for stone in tombstones:
        await writer.write(f"stories/{stone.slug}/index.html", gone)

    feed_pages = await _walk(syndicated)
    await _write_listing(
        writer,
        feed_pages,
        "/feed.json",
        "/feed/{n}.json",
        base_url,
        lambda page, links: render_json_feed(page, links, site, syndicated, last_modified),
    )
    await _write_listing(
        writer,
        feed_pages,
        "/feed.atom",
        "/feed/{n}.atom",
        base_url,
        lambda page, links: render_atom(
            env,
            page,
            links,
            site,
            syndicated,
            tombstones[:100] if links.prev_url is None else [],
            last_modified,
        ),
    )
    await _write_listing(
        writer,
        feed_pages,
        "/api/v1/stories/index.json",
        "/api/v1/stories/page/{n}.json",
        base_url,
        lambda page, links: render_api_list(page, links, site),
    )
    for page in feed_pages:
        for story in page.stories:
            await writer.write(f"api/v1/stories/{story.slug}.json", render_api_story(story, site))
    for asset in STATIC_DIR.iterdir():
        if asset.is_file():
            await writer.write(f"static/{asset.name}", asset.read_bytes())
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


def _prepare(target: Path) -> tuple[Path, Path]:
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = target.with_name(f".{target.name}.v-{time.time_ns()}-{secrets.token_hex(3)}")
    fresh.mkdir()
    return target, fresh


def _open_lock_file(target: Path) -> int:
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    return os.open(target.with_name(f".{target.name}.lock"), os.O_RDWR | os.O_CREAT, 0o600)


@contextlib.asynccontextmanager
async def _folder_lock(target: Path) -> AsyncIterator[None]:
    """Hold the exclusive lock of ``target``'s exports (workers of this host, the CLI)."""
    fd = _open_lock_file(target)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                await asyncio.sleep(LOCK_POLL_SECONDS)
        yield
    finally:
        os.close(fd)  # releases the lock


async def export_static(target: Path, env: jinja2.Environment, base_url: str) -> int:
    """Write the site beside ``target`` and swap it in; returns the number of files. Waits
    while another process of this host exports into the same folder."""
    async with _folder_lock(target):
        target, fresh = _prepare(target)
        try:
            count = await write_site(fresh, env, base_url)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        _swap(target, fresh)
        _clean_old_versions(target, fresh)
    return count
