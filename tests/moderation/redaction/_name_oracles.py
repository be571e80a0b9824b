# ruff: noqa: RUF001  (typographic quotes are data)
"""Oracles for the names tests: earlier versions of rewritten internals, kept to compare with."""

from __future__ import annotations

from moderation.redaction import cues, name_propagation
from moderation.redaction.folding import fold, fold_with_map, map_span
from moderation.redaction.language import name_likeness, zipf
from moderation.redaction.model import Suggestion


def old_propagate(text: str, found: list[Suggestion]) -> list[Suggestion]:
    """propagate() before the fourth round: always through fold_with_map and map_span."""
    terms: dict[str, tuple[str, float]] = {}
    for s in found:
        if s.kind not in ("person", "place") or s.confidence < 0.6:
            continue
        terms.setdefault(fold(s.text), (s.kind, s.confidence))
        if s.kind == "person":
            for part in s.text.split():
                p = part.strip(".,'’")
                if len(p) >= 3 and p.lower() not in cues.NAME_CONNECTORS and p[0].isupper():  # noqa: SIM102
                    if name_likeness(p, "en") >= 0.5:
                        terms.setdefault(fold(p), ("person", 0.6))
    if not terms:
        return []
    folded, index = fold_with_map(text)
    covered = {(s.start, s.end) for s in found}
    out = []
    for fstart, fend, term in name_propagation._occurrences(folded, terms):
        start, end = map_span(index, fstart, fend, text)
        if (start, end) in covered:
            continue
        original = text[start:end]
        if not original[0].isupper() and zipf(original.lower(), "en") >= 3.0:
            continue
        kind, conf = terms[term]
        out.append(Suggestion(start, end, kind, min(conf, 0.75), "names", original))
    return out
