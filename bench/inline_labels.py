"""Stories with inline labels: "@ lang" starts a story, "[[kind:text]]" marks a span, "#" lines
are comments. Used for development material written by hand (tests/data/redaction/dev2-*.txt)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

_LABEL = re.compile(r"\[\[([a-z_]+):([^\]]+)\]\]")


class LabelledStory(NamedTuple):
    """One story: its language, its text without the labels, and the labelled spans."""

    language: str
    text: str
    spans: list[tuple[int, int, str]]


def parse(story: str, language: str) -> LabelledStory:
    """A story's text with its labels turned into exact (start, end, kind) spans."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = length = 0
    for m in _LABEL.finditer(story):
        parts.append(story[pos : m.start()])
        length += m.start() - pos
        spans.append((length, length + len(m.group(2)), m.group(1)))
        parts.append(m.group(2))
        length += len(m.group(2))
        pos = m.end()
    parts.append(story[pos:])
    return LabelledStory(language, "".join(parts), spans)


def load(path: Path) -> list[LabelledStory]:
    """Every story of a file."""
    stories = []
    language, lines = "", []
    for line in [*path.read_text(encoding="utf-8").splitlines(), "@ end"]:
        if line.startswith("#"):
            continue
        if line.startswith("@ "):
            if language and "".join(lines).strip():
                stories.append(parse("\n".join(lines).strip(), language))
            language, lines = line[2:].strip(), []
        else:
            lines.append(line)
    return stories
