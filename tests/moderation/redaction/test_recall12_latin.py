"""Twelfth recall round, Latin script: persons on weak evidence in French and English (case-note
fields, who is greeted or thanked at a message's opening, whom the writer calls or meets, who
did something in a cleft sentence), organisations' kinds after a support cue ("referred by",
"suivie au", "acompañada por"). Sentences written for these tests, not taken from the
development sets."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from moderation.redaction.appositive_names import find_appositive_names
from moderation.redaction.big_city_places import find_big_city_places
from moderation.redaction.case_note_names import find_case_note_names
from moderation.redaction.companion_names import find_companion_names
from moderation.redaction.lowercase_organisations import find_lowercase_organisations
from moderation.redaction.message_names import find_message_names
from moderation.redaction.person_company import find_people_in_company
from moderation.redaction.title_names import find_title_names


def _words(found: list[object]) -> list[str]:
    return [s.text for s in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        (
            "Suivi du 4 mai. Interprète : Souleymane. Référente : Camille.",
            "fr",
            ["Souleymane", "Camille"],
        ),
        (
            "Visit notes. Interpreter: Tesfay. Key worker: Mr Adebayo Ola.",
            "en",
            ["Tesfay", "Adebayo Ola"],
        ),
        (
            "Travailleuse sociale : Marie-Claude. Avocate : Me Durand.",
            "fr",
            ["Marie-Claude", "Durand"],
        ),
        (
            "Cita de control. Trabajadora social: Yadira. Testigo - Efraín Tzul.",
            "es",
            ["Yadira", "Efraín Tzul"],
        ),
        ("Foster carer (respite): Brenda. Counsellor: Okonkwo.", "en", ["Brenda", "Okonkwo"]),
        ("nota rapida. interprete: tesfalem, vino tarde", "es", ["tesfalem"]),
    ],
)
def test_who_holds_a_role_in_a_case_note(text: str, lang: str, names: list[str]) -> None:
    found = find_case_note_names(text, lang)
    assert _words(found) == names
    assert all(s.kind == "person" and s.confidence < HIGH_CONFIDENCE for s in found)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Interpreter: not needed. Caseworker: None.", "en"),
        ("Interprète : Peul. Interpreter: Tigrinya.", "en"),  # a language
        ("Intérprete: No requiere. Abogada: Pendiente.", "es"),
        ("the volunteer - a nice lady - gave us tea", "en"),
        ("interprete: el de siempre", "es"),
    ],
)
def test_no_name_in_a_case_note_field(text: str, lang: str) -> None:
    assert find_case_note_names(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("bonjour clarisse, c'est moi. je suis bien arrivee a namur", "fr", ["clarisse"]),
        ("merci fidele pour le telephone, je t'appelle demain", "fr", ["fidele"]),
        ("thank u tendai for the money. we are ok", "en", ["tendai"]),
        ("Hi Samira! The kids are fine.", "en", ["Samira"]),
    ],
)
def test_who_is_greeted_or_thanked(text: str, lang: str, names: list[str]) -> None:
    found = find_message_names(text, lang)
    assert _words(found) == names
    assert all(s.confidence < HIGH_CONFIDENCE for s in found)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("merci beaucoup pour tout ce que vous faites", "fr"),
        ("thank you so much for the help", "en"),
        ("hello everyone, we arrived", "en"),
        ("bonjour madame, je vous ecris pour mon dossier", "fr"),
        ("gracias a dios ya estamos bien", "es"),
    ],
)
def test_no_name_after_a_greeting(text: str, lang: str) -> None:
    assert find_message_names(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("le soir j'ai appele moussa et kadi pour leur dire", "fr", ["moussa", "kadi"]),
        ("at the station i called tendai and he came", "en", ["tendai"]),
        ("en tecun nos recibio yadira en su cuarto", "es", ["yadira"]),
        ("c'est perpetue qui m'a cachee chez elle", "fr", ["perpetue"]),
        ("fue chabela quien me presto el dinero", "es", ["chabela"]),
    ],
)
def test_whom_the_writer_calls_or_who_helped(text: str, lang: str, names: list[str]) -> None:
    found = find_companion_names(text, lang)
    assert _words(found) == names
    assert all(s.confidence < HIGH_CONFIDENCE for s in found)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("j'ai appele la police mais personne", "fr"),
        ("c'est lui qui m'a frappee", "fr"),
        ("c'est toujours elle qui paie", "fr"),
        ("it was them who took him", "en"),
        ("fue la policia quien llego", "es"),
    ],
)
def test_no_name_after_a_call_or_in_a_cleft(text: str, lang: str) -> None:
    assert find_companion_names(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "organisation"),
    [
        (
            "Intake. The client was referred by Brightwell after two nights outside.",
            "en",
            "Brightwell",
        ),
        ("Mme K. est suivie au Gamsi depuis avril.", "fr", "Gamsi"),
        ("La usuaria fue acompañada por Xochiquetzal hasta la fiscalía.", "es", "Xochiquetzal"),
    ],
)
def test_an_organisation_after_a_support_cue(text: str, lang: str, organisation: str) -> None:
    found = [s for s in detect(text, language=lang) if s.text == organisation]
    assert found
    assert all(s.kind == "organisation" for s in found)


def test_a_listed_name_after_a_support_cue_stays_a_person() -> None:
    found = [
        s for s in detect("Referred by Amina, her neighbour.", language="en") if s.text == "Amina"
    ]
    assert found
    assert all(s.kind == "person" for s in found)


@pytest.mark.parametrize(
    ("text", "lang", "city"),
    [
        ("after the camp we came to glasgow with nothing", "en", "glasgow"),
        ("my cousin lives in newcastle and sends money", "en", "newcastle"),
        ("we reached atlanta in the night", "en", "atlanta"),
    ],
)
def test_a_city_of_a_quarter_million_in_lower_case(text: str, lang: str, city: str) -> None:
    found = find_big_city_places(text, lang)
    assert _words(found) == [city]
    assert all(s.kind == "place" and s.confidence < HIGH_CONFIDENCE for s in found)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("the lawyer spoke in thai with him", "en"),  # a language
        ("i went to julia and asked for help", "en"),  # a given name of the lists
        ("we stayed in basic rooms", "en"),  # a word other languages borrow, not as often
    ],
)
def test_no_city_of_a_quarter_million(text: str, lang: str) -> None:
    assert find_big_city_places(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("gedeon, son cousin, nous a caches dans le camion", "fr", ["gedeon"]),
        ("la que me ayudo fue una vecina, chayito, que vendia pan", "es", ["chayito"]),
        ("our driver, kiflom, left us in the desert", "en", ["kiflom"]),
        ("Ese día Wilber, mi cuñado, me fue a traer.", "es", ["Wilber"]),
    ],
)
def test_a_name_in_an_apposition(text: str, lang: str, names: list[str]) -> None:
    found = find_appositive_names(text, lang)
    assert _words(found) == names
    assert all(s.kind == "person" and s.confidence < HIGH_CONFIDENCE for s in found)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("la bebe, su hija, lloraba toda la noche", "es"),  # frequent words
        ("el carro, su camioneta, todo se quedo alla", "es"),  # no relation word
        ("mi hermano, el mayor, se fue primero", "es"),
        ("the man, my neighbour, said nothing", "en"),
    ],
)
def test_no_name_in_an_apposition(text: str, lang: str) -> None:
    assert find_appositive_names(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "organisation"),
    [
        ("She sleeps at St Brendan's since the fire.", "en", "St Brendan's"),
        ("Desde marzo lo buscan Los Garrobos por no pagar.", "es", "Garrobos"),
        ("Sa mère travaille chez Kalitex depuis deux ans.", "fr", "Kalitex"),
        ("ma soeur travaille chez bizimana la nuit", "fr", "bizimana"),
    ],
)
def test_an_organisation_by_its_shape_or_a_work_cue(
    text: str, lang: str, organisation: str
) -> None:
    found = [s for s in detect(text, language=lang) if organisation in s.text]
    assert found
    assert all(s.kind == "organisation" for s in found)


def test_a_family_after_a_plural_article_stays_people() -> None:
    found = detect("Nos escondimos con los Pérez en su casa.", language="es")
    assert all(s.kind != "organisation" for s in found)


@pytest.mark.parametrize(
    ("text", "lang", "organisation"),
    [
        ("He drove trucks for a firm in Gao called Sahel Transit. Then", "en", "Sahel Transit"),
        ("Estudia en una escuela que se llama Benito Juárez. Bien.", "es", "Benito Juárez"),
        ("mi abogado de kawsay dice que la cita es en mayo", "es", "kawsay"),
        ("the nurse from medsol came every week", "en", "medsol"),
        ("Se coordina con Fundarte para el acompañamiento.", "es", "Fundarte"),
    ],
)
def test_an_organisation_told_by_what_is_around(text: str, lang: str, organisation: str) -> None:
    found = [s for s in detect(text, language=lang) if organisation in s.text]
    assert found
    assert all(s.kind == "organisation" for s in found)


@pytest.mark.parametrize(
    ("text", "lang", "word", "kind"),
    [
        ("trabajaba en la tienda de una señora que se llama Rosa Elvira.", "es", "Rosa", "person"),
        ("la señora de olancho nos dio posada", "es", "olancho", "place"),
        ("my brother Yonas went from Tsorona to the border", "en", "Tsorona", "place"),
    ],
)
def test_no_organisation_where_a_person_or_place_is_named(
    text: str, lang: str, word: str, kind: str
) -> None:
    found = [s for s in detect(text, language=lang) if word in s.text]
    assert found
    assert all(s.kind == kind for s in found)


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("on dormait dehors. secours 75 nous donne a manger le soir", "fr", ["secours 75"]),
        ("ahi estuvimos dos meses y fjd nos ayudo con la visa", "es", ["fjd"]),
        (
            "in the end, northside welcome network helped us find a flat",
            "en",
            ["northside welcome network"],
        ),
        ("i met sister agnes from hands of hope at the camp", "en", ["hands of hope"]),
        ("the nurse from kindcare gave me pills", "en", ["kindcare"]),
    ],
)
def test_a_lower_case_organisation_by_what_it_does(text: str, lang: str, names: list[str]) -> None:
    found = find_lowercase_organisations(text, lang)
    assert _words(found) == names
    assert all(s.kind == "organisation" and s.confidence < HIGH_CONFIDENCE for s in found)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("y como no habia me llevo a mi", "es"),  # a clause, not a name
        ("then kidane helped me carry the bags", "en"),  # a person's name: one word
        ("a lady from church gave us blankets", "en"),  # one frequent word
        ("the doctor from kampala helped us", "en"),  # a known place
        ("mi tia nos ayudo con el pasaje", "es"),
        ("Then MSF took her to the clinic in Tripoli.", "en"),  # capitalised text: others
    ],
)
def test_no_lower_case_organisation(text: str, lang: str) -> None:
    assert find_lowercase_organisations(text, lang) == []


def test_a_fairly_common_word_paired_with_a_name_typed_without_accents() -> None:
    found = find_companion_names("on est partis avec esperance et dieudonne la nuit", "fr")
    assert _words(found) == ["esperance", "dieudonne"]


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("dis a ti paul que je vais bien", "fr", ["ti paul"]),
        ("ti kay nou an te tonbe", "fr", []),  # a little house
        ("esto es para ti sola", "es", []),
    ],
)
def test_haitian_ti_before_a_given_name(text: str, lang: str, names: list[str]) -> None:
    assert _words(find_title_names(text, lang)) == names


def test_a_known_town_after_habiter_without_a_preposition() -> None:
    found = [s for s in detect("avant j'habitais kribi avec mes enfants", language="fr")]
    assert [(s.text, s.kind) for s in found if s.text == "kribi"] == [("kribi", "place")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("me and precious slept at the station", ["precious"]),
        ("yo y esperanza salimos de noche", ["esperanza"]),
        ("me and mom slept at the station", []),  # a relation word
        ("me and everyone in the boat", []),  # a frequent word
    ],
)
def test_a_fairly_common_word_after_me_and(text: str, names: list[str]) -> None:
    assert _words(find_people_in_company(text)) == names
