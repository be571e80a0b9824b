"""Content notes as data: the taxonomy with its labels in every interface language
(``GET /api/v1/content-notes``), and a story's notes labelled in the story's own language (the
API, the webhooks, the JSON Feed extension, the Atom categories, the static export).

Pure (rows and keys in, JSON-ready values out), apart from ``taxonomy_last_modified``, which
reads when the message catalogues were compiled.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from moderation.revisions import CONTENT_NOTES
from stories_service.i18n import (
    DEFAULT_LOCALE,
    LOCALE_DIR,
    available_locales,
    closest_locale,
    use_locale,
)
from stories_service.i18n.labels import content_note_label
from stories_service.i18n.language_tags import text_direction
from stories_service.publishing.queries import NO_CONTENT_NOTE

# The Atom category scheme of content notes: the taxonomy document itself, so the scheme URI
# of a category resolves to every key and its labels.
SCHEME_PATH = "/api/v1/content-notes"


def public_note_keys() -> list[str]:
    """The taxonomy's keys readers may see, in the taxonomy's order."""
    return [key for key in CONTENT_NOTES if key != NO_CONTENT_NOTE]


def label_language(story_language: str) -> str:
    """The interface language a story's note labels are written in: the story's primary
    language when we have a catalogue for it, else English."""
    return closest_locale(story_language)


def labelled_notes(keys: Iterable[str], story_language: str) -> list[dict[str, str]]:
    """``[{"key", "label", "lang"}]`` for a story's notes, labelled in the story's language
    (``lang`` says which: English for a language without a catalogue, and for a key the
    taxonomy no longer knows, whose label is its words, untranslated)."""
    language = label_language(story_language)
    with use_locale(language):
        return [
            {
                "key": key,
                "label": content_note_label(key),
                "lang": language if key in CONTENT_NOTES else DEFAULT_LOCALE,
            }
            for key in keys
        ]


def taxonomy() -> dict[str, Any]:
    """The content-note taxonomy with a label per interface language, in the taxonomy's order."""
    languages = available_locales()
    labels: dict[str, dict[str, str]] = {key: {} for key in public_note_keys()}
    for language in languages:
        with use_locale(language):
            for key, by_language in labels.items():
                by_language[language] = content_note_label(key)
    return {
        "languages": [{"lang": lang, "dir": text_direction(lang)} for lang in languages],
        "content_notes": [{"key": key, "labels": labels[key]} for key in labels],
    }


def render_taxonomy() -> bytes:
    return json.dumps(taxonomy(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def taxonomy_last_modified() -> datetime:
    """When the labels last changed: the newest compiled catalogue (a deploy that changes the
    taxonomy or a translation compiles them again); the Unix epoch when none is compiled."""
    times = [path.stat().st_mtime for path in LOCALE_DIR.glob("*/LC_MESSAGES/*.mo")]
    return datetime.fromtimestamp(max(times, default=0), UTC)
