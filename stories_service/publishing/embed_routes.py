"""Public GET routes for other sites: the embeddable fragments and oEmbed."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request

from stories_service.errors import ApiError
from stories_service.i18n import closest_locale
from stories_service.publishing.changes import CachedPage
from stories_service.publishing.embeds import (
    EMBED_INDEX_PATH,
    FrameSize,
    embed_story_path,
    render_embed_gone,
    render_embed_index,
    render_embed_story,
    render_oembed,
)
from stories_service.publishing.public_routes import HTML_TYPE, JSON_TYPE, ListingQuery
from stories_service.publishing.queries import plausible_slug, story_by_slug, tombstone_by_slug
from stories_service.publishing.render import SITE_TITLE, interface_language, live_site
from stories_service.publishing.serving import (
    CachedEndpoint,
    make_page,
    page_cache,
    public_cache_control,
    shared_last_modified,
)
from stories_service.runtime import runtime_of

OEMBED_FORMAT = "json"
MAX_FRAME_PIXELS = 10_000


async def _embed_story(request: Request) -> CachedPage:
    """GET /embed/stories/{slug}: a syndicated story as a fragment; 410 once withdrawn."""
    runtime = runtime_of(request)
    slug = request.path_params["slug"]
    if not plausible_slug(slug):
        raise ApiError(404, "There is no story here.")
    site = live_site(runtime.settings.base_url)
    control = public_cache_control(runtime)
    story = await story_by_slug(slug)
    if story is not None and story.syndicate:
        body = render_embed_story(runtime.templates.env, story, site)
        return make_page(body, HTML_TYPE, story.updated_at, control)
    if story is None and (tombstone := await tombstone_by_slug(slug)) is not None:
        language = interface_language()
        body = render_embed_gone(runtime.templates.env, site, language)
        return make_page(
            body, HTML_TYPE, tombstone.withdrawn_at, control, status=410, language=language
        )
    raise ApiError(404, "There is no story here.")


async def _embed_index(request: Request) -> CachedPage:
    """GET /embed/stories: the newest syndicated stories (``?lang=``, ``?tag=``, paging)."""
    runtime = runtime_of(request)
    query = ListingQuery(request, syndicated_only=True, limit_param=False, strict=False)
    page = await query.page()
    links = query.links(page, "")
    # A site that embeds its Arabic stories gets the list's words in Arabic.
    language = (
        closest_locale(query.filters.language) if query.filters.language else interface_language()
    )
    body = render_embed_index(
        runtime.templates.env,
        page,
        live_site(runtime.settings.base_url),
        newer_href=links.prev_url,
        older_href=links.next_url,
        language=language,
    )
    last_modified = await shared_last_modified(page_cache(runtime))
    return make_page(
        body, HTML_TYPE, last_modified, public_cache_control(runtime), language=language
    )


def _frame_bound(request: Request, name: str) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return None
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_FRAME_PIXELS:
        raise ApiError(
            400,
            f"{name} is a whole number of pixels from 1 to {MAX_FRAME_PIXELS}.",
            code="bad_query",
            fields={name: "A whole number of pixels, at least 1."},
        )
    return int(raw)


def _embedded_path(request: Request, base_url: str) -> str:
    """The path of the page ``url`` names on this site, or 404 (oEmbed says so for a URL the
    provider has no answer for)."""
    raw = request.query_params.get("url")
    if not raw:
        raise ApiError(
            400,
            "url: the address of a story page of this site.",
            code="bad_query",
            fields={"url": "Required."},
        )
    given, base = urlsplit(raw), urlsplit(base_url)
    if (given.scheme.lower(), given.netloc.lower()) != (base.scheme, base.netloc.lower()):
        raise ApiError(404, "This address is not a page of this site.")
    return given.path or "/"


async def _oembed(request: Request) -> CachedPage:
    """GET /oembed?url=…&format=json: an iframe of the story's (or the index's) embed."""
    runtime = runtime_of(request)
    settings = runtime.settings
    if request.query_params.get("format", OEMBED_FORMAT) != OEMBED_FORMAT:
        # oEmbed suggests 501 here; this service answers no 5xx for a client's mistake.
        raise ApiError(
            400,
            "Only format=json is offered.",
            code="unsupported_format",
            fields={"format": "json, or leave it out."},
        )
    size = FrameSize.within(_frame_bound(request, "maxwidth"), _frame_bound(request, "maxheight"))
    path = _embedded_path(request, settings.base_url)
    site = live_site(settings.base_url)
    control = public_cache_control(runtime)
    if path == "/":
        body = render_oembed(
            site=site,
            embed_url=settings.base_url + EMBED_INDEX_PATH,
            title=SITE_TITLE,
            byline=None,
            size=size,
            cache_age=settings.public_max_age,
        )
        last_modified = await shared_last_modified(page_cache(runtime))
        return make_page(body, JSON_TYPE, last_modified, control)
    slug = path.removeprefix("/stories/")
    story = await story_by_slug(slug) if plausible_slug(slug) else None
    if story is not None and story.syndicate:
        body = render_oembed(
            site=site,
            embed_url=settings.base_url + embed_story_path(story.slug),
            title=story.title,
            byline=story.byline,
            size=size,
            cache_age=settings.public_max_age,
        )
        return make_page(body, JSON_TYPE, story.updated_at, control)
    if story is None and plausible_slug(slug) and await tombstone_by_slug(slug) is not None:
        raise ApiError(410, "This story is no longer available.", code="withdrawn")
    raise ApiError(404, "There is no story to embed at this address.")


embed_story = CachedEndpoint(_embed_story)
embed_index = CachedEndpoint(_embed_index)
oembed = CachedEndpoint(_oembed)
