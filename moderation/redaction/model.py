"""Value types shared by the redaction engine: suggestions, leak-guard findings, warnings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

# The kinds a suggestion can carry (exact strings are part of the public contract).
KINDS: tuple[str, ...] = (
    "person",
    "place",
    "organisation",
    "email",
    "url",
    "ip_address",
    "handle",
    "phone",
    "payment_card",
    "iban",
    "id_number",
    "date",
    "address",
    "postcode",
    "never_appear",
    "other",
)

# Confidence at and above which the leak guard blocks publication.
HIGH_CONFIDENCE = 0.85


class Suggestion(NamedTuple):
    """A proposed redaction: [start, end) character offsets into the analysed text.

    A named tuple rather than a frozen dataclass: detectors create tens of thousands of them
    and a tuple is built about 2.5 times faster."""

    start: int
    end: int
    kind: str
    confidence: float
    detector: str
    text: str

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-serialisable form."""
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "confidence": round(self.confidence, 3),
            "detector": self.detector,
            "text": self.text,
        }


def suggestion(
    start: int, end: int, kind: str, confidence: float, detector: str, text: str
) -> Suggestion:
    """Suggestion(start, end, kind, confidence, detector, text)."""
    return Suggestion(start, end, kind, confidence, detector, text)


@dataclass(frozen=True, slots=True)
class Finding:
    """Something the leak guard found in text that is about to be published."""

    start: int
    end: int
    kind: str
    detector: str
    text: str
    confidence: float
    reason: str

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-serialisable form."""
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "detector": self.detector,
            "text": self.text,
            "confidence": round(self.confidence, 3),
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class QuasiIdentifierWarning:
    """A combination of details that together could identify the storyteller."""

    code: str
    explanation: str
    spans: tuple[tuple[int, int], ...]
    texts: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-serialisable form."""
        return {
            "code": self.code,
            "explanation": self.explanation,
            "spans": [list(s) for s in self.spans],
            "texts": list(self.texts),
        }
