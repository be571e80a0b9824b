"""Kinds of the fourteenth round (issue 15): a company with a Spanish or French legal form
("S.L.", "S.A."), a charity or a landlord by its last word ("Initiative", "Refuge",
"Lettings"), and a region named "X County" or "X State" after a comma: organisations and
places, not people. Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect


def _kind(text: str, words: str) -> str:
    [found] = [s for s in detect(text, language="en") if s.text == words]
    return found.kind


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("She worked for Fresas Doñana S.L. in Huelva.", "Fresas Doñana S.L."),
        ("He worked at Talleres Quispe S.A. for years.", "Talleres Quispe S.A."),
        ("Thank you to everybody at Rainbo Initiative in Freetown.", "Rainbo Initiative"),
        ("She was referred to Apna Ghar Women's Refuge last week.", "Apna Ghar Women's Refuge"),
    ],
)
def test_an_organisation_by_its_last_word(text: str, words: str) -> None:
    assert _kind(text, words) == "organisation"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I was born in Foya, Lofa County, Liberia.", "Lofa County"),
        ("She comes from Benin City, Edo State, Nigeria.", "Edo State"),
    ],
)
def test_a_region_after_a_comma(text: str, words: str) -> None:
    assert _kind(text, words) == "place"


def test_an_ordinary_word_before_state_is_no_region() -> None:
    assert [s.kind for s in detect("The Welfare State helped us.", language="en")] == []


def test_a_grant_named_after_a_shelter_stays_whole() -> None:
    assert _kind("I got an Emergency Shelter Grant.", "Emergency Shelter Grant") == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Elle m'a amenée au Comité contre l'esclavage moderne, à Paris.",
            "Comité contre l'esclavage moderne",
        ),
        ("On m'a conseillé d'écrire au Syndicat des locataires. Merci.", "Syndicat des locataires"),
        ("Le Secours populaire nous donne des colis.", "Secours populaire"),
    ],
)
def test_a_french_body_named_the_french_way(text: str, name: str) -> None:
    assert name in [s.text for s in detect(text, language="fr") if s.kind == "organisation"]


def test_a_french_head_word_before_a_verb_names_nothing() -> None:
    assert detect("Le Comité a refusé ma demande.", language="fr") == []
