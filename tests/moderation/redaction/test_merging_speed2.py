"""merge() combines each cluster in one loop: the same result as the earlier max / min / max
over the cluster, on many random sets of overlapping suggestions."""

from __future__ import annotations

import random
from collections.abc import Iterable

from moderation.redaction import merging
from moderation.redaction.model import Suggestion


def _old_merge(text: str, suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """The earlier merge: clusters combined with max(key=_strength), min and max."""
    n = len(text)
    items = sorted([s for s in suggestions if 0 <= s.start < s.end <= n])
    merged: list[Suggestion] = []
    cluster: list[Suggestion] = []
    cluster_end = -1
    for s in items:
        if cluster and s.start >= cluster_end:
            merged.append(_old_combine(text, cluster))
            cluster = []
        cluster.append(s)
        cluster_end = max(cluster_end, s.end) if len(cluster) > 1 else s.end
    if cluster:
        merged.append(_old_combine(text, cluster))
    return merged


def _old_combine(text: str, cluster: list[Suggestion]) -> Suggestion:
    if len(cluster) == 1:
        return cluster[0]
    best = max(cluster, key=merging._strength)
    start = min(s.start for s in cluster)
    end = max(s.end for s in cluster)
    return Suggestion(start, end, best.kind, best.confidence, best.detector, text[start:end])


def test_merge_matches_the_earlier_version() -> None:
    rnd = random.Random(23)
    kinds = ["never_appear", "person", "phone", "date", "place", "odd_kind"]
    detectors = ["names", "phone", "date", "ner"]
    text = "".join(rnd.choice("abc de") for _ in range(60))
    merged_spans = 0
    for _ in range(20000):
        suggestions = []
        for _ in range(rnd.randrange(8)):
            start = rnd.randrange(-2, 62)
            end = start + rnd.randrange(-1, 12)
            suggestions.append(
                Suggestion(
                    start,
                    end,
                    rnd.choice(kinds),
                    rnd.choice([0.4, 0.85, 0.85, 0.9, 1.0]),
                    rnd.choice(detectors),
                    text[max(0, start) : max(0, end)],
                )
            )
        want = _old_merge(text, suggestions)
        assert merging.merge(text, suggestions) == want, suggestions
        merged_spans += sum(1 for s in want if s not in suggestions)
    assert merged_spans > 5000, merged_spans
