# ruff: noqa: RUF003  (multilingual text: Arabic letters are data)
"""Given names in Arabic script found alone (issue 15): from Faker's Arabic and Persian name
lists, with wordfreq deciding which listed names are also ordinary words; names linked to a
person found ("و", a kin word after the name); "عبد ال..." names; Persian naming cues.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from moderation.redaction.arabic_name_lexicon import (
    NameStrength,
    given_names,
    lexicon_key,
    name_strength,
)
from moderation.redaction.arabic_words import Tok
from moderation.redaction.folding import fold
from moderation.redaction.model import Suggestion


def _tok(word: str) -> Tok:
    return Tok(0, len(word), word, fold(word))


def _people(text: str) -> list[Suggestion]:
    return [s for s in detect(text, language="ar") if s.kind == "person"]


def _covering(text: str, name: str) -> list[Suggestion]:
    start = text.index(name)
    return [s for s in _people(text) if s.start <= start and start + len(name) <= s.end]


def test_the_lists_come_from_faker_and_unify_persian_letters() -> None:
    names = given_names()
    assert len(names) > 500
    assert lexicon_key("خديجة") in names
    assert lexicon_key("علی") == lexicon_key("علي")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("غسان ما رجع من الشغل لهلق.", "غسان"),  # sentence start, no cue
        ("بعد الظهر طارق جاب الخبز.", "طارق"),  # inside a sentence
        ("كانت خديجة تطبخ لكل الجيران.", "خديجة"),  # after a verb
        ("جبت لسلمى هدية صغيرة.", "سلمى"),  # clitic "ل"
    ],
)
def test_a_listed_name_alone_is_a_person_at_the_guard(text: str, name: str) -> None:
    found = _covering(text, name)
    assert found, _people(text)
    assert max(s.confidence for s in found) >= HIGH_CONFIDENCE


@pytest.mark.parametrize(
    ("word", "strength"),
    [
        ("أمل", NameStrength.WORD),  # hope
        ("نور", NameStrength.WORD),  # light
        ("تمام", NameStrength.WORD),  # all right; Persian "all"
        ("روز", NameStrength.WORD),  # Persian "day": takes "-ها" and "-م"
        ("خلف", NameStrength.WORD),  # behind: takes "-ها"
        ("غسان", NameStrength.RARE),
        ("البيت", NameStrength.NONE),
    ],
)
def test_names_that_are_ordinary_words(word: str, strength: NameStrength) -> None:
    assert name_strength(_tok(word)) is strength


@pytest.mark.parametrize(
    "text",
    [
        "عندي أمل كبير إنو نرجع.",  # "hope" inside a sentence: nothing
        "قعدنا خلف البيت حتى الصبح.",  # "behind"
        "هر روز کار می‌کردیم.",  # Persian "every day"
    ],
)
def test_a_listed_name_that_is_an_ordinary_word_is_not_suggested_inside_a_sentence(
    text: str,
) -> None:
    assert _people(text) == []


def test_a_listed_name_that_is_an_ordinary_word_starts_a_sentence_below_the_guard() -> None:
    text = "نزلنا من الباص. أمل كانت تبكي."
    found = _covering(text, "أمل")
    assert found and all(s.confidence < HIGH_CONFIDENCE for s in found)


def test_a_place_preposition_keeps_a_name_of_the_gazetteer_a_place() -> None:
    text = "ولدت في سراقب."
    assert [s.kind for s in detect(text, language="ar") if s.text == "سراقب"] == ["place"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("عبد الرحيم ساعدنا بالطريق.", "عبد الرحيم"),
        ("عبدالواحد كان معنا بالقارب.", "عبدالواحد"),
        ("اسمم پروانه است.", "پروانه"),  # Persian "my name is"
        ("زنی به اسم شبنم به ما نان داد.", "شبنم"),  # Persian "by the name of"
    ],
)
def test_compound_names_and_persian_naming_cues(text: str, name: str) -> None:
    assert _covering(text, name), _people(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("أخي غسان ووجدان وصلوا قبلنا.", "وجدان"),  # second of two names
        ("غسان و پریا رفتند.", "پریا"),  # Persian, separate "و"
        ("پریسا خواهرم در ترکیه است.", "پریسا"),  # name before a kin word
    ],
)
def test_names_linked_to_a_person_are_found_below_the_guard(text: str, name: str) -> None:
    found = _covering(text, name)
    assert found, _people(text)


@pytest.mark.parametrize(
    "text",
    [
        "ابن عمي بيزورنا كل جمعة.",  # colloquial present tense after a kin cue
        "كانت بنت جيراننا تلعب معنا.",  # "our neighbours" after "daughter"
        "هاد أبو صالح وعيلته.",  # "and his family" after a person
        "ساعدت أختي بالطبخ.",  # a verb before a kin word
    ],
)
def test_words_next_to_people_are_not_confident_names(text: str) -> None:
    cue_words = {"أبو صالح"}
    assert all(s.confidence < HIGH_CONFIDENCE or s.text in cue_words for s in _people(text))
    assert not any(s.text in ("وعيلته", "ساعدت") for s in _people(text))


def test_persian_min_is_not_from() -> None:
    text = "داکتر به من دوا داد."  # Persian "gave me medicine"
    assert all(s.confidence < HIGH_CONFIDENCE for s in detect(text))


@pytest.mark.parametrize(
    "text",
    [
        "پدرم گفت که باید برویم.",  # "said" after "my father"
        "پسرم حالا هفت ساله است.",  # "now" after "my son"
        "از مادر خود جدا شدم.",  # "mother", also a place's name, after "from"
        "در اردوگاه غذا کم بود.",  # "food" after "camp"
        "ما به مدرسه رفتیم.",  # "we went" after "school"
    ],
)
def test_ordinary_persian_words_stay_below_the_guard(text: str) -> None:
    assert all(s.confidence < HIGH_CONFIDENCE for s in detect(text))
