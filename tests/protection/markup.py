"""Finding executable markup in HTML output, with a real HTML5 parser (html5lib)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import html5lib

from tests.conftest import TEST_DATA

XSS_DIR = TEST_DATA / "xss"
_DANGEROUS_ELEMENTS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "style",
    "form", "input", "button", "textarea", "select", "isindex", "portal", "template",
}  # fmt: skip
_URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "poster", "background", "lowsrc", "dynsrc",
    "codebase", "cite", "ping", "srcset", "xlink:href", "xml:base", "manifest", "longdesc",
}  # fmt: skip
_BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|livescript|mocha):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]+")


def _local(name: str) -> str:
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return ("xlink:" if namespace.endswith("xlink") else "") + local.lower()
    return name.lower()


def _inert_json_ld(tag: str, element: object) -> bool:
    """The page's own JSON-LD (schema.org metadata): data, not script, as long as it parses as
    JSON and holds no ``<`` that could end the element (the service writes it as ``\\u003c``).
    A vector that broke out of it would be a second, ordinary script element."""
    attributes = element.attrib  # type: ignore[attr-defined]
    if tag != "script" or attributes.get("type") != "application/ld+json" or len(attributes) != 1:
        return False
    text = element.text or ""  # type: ignore[attr-defined]
    try:
        json.loads(text)
    except ValueError:
        return False
    return "<" not in text


def _findings(root: object, allowed: frozenset[str]) -> list[str]:
    found = []
    for element in root.iter():  # type: ignore[attr-defined]
        if not isinstance(element.tag, str):
            continue  # comments
        tag = _local(element.tag)
        if _inert_json_ld(tag, element):
            continue
        if tag in _DANGEROUS_ELEMENTS and tag not in allowed:
            found.append(f"<{tag}> element")
        if tag == "meta" and "http-equiv" in {_local(a) for a in element.attrib}:
            found.append("<meta http-equiv>")
        for raw_name, value in element.attrib.items():
            name = _local(raw_name)
            if name.startswith("on") or name in {"style", "srcdoc"}:
                found.append(f"{name}= on <{tag}>")
            elif name in _URL_ATTRIBUTES and _BAD_SCHEME.match(_INVISIBLE.sub("", value)):
                found.append(f"{name}={value[:40]!r} on <{tag}>")
    return found


def executable_markup(document: str, *, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Everything in a whole HTML document that could run script or restyle the page."""
    tree = html5lib.parse(document, treebuilder="etree", namespaceHTMLElements=False)
    return _findings(tree, allowed)


def executable_markup_in_fragment(fragment: str) -> list[str]:
    """The same, for an HTML fragment (a story body from JSON or a feed)."""
    tree = html5lib.parseFragment(fragment, treebuilder="etree", namespaceHTMLElements=False)
    return _findings(tree, frozenset())


@cache
def xss_vectors() -> tuple[tuple[str, str], ...]:
    """(name, payload) for every vector in tests/data/xss/."""
    vectors: list[tuple[str, str]] = []
    for path in sorted(Path(XSS_DIR).glob("PATT_*.txt")):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        vectors += [(f"{path.stem}:{n}", line) for n, line in enumerate(lines, 1) if line.strip()]
    records = json.loads((Path(XSS_DIR) / "dompurify_expect.json").read_text(encoding="utf-8"))
    vectors += [
        (f"dompurify:{n}", record["payload"])
        for n, record in enumerate(records, 1)
        if str(record["payload"]).strip()
    ]
    return tuple(vectors)
