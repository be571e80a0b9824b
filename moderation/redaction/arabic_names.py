"""People, places and organisations written in Arabic script (Arabic, and Persian where the
words are shared or listed). There are no capitals, so the evidence is cue words
(arabic_cue_words, arabic_person_cues), the structure of names (kunya, nasab chains, a given name
and a family name; arabic_name_extent), place cues and the gazetteer's Arabic-script names
(arabic_places), organisation words, the given-name list (arabic_name_lexicon) and word
frequencies to tell an ordinary word from a name (arabic_words). An ordinary word is never
suggested at or above the leak guard's threshold.
"""

from __future__ import annotations

from .arabic_cue_words import (
    CALLING,
    CASE_ROLES,
    GREETINGS,
    JOURNEY,
    KIN_ADJECTIVES,
    KUNYA,
    NAME_CUES,
    NASAB,
    NOT_NICKNAMES,
    ORG_WORDS,
    OWNER,
    PERSON_CUES,
    PLACE_CUES,
    RELATIONS,
    SONS_OR_HAS,
    SPEECH,
    STOP,
    STOP_RAW,
    TITLES,
)
from .arabic_form_fields import form_field
from .arabic_initials import find_initials
from .arabic_kinds import settle_arabic_kinds
from .arabic_name_extent import flower_compound, named, named_confidence, starts_sentence, told_by
from .arabic_name_lexicon import NameStrength, name_strength, tanween_word
from .arabic_name_links import linked_names, linked_people, name_shaped, other_mentions
from .arabic_name_objects import object_name, persian_called
from .arabic_name_shapes import (
    given_and_nisba,
    god_compound,
    known_as,
    listed_with_article,
    name_compound,
    name_of_kin,
    named_child,
    named_outright,
    persian_i_am,
    persian_met,
    verb_shaped,
)
from .arabic_organisations import organisation_name
from .arabic_person_cues import family_name, met_name, particle_name
from .arabic_places import ArabicPlaces
from .arabic_weak_names import weak_people
from .arabic_words import (
    after_first_letter,
    arabic_zipf,
    bare,
    common_noun,
    conjugated,
    definite,
    ordinary,
    persian_common,
    persian_possessed,
    persian_verb,
    unlike_a_name,
    verb_like,
    verb_or_participle,
)
from .folding import fold
from .model import HIGH_CONFIDENCE, Suggestion, suggestion

# A frequent given name of the lexicon alone ("يوسف", "بهار"), and one that is also an
# ordinary word ("أمل", hope) where a sentence starts: below the leak guard's threshold.
_LISTED_COMMON = 0.75
_GOD = fold("الله")
_I = fold("انا")
_ONE = fold("یک")
_LISTED_WORD = 0.7
# A word this rare after a listed name that is also a word is its family name ("صالح باعباد").
_RARE_FAMILY = 2.5


# Function words start no name: the rules are not tried on them. Not those that also lead a
# place, an organisation or a kunya ("شهر" is a month in Arabic and a city in Persian: "شهر نو").
# Names that fold like a function word, as written: Ali ("على", on).
_NAME_TWINS = frozenset({"علي"})
_TWIN_CUES = NAME_CUES | SONS_OR_HAS  # "ولديه علي" (his two sons Ali ...)
_STARTS_NOTHING = STOP - PLACE_CUES - ORG_WORDS - KUNYA - PERSON_CUES - NAME_CUES - TITLES


class _Finder(ArabicPlaces):
    """One pass over the Arabic-script words of a text: the person and organisation rules, after
    the place rules (arabic_places) and the state of the pass (arabic_scan)."""

    def family(self, j: int, named: bool = False) -> int:
        """Extend a given name at token j over a family name: a chain, or one word that is a
        definite non-ordinary word ("الحلبي") or a moderately common undefined word ("حداد")."""
        linked = self.chain(j)
        if linked != j:
            return linked
        if not self.adjacent(j):
            return j
        nxt = self.toks[j + 1]
        place = self.known(nxt.word) or self.known(nxt.word, self.countries)
        if (place and not named) or verb_like(nxt) or bare(nxt.word) in ORG_WORDS:
            return j
        if self.glued_place_cue(nxt) or self.glued_place(nxt):
            return j  # "خالتي سعاد بمخيم", "عمي سامي عالدنمارك"
        if unlike_a_name(nxt, self.persian) or nxt.word in PERSON_CUES:  # "عمي بيزورنا", "غسان أخي"
            return j
        if named and name_strength(nxt) in (NameStrength.RARE, NameStrength.COMMON):
            return self.family(j + 1, named)  # "اسمي آمنة محمد أحمد": father's, grandfather's
        if definite(nxt) and (not ordinary(nxt) or arabic_zipf(nxt.raw) < 4.0):
            return self.chain(j + 1)
        if (
            not definite(nxt)
            and not ordinary(nxt)
            and arabic_zipf(nxt.raw) < (5.5 if named else 4.6)
        ):
            return self.chain(j + 1)
        return j

    def person(self, i: int, conf: float, named: bool = False) -> int:
        """A given name at token i and its family name; after a naming cue ("اسمي"), the family
        name may also be a place's name."""
        j = self.family(i, named)
        if self.toks[i].word not in KUNYA:
            self.given.add(self.toks[i].word)
        if self.persian:
            i, j = flower_compound(
                self.toks, i, j, i > 0 and self.adjacent(i - 1), self.adjacent(j)
            )
        return self.add(i, j, "person", conf)

    def step(self, i: int) -> int:
        """Look at token i; returns the next token to look at."""
        if self.toks[i].word in _STARTS_NOTHING:
            return self.name_twin(i) or i + 1
        for rule in (
            self.organisation,
            self.kunya,
            self.two_word_place,
            self.cued_place,
            self.headed_place,
            self.named_person,
            self.cued_person,
            self.listed_name,
            self.nasab_person,
            self.nisba_person,
            self.titled_person,
            self.known_place,
            self.district,
            self.kin_person,
            self.unknown_place,
        ):
            nxt = rule(i)
            if nxt is not None:
                return nxt
        return i + 1

    def name_twin(self, i: int) -> int | None:
        """A name spelt as a function word is written, right after a kin, role or naming cue:
        "صديقي علي" (my friend Ali; "على", on, folds the same)."""
        cued = self.after_cue(i, PERSON_CUES) or self.prev(i) in _TWIN_CUES
        if self.toks[i].raw in _NAME_TWINS and cued and self.adjacent(i - 1):
            return self.add(i, i, "person", HIGH_CONFIDENCE)
        return None

    def organisation(self, i: int) -> int | None:
        """Organisation word + name (see arabic_organisations)."""
        found = organisation_name(self.text, self.toks, i)
        return None if found is None else self.add(*found[:2], "organisation", found.confidence)

    def kunya(self, i: int) -> int | None:
        """ "أبو خالد", "أم علي" (أم is also "or": lower unless a cue precedes); in an Arabic
        text also after a proclitic ("وأم يوسف", "لأبو علي")."""
        word = self.toks[i].word
        glued = not self.persian and word[:1] in "وبل" and word[1:] in KUNYA
        if not ((word in KUNYA or glued) and self.adjacent(i) and named(self.toks, i + 1)):
            return None
        if self.possessive(i, PERSON_CUES):
            return None
        if glued and self.known(f"{word[1:]} {self.toks[i + 1].word}"):
            return self.add(i, i + 1, "place", 0.9)  # "لأم درمان"
        cue = self.after_cue(i, PERSON_CUES) or self.prev(i) in NAME_CUES
        conf = 0.85 if word == "ابو" or cue else 0.75
        return self.add(i, self.chain(i + 1), "person", conf)

    def named_person(self, i: int) -> int | None:
        """After a naming cue: "اسمي X", "قالت لي X", Persian "اسم من X"."""
        prev, prev2, tok = self.prev(i), self.prev(i, 2), self.toks[i]
        told = told_by(self.text, self.toks, i) and tok.word not in PERSON_CUES
        named = self.named_by_cue(i) or (told and not unlike_a_name(tok, self.persian))
        field = form_field(self.text, self.toks, i)  # "نام پدر: X", "محل سکونت: X"
        if field is not None:
            return self.field_value(i, field)
        named = named or (prev == "من" and prev2 in ("اسم", "نام"))
        named = named or (prev in ("اسم", "نام") and prev2 == "به") or persian_i_am(self.toks, i)
        named = named or named_outright(self.toks, i)
        named = named or named_child(self.toks, i) or known_as(self.toks, i)
        named = named or (i > 1 and self.adjacent(i - 1) and name_of_kin(self.toks, i))
        if self.persian and persian_met(self.toks, i) and name_shaped(tok, True):
            return self.person(i, _LISTED_COMMON)  # "با نسرین آشنا شدم", "کریم به ما گفت"
        if prev in CALLING and (tok.word[:1] == "ب" or tok.word in PERSON_CUES):
            return None  # "ينادوه برقم", by a number; "يناديه أبوه", his father calls him
        if named and tok.word not in STOP and not tok.word.startswith("ال"):
            conf = named_confidence(tok, self.persian)
            if told and name_strength(tok) is NameStrength.NONE and arabic_zipf(tok.raw) >= 4.5:
                conf = _LISTED_COMMON  # "قالت لي أكتب قصتي": what she said, perhaps
            return self.person(i, conf, named=True)
        if named and self.family_like(i):
            return self.add(i, i, "person", _LISTED_COMMON)  # "اسمه الزنتاني", a nickname
        if self.named_by_cue(i) and definite(tok) and tok.word not in NOT_NICKNAMES:
            return self.add(i, i, "person", _LISTED_COMMON)  # "اسمه الطيب", "ينادونه الأشقر"
        return None

    def cued_person(self, i: int) -> int | None:
        """A family word and its name ("آل الشمري"), a name after a verb of meeting ("التقيت
        بسهام"); see arabic_person_cues."""
        family = family_name(self.toks, i, self.persian) if self.adjacent(i) else None
        particle = particle_name(self.toks, i, self.persian, self.text)
        found = family or particle or met_name(self.toks, i, self.persian)
        found = found or object_name(self.toks, i, self.persian)
        if found is None:
            return None
        if found is not family and found is not particle:
            self.given.add(fold(self.text[found.start : found.end]))
        start, end, conf = found
        self.out.append(
            suggestion(start, end, "person", conf, "arabic_names", self.text[start:end])
        )
        return i + (2 if family or (particle and found.end > self.toks[i].end) else 1)

    def listed_name(self, i: int) -> int | None:
        """A given name of the lexicon, alone ("سلمى كانت تجي"), also after "و" ("ولينا"); a
        frequent one below the leak guard's threshold, and one that is also an ordinary word
        only where a sentence starts, below it too."""
        tok = self.toks[i]
        if tok.word == "عبد" and self.adjacent(i) and definite(self.toks[i + 1]):
            return self.add(i, self.family(i + 1), "person", HIGH_CONFIDENCE)  # "عبد الكريم"
        if tok.word.startswith("عبدال") and len(tok.word) > 6:
            return self.person(i, HIGH_CONFIDENCE)  # "عبدالصمد"
        if god_compound(tok):
            return self.person(i, HIGH_CONFIDENCE)  # "عزیزالله", "ذبیح‌الله"
        if name_compound(tok):
            return self.person(i, _LISTED_COMMON)  # "قربان‌علی", "اکبرخان"
        strength = name_strength(tok)
        # Persian glues no "ف", "ل" or "ب" to a name ("فرامین" is decrees, not "ف" + Ramin)
        glued = "و" if self.persian else "ولفب"
        if strength is NameStrength.NONE and tok.word[0] in glued and len(tok.word) > 3:
            strength = name_strength(after_first_letter(tok))
            if tok.word[0] == "ب" and strength is NameStrength.WORD:
                return None  # "بنور", with light
            if tok.word[0] == "و" and strength is not NameStrength.NONE and self.me_and(i):
                return self.add(i, i, "person", _LISTED_COMMON)  # "انا ولينا", Lina and I
        if strength is NameStrength.NONE:
            return None
        if self.prev(i) == _GOD and self.prev(i, 2) != "عبد":
            return None  # "الله اکبر" (God is great), "الله كريم": a formula, not "Akbar"
        called = self.persian and persian_called(self.toks, i)
        if tok.raw in STOP_RAW or self.after_cue(i, PLACE_CUES):
            return None
        if self.prev(i) in self.from_in and not called:  # "به حمید زنگ زدم", I called Hamid
            return None
        if self.persian and persian_possessed(tok.raw):
            return None  # "صاحب کارم", my employer: "کارم" (my work) is no "Karam"
        if strength is NameStrength.RARE:
            return self.person(i, HIGH_CONFIDENCE)
        if strength is NameStrength.COMMON:
            return self.person(i, _LISTED_COMMON)
        family = self.family(i)
        last = self.toks[family]
        rare_last = not self.persian and arabic_zipf(last.raw) < _RARE_FAMILY  # "صالح باعباد"
        if family > i and (rare_last or (definite(last) and not common_noun(last.raw))):
            return self.add(i, family, "person", _LISTED_COMMON)
        if tok.word in GREETINGS or (self.persian and arabic_zipf(tok.raw) >= 5.5):
            return None  # "سلام عليكم": a greeting; Persian "روز" (day, 6.2) at a sentence start
        if not starts_sentence(self.text, self.toks, i) and not self.kin_after(i):
            return None
        return self.add(i, family, "person", _LISTED_WORD)

    def me_and(self, i: int) -> bool:
        """Token i follows "انا" (I) in an Arabic text: "انا وسعاد" (Suad and I)."""
        return not self.persian and self.prev(i) == _I and self.adjacent(i - 1)

    def kin_person(self, i: int) -> int | None:
        """After a kin or role cue: "أخي يوسف الحلبي", "جارتي سعاد"."""
        tok = self.toks[i]
        if tok.word in NAME_CUES or (tok.word[:1] in "بل" and tok.word[1:] in STOP):
            return None  # "قاچاقبر اسمش", "المراجعة بأن": a naming cue, a function word
        if verb_shaped(tok) or self.role_before_a_verb(i) or tok.word in SPEECH:
            return None  # "الحاج احتجزها", "اخته ضلت", "مراجع اظهار داشت", "ابوي قال"
        kin = self.after_cue(i, PERSON_CUES) or self.after_kin_adjective(i)
        if (
            kin
            and self.prev(i) not in CASE_ROLES  # "المراجعة التغرينية", the language
            and self.adjacent(i - 1)
            and tok.word not in PERSON_CUES
            and self.family_like(i)
        ):
            return self.add(i, i, "person", _LISTED_COMMON)  # "رفيقو الاشقر", a nickname
        if kin and self.adjacent(i - 1) and listed_with_article(tok):
            return self.add(i, i, "person", _LISTED_WORD)  # "زوجها الصادق", "ابن عمه الطاهر"
        # "صاحب کار محمت" (the employer); in Arabic a listed name only, since a verb often
        # follows "صاحب البيت" (the landlord)
        owner = self.prev(i, 2) in OWNER and i > 1 and self.adjacent(i - 2)
        owner = owner and (self.persian or name_strength(tok) is not NameStrength.NONE)
        if (
            (kin or owner)
            and self.adjacent(i - 1)
            and self.usable(i)
            and not definite(tok)
            and not verb_like(tok)
            and not (self.persian and not self.kurdish and persian_verb(tok.raw))
            and tok.word not in PERSON_CUES  # "ابن عمي", my cousin
            and tok.word not in KIN_ADJECTIVES  # "برادر کوچکم", my little brother
            and bare(tok.word) not in PERSON_CUES  # "جدته لأمه", his maternal grandmother
            and not self.glued_place_cue(tok)  # "جارتنا بحي الجولان", in the quarter
            and not (self.persian and tok.word == "ام")  # "خاله ام", my aunt
            and arabic_zipf(tok.raw) < 6.3
        ):
            # A verb, a participle or a possessed noun can have the shape of a name ("صديقي
            # يكتب", "ابوي مديون", in debt), and so can a frequent word ("خواهرم حالا"): below
            # the leak guard's threshold unless the name list knows the word.
            unlisted = name_strength(tok) is NameStrength.NONE
            frequent = unlisted and arabic_zipf(tok.raw) >= 5.0
            if frequent and persian_common(tok.raw):  # "پدرم گفت", my father said
                return None
            # Kurdish has no word frequencies to tell a verb from a name ("هاوڕێکەم گەیشتە").
            guess = unlike_a_name(tok, self.persian) or frequent or self.kurdish
            guess = guess or bare(tok.word) in JOURNEY  # "ابن عمي هاجر", emigrated
            guess = guess or (unlisted and verb_or_participle(tok.raw))
            guess = guess or (unlisted and tanween_word(tok))  # "عمل مراسلاً"
            return self.person(i, 0.75 if guess else 0.85)
        return None

    def after_kin_adjective(self, i: int) -> bool:
        """Token i follows a kin word and an adjective of age: "أخوي الصغير X" (my little
        brother X), "ابنتي الكبرى X", Persian "دختر کوچکش X" (her little daughter X); not a
        verb ("بنتي الكبيرة بتدرس", "اخوي الكبير راح")."""
        if i < 2 or self.prev(i) not in KIN_ADJECTIVES or not self.adjacent(i - 2):
            return False
        tok = self.toks[i]
        if unlike_a_name(tok, self.persian) or conjugated(tok.raw):
            return False
        kin = self.prev(i, 2)
        return kin in PERSON_CUES or kin in RELATIONS

    def titled_person(self, i: int) -> int | None:
        """A place's name right after a title is a person's: "آقای رستمی", "خانم النی"."""
        word = self.toks[i].word
        titled = i > 0 and self.prev(i) in TITLES and self.adjacent(i - 1) and word not in STOP
        one = self.prev(i, 2) == _ONE and persian_common(self.toks[i].raw)
        titled = titled and not one  # "یک خانم مهربان", a kind lady; not "یک خانم احمدی"
        if titled and (self.known(word) or self.known(word, self.countries)):
            return self.person(i, HIGH_CONFIDENCE)
        return None

    def nasab_person(self, i: int) -> int | None:
        """A nasab chain without a cue: "محمد بن علي"."""
        if (
            self.adjacent(i)
            and self.toks[i + 1].word in NASAB
            and self.adjacent(i + 1)
            and named(self.toks, i + 2)
            and self.usable(i)
            and not definite(self.toks[i])
            and not unlike_a_name(self.toks[i], self.persian)  # "خطفوا ابن عمي"
        ):
            return self.person(i, 0.85)
        return None

    def nisba_person(self, i: int) -> int | None:
        """A word and a family's nisba: "بدر الشمري" (below the leak guard's threshold)."""
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if nxt is None or not nxt.word.startswith("ال") or not nxt.word.endswith("ي"):
            return None  # the cheap test first: most words are followed by no nisba
        if self.adjacent(i) and self.usable(i) and given_and_nisba(self.toks, i, self.persian):
            return self.add(i, i + 1, "person", _LISTED_COMMON)
        return None

    def run(self) -> list[Suggestion]:
        i = 0
        while i < len(self.toks):
            i = self.step(i)
        self.out += find_initials(self.text, self.persian)
        self.out += other_mentions(self.toks, self.given, self.out)
        linked = linked_people(self.text, self.toks, self.out)
        self.out += linked + weak_people(self.text, self.toks, self.out + linked, self.persian)
        return self.out + other_mentions(self.toks, linked_names(linked, self.given), self.out)


def find_arabic_names(text: str) -> list[Suggestion]:
    """People, places and organisations written in Arabic script."""
    finder = _Finder(text)
    return settle_arabic_kinds(finder, finder.run())
