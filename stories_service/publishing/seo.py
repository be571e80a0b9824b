"""What search engines and link previews read: a public page's head (canonical link,
description, Open Graph, JSON-LD, feed links, robots), the sitemap and robots.txt.

Pure: rows and finished URLs in, values and bytes out. Nothing here says more than the page
itself shows (no byline unless the page shows one), and a story whose survivor did not agree
to search indexing is ``noindex`` and never in the sitemap.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from markupsafe import Markup

from stories_service.publishing.queries import StoryRow
from stories_service.timefmt import rfc3339

NOINDEX = "noindex"
# An embed is a copy of the story page: never listed on its own. With the survivor's consent,
# a search engine may count it as part of the page that frames it (Google's indexifembedded).
EMBED_INDEXABLE = "noindex, indexifembedded"
SCHEMA_CONTEXT = "https://schema.org"

# Paths search engines have no business with: staff, survivors' receipt pages, the JSON API
# (the feeds and pages say the same for people), the language switch (POST only).
ROBOTS_DISALLOW = ("/staff", "/my-story", "/api/", "/language", "/oembed")


@dataclass(frozen=True, slots=True)
class PageHead:
    """A public page's ``<head>`` metadata (``templates/public/_head.html``)."""

    feed_json_url: str
    feed_atom_url: str
    canonical: str | None = None
    description: str | None = None
    robots: str | None = None
    open_graph: Sequence[tuple[str, str]] = ()
    json_ld: Markup | None = None
    oembed_url: str | None = None


def json_ld_script(data: dict[str, Any]) -> Markup:
    """A ``<script type="application/ld+json">`` data block. ``<``, ``>`` and ``&`` are written
    as JSON escapes, so no text can close the element or open a comment (CSP blocks nothing
    here: a data block is never run)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    # Safe as markup: the three characters HTML could read are escaped above.
    block = Markup(text)  # noqa: S704
    return Markup('<script type="application/ld+json">') + block + Markup("</script>")


def og_locale(language: str) -> str:
    """Open Graph writes locales as ``language_TERRITORY`` (``fr_CA``)."""
    return language.replace("-", "_")


def story_robots(story: StoryRow) -> str | None:
    return None if story.search_indexing else NOINDEX


def story_json_ld(story: StoryRow, url: str, site_name: str, site_url: str) -> dict[str, Any]:
    """schema.org Article: what the page shows (title, language, date, topics, the byline only
    when shown), and the summary the meta description carries."""
    data: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Article",
        "headline": story.title,
        "name": story.title,
        "description": story.summary,
        "inLanguage": story.language,
        "datePublished": rfc3339(story.published_at),
        "url": url,
        "mainEntityOfPage": url,
        "isAccessibleForFree": True,
        "publisher": {"@type": "Organization", "name": site_name, "url": site_url},
    }
    if story.tags:
        data["keywords"] = list(story.tags)
    if story.byline:
        data["author"] = {"@type": "Person", "name": story.byline}
    return data


def story_open_graph(story: StoryRow, url: str, site_name: str) -> list[tuple[str, str]]:
    tags = [("article:tag", tag) for tag in story.tags]
    return [
        ("og:type", "article"),
        ("og:title", story.title),
        ("og:description", story.summary),
        ("og:url", url),
        ("og:site_name", site_name),
        ("og:locale", og_locale(story.language)),
        ("article:published_time", rfc3339(story.published_at)),
        *tags,
    ]


def story_head(
    story: StoryRow,
    url: str,
    *,
    site_name: str,
    site_url: str,
    feed_json_url: str,
    feed_atom_url: str,
    oembed_url: str | None,
) -> PageHead:
    return PageHead(
        feed_json_url=feed_json_url,
        feed_atom_url=feed_atom_url,
        canonical=url,
        description=story.summary,
        robots=story_robots(story),
        open_graph=story_open_graph(story, url, site_name),
        json_ld=json_ld_script(story_json_ld(story, url, site_name, site_url)),
        oembed_url=oembed_url,
    )


def index_head(
    url: str,
    *,
    site_name: str,
    description: str,
    language: str,
    feed_json_url: str,
    feed_atom_url: str,
) -> PageHead:
    """The index: a schema.org CollectionPage of the site, in the page's language."""
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "CollectionPage",
        "name": site_name,
        "description": description,
        "url": url,
        "inLanguage": language,
        "publisher": {"@type": "Organization", "name": site_name},
    }
    return PageHead(
        feed_json_url=feed_json_url,
        feed_atom_url=feed_atom_url,
        canonical=url,
        description=description,
        open_graph=[
            ("og:type", "website"),
            ("og:title", site_name),
            ("og:description", description),
            ("og:url", url),
            ("og:site_name", site_name),
            ("og:locale", og_locale(language)),
        ],
        json_ld=json_ld_script(data),
    )


def render_sitemap(entries: Iterable[tuple[str, datetime | None]]) -> bytes:
    """sitemaps.org 0.9: each URL with its last change when known."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url, modified in entries:
        lastmod = f"<lastmod>{rfc3339(modified)}</lastmod>" if modified else ""
        lines.append(f"<url><loc>{xml_escape(url)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def render_robots(base_url: str) -> bytes:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), ""]
    lines.append(f"Sitemap: {base_url}/sitemap.xml")
    return ("\n".join(lines) + "\n").encode("utf-8")
