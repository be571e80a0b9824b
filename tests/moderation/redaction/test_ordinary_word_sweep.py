"""No ordinary word of English, Spanish, French, Arabic, Persian, Kurmanji or Sorani is suggested
at or above the leak guard's threshold, in any of the contexts of bench.ordinary_words (a
sentence start, a title, after place and person cues, in lower-case text). A sample: every 7th
of the 3,000 most frequent words of each language in wordfreq, and every word of the Kurdish
hand lists (bench.kurdish_words), less names and places (see bench.ordinary_words); the whole
sweep is `python -m bench.ordinary_words`."""

from __future__ import annotations

import pytest

from bench.ordinary_words import HAND_LISTED, LANGUAGES, ordinary_words, sweep
from moderation.redaction import HIGH_CONFIDENCE, detect
from moderation.redaction.ordinary_words import is_ordinary_word


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_ordinary_word_reaches_the_leak_guard(language: str) -> None:
    hand_listed = language in HAND_LISTED
    words = ordinary_words(language, 3000)[:: 1 if hand_listed else 7]
    assert len(words) > (150 if hand_listed else 300)
    hits = sweep(language, words)
    assert hits == [], sorted({h.word for h in hits})


def test_the_sweep_sees_a_confident_name() -> None:
    # The same contexts with names in them: the sweep reports what reaches the threshold.
    hits = sweep("en", ["samir", "khaled"])
    assert {h.word for h in hits} == {"samir", "khaled"}


@pytest.mark.parametrize(
    "word", ["table", "Tiempo", "avec", "Cool", "كلمة", "لصالح", "وجود", "زندگی", "دانشگاه"]
)
def test_ordinary_words(word: str) -> None:
    assert is_ordinary_word(word)


@pytest.mark.parametrize(
    "word", ["Grace", "Samir", "Paris", "Aleppo", "مريم", "وسمير", "بالرياض", "Zxqvw"]
)
def test_names_places_and_rare_words_are_not_ordinary(word: str) -> None:
    assert not is_ordinary_word(word)


@pytest.mark.parametrize(
    "text",
    [
        "My friend Table helped us a lot.",
        "mi amiga Tiempo nos ayudó mucho.",
        "We lived in Total before the war.",
        "صديقي عندما ساعدنا كثيرا.",
    ],
)
def test_a_cue_alone_does_not_make_an_ordinary_word_confident(text: str) -> None:
    found = detect(text)
    assert found, "still suggested: staff decide"
    assert all(s.confidence < HIGH_CONFIDENCE for s in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My friend Samir helped us a lot.", "Samir"),
        ("mi amiga Milagros Quispe nos ayudó mucho.", "Milagros Quispe"),
        ("We lived in Aleppo before the war.", "Aleppo"),
    ],
)
def test_names_keep_their_confidence(text: str, name: str) -> None:
    found = detect(text)
    assert any(s.text == name and s.confidence >= HIGH_CONFIDENCE for s in found), found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("لە دوای شەڕ گەڕاینەوە بۆ گوندەکەمان.", "دوای"),  # after the war (no place: "after")
        ("لە ناو ماڵەکەمان بووین.", "ناو"),  # inside (a village of 724 people shares the word)
        ("Em ji Dema hatin vir.", "Dema"),  # Kurmanji "when", capitalised after "from"
        ("Hevalê min Gelek alîkariya me kir.", "Gelek"),  # "much", after "my friend"
    ],
)
def test_everyday_kurdish_words_stay_below_the_guard(text: str, word: str) -> None:
    assert all(s.confidence < HIGH_CONFIDENCE for s in detect(text) if word in s.text)


def test_a_big_place_keeps_its_confidence_after_a_kurdish_preposition() -> None:
    found = detect("ئێمە لە هەولێر دەژیاین.")  # we lived in Erbil
    assert any(s.text == "هەولێر" and s.confidence >= HIGH_CONFIDENCE for s in found), found


@pytest.mark.parametrize(
    "text",
    [
        "لە دوای شەڕ گەڕاینەوە بۆ گوندەکەمان.",  # after the war we went back to our village
        "لە ناو ماڵەکەمان بووین.",  # we were inside our house
        "لە سەر ڕێگا بووین.",  # we were on the road
        "لە کاتی شەڕ هاتین.",  # we came during the war
    ],
)
def test_sorani_compound_prepositions_are_no_places(text: str) -> None:
    assert detect(text) == []
