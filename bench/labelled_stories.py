"""Stories written by hand with inline labels: development (tests/data/redaction/dev2-*.txt …)
and held out (heldout2-*.txt … heldout6-*.txt).

A line "@ <language>" starts a story, which runs to the next such line and may span several
lines (an address over two lines); `[[kind:words]]` around words makes them an exact span of
that kind; lines starting with "#" are comments. The loader turns the labels into spans.
"""

from __future__ import annotations

import re
from pathlib import Path

from .multilingual_set import OUT, Story

_LABEL = re.compile(r"\[\[(?P<kind>[a-z_]+):(?P<text>[^\]]+)\]\]")


def parse(labelled: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The plain text of a labelled story and its (start, end, kind) spans."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = length = 0
    for m in _LABEL.finditer(labelled):
        parts.append(labelled[pos : m.start()])
        length += m.start() - pos
        spans.append((length, length + len(m.group("text")), m.group("kind")))
        parts.append(m.group("text"))
        length += len(m.group("text"))
        pos = m.end()
    parts.append(labelled[pos:])
    return "".join(parts), spans


def load_labelled(name: str) -> list[Story]:
    """The stories of tests/data/redaction/<name>.txt, in file order."""
    stories: list[Story] = []
    language, lines = "", []
    text = (OUT / f"{name}.txt").read_text(encoding="utf-8")
    for line in [*text.splitlines(), "@ end"]:
        if line.startswith("#"):
            continue
        if line.startswith("@ "):
            body = "\n".join(lines).strip()
            if language and body:
                plain, spans = parse(body)
                lower = not any(c.isupper() for c in plain)
                number = len(stories) + 1
                stories.append(Story(f"{name}-{number:03d}", name, language, lower, plain, spans))
            language, lines = line[2:].strip(), []
        else:
            lines.append(line)
    return stories


def labelled_sets() -> list[str]:
    """The names of the hand-written development sets (dev2-*.txt, dev3-*.txt, ...), sorted."""
    return sorted(p.stem for p in Path(OUT).glob("dev*-*.txt"))


# The held-out parts (docs/redaction.md, "The rule"): measured for their figures only, never
# tuned on. (f) was written by the engineers of the tenth and eleventh rounds as their transfer
# checks; (g) by a writer who never saw the engine or any earlier set; (h) likewise, as the
# thirteenth round's transfer check; (i) likewise, as the fourteenth round's.
HELD_OUT_PARTS: dict[str, tuple[str, ...]] = {
    "(f) transfer checks of rounds 10 and 11": ("heldout2-", "heldout3-"),
    "(g) written independently of the engine": ("heldout4-",),
    "(h) the thirteenth round's transfer check, written apart from the engine": ("heldout5-",),
    "(i) the fourteenth round's transfer check, written apart from the engine": ("heldout6-",),
}


def held_out_sets() -> list[str]:
    """The names of the hand-written held-out sets (heldout2-*.txt, ...), sorted."""
    return sorted(p.stem for p in Path(OUT).glob("heldout*-*.txt"))


def held_out_parts() -> dict[str, list[str]]:
    """Each held-out part's label and the names of its files (a part with none is left out)."""
    names = held_out_sets()
    parts = {
        label: [name for name in names if name.startswith(prefixes)]
        for label, prefixes in HELD_OUT_PARTS.items()
    }
    return {label: files for label, files in parts.items() if files}
