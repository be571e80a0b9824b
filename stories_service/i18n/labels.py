"""The rules' words in the reader's language: the content-note taxonomy and the groups of
replaced details of ``moderation`` keep English source labels (marked ``N_`` there, so they are
extracted), translated here when shown."""

from __future__ import annotations

from moderation.replacements import REPLACED_DETAILS, replaced_details
from moderation.revisions import CONTENT_NOTES
from stories_service.i18n.catalogues import gettext


def content_note_label(key: str) -> str:
    """What readers see for a content note, in the current language (pages render in their
    language, feeds in the story's); JSON and feeds keep the stable key besides. A key the
    taxonomy does not know (an old revision) is shown as words, untranslated."""
    label = CONTENT_NOTES.get(key)
    return gettext(label) if label else key.replace("_", " ").capitalize()


def replaced_detail_labels(kinds: list[str]) -> list[str]:
    """The groups of details replaced in a text ("names", "places"), as the survivor reads them
    in the current language, for redaction ``kinds``."""
    return [gettext(REPLACED_DETAILS[group][0]) for group in replaced_details(kinds)]
