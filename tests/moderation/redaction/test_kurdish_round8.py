"""Kurmanji and Sorani shapes of issue 15's eighth round: kin words with the possessor after
them ("birayê min Serhat"), naming verbs closed by a copula ("navê wî Hesen e"), titles,
places with an oblique ending after a preposition or a verb of a journey, place and
organisation type words, Sorani third-person kin words and place cues. Sentences written for
these tests, not copied from dev8-kurdish.txt."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, Suggestion, detect
from moderation.redaction.kurmanji_names import find_kurmanji_names


def _hits(text: str, needle: str) -> list[Suggestion]:
    sugg = detect(text)
    start = text.index(needle)
    return [s for s in sugg if s.start < start + len(needle) and start < s.end]


def _has(text: str, needle: str, kind: str) -> None:
    """A suggestion of the kind covers the needle, and no more than the needle's words."""
    start = text.index(needle)
    hits = _hits(text, needle)
    assert any(
        s.kind == kind and s.start <= start and start + len(needle) <= s.end for s in hits
    ), [s.as_dict() for s in detect(text)]


@pytest.mark.parametrize(
    ("text", "needle", "kind"),
    [
        # kin word, possessor, name; lower case, without Kurmanji's letters
        (
            "ez ji gund im. xwiska min gulistan li bajêr dixebite û ez li mal im.",
            "gulistan",
            "person",
        ),
        (
            "em li kampê ne. pismamê min ê mezin rizgar li ewropa ye û em ji wir hatin.",
            "rizgar",
            "person",
        ),
        # naming verbs closed by a copula or a full stop
        ("Ez ji gundekî biçûk im. Navê wî Berzan e û ew li Almanyayê dijî.", "Berzan", "person"),
        ("li kampê jê re dibêjin şêrko. em bi hev re li wir man û ji wir çûn.", "şêrko", "person"),
        # a title before the name
        (
            "Li gund mele Xalid hebû, ew mamosteyê zarokan bû û em ji wî hez dikirin.",
            "Xalid",
            "person",
        ),
        # a place with an oblique ending after a verb of a journey, and the list after it
        (
            "Em ji malê derketin û bi rêya Îranê, Tirkiyê û Bulgaristanê çûn.",
            "Bulgaristanê",
            "place",
        ),
        ("piştî şer em çûn amedê û li wir du salan man, ji ber ku mal tune bû.", "amedê", "place"),
        # a place word and its name in lower case
        ("em ji taxa şêx meqsûd in, li wir mala me hebû û em ji wir reviyan.", "meqsûd", "place"),
        # an organisation by its type word
        (
            "Li Hewlêrê em çûn Navenda Alîkariya Jinan a Bextewarî û wan alîkarî kir.",
            "Navenda Alîkariya Jinan",
            "organisation",
        ),
        # a place name led by "Til" (hill), and an acronym after "li" as an organisation
        (
            "Dayika wê ji Til Xenzîr e û bavê wê ji Amûdê ye, li wir mezin bûn.",
            "Til Xenzîr",
            "place",
        ),
        (
            "Mêrê wê li PYD bû û ji ber vê yekê ew girtin, li ser sînor û li gund.",
            "PYD",
            "organisation",
        ),
        # "Mala ... a ..." (the house of ... of a town) as an organisation
        (
            "Em çûn Mala Zarokan a Dêrikê û li wir alîkarî stendin ji bo zarokan û jinan.",
            "Mala Zarokan a Dêrikê",
            "organisation",
        ),
        # Sorani: "I am X" with the copula glued to the name
        ("من گەشاوم، تەمەنم ٢٠ ساڵە و لە کەمپ دەژیم", "گەشاو", "person"),
        # Sorani: his wife, Mrs, people of (from)
        (
            "ژنەکەی ناوی سەرگوڵ بوو. خاتوو پەخشان خەڵکی پێنجوێنە و ئێستا لە کەمپ دەژی",
            "پەخشان",
            "person",
        ),
        ("کوڕەکەی ئاسۆس لە ساڵی ٢٠١٦ کوژرا و ئێمە چووین بۆ شار", "ئاسۆس", "person"),
    ],
)
def test_kurdish_shapes(text: str, needle: str, kind: str) -> None:
    _has(text, needle, kind)


def test_kin_names_in_a_capitalised_text_are_confident() -> None:
    text = "Em ji gund reviyan. Birayê min Serhat li Swêdê dimîne û ew li wir dixwîne."
    person = [s for s in find_kurmanji_names(text) if s.text == "Serhat"]
    assert person and person[0].kind == "person" and person[0].confidence >= HIGH_CONFIDENCE


@pytest.mark.parametrize(
    "text",
    [
        # "do not write my name": a verb after the naming cue, no name
        "Ji kerema xwe navê min nenivîsin. Ez ji gund im û ez li kampê me.",
        # nationalities and an acronym with a Kurmanji ending at a sentence start
        "Dema Tirk hatin em reviyan. Nîşanên PTSDê hene û xew tune ye li kampê.",
        # hope and rain as words, not names
        "hêviya min ev e ku em vegerin. baran dibarî û em li çadirê bûn, li kampê.",
        # "ji ... re" is "to someone": no place at or above the guard
        "Min ji doktor re got ku ez nexweş im û ez li kampê me ji ber şer.",
    ],
)
def test_no_confident_suggestion(text: str) -> None:
    sure = [s.as_dict() for s in detect(text) if s.confidence >= HIGH_CONFIDENCE]
    assert not sure


def test_everyday_kurmanji_words_at_a_sentence_start_are_no_names() -> None:
    text = "Niha ez li kampê me. Hejmara zarokan zêde ye. Rapora doktor li ba min e û ez li mal im."
    suggested = {s.text for s in detect(text)}
    assert not suggested & {"Niha", "Hejmara", "Rapora"}, suggested


def test_sorani_verbs_after_i_are_no_names() -> None:
    text = "من نازانم، من دەڕۆم. ئێمە لە کەمپ دەژین"
    assert not [s for s in detect(text) if s.detector == "sorani"]


def test_english_text_is_not_scanned_as_kurmanji() -> None:
    text = "My brother lives in Leeds and my sister in Bristol; we talk on Sundays."
    assert find_kurmanji_names(text) == []
