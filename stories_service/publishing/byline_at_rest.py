"""How a public copy's byline is stored: in clear only while readers see it.

A published story's byline is on its page and in the feeds, so ``published_stories.byline``
holds it in clear. A scheduled copy's name is not public yet: it is kept encrypted in
``byline_enc`` (bound to the story's slug) and ``byline`` stays empty; an unpublished copy keeps
no name at all (publishing it again takes the name from the newest consent record).
"""

from __future__ import annotations

from typing import Any

from stories_service.crypto import FieldCipher, column_context
from stories_service.models import PublishedStory


def _context(slug: str) -> str:
    return column_context("published_stories", "byline", slug)


def byline_columns(
    cipher: FieldCipher, slug: str, state: str, byline: str | None
) -> dict[str, Any]:
    """The ``byline`` and ``byline_enc`` values of a copy in ``state`` that shows ``byline``."""
    if state == "published":
        return {"byline": byline, "byline_enc": None}
    if state == "scheduled":
        return {"byline": None, "byline_enc": cipher.encrypt_optional(byline, _context(slug))}
    return {"byline": None, "byline_enc": None}


def held_byline(cipher: FieldCipher, story: PublishedStory) -> str | None:
    """The name the copy shows (published) or will show (scheduled)."""
    if story.state == "published":
        return story.byline
    return cipher.decrypt_optional(story.byline_enc, _context(story.slug))
