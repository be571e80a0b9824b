"""PII detection and redaction for stories: detectors, merging, applying, leak guard and
quasi-identifier warnings. Plain functions, no HTTP and no database."""

from __future__ import annotations

from .applying import PLACEHOLDERS, apply_redactions
from .detection import detect, detect_in_html
from .html_text import HtmlText, html_to_text
from .language import guess_language
from .leak_guard import check_publishable
from .model import HIGH_CONFIDENCE, KINDS, Finding, QuasiIdentifierWarning, Suggestion
from .organisation_list import LIST_KINDS, ListedTerm
from .preload import warm_up
from .quasi_identifiers import quasi_identifier_warnings
from .registry import DEFAULT_ENABLED, DETECTORS, Context, Detector, run_detectors

__all__ = [
    "DEFAULT_ENABLED",
    "DETECTORS",
    "HIGH_CONFIDENCE",
    "KINDS",
    "LIST_KINDS",
    "PLACEHOLDERS",
    "Context",
    "Detector",
    "Finding",
    "HtmlText",
    "ListedTerm",
    "QuasiIdentifierWarning",
    "Suggestion",
    "apply_redactions",
    "check_publishable",
    "detect",
    "detect_in_html",
    "guess_language",
    "html_to_text",
    "quasi_identifier_warnings",
    "run_detectors",
    "warm_up",
]
