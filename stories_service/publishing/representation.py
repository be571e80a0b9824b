"""The public representation of a story: the one dict the API, the webhooks and the static
export give out. The JSON Feed item is built from it; the Atom entry (a template over the same
row) writes its times with the same ``timefmt.rfc3339``.

Pure, like the renderers: a row from ``queries`` in, a JSON-ready dict out.
"""

from __future__ import annotations

from typing import Any

from stories_service.publishing.content_notes import labelled_notes
from stories_service.publishing.queries import StoryRow
from stories_service.timefmt import rfc3339


def public_story(story: StoryRow, url: str | None) -> dict[str, Any]:
    """One story as everyone outside sees it; ``url`` is left out when there is none.

    ``content_notes`` are the taxonomy's stable keys; ``content_note_labels`` the same notes
    labelled in the story's language (``lang``: English when there is no catalogue for it).
    """
    return {
        "id": story.entry_id,
        "slug": story.slug,
        **({"url": url} if url is not None else {}),
        "title": story.title,
        "summary": story.summary,
        "content_html": story.body_html,
        "language": story.language,
        "dir": story.text_direction,
        "byline": story.byline,
        "tags": list(story.tags),
        "content_notes": list(story.content_notes),
        "content_note_labels": labelled_notes(story.content_notes, story.language),
        "date_published": rfc3339(story.published_at),
        "date_modified": rfc3339(story.updated_at),
    }
