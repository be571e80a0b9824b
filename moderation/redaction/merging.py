"""Merging overlapping suggestions into one span each, deterministically.

Priority of kinds when spans overlap: a never-appear match always wins (the submitter said so);
otherwise the suggestion with the highest confidence wins, ties broken by _KIND_ORDER (more
sensitive kinds first) and then by detector name. The merged span covers the union of the
overlapping spans, so nothing that any detector flagged is left partly visible.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Suggestion, suggestion

_KIND_ORDER = {
    k: i
    for i, k in enumerate(
        (
            "never_appear",
            "person",
            "email",
            "phone",
            "payment_card",
            "iban",
            "id_number",
            "address",
            "handle",
            "url",
            "ip_address",
            "place",
            "organisation",
            "postcode",
            "date",
            "other",
        )
    )
}


def _strength(s: Suggestion) -> tuple[int, float, int, str]:
    return (
        1 if s.kind == "never_appear" else 0,
        s.confidence,
        -_KIND_ORDER.get(s.kind, 99),
        s.detector,
    )


def merge(text: str, suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """Merge overlapping suggestions; result sorted by (start, end), one span per cluster."""
    n = len(text)
    # Sorted as tuples (start, end, kind, confidence, ...): no key function to call. Where two
    # differ only after the kind they overlap, so they end up in one cluster whatever their
    # order, and a cluster's result does not depend on its order (see _combine).
    items = sorted([s for s in suggestions if 0 <= s.start < s.end <= n])
    merged: list[Suggestion] = []
    cluster: list[Suggestion] = []
    cluster_end = -1
    for s in items:
        if cluster and s.start >= cluster_end:
            merged.append(_combine(text, cluster))
            cluster = []
        cluster.append(s)
        if len(cluster) == 1 or s.end > cluster_end:  # (max(cluster_end, s.end) in a cluster)
            cluster_end = s.end
    if cluster:
        merged.append(_combine(text, cluster))
    return merged


def _combine(text: str, cluster: list[Suggestion]) -> Suggestion:
    # Suggestions of equal strength agree in kind, confidence and detector, so which of them
    # is taken does not change the result.
    if len(cluster) == 1:
        return cluster[0]  # the common case: nothing to merge
    # One loop for max(cluster, key=_strength) (the first strongest: only a stronger one
    # replaces it), the least start and the greatest end.
    best = cluster[0]
    best_strength = _strength(best)
    start = best.start
    end = best.end
    for i in range(1, len(cluster)):
        s = cluster[i]
        strength = _strength(s)
        if strength > best_strength:
            best, best_strength = s, strength
        if s.start < start:
            start = s.start
        if s.end > end:
            end = s.end
    return suggestion(start, end, best.kind, best.confidence, best.detector, text[start:end])
