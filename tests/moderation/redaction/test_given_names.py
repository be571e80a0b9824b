"""Given and family names from the lexicon (name_lexicon, Faker's lists), found the way
survivors write them: in lower case, after cues the engine did not know, common words as
names after a cue, pairs of names; and ordinary words kept below the leak guard's threshold.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from moderation.redaction.given_names import find_given_names
from moderation.redaction.name_lexicon import is_family_name, is_given_name, is_ordinary


def _found(text: str, language: str = "es") -> dict[str, float]:
    """The names given_names finds, with their confidence."""
    return {s.text: s.confidence for s in find_given_names(text, language)}


def test_the_lexicon_has_names_of_the_organisations_languages() -> None:
    assert is_given_name("Yesenia") and is_given_name("ángel") and is_given_name("Solange")
    assert is_given_name("Abdelkader")  # Algerian French: transliterated Arabic names
    assert is_family_name("Hernández") and is_family_name("hernandez")
    assert not is_given_name("mesa") and not is_given_name("because")


def test_ordinary_words_are_told_from_names() -> None:
    assert is_ordinary("hope") and is_ordinary("paz") and is_ordinary("rosa")
    assert not is_ordinary("yesenia") and not is_ordinary("kevin")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("mi mamá se quedó con mi hija yesenia en la casa", "yesenia"),
        ("yo soy de allá. kevin me pegaba y nadie decía nada", "kevin"),
        ("j'habitais avec solange et ses enfants", "solange"),
    ],
)
def test_lower_case_names_that_are_not_common_words(text: str, name: str) -> None:
    assert _found(text)[name] < HIGH_CONFIDENCE


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my daughter hope was born in the camp", "hope"),
        ("se llama paz mi hermana la menor", "paz"),
        ("ahí conocí a dulce en el albergue", "dulce"),
        ("la señora Consuelo de la tienda nos prestó su teléfono", "Consuelo"),
        ("The woman who brought me was called Madam Joy.", "Madam Joy"),
        ("mi novio kevin me pegaba", "kevin"),
        ("mon oncle papa delphin nous a cachés", "delphin"),
        ("el coyote que le decían el flaco nos dejó", "flaco"),
        ("le dije a carmen que no se fuera con ese señor", "carmen"),
        ("una juriste, claire, m'a aidée avec le dossier", "claire"),
    ],
)
def test_names_after_a_cue_even_common_words(text: str, name: str) -> None:
    assert name in _found(text)


def test_the_second_name_of_a_pair_and_a_capitalised_common_word_name() -> None:
    found = _found("Salí de Maracaibo con mis dos hijos, Santiago y Luz.")
    assert "Santiago" in found and "Luz" in found


def test_a_common_word_alone_is_not_a_name() -> None:
    assert _found("la paz llegó por fin, con la esperanza de todos") == {}
    assert _found("we had hope and grace in the camp", "en") == {}


def test_a_given_name_that_speaks_at_a_sentence_start() -> None:
    assert "patience" in _found("they never called. patience was my best friend", "en")
    assert "Esperanza" in _found("No teníamos nada. Esperanza nos ayudó con la comida.")
    assert _found("No teníamos nada. Esperanza es lo último que se pierde.") == {}


def test_months_are_not_names() -> None:
    assert _found("We left in May and reached the border in June.", "en") == {}


def test_nothing_from_the_lexicon_reaches_the_leak_guard() -> None:
    text = "mi hija hope y su amiga rosa vinieron con yesenia y con kevin"
    lexicon = [s for s in detect(text, language="es") if s.detector == "given_names"]
    assert lexicon and all(s.confidence < HIGH_CONFIDENCE for s in lexicon)


def test_a_road_named_after_someone_is_not_a_person_here() -> None:
    assert _found("These early shows on Marina Fort Street were important.", "en") == {}
    assert _found("vivíamos en la calle Morelos cerca del mercado") == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("mi suegra tomasa tzul nos corrio de la casa", "tomasa tzul"),
        ("my friend yonas gebremeskel stayed in the camp", "yonas gebremeskel"),
    ],
)
def test_a_rare_word_after_a_lower_case_given_name_is_its_family_name(text: str, name: str) -> None:
    assert name in _found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("mi hija yesenia ayer se enfermo", "yesenia"),
        ("el supervisor moncho me gritaba", "moncho"),
        ("a mi bebe santiago lo cargaba una señora", "santiago"),
    ],
)
def test_a_given_name_is_not_run_on_over_common_words(text: str, name: str) -> None:
    assert name in _found(text)
