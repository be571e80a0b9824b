"""The state of one pass over the Arabic-script words of a text, and what every rule of that
pass asks of it: the tokens, the gazetteer, whether the text is Persian or Kurdish, the words
before a token, and how a suggestion is recorded (one made only of ordinary and cue words stays
below the leak guard's threshold). The rules are in arabic_places and arabic_names."""

from __future__ import annotations

import re
from collections.abc import Container

from .arabic_country_names import arabic_script_places
from .arabic_cue_words import (
    CASE_ROLES,
    FROM_IN,
    KIN_POSSESSED,
    KURDISH_LETTERS,
    NAME_CUES,
    ORG_WORDS,
    PERSON_CUES,
    PLACE_CUES,
    STOP,
)
from .arabic_form_fields import no_value
from .arabic_name_extent import adjacent, chain
from .arabic_name_lexicon import NameStrength, name_strength
from .arabic_name_links import name_shaped
from .arabic_name_shapes import name_compound
from .arabic_words import (
    Tok,
    bare,
    common_noun,
    definite,
    ordinary,
    persian_text,
    persian_word,
    unlike_a_name,
)
from .folding import fold
from .gazetteer import load_gazetteer
from .model import HIGH_CONFIDENCE, Suggestion, suggestion

_ARABIC_TWINS = str.maketrans("یک", "يك")
# Kurdish AE (U+06D5) is a letter; the Urdu full stop before it (U+06D4) is not.
_AR_TOKEN = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06D5\u064B-\u065F\u0670\u200c]+")
# A suggestion made only of ordinary and cue words ("حي قديم"): below the leak guard's threshold.
_PLAIN_WORDS = 0.8
# Persian "بنام" (named) is Levantine "I sleep": a naming cue in a Persian text only.
_BI_NAME = fold("بنام")
_SENTENCE_BREAKS = frozenset(".!?؟\n")
# Negations: a verb follows them, not a town ("لن أنسى", I will not forget); not "لا", which
# also leads "neither X nor Y" ("لا داريا ولا المعضمية").
_NEGATIONS = frozenset(("لن", "لم", "ما", "مش", "وما", "ولم"))
# In a Persian text also: "اهل" (native of), spoken Dari "ده" (in: "ده مشهد") and Iranian
# "توی" (in: "توی گوتنبرگ").
_PERSIAN_IN = frozenset(fold(w) for w in ("اهل", "ده", "توی"))


class _Either:
    """Names in either of two collections."""

    def __init__(self, first: Container[str], second: Container[str]) -> None:
        self.first = first
        self.second = second

    def __contains__(self, name: object) -> bool:
        return name in self.first or name in self.second


class ArabicScan:
    """One pass over the Arabic-script words of a text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.gaz = load_gazetteer().arabic
        self.countries = arabic_script_places()
        self.two_word_names = _Either(self.gaz, self.countries)
        self.toks = [
            Tok(m.start(), m.end(), m.group(), fold(m.group())) for m in _AR_TOKEN.finditer(text)
        ]
        self.out: list[Suggestion] = []
        self.given: set[str] = set()
        # In Persian "من" is "I", not "from", and "اهل" is "native of" ("۲۴ ساله، اهل اصفهان";
        # in Arabic it is one's family), spoken Dari "ده" and Iranian "توی" are "in" (spoken
        # "تو", "in" as well as "you", was tried and left out: "تو کیف من", in my bag, made a
        # bag a sure place): Persian text writes "ی" and "ک" where Arabic writes "ي" and "ك".
        self.persian = persian_text(text)
        self.from_in = (FROM_IN - {"من"}) | _PERSIAN_IN if self.persian else FROM_IN
        self.kurdish = any(letter in text for letter in KURDISH_LETTERS)
        self._glued: dict[int, str] = {}  # token start -> the word after a glued "ع"

    def known(self, word: str, names: Container[str] | None = None) -> bool:
        """A folded word (or words) is in the gazetteer's Arabic-script names, or in `names`.
        A Persian text writes "ی" and "ک" where the gazetteer may have Arabic's "ي" and "ك"
        ("تهران" is there, "ایران" only as "إيران")."""
        names = self.gaz if names is None else names
        return word in names or (self.persian and word.translate(_ARABIC_TWINS) in names)

    def population(self, word: str) -> int:
        """The population of the biggest place of the gazetteer named by a folded word (0 for
        none), in either keyboard's letters in a Persian text."""
        found = self.gaz.get(word, 0)
        if self.persian:
            found = max(found, self.gaz.get(word.translate(_ARABIC_TWINS), 0))
        return found

    def adjacent(self, i: int) -> bool:
        return adjacent(self.text, self.toks, i)

    def add(self, i: int, j: int, kind: str, conf: float) -> int:
        """Suggest tokens i..j; returns the next token to look at."""
        start, end = self.toks[i].start, self.toks[j].end
        if conf >= HIGH_CONFIDENCE and all(self.plain(k) for k in range(i, j + 1)):
            conf = _PLAIN_WORDS
        self.out.append(suggestion(start, end, kind, conf, "arabic_names", self.text[start:end]))
        return j + 1

    def plain(self, k: int) -> bool:
        """Token k is a cue word or an ordinary word (see common_noun)."""
        tok = self.toks[k]
        cue = tok.word in PLACE_CUES or tok.word in ORG_WORDS or tok.word in PERSON_CUES
        known = self.known(tok.word) or self.known(bare(tok.word))
        return cue or ordinary(tok) or common_noun(tok.raw) or (not known and persian_word(tok.raw))

    def usable(self, i: int) -> bool:
        """Token i can be (part of) a name."""
        return i < len(self.toks) and not ordinary(self.toks[i]) and len(self.toks[i].word) >= 2

    def chain(self, j: int) -> int:
        return chain(self.text, self.toks, j)

    def prev(self, i: int, back: int = 1) -> str:
        """The folded word `back` tokens before token i ("" at the start)."""
        return self.toks[i - back].word if i >= back else ""

    def family_like(self, i: int) -> bool:
        """Token i is a definite word that is no ordinary word or common noun: a nisba or a
        family's name ("الزنتاني", "الحلبي"), not "الحقيقي" (real) or "الكبير" (the elder)."""
        tok = self.toks[i]
        return definite(tok) and self.usable(i) and not common_noun(tok.raw)

    def kin_after(self, i: int) -> bool:
        """Token i is followed by a kin word with its possessive: "ما ضل غير زياد اخوها" (only
        Ziad her brother was left)."""
        return self.adjacent(i) and self.toks[i + 1].word in KIN_POSSESSED

    def field_value(self, i: int, kind: str) -> int | None:
        """The value of an intake form's field at token i ("نام پدر: رحمت‌الله", "محل سکونت:
        گلشهر"; arabic_form_fields), to the end of its line and four words at most: at the leak
        guard's threshold when it looks like a name or a town of the gazetteer, below it when
        it is an ordinary word that says what is no name ("نام پدر: شهید", martyr; "مكان
        الإقامة: كرفانات", caravans)."""
        tok = self.toks[i]
        if not self.usable(i) or tok.word in STOP or no_value(tok.word):
            return None
        j = i
        while j < i + 3 and self.adjacent(j) and (self.usable(j + 1) or self.prev(j + 1) == "عبد"):
            j += 1  # "مريم يعقوب عبد الكريم"; adjacent: on the same line
        if tok.word in PLACE_CUES and j > i:
            tok = self.toks[i + 1]  # "مكان الولادة: قرية حردان": the village's name says it
        plain = common_noun(tok.raw) or persian_word(tok.raw) or unlike_a_name(tok, self.persian)
        if kind == "place":
            sure = self.known(tok.word) or self.known(bare(tok.word))
            return self.add(i, j, "place", HIGH_CONFIDENCE if sure else 0.75 if not plain else 0.6)
        listed = name_strength(tok) in (NameStrength.RARE, NameStrength.COMMON)
        self.given.add(tok.word)
        return self.add(i, j, "person", HIGH_CONFIDENCE if listed or not plain else 0.75)

    def negated(self, i: int) -> bool:
        """Token i follows a negation in an Arabic text: "لن", "لم", "ما", "مش", or "ما عاد" (no
        longer)."""
        if self.persian:
            return False  # Persian "ما" is "we", "our": "ولسوالی ما مالستان است"
        prev = self.prev(i)
        return prev in _NEGATIONS or (prev == "عاد" and self.prev(i, 2) in _NEGATIONS)

    def named_by_cue(self, i: int) -> bool:
        """Token i follows a naming cue in the same sentence: "اسمي X", "اسمها: X"; not "سميت
        بتي على اسمها. بعداك مشيت" (after that I went), nor Levantine "بنام" (I sleep)."""
        prev = self.prev(i)
        if prev not in NAME_CUES or (prev == _BI_NAME and not self.persian):
            return False
        gap = self.text[self.toks[i - 1].end : self.toks[i].start]
        return not _SENTENCE_BREAKS.intersection(gap)

    def after_cue(self, i: int, cues: frozenset[str]) -> bool:
        prev = self.prev(i)
        if prev in cues or bare(prev) in cues or self.possessive(i - 1, cues):
            return True
        # Levantine "ع" (on, to) glued to the cue: "عساحة المرجة"
        return not self.persian and prev[:1] == "ع" and len(prev) >= 4 and prev[1:] in cues

    def possessive(self, i: int, cues: frozenset[str]) -> bool:
        """Token i is Persian "-am" (my) written apart after a cue word ("خاله ام", my aunt),
        not the kunya "أم"."""
        return self.persian and self.toks[i].word == "ام" and self.prev(i) + "ام" in cues

    def role_before_a_verb(self, i: int) -> bool:
        """Token i follows a Persian role of case notes and has no name's shape: "مراجع اظهار
        داشت" (the client stated)."""
        tok = self.toks[i]
        return (
            self.persian
            and self.prev(i) in CASE_ROLES
            and not name_shaped(tok, True)
            and not name_compound(tok)
        )
