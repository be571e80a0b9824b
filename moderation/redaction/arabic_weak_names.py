"""People named with weak evidence in Arabic script, suggested below the leak guard's threshold
so that staff see them: a listed given name that is also an ordinary word ("جود", generosity;
"سجاد", carpet) or a frequent one, where the words around it say "a person" though not strongly.

- after a verb whose object or subject is mostly a person (saw, found, helped, married, lost,
  buried, called: "شفت عمار", "ساعدنا سجاد"), or after "with", "at the house of" ("مع جود",
  "عند سلوى"; Persian "با", "پیش");
- after a kin word, a role or a title ("الحجي فاضل", "کاکا شیرین"), where the stronger rules of
  arabic_names want a name no ordinary word shares;
- in a list, after "و" next to a person found ("رنا وشهد"), even where "وX" is also a word;
- Persian "X را" (X as the object of a verb: "امید را دیدم") and "من و X" (X and I);
- another mention of a one-word name found in the text, with "و", "ب", "ل" or "ف" glued on
  ("ووفاء", and Wafa).

A listed name is evidence, not proof, and so is the word before it: each of these is a guess.
"""

from __future__ import annotations

from collections.abc import Sequence

from .arabic_cue_words import GREETINGS, PERSON_CUES, STOP, TITLES
from .arabic_extra_people import extra_people
from .arabic_name_lexicon import NameStrength, name_strength
from .arabic_name_links import name_shaped
from .arabic_person_pass import PersonPass
from .arabic_subject_names import subject_people
from .arabic_words import Tok, after_first_letter, arabic_zipf, common_noun, definite
from .folding import fold, folded_words
from .model import Suggestion

_GUESS = 0.65
_MENTION = 0.7
_SHAPED = 0.6
_COMPOUND = 0.75


_DIN = fold("الدين")
# The first words of the honorific names in "الدين" (Arabic onomastics: "نور الدين", "عز الدين");
# "رجال الدين" (clerics), "امور الدين" are no names.
_HONORIFICS = folded_words(
    "نور صلاح سيف عز علاء بهاء شمس جمال خير تاج نصر فخر ضياء شرف محي محيي زين عماد كمال نجم "
    "بدر حسام قمر سعد جلال برهان شهاب سراج ركن نظام قطب معين غياث"
)

# Verbs (Levantine, Iraqi, Gulf, Yemeni, Sudanese, MSA) after which a name is mostly a person's:
# saw, found, met, helped (with "us", "me": the name is then the subject), married, lost,
# buried, visited, called, asked, brought, raised, waited for, hugged, remembered.
_CONTACT_VERBS = folded_words(
    "شفت شفنا شافت شاف شافوا شافو رايت رأيت لقيت لقينا لقت لقى لقوا لقو "
    "ساعد ساعدت ساعدوا ساعدو ساعدني ساعدنا ساعدتني ساعدتنا ساعدهم "
    "تزوجت تزوجنا تزوج زوجوني زوجوها خطبت "
    "خسرت خسرنا فقدت فقدنا دفنت دفنا دفنوا ودعت "
    "زرت زرنا زارت زارنا زارني كلمت كلمنا كلمني سألت سالت سألنا ندهت "
    "جاب جابت جابو جابوا ربت ربى ربتني ربانا انتظرت استنيت حضنت بوست شكرت "
    "رافقت رافقنا رافقني وصلني وصلنا اخذني اخذنا اخدني اخدنا "
    # remember, miss (someone): "أتذكر سعاد وهي تضحك", "بتذكر خالد", "اشتقت لمنى"
    "أتذكر اتذكر بتذكر بذكر تذكرت تذكرنا اذكر أذكر"
)
# Greetings, thanks and blessings before the person's name: "شكرا X", "مرحبا X", "الله يرحم X";
# Persian "مرسی از X", "تشکر از X", "سلام X".
_FROM = fold("از")
# "With", "at the house of", Iraqi "with" (ويا); Persian and Dari "with", "at", "together with".
_WITH = folded_words("مع عند ويا وياه وياها بيت")
_PERSIAN_WITH = folded_words("با پیش همراه نزد")
_OBJECT_MARK = fold("را")
_AND = "و"
_ME = fold("من")
_TITLE_LIKE = PERSON_CUES | TITLES | folded_words("الملا")
_CLITICS = "وبلف"
# "and she" + a present tense of "she", "and he" + one of "he": "وهي تضحك", "وهو يركض".
_WHILE_DOING = frozenset({(fold("وهي"), "ت"), (fold("وهو"), "ي")})


def _listed(tok: Tok) -> bool:
    """A word of the given-name list that is no function word nor definite: any strength."""
    if len(tok.word) < 3 or tok.word in STOP or tok.word in PERSON_CUES or definite(tok):
        return False
    return name_strength(tok) is not NameStrength.NONE


# Words that end a greeting ("upon you", "very much", "to you").
_GREETING_ENDS = folded_words("عليكم علیکم عليكن جزيلا جزيلاً لكم لك")


class _Weak(PersonPass):
    """One look over the tokens, with the suggestions already made."""

    def __init__(self, text: str, toks: Sequence[Tok], found: Sequence[Suggestion]) -> None:
        super().__init__(text, toks, found)
        self.given = {
            fold(s.text) for s in found if s.kind == "person" and " " not in s.text.strip()
        }

    def spaced(self, k: int) -> bool:
        """Only white space separates token k from token k + 1."""
        toks = self.toks
        return k + 1 < len(toks) and not self.text[toks[k].end : toks[k + 1].start].strip()

    def prev(self, k: int, back: int = 1) -> str:
        return self.toks[k - back].word if k >= back and self.spaced(k - back) else ""

    def cued(self, k: int, persian: bool) -> bool:
        """Token k follows a word that says "a person follows" weakly (see the docstring)."""
        prev = self.prev(k)
        if prev in _TITLE_LIKE or prev in GREETINGS:
            return True
        if persian and prev == _FROM and self.prev(k - 1) in GREETINGS:
            return True
        if persian:
            return prev in _PERSIAN_WITH or (prev == _AND and self.prev(k - 1) == _ME)
        bare_prev = prev[1:] if prev[:1] in ("و", "ف") and len(prev) > 3 else prev
        return bare_prev in _CONTACT_VERBS or prev in _WITH

    def objects(self, k: int, persian: bool) -> bool:
        """Persian "X را" (X as an object) and "X و من" (X and I)."""
        if not persian or not self.spaced(k):
            return False
        nxt = self.toks[k + 1].word
        if nxt == _OBJECT_MARK:
            return True
        return nxt == _AND and self.spaced(k + 1) and self.toks[k + 2].word == _ME

    def listed_after_person(self, k: int) -> Tok | None:
        """The listed name joined by "و" to the person that ends at token k - 1 or k - 2."""
        tok = self.toks[k]
        if k >= 2 and self.toks[k - 1].word == _AND and self.toks[k - 2].end in self.person_ends:
            return tok if self.spaced(k - 2) and self.spaced(k - 1) and _listed(tok) else None
        if k >= 1 and tok.word.startswith(_AND) and self.toks[k - 1].end in self.person_ends:
            rest = after_first_letter(tok)
            return rest if self.spaced(k - 1) and _listed(rest) else None
        return None

    def listed_before_person(self, k: int) -> bool:
        """Token k is a listed name joined by "و" to a person found after it: "أمل ويزن"."""
        if not self.spaced(k):
            return False
        nxt = self.toks[k + 1]
        if nxt.word == _AND:
            joined = self.spaced(k + 1) and self.toks[k + 2].end in self.person_ends
        else:
            joined = nxt.word.startswith(_AND) and nxt.end in self.person_ends
        return joined and _listed(self.toks[k])

    def religion_compound(self, k: int) -> Tok | None:
        """An honorific name in "الدين" (of the faith), "و" glued or not: "سيف الدين", "وعز
        الدين"; the first token without its "و", or None."""
        if not self.spaced(k) or self.toks[k + 1].word != _DIN or k + 1 in self.covered:
            return None
        tok = self.toks[k]
        if tok.word in _HONORIFICS:
            return tok
        return (
            after_first_letter(tok)
            if tok.word[:1] == _AND and tok.word[1:] in _HONORIFICS
            else None
        )

    def nickname(self, k: int, persian: bool) -> bool:
        """A rare nisba after a weak cue: "عند التباوي" (at the Tebu's), "مع الحلبي"."""
        tok = self.toks[k]
        if persian or not definite(tok) or not tok.word.endswith("ي") or len(tok.word) < 6:
            return False
        return arabic_zipf(tok.raw) < 3.0 and not common_noun(tok.raw) and self.cued(k, persian)

    def glued_mention(self, tok: Tok) -> bool:
        """A one-word name found in the text, with a clitic glued on ("ووفاء", "لسهام")."""
        return tok.word[:1] in _CLITICS and len(tok.word) > 3 and tok.word[1:] in self.given

    def run(self, persian: bool) -> list[Suggestion]:
        for k, tok in enumerate(self.toks):
            if k in self.covered:
                continue
            if self.glued_mention(tok):
                self.add_person(tok.start + 1, tok.end, _MENTION)
                continue
            compound = self.religion_compound(k)
            if compound is not None:
                self.add_person(compound.start, self.toks[k + 1].end, _COMPOUND)
                continue
            if self.nickname(k, persian):
                self.add_person(tok.start, tok.end, _SHAPED)
                continue
            linked = self.listed_after_person(k)
            if linked is not None:
                self.add_person(linked.start, linked.end, _GUESS)
            elif self.weakly_named(k, persian):
                self.add_person(tok.start, tok.end, _GUESS)
        return self.out

    def weakly_named(self, k: int, persian: bool) -> bool:
        """Token k is a listed name after a weak cue, before "را" or "و من", or before "و" and
        a person found (the cheap tests of position first)."""
        placed = self.cued(k, persian) or self.objects(k, persian)
        if placed and self.greeted(k, persian):
            return True  # "سلام ماهرخ، من زرمینه هستم": who a message greets
        if placed and not persian and self.doing(k):
            return True  # "أتذكر صابرين وهي تضحك": someone seen or remembered doing something
        return (placed and _listed(self.toks[k]) and not self.construct(k)) or (
            self.listed_before_person(k)
        )

    def greeted(self, k: int, persian: bool) -> bool:
        """Token k follows the greeting that opens the text and comes before a comma, and has a
        name's shape (listed or not)."""
        toks = self.toks
        if k != 1 or toks[0].word not in GREETINGS or toks[k].word in _GREETING_ENDS:
            return False  # "سلام علیکم،", "شكرا جزيلا،": the greeting's own words
        pause = self.text[toks[k].end : toks[k].end + 1] in ("،", ",", "!", ":")
        return pause and arabic_zipf(toks[k].raw) < 4.0 and name_shaped(toks[k], persian)

    def doing(self, k: int) -> bool:
        """Token k, a word that is no common noun nor definite, is followed by "وهي ت…" or
        "وهو ي…" (while she / he is …ing): a person, whether or not the name is listed."""
        tok = self.toks[k]
        if definite(tok) or common_noun(tok.raw) or len(tok.word) < 3 or tok.word in STOP:
            return False
        if not (self.spaced(k) and self.spaced(k + 1) and k + 2 < len(self.toks)):
            return False
        pronoun, verb = self.toks[k + 1].word, self.toks[k + 2].word
        return (pronoun, verb[:1]) in _WHILE_DOING and len(verb) > 2

    def construct(self, k: int) -> bool:
        """Token k is a name that is also a word, before a definite word: the first noun of a
        construct phrase ("شفنا نور الشمس", we saw the sunlight), not a name."""
        tok = self.toks[k]
        nxt = self.toks[k + 1] if self.spaced(k) else None
        return nxt is not None and definite(nxt) and name_strength(tok) is NameStrength.WORD


def weak_people(
    text: str, toks: Sequence[Tok], found: Sequence[Suggestion], persian: bool
) -> list[Suggestion]:
    """People named with weak evidence (see the module's docstring), below the leak guard;
    then those the sentence around them names (`arabic_subject_names`)."""
    weak = _Weak(text, toks, found).run(persian)
    weak += subject_people(text, toks, [*found, *weak], persian)
    return weak + extra_people(text, toks, [*found, *weak], persian)
