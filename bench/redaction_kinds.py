"""Kind confusions of the redaction engine on the sets that may be looked at: for every gold
span, the kind of the suggestion that overlaps it most (or "missed").

Run: python -m bench.redaction_kinds [--limit N] [--show KIND:SUGGESTED N]

Only Presidio's set, the development part of the multilingual set and the older generated
stories are read: the held-out part is for the figures of bench.redaction only.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from moderation.redaction import Suggestion, detect, warm_up

from .labelled_stories import labelled_sets, load_labelled
from .multilingual_set import load as load_split
from .redaction import Doc, load_presidio, story_doc
from .redaction_corpus import generate


def _dominant(span: tuple[int, int], sugg: list[Suggestion]) -> str:
    """The kind of the suggestion that covers most of the span, "missed" if none overlaps."""
    best, best_overlap = "missed", 0
    for s in sugg:
        overlap = min(span[1], s.end) - max(span[0], s.start)
        if overlap > best_overlap:
            best, best_overlap = s.kind, overlap
    return best


def confusions(
    docs: list[Doc],
) -> tuple[Counter[tuple[str, str]], dict[tuple[str, str], list[str]]]:
    """(gold kind, suggested kind) counts, and the gold texts of each pair."""
    table: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for doc in docs:
        sugg = detect(doc.text, never_appear=doc.never, language=doc.lang)
        for g0, g1, kind in doc.gold:
            got = _dominant((g0, g1), sugg)
            table[kind, got] += 1
            examples[kind, got].append(doc.text[max(0, g0 - 30) : g1 + 10].replace("\n", " "))
    return table, examples


def _print(title: str, table: Counter[tuple[str, str]]) -> None:
    print(f"\n## {title}\n")
    golds = sorted({g for g, _ in table})
    got_kinds = sorted({s for _, s in table})
    print("| gold \\ suggested | " + " | ".join(got_kinds) + " |")
    print("|---|" + "---:|" * len(got_kinds))
    for g in golds:
        print(f"| {g} | " + " | ".join(str(table[g, s] or "") for s in got_kinds) + " |")


def sets() -> dict[str, list[Doc]]:
    """The sets that may be looked at, by title."""
    presidio = [Doc(t, g, i, (), "en", "en") for t, g, i in load_presidio()]
    dev = [story_doc(s) for s in load_split("dev")]
    stories = [Doc(s.text, s.spans, [], s.never_appear, s.language, s.language) for s in generate()]
    return {
        "(a) presidio": presidio,
        "(b) multilingual, development": dev,
        "(d) older stories": stories,
        **{f"(e) {name}": [story_doc(s) for s in load_labelled(name)] for name in labelled_sets()},
    }


def main() -> None:
    """Print one confusion table per set, and examples of one confusion when asked."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", default="", help="gold:suggested pair to list, e.g. place:person")
    parser.add_argument("--count", type=int, default=20)
    args = parser.parse_args()
    warm_up()
    for title, docs in sets().items():
        table, examples = confusions(docs[: args.limit] if args.limit else docs)
        _print(title, table)
        if args.show:
            gold, got = args.show.split(":")
            for line in examples.get((gold, got), [])[: args.count]:
                print(f"- {line!r}")


if __name__ == "__main__":
    main()
