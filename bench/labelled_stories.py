"""Development stories written by hand with inline labels (tests/data/redaction/dev2-*.txt).

One story per line, "<language>| text"; a label is written `[[kind:words]]` around the words
and becomes an exact span of that kind; lines starting with "#" are comments.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parents[1] / "tests/data/redaction"
_LABEL = re.compile(r"\[\[([a-z_]+):([^\]]+)\]\]")


class LabelledStory(NamedTuple):
    """One story: its language, its text without labels and its gold spans."""

    language: str
    text: str
    spans: list[tuple[int, int, str]]


def parse(line: str) -> LabelledStory:
    """A story line: "<language>| text with [[kind:words]] labels"."""
    language, _, marked = line.partition("|")
    marked = marked.strip()
    text, spans, pos = [], [], 0
    length = 0
    for m in _LABEL.finditer(marked):
        text.append(marked[pos : m.start()])
        length += m.start() - pos
        spans.append((length, length + len(m.group(2)), m.group(1)))
        text.append(m.group(2))
        length += len(m.group(2))
        pos = m.end()
    text.append(marked[pos:])
    return LabelledStory(language.strip(), "".join(text), spans)


def load(path: Path) -> list[LabelledStory]:
    """The stories of one file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [parse(line) for line in lines if line.strip() and not line.startswith("#")]


def development_files() -> list[Path]:
    """Every hand-written development file, in name order."""
    return sorted(DATA.glob("dev2-*.txt"))
