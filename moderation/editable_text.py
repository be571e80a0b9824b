"""The working text as a moderator edits it: text, not tags.

A story held as paragraphs and line breaks (every story typed into the form is) is shown as
text: paragraphs separated by a blank line, a line break as a new line, entities as the
characters they stand for. Saving turns the text back into the same paragraphs and breaks, with
every character escaped, so nothing the survivor wrote is lost or read as markup. A story with
other markup (lists, links, emphasis, which only the API accepts) is edited as its HTML, since
text would lose that markup.
"""

from __future__ import annotations

import html
import re

from moderation.redaction import PLACEHOLDERS, html_to_text
from moderation.sanitize import plain_text_to_html

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>")
_ANY_TAG = re.compile(r"<[^>]*>")


def editable_text(body_html: str) -> str | None:
    """The text a moderator edits for ``body_html``, or None when the HTML holds more than
    paragraphs and line breaks (then it is edited as HTML)."""
    paragraphs: list[str] = []
    position = 0
    for match in _PARAGRAPH.finditer(body_html):
        if body_html[position : match.start()].strip():
            return None  # something outside a paragraph
        if "\n" in match.group(1):
            return None  # a new line in the markup is a space on the page, not a break
        inner = _BREAK.sub("\n", match.group(1))
        if _ANY_TAG.search(inner):
            return None
        text = html.unescape(inner)
        if "\n\n" in text or text != text.strip():
            return None  # would not come back as the same paragraph
        paragraphs.append(text)
        position = match.end()
    if body_html[position:].strip():
        return None
    return "\n\n".join(paragraphs)


def html_of_editable(text: str) -> str:
    """The stored HTML for the edited text: paragraphs and line breaks, everything escaped."""
    return plain_text_to_html(text)


def placed_redactions(body_html: str, placed: list[str]) -> list[tuple[int, int, str]]:
    """Spans over the visible text for redactions a moderator placed by selection: each value
    is ``kind|n``, the n-th (from 0) occurrence of that kind's placeholder in the text."""
    visible = html_to_text(body_html).text
    spans: list[tuple[int, int, str]] = []
    for value in placed:
        kind, _, index = value.partition("|")
        if kind not in PLACEHOLDERS or not index.isascii() or not index.isdigit():
            continue
        placeholder = PLACEHOLDERS[kind]
        starts = [m.start() for m in re.finditer(re.escape(placeholder), visible)]
        if int(index) < len(starts):
            start = starts[int(index)]
            spans.append((start, start + len(placeholder), kind))
    return spans
