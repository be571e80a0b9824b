# ruff: noqa: RUF001  (multilingual text: Arabic letters are data)
"""Given names written in Arabic script, from Faker's person providers (MIT licence): Arabic
(ar_AA, ar_SA, ar_PS, ar_DZ) and Persian (fa_IR), and the common names they lack (Afghan
names, Arabic women's names; arabic_common_given_names). Faker compiles its lists from public
sources (lists of common given names); they hold no one's personal record. About 900
one-word names: "سلمى", "طارق", "خديجة", "زهرا". A name of the list may also be an ordinary
word ("أمل", hope; "روز", day): `name_strength` tells how far the word alone says "a name"."""

from __future__ import annotations

import importlib
from enum import Enum
from functools import lru_cache

from .arabic_common_given_names import common_given_names
from .arabic_cue_words import PERSON_CUES
from .arabic_words import Tok, arabic_zipf, common_noun, ordinary, persian_word, unmarked
from .folding import fold
from .language import zipf

_ARABIC_TWINS = str.maketrans("یک", "يك")
_PERSIAN_TWINS = str.maketrans("يك", "یک")
_LOCALES = ("ar_AA", "ar_SA", "ar_PS", "ar_DZ", "fa_IR")
_GIVEN = ("first_names", "first_names_male", "first_names_female")
# Possessive suffixes: her, their, our (Arabic); his/her, my, plural (Persian).
_ARABIC_SUFFIXES = ("ها", "هم", "نا")
_PERSIAN_SUFFIXES = ("ش", "م", "ها")
# A word takes "بـ" (with, in) within this many Zipf points of its own frequency ("نور" 4.9,
# "بنور" 3.7); a name far less often ("محمد" 6.1, "بمحمد" 3.5).
_BI_GAP = 2.5


def lexicon_key(raw: str) -> str:
    """The folded word with Persian letters written as their Arabic twins ("علی" = "علي")."""
    return fold(raw).translate(_ARABIC_TWINS)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The one-word given names of the lists, folded, each in its Arabic and its Persian
    spelling ("علي", "علی"), so that a folded word is looked up as it is (built once)."""
    names: set[str] = set()
    for locale in _LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in _GIVEN:
            names.update(lexicon_key(n) for n in getattr(provider, attribute, ()) if " " not in n)
    names.update(lexicon_key(n) for n in common_given_names())
    return frozenset(names | {n.translate(_PERSIAN_TWINS) for n in names})


# Everyday words that Faker's lists hold as given names and that the frequency tests cannot
# tell from names (reviewed by hand from the 5,000 most frequent Persian and Arabic words that
# the lists hold): Persian boss, thanks, a little, sodium, my work, need (of), mental, useful,
# certainty, ambassador, owner, praise, initiative, spiritual, narrator, criterion, hadith,
# "in a way that", "you have"; Arabic "amen" ("آمين", not the name "أمين"), "glory" ("سبحان
# الله"), "he called out" ("نادى", not "نادي"), "I hope" ("آمل أن"), "he told", "he knew him",
# colloquial "what" ("ايه اللي صار"), "رييس" (boss, typed with Arabic letters). Looked up as
# written (without short vowels): the Persian ones have a Persian letter, so their Arabic
# spelling, a name ("مرسي", Morsi), is not here.
_EVERYDAY_WORDS = frozenset(
    [
        "ايه",
        "إيه",
        "أيه",
        "آمل",
        "روى",
        "عرفه",
        "رييس",
        "آمين",
        "آمین",
        "سبحان",
        "نادى",
        "جوری",
        "دارین",
        "رییس",
        "مرسی",
        "قدری",
        "سدیم",
        "کارم",
        "نیازی",
        "فکری",
        "مفید",
        "یقین",
        "سفیر",
        "مالک",
        "تحسین",
        "ابتکار",
        "روحی",
        "راوی",
        "ملاک",
        "حدیث",
    ]
)
# Given names that are as often everyday words (Persian joy, breeze, patient, delicate,
# blessed, faith, rich, great, noble, wise, helper, human, success, clear, shares, jewels,
# secrets, fairness, port, grain, bubble, sand, worm, verse, dignity, "on", "my"; Arabic "come
# on", pleased, increasing, bulk, my fate, bigger, Abu Dhabi), some of them common Arabic
# names ("سهام", "جواهر", "بندر", "هيا", "زايد"): suggested where a name is, never sure alone.
_NAMES_AND_WORDS = frozenset(
    [
        "اكبر",
        "ظبي",
        "فله",
        "قدري",
        "کرم",
        "آیه",
        "عزت",
        "نوری",
        "روي",
        "منی",
        "هيا",
        "رضي",
        "زايد",
        "شادی",
        "نسیم",
        "صبور",
        "ظریف",
        "مبارک",
        "ایمان",
        "غنی",
        "کبیر",
        "شریف",
        "حکیم",
        "معین",
        "بشری",
        "توفیق",
        "صافی",
        "سهام",
        "جواهر",
        "اسرار",
        "انصاف",
        "بندر",
        "دانه",
        "حباب",
        "ماسه",
    ]
)


class NameStrength(Enum):
    """How strongly a listed word alone says "a name"."""

    NONE = 0  # not a listed name
    WORD = 1  # a listed name that is also an ordinary word ("أمل", hope)
    COMMON = 2  # a frequent listed name ("بهار", also spring): likely a name
    RARE = 3  # a listed name that no frequent word shares: a name at the guard's threshold


def name_strength(tok: Tok) -> NameStrength:
    """How strongly token `tok` alone is a given name (see NameStrength)."""
    if tok.word not in given_names():
        return NameStrength.NONE
    written = unmarked(tok.raw)
    if written in _EVERYDAY_WORDS or _ordinary_too(tok) or _past_tense_too(tok.raw):
        return NameStrength.WORD
    if tok.word[:1] == "و" and tok.word[1:] in PERSON_CUES:
        return NameStrength.COMMON  # "وجدي": Wajdi, or "and my grandfather"
    if written in _NAMES_AND_WORDS:
        return NameStrength.COMMON  # "با شادی زندگی می‌کنیم", we live with joy
    return NameStrength.RARE if arabic_zipf(tok.raw) < 5.0 else NameStrength.COMMON


def tanween_word(tok: Tok) -> bool:
    """A word with the tanween of an adverb or a predicate ("عمل مراسلاً", worked as a reporter)
    that is no listed name in the accusative ("اعتقلوا خالداً", they arrested Khalid)."""
    if not tok.raw.endswith("\u064b"):
        return False
    stem = unmarked(tok.raw).removesuffix("ا")
    return name_strength(Tok(tok.start, tok.end, stem, fold(stem))) is NameStrength.NONE


def _past_tense_too(raw: str) -> bool:
    """The name has the shape of a past-tense verb in "-t" whose "they did" form is frequent:
    "طلعت" (Tal'at; she went out, "طلعوا"), "رفعت" (Rif'at; she raised, "رفعوا")."""
    return len(raw) >= 4 and raw.endswith("ت") and zipf(raw[:-1] + "وا", "ar") >= 3.0


def _ordinary_too(tok: Tok) -> bool:
    """The name is also an ordinary word: one of the ordinary-word tests of arabic_words, or a
    word that takes the preposition "بـ" ("بنور", with light), the feminine ending of an
    adjective ("ثابتة", fixed) or a possessive suffix ("خلفها", behind her; Persian "روزم", my
    day, "روزها", days). Names rarely take any of these, nor the tanween of an adverb ("ليلاً",
    at night)."""
    if tok.raw.endswith("\u064b"):
        return True
    raw = unmarked(tok.raw)
    if ordinary(tok) or common_noun(raw) or persian_word(raw):
        return True
    with_bi = zipf("ب" + raw, "ar")
    if (with_bi >= 2.5 and with_bi > zipf(raw, "ar") - _BI_GAP) or zipf(raw + "ة", "ar") >= 4.0:
        return True
    possessive = [zipf(raw + s, "ar") for s in _ARABIC_SUFFIXES]
    possessive += [zipf(raw + s, "fa") for s in _PERSIAN_SUFFIXES]
    return max(possessive) >= 3.0
