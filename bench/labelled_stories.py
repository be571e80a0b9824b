"""Stories written with inline labels, "[[person:Milagros]]", one per line as
"<language>: <text>" (tests/data/redaction/dev2-*.txt): the loader turns the labels into
exact spans."""

from __future__ import annotations

import re
from pathlib import Path

from .multilingual_set import OUT, Story

_LABEL = re.compile(r"\[\[(?P<kind>[a-z_]+):(?P<text>[^\]]+)\]\]")


def parse_line(line: str) -> tuple[str, str, list[tuple[int, int, str]]]:
    """(language, plain text, spans) of one labelled line."""
    language, _, labelled = line.partition(":")
    labelled = labelled.strip()
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
    return language.strip(), "".join(parts), spans


def load_labelled(name: str) -> list[Story]:
    """The stories of tests/data/redaction/<name>.txt (comments start with "#")."""
    stories = []
    lines = (OUT / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        language, text, spans = parse_line(line)
        lower = not any(c.isupper() for c in text)
        stories.append(Story(f"{name}-{number:03d}", name, language, lower, text, spans))
    return stories


def labelled_sets() -> list[str]:
    """The names of the labelled development sets (dev2-*.txt), sorted."""
    return sorted(p.stem for p in Path(OUT).glob("dev2-*.txt"))
