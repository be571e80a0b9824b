"""Names after a naming, nickname or kin cue (moderation/redaction/name_cues.py), as survivors
write them: nicknames heard from others, unaccented kin words, names listed after a cue; and
the verbs and function words after a cue that are not names. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from moderation.redaction.name_cues import find_cued_names


def _names(text: str, language: str = "es") -> dict[str, float]:
    """The names find_cued_names suggests, with their confidence."""
    return {s.text: s.confidence for s in find_cued_names(text, language)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("al muchacho le decian el guero y vendia en el mercado", "guero"),
        ("A mi primo le decían el Tecolote en la colonia.", "Tecolote"),
        ("nos cobraba un tal chema ruiz de la frontera", "chema ruiz"),
        ("el jefe era alias el Cuervo y nadie lo veía", "Cuervo"),
        ("mwen rele rosemene e mwen gen twa pitit", "rosemene"),
        ("mi tio fermin nos presto para el bus", "fermin"),
        ("mi compa yeison se quedo en la frontera", "yeison"),
        ("Ma grande sœur Odile vendait du pain.", "Odile"),
    ],
)
def test_nicknames_and_kin_cues(text: str, name: str) -> None:
    assert name in _names(text)


def test_names_listed_after_a_cue_are_below_the_guard() -> None:
    found = _names("tengo tres hijos, brayan, keyla y dilan, y vivimos solos")
    assert {"brayan", "keyla", "dilan"} <= found.keys()
    assert all(confidence < HIGH_CONFIDENCE for confidence in found.values())
    assert _names("Mis hijos, Wendy y Erick, se quedaron.")["Erick"] < HIGH_CONFIDENCE


@pytest.mark.parametrize(
    "text",
    [
        "mi hermano le decian que se fuera",  # "le" before a verb of saying is no article
        "a mi me decian que era mentira",
        "mis hijos y yo dormimos en la calle",
        "my kids and I slept outside",
        "le dicen que no hay cupo",
        "mi hermano sam, thank god, llego bien",  # code-switching after a listed name
    ],
)
def test_verbs_and_function_words_after_a_cue_are_not_names(text: str) -> None:
    found = _names(text)
    assert not {"decian", "que", "yo", "I", "no", "thank god", "thank"} & found.keys(), found


def test_a_nickname_that_is_an_ordinary_word_stays_below_the_guard() -> None:
    text = "Me decían loca en el barrio."
    assert all(s.confidence < HIGH_CONFIDENCE for s in detect(text, language="es"))


def test_a_preposition_after_m_appelle_is_no_name() -> None:
    # "elle m'appelle au 06..." is "she calls me on 06...", not "she calls me Au".
    assert _names("Mon assistante m'appelle au 06 12 34 56 78 chaque lundi.", "fr") == {}


@pytest.mark.parametrize(
    ("text", "language", "verb"),
    [
        ("mi esposo trabajaba de guardia en seguridad omega", "es", "trabajaba"),
        ("mi papa manejaba la ruta 41 hasta que lo mataron", "es", "manejaba"),
        ("mi hijo estudiaba en el colegio liceo cristiano", "es", "estudiaba"),
        ("ma soeur travaillait au marche de goma", "fr", "travaillait"),
    ],
)
def test_a_verb_in_the_imperfect_after_a_kin_word_is_no_name(
    text: str, language: str, verb: str
) -> None:
    assert verb not in _names(text, language)


def test_a_name_after_a_kin_word_is_still_one_when_it_is_also_a_word() -> None:
    assert "beto" in _names("mi hermano beto se fue al norte")
    assert "merveille" in _names("ma fille merveille est restee a bukavu", "fr")
    assert "saba" in _names("mi hermana saba se quedo en asmara")  # "-aba", and a name
