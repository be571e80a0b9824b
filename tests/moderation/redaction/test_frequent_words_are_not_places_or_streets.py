"""Very frequent words that GeoNames lists as alternate names of big cities (airport codes such
as "SIN" and "PAR", spellings such as "Para" and "fue") are no places at a sentence's start, and
words that merely end like a street ("partie", left, ends in the Finnish "tie", road) or follow a
street word ("en el camino se cayó", "بالحارة قبل السلك") are no addresses. The names and
streets that look like them still are."""

from __future__ import annotations

import pytest

from moderation.redaction import detect


def _kinds(text: str, language: str | None = None) -> dict[str, str]:
    return {s.text.lower(): s.kind for s in detect(text, language=language)}


@pytest.mark.parametrize(
    ("sentence", "language", "word"),
    [
        ("Sin embargo, nos fuimos de noche.", "es", "sin"),
        ("Fue detenido en 2018 y llevado a la cárcel.", "es", "fue"),
        ("Han pasado cinco años desde entonces.", "es", "han"),
        ("Iba a la escuela cada día.", "es", "iba"),
        ("Para mí fue muy difícil.", "es", "para"),
        ("Mes enfants sont partis avec leur tante.", "fr", "mes"),
        ("Par chance, on a survécu.", "fr", "par"),
        ("Vie difficile, mais on continue.", "fr", "vie"),
        ("Part of me died that night.", "en", "part"),
    ],
)
def test_a_frequent_word_at_a_sentence_start_is_no_big_city(
    sentence: str, language: str, word: str
) -> None:
    # "Sin" and "Par" are still the names of villages ("Sīn", Iran; "Pār", India): at most a
    # guess at 0.5, never the big city's 0.7 of an airport code.
    places = [
        s.confidence
        for s in detect(sentence, language=language)
        if s.kind == "place" and s.text.lower() == word
    ]
    assert all(confidence < 0.6 for confidence in places)


@pytest.mark.parametrize(
    ("sentence", "language", "word"),
    [
        ("Acá no hay trabajo para nadie.", "es", "acá"),  # "ACA", Acapulco's airport code
        ("Año tras año esperamos.", "es", "año"),  # "ANO", Angoche's
    ],
)
def test_an_accented_frequent_word_is_no_airport_code(
    sentence: str, language: str, word: str
) -> None:
    assert _kinds(sentence, language).get(word) != "place"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("me vine de sps en el bus", "sps"),  # San Pedro Sula, as people write it
        ("trabaje en gdl dos años", "gdl"),  # Guadalajara
        ("On est arrivés à Bruxelles en hiver.", "bruxelles"),
        ("We fled to Singapore, then to Hanoi.", "hanoi"),
        ("We reached Hit after two days of walking.", "hit"),  # Hīt, in Anbar
        ("Salé était une ville calme avant.", "salé"),  # Salé, Morocco
        ("After York we went to Leeds.", "york"),
    ],
)
def test_short_forms_and_names_of_cities_are_still_places(sentence: str, place: str) -> None:
    assert _kinds(sentence).get(place) == "place"


@pytest.mark.parametrize(
    "sentence",
    [
        "Fatoumata était partie avant l'aube.",
        "Ma soeur était partie en 2019.",
        "On attendait à la sortie de l'école.",
        "en el camino se cayo y perdio una pierna",
        "la violaron en el camino cerca de palenque",
        "بيت ابو رائد كان آخر بيت بالحارة قبل السلك.",  # the last house in the quarter
        "لما انقصف الحي هربنا لعند خالتي.",  # when the quarter was shelled we fled
        "في مركز صحي قريب من البيت.",  # a health centre ("صحي" ends like "حي", quarter)
    ],
)
def test_no_address_in_ordinary_words(sentence: str) -> None:
    assert "address" not in _kinds(sentence).values()


@pytest.mark.parametrize(
    ("sentence", "address"),
    [
        ("I live at Feldstrasse 12 now.", "feldstrasse 12"),
        ("Koskikatu 25 was our first home.", "koskikatu 25"),
        ("vivo en calle real 5 con mi tia", "calle real 5"),
        ("كنا ساكنين بحي الشعار.", "حي الشعار"),  # in al-Shaar quarter
        ("كنا ساكنين بـحي الشعار.", "حي الشعار"),
        ("ساكنين في شارع الحمرا.", "شارع الحمرا"),
        ("المركز الصحي شارع الثورة رقم 12", "شارع الثورة رقم 12"),  # after "الصحي"
        ("سكنا كحي السلام", "حي السلام"),  # "like" glued on
        ("vivo en avenida Lo Espejo 22", "avenida lo espejo"),  # "Lo" capitalised
    ],
)
def test_streets_are_still_addresses(sentence: str, address: str) -> None:
    assert _kinds(sentence).get(address) == "address"


@pytest.mark.parametrize(
    ("language", "text", "city"),
    [
        # a city every language names often, after "a" typed for "à"
        ("fr", "depuis mars on dort a paris sous le pont", "paris"),
        # a short name, of a city of half a million or more
        ("fr", "maintenant on est a lyon avec les enfants", "lyon"),
    ],
)
def test_a_world_city_after_a_preposition_in_lower_case(
    language: str, text: str, city: str
) -> None:
    found = [(s.text, s.kind) for s in detect(text, language=language)]
    assert (city, "place") in found


def test_a_frequent_word_that_is_a_smaller_city_stays_a_word() -> None:
    text = "on est partis a nice en bus avec maman"
    assert [s for s in detect(text, language="fr") if s.text == "nice"] == []
