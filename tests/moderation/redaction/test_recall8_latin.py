"""Eighth recall round, Latin script: names listed next to a found name, initials in case
notes, who writes and signs a message or an attestation, "pa" as a preposition of place, the
professionals and titles of case notes, a place name after a kin word is a person, residence
file numbers. Sentences written for these tests, not taken from the development sets."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect


def _span(text: str, language: str, words: str) -> tuple[str, float] | None:
    """The kind and confidence of the suggestion that covers all of `words` in the text and
    at most a title or a word more on each side."""
    start = text.index(words)
    end = start + len(words)
    for s in detect(text, language=language):
        if s.start <= start and s.end >= end and s.end - s.start <= len(words) + 10:
            return s.kind, s.confidence
    return None


def _kind(text: str, language: str, words: str) -> str | None:
    found = _span(text, language, words)
    return None if found is None else found[0]


def _confident(text: str, language: str) -> list[str]:
    return [s.text for s in detect(text, language=language) if s.confidence >= HIGH_CONFIDENCE]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        # the first of a list whose others are found ("mis hijos X, Y y Z")
        ("llegamos con mis hijos santiago, marisol y kendry a la frontera", "es", "santiago"),
        # a rare name joined by "y" to a listed one
        ("en el bus venia con yeikerson y marisol, los dos de catorce", "es", "yeikerson"),
        # "a X y a Y"
        ("la policia se llevo a jesus y a gilberto el mismo dia", "es", "jesus"),
        # the middle of a list
        ("the children, esther, kibrom and samuel, stayed with us", "en", "kibrom"),
        # capitalised, a little more common, in a capitalised text
        ("Elle dort au foyer avec Précieux et Kabeya depuis mars.", "fr", "Précieux"),
    ],
)
def test_names_listed_next_to_a_found_name(text: str, language: str, name: str) -> None:
    assert _kind(text, language, name) == "person"
    found = _span(text, language, name)
    assert found is not None and found[1] < HIGH_CONFIDENCE


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("fui con Pedro y compramos pan, leche y huevos", "es"),
        ("I met Samuel and then we walked home together", "en"),
        ("Lo vi a Ramiro y a todos los demás en la plaza", "es"),
    ],
)
def test_list_neighbours_that_are_words_stay_unnamed(text: str, language: str) -> None:
    people = {s.text for s in detect(text, language=language) if s.kind == "person"}
    assert not people & {"compramos", "then", "todos", "pan", "leche", "huevos", "demás"}


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("Se entrevistó a la Sra. P. Quintero en presencia de su hija.", "es", "P. Quintero"),
        ("Le médecin a reçu M. Anselme K. pour un certificat.", "fr", "Anselme K."),
        ("Paciente (iniciales M. J. R.) refiere insomnio.", "es", "M. J. R."),
        ("Client (initials T.W.) reports flashbacks.", "en", "T.W."),
    ],
)
def test_initials_of_case_notes(text: str, language: str, words: str) -> None:
    found = _span(text, language, words)
    assert found is not None and found[0] == "person", found
    assert found[1] < HIGH_CONFIDENCE


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("hola soy maryeris, le escribo desde el refugio", "es", "maryeris"),
        ("bonsoir madame c'est kalonji, je suis bien arrive", "fr", "kalonji"),
        ("ya llegamos bien a la casa. bendiciones, yorleidis", "es", "yorleidis"),
        ("thank you for everything. regards, tewodros", "en", "tewodros"),
        (
            "Je soussignée Sœur Bernadette Kabongo atteste que la famille vit ici.",
            "fr",
            "Bernadette Kabongo",
        ),
        (
            "El párroco certifica que Ovidio Carabalí vivió en la vereda hasta 2019.",
            "es",
            "Ovidio Carabalí",
        ),
    ],
)
def test_who_writes_signs_or_is_vouched_for(text: str, language: str, words: str) -> None:
    found = _span(text, language, words)
    assert found is not None and found[0] == "person", found
    assert found[1] < HIGH_CONFIDENCE


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("hola soy nueva en el grupo y tengo miedo", "es"),
        ("Je certifie que le patient a été examiné. J'atteste que j'ai vu les cicatrices.", "fr"),
        ("gracias a todos. bendiciones, todos", "es"),
        ("Thank you. Regards, the team", "en"),
    ],
)
def test_messages_without_a_name(text: str, language: str) -> None:
    people = [s.text for s in detect(text, language=language) if s.kind == "person"]
    assert people == []


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("el se fue pa riobamba con los primos", "es", "riobamba"),
        ("ya mero nos vamos pa tijuana", "es", "tijuana"),
        ("je suis a bruxelles depuis deux mois", "fr", "bruxelles"),
        ("on nous a dit de quitter kisangani la nuit", "fr", "kisangani"),
    ],
)
def test_places_after_pa_and_french_verbs(text: str, language: str, place: str) -> None:
    assert _kind(text, language, place) == "place"


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("el psicologo anxelu me dio la cita", "es", "anxelu"),
        ("le commandant mbuyamba nous a arretes", "fr", "mbuyamba"),
        ("j'ai dormi chez un ami kazadi", "fr", "kazadi"),
        ("she work for mister okonkwo in the shop", "en", "okonkwo"),
    ],
)
def test_professionals_and_titles_of_case_notes(text: str, language: str, name: str) -> None:
    assert _kind(text, language, name) == "person"


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Vino con su nieto Salvador y una maleta.", "es", "Salvador"),
        ("Mi prima Trinidad nos recibió en la casa.", "es", "Trinidad"),
    ],
)
def test_a_place_name_after_a_kin_word_is_a_person(text: str, language: str, name: str) -> None:
    assert _kind(text, language, name) == "person"


@pytest.mark.parametrize(
    ("text", "language", "number"),
    [
        ("Son numéro étranger est le 7512093348.", "fr", "7512093348"),
        ("La préfecture lui a remis un récépissé n° 9301456627.", "fr", "9301456627"),
        ("Numéro de dossier : 2211-04587.", "fr", "2211-04587"),
    ],
)
def test_residence_file_numbers_are_ids(text: str, language: str, number: str) -> None:
    assert _kind(text, language, number) == "id_number"


def test_a_phone_stays_a_phone_after_a_file_word() -> None:
    text = "Pour le dossier, appelez-la au 06 12 34 56 78."
    assert _kind(text, "fr", "06 12 34 56 78") == "phone"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mis hijos, mis nietos y yo salimos de noche.", "es"),
        ("Hola, soy yo otra vez. Gracias, Dios.", "es"),
        ("Le patient, M. le directeur et moi avons parlé.", "fr"),
        ("My mother and father, God bless them, stayed in the village.", "en"),
    ],
)
def test_no_confident_suggestion_in_these_shapes(text: str, language: str) -> None:
    assert _confident(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Maribel y yo cruzamos de noche.", "es", "Maribel"),
        ("paloma y yo dormimos en la terminal", "es", "paloma"),
        ("yo y yoselin nos quedamos en el cuarto", "es", "yoselin"),
        ("we slept outside, berhane and i, near the fence", "en", "berhane"),
        ("vi a consuelo en la fila de migracion", "es", "consuelo"),
        ("Llamé a Yanelis desde el teléfono de la iglesia.", "es", "Yanelis"),
        ("le pedi ayuda a remedios la de la tienda", "es", "remedios"),
    ],
)
def test_people_with_the_writer_or_after_the_personal_a(
    text: str, language: str, name: str
) -> None:
    found = _span(text, language, name)
    assert found is not None and found[0] == "person", found
    assert found[1] < HIGH_CONFIDENCE


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("mi esposo y yo salimos de noche", "es"),
        ("la muchacha dio a luz en el camino", "es"),
        ("vi a mi mama en la puerta", "es"),
        ("My husband and I left in March.", "en"),
    ],
)
def test_company_shapes_without_a_name(text: str, language: str) -> None:
    people = [s.text for s in detect(text, language=language) if s.kind == "person"]
    assert people == []


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Fui con Rosario al mercado de Tapachula.", "es", "Rosario"),
        ("Le pedí ayuda a Socorro en la parada.", "es", "Socorro"),
    ],
)
def test_a_given_name_after_con_or_the_personal_a_is_a_person(
    text: str, language: str, name: str
) -> None:
    assert _kind(text, language, name) == "person"


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Estábamos con Trinidad, la hermana de mi suegra, en la casa.", "es", "Trinidad"),
        ("les militaires ont pris kalume le frere de mon mari", "fr", "kalume"),
        ("Yonas, my cousin, paid the smuggler.", "en", "Yonas"),
    ],
)
def test_a_name_followed_by_whose_kin_it_is(text: str, language: str, name: str) -> None:
    assert _kind(text, language, name) == "person"


def test_an_alias_after_a_name() -> None:
    text = "El detenido, Aurelio Baca (a) el Tiburón, fue trasladado."
    found = _span(text, "es", "Tiburón")
    assert found is not None and found == ("person", 0.75)


def test_an_enumeration_is_no_alias() -> None:
    text = "The options were: (a) the first road, (b) the river."
    assert [s.text for s in detect(text, language="en") if s.kind == "person"] == []
