"""The kinds of the Arabic-script pass's suggestions, settled from one another once the pass is
done (arabic_names), so that the placeholder says what was there:

- an organisation's name runs on over the place right after it: the place is part of the name
  ("مدرسة ذكور دير البلح", the boys' school of Deir al-Balah; "فوج حماية تلعفر"), unless a
  preposition is glued to the place ("بعيادة الرحمة بالرمثا", at the clinic, in Ramtha);
- a person whose first word is a place word or an organisation's type word (after a naming cue:
  "بمخيم اسمه مخيم السلام", a camp called Al-Salam camp) is a place or an organisation;
- one word taken for a person that is a country's name ("هرب على لبنان") is the country, unless
  a title or a naming cue comes right before it;
- a place glued to "و" right after a person, in a list, whose word without the "و" is a listed
  given name, is that person ("مهند وسامر وعدي": Uday, not a village called "وعدي").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from .arabic_cue_words import NAME_CUES, ORG_WORDS, PLACE_CUES, STOP, TITLES
from .arabic_name_lexicon import NameStrength, name_strength
from .arabic_scan import ArabicScan
from .arabic_words import Tok, after_first_letter, persian_verb
from .folding import fold, folded_words
from .language import zipf
from .model import Suggestion, suggestion

_CLITICS = "بلوفع"
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_WORD = re.compile(r"\S+")
_LISTED_IN_A_LIST = 0.75
_GUESS = 0.6
_LISTED_NAME = 0.85
# A Persian organisation's name runs on over at most this many words after the pass's end.
_MAX_RUN_ON = 6
# "from", "and": inside a Persian organisation's name ("حمایت از کودکان و زنان").
_INSIDE = folded_words("از و")
_CITY = 100_000
# Prepositions that take a person as often as a place: to, from, for, about (Persian, Arabic);
# not "in" ("در", "في").
_TO_OR_FROM = folded_words("به از برای من عن")


def _retyped(s: Suggestion, kind: str, conf: float | None = None) -> Suggestion:
    return suggestion(
        s.start, s.end, kind, s.confidence if conf is None else conf, s.detector, s.text
    )


class _Kinds:
    def __init__(self, scan: ArabicScan, out: Sequence[Suggestion]) -> None:
        self.scan = scan
        self.out = list(out)
        self.index = {t.start: k for k, t in enumerate(scan.toks)}
        self.starts = [t.start for t in scan.toks]

    def tok(self, start: int) -> Tok | None:
        k = self.index.get(start)
        return None if k is None else self.scan.toks[k]

    def before(self, start: int) -> str:
        """The folded word right before the token starting at `start` ("" where none)."""
        k = self.index.get(start)
        return self.scan.toks[k - 1].word if k else ""

    def glued_place(self, s: Suggestion) -> bool:
        """The place starts with a preposition glued to its name ("بالرمثا", "بغازي عنتاب"):
        it starts with one of those letters and is not a known name as written ("بيت لاهيا")."""
        return s.text[:1] in _CLITICS and not self.scan.known(fold(s.text))

    def country_person(self, s: Suggestion) -> bool:
        if s.kind != "person" or " " in s.text.strip():
            return False
        tok = self.tok(s.start)
        if tok is None or tok.end != s.end:
            return False
        prev = self.before(s.start)
        return self.scan.known(tok.word, self.scan.countries) and prev not in TITLES | NAME_CUES

    def first_word_kind(self, s: Suggestion) -> str | None:
        """A person whose first word is a place word or a type word: that kind."""
        if s.kind != "person":
            return None
        tok = self.tok(s.start)
        if tok is None:
            return None
        if tok.word in PLACE_CUES:
            return "place"
        return "organisation" if tok.word in ORG_WORDS else None

    def listed_after_person(self, s: Suggestion, person_ends: set[int]) -> bool:
        """A place "وX" right after a person and a space, X a listed given name."""
        tok = self.tok(s.start)
        if s.kind != "place" or tok is None or tok.end != s.end or tok.word[:1] != "و":
            return False
        k = self.index[s.start]
        if not k or self.scan.toks[k - 1].end not in person_ends:
            return False
        if self.scan.text[self.scan.toks[k - 1].end : tok.start].strip():
            return False
        rest = after_first_letter(tok)
        return len(rest.word) >= 3 and name_strength(rest) is not NameStrength.NONE

    def listed_after_preposition(self, s: Suggestion) -> bool:
        """A rare word after a preposition guessed as a place is a listed given name that no
        place of the gazetteer shares: the person ("به سکینه گفتم", "از صدیقه خبر دارید")."""
        tok = self.tok(s.start)
        if s.kind != "place" or s.confidence > _GUESS or tok is None or tok.end != s.end:
            return False
        if self.before(s.start) not in _TO_OR_FROM:
            return False  # "در سهراب گوت", in Sohrab Goth: a place's first word
        listed = name_strength(tok) in (NameStrength.RARE, NameStrength.COMMON)
        return listed and not self.scan.known(tok.word)

    def name_read_as_place(self, s: Suggestion) -> bool:
        """One word read as a place, whole a listed given name, with no place word or
        preposition before it: the person ("وليد" is no "و" + "ليد", "كريم" no village of that
        name), unless a country or a city of 100,000 or more has the name."""
        tok = self.tok(s.start)
        if s.kind != "place" or tok is None or tok.end != s.end or s.confidence < _GUESS:
            return False
        if name_strength(tok) is NameStrength.NONE:
            return False
        prev = self.before(s.start)
        if prev in self.scan.from_in or prev in PLACE_CUES or prev in ORG_WORDS:
            return False
        word = tok.word
        if self.scan.known(word, self.scan.countries) or self.scan.population(word) >= _CITY:
            return False
        return not (word[:1] in _CLITICS and self.scan.population(word[1:]) >= _CITY)

    def met_in_a_city(self, s: Suggestion) -> bool:
        """A person after a verb of meeting and a glued "ب" is a city ("قابلنا بسبها", we met in
        Sabha): "ب" + a gazetteer town of 100,000 or more that is no listed given name."""
        tok = self.tok(s.start - 1)  # the person is found without its "ب"
        if s.kind != "person" or tok is None or tok.end != s.end or tok.word[:1] != "ب":
            return False
        rest = Tok(s.start, s.end, s.text, tok.word[1:])
        if name_strength(rest) is not NameStrength.NONE:
            return False
        return self.scan.population(rest.word) >= _CITY

    def persian_name_end(self, s: Suggestion) -> Suggestion:
        """A Persian organisation's name cut after its second word (the ezafe is not written)
        runs on over "از X" and "و X" (of, and): "موسسه حمایت از کودکان و زنان", a charity for
        the protection of children and women; X no verb, function word or the noun of a
        compound verb ("... و زنان کمک کرد": "کمک کرد" is the verb)."""
        toks, text = self.scan.toks, self.scan.text
        last = bisect_left(self.starts, s.end) - 1
        end = last
        while end + 2 < len(toks) and end - last < _MAX_RUN_ON:
            joint, word = toks[end + 1], toks[end + 2]
            gaps = text[toks[end].end : joint.start] + text[joint.end : word.start]
            if joint.word not in _INSIDE or gaps.strip():
                break
            if persian_verb(word.raw) or word.word in STOP:
                break
            after = toks[end + 3] if end + 3 < len(toks) else None
            if after is not None and persian_verb(after.raw) and _verb_noun(word):
                break
            end += 2
        if end == last:
            return s
        stop = toks[end].end
        return suggestion(s.start, stop, s.kind, s.confidence, s.detector, text[s.start : stop])

    def run(self) -> list[Suggestion]:
        person_ends = {s.end for s in self.out if s.kind == "person"}
        settled: list[Suggestion] = []
        for s in self.out:
            if self.scan.persian and s.kind == "organisation" and not self.scan.kurdish:
                s = self.persian_name_end(s)
            kind = self.first_word_kind(s)
            if kind is not None:
                s = _retyped(s, kind)
            elif self.country_person(s):
                s = _retyped(s, "place", min(s.confidence, 0.8))
            elif self.listed_after_person(s, person_ends):
                s = _retyped(s, "person", _LISTED_IN_A_LIST)
            elif self.listed_after_preposition(s):
                s = _retyped(s, "person")
            elif self.met_in_a_city(s):
                s = _retyped(s, "place")
            elif self.name_read_as_place(s):
                s = _retyped(s, "person", min(s.confidence, _LISTED_NAME))
            settled.append(s)
        return self.run_on(settled)

    def run_on(self, out: list[Suggestion]) -> list[Suggestion]:
        """Organisations run on over the place right after them."""
        places = {s.start: s for s in out if s.kind == "place"}
        text = self.scan.text
        absorbed: set[int] = set()
        result: list[Suggestion] = []
        for s in out:
            if s.kind != "organisation":
                result.append(s)
                continue
            nxt = self.tok_after(s.end)
            place = places.get(nxt.start) if nxt is not None else None
            if (
                place is not None
                and text[s.end : place.start].isspace()
                and not self.glued_place(place)
            ):
                absorbed.add(place.start)
                joined = text[s.start : place.end]
                s = suggestion(s.start, place.end, s.kind, s.confidence, s.detector, joined)
            result.append(s)
        return [s for s in result if not (s.kind == "place" and s.start in absorbed)]

    def tok_after(self, end: int) -> Tok | None:
        """The first token starting at or after `end`."""
        k = bisect_left(self.starts, end)
        return self.scan.toks[k] if k < len(self.starts) else None


def _verb_noun(tok: Tok) -> bool:
    """A frequent Persian noun that is no listed name: before a verb, the noun of a compound
    verb ("کمک کرد", "کار می‌کردم"), not the end of a name."""
    listed = name_strength(tok) is not NameStrength.NONE
    return not listed and zipf(tok.raw, "fa") >= 4.5


def settle_arabic_kinds(scan: ArabicScan, out: Sequence[Suggestion]) -> list[Suggestion]:
    """The pass's suggestions with their kinds settled from one another (see the docstring)."""
    return _Kinds(scan, out).run()


_PRISON = fold("سجن")


def settle_arabic_organisations(text: str, found: Sequence[Suggestion]) -> list[Suggestion]:
    """The organisations module's Arabic pattern (a type word and the next one or two words)
    settled against the Arabic-script pass: a prison is a place, as the place words have it
    ("سجن الأمن السياسي"); a name that runs over a known place glued to a preposition ends
    before it ("مستشفى الهمشري بصيدا": the hospital, then Saida; not before an unknown word,
    which may be part of the name), one that keeps only its type word goes."""
    places = [
        s for s in found if s.kind == "place" and s.text[:1] in _CLITICS and s.confidence >= 0.8
    ]
    out: list[Suggestion] = []
    for s in found:
        if s.detector != "organisation" or not _ARABIC_LETTER.match(s.text):
            out.append(s)
            continue
        words = list(_WORD.finditer(s.text))
        while len(words) > 1 and fold(words[-1].group()) in STOP:
            words.pop()  # "جامعة دمشق قبل" (before), "سجن كان في"
        if len(words) == 1:
            continue
        end = s.start + words[-1].end()
        if end < s.end:
            s = suggestion(s.start, end, s.kind, s.confidence, s.detector, text[s.start : end])
        if fold(words[0].group()) == _PRISON:
            out.append(_retyped(s, "place"))
            continue
        inside = [p.start for p in places if s.start < p.start < s.end]
        if not inside:
            out.append(s)
            continue
        kept = text[s.start : min(inside)].rstrip()
        if " " in kept:
            out.append(
                suggestion(s.start, s.start + len(kept), s.kind, s.confidence, s.detector, kept)
            )
    return out
