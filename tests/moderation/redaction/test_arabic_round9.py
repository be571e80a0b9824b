"""Arabic-script rules of issue 15's ninth round: people named with no kin word of their own
before them. The object of a verb of killing, arresting, abducting or taking, a listed name
after a relation word or a kin word and an adjective, Arabic duals ("ابنتاها"), Persian calls
("زنگ زدم به X") and meetings of two ("با X و Y آشنا شدم"), names in lists and with "و" and a
kin word, other mentions of a linked name, "آل" and Sudanese "ود" before a name on no list; and
verbs after a kin word or "قالت لي" that must stay below the leak guard's threshold. Sentences
written for these tests, not taken from the development sets."""

from __future__ import annotations

import pytest

from moderation.redaction import HIGH_CONFIDENCE, detect
from tests.moderation.suggestions import covering, overlapping


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("بعد يومين اعتقلوا هشام من الجامعة وما عاد رجع", "هشام"),  # a verb of arresting
        ("كتلو زكريا قدام الدكان بالسوق", "زكريا"),  # Sudanese "killed"
        ("خطفوا جميلة وهي راجعة من المدرسة", "جميلة"),  # a listed name that is also a word
        ("اخذوا سلمان على الفرع بالليل", "سلمان"),  # a verb of taking and a listed name
        ("سكنا شهرين عند مرت سليم بالشام", "سليم"),  # a relation word: Salim's wife
        ("صديقي المقرب باسل ما عاد رجع من الحاجز", "باسل"),  # a kin word and an adjective
        ("ابنتاها سارة ولانا في المدرسة هلق", "ولانا"),  # a dual kin word and a list
        ("قتلوا ولديها صابر ونادر بنفس الليلة", "ونادر"),  # "her two sons"
        ("زنگ زدم به فرهاد ولی جواب نداد", "فرهاد"),  # Persian "I called X"
        ("در کمپ با نسرین و ژیلا آشنا شدم", "ژیلا"),  # "got to know X and Y"
        ("اشتغلت مع محمد بالمطعم سنتين", "محمد"),  # a frequent name mid-sentence
        ("اخواني فراس ومجاهد راحوا على تركيا", "ومجاهد"),  # the second of a list after kin
        ("عادل وكريم وجمال كانوا معي بالباخرة", "وكريم"),  # a list of three
        ("با ژیلا و خواهرم به ترکیه رفتیم", "ژیلا"),  # "with X and my sister"
        ("نزلنا عند آل باعشن في المكلا", "آل باعشن"),  # a Hadrami family without the article
        ("خالي اشتغل مع ود عشاري في السوق", "ود عشاري"),  # Sudanese "son of" and a rare name
    ],
)
def test_people_named_without_a_kin_word_of_their_own(text: str, name: str) -> None:
    assert covering(text, name, "person")


def test_other_mentions_of_a_name_linked_in_a_list() -> None:
    text = "ربعي فهد وعزام طلعوا بالمظاهرة. عزام انسجن سنة"
    start = text.rindex("عزام")
    assert any(s.kind == "person" and s.start <= start < s.end for s in detect(text)), (
        "the second mention of a name linked by و"
    )


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("قتلوا الوقت بالحكي", "الوقت"),  # a definite word after a verb of killing
        ("اخذوا موبايلي وساعتي", "موبايلي"),  # a thing taken
        ("اعتقلوا كتير شباب من الحارة", "شباب"),
        ("خطفوا سيارة الجيران", "سيارة"),
        ("مرت سنتين على الحادثة", "سنتين"),  # "مرت", passed, before a word on no list
        ("ولديها أربعة أولاد وبنت", "أربعة"),  # "ولديها", and she has
        ("شفنا نور الشمس بعد شهر بالقبو", "نور"),  # a listed name that is a word
        ("صديقي القديم ساعدني كتير", "ساعدني"),
    ],
)
def test_ordinary_words_after_the_new_cues_are_no_person(text: str, word: str) -> None:
    assert all(kind != "person" for kind, _ in overlapping(text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("قالت لي نروح سوا على السوق", "نروح"),  # "she told me: let's go", no name
        ("أمه بعتتلي رسالة امبارح", "بعتتلي"),  # "sent me"
        ("جارتي دلتني على المحامي", "دلتني"),  # "showed me"
        ("جارنا شله على ظهره", "شله"),  # "carried him"
        ("اخوي الكبير خذوه من الحاجز", "خذوه"),  # "they took him"
        ("كوكو ونجلاء اخواني ماتو في الحرب", "ماتو"),  # "they died", typed without its alef
    ],
)
def test_verbs_after_a_kin_word_stay_below_the_guard(text: str, word: str) -> None:
    assert all(conf < HIGH_CONFIDENCE for _, conf in overlapping(text, word))
