# ruff: noqa: RUF001  (multilingual text: Arabic letters are data)
"""Places written in Arabic script: a name of the gazetteer (also after a proclitic, "بحلب"),
a place word and its name ("قرية الشجرة", "کمپ موریا"), a country, and a rare or definite word
after a preposition (a place we do not know, below the leak guard's threshold)."""

from __future__ import annotations

from functools import cache

from .arabic_country_names import word_towns
from .arabic_cue_words import (
    CASE_ROLES,
    DIRECTIONS,
    JOURNEY,
    JOURNEY_TO,
    KIN_POSSESSED,
    NAMED_WITH_CUE,
    NEXT_TO,
    ORG_WORDS,
    PERSON_CUES,
    PLACE_CUES,
    PLACE_HEADS,
    STOP,
    TITLES,
)
from .arabic_name_lexicon import NameStrength, name_strength
from .arabic_scan import ArabicScan
from .arabic_words import (
    Tok,
    after_first_letter,
    arabic_zipf,
    bare,
    common_noun,
    definite,
    hamza_dropped,
    ordinary,
    persian_common,
    persian_verb,
    verb_like,
)
from .gazetteer import load_gazetteer
from .language import zipf

# How frequent a Persian word is from which a small place of that name is the word first, and
# how big a place whose name is such a word must be to be sure: "فارسی" 5.6, "مهر" 5.3, "دره"
# 4.6 (a district, a town, a village); "هرات" 4.3 and the cities "کابل", "مشهد" stay sure.
_PERSIAN_WORD_ZIPF = 4.5
_CITY = 100_000
# An unlisted town's name after a kin word is the person's only when it is a rare word: a
# frequent one is a verb as often ("جارنا شال ولدي", our neighbour carried my son: 4.2).
_KIN_TOWN_ZIPF = 3.6
# Persian "border": a place's name follows ("مرز میرجاوه"), or the verb of crossing ("رد مرز کرد").
_BORDER = "مرز"
# An unknown word after a verb of fleeing or living and its preposition ("سكنا في فيصل").
_JOURNEY = 0.7
# A town's name is at least this much more frequent alone than glued to "ب" or "ل" (Zipf).
_GLUED_GAP = 0.8
# ... and a token rarer than this as written is no word of its own ("لامبيدوزا", to Lampedusa).
_GLUED_WORD_ZIPF = 3.0


class ArabicPlaces(ArabicScan):
    """The place rules of the Arabic-script pass."""

    def two_word_place(self, i: int) -> int | None:
        """A two-word name of the gazetteer ("دير الزور")."""
        toks = self.toks
        if not self.adjacent(i):
            return None
        second = toks[i + 1].word
        firsts = (toks[i].word, bare(toks[i].word))
        if not any(self.known(f"{w} {second}", self.two_word_names) for w in firsts):
            return None  # also after a proclitic: "بمعرة النعمان"
        cue = self.prev(i) in self.from_in or self.after_cue(i, PLACE_CUES)
        plain_words = ordinary(toks[i + 1]) and ordinary(toks[i])
        return self.add(i, i + 1, "place", 0.6 if plain_words else 0.9 if cue else 0.8)

    def cued_place(self, i: int) -> int | None:
        """Place word + name: "قرية الشجرة", "مخيم الزعتري" (the word is part of the name)."""
        tok = self.toks[i]
        if not self.after_cue(i, PLACE_CUES) or tok.word in STOP or len(tok.word) < 2:
            return None
        if any(c.isdigit() or c in ".!?؟" for c in self.text[self.toks[i - 1].end : tok.start]):
            return None  # "مواليد 2006، اختُطفت" (born in 2006, she was abducted); "في قرية، كوجو"
        if persian_verb(tok.raw):  # "در کمپ دیدم", I saw in the camp
            return None
        first = i - 1 if bare(self.prev(i)) in NAMED_WITH_CUE else i
        word_like = ordinary(tok) or common_noun(tok.raw) or persian_common(tok.raw)
        if self.prev(i) == _BORDER and arabic_zipf(tok.raw) >= 5.0 and word_like:
            return None  # "رد مرز کرد" (deported over the border): a verb, not a place
        j = i
        if tok.word in PERSON_CUES and not definite(tok) and tok.word not in TITLES:
            return None  # "پزشکان بدون مرز پسرم": a kin word after the cue, not a name
        if self.persian and tok.word[-1:] in "یي" and tok.word[:-1] in PERSON_CUES:
            return None  # "در مرز قاچاقبری بود", a smuggler: a role with the indefinite "ی"
        if tok.word in PERSON_CUES and self.adjacent(i) and self.usable(i + 1):
            j, tok = i + 1, self.toks[i + 1]  # "حي الشيخ مقصود": named after someone
        elif self.adjacent(i) and self.usable(i + 1):
            nxt = self.toks[i + 1]
            if definite(nxt) or name_strength(nxt) in (NameStrength.COMMON, NameStrength.RARE):
                j = i + 1  # "حي الشعار", "حي بابا عمرو"
        known = self.known(tok.word) or self.known(bare(tok.word))
        # A village's or a camp's name is a rare word; a frequent one is likely the next word
        # of the sentence ("در اردوگاه غذا کم بود", food was short in the camp).
        guess = arabic_zipf(tok.raw) >= 4.5
        conf = 0.6 if ordinary(tok) else 0.9 if known else 0.75 if guess else 0.85
        return self.add(first, j, "place", conf)

    def headed_place(self, i: int) -> int | None:
        """After a preposition (apart or glued), a place name's first word and the next word:
        "من عين الحلوة", "بتل قصب", "عضهر البيدر" (below the leak guard's threshold)."""
        tok = self.toks[i]
        prev = self.prev(i)
        head = tok.word in PLACE_HEADS and (
            prev in self.from_in or prev in JOURNEY_TO or prev in NEXT_TO
        )
        glued = tok.word[:1] in "بلع" and tok.word[1:] in PLACE_HEADS and not self.persian
        if not ((head or glued) and self.adjacent(i)):
            return None
        nxt = self.toks[i + 1]
        if nxt.word in STOP or verb_like(nxt) or len(nxt.word) < 3 or persian_verb(nxt.raw):
            return None
        if nxt.word in PERSON_CUES:
            return None  # "بعين ابوي", in my father's eye
        plain = ordinary(nxt) or (common_noun(nxt.raw) and arabic_zipf(nxt.raw) >= 4.5)
        return self.add(i, i + 1, "place", 0.55 if plain else _JOURNEY)

    def known_place(self, i: int) -> int | None:
        """A name of the gazetteer, as written or without a proclitic ("بحلب")."""
        tok = self.toks[i]
        after = self.prev(i) in self.from_in or self.prev(i) in DIRECTIONS
        if self.after_kin(i):
            return None  # "خالتي جيهان", "برادرم شوان": a town's name after kin is the person's
        if tok.word in PERSON_CUES or tok.word in CASE_ROLES or bare(tok.word) in ORG_WORDS:
            return None  # "بدون بابا", without dad (also "ب" + Aba); "وکیل ما", "في مدرسة"
        cue = tok.word in PLACE_CUES or bare(tok.word) in PLACE_CUES
        if cue and self.adjacent(i) and self.usable(i + 1):
            return None  # "ولایت غزنی", "بمدينة كاسل": the word before the name, not a town
        if not after and self.after_place(i) and self.population(tok.word) >= _CITY:
            return self.add(i, i, "place", 0.8)  # "در خاوران تهران", a district and its city
        if self.negated(i) and self.population(tok.word) < _CITY:
            return None  # "وما عاد سأل" (and he no longer asked), "لن أنسى": a verb
        for form in (tok.word, bare(tok.word), self.on_glued(tok)):
            if not self.known(form) or form in STOP or self.and_function_word(form):
                continue  # "وانو", and that, is no town
            if form in KIN_POSSESSED:
                continue  # "لأمه", to his mother, is no town "أمه"
            cue = after or (tok.word[0] in "بلع" and form != tok.word)
            # A big city's name can be a frequent word ("مشهد" 5.2, Persian "تهران" 6.0):
            # after a preposition a place, below the leak guard's threshold when very frequent.
            frequency = arabic_zipf(tok.raw)
            limit = 5.6 if cue else 5.2
            if frequency < limit or after:
                plain_word = ordinary(tok) or (
                    form != tok.word and ordinary(Tok(0, 0, tok.raw[1:], form))
                )
                plain_word = plain_word or persian_common(tok.raw)  # "از مادر", from mother
                plain_word = plain_word or hamza_dropped(tok.raw)  # "ما في دوا", no medicine
                plain_word = plain_word or self.glued_word(tok, form)  # "لاكن", but
                # Persian writes "به" apart; a glued "ب" starts a verb ("بشوند", "بکنین")
                plain_word = plain_word or (self.persian and form != tok.word)
                if plain_word and form not in (tok.word, bare(tok.word)):
                    continue  # "عالقبو", to the cellar
                if plain_word and frequency >= limit:
                    continue  # "في المدينة", in the city
                sure = cue and frequency < 5.6 and not self.word_first(form, tok)
                return self.add(i, i, "place", 0.6 if plain_word else 0.9 if sure else 0.8)
        return self.country(i) or self.word_town(i) or self.run_together(i)

    @staticmethod
    def and_function_word(form: str) -> bool:
        """A function word with "و" (and) glued on ("وانو", and that); not a three-letter town
        whose name starts with "و" ("وان", Van)."""
        return len(form) > 3 and form[0] == "و" and form[1:] in STOP

    def glued_word(self, tok: Tok, form: str) -> bool:
        """Whether a place found by taking a proclitic off a token (`form`) is rather a word
        written as the token, then below the leak guard's threshold: a town glued to "ب" or
        "ل" is far rarer written so than alone ("بحلب" 3.7, "حلب" 4.9; at least 0.9 apart for
        the big cities), a word that starts like one is not ("لاكن", but, 3.7 against "اكن"
        3.9; "بتاتا", at all; Persian "بدونن", they know, 4.2 against "دونن" 4.0). "بال…" is
        left alone ("بالرياض" is about as frequent as "الرياض"), and so is a token too rare to
        be a word of its own ("لامبيدوزا", to Lampedusa)."""
        written = arabic_zipf(tok.raw)
        if form == tok.word or form.startswith("ال") or written < _GLUED_WORD_ZIPF:
            return False
        alone = arabic_zipf(tok.raw[len(tok.raw) - len(form) :])
        return alone - written < _GLUED_GAP

    def after_kin(self, i: int) -> bool:
        """Token i follows a kin or role word and is a listed name, or a rare word naming a
        town below a city's size: the person's name ("خالتي جيهان", my aunt Ceyhan; not
        Persian "پدرم تهران است", my father is in Tehran)."""
        tok = self.toks[i]
        return (
            i > 0
            and self.prev(i) in PERSON_CUES
            and self.adjacent(i - 1)
            and self.known(tok.word)
            and (
                name_strength(tok) is not NameStrength.NONE
                or (self.population(tok.word) < _CITY and arabic_zipf(tok.raw) < _KIN_TOWN_ZIPF)
            )
        )

    def after_place(self, i: int) -> bool:
        """Token i comes right after a place just found: "در خاوران تهران" (in Khavaran,
        Tehran)."""
        last = self.out[-1] if self.out else None
        return (
            i > 0
            and last is not None
            and last.kind == "place"
            and last.end == self.toks[i - 1].end
            and self.adjacent(i - 1)
        )

    def district(self, i: int) -> int | None:
        """After a preposition, a word before a city's name: a district of it ("در التیمور
        مشهد", in Altimur, Mashhad; "من الدورة ببغداد", from Dora in Baghdad); below the leak
        guard's threshold."""
        if self.prev(i) not in self.from_in or not self.adjacent(i):
            return None
        tok, nxt = self.toks[i], self.toks[i + 1]
        if tok.word in STOP or len(tok.word) < 3 or verb_like(tok) or persian_verb(tok.raw):
            return None
        if tok.word in PERSON_CUES or bare(tok.word) in ORG_WORDS or tok.word in PLACE_CUES:
            return None
        city = bare(nxt.word) if not self.persian and nxt.word[:1] == "ب" else nxt.word
        if city == nxt.word and not self.persian:
            return None  # Arabic writes "في الدورة ببغداد", the city after "ب"
        if self.population(city) < _CITY or arabic_zipf(tok.raw) >= 5.0:
            return None
        self.add(i, i, "place", 0.55 if common_noun(tok.raw) or ordinary(tok) else _JOURNEY)
        return self.add(i + 1, i + 1, "place", 0.8)

    def run_together(self, i: int) -> int | None:
        """A two-word name of the gazetteer written as one word ("خانيونس", "ديرالزور"), also
        after a proclitic: below the leak guard's threshold."""
        tok = self.toks[i]
        glued = run_together_names()
        if not (tok.word in glued or tok.word[1:] in glued):
            return None
        for form in (tok.word, bare(tok.word), self.on_glued(tok)):
            if form in glued and arabic_zipf(tok.raw) < 3.0:
                return self.add(i, i, "place", 0.8)
        return None

    def word_town(self, i: int) -> int | None:
        """A town whose name is also a word, after a preposition, apart or glued ("من دوما",
        "بالطبقة", "عدرعا"), or a verb of fleeing or living ("وصلنا رفح")."""
        tok = self.toks[i]
        towns = word_towns()
        if not (tok.word in towns or tok.word[1:] in towns):
            return None
        after = self.prev(i) in self.from_in or bare(self.prev(i)) in JOURNEY or self.journey_to(i)
        for form in (tok.word, bare(tok.word), self.on_glued(tok)):
            if form in towns and (after or form != tok.word):
                word = Tok(tok.start, tok.end, tok.raw[len(tok.word) - len(form) :], form)
                return self.add(i, i, "place", 0.6 if ordinary(word) else 0.8)  # "الطبقة"
        return None

    def glued_place_cue(self, tok: Tok) -> bool:
        """A place word after a glued preposition: "بحي", "بمخيم", "عحارة"."""
        return tok.word[:1] in "وبلفكع" and tok.word[1:] in PLACE_CUES

    def glued_place(self, tok: Tok) -> bool:
        """A known place, a country or a town after a glued preposition ("بحلب", "عالدنمارك")."""
        forms = {bare(tok.word), self.on_glued(tok)} - {tok.word}
        return any(
            self.known(form) or self.known(form, self.countries) or form in word_towns()
            for form in forms
        )

    def on_glued(self, tok: Tok) -> str:
        """The word after Levantine "ع" (on, to: "عادلب", to Idlib) glued to it, when the whole
        is no word of its own; else the word."""
        glued = not self.persian and tok.word[:1] == "ع" and len(tok.word) >= 4
        if not glued:
            return tok.word
        found = self._glued.get(tok.start)
        if found is None:
            found = tok.word[1:] if arabic_zipf(tok.raw) < 2.5 else tok.word
            self._glued[tok.start] = found
        return found

    def glued_unknown(self, tok: Tok) -> bool:
        """A rare definite word after a glued "ب", "ل" or "ع" in an Arabic text: a place we do
        not know ("بالاشرفية"), not a noun whose bare form is a word ("بالشتا", in winter)."""
        if self.persian or tok.word[:1] not in "بلع":
            return False
        if not tok.word[1:].startswith("ال"):
            return self.glued_rare(tok)
        rest = after_first_letter(tok)
        if len(rest.word) < 5 or ordinary(rest) or common_noun(rest.raw) or verb_like(rest):
            return False
        spellings = [rest.raw, rest.raw[2:]]
        if rest.raw.endswith("ه"):  # "بالزنزانه" for "بالزنزانة", in the cell
            spellings += [rest.raw[:-1] + "ة", rest.raw[2:-1] + "ة"]
        return all(arabic_zipf(spelling) < 3.0 for spelling in spellings)

    def glued_rare(self, tok: Tok) -> bool:
        """A word that wordfreq hardly knows after a glued "ب", "ل" or "ع" (in, to), itself
        hardly known with it: a town we do not know ("بمرسين", "لبرطلة"), not a dialect verb
        ("بنطلع", "بيعرف"), "للـ" + a noun ("للمهرب") nor a noun with a pronoun."""
        rest = tok.raw[1:]
        if tok.word[:1] not in "بلع" or len(rest) < 4 or rest[0] in "يتنال" or verb_like(tok):
            return False
        if arabic_zipf(tok.raw) >= 1.5 or arabic_zipf(rest) >= 2.5 or common_noun(rest):
            return False
        return not rest.endswith(("ي", "نا", "ها", "هم", "ه", "ك", "وا", "و"))

    def journey(self, i: int) -> bool:
        """Token i is the end of a journey or where one lives: "جرينا على مدني", "سكنا في
        فيصل", "دخلنا الزعتري" (a definite word right after the verb of entering)."""
        tok = self.toks[i]
        if self.persian or len(tok.word) < 3 or tok.word.endswith(("نا", "ها", "هم", "كم")):
            return False  # "مشينا على كرعينا", on our feet
        entered = bare(self.prev(i)) in JOURNEY and definite(tok)
        if not (entered or self.journey_to(i)) or not self.usable(i) or verb_like(tok):
            return False
        if tok.word in PERSON_CUES or bare(tok.word) in ORG_WORDS or tok.word in PLACE_CUES:
            return False  # "رحنا على بيت خالتي", "سكنا في مخيم": other rules
        if common_noun(tok.raw):
            # "سكنا في بيت صغير", in a small house; "دخلنا البيت", we went into the house
            return not entered and arabic_zipf(tok.raw) < 5.0
        return True

    def journey_to(self, i: int) -> bool:
        """Token i follows a preposition of a journey's end and, up to three words before it, a
        verb of fleeing or living: "وجرينا على", "وطلعت مع اولادي على"."""
        if self.prev(i) not in JOURNEY_TO:
            return False
        for back in (2, 3, 4):
            word = self.prev(i, back)
            if bare(word) in JOURNEY:
                return True
            if word in JOURNEY_TO or word in self.from_in:
                return False  # "سكنا في فيصل في شقه": the flat is in the place
        return False

    def word_first(self, form: str, tok: Tok) -> bool:
        """A frequent Persian word that is also the name of a small place is the word first
        ("به فارسی", in Persian; "در مهر ماه", in the month of Mehr; "از دره", from the valley):
        a guess, below the leak guard's threshold. A city's name may be as frequent ("کابل" 4.9,
        "مشهد" 5.2). The word as written counts: "فارسی" is not "ف" + a place "ارسی"."""
        return zipf(tok.raw, "fa") >= _PERSIAN_WORD_ZIPF and self.population(form) < _CITY

    def country(self, i: int) -> int | None:
        """A country by its Arabic, Persian or Kurdish name ("ایران", "ترکیه", "ئێران"), however
        frequent the word: below the leak guard's threshold."""
        tok = self.toks[i]
        for form in (tok.word, bare(tok.word), self.on_glued(tok)):
            if self.known(form, self.countries) and form not in STOP:
                plain_word = ordinary(tok) or persian_common(tok.raw)
                return self.add(i, i, "place", 0.6 if plain_word else 0.8)
        return None

    def unknown_place(self, i: int) -> int | None:
        """A preposition + a definite non-ordinary or a rare word: a place we do not know
        (below the leak guard's threshold)."""
        tok = self.toks[i]
        if self.journey(i):
            return self.add(i, i, "place", 0.55 if common_noun(tok.raw) else _JOURNEY)
        before = self.prev(i) in self.from_in or self.prev(i) in NEXT_TO
        before = before or self.prev(i) in DIRECTIONS
        if not before and self.glued_unknown(tok):
            return self.add(i, i, "place", 0.55)  # "بالاشرفية", in Achrafieh
        if not before or not self.usable(i) or len(tok.word) < 3:
            return None
        if tok.word in PLACE_CUES:
            return None  # "از ولسوالی جاغوری": the district's word; its name is the next rule's
        is_definite = definite(tok) and tok.word not in ORG_WORDS
        if is_definite or (arabic_zipf(tok.raw) < 4.4 and not verb_like(tok)):
            return self.add(i, i, "place", 0.55)
        return None


@cache
def run_together_names() -> frozenset[str]:
    """The gazetteer's two-word Arabic-script names without their space, when that is no name
    of its own ("خان يونس" -> "خانيونس")."""
    names = load_gazetteer().arabic
    return frozenset(
        joined
        for name in names
        if name.count(" ") == 1
        and len(joined := name.replace(" ", "")) >= 6
        and joined not in names
    )
