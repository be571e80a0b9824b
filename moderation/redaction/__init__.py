"""PII detection and redaction for stories: detectors, merging, applying, leak guard and
quasi-identifier warnings. Plain functions, no HTTP and no database."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path

from ._compiled import choose_build

# Before any other module of the package is imported: the compiled build, unless it is stale
# (then every module loads from its source; see _compiled).
COMPILED = choose_build(__name__, Path(__file__).parent)

# ruff: noqa: E402 (the imports below must follow that choice)
from .applying import PLACEHOLDERS, PROTECTED, apply_redactions
from .gazetteer import warm_up
from .html_text import HtmlText, html_to_text
from .language import guess_language
from .leak_guard import check_publishable
from .merging import merge
from .model import HIGH_CONFIDENCE, KINDS, Finding, QuasiIdentifierWarning, Suggestion
from .quasi_identifiers import quasi_identifier_warnings
from .registry import DEFAULT_ENABLED, DETECTORS, Context, Detector, run_detectors

__all__ = [
    "COMPILED",
    "DEFAULT_ENABLED",
    "DETECTORS",
    "HIGH_CONFIDENCE",
    "KINDS",
    "PLACEHOLDERS",
    "Detector",
    "Finding",
    "HtmlText",
    "QuasiIdentifierWarning",
    "Suggestion",
    "apply_redactions",
    "check_publishable",
    "detect",
    "detect_in_html",
    "html_to_text",
    "quasi_identifier_warnings",
    "warm_up",
]


def _has_pseudonym_word(text: str) -> bool:
    """Whether the text has a word that starts our pseudonyms ("Person A", "Place B")."""
    return "Person " in text or "Place " in text or "Organisation " in text or "Name " in text


def detect(
    text: str,
    *,
    never_appear: Sequence[str] = (),
    language: str | None = None,
    enabled: AbstractSet[str] | None = None,
) -> list[Suggestion]:
    """All suggestions for a text, merged (one per overlapping cluster) and sorted by offset."""
    lang = language or guess_language(text)
    raw = run_detectors(Context(text, lang, tuple(never_appear)), enabled)
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
    language: str | None = None,
    enabled: AbstractSet[str] | None = None,
) -> list[Suggestion]:
    """Suggestions over the visible text of sanitised HTML (for apply_redactions(html=True))."""
    return detect(
        html_to_text(html).text, never_appear=never_appear, language=language, enabled=enabled
    )
