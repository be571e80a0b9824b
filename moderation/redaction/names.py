# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Person and place detection for Latin-script text: capitalised sequences scored by gazetteer,
word-frequency evidence and context cues, plus cue-led lower-case names and propagation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import wordfreq

from . import cues
from .folding import fold, fold_with_map, map_span
from .gazetteer import load_gazetteer
from .language import name_likeness, zipf
from .model import Suggestion
from .organisations import ORG_WORDS
from .regex_util import trie_regex
from .scan import lower_same_length

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-.](?=[^\W\d_]))*\.?")
_PSEUDONYM = re.compile(r"^(?:Person|Place|Organisation|Name)$")


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    cap: bool


def _is_cap(word: str) -> bool:
    # "McDonald", "DeSouza", "SEINÄJOKI" are fine; "I" alone is handled by NOT_NAMES.
    return word[0].isupper()


def _char_class(chars: list[str]) -> str:
    """A regex character class for the given characters, as ranges."""
    out = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        lo, hi = re.escape(chars[i]), re.escape(chars[j])
        out.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "[" + "".join(out) + "]"


_LETTER = re.compile(r"[^\W\d_]")
# Letters for which str.isupper() holds: a capitalised token starts with one of these. Classes
# of BMP characters compile to a fast bitmap; the few others are checked separately.
_UPPER_BMP = _char_class([c for c in map(chr, range(0x10000)) if c.isupper() and _LETTER.match(c)])
_UPPER_ASTRAL = _char_class(
    [c for c in map(chr, range(0x10000, 0x110000)) if c.isupper() and _LETTER.match(c)]
)
_UPPER = "(?:(?=" + _UPPER_BMP + ")|(?=" + _UPPER_ASTRAL + "))"
_MAYBE_UPPER = "(?=" + _UPPER_BMP[:-1] + "\U00010000-\U0010ffff])"  # quick first test
# A token (as _TOKEN finds it) starts at a letter that does not continue an earlier token.
_TOK_START = r"(?<![^\W\d_])(?<![^\W\d_]['’\-.])"
_CAP_TOK = _UPPER + r"[^\W\d_](?:[^\W\d_]|['’\-.](?=[^\W\d_]))*\.?"
_CONNECTOR = (
    r"(?i:"
    + "|".join(sorted(cues.NAME_CONNECTORS, key=len, reverse=True))
    + r")(?![^\W\d_.]|['’\-][^\W\d_])"
)
_GAP = r"[ -]{1,2}"  # only up to two spaces or hyphens may separate words of one name
# A run of capitalised tokens, joined by short gaps and lower-case connectors that are followed
# by another capitalised token: the same runs as the token-by-token walk, found in one pass.
_CAP_RUN = re.compile(
    _MAYBE_UPPER
    + _TOK_START
    + _CAP_TOK
    + "(?:"
    + _GAP
    + "(?:"
    + _CAP_TOK
    + "|"
    + _CONNECTOR
    + _GAP
    + _CAP_TOK
    + "))*"
)


def _cap_groups(text: str) -> Iterator[list[_Tok]]:
    """Runs of capitalised tokens (as _TOKEN finds them) joined by single spaces or hyphens and
    by lower-case connectors followed by a capitalised token; a token of 3+ characters ending
    in "." ("Nabl.") ends a run, an initial ("P.") does not. One regex pass over the text."""
    for m in _CAP_RUN.finditer(text):
        start, end = m.span()
        word = m.group()
        if end - start == len(word) and " " not in word and "-" not in word[1:]:
            # A single token (the common case): a hyphen inside would join two words.
            yield [_Tok(start, end, word, True)]
            continue
        toks = [
            _Tok(t.start(), t.end(), t.group(), _is_cap(t.group()))
            for t in _TOKEN.finditer(text, start, end)
        ]
        group: list[_Tok] = []
        for t in toks:
            if not group and not t.cap:
                continue  # a connector left over after a break
            group.append(t)
            if t.text.endswith(".") and len(t.text) > 2:
                yield group  # "Nabl." ends a sentence; "P." is an initial and may go on
                group = []
        if group:
            yield group


_SENTENCE_PUNCT = frozenset('.!?…:;"“”«»()[]\n>*•|-')
_OPENERS = frozenset("\"“«'(")


def _sentence_start(text: str, pos: int) -> bool:
    """Whether pos starts a sentence: only spaces and openers (at most 6 characters back) since
    the text start or sentence punctuation."""
    lo = max(0, pos - 6)
    k = pos
    while k > lo:
        c = text[k - 1]
        if c in _SENTENCE_PUNCT:
            return True
        if not (c.isspace() or c in _OPENERS):
            return False
        k -= 1
    return k == 0


def _word(t: _Tok) -> str:
    return t.text.rstrip(".").strip("'’-")


def _likeness(t: _Tok, lang: str) -> float:
    return _word_likeness(_word(t), lang)


@lru_cache(maxsize=65536)
def _word_likeness(w: str, lang: str) -> float:
    if fold(w) in cues.NOT_NAMES or _PSEUDONYM.match(w):
        return 0.0
    if len(w) == 1:
        return 0.3  # an initial
    return name_likeness(w, lang)


@lru_cache(maxsize=65536)
def _not_name(w: str) -> bool:
    return fold(w) in cues.NOT_NAMES or bool(_PSEUDONYM.match(w))


def _span(text: str, toks: list[_Tok], kind: str, conf: float, detector: str) -> Suggestion:
    start, end = toks[0].start, toks[-1].end
    if text[end - 1] == "." and not re.search(r"\b[A-Z]\.$", text[start:end]):
        end -= 1  # keep the full stop of a sentence out, but not of an initial
    return Suggestion(start, end, kind, conf, detector, text[start:end])


def _prev_word(text: str, pos: int) -> str:
    """The word just before pos (lower case), or '' if punctuation other than , : intervenes."""
    i = pos
    while i > 0 and text[i - 1] in " \t,:\u00a0":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'’-."):
        j -= 1
    return text[j:i].lower().strip(".")


@lru_cache(maxsize=65536)
def _facts(texts: tuple[str, ...], lang: str) -> tuple[list[str], int, list[float]] | None:
    """What _classify needs that does not depend on context: the words, gazetteer population
    and name-likeness; None when the group can never be a name. Cached (do not modify)."""
    words = [t.rstrip(".").strip("'’-") for t in texts]
    if any(w in ORG_WORDS for w in words):
        return None  # organisations are the organisation detector's business
    if all(_not_name(w) for w in words):
        return None
    pop = load_gazetteer().latin.get(fold(" ".join(words)), 0)
    likeness = [
        _word_likeness(w, lang)
        for t, w in zip(texts, words, strict=True)
        if t.lower() not in cues.NAME_CONNECTORS
    ]
    if not likeness:
        return None
    if (
        not pop
        and max(likeness) < 0.5
        and (
            len(words[0]) <= 1
            or zipf(words[0].lower(), lang if lang in ("en", "es", "fr") else "en") >= 5.5
        )
    ):
        return None  # only ordinary words ("The Big Three"); no cue can change that
    return words, pop, likeness


class _Cues:
    """Context cues around a group, each computed only when _classify asks for it (the regex
    searches are the expensive part; the answers are the same as computing them all)."""

    __slots__ = ("_before", "_person", "_place", "_prev", "_strong", "after", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.after = text[end : end + 30]
        self._before: str | None = None
        self._prev: str | None = None
        self._person: bool | None = None
        self._strong: bool | None = None
        self._place: bool | None = None

    def _window(self) -> str:
        if self._before is None:
            self._before = self.text[max(0, self.start - 40) : self.start]
        return self._before

    def _prev_word(self) -> str:
        if self._prev is None:
            self._prev = _prev_word(self.text, self.start)
        return self._prev

    def person(self) -> bool:
        """A person cue before ("my brother") or after ("said")."""
        if self._person is None:
            self._person = bool(
                self._prev_word() in cues.PERSON_LAST and cues.PERSON_BEFORE.search(self._window())
            ) or bool(cues.PERSON_AFTER.match(self.after))
        return self._person

    def strong_place(self) -> bool:
        """A strong place cue before ("born in", "village of") or after ("camp")."""
        if self._strong is None:
            self._strong = bool(
                self._prev_word() in cues.PLACE_LAST
                and cues.STRONG_PLACE_BEFORE.search(self._window())
            ) or bool(cues.PLACE_AFTER.match(self.after))
        return self._strong

    def place(self) -> bool:
        """A strong place cue or a place preposition before ("in", "from")."""
        if self._place is None:
            self._place = self.strong_place() or bool(
                self._prev_word() in cues.PLACE_LAST and cues.PLACE_BEFORE.search(self._window())
            )
        return self._place


def _classify(
    text: str, group: list[_Tok], lang: str, at_sentence_start: bool
) -> Suggestion | None:
    facts = _facts(tuple(t.text for t in group), lang)
    if facts is None:
        return None
    words, pop, likeness = facts
    cue = _Cues(text, group[0].start, group[-1].end)
    if pop:
        if pop < 1_000_000 and cue.person() and not cue.strong_place():
            return _span(text, group, "person", 0.85, "names")
        if cue.place():
            return _span(text, group, "place", 0.9, "names")
        if pop >= 50_000 or len(group) > 1:
            return _span(text, group, "place", 0.8 if not at_sentence_start else 0.7, "names")
        if min(likeness) >= 0.5:
            return _span(text, group, "person", 0.6, "names")
        return _span(text, group, "place", 0.5, "names")
    if cue.person() and zipf(words[0].lower(), lang if lang in ("en", "es", "fr") else "en") < 5.5:  # noqa: SIM102 (reads as two separate conditions)
        if not cue.strong_place() and len(words[0]) > 1:
            return _span(text, group, "person", 0.9, "names")
    if max(likeness) < 0.5:
        return None  # only ordinary words ("The Big Three")
    if cue.strong_place():
        return _span(text, group, "place", 0.85, "names")
    if cue.person():
        return _span(text, group, "person", 0.9, "names")
    rare = min(likeness) >= 0.9
    if len(likeness) >= 2:
        conf = 0.85 if rare else 0.7
        kind = "place" if cue.place() and not _looks_like_person(words) else "person"
        return _span(text, group, kind, conf, "names")
    w = words[0]
    if at_sentence_start:
        own = zipf(w.lower(), lang if lang in ("en", "es", "fr") else "en")
        if (
            own < 3.0
            and w.lower() not in cues.NAME_CONNECTORS
            and w.lower() not in cues.PERSON_LAST  # a cue word itself ("Sahbi kan ...")
            and w.lower() not in cues.PLACE_LAST
            and not _ELIDED_PRONOUN.match(w)  # "J'enseignais à ..."
        ):
            return _span(text, group, "person", 0.65, "names")
        if likeness[0] >= 0.9 and cues.SUBJECT_VERB.match(cue.after):
            return _span(text, group, "person", 0.6, "names")
        return None
    if w.isupper() and len(w) <= 4:
        return None  # acronyms: UN, NGO, USA
    kind = "place" if (lang != "en" and cue.place()) or cue.strong_place() else "person"
    if text[group[0].start - 3 : group[0].start].lower() in ("in ", "om ") and cue.place():
        kind = "place"
    return _span(text, group, kind, 0.75 if rare else 0.5, "names")


# A French elided pronoun glued to a verb: "J'enseignais", "N'oublie", "Qu'il", "C'était".
_ELIDED_PRONOUN = re.compile(r"^(?:[JjNnSsCcTtMm]|[Qq]u)['’][a-zà-ÿ]")


def _looks_like_person(words: list[str]) -> bool:
    return len(words) == 2 and all(len(w) > 1 for w in words) and words[0][0].isupper()


def find_names(text: str, lang: str = "en") -> list[Suggestion]:
    """People and places in Latin-script text (cues, gazetteer, frequency evidence)."""
    out: list[Suggestion] = []
    for group in _cap_groups(text):
        at_start = _sentence_start(text, group[0].start)
        if (
            at_start
            and len(group) > 1
            and _likeness(group[0], lang) < 0.5
            and not _gazetteer_part(tuple(t.text for t in group), whole=True)
        ):
            # "Then Samir Haddad came", "The Princess Royal": drop the sentence-initial word
            # (but not from a known place: "New Zealand", "South Africa").
            group = group[1:]
            while group and group[0].text.lower() in cues.NAME_CONNECTORS:
                group = group[1:]
            if not group:
                continue
            at_start = False
        sug = _classify(text, group, lang, at_start)
        if sug is None and len(group) > 1:
            # "Southern Tunisia", "Greater Manchester": ordinary words around a known place.
            part = _gazetteer_part(tuple(t.text for t in group), whole=False)
            if part is not None:
                sug = _span(text, group[part[0] : part[1]], "place", 0.7, "names")
        if sug is not None:
            out.append(sug)
    out.extend(_lowercase_after_cue(text, lang))
    out.extend(_lowercase_places(text, lang))
    return out


# A part of a group is taken as a place on its own only if it is at least this big.
_PART_MIN_POPULATION = 100_000
_PART_MAX_ZIPF = 5.0  # and a single word must not be a very common English word


@lru_cache(maxsize=65536)
def _gazetteer_part(texts: tuple[str, ...], whole: bool) -> tuple[int, int] | None:
    """(i, j) of the longest run of the group's words that is a known place: the whole group
    only (whole=True), or a proper part of at least _PART_MIN_POPULATION (whole=False)."""
    gaz = load_gazetteer().latin
    words = [t.rstrip(".").strip("'’-") for t in texts]
    n = len(words)
    if whole:
        return (0, n) if gaz.get(fold(" ".join(words)), 0) else None
    for size in range(n - 1, 0, -1):
        for i in range(n - size + 1):
            part = words[i : i + size]
            if part[0].lower() in cues.NAME_CONNECTORS or part[-1].lower() in cues.NAME_CONNECTORS:
                continue
            if size == 1 and (
                _not_name(part[0])
                or len(part[0]) < 3
                or zipf(part[0].lower(), "en") >= _PART_MAX_ZIPF  # "Can I ..."
            ):
                continue
            if gaz.get(fold(" ".join(part)), 0) >= _PART_MIN_POPULATION:
                return i, i + size
    return None


# Prepositions after which a lower-case known place name is taken as a place ("from tunisia").
_PLACE_PREPOSITIONS = (
    "in|from|near|to|into|towards|toward|via|through|outside|reached|"
    "desde|hacia|hasta|cerca de|depuis|vers|près de"
)
# Lower-case places are only looked up if not an ordinary word (zipf below this), unless the
# name is a country or region.
_LOWER_PLACE_MAX_ZIPF = 4.0


@lru_cache(maxsize=4)
def _preposition_then_word(lang: str) -> re.Pattern[str]:
    """A place preposition followed by a lower-case-able token that is not a common word
    (countries and first words of country names excepted). Runs on lower-cased text."""
    gaz = load_gazetteer().latin
    keep = {n.split()[0] for n, pop in gaz.items() if pop >= _COUNTRY_POPULATION}
    common = [
        w
        for w in wordfreq.top_n_list(lang, 3000)
        if w.isalpha() and zipf(w, lang) >= _LOWER_PLACE_MAX_ZIPF and w not in keep
    ]
    # Led by the non-letter before the preposition, on the text with one space in front (see
    # _CUE_THEN_TOKEN).
    return re.compile(
        r"[\W\d_]"  # a non-letter, as the former look-behind required
        + trie_regex(_PLACE_PREPOSITIONS.split("|"))
        + r"[ \t]+"
        + _TOK_START
        + r"(?=[^\W\d_])(?!"
        + trie_regex(common)
        + r"(?![^\W\d_]|['’\-.][^\W\d_]))"
    )


_COUNTRY_POPULATION = 10_000_000  # gazetteer pseudo-population of countries and regions


def _lowercase_places(text: str, lang: str) -> Iterator[Suggestion]:
    """'we moved here from tunisia', 'my friend lives in harburg': lower-case (or not
    capitalised) known places right after a place preposition."""
    zlang = lang if lang in ("en", "es", "fr") else "en"
    padded = " " + lower_same_length(text)
    gaz = load_gazetteer().latin
    pattern = _preposition_then_word(zlang)
    pos = 0
    while (m := pattern.search(padded, pos)) is not None:
        e = m.end() - 1  # the token start in text
        pos = e  # the next preposition may start at the token
        if text[e].isupper():
            continue  # capitalised names are find_names' business
        toks = []
        pos = e
        while len(toks) < 3:
            tm = _TOKEN.match(text, pos)
            if tm is None:
                break
            toks.append(tm)
            if text[tm.end() : tm.end() + 1] != " " or tm.group().endswith("."):
                break
            pos = tm.end() + 1
        for n in range(len(toks), 0, -1):
            words = [t.group() for t in toks[:n]]
            words[-1] = words[-1].rstrip(".")
            if words[-1].lower() in cues.NAME_CONNECTORS:
                continue
            pop = gaz.get(fold(" ".join(words)), 0)
            if pop < 1000:
                continue
            if (
                n == 1
                and pop < _COUNTRY_POPULATION
                and (len(words[0]) < 4 or zipf(words[0].lower(), zlang) >= _LOWER_PLACE_MAX_ZIPF)
            ):
                continue
            end = toks[n - 1].start() + len(words[-1])
            yield Suggestion(e, end, "place", 0.6, "names", text[e:end])
            break


# A cue word (as _prev_word sees it) followed by the start of a token: the only places where
# _lowercase_after_cue can find something, so only these tokens are looked at.
# The cue-word search runs on lower-cased text (same length), so it needs no IGNORECASE.
# The regex starts with the cue words so that the engine can skip to their first letters; it
# finds a superset (a cue may follow a dot), and _lowercase_after_cue checks _prev_word.
# It runs on the lower-cased text with one space in front, and starts with the non-letter that
# precedes the cue word (a plain character class: the engine scans for it in C, and spaces are
# far rarer than letters), instead of a look-behind after every letter.
_CUE_THEN_TOKEN = (
    r"[\W\d_]"  # a non-letter, as the former look-behind required
    + trie_regex(cues.PERSON_LAST | cues.PLACE_LAST)
    + r"\.*[ \t,:\u00a0]*"
    + _TOK_START
    + r"(?=[^\W\d_])"
)


# A token of at least three characters starts here.
_LEN3 = r"(?=[^\W\d_](?:['’\-.][^\W\d_]|[^\W\d_](?:[^\W\d_]|['’\-.][^\W\d_]|\.)))"


@lru_cache(maxsize=4)
def _cue_then_rare(lang: str) -> re.Pattern[str]:
    """Cue followed by a token of 3+ characters that is not a common word of the language.

    Common words (zipf >= 3.3) and short tokens are rejected by _lowercase_after_cue anyway;
    leaving them out in the regex saves the per-match work. Built once per language.
    """
    common = [
        w
        for w in wordfreq.top_n_list(lang, 3000)
        if w.isalpha() and len(w) >= 3 and zipf(w, lang) >= 3.3
    ]
    return re.compile(
        _CUE_THEN_TOKEN + _LEN3 + "(?!" + trie_regex(common) + r"(?![^\W\d_]|['’\-.][^\W\d_]))"
    )


def warm_up() -> None:
    """Build the per-language regexes now (called by gazetteer.warm_up)."""
    for lang in ("en", "es", "fr"):
        _cue_then_rare(lang)
        _preposition_then_word(lang)


def _lowercase_after_cue(text: str, lang: str) -> Iterator[Suggestion]:
    """'my brother samir' / 'in the village of kafr nabl': lower-case names after strong cues."""
    zlang = lang if lang in ("en", "es", "fr") else "en"
    padded = " " + lower_same_length(text)
    pattern = _cue_then_rare(zlang)
    pos = 0
    while (m := pattern.search(padded, pos)) is not None:
        e = m.end() - 1  # the token start in text
        # The next cue may start at the token (the non-letter before it is at e in padded).
        pos = e
        if text[e].isupper():
            continue
        tm = _TOKEN.match(text, e)
        if tm is None or tm.end() - e < 3:
            continue
        t = _Tok(e, tm.end(), tm.group(), False)
        w = _word(t)
        if zipf(w.lower(), zlang) >= 3.3:
            continue
        prev = _prev_word(text, t.start)
        if prev not in cues.PERSON_LAST and prev not in cues.PLACE_LAST:
            continue
        before = text[max(0, t.start - 40) : t.start]
        if cues.PERSON_BEFORE.search(before) and not cues.PERSON_BEFORE.search(before[-3:]):
            yield Suggestion(t.start, t.end, "person", 0.6, "names", text[t.start : t.end])
        elif cues.STRONG_PLACE_BEFORE.search(before):
            yield Suggestion(t.start, t.end, "place", 0.6, "names", text[t.start : t.end])


def propagate(text: str, found: list[Suggestion]) -> list[Suggestion]:
    """Mark every other occurrence of names already found (including single parts of full names)."""
    terms: dict[str, tuple[str, float]] = {}
    for s in found:
        if s.kind not in ("person", "place") or s.confidence < 0.6:
            continue
        terms.setdefault(fold(s.text), (s.kind, s.confidence))
        if s.kind == "person":
            for part in s.text.split():
                p = part.strip(".,'’")
                if len(p) >= 3 and p.lower() not in cues.NAME_CONNECTORS and p[0].isupper():  # noqa: SIM102 (reads as two separate conditions)
                    if name_likeness(p, "en") >= 0.5:
                        terms.setdefault(fold(p), ("person", 0.6))
    if not terms:
        return []
    folded, index = fold_with_map(text)
    covered = {(s.start, s.end) for s in found}
    out = []
    for fstart, fend, term in _occurrences(folded, terms):
        start, end = map_span(index, fstart, fend, text)
        if (start, end) in covered:
            continue
        original = text[start:end]
        if not original[0].isupper() and zipf(original.lower(), "en") >= 3.0:
            continue  # "hope" lower case is a word, not Hope
        kind, conf = terms[term]
        out.append(Suggestion(start, end, kind, min(conf, 0.75), "names", original))
    return out


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _occurrences(folded: str, terms: dict[str, tuple[str, float]]) -> list[tuple[int, int, str]]:
    """Non-overlapping whole-word occurrences of the terms, leftmost first, longest at a position.

    Same result as one regex alternation (longest term first) with word boundaries, without
    compiling a pattern for every text.
    """
    best: dict[int, str] = {}
    n = len(folded)
    for term in terms:
        if not term:
            continue
        size = len(term)
        i = folded.find(term)
        while i >= 0:
            j = i + size
            boundaries = (i == 0 or not _is_word_char(folded[i - 1])) and (
                j == n or not _is_word_char(folded[j])
            )
            if boundaries and size > len(best.get(i, "")):
                best[i] = term
            i = folded.find(term, i + 1)
    out = []
    pos = 0
    for i in sorted(best):
        if i < pos:
            continue
        term = best[i]
        out.append((i, i + len(term), term))
        pos = i + len(term)
    return out
