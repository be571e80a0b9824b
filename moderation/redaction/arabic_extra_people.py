# ruff: noqa: RUF001, RUF002  (multilingual text: Arabic letters are data)
"""More people in Arabic script known by the words around them, whether or not the name is on a
list, suggested below the leak guard's threshold (0.6-0.75), after the rules of
arabic_weak_names and arabic_subject_names:

- a word right after a title of address ("خانم الهام", "مهندس صالحی", "آقای بهرامی"): in a
  Persian text also a word that starts with "ال", which is no article there ("الهام", Elham);
  in Arabic a word shaped like a name;
- an Afghan compound name in "‌داد" (given by) after a listed name or God's name ("سخی‌داد",
  "حسین‌داد", "خدای‌داد"; not "رخ‌داد", an event);
- Afghan compounds of name parts ("گل‌بی‌بی", "شاه‌محمود") and a name before "خان", "آغا",
  "گل" ("احمد خان", "شیر آغا", "بی‌بی گل");
- the father's name after "بت" / "بنت" / "ود" / "ولد" (daughter / son of) and a person found
  ("آمنة بت حسن");
- in Persian, a listed name after "به", "از", "برای" that no place rule took ("از احمد
  پرسیدم"), one that is also a word only before a verb of speaking ("به فرشته زنگ زدم");
  "X را" and "من و X" for a word shaped like a name on no list ("ماموران کامیار را گرفتند");
- a word at a clause's start before "from" and a place found ("دوكا من اريتريا ماتت"), a
  word before "وانا" (and I: "سيمون وانا هربنا"), and two words joined by "و" at a clause's
  start before a verb in the plural ("آزاد وروناهي هربوا");
- the second of a pair joined by "و" to a person found, a word shaped like a name on no list
  ("با آرش و سپهر", "قصي ويمان");
- the other mentions of a word found so.
"""

from __future__ import annotations

from collections.abc import Sequence

from .arabic_cue_words import KIN_ADJECTIVES, PERSON_CUES, STOP, TITLES
from .arabic_name_extent import adjacent, starts_sentence
from .arabic_name_lexicon import NameStrength, name_strength
from .arabic_name_links import name_shaped
from .arabic_name_shapes import verb_shaped
from .arabic_person_pass import PersonPass
from .arabic_words import (
    Tok,
    after_first_letter,
    arabic_zipf,
    definite,
    persian_common,
    persian_verb,
)
from .folding import fold, folded_words
from .language import zipf
from .model import Suggestion, suggestion

_TITLED = 0.7
_COMPOUND = 0.75
_PAIR = 0.8
_GUESS = 0.6
_MENTION = 0.6
_ZWNJ = "\u200c"
_GIVEN_BY = fold("داد")
# Persian possessive and plural endings: their, our, your, -s, your, his/her, my, your.
_ENDINGS = ("شان", "مان", "تان", "ها", "ات", "ش", "م", "ت")
_GOD = folded_words("خدا خدای الله حق")
_CHILD_OF = folded_words("بت بنت ود ولد")
_AND = "و"
_I = folded_words("انا أنا")
_AND_I = folded_words("وانا وأنا")
# The parts of Afghan compound names (Pashto and Dari use): flower, lady, khan, agha, king, lion,
# emir, light, friend, sultan, and the names of the Prophet's family.
_AFGHAN_PARTS = folded_words("گل بی خان آغا آقا شاه شیر میر نور دوست سلطان محمد احمد علی حسین")
# What follows a name in an Afghan compound written in two words: "احمد خان", "شیر آغا",
# "بی‌بی گل" (not "جان", whose name alone is labelled).
_AFGHAN_TAILS = folded_words("خان آغا آقا گل")
_OBJECT_MARK = fold("را")
# Persian "to", "from", "for": before a listed name on no place's list, the person ("از احمد
# پرسیدم", I asked Ahmad; "برای زهرا نوشتم"); a name that is also a word only before a verb of
# speaking or calling ("به فرشته زنگ زدم", not "به امید خدا", with God's help).
_TO_FROM_FOR = folded_words("به از برای")
_TOLD = folded_words("گفتم گفت گفتیم زنگ پیام پرسیدم پرسید شنیدم نوشتم قول سلام کمک")
# "from": "دوكا من اريتريا ماتت" (Doka, from Eritrea, died), "رحیم از هرات آمد".
_FROM = {False: fold("من"), True: fold("از")}
# Endings of verbs with a dative or an object after the plural: "بكتبلك" (I write to you),
# "اخذونا" (they took us), "طردوهم".
_VERB_ENDINGS = ("لك", "لي", "لنا", "له", "لها", "ونا", "وني", "وه", "وها", "وهم")
_WE = folded_words("احنا نحنا نحن إحنا حنا هنن هني انتو انتم اني ما")
_ME = fold("من")
# Kin words with the article, as case notes write them before an adjective of age and the name:
# "الابن الأكبر X" (the eldest son X), "الابنة الصغرى X".
_THE_KIN = folded_words("الابن الابنة البنت الاخ الأخ الاخت الأخت الزوج الزوجة الحفيد الحفيدة")


class _Extra(PersonPass):
    def __init__(self, text: str, toks: Sequence[Tok], found: Sequence[Suggestion]) -> None:
        super().__init__(text, toks, found)
        self.names: set[str] = set()
        self.place_starts = {s.start for s in found if s.kind == "place"}

    def add(self, tok: Tok, conf: float, word: str | None = None) -> None:
        self.add_person(tok.start, tok.end, conf)
        self.names.add(tok.word if word is None else word)

    def spaced(self, k: int) -> bool:
        return adjacent(self.text, self.toks, k)

    def titled(self, k: int, persian: bool) -> bool:
        """Token k follows a title of address (see the docstring)."""
        if k == 0 or self.toks[k - 1].word not in TITLES or not self.spaced(k - 1):
            return False
        tok = self.toks[k]
        word = tok.word
        if len(word) < 3 or word in STOP or word in PERSON_CUES or word in TITLES:
            return False
        if not persian:
            return name_shaped(tok) and not verb_shaped(tok)  # "الحاج احتجزها", detained her
        if persian_verb(tok.raw) or persian_common(tok.raw) or zipf(tok.raw, "fa") >= 4.9:
            return False
        plain = Tok(tok.start + 2, tok.end, tok.raw[2:], word[2:]) if definite(tok) else tok
        return definite(tok) or name_shaped(plain, True)

    def given_by(self, tok: Tok) -> bool:
        """An Afghan compound name in "‌داد" (see the docstring)."""
        if _ZWNJ not in tok.raw:
            return False
        parts = tok.raw.split(_ZWNJ)
        if len(parts) != 2 or fold(parts[1]) != _GIVEN_BY:
            return False
        first = fold(parts[0])
        if first in _GOD:
            return True
        head = Tok(tok.start, tok.start + len(parts[0]), parts[0], first)
        return len(first) >= 3 and name_strength(head) in (NameStrength.RARE, NameStrength.COMMON)

    def child_of(self, k: int) -> bool:
        """Token k follows "بت/بنت/ود/ولد" after a person found: the father's name."""
        if k < 2 or self.toks[k - 1].word not in _CHILD_OF:
            return False
        ends = self.person_ends
        if self.toks[k - 2].end not in ends and self.toks[k - 1].end not in ends:
            return False  # "خديجة" or "خديجة بت" found before it
        if not (self.spaced(k - 2) and self.spaced(k - 1)):
            return False
        tok = self.toks[k]
        return name_strength(tok) is not NameStrength.NONE or name_shaped(tok)

    def paired(self, k: int, persian: bool) -> Tok | None:
        """Token k is the second of a pair joined by "و" to a person found; the name."""
        tok = self.toks[k]
        if k >= 2 and self.toks[k - 1].word == _AND and self.toks[k - 2].end in self.person_ends:
            if self.spaced(k - 2) and self.spaced(k - 1) and name_shaped(tok, persian):
                return tok
            return None
        if persian or k < 1 or tok.word[:1] != _AND or len(tok.word) < 4:
            return None
        anchored = self.toks[k - 1].end in self.person_ends or self.toks[k - 1].word in _I
        if not anchored or not self.spaced(k - 1):
            return None  # "قصي ويمان", "انا وشيرين" (Shirin and I)
        if arabic_zipf(tok.raw) >= 3.0:  # a word of its own: "ولدت" (she gave birth), "وقعت"
            return None
        rest = after_first_letter(tok)
        return rest if name_shaped(rest) and not verb_shaped(rest) else None

    def persian_object(self, k: int) -> bool:
        """Persian "X را" (X as the object) and "من و X" (X and I), X shaped like a name."""
        tok = self.toks[k]
        before_ra = self.spaced(k) and self.toks[k + 1].word == _OBJECT_MARK
        after_me = k >= 2 and self.toks[k - 1].word == _AND and self.toks[k - 2].word == _ME
        after_me = after_me and self.spaced(k - 2) and self.spaced(k - 1)
        return (before_ra or after_me) and name_shaped(tok, True) and not _possessed(tok.raw)

    def addressed(self, k: int) -> bool:
        """Persian: token k is a listed name after "به", "از" or "برای" (see _TO_FROM_FOR)."""
        if k == 0 or self.toks[k - 1].word not in _TO_FROM_FOR or not self.spaced(k - 1):
            return False
        strength = name_strength(self.toks[k])
        if strength in (NameStrength.RARE, NameStrength.COMMON):
            return True
        told = self.spaced(k) and self.toks[k + 1].word in _TOLD
        return strength is NameStrength.WORD and told

    def and_i(self, k: int, persian: bool) -> bool:
        """Token k is followed by "وانا" (and I): "سيمون وانا هربنا" (Simon and I fled)."""
        if persian or not self.spaced(k) or self.toks[k + 1].word not in _AND_I:
            return False
        tok = self.toks[k]
        return name_shaped(tok) and not verb_shaped(tok)

    def pair_acting(self, k: int, persian: bool) -> list[Tok]:
        """Tokens k and the next, two words shaped like names joined by "و" at a clause's
        start, before a verb in the plural: "آزاد وروناهي هربوا" (Azad and Ronahi fled),
        "صمد و رامین آمدند"; both are people."""
        if not starts_sentence(self.text, self.toks, k) or not self.spaced(k):
            return []
        first, nxt = self.toks[k], self.toks[k + 1]
        if nxt.word == _AND and self.spaced(k + 1) and k + 2 < len(self.toks):
            second, verb_at = self.toks[k + 2], k + 3
        elif nxt.word[:1] == _AND and len(nxt.word) > 3 and arabic_zipf(nxt.raw) < 3.0:
            second, verb_at = after_first_letter(nxt), k + 2
        else:
            return []
        if verb_at >= len(self.toks) or not self.spaced(verb_at - 1):
            return []
        verb = self.toks[verb_at].raw
        plural = verb.endswith("ند") if persian else verb.endswith(("وا", "و")) and len(verb) > 3
        if not plural or not name_shaped(first, persian) or not name_shaped(second, persian):
            return []
        return [first, second]

    def afghan_compound(self, tok: Tok) -> bool:
        """One word of parts joined by the zero-width non-joiner, each a part of Afghan names
        or a listed name: "گل‌بی‌بی", "شاه‌محمود" (not "گل‌ها", flowers; "علی‌آباد", a town)."""
        if _ZWNJ not in tok.raw:
            return False
        parts = [p for p in tok.raw.split(_ZWNJ) if p]
        if len(parts) < 2 or len({fold(p) for p in parts}) < 2:
            return False  # "بی‌بی" alone is a title (lady): "بی‌بی حوا"
        return all(self.afghan_part(p) for p in parts)

    def afghan_part(self, raw: str) -> bool:
        word = fold(raw)
        if word in _AFGHAN_PARTS:
            return True
        strength = name_strength(Tok(0, len(raw), raw, word))
        return len(word) >= 3 and strength in (NameStrength.RARE, NameStrength.COMMON)

    def afghan_pair(self, k: int) -> bool:
        """Tokens k and k + 1 are a name and "خان", "آغا" or "گل": "احمد خان", "بی‌بی گل"."""
        if not self.spaced(k) or self.toks[k + 1].word not in _AFGHAN_TAILS:
            return False
        tok = self.toks[k]
        return self.afghan_part(tok.raw) or self.afghan_compound(tok)

    def from_place(self, k: int, persian: bool) -> bool:
        """Token k starts a clause, is shaped like a name and is followed by "from" and a place
        found: "دوكا من اريتريا ماتت", "رحیم از هرات آمد" (not "الناس من سوريا")."""
        if k + 2 >= len(self.toks) or not self.spaced(k) or not self.spaced(k + 1):
            return False
        if self.toks[k + 1].word != _FROM[persian]:
            return False
        if self.toks[k + 2].start not in self.place_starts:
            return False
        tok = self.toks[k]
        before = self.text[self.toks[k - 1].end : tok.start] if k else "."
        if before.strip()[-1:] not in (".", "!", "؟", "?") and "\n" not in before:
            return False  # "قاسم، تركماني من تلعفر": a description after a comma
        if tok.word in _WE or tok.raw.endswith(_VERB_ENDINGS):
            return False  # "احنا من الموصل" (we), "بكتبلك من عنتاب", "اخذونا من كوجو"
        return name_shaped(tok, persian) and not verb_shaped(tok)

    def kin_of_age(self, k: int) -> bool:
        """Token k follows a kin word with the article and an adjective of age: "الابن الأكبر
        سيدو يعمل" (the eldest son, Sido, works); not a verb ("الابن الأكبر يعمل")."""
        if k < 2 or self.toks[k - 1].word not in KIN_ADJECTIVES:
            return False
        if self.toks[k - 2].word not in _THE_KIN or not self.spaced(k - 2):
            return False
        tok = self.toks[k]
        return self.spaced(k - 1) and name_shaped(tok) and not verb_shaped(tok)

    def run(self, persian: bool) -> list[Suggestion]:
        for k, tok in enumerate(self.toks):
            if persian and self.afghan_pair(k):
                end = self.toks[k + 1].end
                raw = self.text[tok.start : end]
                self.out.append(suggestion(tok.start, end, "person", _PAIR, "arabic_names", raw))
                self.cover(tok.start, end)
                continue
            if k in self.covered:
                continue
            if persian and self.afghan_compound(tok):
                self.add(tok, _COMPOUND)
            elif self.titled(k, persian):
                self.add(tok, _TITLED)
            elif persian and self.given_by(tok):
                self.add(tok, _COMPOUND)
            elif self.child_of(k) or (persian and self.persian_object(k)):
                self.add(tok, _GUESS)
            elif persian and self.addressed(k):
                self.add(tok, _COMPOUND)
            elif not persian and self.kin_of_age(k):
                self.add(tok, _TITLED)
            elif self.and_i(k, persian) or self.from_place(k, persian):
                self.add(tok, _GUESS)
            elif acting := self.pair_acting(k, persian):
                for name in acting:
                    self.add(name, _GUESS)
            else:
                pair = self.paired(k, persian)
                if pair is not None:
                    self.add(pair, _GUESS)
        for k, tok in enumerate(self.toks):
            if k not in self.covered and tok.word in self.names and len(tok.word) >= 3:
                self.add(tok, _MENTION)
        return self.out


def _possessed(raw: str) -> bool:
    """A Persian noun with a possessive or plural ending ("پایش", his foot; "مادرشان", their
    mother; "زنها", women), a compound ("همه‌چیز"), or a noun of place in "گاه" ("آرایشگاه")."""
    if _ZWNJ in raw or (raw.endswith("گاه") and len(raw) > 5):
        return True
    return any(
        raw.endswith(ending)
        and len(raw) - len(ending) >= 2
        and zipf(raw[: -len(ending)], "fa") >= 3.0
        for ending in _ENDINGS
    )


def extra_people(
    text: str, toks: Sequence[Tok], found: Sequence[Suggestion], persian: bool
) -> list[Suggestion]:
    """People known by a title, a compound, a father's or a partner's name (see the module's
    docstring), below the leak guard's threshold."""
    return _Extra(text, toks, found).run(persian)
