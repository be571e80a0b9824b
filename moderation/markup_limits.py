"""How much markup a story may hold, counted before any HTML parser sees it.

bleach parses with html5lib, whose cost grows faster than the text on markup no survivor writes:
24,000 unclosed ``<b>`` took 16 s, a few hundred paragraphs that reopen a bold run took
12 s, one tag with 12,000 attributes 3 s. Such text is refused first, by a linear scan with one
regular expression (milliseconds for the longest story), so that what reaches bleach is cheap to
clean. The limits leave room for what people write, and for what the service makes of plain
text (a ``<p>`` per paragraph, a ``<br>`` per line), which staff save again as HTML:

- at most ``MAX_ELEMENTS`` elements opened (``<br>``, ``<img>`` and the other void elements do
  not count: they neither nest nor reopen anything, and cost the parser what text costs);
- nesting at most ``MAX_DEPTH`` deep, counted the way a browser closes an open ``<p>`` or
  ``<li>`` when the next one starts;
- at most ``MAX_ATTRIBUTES`` attributes in one tag.

The scan follows the HTML tokenizer where it matters for counting: a ``>`` inside a quoted
attribute value does not end the tag, and an end tag inside a comment or a bogus comment
(``<!x>``, ``<?x>``, ``</ x>``) closes nothing (else ``<em><!--</em>-->`` a thousand times would
nest a thousand deep while counting as one). Where a parser's reading depends on context (the
text of ``<textarea>``, ``<script>``, ``<style>``…, which inside ``<svg>`` is markup again, and
``<![CDATA[…]]>``), the scan takes the reading that counts more: every start tag inside opens
an element, no end tag inside closes one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_ELEMENTS = 1000
MAX_DEPTH = 10
MAX_ATTRIBUTES = 30

VOID_ELEMENTS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr",
    }
)  # fmt: skip
# Start tags that close an open <p> (HTML's "close a p element"), as far as counting needs.
_CLOSES_P = frozenset(
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "ul",
    }
)  # fmt: skip

# Elements that keep an outer <p> or <li> open (HTML's "button scope", "list item scope").
_P_SCOPE = frozenset(
    {"applet", "button", "caption", "html", "marquee", "object", "table", "td", "template", "th"}
)
_LIST_ITEM_SCOPE = _P_SCOPE | {"ol", "ul"}

_SPACE = "\t\n\f\r "
# One tag, start or end, as the HTML tokenizer reads it: a name, then attributes (a name, and
# perhaps "=" and a value: double-quoted, single-quoted or bare), up to ">" or the end.
# What is not a tag: a comment ("<!-->" and "<!--->" end at once, as in HTML), a bogus comment
# (up to the next ">"). Matched first, so that nothing inside them counts.
_NOT_A_TAG = re.compile(r"<!--(?:>|->|.*?(?:--!?>|\Z))|<[!?][^>]*>?|</(?![A-Za-z])[^>]*>?", re.S)
# Elements whose content is text up to their own end tag ("plaintext": to the end).
_RAW_TEXT = frozenset(
    {"iframe", "noembed", "noframes", "plaintext", "script", "style", "textarea", "title", "xmp"}
)
_TAG = re.compile(
    rf"<(/?)([A-Za-z][^{_SPACE}/>]*)"
    rf"((?:[{_SPACE}/]*[^{_SPACE}/>][^{_SPACE}/=>]*"
    rf"(?:[{_SPACE}]*=[{_SPACE}]*(?:\"[^\"]*\"?|'[^']*'?|[^{_SPACE}>]*))?)*)"
    rf"[{_SPACE}/]*>?"
)
_MARKUP = re.compile(f"{_NOT_A_TAG.pattern}|{_TAG.pattern}", re.S)
_ATTRIBUTE = re.compile(
    rf"[^{_SPACE}/>][^{_SPACE}/=>]*"
    rf"(?:[{_SPACE}]*=[{_SPACE}]*(?:\"[^\"]*\"?|'[^']*'?|[^{_SPACE}>]*))?"
)


class TooMuchMarkup(ValueError):
    """The text holds more markup than any story needs; ``limit`` names which limit."""

    def __init__(self, limit: str, allowed: int) -> None:
        self.limit = limit  # "elements" | "depth" | "attributes"
        self.allowed = allowed
        self.message = {
            "elements": f"The text opens more than {allowed:,} HTML elements.",
            "depth": f"The text nests HTML elements more than {allowed} deep.",
            "attributes": f"A tag in the text has more than {allowed} attributes.",
        }[limit] + " Send it as plain text or with less markup."
        super().__init__(self.message)


@dataclass(frozen=True, slots=True)
class MarkupCount:
    """What the scan found: elements opened, deepest nesting, most attributes in one tag."""

    elements: int = 0
    depth: int = 0
    attributes: int = 0


class _Count:
    """The running count: elements opened, the open ones (a stack), the deepest, attributes."""

    def __init__(self) -> None:
        self.elements = self.deepest = self.attributes = 0
        self.open_elements: list[str] = []

    def over(self) -> bool:
        return self.elements > MAX_ELEMENTS or self.deepest > MAX_DEPTH

    def tag(self, tag: re.Match[str], *, may_close: bool = True) -> str | None:
        """Count one tag; the name of the element it opened, if any."""
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        self.attributes = max(self.attributes, len(_ATTRIBUTE.findall(tag.group(3))))
        if closing:
            if may_close:
                _close(self.open_elements, name)
            return None
        if name in VOID_ELEMENTS:
            return None
        self.elements += 1
        if name in _CLOSES_P:
            _close_implied(self.open_elements, "p", _P_SCOPE)
        if name == "li":
            _close_implied(self.open_elements, "li", _LIST_ITEM_SCOPE)
        self.open_elements.append(name)
        self.deepest = max(self.deepest, len(self.open_elements))
        return name

    def opaque(self, text: str, start: int, end: int) -> None:
        """Text a parser may read as markup or not: every start tag opens, nothing closes."""
        for tag in _TAG.finditer(text, start, end):
            self.tag(tag, may_close=False)
            if self.over():
                return


def count_markup(text: str) -> MarkupCount:
    """Count the markup of ``text`` in one pass (no parser, no tree). The count stops as soon
    as the elements or the nesting go over their limit, so it stays linear whatever the text."""
    count = _Count()
    position = 0
    while not count.over() and (found := _MARKUP.search(text, position)):
        position = found.end()
        if found.group(2) is not None:
            name = count.tag(found)
            if name in _RAW_TEXT:
                position = _end_of_raw_text(text, name, position)
                count.opaque(text, found.end(), position)
        elif found.group(0).startswith("<![CDATA["):
            end = text.find("]]>", found.start())
            position = len(text) if end < 0 else end + len("]]>")
            count.opaque(text, found.start() + len("<![CDATA["), position)
    return MarkupCount(count.elements, count.deepest, count.attributes)


def _end_of_raw_text(text: str, name: str, position: int) -> int:
    """Where the text of a ``<textarea>``, ``<script>``… opened at ``position`` ends: at its own
    end tag, or at the end of ``text``."""
    end = re.compile(f"</{name}[{_SPACE}/>]", re.IGNORECASE).search(text, position)
    return end.start() if end is not None and name != "plaintext" else len(text)


def _close(open_elements: list[str], name: str) -> None:
    """Close the innermost open ``name`` and everything opened inside it; nothing if none is."""
    for index in range(len(open_elements) - 1, -1, -1):
        if open_elements[index] == name:
            del open_elements[index:]
            return


def _close_implied(open_elements: list[str], name: str, scope: frozenset[str]) -> None:
    """Close an open ``name`` that a new start tag ends, unless an element of ``scope`` (a
    nested list for ``<li>``, a table or button for ``<p>``) lies between: then it stays open."""
    for index in range(len(open_elements) - 1, -1, -1):
        if open_elements[index] == name:
            del open_elements[index:]
            return
        if open_elements[index] in scope:
            return


def check_markup(text: str) -> None:
    """Raise ``TooMuchMarkup`` when ``text`` is over a limit; cheap enough to run on any input."""
    if "<" not in text:
        return
    found = count_markup(text)
    if found.elements > MAX_ELEMENTS:
        raise TooMuchMarkup("elements", MAX_ELEMENTS)
    if found.depth > MAX_DEPTH:
        raise TooMuchMarkup("depth", MAX_DEPTH)
    if found.attributes > MAX_ATTRIBUTES:
        raise TooMuchMarkup("attributes", MAX_ATTRIBUTES)
