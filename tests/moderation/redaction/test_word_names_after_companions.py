"""In Spanish and French, which capitalise names and not common nouns, an ordinary word
capitalised inside a sentence right after "par", "avec", "con", "para"... is a name that is a
word ("remplacée par Gloire"); God is nobody's name (issue 15, thirteenth round). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from tests.moderation.suggestions import kinds_at


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Le chef m'a remplacée par Fidèle sans rien me dire.", "Fidèle", "fr"),
        ("Je dormais chez Prudence à Kamenge.", "Prudence", "fr"),
        ("Salí de Choloma con Consuelo y sus hijos.", "Consuelo", "es"),
    ],
)
def test_a_word_name_after_a_companion_word(text: str, name: str, language: str) -> None:
    assert kinds_at(text, name, language) == ["person"]
    assert all(
        s.confidence < HIGH_CONFIDENCE for s in detect(text, language=language) if s.text == name
    )


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("Nous avons prié pour Dieu chaque soir.", "Dieu", "fr"),
        ("Vine con Dios y nada más.", "Dios", "es"),
        ("Mando plata por Navidad y para Usted también.", "Navidad", "es"),
        ("Mando plata por Navidad y para Usted también.", "Usted", "es"),
        ("He came with Hope to the meeting.", "Hope", "en"),  # English: other detectors decide
    ],
)
def test_no_name_after_a_companion_word(text: str, word: str, language: str) -> None:
    assert "names" not in {s.detector for s in detect(text, language=language) if s.text == word}
