# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Applying accepted redactions: placeholders or consistent pseudonyms, on text or HTML."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from .folding import fold
from .html_text import blank_link_targets, html_to_text, replace_spans
from .merging import merge
from .model import Suggestion

PLACEHOLDERS: dict[str, str] = {
    "person": "[name]",
    "place": "[place]",
    "organisation": "[organisation]",
    "email": "[email]",
    "url": "[link]",
    "ip_address": "[ip address]",
    "handle": "[handle]",
    "phone": "[phone]",
    "payment_card": "[card number]",
    "iban": "[bank account]",
    "id_number": "[id number]",
    "date": "[date]",
    "address": "[address]",
    "postcode": "[postcode]",
    "never_appear": "[name]",
    "other": "[redacted]",
}
# Kinds that get "Person A"-style pseudonyms; everything else keeps its placeholder.
_PSEUDONYM_LABEL = {
    "person": "Person",
    "place": "Place",
    "organisation": "Organisation",
    "never_appear": "Name",
}
# Text that the engine itself wrote; detectors and the leak guard must leave it alone.
PROTECTED = re.compile(
    r"\[(?:" + "|".join(re.escape(p[1:-1]) for p in set(PLACEHOLDERS.values())) + r")\]"
    r"|\b(?:Person|Place|Organisation|Name) [A-Z]{1,2}\b"
)
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")

SpanLike = Suggestion | tuple[int, int, str]


def _letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA ..."""
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


class Pseudonymiser:
    """Hands out stable pseudonyms: the same folded text gets the same one every time."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], str] = {}
        self._counts: dict[str, int] = {}

    def name_for(self, kind: str, text: str) -> str:
        """Pseudonym for this text of this kind, e.g. 'Person A'."""
        label = _PSEUDONYM_LABEL.get(kind)
        if label is None:
            return PLACEHOLDERS.get(kind, "[redacted]")
        key_text = _POSSESSIVE.sub("", fold(text).strip())
        key = (label, key_text)
        if key in self._by_key:
            return self._by_key[key]
        # "Samir" after "Samir Haddad": reuse the full name's pseudonym.
        for (lab, known), pseudo in self._by_key.items():
            if lab == label and key_text in known.split():
                self._by_key[key] = pseudo
                return pseudo
        n = self._counts.get(label, 0)
        self._counts[label] = n + 1
        pseudo = f"{label} {_letters(n)}"
        self._by_key[key] = pseudo
        for part in key_text.split():
            if len(part) >= 3:
                self._by_key.setdefault((label, part), pseudo)
        return pseudo


def _normalise(text: str, spans: Sequence[SpanLike]) -> list[Suggestion]:
    items = []
    for s in spans:
        if isinstance(s, Suggestion):
            items.append(s)
        else:
            start, end, kind = s
            items.append(Suggestion(start, end, kind, 1.0, "manual", text[start:end]))
    return merge(text, items)


def apply_redactions(
    text: str,
    spans: Sequence[SpanLike],
    *,
    mode: Literal["placeholder", "pseudonym"] = "placeholder",
    html: bool = False,
) -> str:
    """Replace each accepted span with a placeholder ('[name]') or a pseudonym ('Person A').

    With html=True, `text` is sanitised HTML and span offsets are over its visible text
    (as from detect_in_html); tags are never touched, so the result stays well-formed.
    """
    if mode not in ("placeholder", "pseudonym"):
        raise ValueError(f"unknown mode {mode!r}")
    doc = html_to_text(text) if html else None
    visible = doc.text if doc is not None else text
    merged = _normalise(visible, spans)
    pseudo = Pseudonymiser()
    edits: list[tuple[int, int, str]] = []
    for s in merged:
        if mode == "pseudonym":
            new = pseudo.name_for(s.kind, visible[s.start : s.end])
        else:
            new = PLACEHOLDERS.get(s.kind, "[redacted]")
        edits.append((s.start, s.end, new))
    if doc is None:
        out = []
        pos = 0
        for start, end, new in edits:
            out.append(text[pos:start])
            out.append(new)
            pos = end
        out.append(text[pos:])
        return "".join(out)
    result = replace_spans(doc, edits)
    return blank_link_targets(result, [visible[s.start : s.end] for s in merged])
