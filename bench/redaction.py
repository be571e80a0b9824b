"""Benchmark of the redaction engine: recall per kind and per language, precision, confident
false positives and throughput, on Presidio's set, the multilingual set (two generated parts,
tests/data/redaction), the older generated stories, the development stories written by hand
(dev*-*.txt) and, for their figures only, the held-out stories written by hand (heldout*-*.txt).

Run: python -m bench.redaction [--limit N] [--runs N] [--show-false N]

Matching rule: a gold span counts as found if any suggestion overlaps it (any kind: an
overlapping suggestion redacts it); "same-kind recall" also requires a compatible kind;
"full-span recall" requires the suggestions to cover every character of it (a name cut short
is found, not fully).
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from moderation.redaction import HIGH_CONFIDENCE, Suggestion, detect, warm_up

from .labelled_stories import held_out_parts, held_out_sets, labelled_sets, load_labelled
from .multilingual_set import Story
from .multilingual_set import load as load_split
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
    "id_number": {"id_number"},
    "never_appear": {"never_appear"},
}
Gold = list[tuple[int, int, str]]
# Languages detect() is told; for the others (Persian, Kurdish) it guesses, as for any story.
ENGINE_LANGUAGES = ("en", "es", "fr", "ar")


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


class Doc(NamedTuple):
    """One evaluated text: its gold spans, spans of ignored labels, never-appear list, the
    language passed to detect() (None: guessed) and the language it is reported under."""

    text: str
    gold: Gold
    ignored: Gold
    never: Sequence[str]
    lang: str | None
    label: str


@dataclass
class Report:
    """What one pass over a set measured."""

    # kind -> [found (any kind), same kind, fully covered, gold]
    found: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0]))
    # kind -> [correct, counted]
    predicted: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    # language -> [found, gold]
    languages: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    # (language, kind) -> [found, gold]: where a language's misses are, without the texts
    language_kinds: dict[tuple[str, str], list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
    # suggestions at or above the leak guard's threshold that overlap no gold span
    confident_false: list[tuple[str, str, float]] = field(default_factory=list)
    total_bytes: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        counted = sum(v[1] for v in self.predicted.values())
        return sum(v[0] for v in self.predicted.values()) / counted if counted else float("nan")

    @property
    def bytes_per_second(self) -> int:
        return int(self.total_bytes / self.seconds) if self.seconds else 0

    def overall(self, column: int) -> float:
        """Recall over every kind: column 0 any kind, 1 same kind, 2 fully covered."""
        gold = sum(v[3] for v in self.found.values())
        return sum(v[column] for v in self.found.values()) / gold if gold else float("nan")


def _covered(span: tuple[int, int], sugg: Sequence[Suggestion]) -> bool:
    """Whether the suggestions together cover every character of the span."""
    pos = span[0]
    for s in sorted(sugg):
        if s.start <= pos < s.end:
            pos = s.end
    return pos >= span[1]


def evaluate(docs: Sequence[Doc]) -> Report:
    """Run detect() over every text and compare with the gold spans."""
    report = Report()
    for doc in docs:
        # CPU time of this process: the build machine is shared, wall-clock time is too noisy.
        t0 = time.process_time()
        sugg: list[Suggestion] = detect(doc.text, never_appear=doc.never, language=doc.lang)
        report.seconds += time.process_time() - t0
        report.total_bytes += len(doc.text.encode("utf-8"))
        for g0, g1, kind in doc.gold:
            hits = [s for s in sugg if _overlaps((s.start, s.end), (g0, g1))]
            ok_kinds = COMPATIBLE.get(kind, {kind})
            same = any(s.kind in ok_kinds for s in hits)
            anyk = same if kind == "never_appear" else bool(hits)
            row = report.found[kind]
            row[0] += anyk
            row[1] += same
            row[2] += anyk and _covered((g0, g1), hits)
            row[3] += 1
            lang_row = report.languages[doc.label]
            lang_row[0] += anyk
            lang_row[1] += 1
            lang_kind_row = report.language_kinds[doc.label, kind]
            lang_kind_row[0] += anyk
            lang_kind_row[1] += 1
        for s in sugg:
            span = (s.start, s.end)
            if any(_overlaps(span, (g0, g1)) for g0, g1, _ in doc.gold):
                report.predicted[s.kind][0] += 1
                report.predicted[s.kind][1] += 1
            elif not any(_overlaps(span, (g0, g1)) for g0, g1, _ in doc.ignored):
                report.predicted[s.kind][1] += 1
                if s.confidence >= HIGH_CONFIDENCE and s.kind != "never_appear":
                    report.confident_false.append((s.text, s.kind, s.confidence))
    return report


def _print(title: str, report: Report, *, show_false: int = 0) -> None:
    print(f"\n## {title}\n")
    print("| kind | gold | recall | same-kind recall | full-span recall | predicted | precision |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind in sorted(set(report.found) | set(report.predicted)):
        a, same, full, n = report.found.get(kind, [0, 0, 0, 0])
        c, m = report.predicted.get(kind, [0, 0])
        print(
            f"| {kind} | {n} | {_ratio(a, n)} | {_ratio(same, n)} | {_ratio(full, n)} | "
            f"{m} | {_ratio(c, m)} |"
        )
    print(
        f"| **all** | {sum(v[3] for v in report.found.values())} | "
        f"**{report.overall(0):.3f}** | **{report.overall(1):.3f}** | {report.overall(2):.3f} | "
        f"{sum(v[1] for v in report.predicted.values())} | **{report.precision:.3f}** |"
    )
    if len(report.languages) > 1:
        print(
            "\nrecall by language: "
            + ", ".join(
                f"{lang} {_ratio(a, n)} ({n})" for lang, (a, n) in sorted(report.languages.items())
            )
        )
        print(
            "recall by language and kind (kinds with 10 or more spans): "
            + ", ".join(
                f"{lang} {kind} {_ratio(a, n)} ({n})"
                for (lang, kind), (a, n) in sorted(report.language_kinds.items())
                if n >= 10
            )
        )
    print(
        f"\nconfident false positives (>= {HIGH_CONFIDENCE}, overlapping no gold span): "
        f"{len(report.confident_false)}; throughput {_rate(report.bytes_per_second)} (CPU time)"
    )
    for text, kind, conf in report.confident_false[:show_false]:
        print(f"- {text!r} as {kind} at {conf:.2f}")


def _ratio(a: int, n: int) -> str:
    return f"{a / n:.3f}" if n else "-"


def _rate(bps: float) -> str:
    return f"{bps / 1024:.0f} KB/s = {bps / 1e6:.2f} MB/s"


def _sets() -> tuple[list[Doc], list[Doc], list[Doc], list[Doc]]:
    """Presidio's set, the multilingual dev and held-out parts, the older generated stories."""
    presidio = [Doc(t, g, i, (), "en", "en") for t, g, i in load_presidio()]
    multilingual = [
        [
            Doc(
                s.text,
                s.spans,
                [],
                (),
                s.language if s.language in ENGINE_LANGUAGES else None,
                s.language,
            )
            for s in load_split(split)
        ]
        for split in ("dev", "heldout")
    ]
    stories = [Doc(s.text, s.spans, [], s.never_appear, s.language, s.language) for s in generate()]
    return presidio, multilingual[0], multilingual[1], stories


def _long_story(stories: Sequence[Doc]) -> str:
    """The older generated stories run together into one of some 5,000 words."""
    return " ".join(s[0] for s in stories)[:32000]


def budget_story(long_story: str | None = None) -> str:
    """The story of the budget (a 20 KB story in at most 50 ms): the first 20 KB of the long
    story."""
    if long_story is None:
        long_story = _long_story(_sets()[3])
    return long_story.encode("utf-8")[:20_000].decode("utf-8", "ignore")


def story_doc(story: Story) -> Doc:
    """A multilingual story as evaluated: told its language when the engine has it."""
    lang = story.language if story.language in ENGINE_LANGUAGES else None
    return Doc(story.text, story.spans, [], (), lang, story.language)


def _throughput_only() -> None:
    """One cold pass over each set in this fresh process; prints bytes/s as JSON."""
    warm_up()
    presidio, dev, heldout, _ = _sets()
    print(json.dumps([evaluate(d).bytes_per_second for d in (presidio, dev + heldout)]))


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
    for i, label in enumerate(("(a) presidio", "(b) multilingual, both parts")):
        values = sorted(f[i] for f in figures)
        print(
            f"- {label}: median {_rate(statistics.median(values))}, "
            f"range {values[0] / 1024:.0f}-{values[-1] / 1024:.0f} KB/s"
        )


def main() -> None:
    """Run both evaluation sets and print markdown tables."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument(
        "--show-false", type=int, default=0, help="list this many confident false positives"
    )
    parser.add_argument("--runs", type=int, default=4, help="fresh processes for throughput")
    parser.add_argument("--throughput-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--development-only",
        action="store_true",
        help="leave out the held-out parts and the fresh-process runs: for work on the engine",
    )
    args = parser.parse_args()
    if args.throughput_only:
        _throughput_only()
        return
    t0 = time.perf_counter()
    warm_up()
    print(f"warm-up (gazetteer build) {time.perf_counter() - t0:.1f} s")
    presidio, dev, heldout, stories = _sets()
    if args.limit:
        presidio, dev, heldout = presidio[: args.limit], dev[: args.limit], heldout[: args.limit]
        stories = stories[: args.limit]
    _print("(a) presidio synthetic set", evaluate(presidio), show_false=args.show_false)
    _print("(b) multilingual set, development part", evaluate(dev), show_false=args.show_false)
    # Held out until 2026-12-07, when its misses were read once: development material since.
    _print("(c) multilingual set, second part (opened 2026-12-07)", evaluate(heldout))
    _print("(d) older generated stories (seed 20240611)", evaluate(stories))
    for name in labelled_sets():
        docs = [story_doc(s) for s in load_labelled(name)][: args.limit or None]
        _print(f"development stories written by hand ({name}.txt)", evaluate(docs))
    # The held-out part is for the figures only: its misses and false positives are not listed.
    if not args.development_only:
        held_out = {name: [story_doc(s) for s in load_labelled(name)] for name in held_out_sets()}
        parts = held_out_parts()
        for label, names in parts.items():
            _print(
                f"{label}: held-out stories written by hand, all its files together",
                evaluate([doc for name in names for doc in held_out[name]]),
            )
        if len(parts) > 1:
            _print(
                "every held-out part together",
                evaluate([doc for docs in held_out.values() for doc in docs]),
            )
        for name, docs in held_out.items():
            _print(f"held-out stories written by hand ({name}.txt)", evaluate(docs))
    long_story = _long_story(stories)
    t0 = time.process_time()
    detect(long_story)
    print(
        f"\n5,000-word story ({len(long_story.split())} words): "
        f"{time.process_time() - t0:.3f} s CPU"
    )
    story_20k = budget_story(long_story)
    times = []
    for _ in range(5):
        t0 = time.process_time()
        detect(story_20k)
        times.append(time.process_time() - t0)
    print(
        f"one 20 KB story: median {statistics.median(times) * 1000:.0f} ms CPU "
        f"(max {max(times) * 1000:.0f} ms; budget 50 ms)"
    )
    if args.runs and not args.limit and not args.development_only:
        _fresh_runs(args.runs)


if __name__ == "__main__":
    main()
