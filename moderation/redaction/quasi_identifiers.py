"""Quasi-identifier warnings: details harmless alone that together can identify someone."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import QuasiIdentifierWarning, Suggestion

_ROLE = re.compile(
    r"(?i)\b(?:the only|the one|the sole|the first|the last|the head|the chief|the local)?\s*"
    r"(?:doctor|surgeon|nurse|midwife|pharmacist|teacher|headmaster|headteacher|principal|"
    r"professor|lecturer|imam|sheikh|priest|pastor|rabbi|mukhtar|mayor|judge|lawyer|journalist|"
    r"reporter|engineer|police officer|policeman|officer|soldier|captain|colonel|lieutenant|"
    r"sergeant|major|general|commander|pilot|interpreter|translator|activist|"
    r"médico|médica|doctora|enfermera|enfermero|maestra|maestro|profesora|periodista|abogado|"
    r"alcalde|cura|médecin|infirmière|infirmier|enseignant|enseignante|instituteur|institutrice|"
    r"journaliste|avocat|maire|curé|capitaine|"
    r"طبيب|طبيبة|ممرض|ممرضة|معلم|معلمة|مدرس|مدرسة|أستاذ|إمام|امام|شيخ|مختار|صحفي|صحفية|"
    r"محامي|محامية|ضابط|نقيب|عقيد|ملازم)\b"
)
_ONLY = re.compile(
    r"(?i)\b(?:the only|the sole|the one|el único|la única|le seul|la seule|"
    r"الوحيد|الوحيدة)\b"
)
_AGE = re.compile(
    r"(?i)\b(?:(?:i|he|she|we|they) (?:was|were|am|is|are) (\d{1,2})(?: years old)?\b|"
    r"(\d{1,2})[- ]years?[- ]old|aged (\d{1,2})|at (?:the )?age (?:of )?(\d{1,2})|"
    r"(?:tenía|tiene|tengo) (\d{1,2}) años|(?:j'avais|il avait|elle avait|j'ai) (\d{1,2}) ans|"
    r"عمري (\d{1,2})|عمره (\d{1,2})|عمرها (\d{1,2}))"
)
_RELATIVE = re.compile(
    r"(?i)\b(?:my|his|her|mi|su|mon|ma|son|sa)\s+(?:\w+\s+)?(?:brother|sister|mother|father|son|"
    r"daughter|husband|wife|uncle|aunt|cousin|hermano|hermana|madre|padre|hijo|hija|esposo|"
    r"esposa|frère|sœur|soeur|mère|père|fils|fille|mari|femme)\b|أخي|أختي|أمي|أبي|ابني|ابنتي|"
    r"زوجي|زوجتي"
)
_PLACE_KINDS = ("place", "address", "postcode")


def _first(kind_spans: list[Suggestion]) -> Suggestion | None:
    return kind_spans[0] if kind_spans else None


def quasi_identifier_warnings(
    text: str, suggestions: Sequence[Suggestion]
) -> list[QuasiIdentifierWarning]:
    """Flag combinations (place + exact date + role; age + place; named relative + place)."""
    places = [s for s in suggestions if s.kind in _PLACE_KINDS]
    dates = [s for s in suggestions if s.kind == "date" and s.confidence >= 0.75]
    people = [s for s in suggestions if s.kind in ("person", "never_appear")]
    roles = list(_ROLE.finditer(text))
    ages = list(_AGE.finditer(text))
    out: list[QuasiIdentifierWarning] = []
    place = _first(places)
    date = _first(dates)
    if place and roles:
        role = roles[0]
        only = _ONLY.search(role.group())
        if date or only:
            parts = [
                (place.start, place.end, place.text),
                (role.start(), role.end(), role.group().strip()),
            ]
            if date:
                parts.append((date.start, date.end, date.text))
            what = "an exact date, " if date else ""
            out.append(
                _warning(
                    "place_date_role",
                    parts,
                    f'Together, the place "{place.text}", {what}and the role '
                    f'"{role.group().strip()}" could point to one person even if each alone '
                    "would not.",
                )
            )
    if place and ages:
        age = ages[0]
        out.append(
            _warning(
                "age_place",
                [(age.start(), age.end(), age.group()), (place.start, place.end, place.text)],
                f'An exact age ("{age.group()}") together with the place "{place.text}" can '
                "narrow the story down to very few people.",
            )
        )
    if place and people:
        for rel in _RELATIVE.finditer(text):
            named = next((p for p in people if 0 <= p.start - rel.end() <= 12), None)
            if named:
                out.append(
                    _warning(
                        "relative_place",
                        [
                            (rel.start(), named.end, text[rel.start() : named.end]),
                            (place.start, place.end, place.text),
                        ],
                        f'A named relative ("{text[rel.start() : named.end]}") and the place '
                        f'"{place.text}" together could let someone recognise the family.',
                    )
                )
                break
    if date and place and not any(w.code == "place_date_role" for w in out):
        small = place.confidence < 0.9 or place.kind != "place"
        if small:
            out.append(
                _warning(
                    "place_date",
                    [(place.start, place.end, place.text), (date.start, date.end, date.text)],
                    f'The place "{place.text}" with the exact date "{date.text}" could identify '
                    "an event that local people would recognise.",
                )
            )
    return out


def _warning(
    code: str, parts: list[tuple[int, int, str]], explanation: str
) -> QuasiIdentifierWarning:
    parts = sorted(parts)
    return QuasiIdentifierWarning(
        code, explanation, tuple((a, b) for a, b, _ in parts), tuple(t for _, _, t in parts)
    )
