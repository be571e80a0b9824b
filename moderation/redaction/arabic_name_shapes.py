# ruff: noqa: RUF001  (multilingual text: Arabic letters are data)
"""Shapes of Arabic-script given names that no list holds: a name in one word ending in "الله"
("نورالله", "ذبیح‌الله", "عزیزالله"; Afghan names mostly, which Faker's Persian list lacks),
the word in Persian "من X هستم" (I am X) and "X نام داشت" (was named X), and the word after
"her real name" ("اسمها الحقيقي X")."""

from __future__ import annotations

from collections.abc import Sequence

from .arabic_cue_words import GOD_FORMULAE, KIN_ADJECTIVES, PERSON_CUES, RELATIONS
from .arabic_name_lexicon import NameStrength, name_strength
from .arabic_words import (
    Tok,
    arabic_zipf,
    bare,
    common_noun,
    definite,
    ordinary,
    unlike_a_name,
    verb_like,
)
from .folding import fold

# The formulae also as typed without their hamza ("انشاالله", "ماشاالله").
_FORMULAE = GOD_FORMULAE | frozenset(f.removesuffix("ء") for f in GOD_FORMULAE)


def god_compound(tok: Tok) -> bool:
    """A given name in one word ending in "الله", not a formula ("انشاءالله", "ماشاءالله",
    "بسمالله", with or without the hamza), nor a frequent word (a four-letter stem at least:
    "والله", "بالله" are not)."""
    stem = tok.word[:-4]
    return (
        tok.word.endswith("الله")
        and len(stem) >= 3
        and stem not in _FORMULAE
        and arabic_zipf(tok.raw) < 4.0
    )


_I_AM = frozenset(("هستم", "استم"))
_RARE = 2.5  # Zipf: an invented or a rare name, not a word
_FROM = "از"
# "X نام داشت" (was named X), "X نام دارد" (is named X).
_NAME_WORD = "نام"
_HAD = frozenset(fold(w) for w in ("داشت", "دارد", "داشتم", "دارم", "داشتند"))


def persian_i_am(toks: Sequence[Tok], i: int) -> bool:
    """Token i is X in "من X هستم" (I am X; an ordinary word there, "خسته", tired, is capped
    below the leak guard's threshold by the detector's plain-word test), or, when X is a listed
    given name or a rare word, in "من X Y هستم" and "من X Y از Z هستم" (I am X Y from Z; not
    "من خیلی خسته هستم", I am very tired)."""
    if not (i > 0 and toks[i - 1].word == "من"):
        return False
    following = [t.word for t in toks[i + 1 : i + 5]]
    if following[:1] and following[0] in _I_AM:
        return True
    if name_strength(toks[i]) is NameStrength.NONE and arabic_zipf(toks[i].raw) >= _RARE:
        return False
    for k, word in enumerate(following[:2]):
        if word in _I_AM:
            return True
        if word == _FROM:
            return any(w in _I_AM for w in following[k + 2 : k + 4])
    return False


def persian_named(toks: Sequence[Tok], i: int) -> bool:
    """Token i is X in "X نام داشت" (was named X)."""
    return i + 2 < len(toks) and toks[i + 1].word == _NAME_WORD and toks[i + 2].word in _HAD


# "real", "original" after a naming word: "اسمها الحقيقي X", Persian "اسم اصلیم X".
_REAL = frozenset(
    fold(w)
    for w in (
        "الحقيقي",
        "الحقيقية",
        "الاصلي",
        "الأصلي",
        "اصلیم",
        "اصلیش",
        "اصلی",
        "واقعیم",
        "واقعی",
    )
)
_NAMING = frozenset(
    fold(w) for w in ("اسمي", "اسمه", "اسمو", "اسمها", "اسم", "نام", "اسمم", "اسمش")
)


# "me", "him", "her", "us" after a Persian noun: "اسم اصلی من", "اسم واقعی او".
_MY = frozenset(fold(w) for w in ("من", "او", "ما"))


def _naming(word: str) -> bool:
    """A naming word, also with "و" (and) glued on: "واسمي"."""
    return word in _NAMING or (word[:1] == "و" and word[1:] in _NAMING)


def real_name(toks: Sequence[Tok], i: int) -> bool:
    """Token i is X in "اسمها الحقيقي X" (her real name is X), "واسمي الحقيقي X", "اسم اصلیم
    X", Persian "اسم اصلی من X" (my real name)."""
    if i > 1 and toks[i - 1].word in _REAL and _naming(toks[i - 2].word):
        return True
    return (
        i > 2
        and toks[i - 1].word in _MY
        and toks[i - 2].word in _REAL
        and _naming(toks[i - 3].word)
    )


# "me" as an object ("مرا", colloquial "منو") and the verb "call" after the name: "همه مرا X
# صدا می‌کنند" (everyone calls me X), "منو X صدا میزنن".
_ME_OBJECT = frozenset(fold(w) for w in ("مرا", "منو", "منرا"))
_CALL = fold("صدا")


def named_outright(toks: Sequence[Tok], i: int) -> bool:
    """Token i is a name the sentence says is one: a real name, "X نام داشت", "مرا X صدا
    می‌کنند"."""
    return real_name(toks, i) or persian_named(toks, i) or persian_called_me(toks, i)


def persian_called_me(toks: Sequence[Tok], i: int) -> bool:
    """Token i starts X in "مرا X صدا می‌کنند" (they call me X; X of one or two words)."""
    if not (i > 0 and toks[i - 1].word in _ME_OBJECT):
        return False
    return any(t.word == _CALL for t in toks[i + 1 : i + 3])


# "named" (she, he, we, I, they) before the child and its name: "سمت البنت حرية".
_NAMED_VERBS = frozenset(fold(w) for w in ("سمت", "سمى", "سمينا", "سميت", "سموا", "سمّت", "سمّى"))


def named_child(toks: Sequence[Tok], i: int) -> bool:
    """Token i is X in "سمت البنت X", "سمينا ابننا X" (named the girl, our son X)."""
    verb = toks[i - 2].word if i >= 2 else ""
    if verb not in _NAMED_VERBS and not (verb[:1] in "وف" and verb[1:] in _NAMED_VERBS):
        return False  # also "وسمت"; not "رسمت" (drew)
    child = toks[i - 1].word
    return child.startswith("ال") or child.endswith(("ها", "ه", "نا", "ي"))


# Persian "با X آشنا شدم / ازدواج کردم" (got to know, married X), "X به من گفت" (X told me).
_WITH = fold("با")
_AND = "و"
_MET_WITH = frozenset(fold(w) for w in ("آشنا", "ازدواج", "عروسی", "نامزد", "دوست"))
_TO = fold("به")
_ME_US = frozenset(fold(w) for w in ("من", "ما", "مادرم", "پدرم"))
_TOLD = frozenset(fold(w) for w in ("گفت", "گفته", "گفتند", "زنگ", "پیام", "کمک"))


def persian_met(toks: Sequence[Tok], i: int) -> bool:
    """Token i is X in Persian "با X آشنا شدم", "با X ازدواج کردم" (got to know, married X), or
    a sentence's first word in "X به من گفت" (X told me), "X به ما کمک کرد" (X helped us)."""
    nxt = toks[i + 1].word if i + 1 < len(toks) else ""
    before = toks[i - 1].word if i > 0 else ""
    if before == _WITH and nxt in _MET_WITH:
        return True
    # Two people: "با X و Y آشنا شدم" (got to know X and Y)
    if before == _WITH and nxt == _AND and i + 3 < len(toks) and toks[i + 3].word in _MET_WITH:
        return True
    if before == _AND and i > 2 and toks[i - 3].word == _WITH and nxt in _MET_WITH:
        return True
    following = [t.word for t in toks[i + 1 : i + 4]]
    return (
        following[:1] == [_TO]
        and following[1:2] != []
        and following[1] in _ME_US
        and (following[2:3] != [] and following[2] in _TOLD)
    )


# "known as", "known by the name" (MSA): "المعروف باسم X", "يعرف باسم X".
_BY_NAME = frozenset(fold(w) for w in ("باسم", "بإسم", "بلقب", "بكنية"))
_KNOWN = frozenset(fold(w) for w in ("المعروف", "المعروفة", "يعرف", "تعرف", "معروف", "معروفة"))
# Persian "خود را X معرفی کرد" (introduced himself as X).
_SELF = frozenset(fold(w) for w in ("خود", "خودش", "خودم", "خودشان"))
_OBJECT = fold("را")
_INTRODUCED = fold("معرفی")


def known_as(toks: Sequence[Tok], i: int) -> bool:
    """Token i is X in "المعروف باسم X" (known by the name X) or Persian "خود را X معرفی
    کرد" (introduced himself as X)."""
    if i > 1 and toks[i - 1].word in _BY_NAME and toks[i - 2].word in _KNOWN:
        return True
    return (
        i > 1
        and toks[i - 1].word == _OBJECT
        and toks[i - 2].word in _SELF
        and i + 1 < len(toks)
        and toks[i + 1].word == _INTRODUCED
    )


# The second halves of Afghan and Iranian compound names: "قربان‌علی", "اکبرخان", "گل‌محمد".
_NAME_TAILS = tuple(
    fold(w)
    for w in ("علی", "علي", "محمد", "احمد", "حسین", "حسين", "رضا", "خان", "جان", "شاه", "آقا")
)
_ZWNJ = "\u200c"


def name_compound(tok: Tok) -> bool:
    """A compound given name in one word: a word, the zero-width non-joiner and a name's
    second half ("قربان‌علی", "گل‌محمد"; not a verb "می‌..."), or a listed name and the half
    written on ("اکبرخان")."""
    if _ZWNJ in tok.raw:
        parts = tok.raw.split(_ZWNJ)
        first = fold(parts[0])
        return (
            len(parts) == 2
            and fold(parts[1]) in _NAME_TAILS
            and len(first) >= 2
            and first not in ("می", "نمی")
        )
    word = tok.word
    for tail in _NAME_TAILS:
        if word.endswith(tail) and len(word) >= len(tail) + 3:
            stem = word[: -len(tail)]
            raw_stem = tok.raw[: len(tok.raw) - len(tail)]
            strength = name_strength(Tok(tok.start, tok.end, raw_stem, stem))
            return strength in (NameStrength.RARE, NameStrength.COMMON)
    return False


def verb_shaped(tok: Tok) -> bool:
    """A long word with an object or possessive suffix ("احتجزها", detained her; names seldom
    end so), or an unlisted word of three letters in "-t" ("ضلت", she stayed; "نامت")."""
    w = tok.word
    if len(w) >= 6 and w.endswith(("ها", "هم")):
        return True
    return len(w) == 3 and w.endswith("ت") and name_strength(tok) is NameStrength.NONE


def listed_with_article(tok: Tok) -> bool:
    """A listed name with the article, as Sudanese and Gulf names are written ("الصادق",
    "الطاهر", "الزين"): an adjective too, so only after a kin word."""
    if not definite(tok) or tok.word in KIN_ADJECTIVES or tok.word in PERSON_CUES:
        return False
    rest = Tok(tok.start + 2, tok.end, tok.raw[2:], tok.word[2:])
    return name_strength(rest) is not NameStrength.NONE


_NAMING_WORDS = frozenset(fold(w) for w in ("اسم", "نام"))


def name_of_kin(toks: Sequence[Tok], i: int) -> bool:
    """Token i is X in "اسم دخترت X" (your daughter's name is X), "اسم بنتها X": a naming word
    and a possessed kin word before it."""
    if i < 2 or toks[i - 2].word not in _NAMING_WORDS:
        return False
    kin = toks[i - 1]
    possessed = kin.word.endswith(("م", "ت", "ش", "ي", "ه", "ها"))
    return kin.word in PERSON_CUES or (possessed and bare(kin.word[:-1]) in RELATIONS)


def given_and_nisba(toks: Sequence[Tok], i: int, persian: bool) -> bool:
    """Tokens i and i + 1 are a word without the article and a family's nisba: a definite
    word in "-i" that is neither an ordinary word nor an adjective ("بدر الشمري", "منى
    العنزي"; not "الشعب السوري", whose nisba is an adjective as often as not). An indefinite
    noun before a definite adjective is no phrase of Arabic; before a nisba, a name."""
    first, second = toks[i], toks[i + 1]
    if persian or definite(first) or len(first.word) < 3 or not definite(second):
        return False
    if not second.word.endswith("ي") or ordinary(second) or common_noun(second.raw):
        return False
    if arabic_zipf(second.raw) >= 4.5 or arabic_zipf(first.raw) >= 5.5:
        return False
    if first.word in PERSON_CUES or verb_like(first) or unlike_a_name(first, persian):
        return False
    return not common_noun(first.raw) or name_strength(first) is not NameStrength.NONE
