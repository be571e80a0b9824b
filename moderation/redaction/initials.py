# ruff: noqa: RUF001  (typographic quotes are data)
"""People written with initials, as case notes do: "Mme A. Bah", "M. Dieudonné B.", "el Sr.
J. Pérez", "(iniciales R. T. G.)", "Client (initials A.K.)".

After a title: initials and perhaps a family name, or a name and one initial. After "iniciales",
"initials", "initiales": the initials alone (spaced or not, or two or three capitals). Below the
leak guard's threshold: an initial is a strong hint, not a name."""

from __future__ import annotations

import re

from .model import Suggestion, suggestion

_CONFIDENCE = 0.8
_UPPER = "A-ZÀ-ÖØ-Þ"
_INITIAL = rf"[{_UPPER}]\.(?:[ \t]?-?[{_UPPER}]\.)*"
_NAME = rf"[{_UPPER}][^\W\d_]+(?:-[{_UPPER}][^\W\d_]+)?"
_TITLE = (
    r"(?:M|Mme|Mlle|Mr|Mrs|Ms|Miss|Dr|Dra|Sr|Sra|Srta|Sres|Lic|Me|Pr|Prof)\.?"
    r"|Monsieur|Madame|Mademoiselle|Señor|Señora|Señorita|Mister|Doña|Don"
)
_AFTER_TITLE = re.compile(
    rf"(?=[MDSLP])(?<![\w'’])(?:{_TITLE})[ \t]+"
    rf"(?P<name>{_INITIAL}(?:[ \t]+{_NAME}(?![\w'’]))?|{_NAME}[ \t]+[{_UPPER}]\.(?![\w'’]))"
)
# An initial anywhere: a capital letter alone and a dot ("A. Bah", "Dieudonné B.").
_AN_INITIAL = re.compile(rf"[{_UPPER}]\.(?<![^\W\d_][{_UPPER}]\.)")
_AFTER_CUE = re.compile(
    r"(?i:\b(?:iniciales|initials|initiales|inicials))[ \t]*[:(]?[ \t]*"
    rf"(?P<name>[{_UPPER}]\.?(?:[ \t]?[{_UPPER}]\.?){{1,3}})(?![\w'’])"
)


def find_initials(text: str) -> list[Suggestion]:
    """People written with initials (see the module's docstring)."""
    spans: set[tuple[int, int]] = set()
    # The title pattern is only tried around the initials (few, and found fast).
    for initial in _AN_INITIAL.finditer(text):
        lo = max(0, initial.start() - 40)
        for m in _AFTER_TITLE.finditer(text, lo, min(len(text), initial.end() + 40)):
            if m.start("name") <= initial.start() < m.end("name"):
                spans.add(m.span("name"))
    if "nitial" in text or "nicial" in text:
        spans.update(m.span("name") for m in _AFTER_CUE.finditer(text))
    return [
        suggestion(start, end, "person", _CONFIDENCE, "name_cues", text[start:end])
        for start, end in sorted(spans)
    ]
