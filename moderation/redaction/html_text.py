"""Map sanitised HTML to its visible text with an offset map, and edit the HTML through it."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

from .folding import fold

_TOKEN = re.compile(
    r"<!--.*?-->|<[^>]*>|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?", re.DOTALL
)
_TAG_NAME = re.compile(r"^</?\s*([A-Za-z][A-Za-z0-9]*)")
# Elements whose boundaries separate words in the visible text.
_BLOCK = frozenset(
    [
        "p",
        "br",
        "li",
        "ul",
        "ol",
        "blockquote",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "td",
        "th",
        "hr",
    ]
)
_HREF = re.compile(r"""(\bhref\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HtmlText:
    """Visible text of an HTML fragment; char i of text comes from html[starts[i]:ends[i]].

    Separators inserted for block boundaries have starts[i] == ends[i] (no source text).
    """

    html: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def html_to_text(markup: str) -> HtmlText:
    """Visible text of (bleach-sanitised) HTML, entities decoded, blocks separated by newlines."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(s: str, a: int, b: int) -> None:
        for c in s:
            chars.append(c)
            starts.append(a)
            ends.append(b)

    pos = 0
    for m in _TOKEN.finditer(markup):
        for i in range(pos, m.start()):
            emit(markup[i], i, i + 1)
        tok = m.group()
        if tok.startswith("<"):
            name = _TAG_NAME.match(tok)
            if name and name.group(1).lower() in _BLOCK and chars and chars[-1] != "\n":
                emit("\n", m.start(), m.start())
        else:
            decoded = html_lib.unescape(tok)
            # A multi-character decoding maps every char to the whole entity.
            emit(decoded, m.start(), m.end())
        pos = m.end()
    for i in range(pos, len(markup)):
        emit(markup[i], i, i + 1)
    return HtmlText(markup, "".join(chars), tuple(starts), tuple(ends))


def replace_spans(doc: HtmlText, edits: list[tuple[int, int, str]]) -> str:
    """Replace visible-text spans [start, end) with new text, leaving every tag in place.

    The replacement goes where the span's first source character was; the span's other text
    characters are deleted, so a span crossing tags ("Sa<b>mir</b>") leaves the tags balanced.
    """
    cuts: list[tuple[int, int, str]] = []  # source ranges to replace
    for start, end, new in sorted(edits):
        placed = False
        run_a = run_b = -1
        for i in range(start, end):
            a, b = doc.starts[i], doc.ends[i]
            if a == b:
                continue  # a synthetic separator: nothing in the source
            if run_b == a or (run_a <= a and b <= run_b):
                run_b = max(run_b, b)
                continue
            if run_a >= 0:
                cuts.append((run_a, run_b, "" if placed else _escape(new)))
                placed = True
            run_a, run_b = a, b
        if run_a >= 0:
            cuts.append((run_a, run_b, "" if placed else _escape(new)))
        elif not placed:
            continue
    out: list[str] = []
    pos = 0
    for a, b, new in sorted(cuts):
        if a < pos:
            continue
        out.append(doc.html[pos:a])
        out.append(new)
        pos = b
    out.append(doc.html[pos:])
    return "".join(out)


def _escape(s: str) -> str:
    return html_lib.escape(s, quote=False)


def link_targets(markup: str) -> list[tuple[int, int, str]]:
    """(start, end, value) of every href value in the markup, value entity-decoded."""
    out = []
    for tag in re.finditer(r"<a\b[^>]*>", markup, re.IGNORECASE):
        for m in _HREF.finditer(tag.group()):
            g = 2 if m.group(2) is not None else 3 if m.group(3) is not None else 4
            a = tag.start() + m.start(g)
            b = tag.start() + m.end(g)
            out.append((a, b, html_lib.unescape(m.group(g))))
    return out


def blank_link_targets(markup: str, secrets: list[str]) -> str:
    """Replace with '#' any href that contains one of the (folded) redacted strings."""
    folded_secrets = [fold(s) for s in secrets if len(s.strip()) >= 2]
    if not folded_secrets:
        return markup
    out = []
    pos = 0
    for a, b, value in link_targets(markup):
        fv = fold(value)
        if any(s in fv for s in folded_secrets):
            out.append(markup[pos:a])
            out.append("#")
            pos = b
    out.append(markup[pos:])
    return "".join(out)
