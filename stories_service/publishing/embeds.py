"""Embeddable fragments of the public site and their oEmbed description.

``/embed/stories/{slug}`` is one story, ``/embed/stories`` the newest stories: minimal pages
without the site's header, footer or forms, in the story's language and direction, with the
story page's content-note gate. Only syndicated stories are embedded: a survivor who kept their
story to this site did not agree to its showing on others. Which sites may frame them is the
``frame-ancestors`` of ``security_headers.py``.

Pure: rows and finished URLs in, bytes out.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

import jinja2

from stories_service.i18n import closest_locale, use_locale
from stories_service.i18n.language_tags import text_direction
from stories_service.publishing import seo
from stories_service.publishing.queries import Page, StoryRow
from stories_service.publishing.render import SITE_TITLE, Site, story_tag_links
from stories_service.timefmt import rfc3339

EMBED_INDEX_PATH = "/embed/stories"
# The iframe's size when the consumer sets no bound (oEmbed maxwidth / maxheight).
DEFAULT_WIDTH = 600
DEFAULT_HEIGHT = 480
OEMBED_VERSION = "1.0"
# The iframe may open links in a new tab, and nothing else: no scripts, forms or top
# navigation. ``allow-same-origin`` keeps the embed's own stylesheet loading (without it the
# frame's origin is opaque and the stylesheet a cross-site request); with no script allowed it
# grants the frame nothing more.
IFRAME_SANDBOX = "allow-same-origin allow-popups allow-popups-to-escape-sandbox"


def embed_story_path(slug: str) -> str:
    return f"{EMBED_INDEX_PATH}/{slug}"


def _render(env: jinja2.Environment, name: str, language: str, context: dict[str, Any]) -> bytes:
    context = {"lang": language, "dir": text_direction(language), "rfc3339": rfc3339, **context}
    with use_locale(language):
        return env.get_template(name).render(context).encode("utf-8")


def render_embed_story(env: jinja2.Environment, story: StoryRow, site: Site) -> bytes:
    """One story, its notes and labels in the story's language (English without a catalogue)."""
    url = site.story_url(story.slug)
    robots = seo.EMBED_INDEXABLE if story.search_indexing else seo.NOINDEX
    context = {
        "story": story,
        "canonical": url,
        "robots": robots,
        "tag_links": story_tag_links(story, site),
        "site_url": site.base_url + site.index_path,
    }
    return _render(env, "public/embed_story.html", closest_locale(story.language), context)


def render_embed_gone(env: jinja2.Environment, site: Site, language: str) -> bytes:
    context = {"site_url": site.base_url + site.index_path}
    return _render(env, "public/embed_gone.html", language, context)


def render_embed_index(
    env: jinja2.Environment,
    page: Page,
    site: Site,
    *,
    newer_href: str | None,
    older_href: str | None,
    language: str,
) -> bytes:
    """The newest syndicated stories, each linking to its page (in a new tab)."""
    context = {
        "stories": page.stories,
        "story_url": lambda s: site.story_url(s.slug),
        "newer_href": newer_href,
        "older_href": older_href,
        "canonical": site.base_url + site.index_path,
        "site_url": site.base_url + site.index_path,
    }
    return _render(env, "public/embed_index.html", language, context)


@dataclass(frozen=True, slots=True)
class FrameSize:
    width: int
    height: int

    @classmethod
    def within(cls, maxwidth: int | None, maxheight: int | None) -> FrameSize:
        """The default size, made smaller to fit the consumer's bounds (never larger)."""
        width = min(DEFAULT_WIDTH, maxwidth) if maxwidth else DEFAULT_WIDTH
        height = min(DEFAULT_HEIGHT, maxheight) if maxheight else DEFAULT_HEIGHT
        return cls(width, height)


def iframe_html(src: str, title: str, size: FrameSize) -> str:
    attributes = {
        "src": src,
        "width": str(size.width),
        "height": str(size.height),
        "title": title,
        "loading": "lazy",
        "sandbox": IFRAME_SANDBOX,
        "referrerpolicy": "no-referrer",
        "style": "border:0;max-width:100%",
    }
    written = " ".join(f'{name}="{html.escape(value)}"' for name, value in attributes.items())
    return f"<iframe {written}></iframe>"


def render_oembed(
    *, site: Site, embed_url: str, title: str, byline: str | None, size: FrameSize, cache_age: int
) -> bytes:
    """oEmbed 1.0, type ``rich``: the HTML is an iframe of the embed page."""
    body: dict[str, Any] = {
        "version": OEMBED_VERSION,
        "type": "rich",
        "provider_name": SITE_TITLE,
        "provider_url": site.base_url + site.index_path,
        "title": title,
        "html": iframe_html(embed_url, title, size),
        "width": size.width,
        "height": size.height,
        "cache_age": cache_age,
    }
    if byline:
        body["author_name"] = byline
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
