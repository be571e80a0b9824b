"""Arabic-script people known by the sentence around them (arabic_subject_names, issue 15's
eleventh round): the speaker before a verb of speaking, the one addressed after "يا", someone
doing something ("X وهي تبكي"), Persian "X صدایم می‌کنند", other mentions of those and of the name
inside a kunya; all below the leak guard's threshold. And "X قال لي ...": what follows is what
was said, not a name. Sentences written for these tests, not taken from the development sets."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from tests.moderation.suggestions import covering, overlapping


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("بالمخيم. ليث قال لنا نمشي قبل الفجر", "ليث"),  # the speaker, on no list
        ("كنا جوعانين. رهوف قالت بدي اطلع", "رهوف"),
        ("الدرجال قال ادفعوا قبل ما نطلع", "الدرجال"),  # a rare definite nickname
        ("بعد الحصار، دحيم كان يهرب الخبز", "دحيم"),  # before a verb of being
        ("بالليل طلعنا. رهوف وقعت بالوادي", "رهوف"),  # before a past tense ("وقعوا" is a word)
        ("يا دحام رد علي، امك مريضة", "دحام"),  # the one addressed
        ("ما بعرف وين صار سموري وهو يركض عالحاجز", "سموري"),  # doing something
        ("در مدرسه همه هیوا صدایم می‌کنند", "هیوا"),  # Persian: they call me X
        ("وصلنا الحدود. قال لنا دحام انزلوا هون", "دحام"),  # after "told us", no subject before
        ("رهوف حبيبتي، وصلت بالسلامة", "رهوف"),  # a name and an endearment, written to
        ("ود البشير كان سواق التراكتور", "ود البشير"),  # Sudanese "son of" at a sentence start
        ("بیژن گفت از مرز رد می‌شویم", "بیژن"),  # Persian speaker
        ("نوید پسر خاله‌ام بود و با ما آمد", "نوید"),  # Persian: X was my cousin
    ],
)
def test_the_sentence_names_a_person_below_the_guard(text: str, name: str) -> None:
    found = covering(text, name, "person")
    assert found, name
    assert all(s.confidence < HIGH_CONFIDENCE for s in found)


def test_other_mentions_of_a_speaker_and_of_a_kunya_name() -> None:
    text = "ليث قال انطروا هون. بعد ساعة ليث رجع. بيت ابو غسق انقصف، وغسق بالمستشفى هلق. غسق بخير"
    assert len([s for s in detect(text, language="ar") if s.text == "ليث"]) == 2
    last = text.rindex("غسق")
    assert any(s.start <= last < s.end and s.kind == "person" for s in detect(text, language="ar"))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("الجيش قال لازم نطلع من البيت", "الجيش"),  # a definite common noun
        ("يا ريت ما طلعنا من الضيعة", "ريت"),  # "if only"
        ("يا جماعة الطريق مسكر", "جماعة"),  # "folks"
        ("بعدين قال الضابط انتظروا", "بعدين"),  # "then"
        ("بيتنا كان آخر بيت بالحارة", "بيتنا"),  # "our house"
        ("الطيارة كانت فوقنا طول الليل", "الطيارة"),  # a definite noun before "was"
        ("هونيك شفت ابن عمي", "هونيك"),  # "there"
        ("اسم خواهرم پروانه است", "اسم"),  # Persian "the name of my sister is"
        ("أفاد طالب اللجوء بأنه دخل البلاد", "أفاد"),  # a verb ("أفادوا") before a verb
    ],
)
def test_ordinary_words_in_those_places_are_not_people(text: str, word: str) -> None:
    assert not [k for k, _ in overlapping(text, word) if k == "person"], word


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("ابوي قال لي روح نام بكير", "روح نام بكير"),
        ("ضرغام قال لي خبي الموبايل", "خبي الموبايل"),
    ],
)
def test_words_said_after_a_subject_and_told_me_are_no_confident_name(text: str, said: str) -> None:
    assert all(conf < HIGH_CONFIDENCE for _, conf in overlapping(text, said))


def test_told_me_with_no_subject_still_names_the_speaker() -> None:
    text = "بعدها قالت لي مريم لا تخافي"
    assert any(s.confidence >= HIGH_CONFIDENCE for s in covering(text, "مريم", "person"))


def test_a_rare_word_after_a_glued_preposition_is_a_place_below_the_guard() -> None:
    found = covering("هلق ساكنين بقرقميش عند قرايبنا", "قرقميش", "place")
    assert found and all(s.confidence < HIGH_CONFIDENCE for s in found)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("بنطلع بكرا الصبح", "بنطلع"),  # a dialect verb
        ("اعطينا المصاري للمهرب وسكت", "للمهرب"),  # "to the smuggler"
    ],
)
def test_glued_verbs_and_nouns_are_not_places(text: str, word: str) -> None:
    assert not [k for k, _ in overlapping(text, word) if k == "place"], word


def test_a_verb_after_his_name_is_no_confident_name() -> None:
    text = "قالوا اسمه يطابق اسم واحد مطلوب"
    assert all(conf < HIGH_CONFIDENCE for _, conf in overlapping(text, "يطابق"))


def test_the_name_after_a_title_found_with_it_is_found_again() -> None:
    text = "راهنمای ما حاجی نسیم بود. نسیم ما را تا مرز برد"
    last = text.rindex("نسیم")
    assert any(s.start <= last < s.end and s.kind == "person" for s in detect(text))


def test_a_nickname_before_daughter_of_and_a_kin_word_is_a_person() -> None:
    assert covering("التاية بت عمتي بتشتغل في كوستي", "التاية", "person")
