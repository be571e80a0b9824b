"""Latin-script recall of the fifteenth round (issue 15): who writes and who is greeted in a
phone message (more greetings and words of address), who signs after a closing word and a
possessive, and the people of a French cleft sentence written the SMS way. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect


def _people(text: str, language: str | None = None) -> list[str]:
    return [s.text for s in detect(text, language=language) if s.kind == "person"]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("allo divine c prosper! je suis a quebec depuis lundi", "fr", "prosper"),
        ("mwaramutse fidele ! c est uwase. je suis bien rentree a jambes", "fr", "fidele"),
        ("salam ustaz hamid, its musab. they moving us to a new centre", "en", "musab"),
        ("hi teacher orla. this is hasina from the tuesday class", "en", "hasina"),
    ],
)
def test_who_writes_or_is_greeted_in_a_message(text: str, language: str, name: str) -> None:
    assert name in _people(text, language)


def test_who_signs_after_a_closing_word_and_a_possessive() -> None:
    assert "yoyi" in _people("dile a yuli que no se me olvida lo de la carta. besos, tu yoyi", "es")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "franchement c alpha, oumou et thierno qui m ont sauve ici",
            {"alpha", "oumou", "thierno"},
        ),
        ("mwen rive sarcelles sain et sauf. c fanfan qui m a trouve une chambre", {"fanfan"}),
    ],
)
def test_the_people_of_a_french_cleft_in_sms(text: str, names: set[str]) -> None:
    assert set(_people(text, "fr")) >= names


@pytest.mark.parametrize(
    "text", ["c bien qui compte pour moi", "c'est moi et ma soeur qui avons appele"]
)
def test_a_cleft_of_ordinary_words_names_no_one(text: str) -> None:
    assert _people(text, "fr") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I thought my life was finished after the mob found me and Gift together.", "Gift"),
        ("They carried Precious to the hospital when her arm was broken.", "Precious"),
    ],
)
def test_an_everyday_word_name_with_its_capital_mid_sentence(text: str, name: str) -> None:
    assert name in _people(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "He works at the Ministry of Justice now.",
        "We have been waiting since May for an answer.",
        "The lawyer of the Association Droit et Justice called me.",
        "We pray for Peace Street to be quiet again.",
    ],
)
def test_a_capitalised_everyday_word_in_a_title_or_a_date_is_no_name(text: str) -> None:
    found = [s for s in detect(text, language="en") if s.detector == "capitalised_word_names"]
    assert found == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("love, your mum", "mum"),  # kin after a possessive, not who signs
        ("c rebelles qui ont brule le village", "rebelles"),  # a plural noun in an SMS cleft
        ("c allah qui decide", "allah"),
    ],
)
def test_no_person_in_a_signature_of_kin_or_a_cleft_of_things(text: str, word: str) -> None:
    assert word not in _people(text)


def test_a_name_after_a_kin_word_of_address_and_its_is_kept() -> None:
    assert "ayan" in _people("hooyo its ayan, i am safe now", "en")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "bonjou! c fanfan qui m a trouve une chambre. kenbe la, n ap pale. nadege",
            "nadege",
        ),
        ("work is ok and the room is warm. tell nakato i said hi. kizza", "kizza"),
    ],
)
def test_who_signs_a_lower_case_message_with_a_rare_name_alone(text: str, name: str) -> None:
    assert name in _people(text)


@pytest.mark.parametrize(
    "text",
    [
        "we arrived this morning and the children are fine. inchallah",
        "3... 2... 1... liftoff!",
        "ya llegue bien, manana te llamo mami. tqm",
    ],
)
def test_a_last_word_that_is_a_wish_or_a_word_signs_nothing(text: str) -> None:
    assert _people(text) == []


def test_whom_the_writer_sends_greetings() -> None:
    text = "les affaires vont prosperer, on verra haha. salue claude et nella pour moi"
    assert {"claude", "nella"} <= set(_people(text, "fr"))


@pytest.mark.parametrize("text", ["salue la famille pour moi", "say hi to everyone at home"])
def test_greetings_to_no_one_in_particular_name_no_one(text: str) -> None:
    assert _people(text) == []
