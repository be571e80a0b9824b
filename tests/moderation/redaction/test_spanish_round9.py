"""Ninth recall round, Spanish places and organisations: stops of a journey told as a list, a
big city's short form, landmarks and settlements named after their place word, border posts
named by a head noun, organisations by the shape of their name, public bodies' acronyms typed
in lower case, houses named by a rare word. Sentences written for these tests, not taken from
the development sets."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect


def _covering(text: str, words: str) -> list[tuple[str, float]]:
    """The kinds and confidences of the suggestions that cover all of `words` in the text."""
    start = text.index(words)
    end = start + len(words)
    return [
        (s.kind, s.confidence)
        for s in detect(text, language="es")
        if s.start <= start < end <= s.end
    ]


def _overlapping(text: str, words: str) -> list[tuple[str, float]]:
    """The kinds and confidences of the suggestions that overlap `words` in the text."""
    start = text.index(words)
    end = start + len(words)
    return [
        (s.kind, s.confidence)
        for s in detect(text, language="es")
        if s.start < end and start < s.end
    ]


def _guess(text: str, words: str, kind: str) -> None:
    """`words` are covered by a suggestion of `kind`, below the leak guard's threshold."""
    found = _covering(text, words)
    assert found, detect(text, language="es")
    assert found[0][0] == kind, found
    assert found[0][1] < HIGH_CONFIDENCE, found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # an unknown stop between known ones
        ("pasamos huixtla, la ventosa, escuintla y arriaga en combi", "la ventosa"),
        # the first stop, before a known one
        ("pasamos corinto, tapachula y huixtla", "corinto"),
        # a big city alone between commas starts the list
        ("despues la virgen, managua, el xiquin, todo en bus", "managua"),
        ("despues la virgen, managua, el xiquin, todo en bus", "el xiquin"),
        # a known region after a comma and a town
        ("ahora vivo en marcala, la paz, con mi prima", "la paz"),
        # the rest of a found place's name before the comma
        ("despues canaan tlapa, bajo grande, todo caminando", "tlapa"),
    ],
)
def test_stops_of_a_journey_listed_next_to_a_found_place(text: str, place: str) -> None:
    _guess(text, place, "place")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("llegamos a tapachula, cansados y sin comida", "cansados"),
        ("vivo en tapachula y rento con unos primos", "rento"),
        ("en tapachula, mi hijo se enfermo del estomago", "mi hijo"),
        ("en tapachula, kevin y yo dormimos en el parque", "kevin"),
        ("antes de tapachula, vivíamos con mi abuela", "vivíamos"),
    ],
)
def test_words_after_a_place_that_are_no_place(text: str, word: str) -> None:
    assert all(kind != "place" for kind, _ in _overlapping(text, word))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("antes vivia en sps con mi tia", "sps"),
        ("de ahi nos fuimos a gdl en el tren", "gdl"),
        # "por" after a verb of passing: a city whose name is a frequent word
        ("antes pasamos por puebla y despues seguimos", "puebla"),
    ],
)
def test_short_forms_and_cities_after_a_journey(text: str, place: str) -> None:
    _guess(text, place, "place")


def test_an_acronym_after_an_article_is_no_city() -> None:
    text = "tengo la cita del cbp one para mayo"
    assert all(kind != "place" for kind, _ in _overlapping(text, "cbp"))


def test_a_short_form_only_in_spanish() -> None:
    # Kurmanji "li ber" (in front of): "ber" is also another name of a big city
    text = "em li ber deriyê malê rûniştin û me li benda wî ma"
    assert all(s.kind != "place" for s in detect(text) if s.start <= text.index("ber") < s.end)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("dormimos tres noches en el parque morazan", "morazan"),
        ("Nos entregamos en el puente Santa Fe de madrugada.", "Santa Fe"),
        ("ahora rentamos en la colonia solidaridad con otra familia", "solidaridad"),
        ("nos fuimos al ejido nuevo porvenir con mi suegra", "nuevo porvenir"),
        ("en paso canoas nos pidieron papeles", "paso canoas"),
        ("Caminamos seis días y llegamos a Bajo Chiquito enfermos.", "Bajo Chiquito"),
    ],
)
def test_landmarks_settlements_and_border_posts(text: str, place: str) -> None:
    _guess(text, place, "place")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("es un trabajo de alto riesgo para todos", "alto riesgo"),
        ("caminamos a paso lento toda la noche", "paso lento"),
        ("en la colonia donde vivia no habia agua", "donde"),
        ("en la colonia mataron a mi primo", "mataron"),
    ],
)
def test_common_phrases_are_no_places(text: str, words: str) -> None:
    assert all(kind != "place" for kind, _ in _overlapping(text, words))


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Mi papá participaba en el Movimiento Campesino de la zona.", "Movimiento Campesino"),
        ("La Unidad para las Víctimas nos registró en marzo.", "Unidad para las Víctimas"),
        ("Nos atendió una doctora de Médicos del Mundo.", "Médicos del Mundo"),
        ("la dame de médecins du monde m'a soignée", "médecins du monde"),
        ("ayer fui a la comar y me dieron cita", "comar"),
        ("el inamu me mando a un albergue", "inamu"),
        ("nos quedamos en la casa xochiquetzal una semana", "casa xochiquetzal"),
        ("dormimos en la casa de paso divina misericordia", "divina misericordia"),
    ],
)
def test_organisations_by_the_shape_of_their_name(text: str, organisation: str) -> None:
    _guess(text, organisation, "organisation")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("vivimos en la casa grande de mi tia", "casa grande"),
        ("es como el fin del mundo para nosotros", "fin del mundo"),
        ("es muy dificil ser inmigrante aqui", "dificil"),
        ("dormimos en una casa de paso y seguimos", "casa de paso"),
        ("Casa por casa nos buscaron.", "Casa"),
    ],
)
def test_ordinary_words_are_no_organisations(text: str, words: str) -> None:
    assert all(kind != "organisation" for kind, _ in _overlapping(text, words))


def test_nothing_here_reaches_the_guard() -> None:
    text = (
        "pasamos huixtla, la ventosa y arriaga. en la colonia solidaridad la comar nos dio cita y "
        "dormimos en la casa xochiquetzal"
    )
    assert [s.text for s in detect(text, language="es") if s.confidence >= HIGH_CONFIDENCE] == []
