# ruff: noqa: RUF001  (multilingual text: Arabic letters are data)
"""People in Arabic script known by the shape of the sentence around them, whether or not the
name is on a list, suggested below the leak guard's threshold (0.6):

- a word that starts a sentence or clause and is followed by a verb of speaking or being
  conjugated for a person ("يزن قال لي", "روناهی گفت", "عبدو كان يشتغل"): its subject; before a
  verb of speaking a rare definite word too, a nickname ("التاية قالت");
- a word after the vocative "يا" ("يا جواد وينك");
- a word followed by "وهو" / "وهي" and a present-tense verb (while he / she was …ing: "غدير وهي
  تركض");
- Persian "X صدایم می‌کنند" (they call me X);
- the other mentions of a word found so, and of the name inside a kunya or after a title found
  with it ("ابو سمرة" ... "سمرة كانت", "کاکا شیرین" ... "شیرین ما را").

The word must be shaped like a name (`name_shaped`: not a function word, a common noun, a verb
or a frequent word); the sentence is the evidence, and it is weak, so each is a guess.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from .arabic_cue_words import (
    ENDEARMENTS,
    KIN_POSSESSED,
    KUNYA,
    PERSON_CUES,
    RELATIONS,
    STOP,
    TITLES,
)
from .arabic_name_extent import adjacent, starts_sentence, subjectless
from .arabic_name_links import name_shaped
from .arabic_words import (
    Tok,
    arabic_zipf,
    common_noun,
    definite,
    ordinary,
    persian_common,
    persian_verb,
    unlike_a_name,
)
from .folding import fold, folded_words
from .language import zipf
from .model import Suggestion, suggestion

_GUESS = 0.6
_CALLED = 0.7


# A verb of speaking in the third person: its subject, before it, is a person.
_SPEAKS = folded_words("قال قالت بيقول بتقول يقول تقول حكى حكت گفت میگفت می‌گفت میگه")
_BEING = folded_words("كان كانت ضل ضلت صار صارت")
_VOCATIVE = fold("يا")
# Words of the dialects that start a clause or follow "يا" and are no one's name: then, that
# day, suddenly, now, once; "if only", "Lord", "shame", "my dear", "man", "folks", "lads";
# there, here.
_NOT_NAMES = folded_words(
    "بعدين وبعدين ساعتها يومها وقتها حينها فجأة فجاة هلأ هلق هسا هسه هسع مرة طبعا يعني "
    "ريت رب حرام حسرة خسارة حبيبي حبيبتي عيني زلمة جماعة شباب بنات ولاد ناس عالم جدعان "
    "اخوان خيي خيو عمو ستي حجي حجة مدام استاذ شيخ يمه يابا ويلي لطيف ساتر هلا "
    # there, here, over there
    "هونيك هنيك هون هناك هنا هنايا غادي"
)
_WHILE = folded_words("وهو وهي")
_CALL_ME = folded_words("صدایم صدام")
_TO_US = folded_words("لي لنا له لها لهم")
# Endearments after a name one writes to: "عيوش حبيبتي،", "يمنى روحي،".
_DEAR = folded_words("حبيبتي حبيبي روحي عمري قلبي عزيزتي عزيزي")
_WAD = fold("ود")
_CHILD_OF = folded_words("بت بنت ود ولد")
_TRIGGERS_AFTER = _WHILE | _CALL_ME | _DEAR
_TRIGGERS_BEFORE = _TO_US | {_VOCATIVE}
# Persian kin words without "my" and the verb "to be": "امید برادر کوچکم بود" (Omid was my
# little brother), "بهار و امید بچه‌های من هستند".
_PERSIAN_KIN = folded_words(
    "برادر خواهر پسر دختر بچه بچه‌های فرزند فرزندان همسر شوهر زن دوست پدر مادر"
)
_TO_BE = folded_words("بود است هست بودند هستند بوده")


def _nominal(tok: Tok, persian: bool) -> bool:
    """A word that can be a name where a verb cannot stand (before a verb of speaking, after
    "يا"): not a function, kin or title word, a common noun, a frequent word or, in Persian, a
    verb; unlike `name_shaped`, a word shaped like a present-tense verb passes ("يزن", "تيم")."""
    word = tok.word
    if len(word) < 3 or word in STOP or word in PERSON_CUES or word in TITLES or definite(tok):
        return False
    if word in _NOT_NAMES or _possessed(tok.raw):
        return False
    if word in ENDEARMENTS or ordinary(tok) or common_noun(tok.raw) or arabic_zipf(tok.raw) >= 4.8:
        return False
    return not (persian and (persian_common(tok.raw) or persian_verb(tok.raw)))


def _possessed(raw: str) -> bool:
    """A frequent noun with a pronoun ending: "بيتنا" (our house), "شغلي" (my work)."""
    return any(
        raw.endswith(s) and len(raw) > len(s) + 2 and arabic_zipf(raw[: -len(s)]) >= 3.5
        for s in ("نا", "ها", "هم", "ه", "ي", "ك")
    )


def _past_verb(word: str, least: float = 3.0) -> bool:
    """A past tense in the third person whose "they did" is a word: "وقعت", "راحت" (she fell,
    went), "هرب" (he fled: "هربوا"). Given names have no "they did" ("عزاموا")."""
    stem = word[:-1] if word.endswith("ت") and len(word) >= 4 else word
    return len(stem) >= 3 and zipf(stem + "وا", "ar") >= least


def _verb_now(word: str) -> bool:
    """A present-tense verb as the dialects write it: "تركض", "يبكي", "بتعيط", "عم يحكي"."""
    if word.startswith(("بت", "بي", "بن")):
        word = word[1:]
    return len(word) >= 3 and word[0] in "تي"


class _Subjects:
    def __init__(self, text: str, toks: Sequence[Tok], found: Sequence[Suggestion]) -> None:
        self.text = text
        self.toks = toks
        self.starts = [t.start for t in toks]
        self.covered: set[int] = set()
        for s in found:
            self.cover(s.start, s.end)
        self.kunya_names = {
            name for s in found if s.kind == "person" and (name := _kunya_name(s.text))
        }
        self.out: list[Suggestion] = []

    def cover(self, start: int, end: int) -> None:
        self.covered.update(range(bisect_left(self.starts, start), bisect_left(self.starts, end)))

    def add(self, k: int, conf: float, last: int | None = None) -> None:
        start, end = self.toks[k].start, self.toks[k if last is None else last].end
        self.out.append(
            suggestion(start, end, "person", conf, "arabic_names", self.text[start:end])
        )
        self.cover(start, end)

    def next_word(self, k: int) -> str:
        """The word right after token k, "" where punctuation or the end comes first."""
        return self.toks[k + 1].word if adjacent(self.text, self.toks, k) else ""

    def kin_of(self, k: int) -> bool:
        """Token k is followed by "بت" / "ود" (daughter / son of) and a kin word with "my":
        "التاية بت خالتي", Al-Taya, my aunt's daughter."""
        if self.next_word(k) not in _CHILD_OF or not adjacent(self.text, self.toks, k + 1):
            return False
        return self.toks[k + 2].word in KIN_POSSESSED

    def speaker(self, k: int, persian: bool) -> bool:
        """Token k starts a clause and a verb of speaking or being follows it, or "بت خالتي"."""
        verb = self.next_word(k)
        if not verb or not starts_sentence(self.text, self.toks, k):
            return False
        tok = self.toks[k]
        cued = verb in _SPEAKS or verb in _BEING or (not persian and self.kin_of(k))
        acted = not cued and not persian and _past_verb(verb) and not _past_verb(tok.raw, 2.0)
        if not cued and not acted:
            return False
        if definite(tok) and not persian and verb not in _BEING:
            return arabic_zipf(tok.raw) < 2.5 and not common_noun(tok.raw)
        return _nominal(tok, persian)

    def kin_is(self, k: int) -> bool:
        """Persian: token k starts a clause and is followed by a kin word and, within three
        words, "to be" ("امید برادر کوچکم بود", Omid was my little brother)."""
        nxt = self.next_word(k)
        if not (nxt in PERSON_CUES or nxt in _PERSIAN_KIN or nxt in RELATIONS):
            return False
        if not starts_sentence(self.text, self.toks, k):
            return False
        ahead = [t.word for t in self.toks[k + 2 : k + 5]]
        if not any(w in _TO_BE for w in ahead):
            return False
        # The place says "a person": a frequent word passes ("امید", hope), not a verb.
        tok = self.toks[k]
        plain = tok.word in STOP or tok.word in PERSON_CUES or tok.word in _NOT_NAMES
        plain = plain or zipf(tok.raw, "fa") >= 5.5  # "کار", "خانه", "اسم"
        return len(tok.word) >= 3 and not plain and not persian_verb(tok.raw)

    def addressed(self, k: int, persian: bool) -> bool:
        """Token k follows the vocative "يا"."""
        if k == 0 or self.toks[k - 1].word != _VOCATIVE:
            return False
        return adjacent(self.text, self.toks, k - 1) and _nominal(self.toks[k], persian)

    def doing(self, k: int, persian: bool) -> bool:
        """Token k is followed by "وهو" / "وهي" and a present-tense verb."""
        if persian or self.next_word(k) not in _WHILE or not adjacent(self.text, self.toks, k + 1):
            return False
        return _verb_now(self.toks[k + 2].word) and name_shaped(self.toks[k], persian)

    def called(self, k: int, persian: bool) -> bool:
        """Persian "X صدایم می‌کنند" (they call me X)."""
        return persian and self.next_word(k) in _CALL_ME and _nominal(self.toks[k], persian)

    def told_us(self, k: int, persian: bool) -> bool:
        """Token k follows "قال لنا" / "قالت لي" with no subject before the verb, and is no verb
        itself: the speaker ("قال لنا عزام بتطلعوا")."""
        if persian or k < 2 or self.toks[k - 1].word not in _TO_US:
            return False
        if self.toks[k - 2].word not in _SPEAKS or not adjacent(self.text, self.toks, k - 1):
            return False
        if not subjectless(self.text, self.toks, k - 2):
            return False
        return _nominal(self.toks[k], persian) and not unlike_a_name(self.toks[k], persian)

    def dear(self, k: int, persian: bool) -> bool:
        """Token k starts a sentence and is followed by an endearment and a comma."""
        if self.next_word(k) not in _DEAR or not starts_sentence(self.text, self.toks, k):
            return False
        after = self.text[self.toks[k + 1].end : self.toks[k + 1].end + 2].strip()[:1]
        return after in ("،", ",") and _nominal(self.toks[k], persian)

    def wad(self, k: int) -> bool:
        """Sudanese "ود" (son of) before a definite word at a clause start: "ود النور"."""
        tok = self.toks[k]
        if tok.word != _WAD or not adjacent(self.text, self.toks, k):
            return False
        return definite(self.toks[k + 1]) and starts_sentence(self.text, self.toks, k)

    def placed(self, k: int, persian: bool) -> bool:
        """Token k is where the sentence names a person (the cheap tests of position first)."""
        return (
            self.speaker(k, persian)
            or self.addressed(k, persian)
            or self.doing(k, persian)
            or self.told_us(k, persian)
            or self.dear(k, persian)
            or (persian and self.kin_is(k))
        )

    def candidate(self, k: int) -> bool:
        """Token k is where one of the rules may apply: a clause's start, after "يا" or "قال
        لنا", before "وهو", "صدایم" or an endearment (the cheap tests, asked first)."""
        if k + 1 < len(self.toks) and self.toks[k + 1].word in _TRIGGERS_AFTER:
            return True
        if k > 0 and self.toks[k - 1].word in _TRIGGERS_BEFORE:
            return True
        return starts_sentence(self.text, self.toks, k)

    def run(self, persian: bool) -> list[Suggestion]:
        names: set[str] = set()
        for k, tok in enumerate(self.toks):
            if k in self.covered or not self.candidate(k):
                continue
            if self.called(k, persian):
                self.add(k, _CALLED)
            elif not persian and self.wad(k):
                self.add(k, _GUESS, k + 1)
                continue
            elif self.placed(k, persian):
                self.add(k, _GUESS)
            else:
                continue
            names.add(tok.word)
        names |= self.kunya_names
        for k, tok in enumerate(self.toks):
            if k not in self.covered and tok.word in names:
                self.add(k, _GUESS)
        return self.out


def _kunya_name(text: str) -> str | None:
    """The one-word name inside a kunya when it is shaped like a name ("ابو سمرة" -> "سمرة",
    "ابو الجود" -> "جود"; not "ام الخير", mother of good), or the name after a title or kin word
    found with it, whatever the word ("کاکا شیرین" -> "شیرین", sweet: the title says a person)."""
    words = fold(text).split()
    if len(words) != 2:
        return None
    raw = text.split()[1]
    if words[0] in TITLES or words[0] in PERSON_CUES:
        usable = len(words[1]) >= 3 and words[1] not in STOP and words[1] not in PERSON_CUES
        return words[1] if usable and not words[1].startswith("ال") else None
    if words[0] not in KUNYA:
        return None
    name = words[1][2:] if words[1].startswith("ال") and len(words[1]) > 4 else words[1]
    raw = raw[2:] if raw.startswith("ال") and len(raw) > 4 else raw
    return name if name_shaped(Tok(0, len(raw), raw, name)) else None


def subject_people(
    text: str, toks: Sequence[Tok], found: Sequence[Suggestion], persian: bool
) -> list[Suggestion]:
    """People known by the sentence around them (see the module's docstring), below the leak
    guard's threshold."""
    return _Subjects(text, toks, found).run(persian)
