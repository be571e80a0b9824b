"""What the redaction tests ask of ``detect``: the suggestions that cover or overlap a name."""

from __future__ import annotations

from moderation.redaction import detect
from moderation.redaction.model import Suggestion


def covering(text: str, name: str, kind: str = "person") -> list[Suggestion]:
    """The suggestions of ``kind`` over the first occurrence of ``name`` in ``text``."""
    start = text.index(name)
    return [
        s
        for s in detect(text)
        if s.kind == kind and s.start <= start and start + len(name) <= s.end
    ]


def at(text: str, part: str, language: str | None = None) -> list[Suggestion]:
    """The suggestions whose span holds the start of the first ``part`` in ``text``."""
    start = text.index(part)
    return [s for s in detect(text, language=language) if s.start <= start < s.end]


def kinds_at(text: str, part: str, language: str | None = None) -> list[str]:
    """The kinds of the suggestions over the start of the first ``part`` in ``text``."""
    return [s.kind for s in at(text, part, language)]


def overlapping(text: str, word: str) -> list[tuple[str, float]]:
    """The kinds and confidences of the suggestions overlapping the first ``word`` in ``text``."""
    start = text.index(word)
    end = start + len(word)
    return [(s.kind, s.confidence) for s in detect(text) if s.start < end and start < s.end]
