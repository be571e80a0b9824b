"""Public GET routes: the index, story pages, JSON Feed, Atom and the stories JSON API."""

from __future__ import annotations

from starlette.requests import Request

from stories_service.errors import ApiError
from stories_service.http_input import known_query_parameters, limit_parameter
from stories_service.i18n.languages_by_name import tag_for_language
from stories_service.publishing import change_log
from stories_service.publishing.change_log import (
    BadCursor,
    ChangeCursor,
    changes_after,
    deleted_entries,
)
from stories_service.publishing.changes import CachedPage
from stories_service.publishing.content_notes import render_taxonomy, taxonomy_last_modified
from stories_service.publishing.listings import listing_links, render_changes_page
from stories_service.publishing.queries import (
    MAX_PAGE_SIZE,
    PAGE_SIZE,
    BadQuery,
    Cursor,
    Filters,
    Page,
    page_of_stories,
    plausible_slug,
    story_by_slug,
    tombstone_by_slug,
)
from stories_service.publishing.render import (
    Links,
    interface_language,
    live_site,
    render_api_list,
    render_api_story,
    render_atom,
    render_gone_html,
    render_index_html,
    render_json_feed,
    render_story_html,
)
from stories_service.publishing.serving import (
    CachedEndpoint,
    make_page,
    page_cache,
    public_cache_control,
    shared_last_modified,
)
from stories_service.runtime import Runtime, runtime_of

JSON_FEED_TYPE = "application/feed+json"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"
JSON_TYPE = "application/json"

# The query parameters the listings understand; the feeds and the JSON API refuse any other.
# ``language`` is the same filter as ``lang`` (the word the JSON Feed and the staff queue use).
LISTING_PARAMETERS = ("lang", "language", "tag", "after", "before")


class _Query:
    """The query parameters a listing understands, validated. The HTML index ignores any other
    (links people follow carry tracking parameters); the feeds and the JSON API answer 400."""

    def __init__(
        self,
        request: Request,
        *,
        syndicated_only: bool,
        limit_param: bool,
        strict: bool = True,
        language_names_in: str | None = None,
    ) -> None:
        params = request.query_params
        if strict:
            known_query_parameters(
                request, LISTING_PARAMETERS + (("limit",) if limit_param else ())
            )
        lang = params.get("lang")
        if strict and params.get("language") is not None:
            if lang is not None and lang != params["language"]:
                raise ApiError(
                    400,
                    "lang and language are the same filter: send one.",
                    code="bad_query",
                    fields={"language": "The same filter as lang, with another value."},
                )
            lang = params["language"]
        if lang and language_names_in:
            # The index's filter takes a language by name, in the page's language.
            lang = tag_for_language(lang, language_names_in) or lang
        try:
            self.filters = Filters.parse(lang, params.get("tag"), syndicated_only=syndicated_only)
            self.after = Cursor.decode(params["after"]) if params.get("after") else None
            self.before = Cursor.decode(params["before"]) if params.get("before") else None
        except BadQuery as error:
            raise ApiError(400, f"The {error} parameter is not valid.", code="bad_query") from None
        self.limit = PAGE_SIZE
        if limit_param:
            self.limit = limit_parameter(
                params.get("limit"), default=PAGE_SIZE, maximum=MAX_PAGE_SIZE
            )
        self.path = request.url.path

    def key(self) -> str:
        return "|".join(
            [
                self.path,
                self.filters.language or "",
                self.filters.tag or "",
                self.after.encode() if self.after else "",
                self.before.encode() if self.before else "",
                str(self.limit),
            ]
        )

    def params(self) -> dict[str, str]:
        params = {}
        if self.filters.language:
            params["lang"] = self.filters.language
        if self.filters.tag:
            params["tag"] = self.filters.tag
        if self.limit != PAGE_SIZE:
            params["limit"] = str(self.limit)
        return params

    async def page(self) -> Page:
        return await page_of_stories(
            self.filters, after=self.after, before=self.before, limit=self.limit
        )

    def links(self, page: Page, base: str) -> Links:
        return listing_links(
            base, self.path, self.params(), page, after=self.after, before=self.before
        )


ListingQuery = _Query  # the embeds' index lists stories with the same filters and paging


def _runtime(request: Request) -> Runtime:
    return runtime_of(request)


async def _index(request: Request) -> CachedPage:
    """GET /: the newest published stories, paginated, filterable by language and topic."""
    runtime = _runtime(request)
    language = interface_language()
    query = _Query(
        request,
        syndicated_only=False,
        limit_param=False,
        strict=False,
        language_names_in=language,
    )
    page = await query.page()
    links = query.links(page, "")
    site = live_site(runtime.settings.base_url)
    body = render_index_html(
        runtime.templates.env,
        page,
        site,
        query.filters,
        newer_href=links.prev_url,
        older_href=links.next_url,
        language=language,
        here=request.url.path,
        self_href=links.self_url,
    )
    last_modified = await shared_last_modified(page_cache(runtime))
    return make_page(
        body, HTML_TYPE, last_modified, public_cache_control(runtime), language=language
    )


async def _story_page(request: Request) -> CachedPage:
    """GET /stories/{slug}: the story, 410 with a neutral notice for a withdrawn one."""
    runtime = _runtime(request)
    slug = request.path_params["slug"]
    if not plausible_slug(slug):
        raise ApiError(404, "There is no story here.")
    site = live_site(runtime.settings.base_url)
    story = await story_by_slug(slug)
    control = public_cache_control(runtime)
    language, here = interface_language(), request.url.path
    if story is not None:
        body = render_story_html(
            runtime.templates.env,
            story,
            site,
            language=language,
            here=here,
            oembed_base=runtime.settings.base_url,
        )
        return make_page(body, HTML_TYPE, story.updated_at, control, language=language)
    tombstone = await tombstone_by_slug(slug)
    if tombstone is not None:
        body = render_gone_html(runtime.templates.env, site, language=language, here=here)
        return make_page(
            body, HTML_TYPE, tombstone.withdrawn_at, control, status=410, language=language
        )
    raise ApiError(404, "There is no story here.")


async def _feed_json(request: Request) -> CachedPage:
    """GET /feed.json: JSON Feed 1.1 of the syndicated stories."""
    runtime = _runtime(request)
    query = _Query(request, syndicated_only=True, limit_param=False)
    base = runtime.settings.base_url
    page = await query.page()
    last_modified = await shared_last_modified(page_cache(runtime))
    body = render_json_feed(
        page, query.links(page, base), live_site(base), query.filters, last_modified
    )
    return make_page(body, JSON_FEED_TYPE, last_modified, public_cache_control(runtime))


async def _feed_atom(request: Request) -> CachedPage:
    """GET /feed.atom: Atom 1.0 of the syndicated stories, with deleted entries on page one."""
    runtime = _runtime(request)
    query = _Query(request, syndicated_only=True, limit_param=False)
    base = runtime.settings.base_url
    page = await query.page()
    tombstones = await deleted_entries() if page.is_first else []
    last_modified = await shared_last_modified(page_cache(runtime))
    body = render_atom(
        runtime.templates.env,
        page,
        query.links(page, base),
        live_site(base),
        query.filters,
        tombstones,
        last_modified,
    )
    return make_page(body, ATOM_TYPE, last_modified, public_cache_control(runtime))


async def _api_stories(request: Request) -> CachedPage:
    """GET /api/v1/stories: the syndicated stories as JSON, keyset-paged (``next_url``)."""
    runtime = _runtime(request)
    query = _Query(request, syndicated_only=True, limit_param=True)
    base = runtime.settings.base_url
    page = await query.page()
    body = render_api_list(page, query.links(page, base), live_site(base))
    last_modified = await shared_last_modified(page_cache(runtime))
    return make_page(body, JSON_TYPE, last_modified, public_cache_control(runtime))


async def _api_story(request: Request) -> CachedPage:
    """GET /api/v1/stories/{slug}: one syndicated story; 410 when withdrawn."""
    runtime = _runtime(request)
    known_query_parameters(request, ())
    slug = request.path_params["slug"]
    if not plausible_slug(slug):
        raise ApiError(404, "There is no such story.")
    story = await story_by_slug(slug)
    if story is not None and story.syndicate:
        body = render_api_story(story, live_site(runtime.settings.base_url))
        return make_page(body, JSON_TYPE, story.updated_at, public_cache_control(runtime))
    if story is None and await tombstone_by_slug(slug) is not None:
        raise ApiError(410, "This story is no longer available.", code="withdrawn")
    raise ApiError(404, "There is no such story.")


async def _api_changes(request: Request) -> CachedPage:
    """GET /api/v1/changes?since=CURSOR: every public change after the cursor, oldest first."""
    runtime = _runtime(request)
    known_query_parameters(request, ("since", "limit"))
    params = request.query_params
    limit = limit_parameter(
        params.get("limit"), default=change_log.PAGE_SIZE, maximum=change_log.MAX_PAGE_SIZE
    )
    raw = params.get("since")
    try:
        cursor = ChangeCursor.decode(raw) if raw is not None else ChangeCursor(0)
    except BadCursor:
        raise ApiError(
            400,
            "since: use a cursor this service gave out (next_cursor), or leave it out.",
            code="bad_cursor",
            fields={"since": "Not a cursor this service gave out."},
        ) from None
    page = await changes_after(cursor, limit)
    base = runtime.settings.base_url
    body = render_changes_page(page, base, request.url.path, limit, change_log.PAGE_SIZE)
    last_modified = await shared_last_modified(page_cache(runtime))
    return make_page(body, JSON_TYPE, last_modified, public_cache_control(runtime))


async def _api_content_notes(request: Request) -> CachedPage:
    """GET /api/v1/content-notes: the content-note taxonomy, labelled in every interface
    language (the same for every reader: no Vary on the language)."""
    runtime = _runtime(request)
    known_query_parameters(request, ())
    body = render_taxonomy()
    return make_page(body, JSON_TYPE, taxonomy_last_modified(), public_cache_control(runtime))


# The endpoints (ASGI apps: a cache hit skips the request machinery entirely).
index = CachedEndpoint(_index)
story_page = CachedEndpoint(_story_page)
feed_json = CachedEndpoint(_feed_json)
feed_atom = CachedEndpoint(_feed_atom)
api_stories = CachedEndpoint(_api_stories)
api_story = CachedEndpoint(_api_story)
api_changes = CachedEndpoint(_api_changes)
api_content_notes = CachedEndpoint(_api_content_notes)
