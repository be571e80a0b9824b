# ruff: noqa: RUF001  (multilingual text: Arabic letters are data)
"""Ordinary words and names in Arabic script, told apart by wordfreq's Arabic and Persian
frequencies: "المدينة" (the city) is an ordinary word because "مدينة" (a city) is about as
frequent; "الخرطوم" is a name because the definite form is far more frequent than "خرطوم"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .arabic_cue_words import PROCLITICS, STOP
from .language import zipf


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    raw: str
    word: str  # folded


# Short vowels, tanween, shadda and sukun: "ليلاً" (at night) is "ليلا" with two of them.
_HARAKAT = str.maketrans("", "", "".join(chr(c) for c in range(0x064B, 0x0653)))


def unmarked(raw: str) -> str:
    """The word without its short vowels and tanween ("ليلاً" -> "ليلا")."""
    return raw.translate(_HARAKAT)


def arabic_zipf(raw: str) -> float:
    """How common a word is in Arabic or Persian (the higher of the two)."""
    return max(zipf(raw, "ar"), zipf(raw, "fa"))


def after_first_letter(tok: Tok) -> Tok:
    """The token without its first letter: the word after a glued "و", "ب", "ل" or "ف"."""
    return Tok(tok.start + 1, tok.end, tok.raw[1:], tok.word[1:])


def bare(word: str) -> str:
    """The word without a one-letter proclitic when it has one."""
    return word[1:] if len(word) > 3 and word[0] in PROCLITICS else word


def ordinary(tok: Tok) -> bool:
    """An ordinary word rather than a name: a function word, or a definite noun whose
    indefinite form is about as frequent ("المدينة" / "مدينة"), or any very frequent word."""
    if tok.word in STOP or bare(tok.word) in STOP:
        return True
    raw = tok.raw
    for article in ("ال", "وال", "بال", "لل", "فال"):
        if raw.startswith(article) and len(raw) > len(article) + 2:
            rest = raw[len(article) :]
            return arabic_zipf(rest) >= 3.0 and arabic_zipf(rest) >= arabic_zipf("ال" + rest) - 0.3
    return arabic_zipf(raw) >= 6.3


def common_noun(raw: str) -> bool:
    """A word that takes the definite article about as often as it goes without it
    ("كلمة" / "الكلمة", "قديم" / "القديم"): a common noun or adjective. Given names rarely
    do ("مريم" 4.9 against "المريم" 1.6 in wordfreq's Zipf scale); a name that is also a
    common word ("أمل", hope) does, and is then treated as the word it also is. Tried with
    and without a one-letter proclitic ("وكلمة") and the accusative ending ("كلاما")."""
    if not raw.isalpha():  # short vowels, tanween or the zero-width non-joiner
        raw = unmarked(raw)
    forms = [raw, raw[1:]] if len(raw) > 3 and raw[0] in PROCLITICS else [raw]
    if len(raw) > 3 and raw.endswith("ا"):  # accusative "-an" ("كلاما", words)
        forms.append(raw[:-1])
    for form in forms:
        if form.startswith("ال"):
            if arabic_zipf(form[2:]) >= 3.0 and arabic_zipf(form[2:]) >= arabic_zipf(form) - 0.6:
                return True
        elif zipf("ال" + form, "ar") >= 3.5 and zipf("ال" + form, "ar") >= arabic_zipf(form) - 0.6:
            return True
    return any(conjugated(form) for form in forms)


def conjugated(raw: str) -> bool:
    """A verb or a noun with a pronoun suffix: "أخذ" (took; "أخذوا", they took, is frequent),
    "ساعدنا" (helped us). Names take neither ("خالدوا", "مريمنا")."""
    stems = [raw] + [raw[:-2] for s in ("نا", "ني", "ها", "هم") if raw.endswith(s) and len(raw) > 4]
    return any(zipf(stem + "وا", "ar") >= 3.0 for stem in stems)


def hamza_dropped(raw: str) -> bool:
    """A frequent word typed on a phone without its final hamza: "دوا" (medicine, "دواء"),
    "هوا" (air, "هواء")."""
    return len(raw) >= 3 and raw.endswith("ا") and zipf(raw + "ء", "ar") >= 4.0


def verb_or_participle(raw: str) -> bool:
    """A dialect past tense whose "they did" is a word, if a rare one ("اشتغل": "اشتغلوا";
    "مشى": "مشوا"), or a passive participle ("مديون", in debt; "مفقود", missing; "مسجونة"): the
    shapes a word after a kin word takes when it says what the person did or is. Given names
    of these shapes ("منصور", "مسعود") are on the list, which is asked first."""
    raw = unmarked(raw)
    stem = raw.removesuffix("ة")
    if len(stem) == 5 and stem[0] == "م" and stem[3] == "و":
        return True
    they = (raw[:-1] if raw.endswith(("ى", "ي")) else raw) + "وا"
    return len(raw) >= 3 and zipf(they, "ar") >= 2.5


def persian_word(raw: str) -> bool:
    """A frequent Persian word that Arabic does not share ("زندگی", life; "رفتیم", we went).
    Persian given names are mostly shared with Arabic ("مریم" = "مريم", "علی" = "علي")."""
    arabic_spelling = raw.replace("ی", "ي").replace("ک", "ك")
    return zipf(raw, "fa") >= 3.5 and zipf(arabic_spelling, "ar") < 2.5


def persian_common(raw: str) -> bool:
    """A frequent Persian word that is not a name: very frequent, or taking a plural or
    possessive suffix ("روزها", "کتابم"). Persian given names that Arabic does not share
    ("پریا", "شبنم") are frequent Persian words too, but take neither."""
    if not persian_word(raw):
        return False
    suffixed = max(zipf(raw + s, "fa") for s in ("ها", "م", "ش", "\u200cها"))
    return zipf(raw, "fa") >= 4.5 or suffixed >= 2.5


def persian_possessed(raw: str) -> bool:
    """A frequent Persian noun with a possessive ending ("کارم", my work; "خانه‌ام"): the
    noun alone is very frequent, the word too. Names that end like it ("مریم", "کریم") have
    no such noun before the ending."""
    for ending in ("\u200cام", "م", "ش", "ت", "مان", "تان", "شان"):
        stem = raw.removesuffix(ending)
        if stem != raw and zipf(stem, "fa") >= 5.0 and zipf(raw, "fa") >= 4.0:
            return True
    return False


def persian_verb(raw: str) -> bool:
    """A Persian verb: the continuous prefix and a personal ending or a stem's last letter
    ("می‌رفتیم", "میکنه", "میرفت"; not the names "میرویس", "میترا") or a past-tense personal
    ending ("دیدم", I saw; "رفتند", they went)."""
    if raw.startswith(("می", "نمی")) and len(raw) > 4:
        return raw.endswith(("م", "ی", "د", "ت", "ه", "ن"))
    return raw.endswith(("دم", "تم", "دیم", "تیم", "دید", "تید", "دند", "تند")) and len(raw) > 3


def definite(tok: Tok) -> bool:
    return tok.word.startswith("ال") and len(tok.word) > 3


def verb_like(tok: Tok) -> bool:
    """A conjunction-led word ("وعمري", "and my age") or a present-tense verb with an object
    suffix ("يساعدنا"): not a family name."""
    w = tok.word
    if w[0] == "و" and len(w) > 3 and arabic_zipf(tok.raw[1:]) >= 2.5:
        return True
    return w[0] in "يتن" and w.endswith(("نا", "ها", "ون", "هم", "ني"))


def persian_text(text: str) -> bool:
    """The text writes Persian "ی" and "ک" more often than Arabic "ي" and "ك"; or, with none of
    these letters (a short message: "من اهل اصفهان هستم"), it has a word only Persian uses."""
    persian = text.count("ی") + text.count("ک")
    arabic = text.count("ي") + text.count("ك")
    if persian or arabic:
        return persian > arabic
    return _PERSIAN_ONLY_WORD.search(text) is not None


# Persian verbs of being and the object marker, which Arabic does not write.
_PERSIAN_ONLY_WORD = re.compile(
    r"(?<![^\W\d_])(?:است|هستم|هستند|هستیم|هست|بود|بودم|را)(?![^\W\d_])"
)


def unlike_a_name(tok: Tok, persian: bool = False) -> bool:
    """A shape that a word after a kin cue takes when it is not the name: an Arabic
    present-tense verb ("صديقي يكتب", colloquial "ابن عمي بيزورنا"; not in a Persian text, whose
    verbs take "می" and whose names start with "ن" or "ی" as others do: "نرگس", "یلدا"), a past
    plural ("خالتي راحوا", "اخذوهم") or a past tense in "-t" ("اختي اشتغلت"), "in my X"
    ("بصفي"), or a frequent noun with a possessive suffix ("بنت جيراننا", our neighbours'
    daughter; "عيلته")."""
    w = tok.word
    prefixed = (w[0] in "يتن" and len(w) <= 5) or (w[0] == "ب" and len(w) >= 4 and w[1] in "يتن")
    if prefixed and not persian:
        return True
    if w.endswith("وا") and len(w) >= 4:
        return True
    # A past tense with "to me" or "me" glued on ("بعتتلي", she sent me; "دلتني", she showed
    # me), or a verb of three letters with "him" ("شله", carried him: "شلوا" is a word).
    if w.endswith(("تلي", "تني")) and len(w) >= 5:
        return True
    if not persian and len(w) == 3 and w.endswith("ه") and zipf(tok.raw[:2] + "وا", "ar") >= 1.5:
        return True
    # A past plural as typed on a phone, without its alef ("ماتو": "ماتوا", they died), or
    # with "him" ("خذوه", they took him); not "كوكو", "عمرو".
    if not persian and len(w) >= 4 and w.endswith("و") and zipf(tok.raw + "ا", "ar") >= 2.5:
        return True
    if not persian and len(w) >= 4 and w.endswith("وه") and zipf(tok.raw[:-1] + "ا", "ar") >= 2.5:
        return True
    # A past tense in "-t" (she did, I did) whose "they did" is a word: "اشتغلت" ("اشتغلوا").
    if w.endswith("ت") and len(w) >= 5 and zipf(tok.raw[:-1] + "وا", "ar") >= 2.5:
        return True
    # A past plural with an object ("اخذوهم", they took them) or "in my X" ("بصفي", in my class).
    if w.endswith(("وهم", "وها", "وني", "وكم")) and len(w) >= 5:
        return True
    if w[0] == "ب" and w.endswith("ي") and len(w) >= 4 and arabic_zipf(tok.raw[1:-1]) >= 3.5:
        return True
    if any(
        w.endswith(s) and len(w) > len(s) + 2 and arabic_zipf(tok.raw[: -len(s)]) >= 3.5
        for s in ("نا", "ها", "هم")
    ):
        return True
    # A noun in "-a" with a pronoun: "عيلته" (his family, from "عيلة"); a past tense in "-t"
    # with an object: "طردتنا" (she threw us out; "طردوا", they threw out).
    for suffix in ("ته", "تها", "تهم", "تنا", "تي"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = tok.raw[: -len(suffix)]
            return arabic_zipf(stem + "ة") >= 2.5 or zipf(stem + "وا", "ar") >= 2.5
    return False
