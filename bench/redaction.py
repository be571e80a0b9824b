"""Benchmark of the redaction engine: per-kind precision, recall and F2, and throughput.

Run: python -m bench.redaction [--limit N]

Matching rule: a gold span counts as found if any suggestion overlaps it (any kind: an
overlapping suggestion redacts it); "same-kind recall" also requires a compatible kind.
A suggestion is correct if it overlaps a gold span; suggestions overlapping only gold spans of
labels we ignore are left out of precision. never_appear gold spans need a never_appear
suggestion.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from moderation.redaction import Suggestion, detect, warm_up

from .redaction_corpus import generate

PRESIDIO_PATH = (
    Path(__file__).resolve().parents[1] / "tests/data/pii/presidio_synth_dataset_v2.json"
)
# Presidio synthetic labels -> our kinds. Ignored (we do not detect them as such): TITLE,
# AGE, NRP (nationality/religion/politics).
LABEL_MAP = {
    "PERSON": "person",
    "GPE": "place",
    "STREET_ADDRESS": "address",
    "ORGANIZATION": "organisation",
    "CREDIT_CARD": "payment_card",
    "DATE_TIME": "date",
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email",
    "ZIP_CODE": "postcode",
    "DOMAIN_NAME": "url",
    "IBAN_CODE": "iban",
    "US_SSN": "id_number",
    "IP_ADDRESS": "ip_address",
    "US_DRIVER_LICENSE": "id_number",
}
IGNORED = ("TITLE", "AGE", "NRP")
# Kinds that count as the same thing for same-kind recall.
COMPATIBLE = {
    "person": {"person", "never_appear"},
    "place": {"place", "address", "postcode"},
    "address": {"address", "postcode", "place"},
    "postcode": {"postcode", "address"},
    "organisation": {"organisation"},
    "never_appear": {"never_appear"},
}
Gold = list[tuple[int, int, str]]


def load_presidio() -> list[tuple[str, Gold, Gold]]:
    """(text, gold spans in our kinds, spans of ignored labels)."""
    data = json.loads(PRESIDIO_PATH.read_text(encoding="utf-8"))
    out = []
    for item in data:
        gold, ignored = [], []
        for s in item["spans"]:
            span = (s["start_position"], s["end_position"])
            if s["entity_type"] in LABEL_MAP:
                gold.append((*span, LABEL_MAP[s["entity_type"]]))
            else:
                ignored.append((*span, s["entity_type"]))
        out.append((item["full_text"], gold, ignored))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(
    docs: Sequence[tuple[str, Gold, Gold, Sequence[str], str | None]],
) -> tuple[dict[str, dict[str, float]], float, int]:
    """Per-kind metrics, overall precision, and throughput in bytes/second."""
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # any, same-kind, total
    pred: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # correct, counted
    total_bytes = 0
    elapsed = 0.0
    for text, gold, ignored, never, lang in docs:
        # CPU time of this process: the build machine is shared, wall-clock time is too noisy.
        t0 = time.process_time()
        sugg: list[Suggestion] = detect(text, never_appear=never, language=lang)
        elapsed += time.process_time() - t0
        total_bytes += len(text.encode("utf-8"))
        for g0, g1, kind in gold:
            hits = [s for s in sugg if _overlaps((s.start, s.end), (g0, g1))]
            ok_kinds = COMPATIBLE.get(kind, {kind})
            same = any(s.kind in ok_kinds for s in hits)
            anyk = same if kind == "never_appear" else bool(hits)
            row = found[kind]
            row[0] += anyk
            row[1] += same
            row[2] += 1
        for s in sugg:
            span = (s.start, s.end)
            if any(_overlaps(span, (g0, g1)) for g0, g1, _ in gold):
                pred[s.kind][0] += 1
                pred[s.kind][1] += 1
            elif not any(_overlaps(span, (g0, g1)) for g0, g1, _ in ignored):
                pred[s.kind][1] += 1
    metrics: dict[str, dict[str, float]] = {}
    for kind in sorted(set(found) | set(pred)):
        a, same, n = found.get(kind, [0, 0, 0])
        c, m = pred.get(kind, [0, 0])
        r = a / n if n else float("nan")
        p = c / m if m else float("nan")
        f2 = 5 * p * r / (4 * p + r) if n and m and (p or r) else float("nan")
        metrics[kind] = {
            "gold": n,
            "recall": r,
            "same_kind_recall": same / n if n else float("nan"),
            "predicted": m,
            "precision": p,
            "f2": f2,
        }
    correct = sum(v[0] for v in pred.values())
    counted = sum(v[1] for v in pred.values())
    return metrics, correct / counted if counted else float("nan"), int(total_bytes / elapsed)


def _print(title: str, metrics: dict[str, dict[str, float]], precision: float, bps: int) -> None:
    print(f"\n## {title}\n")
    print("| kind | gold | recall | same-kind recall | predicted | precision | F2 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind, m in metrics.items():
        print(
            f"| {kind} | {m['gold']} | {m['recall']:.3f} | {m['same_kind_recall']:.3f} | "
            f"{m['predicted']} | {m['precision']:.3f} | {m['f2']:.3f} |"
        )
    print(f"\noverall precision {precision:.3f}; throughput {_rate(bps)} (CPU time)")


def _rate(bps: float) -> str:
    return f"{bps / 1024:.0f} KB/s = {bps / 1e6:.2f} MB/s"


def _sets() -> tuple[list, list]:
    presidio = [(t, g, i, (), "en") for t, g, i in load_presidio()]
    stories = [(s.text, s.spans, [], s.never_appear, s.language) for s in generate()]
    return presidio, stories


def _throughput_only() -> None:
    """One cold pass over each set in this fresh process; prints bytes/s as JSON."""
    warm_up()
    presidio, stories = _sets()
    print(json.dumps([evaluate(presidio)[2], evaluate(stories)[2]]))


def _fresh_runs(count: int) -> None:
    """The throughput of `count` more fresh processes: one cold pass each, as above."""
    figures = []
    for _ in range(count):
        out = subprocess.run(
            [sys.executable, "-m", "bench.redaction", "--throughput-only"],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[1],
        ).stdout
        figures.append(json.loads(out.splitlines()[-1]))
    print(f"\nthroughput in {count} more fresh processes (one cold pass each, CPU time):")
    for i, label in enumerate(("(a) presidio", "(b) stories")):
        values = sorted(f[i] for f in figures)
        print(
            f"- {label}: median {_rate(statistics.median(values))}, "
            f"range {values[0] / 1024:.0f}-{values[-1] / 1024:.0f} KB/s"
        )


def main() -> None:
    """Run both evaluation sets and print markdown tables."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--runs", type=int, default=4, help="fresh processes for throughput")
    parser.add_argument("--throughput-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.throughput_only:
        _throughput_only()
        return
    t0 = time.perf_counter()
    warm_up()
    print(f"warm-up (gazetteer build) {time.perf_counter() - t0:.1f} s")
    presidio, stories = _sets()
    if args.limit:
        presidio, stories = presidio[: args.limit], stories[: args.limit]
    _print("(a) presidio synthetic set", *evaluate(presidio))
    _print("(b) generated stories (seed 20240611)", *evaluate(stories))
    long_story = " ".join(s[0] for s in stories)[:32000]
    t0 = time.process_time()
    detect(long_story)
    print(
        f"\n5,000-word story ({len(long_story.split())} words): "
        f"{time.process_time() - t0:.3f} s CPU"
    )
    story_20k = long_story.encode("utf-8")[:20_000].decode("utf-8", "ignore")
    times = []
    for _ in range(5):
        t0 = time.process_time()
        detect(story_20k)
        times.append(time.process_time() - t0)
    print(
        f"one 20 KB story: median {statistics.median(times) * 1000:.0f} ms CPU "
        f"(max {max(times) * 1000:.0f} ms; budget 50 ms)"
    )
    if args.runs and not args.limit:
        _fresh_runs(args.runs)


if __name__ == "__main__":
    main()
