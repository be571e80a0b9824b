"""detect(): every enabled detector over a text, merged and sorted (the package's __init__
re-exports it)."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from .applying import PROTECTED
from .html_text import html_to_text
from .language import guess_language
from .merging import merge
from .model import Suggestion
from .organisation_list import ListedTerm
from .registry import Context, run_detectors


def _has_pseudonym_word(text: str) -> bool:
    """Whether the text has a word that starts our pseudonyms ("Person A", "Place B")."""
    return "Person " in text or "Place " in text or "Organisation " in text or "Name " in text


def detect(
    text: str,
    *,
    never_appear: Sequence[str] = (),
    organisation_list: Sequence[ListedTerm] = (),
    language: str | None = None,
    enabled: AbstractSet[str] | None = None,
) -> list[Suggestion]:
    """All suggestions for a text, merged (one per overlapping cluster) and sorted by offset.

    ``never_appear`` is the submitter's list for this story; ``organisation_list`` the terms of
    the organisation's list (``organisation_list.ListedTerm``), looked for in every story."""
    lang = language or guess_language(text)
    raw = run_detectors(Context(text, lang, tuple(never_appear), tuple(organisation_list)), enabled)
    if not raw:
        return []
    # A protected span needs "[" or one of the pseudonym words (cheap substring checks first).
    if "[" not in text and not _has_pseudonym_word(text):
        return merge(text, raw)
    protected = [(m.start(), m.end()) for m in PROTECTED.finditer(text)]
    if protected:
        # Our own placeholders and pseudonyms are not personal data.
        raw = [
            s
            for s in raw
            if s.kind == "never_appear" or not any(a < s.end and s.start < b for a, b in protected)
        ]
    return merge(text, raw)


def detect_in_html(
    html: str,
    *,
    never_appear: Sequence[str] = (),
    organisation_list: Sequence[ListedTerm] = (),
    language: str | None = None,
    enabled: AbstractSet[str] | None = None,
) -> list[Suggestion]:
    """Suggestions over the visible text of sanitised HTML (for apply_redactions(html=True))."""
    return detect(
        html_to_text(html).text,
        never_appear=never_appear,
        organisation_list=organisation_list,
        language=language,
        enabled=enabled,
    )
