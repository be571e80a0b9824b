"""Public GET routes for search engines: the sitemap and robots.txt."""

from __future__ import annotations

from starlette.requests import Request

from stories_service.publishing.changes import CachedPage
from stories_service.publishing.queries import indexable_stories
from stories_service.publishing.render import live_site
from stories_service.publishing.seo import render_robots, render_sitemap
from stories_service.publishing.serving import (
    CachedEndpoint,
    make_page,
    page_cache,
    public_cache_control,
    shared_last_modified,
)
from stories_service.runtime import runtime_of

SITEMAP_TYPE = "application/xml; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"


async def _sitemap(request: Request) -> CachedPage:
    """GET /sitemap.xml: the index and every story whose survivor agreed to search indexing."""
    runtime = runtime_of(request)
    site = live_site(runtime.settings.base_url)
    last_modified = await shared_last_modified(page_cache(runtime))
    stories = await indexable_stories()
    entries = [(site.base_url + site.index_path, last_modified)]
    entries += [(site.story_url(slug), updated) for slug, updated in stories]
    body = render_sitemap(entries)
    return make_page(body, SITEMAP_TYPE, last_modified, public_cache_control(runtime))


async def _robots(request: Request) -> CachedPage:
    """GET /robots.txt: what crawlers may fetch, and where the sitemap is."""
    runtime = runtime_of(request)
    body = render_robots(runtime.settings.base_url)
    last_modified = await shared_last_modified(page_cache(runtime))
    return make_page(body, TEXT_TYPE, last_modified, public_cache_control(runtime))


sitemap = CachedEndpoint(_sitemap)
robots = CachedEndpoint(_robots)
