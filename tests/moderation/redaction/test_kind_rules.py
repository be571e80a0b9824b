"""Kinds settled from what is around a suggestion (moderation/redaction/kind_rules.py): roads,
towns of an address, places after a place cue, employers after a work cue, years. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect
from tests.moderation.suggestions import at, kinds_at


def _kind_of(text: str, part: str) -> str:
    kinds = kinds_at(text, part, "en")
    assert kinds, f"{part!r} not suggested"
    return kinds[0]


@pytest.mark.parametrize(
    ("text", "part", "kind"),
    [
        ("The clinic is on Lindauer Strasse 12 now.", "Lindauer Strasse", "address"),
        ("We stayed at 4410 Hollybrook Drive for a month.", "Hollybrook", "address"),
        ("My letters go to 118 27 Odos Kallidromiou 9 these days.", "Kallidromiou", "address"),
        ("The office is at 20331 1750 Elm Road near the river.", "20331", "address"),
        ("Now I live at 3 Mill Road, 40211 Kortrijk.", "Kortrijk", "place"),
        ("Send it to:\nAmina Yusuf\n12 Canal Street\nBrumwick\nThank you.", "Brumwick", "place"),
        ("Then my uncle flew to Tambacounda with the money.", "Tambacounda", "place"),
        ("They held him at the camp outside Zalingei for weeks.", "Zalingei", "place"),
        ("For two years I worked at Dalmatech before the war.", "Dalmatech", "organisation"),
        ("I said to Karim that we had to go.", "Karim", "person"),
        ("I worked for Karim in his shop.", "Karim", "person"),
        ("We ate every day at Yasmine cafe in the old town.", "Yasmine cafe", "organisation"),
        ("Mi tía trabaja en Textiles Oranzu desde enero.", "Textiles Oranzu", "organisation"),
        ("mi prima trabajaba en la cooperativa Flor de Mayo.", "Flor de Mayo", "organisation"),
        ("on dormait au foyer Saint-Michel près de la gare.", "Saint-Michel", "organisation"),
    ],
)
def test_kind_from_what_is_around(text: str, part: str, kind: str) -> None:
    assert _kind_of(text, part) == kind


@pytest.mark.parametrize(
    ("text", "part", "kind"),
    [
        ("Dormíamos en la casa de Chepe cuando llovía.", "Chepe", "person"),
        ("La hija de Rosario Quispe lloraba mucho.", "Rosario Quispe", "person"),
        ("Mi primo de San Pedro Sula llamó ayer.", "San Pedro Sula", "place"),
    ],
)
def test_of_a_person_in_spanish(text: str, part: str, kind: str) -> None:
    assert kinds_at(text, part, "es") == [kind]


def test_a_name_before_an_address_on_the_next_line_stays_a_person() -> None:
    text = "Billing address: Lotta Ekberg\n    40177 Kuusikatu 3\n"
    found = detect(text, language="en")
    assert [s.kind for s in found if s.text == "Lotta Ekberg"] == ["person"]
    assert any(s.kind == "address" and "Kuusikatu" in s.text for s in found)


def test_a_year_after_an_ordinary_word_is_a_date_not_a_street() -> None:
    found = detect("During 1994, the school was closed.", language="en")
    assert [(s.text, s.kind) for s in found] == [("1994", "date")]


def test_a_region_code_before_a_postcode_is_part_of_the_address() -> None:
    text = "Apt. 12\n   Greyton\n   CO\n   80412"
    found = detect(text, language="en")
    assert any(s.kind == "address" and s.text.startswith("CO") for s in found), found


@pytest.mark.parametrize(
    ("text", "part", "kind"),
    [
        ("mi hermana vive en charlotte con sus hijos", "charlotte", "place"),
        ("nos fuimos a vivir en florencia con mi tía", "florencia", "place"),
        ("le dije a florencia que no llorara", "florencia", "person"),
    ],
)
def test_a_lexicon_name_after_en_that_is_a_town(text: str, part: str, kind: str) -> None:
    kinds = kinds_at(text, part, "es")
    assert kinds and kinds[0] == kind


def test_a_given_name_that_is_also_a_town_stays_a_person_after_hija_de() -> None:
    found = {s.text: s.kind for s in detect("la hija de Mercedes lloraba", language="es")}
    assert found.get("Mercedes") == "person"


@pytest.mark.parametrize(
    ("language", "text", "part", "kind"),
    [
        # the personal "a" after thanks, greetings and "se llevaron", and on along a list
        ("es", "pude salir gracias a wendolyn y a las hermanas.", "wendolyn", "person"),
        ("es", "Mándale un beso a Yoandri de mi parte.", "Yoandri", "person"),
        ("es", "se llevaron a dairon en la patrulla.", "dairon", "person"),
        ("es", "golpearon a los dos, a mi, a keyla y a yeison.", "keyla", "person"),
        ("es", "golpearon a los dos, a mi, a keyla y a yeison.", "yeison", "person"),
        ("fr", "dis a ketsia que je pense a elle.", "ketsia", "person"),
        # a journey keeps its places
        ("es", "nos llevaron a tapachula y de ahi a tijuana.", "tapachula", "place"),
        ("es", "me fui a choloma y luego a tegucigalpa.", "tegucigalpa", "place"),
    ],
)
def test_the_personal_a_names_a_person(language: str, text: str, part: str, kind: str) -> None:
    assert kinds_at(text, part, language) == [kind]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "gracias a dios y a la fundacion que nos ayudo."),
        ("fr", "merci à tous et à la croix rouge."),
    ],
)
def test_thanks_to_god_or_everyone_names_nobody(language: str, text: str) -> None:
    assert [s for s in detect(text, language=language) if s.kind == "person"] == []


@pytest.mark.parametrize(
    ("language", "text", "part", "kind"),
    [
        # a given name of the lexicon inside a known town is the town's
        ("es", "mi primo ya vive en los angeles con su esposa.", "los angeles", "place"),
        ("es", "estuvimos en san cristobal una semana.", "san cristobal", "place"),
        # a crossing's "por", "desde", "hacia": a place
        ("es", "Salió por Peñas Altas hacia el norte.", "Peñas Altas", "place"),
        ("es", "Salimos por El Naranjo y caminamos dos días.", "El Naranjo", "place"),
        # a given name stays a person after them
        ("es", "Caminé hacia Rosendo, que me esperaba.", "Rosendo", "person"),
        ("es", "Vivo con Diego Armando en la casa.", "Diego Armando", "person"),
    ],
)
def test_places_after_a_crossing_and_in_known_towns(
    language: str, text: str, part: str, kind: str
) -> None:
    found = at(text, part, language)
    assert [(s.text, s.kind) for s in found] == [(part, kind)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a preposition that starts a sentence is no part of a name ("In" is a listed name)
        ("en", "In Mosul the soldier Karim stopped us.", [("Mosul", "place"), ("Karim", "person")]),
        # a title inside a run of capitalised words starts a person's name
        (
            "fr",
            "À Dakar Madame Sokhna m'a hébergée.",
            [("Dakar", "place"), ("Madame Sokhna", "person")],
        ),
        # a child named like a town
        ("es", "Ahí se enfermó la niña Victoria dos semanas.", [("Victoria", "person")]),
        # "met" names the next word, but not a pronoun
        ("en", "The smugglers met us at the river.", []),
    ],
)
def test_prepositions_titles_and_pronouns(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    found = [(s.text, s.kind) for s in detect(text, language=language)]
    assert found == expected
