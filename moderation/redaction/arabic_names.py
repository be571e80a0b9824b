# ruff: noqa: RUF001  (multilingual text: Arabic letters are data)
"""People, places and organisations written in Arabic script (Arabic, and Persian where the
words are shared or listed): there are no capitals, so the evidence is

- cue words before a name ("my brother", "our neighbour", "my name is", "she told me"),
- the structure of names: kunyas (أبو / أم + name), nasab chains (بن / ابن / بنت), a given name
  followed by a family name (الحلبي, حداد),
- place cues ("village", "camp", "from", "in") and Arabic-script names of the gazetteer,
- organisation words before a name ("school", "clinic", "bakery", "mosque"),
- word frequencies (wordfreq) to tell an ordinary word from a name: "المدينة" (the city) is an
  ordinary word because "مدينة" (a city) is about as frequent; "الخرطوم" is a name because the
  definite form is far more frequent than "خرطوم" (a hose).

An ordinary word is never suggested at or above the leak guard's threshold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .folding import fold
from .gazetteer import load_gazetteer
from .language import zipf
from .model import HIGH_CONFIDENCE, Suggestion, suggestion

_AR_TOKEN = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u064B-\u065F\u0670\u200c]+")
# One-letter proclitics: wa- (and), bi- (in/with), li- (to), fa- (so), ka- (like).
_PROCLITICS = ("و", "ب", "ل", "ف", "ك")


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


# A name follows (kin, neighbours, roles). Persian: برادرم "my brother" etc.
_PERSON_CUES = _folded(
    "أخي أخوي اخي أختي اختي أمي امي أبي ابي والدي والدتي ابني ابنتي بنتي زوجي زوجتي زوجها "
    "زوجته عمي عمتي خالي خالتي جدي جدتي صديقي صديقتي صديقنا صديقتنا جاري جارتي جارنا جارتنا "
    "ابن بنت السيد السيدة الشيخ الدكتور الدكتورة الأستاذ الأستاذة المعلم المعلمة الضابط "
    "العقيد النقيب الملازم الحاج الحاجة المهرب القاضي المحامي الممرضة الممرض "
    "برادرم خواهرم پدرم مادرم شوهرم همسرم دوستم پسرم دخترم آقای خانم"
)
# Whatever word follows is a name ("my name is", "called").
_NAME_CUES = _folded("اسمي اسمه اسمها يدعى تدعى ينادونني يسمونني واسمي")
_SPEECH = _folded("قال قالت يقول تقول قلت")
_KUNYA = _folded("أبو ابو أم ام")
_NASAB = _folded("بن ابن بنت")
_PLACE_CUES = _folded(
    "قرية قريه مدينة مدينه مخيم بلدة بلده منطقة منطقه محافظة محافظه حي ريف ضاحية سجن حاجز "
    "معبر شهر روستای روستا اردوگاه ولسوالی"
)
# Cue words that are part of the place's name ("مخيم الزعتري", "حي الشعار").
_NAMED_WITH_CUE = _folded("قرية قريه مخيم حي بلدة بلده اردوگاه روستای")
_FROM_IN = _folded("من في إلى الى قرب نحو عبر داخل از در به نزدیک")
_ORG_WORDS = _folded(
    "مدرسة مدرسه مستوصف مستشفى مشفى عيادة مخبز فرن جامع مسجد كنيسة جمعية منظمة مؤسسة مركز "
    "صيدلية جامعة معهد روضة دار مکتب کلینیک شفاخانه لیسه دانشگاه بیمارستان موسسه"
)
# Frequent function words that are never names, even when rare in wordfreq's counts.
_STOP = _folded(
    "من في إلى الى على عن مع هذا هذه ذلك تلك التي الذي كان كانت ثم قد لقد لم لن لا ما و أن إن "
    "أنا نحن هو هي هم كل بعد قبل عند حتى لكن بين يوم سنة عام شهر الله زال يزال لي لنا هنا "
    "هناك كيف متى أين ليس كنا كنت "
    "است هستیم بود بودیم و از در به که را می هنوز من ما او این آن با برای"
)


# The same, unfolded: after "بن" or "أبو", "علي" is Ali, though it folds like "على" (on).
_STOP_RAW = frozenset(
    _split(
        "من في إلى الى على عن مع هذا هذه ذلك التي الذي كان كانت ثم قد لم لن لا ما و أن إن هو "
        "هي است و از در به که را"
    )
)


# A suggestion made only of ordinary and cue words ("حي قديم"): below the leak guard's threshold.
_PLAIN_WORDS = 0.8


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    raw: str
    word: str  # folded


def _zipf(raw: str) -> float:
    """How common a word is in Arabic or Persian (the higher of the two)."""
    return max(zipf(raw, "ar"), zipf(raw, "fa"))


def _bare(word: str) -> str:
    """The word without a one-letter proclitic when it has one."""
    return word[1:] if len(word) > 3 and word[0] in _PROCLITICS else word


def _ordinary(tok: _Tok) -> bool:
    """An ordinary word rather than a name: a function word, or a definite noun whose
    indefinite form is about as frequent ("المدينة" / "مدينة"), or any very frequent word."""
    if tok.word in _STOP or _bare(tok.word) in _STOP:
        return True
    raw = tok.raw
    for article in ("ال", "وال", "بال", "لل", "فال"):
        if raw.startswith(article) and len(raw) > len(article) + 2:
            rest = raw[len(article) :]
            return _zipf(rest) >= 3.0 and _zipf(rest) >= _zipf("ال" + rest) - 0.3
    return _zipf(raw) >= 6.3


def _common_noun(raw: str) -> bool:
    """A word that takes the definite article about as often as it goes without it
    ("كلمة" / "الكلمة", "قديم" / "القديم"): a common noun or adjective. Given names rarely
    do ("مريم" 4.9 against "المريم" 1.6 in wordfreq's Zipf scale); a name that is also a
    common word ("أمل", hope) does, and is then treated as the word it also is. Tried with
    and without a one-letter proclitic ("وكلمة") and the accusative ending ("كلاما")."""
    forms = [raw, raw[1:]] if len(raw) > 3 and raw[0] in _PROCLITICS else [raw]
    if len(raw) > 3 and raw.endswith("ا"):  # accusative "-an" ("كلاما", words)
        forms.append(raw[:-1])
    for form in forms:
        if form.startswith("ال"):
            if _zipf(form[2:]) >= 3.0 and _zipf(form[2:]) >= _zipf(form) - 0.6:
                return True
        elif zipf("ال" + form, "ar") >= 3.5 and zipf("ال" + form, "ar") >= _zipf(form) - 0.6:
            return True
    return any(_conjugated(form) for form in forms)


def _conjugated(raw: str) -> bool:
    """A verb or a noun with a pronoun suffix: "أخذ" (took; "أخذوا", they took, is frequent),
    "ساعدنا" (helped us). Names take neither ("خالدوا", "مريمنا")."""
    stems = [raw] + [raw[:-2] for s in ("نا", "ني", "ها", "هم") if raw.endswith(s) and len(raw) > 4]
    return any(zipf(stem + "وا", "ar") >= 3.0 for stem in stems)


def _persian_word(raw: str) -> bool:
    """A frequent Persian word that Arabic does not share ("زندگی", life; "رفتیم", we went).
    Persian given names are mostly shared with Arabic ("مریم" = "مريم", "علی" = "علي")."""
    arabic_spelling = raw.replace("ی", "ي").replace("ک", "ك")
    return zipf(raw, "fa") >= 3.5 and zipf(arabic_spelling, "ar") < 2.5


def _definite(tok: _Tok) -> bool:
    return tok.word.startswith("ال") and len(tok.word) > 3


def _verb_like(tok: _Tok) -> bool:
    """A conjunction-led word ("وعمري", "and my age") or a present-tense verb with an object
    suffix ("يساعدنا"): not a family name."""
    w = tok.word
    if w[0] == "و" and len(w) > 3 and _zipf(tok.raw[1:]) >= 2.5:
        return True
    return w[0] in "يتن" and w.endswith(("نا", "ها", "ون", "هم", "ني"))


class _Finder:
    """One pass over the Arabic-script words of a text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.gaz = load_gazetteer().arabic
        self.toks = [
            _Tok(m.start(), m.end(), m.group(), fold(m.group())) for m in _AR_TOKEN.finditer(text)
        ]
        self.out: list[Suggestion] = []
        self.given: set[str] = set()

    def adjacent(self, i: int) -> bool:
        """Whether token i+1 exists and only white space separates it from token i."""
        toks = self.toks
        return i + 1 < len(toks) and not self.text[toks[i].end : toks[i + 1].start].strip()

    def add(self, i: int, j: int, kind: str, conf: float) -> int:
        """Suggest tokens i..j; returns the next token to look at."""
        start, end = self.toks[i].start, self.toks[j].end
        if conf >= HIGH_CONFIDENCE and all(self.plain(k) for k in range(i, j + 1)):
            conf = _PLAIN_WORDS
        self.out.append(suggestion(start, end, kind, conf, "arabic_names", self.text[start:end]))
        return j + 1

    def plain(self, k: int) -> bool:
        """Token k is a cue word or an ordinary word (see _common_noun)."""
        tok = self.toks[k]
        cue = tok.word in _PLACE_CUES or tok.word in _ORG_WORDS or tok.word in _PERSON_CUES
        known = tok.word in self.gaz or _bare(tok.word) in self.gaz
        return (
            cue or _ordinary(tok) or _common_noun(tok.raw) or (not known and _persian_word(tok.raw))
        )

    def usable(self, i: int) -> bool:
        """Token i can be (part of) a name."""
        return i < len(self.toks) and not _ordinary(self.toks[i]) and len(self.toks[i].word) >= 2

    def named(self, i: int) -> bool:
        """Token i can be the name after a particle ("بن علي", "أبو زيد")."""
        return (
            i < len(self.toks) and self.toks[i].raw not in _STOP_RAW and len(self.toks[i].word) >= 2
        )

    def chain(self, j: int) -> int:
        """Extend a name ending at token j over nasab and kunya links ("بن علي", "أبو زيد")."""
        toks = self.toks
        while (
            self.adjacent(j)
            and toks[j + 1].word in _NASAB | _KUNYA
            and self.adjacent(j + 1)
            and self.named(j + 2)
        ):
            j += 2
        return j

    def family(self, j: int, named: bool = False) -> int:
        """Extend a given name at token j over a family name: a chain, or one word that is a
        definite non-ordinary word ("الحلبي") or a moderately common undefined word ("حداد")."""
        linked = self.chain(j)
        if linked != j:
            return linked
        if not self.adjacent(j):
            return j
        nxt = self.toks[j + 1]
        if (nxt.word in self.gaz and not named) or _verb_like(nxt) or nxt.word in _ORG_WORDS:
            return j
        if _definite(nxt) and (not _ordinary(nxt) or _zipf(nxt.raw) < 4.0):
            return self.chain(j + 1)
        if not _definite(nxt) and not _ordinary(nxt) and _zipf(nxt.raw) < (5.5 if named else 4.6):
            return self.chain(j + 1)
        return j

    def person(self, i: int, conf: float, named: bool = False) -> int:
        """A given name at token i and its family name; after a naming cue ("اسمي"), the family
        name may also be a place's name."""
        j = self.family(i, named)
        if self.toks[i].word not in _KUNYA:
            self.given.add(self.toks[i].word)
        return self.add(i, j, "person", conf)

    def step(self, i: int) -> int:
        """Look at token i; returns the next token to look at."""
        for rule in (
            self.organisation,
            self.kunya,
            self.two_word_place,
            self.cued_place,
            self.named_person,
            self.known_place,
            self.kin_person,
            self.nasab_person,
            self.unknown_place,
        ):
            nxt = rule(i)
            if nxt is not None:
                return nxt
        return i + 1

    def prev(self, i: int, back: int = 1) -> str:
        """The folded word `back` tokens before token i ("" at the start)."""
        return self.toks[i - back].word if i >= back else ""

    def after_cue(self, i: int, cues: frozenset[str]) -> bool:
        prev = self.prev(i)
        return prev in cues or _bare(prev) in cues

    def organisation(self, i: int) -> int | None:
        """Organisation word + name: "مدرسة الأمل", "مخبز أبو رامي", "جامع عمر بن الخطاب"."""
        toks = self.toks
        if not (_bare(toks[i].word) in _ORG_WORDS and self.adjacent(i)):
            return None
        nxt = toks[i + 1]
        if nxt.word in _STOP:
            return None
        if nxt.word in _KUNYA and self.adjacent(i + 1) and self.named(i + 2):
            j = self.chain(i + 2)
        else:
            j = self.chain(i + 1)
        if self.adjacent(j) and toks[j + 1].word.startswith("لل"):
            j += 1  # "جمعية سلام للإغاثة" (for relief)
        return self.add(i, j, "organisation", 0.75 if _ordinary(nxt) else 0.85)

    def kunya(self, i: int) -> int | None:
        """ "أبو خالد", "أم علي" (أم is also "or": lower unless a cue precedes)."""
        if not (self.toks[i].word in _KUNYA and self.adjacent(i) and self.named(i + 1)):
            return None
        cue = self.after_cue(i, _PERSON_CUES) or self.prev(i) in _NAME_CUES
        conf = 0.85 if self.toks[i].word == "ابو" or cue else 0.75
        return self.add(i, self.chain(i + 1), "person", conf)

    def two_word_place(self, i: int) -> int | None:
        """A two-word name of the gazetteer ("دير الزور")."""
        toks = self.toks
        if not (self.adjacent(i) and f"{toks[i].word} {toks[i + 1].word}" in self.gaz):
            return None
        cue = self.prev(i) in _FROM_IN or self.after_cue(i, _PLACE_CUES)
        ordinary = _ordinary(toks[i + 1]) and _ordinary(toks[i])
        return self.add(i, i + 1, "place", 0.6 if ordinary else 0.9 if cue else 0.8)

    def cued_place(self, i: int) -> int | None:
        """Place word + name: "قرية الشجرة", "مخيم الزعتري" (the word is part of the name)."""
        tok = self.toks[i]
        if not self.after_cue(i, _PLACE_CUES) or tok.word in _STOP or len(tok.word) < 2:
            return None
        first = i - 1 if _bare(self.prev(i)) in _NAMED_WITH_CUE else i
        j = i
        if self.adjacent(i) and _definite(self.toks[i + 1]) and self.usable(i + 1):
            j = i + 1
        known = tok.word in self.gaz or _bare(tok.word) in self.gaz
        conf = 0.6 if _ordinary(tok) else 0.9 if known else 0.85
        return self.add(first, j, "place", conf)

    def named_person(self, i: int) -> int | None:
        """After a naming cue: "اسمي X", "قالت لي X", Persian "اسم من X"."""
        prev, prev2 = self.prev(i), self.prev(i, 2)
        named = prev in _NAME_CUES or (prev == "لي" and prev2 in _SPEECH)
        named = named or (prev == "من" and prev2 == "اسم")
        word = self.toks[i].word
        if named and word not in _STOP and not word.startswith("ال"):
            return self.person(i, 0.85, named=True)
        return None

    def known_place(self, i: int) -> int | None:
        """A name of the gazetteer, as written or without a proclitic ("بحلب")."""
        tok = self.toks[i]
        for form in (tok.word, _bare(tok.word)):
            if form in self.gaz and form not in _STOP and _zipf(tok.raw) < 5.2:
                ordinary = _ordinary(tok) or (
                    form != tok.word and _ordinary(_Tok(0, 0, tok.raw[1:], form))
                )
                cue = self.prev(i) in _FROM_IN or (tok.word[0] in "بل" and form != tok.word)
                return self.add(i, i, "place", 0.6 if ordinary else 0.9 if cue else 0.8)
        return None

    def kin_person(self, i: int) -> int | None:
        """After a kin or role cue: "أخي يوسف الحلبي", "جارتي سعاد"."""
        tok = self.toks[i]
        if (
            self.after_cue(i, _PERSON_CUES)
            and self.usable(i)
            and not _definite(tok)
            and not _verb_like(tok)
            and _zipf(tok.raw) < 6.3
        ):
            # A present-tense verb has the shape of a name ("صديقي يكتب", my friend writes):
            # below the leak guard's threshold.
            verb_shaped = tok.word[0] in "يتن" and len(tok.word) <= 5
            return self.person(i, 0.75 if verb_shaped else 0.85)
        return None

    def nasab_person(self, i: int) -> int | None:
        """A nasab chain without a cue: "محمد بن علي"."""
        if (
            self.usable(i)
            and not _definite(self.toks[i])
            and self.adjacent(i)
            and self.toks[i + 1].word in _NASAB
            and self.adjacent(i + 1)
            and self.named(i + 2)
        ):
            return self.person(i, 0.85)
        return None

    def unknown_place(self, i: int) -> int | None:
        """A preposition + a definite non-ordinary or a rare word: a place we do not know
        (below the leak guard's threshold)."""
        tok = self.toks[i]
        if self.prev(i) not in _FROM_IN or not self.usable(i) or len(tok.word) < 3:
            return None
        definite = _definite(tok) and tok.word not in _ORG_WORDS
        if definite or (_zipf(tok.raw) < 4.4 and not _verb_like(tok)):
            return self.add(i, i, "place", 0.55)
        return None

    def run(self) -> list[Suggestion]:
        i = 0
        while i < len(self.toks):
            i = self.step(i)
        self.propagate()
        return self.out

    def propagate(self) -> None:
        """Other mentions of a given name found by a cue ("قالت لي مريم" ... "مريم")."""
        if not self.given:
            return
        taken = [(s.start, s.end) for s in self.out]
        for tok in self.toks:
            if tok.word in self.given and not any(a < tok.end and tok.start < b for a, b in taken):
                self.out.append(
                    suggestion(tok.start, tok.end, "person", 0.7, "arabic_names", tok.raw)
                )


def find_arabic_names(text: str) -> list[Suggestion]:
    """People, places and organisations written in Arabic script."""
    return _Finder(text).run()
