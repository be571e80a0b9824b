"""Organisations told by what is around a person or place guess (moderation/redaction/
organisation_kinds.py): after a support cue, after a member of staff and "de", "from", but
not "at" (a camp, a settlement). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.moderation.suggestions import kinds_at


def _kind_of(text: str, part: str, language: str) -> str:
    kinds = kinds_at(text, part, language)
    assert kinds, f"{part!r} not suggested"
    return kinds[0]


@pytest.mark.parametrize(
    ("language", "text", "part"),
    [
        ("en", "She was referred by Kinfolk Refuge for counselling.", "Kinfolk Refuge"),
        ("en", "The nurse from Lifeline Aid checked my wound.", "Lifeline Aid"),
        ("es", "La enfermera de Manos Abiertas me curó la pierna.", "Manos Abiertas"),
        ("fr", "L'infirmière de Terre Ouverte m'a soignée.", "Terre Ouverte"),
    ],
)
def test_after_support_and_staff_an_organisation(language: str, text: str, part: str) -> None:
    assert _kind_of(text, part, language) == "organisation"


@pytest.mark.parametrize(
    ("language", "text", "part", "kind"),
    [
        # a known place keeps its kind: where the teacher worked
        ("es", "La maestra de Choloma me ayudó con las tareas.", "Choloma", "place"),
        ("en", "My brother from Kassala called me.", "Kassala", "place"),
        ("en", "The nurse at Bidi Bidi, a kind woman, gave us soap.", "Bidi Bidi", "place"),
    ],
)
def test_a_known_place_stays_a_place(language: str, text: str, part: str, kind: str) -> None:
    assert _kind_of(text, part, language) == kind


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Orientée vers le Gisti pour son recours.", "Gisti", "fr"),
        ("He works at Kelly's Bakehouse in Cork.", "Kelly's Bakehouse", "en"),
        ("Thanks to everyone at Solace for the winter.", "Solace", "en"),
        ("Adressée au Kolone pour un hébergement.", "Kolone", "fr"),
    ],
)
def test_who_one_is_referred_to_or_works_for_is_an_organisation(
    text: str, name: str, language: str
) -> None:
    assert kinds_at(text, name, language) == ["organisation"]


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("I was working for Ngozika as a maid in Lagos.", "Ngozika", "en"),
        ("Je travaillais pour Tantine Bijou à Douala.", "Tantine Bijou", "fr"),
    ],
)
def test_who_one_works_for_may_be_a_person(text: str, name: str, language: str) -> None:
    assert kinds_at(text, name, language) == ["person"]


def test_a_known_place_one_works_at_stays_a_place() -> None:
    text = "I work at Heathrow now."
    assert kinds_at(text, "Heathrow", "en") == ["place"]
