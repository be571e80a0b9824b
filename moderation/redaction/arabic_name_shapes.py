"""Shapes of Arabic-script given names that no list holds: a name in one word ending in "الله"
("نورالله", "ذبیح‌الله", "عزیزالله"; Afghan names mostly, which Faker's Persian list lacks),
the word in Persian "من X هستم" (I am X), and the word after "her real name" ("اسمها
الحقيقي X")."""

from __future__ import annotations

from collections.abc import Sequence

from .arabic_cue_words import GOD_FORMULAE
from .arabic_words import Tok, arabic_zipf
from .folding import fold


def god_compound(tok: Tok) -> bool:
    """A given name in one word ending in "الله", not a formula ("انشاءالله", "ماشاءالله",
    "بسمالله"), nor a frequent word (a four-letter stem at least: "والله", "بالله" are not)."""
    stem = tok.word[:-4]
    return (
        tok.word.endswith("الله")
        and len(stem) >= 3
        and stem not in GOD_FORMULAE
        and arabic_zipf(tok.raw) < 4.0
    )


def persian_i_am(toks: Sequence[Tok], i: int) -> bool:
    """Token i is X in "من X هستم" (an ordinary word there, "خسته", tired, is capped below the
    leak guard's threshold by the detector's plain-word test)."""
    return (
        0 < i < len(toks) - 1 and toks[i - 1].word == "من" and toks[i + 1].word in ("هستم", "استم")
    )


# "real", "original" after a naming word: "اسمها الحقيقي X", Persian "اسم اصلیم X".
_REAL = frozenset(
    fold(w) for w in ("الحقيقي", "الحقيقية", "الاصلي", "الأصلي", "اصلیم", "اصلیش", "اصلی", "واقعیم")
)
_NAMING = frozenset(
    fold(w) for w in ("اسمي", "اسمه", "اسمو", "اسمها", "اسم", "نام", "اسمم", "اسمش")
)


def real_name(toks: Sequence[Tok], i: int) -> bool:
    """Token i is X in "اسمها الحقيقي X" (her real name is X), "اسم اصلیم X"."""
    return i > 1 and toks[i - 1].word in _REAL and toks[i - 2].word in _NAMING
