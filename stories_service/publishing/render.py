"""Rendering the public site: JSON Feed 1.1, Atom 1.0, the HTML pages and the story JSON.

Renderers take rows and finished links, and return bytes: the live routes cache the bytes, and
the static export writes them to files. Nothing here touches the database.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from markupsafe import Markup

from stories_service.i18n import current_locale, gettext, use_locale
from stories_service.i18n.language_tags import text_direction
from stories_service.publishing import seo
from stories_service.publishing.content_notes import SCHEME_PATH as CONTENT_NOTES_SCHEME_PATH
from stories_service.publishing.content_notes import labelled_notes
from stories_service.publishing.queries import Filters, Page, StoryRow, TombstoneRow
from stories_service.publishing.representation import public_story
from stories_service.timefmt import rfc3339

PUBLIC_LANGUAGE = "en"  # of the static export


def interface_language() -> str:
    """The request's interface language: cached pages are kept per language."""
    return current_locale()


SITE_TITLE = "Healing Stories"
SITE_DESCRIPTION = "Survivors' stories of recovery, published with their consent."
# The index's introduction (translated), also its meta description.
INDEX_DESCRIPTION = (
    "Survivors share how they rebuilt their lives. Every story here is published with its "
    "author's consent, and they can withdraw it at any time."
)
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Links:
    """Absolute (feeds) or site-relative (HTML) addresses of a page and its neighbours."""

    self_url: str
    first_url: str
    next_url: str | None = None
    prev_url: str | None = None


@dataclass(frozen=True, slots=True)
class Site:
    """How story and page addresses are written, and what a page may link to: the static
    export has no topic filter (``tag_path`` None: topics as text) and no survivor pages."""

    base_url: str
    story_path: Callable[[str], str]
    tag_path: Callable[[str], str] | None
    index_path: str = "/"
    survivor_links: bool = True

    def story_url(self, slug: str) -> str:
        return self.base_url + self.story_path(slug)


def live_site(base_url: str) -> Site:
    return Site(
        base_url=base_url,
        story_path=lambda slug: f"/stories/{slug}",
        tag_path=lambda tag: "/?tag=" + quote(tag, safe=""),
    )


def http_date(value: datetime) -> str:
    return format_datetime(value.astimezone(UTC).replace(microsecond=0), usegmt=True)


def etag_for(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def _xml_text(value: str | None) -> str:
    return _XML_ILLEGAL.sub("", value or "")


def _updated(stories: Sequence[StoryRow], fallback: datetime) -> datetime:
    return max((s.updated_at for s in stories), default=fallback)


def render_json_feed(
    page: Page, links: Links, site: Site, filters: Filters, last_modified: datetime
) -> bytes:
    """JSON Feed 1.1; content notes in the ``_healing_stories`` extension of each item."""
    feed: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": SITE_TITLE,
        "home_page_url": site.base_url + site.index_path,
        "feed_url": links.self_url,
        "description": SITE_DESCRIPTION,
        "authors": [{"name": SITE_TITLE, "url": site.base_url + site.index_path}],
        "items": [json_feed_item(s, site) for s in page.stories],
    }
    if filters.language:
        feed["language"] = filters.language
    if links.next_url:
        feed["next_url"] = links.next_url
    feed["_healing_stories"] = {
        "first_url": links.first_url,
        "prev_url": links.prev_url,
        "updated": rfc3339(last_modified),
    }
    return json.dumps(feed, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_feed_item(story: StoryRow, site: Site) -> dict[str, Any]:
    """The story's public fields (``public_story``) as a JSON Feed 1.1 item: ``content_html``
    is the story alone; its content notes are data in ``_healing_stories``, never in the text
    or the topic ``tags``."""
    public = public_story(story, site.story_url(story.slug))
    item: dict[str, Any] = {
        "id": public["id"],
        "url": public["url"],
        "title": public["title"],
        "content_html": public["content_html"],
        "summary": public["summary"],
        "date_published": public["date_published"],
        "date_modified": public["date_modified"],
        "language": public["language"],
        "tags": public["tags"],
        "_healing_stories": {
            "slug": public["slug"],
            "dir": public["dir"],
            "content_notes": public["content_notes"],
            "content_note_labels": public["content_note_labels"],
            "anonymous": public["byline"] is None,
        },
    }
    if public["byline"]:
        item["authors"] = [{"name": public["byline"]}]
    return item


def render_atom(
    env: jinja2.Environment,
    page: Page,
    links: Links,
    site: Site,
    filters: Filters,
    tombstones: Sequence[TombstoneRow],
    last_modified: datetime,
) -> bytes:
    """Atom 1.0 with RFC 5005 paging links and RFC 6721 deleted entries."""
    template = env.get_template("public/feed.atom.xml")
    text = template.render(
        site_title=SITE_TITLE,
        site_description=SITE_DESCRIPTION,
        feed_id=site.base_url + "/feed.atom",
        updated=rfc3339(max(last_modified, _updated(page.stories, last_modified))),
        links=links,
        home_url=site.base_url,
        language=filters.language,
        stories=page.stories,
        tombstones=tombstones,
        iso=rfc3339,
        xml=_xml_text,
        story_url=lambda s: site.story_url(s.slug),
        notes_scheme=site.base_url + CONTENT_NOTES_SCHEME_PATH,
        labelled_notes=lambda s: labelled_notes(s.content_notes, s.language),
    )
    return text.encode("utf-8")


def story_json(story: StoryRow, site: Site) -> dict[str, Any]:
    """One story as the JSON API gives it to the main website (``public_story``)."""
    return public_story(story, site.story_url(story.slug))


def render_api_list(page: Page, links: Links, site: Site) -> bytes:
    body = {
        "stories": [story_json(s, site) for s in page.stories],
        "next_url": links.next_url,
        "prev_url": links.prev_url,
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def render_api_story(story: StoryRow, site: Site) -> bytes:
    return json.dumps(story_json(story, site), ensure_ascii=False).encode("utf-8")


def _page_context(
    extra: dict[str, Any], language: str, here: str, site: Site | None = None
) -> dict[str, Any]:
    context: dict[str, Any] = {
        "survivor_links": site is None or site.survivor_links,
        "lang": language,
        "dir": text_direction(language),
        "csrf_token": None,
        "here": here,
        "language_switch_fields": {},
        "rfc3339": rfc3339,  # the machine-readable <time datetime>
    }
    context.update(extra)
    return context


def _render(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    template = env.get_template(name)
    with use_locale(context["lang"]):
        return template.render(context)


def render_index_html(
    env: jinja2.Environment,
    page: Page,
    site: Site,
    filters: Filters,
    *,
    newer_href: str | None,
    older_href: str | None,
    filters_form: bool = True,
    language: str = PUBLIC_LANGUAGE,
    here: str = "/",
    self_href: str | None = None,
) -> bytes:
    with use_locale(language):
        head = seo.index_head(
            site.base_url + (self_href or site.index_path),
            site_name=SITE_TITLE,
            description=gettext(INDEX_DESCRIPTION),
            language=language,
            **_feed_links(site),
        )
    return _render(
        env,
        "public/index.html",
        _page_context(
            {
                "stories": page.stories,
                "filters": filters,
                "filters_form": filters_form,
                "story_href": lambda s: site.story_path(s.slug),
                "newer_href": newer_href,
                "older_href": older_href,
                "head": head,
            },
            language,
            here,
            site,
        ),
    ).encode("utf-8")


def _feed_links(site: Site) -> dict[str, str]:
    return {
        "feed_json_url": site.base_url + "/feed.json",
        "feed_atom_url": site.base_url + "/feed.atom",
    }


def oembed_url(base_url: str, story_url: str) -> str:
    """The oEmbed endpoint's address for a story page (the discovery link's ``href``)."""
    return f"{base_url}/oembed?" + urlencode({"url": story_url, "format": "json"})


def story_tag_links(story: StoryRow, site: Site) -> list[Markup]:
    """The story's topics as links to the index filtered by each (mf2 ``p-category``); as text
    where the site has no topic filter (the static export)."""
    tag_path = site.tag_path
    if tag_path is None:
        return [Markup('<span class="p-category">%s</span>') % t for t in story.tags]
    return [Markup('<a class="p-category" href="%s">%s</a>') % (tag_path(t), t) for t in story.tags]


def render_story_html(
    env: jinja2.Environment,
    story: StoryRow,
    site: Site,
    *,
    language: str = PUBLIC_LANGUAGE,
    here: str = "/",
    oembed_base: str | None = None,
) -> bytes:
    """The story page; ``oembed_base`` (the live service) adds oEmbed discovery for a story
    other sites may show (syndicated)."""
    url = site.story_url(story.slug)
    head = seo.story_head(
        story,
        url,
        site_name=SITE_TITLE,
        site_url=site.base_url + site.index_path,
        oembed_url=oembed_url(oembed_base, url) if oembed_base and story.syndicate else None,
        **_feed_links(site),
    )
    context = {
        "story": story,
        # Links, joined on the page as its language writes a list (the format_list filter).
        "tag_links": story_tag_links(story, site),
        "index_href": site.index_path,
        "head": head,
    }
    return _render(env, "public/story.html", _page_context(context, language, here, site)).encode(
        "utf-8"
    )


def render_gone_html(
    env: jinja2.Environment, site: Site, *, language: str = PUBLIC_LANGUAGE, here: str = "/"
) -> bytes:
    # A removed story's address stays out of search results, wherever it is served.
    feeds = _feed_links(site)
    head = seo.PageHead(
        feed_json_url=feeds["feed_json_url"],
        feed_atom_url=feeds["feed_atom_url"],
        robots=seo.NOINDEX,
    )
    context = _page_context({"index_href": site.index_path, "head": head}, language, here, site)
    return _render(env, "public/gone.html", context).encode("utf-8")
