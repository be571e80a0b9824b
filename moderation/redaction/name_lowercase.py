# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Lower-case names and places of the names detector: after a strong cue ("my brother samir",
"in the village of kafr nabl") and after a place preposition ("we came from tunisia")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

import wordfreq

from . import cues
from .folding import fold
from .gazetteer import load_gazetteer
from .language import zipf
from .model import Suggestion, suggestion
from .name_tokens import TOK_START, TOKEN, prev_word
from .regex_util import trie_regex
from .scan import lower_same_length

# Prepositions after which a lower-case known place name is taken as a place ("from tunisia").
PLACE_PREPOSITIONS = (
    "in|from|near|to|into|towards|toward|via|through|outside|reached|"
    "desde|hacia|hasta|cerca de|depuis|vers|près de"
)
# Lower-case places are only looked up if not an ordinary word (zipf below this), unless the
# name is a country or region.
_LOWER_PLACE_MAX_ZIPF = 4.0
_COUNTRY_POPULATION = 10_000_000  # gazetteer pseudo-population of countries and regions


_NON_LETTER = r"[\W\d_]"  # what both scans are led by (see _CUE_THEN_TOKEN)
# What may follow a preposition (before the name) and a cue word (after its dots): the
# characters themselves, each as it is in a regex character class.
_PREP_GAP = " \t"
_CUE_GAP = " \t,:\u00a0"


@lru_cache(maxsize=4)
def _prep_common(lang: str) -> tuple[str, ...]:
    """The common words that the preposition scan rejects after its preposition (countries
    and first words of country names excepted)."""
    gaz = load_gazetteer().latin
    keep = {n.split()[0] for n, pop in gaz.items() if pop >= _COUNTRY_POPULATION}
    return tuple(
        w
        for w in wordfreq.top_n_list(lang, 3000)
        if w.isalpha() and zipf(w, lang) >= _LOWER_PLACE_MAX_ZIPF and w not in keep
    )


@lru_cache(maxsize=4)
def _preposition_then_word_source(lang: str) -> str:
    """A place preposition followed by a lower-case-able token that is not a common word
    (countries and first words of country names excepted), after the non-letter that leads
    every scan (not included). Runs on lower-cased text."""
    return (
        trie_regex(PLACE_PREPOSITIONS.split("|"))
        + "["
        + _PREP_GAP
        + "]+"
        + TOK_START
        + r"(?=[^\W\d_])(?!"
        + trie_regex(_prep_common(lang))
        + r"(?![^\W\d_]|['’\-.][^\W\d_]))"
    )


@lru_cache(maxsize=4)
def preposition_then_word(lang: str) -> re.Pattern[str]:
    """The preposition scan on its own (the tests compare the one-pass scan with it)."""
    return re.compile(_NON_LETTER + _preposition_then_word_source(lang))


def lowercase_places(text: str, lang: str) -> list[Suggestion]:
    """'we moved here from tunisia', 'my friend lives in harburg': lower-case (or not
    capitalised) known places right after a place preposition."""
    zlang = lang if lang in ("en", "es", "fr") else "en"
    return list(_places(text, zlang, _token_starts(text, zlang)[1]))


def known_lowercase_places(text: str, lang: str, starts: list[int]) -> list[Suggestion]:
    """Known places written in lower case at the given token starts."""
    zlang = lang if lang in ("en", "es", "fr") else "en"
    return list(_places(text, zlang, starts))


def _places(text: str, zlang: str, starts: list[int]) -> Iterator[Suggestion]:
    """lowercase_places at the token starts the preposition scan found."""
    gaz = load_gazetteer().latin
    for e in starts:
        if text[e].isupper():
            continue  # capitalised names are find_names' business
        toks: list[re.Match[str]] = []
        pos = e
        while len(toks) < 3:
            tm = TOKEN.match(text, pos)
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
            yield suggestion(e, end, "place", 0.6, "names", text[e:end])
            break


# A cue word (as prev_word sees it) followed by the start of a token: the only places where
# lowercase_after_cue can find something, so only these tokens are looked at.
# The cue-word search runs on lower-cased text (same length), so it needs no IGNORECASE; it
# finds a superset (a cue may follow a dot), and lowercase_after_cue checks prev_word.
# It runs on the lower-cased text with one space in front, led by the non-letter that precedes
# the cue word (_NON_LETTER: a plain character class, which the engine scans for in C; spaces
# are far rarer than letters), instead of a look-behind after every letter.
# Only the cue words after which PERSON_BEFORE or STRONG_PLACE_BEFORE can match are looked for
# (cues.SCAN_CUES: not "the", "my", "a", ...); every other hit was rejected after the search.
_CUE_THEN_TOKEN = (
    trie_regex(cues.SCAN_CUES) + r"\.*[" + _CUE_GAP + "]*" + TOK_START + r"(?=[^\W\d_])"
)


# A token of at least three characters starts here.
_LEN3 = r"(?=[^\W\d_](?:['’\-.][^\W\d_]|[^\W\d_](?:[^\W\d_]|['’\-.][^\W\d_]|\.)))"


@lru_cache(maxsize=4)
def _cue_then_rare_source(lang: str) -> str:
    """Cue followed by a token of 3+ characters that is not a common word of the language,
    after the non-letter that leads every scan (not included).

    Common words (zipf >= 3.3) and short tokens are rejected by lowercase_after_cue anyway;
    leaving them out in the regex saves the per-match work. Built once per language.
    """
    return (
        _CUE_THEN_TOKEN
        + _LEN3
        + "(?!"
        + trie_regex(_cue_common(lang))
        + r"(?![^\W\d_]|['’\-.][^\W\d_]))"
    )


@lru_cache(maxsize=4)
def _cue_common(lang: str) -> tuple[str, ...]:
    """The common words (zipf >= 3.3, 3+ letters) that the cue scan rejects after its cue."""
    return tuple(
        w
        for w in wordfreq.top_n_list(lang, 3000)
        if w.isalpha() and len(w) >= 3 and zipf(w, lang) >= 3.3
    )


@lru_cache(maxsize=4)
def cue_then_rare(lang: str) -> re.Pattern[str]:
    """The cue scan on its own (the tests compare the one-pass scan with it)."""
    return re.compile(_NON_LETTER + _cue_then_rare_source(lang))


# What both scans need right after their non-letter: a cue word or a preposition (each scan
# starts with one) that is not followed by a letter (a cue word is followed by dots, spacing
# or, through the token-start test, a non-letter; a preposition by spaces or tabs). Tested
# first, it rejects most positions (a space before an ordinary word) at the cost of one tree
# of words, before the two look-aheads and their groups are set up.
_SCAN_WORD = (
    "(?=" + trie_regex(cues.SCAN_CUES | set(PLACE_PREPOSITIONS.split("|"))) + r"(?![^\W\d_]))"
)


@lru_cache(maxsize=4)
def _both_scans(lang: str) -> re.Pattern[str]:
    """The cue scan and the preposition scan in one pass over the text: at each non-letter
    (followed by a word one of them starts with), each is tried as a look-ahead (group "cue" /
    "prep" ends at the token start it found), and the position is a match only if one of them
    matched (the conditional fails otherwise)."""
    return re.compile(_NON_LETTER + _SCAN_WORD + _both_looks(lang))


@lru_cache(maxsize=4)
def _scans_at(lang: str) -> re.Pattern[str]:
    """_both_scans without the _SCAN_WORD test, to match at the positions _scan_positions
    finds: the same matches (each look-ahead starts with its own words; _SCAN_WORD only lets
    a search skip positions early), without testing the words twice."""
    return re.compile(_NON_LETTER + _both_looks(lang))


def _both_looks(lang: str) -> str:
    """The two look-aheads of _both_scans and the conditional that needs one of them."""
    return (
        "(?:(?=(?P<cue>"
        + _cue_then_rare_source(lang)
        + "))|)(?:(?=(?P<prep>"
        + _preposition_then_word_source(lang)
        + "))|)(?(cue)|(?(prep)|(?!)))"
    )


_LETTER = re.compile(r"[^\W\d_]")  # a letter, as the scans' regexes see it
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _letter_run(word: str) -> str:
    """The letters (as the scans see them) that word starts with."""
    i = 0
    while i < len(word) and _LETTER.match(word, i):
        i += 1
    return word[:i]


def _scan_leads() -> dict[str, str]:
    """Each letter run that a word of _SCAN_WORD starts with ("cerca" for "cerca de", "s" for
    "s'appelle"), with the characters that can follow it where _both_scans matches.

    Where _both_scans matches at p, the cue (or preposition) group matched a word w right
    after p. The text's maximal run of letters from p + 1 is w's leading run L: if w has a
    non-letter, the text has the same character there; if w is all letters, what follows it
    in the pattern (the cue's dots and _CUE_GAP, or the preposition's _PREP_GAP, then a token
    start) cannot begin with a letter (a token does not start right after a letter). The
    character after the run is then w[len(L)], or the first of those gaps (a dot for a cue).
    """
    follow: dict[str, set[str]] = {}
    for words, after in (
        (cues.SCAN_CUES, "." + _CUE_GAP),
        (PLACE_PREPOSITIONS.split("|"), _PREP_GAP),
    ):
        for w in words:
            lead = _letter_run(w)
            assert lead, w  # every word starts with a letter: a run is never empty
            follow.setdefault(lead, set()).update(after if lead == w else w[len(lead)])
    return {lead: "".join(sorted(chars)) for lead, chars in follow.items()}


_SCAN_LEADS = _scan_leads()
_SCAN_LEADS_ASCII = {w.encode(): f for w, f in _SCAN_LEADS.items() if w.isascii()}


# bytes.translate tables (no per-call setup) for padded.encode("ascii", "replace"): each ASCII
# letter to itself, every other ASCII character to a space; "?" (which also stands for each
# non-ASCII character) to a space in ASCII text, else to itself.
_ASCII_LETTER_TABLE: Final = bytes(
    c if c < 128 and _LETTER.match(chr(c)) else 32 for c in range(256)
)
_MIXED_LETTER_TABLE = bytes(63 if c == 63 else b for c, b in enumerate(_ASCII_LETTER_TABLE))


def _shape(size: int, first: int, last: int) -> int:
    """An index into _LEAD_SHAPES for a piece of size bytes that starts and ends with the
    given bytes (their low five bits: a lower-case and an upper-case letter share a slot)."""
    return (min(size, 15) << 10) | ((first & 31) << 5) | (last & 31)


def _lead_shapes() -> bytes:
    """1 at the _shape of each ASCII lead, 0 elsewhere: a piece with a 0 is no lead, which is
    tested with a few integer operations instead of hashing the piece for the dict."""
    table = bytearray(16 << 10)
    for w in _SCAN_LEADS_ASCII:
        table[_shape(len(w), w[0], w[-1])] = 1
    return bytes(table)


_LEAD_SHAPES: Final = _lead_shapes()


def _scan_positions(padded: str) -> list[int]:
    """The positions p (increasing) of the non-letters of padded that are followed by a
    maximal run of letters in _SCAN_LEADS and then by one of its characters: a superset of
    where _both_scans can match (see _scan_leads).

    With every non-letter turned into a space, the pieces between spaces are the maximal runs
    of letters (and empty pieces); padded starts with a space, so a run starts at 1 or later.
    In text with non-ASCII characters, a piece with a "?" may hold several runs or non-ASCII
    letters: its runs are found with a regex (the piece lies between non-letters).
    """
    out: list[int] = []
    pos = 0
    mixed = not padded.isascii()
    table = _MIXED_LETTER_TABLE if mixed else _ASCII_LETTER_TABLE
    leads = _SCAN_LEADS_ASCII  # a local: compiled, each use of a global is a dict lookup
    for run in padded.encode("ascii", "replace").translate(table).split(b" "):
        size = len(run)
        if not size:
            pos += 1
            continue  # two non-letters in a row
        end = pos + size
        follow = leads.get(run) if _LEAD_SHAPES[_shape(size, run[0], run[size - 1])] else None
        if follow is not None:
            if end < len(padded) and padded[end] in follow:
                out.append(pos - 1)
        elif mixed and 63 in run:  # a "?" (63 as an int: a fast search, no exception)
            for m in _LETTER_RUN.finditer(padded, pos, end):
                follow_str = _SCAN_LEADS.get(m.group())
                after = m.end()
                if follow_str is not None and after < len(padded) and padded[after] in follow_str:
                    out.append(m.start() - 1)
        pos = end + 1
    return out


def _token_starts(text: str, zlang: str) -> tuple[list[int], list[int]]:
    """The token starts (in text) that the cue scan and the preposition scan find.

    The same as searching each pattern on its own from the last token start found (the
    previous version): every non-letter is tried here, but a cue (preposition) that starts
    before the last token found ends at that same token (the token is right after the cue
    word, and a cue word starting inside another cue word or its spacing is a suffix of it or
    starts at the token), so keeping only increasing starts gives the same list.

    Every match of _both_scans is one character (the non-letter; the rest are look-aheads), so
    its finditer (the previous version) finds a match at exactly the positions where match()
    succeeds, with the same groups (look-behinds see the text before the position either
    way). Here only the positions _scan_positions finds (a superset of those) are looked at:
    _group_ends decides most of them without the regex, _scans_at (the same matches) the rest.
    """
    padded = " " + lower_same_length(text)
    if 4 * (len(padded.encode()) - len(padded)) > len(padded):
        # Mostly non-ASCII (Arabic script): nearly every piece of _scan_positions would need
        # its regex, so the word-led search runs instead (the same matches).
        return _starts_of(list(_both_scans(zlang).finditer(padded)))
    scans = _lang_scans(zlang)
    cue_starts: list[int] = []
    place_starts: list[int] = []
    last_cue = last_place = -1
    for p in _scan_positions(padded):
        ends = _group_ends(padded, p, scans.cue_common, scans.prep_common)
        if ends is None:
            m = scans.pattern.match(padded, p)
            if m is None:
                continue
            ends = (m.end("cue"), m.end("prep"))
        # As in _starts_of: the token start in text (-2 when the group did not match).
        e = ends[0] - 1
        if e > last_cue:
            cue_starts.append(e)
            last_cue = e
        e = ends[1] - 1
        if e > last_place:
            place_starts.append(e)
            last_place = e
    return cue_starts, place_starts


class _LangScans:
    """What _token_starts needs for one language: _scans_at, and the common words that the
    cue scan and the preposition scan reject (the same lists as in their regexes)."""

    def __init__(self, lang: str) -> None:
        self.pattern: re.Pattern[str] = _scans_at(lang)
        self.cue_common: frozenset[str] = frozenset(_cue_common(lang))
        self.prep_common: frozenset[str] = frozenset(_prep_common(lang))


@lru_cache(maxsize=4)
def _lang_scans(lang: str) -> _LangScans:
    """_LangScans of a language, built once."""
    return _LangScans(lang)


def _lead_kinds() -> dict[str, tuple[bool, bool, str]]:
    """For each lead of _SCAN_LEADS: whether it is a cue word itself, whether it is a
    preposition itself, and the characters that follow it in the longer scan words that
    start with it ("-" for "brother" of "brother-in-law", " " for "cerca" of "cerca de")."""
    cue_words = set(cues.SCAN_CUES)
    prep_words = set(PLACE_PREPOSITIONS.split("|"))
    longer: dict[str, set[str]] = {}
    for w in cue_words | prep_words:
        longer.setdefault(_letter_run(w), set())
    for w in cue_words | prep_words:
        lead = _letter_run(w)
        if lead != w:
            longer[lead].add(w[len(lead)])
    return {
        lead: (lead in cue_words, lead in prep_words, "".join(sorted(chars)))
        for lead, chars in longer.items()
    }


_LEAD_KINDS: Final = _lead_kinds()
_APOSTROPHE: Final = 0x2019  # the typographic apostrophe
_NBSP: Final = 0xA0


def _is_letter(s: str, i: int) -> bool:
    r"""Whether s[i] (i < len(s)) is a letter as the scans' regexes see it: [^\W\d_], that is
    str.isalnum() (which is the regex's \w, less "_") and not str.isdecimal() (its \d)."""
    c = ord(s[i])
    if c < 128:
        return _ASCII_LETTER_TABLE[c] != 32
    ch = s[i]
    return ch.isalnum() and not ch.isdecimal()


def _is_joiner(s: str, i: int) -> bool:
    """Whether s[i] is a joiner: an apostrophe (plain or typographic), a hyphen or a dot, the
    regexes' class of characters that join two letters into one token."""
    c = ord(s[i])
    return c == 39 or c == 45 or c == 46 or c == _APOSTROPHE


def _letters_end(s: str, i: int) -> int:
    """The end of the run of letters (as the regexes see them) that starts at i."""
    n = len(s)
    while i < n and _is_letter(s, i):
        i += 1
    return i


def _joined_letter_at(s: str, j: int) -> bool:
    """Whether s[j] is a joiner followed by a letter (the regexes' joiner class, then a
    letter)."""
    return j + 1 < len(s) and _is_joiner(s, j) and _is_letter(s, j + 1)


def _rejected_as_common(s: str, q: int, j: int, common: frozenset[str]) -> bool:
    r"""Whether the negative look-ahead over the common words (the tree of words, then
    neither a letter nor a joiner and a letter) fails at q, where s[q:j] is the maximal run
    of letters.

    Each common word is all letters (str.isalpha(), a subset of [^\W\d_]), and the word must
    not be followed by a letter: so the only word that can match is the whole run s[q:j]; it
    is rejected unless a joiner and a letter follow it."""
    return s[q:j] in common and not _joined_letter_at(s, j)


def _group_ends(
    padded: str, p: int, cue_common: frozenset[str], prep_common: frozenset[str]
) -> tuple[int, int] | None:
    r"""(m.end("cue"), m.end("prep")) of _scans_at(lang).match(padded, p) (-1 for a group that
    did not match, both -1 for no match), decided in Python; None where only the regex
    decides (a longer scan word may match: "brother-in-law", "cerca de", "d'").

    p is a non-letter of padded followed by a run of letters L in _SCAN_LEADS (as
    _scan_positions finds). Only a scan word w whose leading run of letters is L can match at
    p + 1 (see _scan_leads; a shorter all-letter word is followed by a letter, where the
    token-start test fails). Unless the character c after L continues a longer such word, w
    is L itself. After a cue word L, "\.*" then the gap "[ \t,:\xa0]*" can only end at the
    end of their greedy runs: any shorter choice leaves a dot or a gap character where a
    letter must follow. After a preposition, likewise for "[ \t]+".
    """
    n = len(padded)
    end = _letters_end(padded, p + 1)
    kind = _LEAD_KINDS.get(padded[p + 1 : end])
    if kind is None or end >= n:
        return None  # not a lead after all (cannot happen): the regex decides
    if padded[end] in kind[2]:
        return None
    cue_end = prep_end = -1
    if kind[0]:
        i = end
        while i < n and padded[i] == ".":
            i += 1
        dots = i - end
        while i < n and _is_cue_gap(padded, i):
            i += 1
        # The token start: a letter after a non-letter (a dot or gap character, or c when
        # neither follows, itself a non-letter), but not after a letter and one dot
        # (TOK_START's second look-behind: "mr.samir").
        if i < n and _is_letter(padded, i) and not (dots == 1 and i == end + 1):
            j = _letters_end(padded, i)
            if _len3(padded, i, j) and not _rejected_as_common(padded, i, j, cue_common):
                cue_end = i
    if kind[1]:
        i = end
        while i < n and (padded[i] == " " or padded[i] == "\t"):
            i += 1
        # After a space or tab, a letter is a token start.
        if end < i < n and _is_letter(padded, i):
            j = _letters_end(padded, i)
            if not _rejected_as_common(padded, i, j, prep_common):
                prep_end = i
    return cue_end, prep_end


def _is_cue_gap(s: str, i: int) -> bool:
    """Whether s[i] is one of _CUE_GAP."""
    c = ord(s[i])
    return c == 32 or c == 9 or c == 44 or c == 58 or c == _NBSP


def _len3(s: str, q: int, j: int) -> bool:
    """_LEN3 at q, where s[q:j] is the maximal (non-empty) run of letters: three letters, or
    two and a dot, or two letters joined by a joiner, or one letter then a joiner and a
    letter."""
    k = j - q
    if k >= 3:
        return True
    if k == 2 and j < len(s) and s[j] == ".":
        return True
    return _joined_letter_at(s, j)


def _starts_of(matches: list[re.Match[str]]) -> tuple[list[int], list[int]]:
    """The increasing token starts of the cue and preposition groups of the matches."""
    cue_starts: list[int] = []
    place_starts: list[int] = []
    last_cue = last_place = -1
    for m in matches:
        e = m.end("cue") - 1  # the token start in text (-2 when the group did not match)
        if e > last_cue:
            cue_starts.append(e)
            last_cue = e
        e = m.end("prep") - 1
        if e > last_place:
            place_starts.append(e)
            last_place = e
    return cue_starts, place_starts


def lowercase_names(text: str, lang: str) -> list[Suggestion]:
    """lowercase_after_cue, then lowercase_places, from one scan of the text."""
    zlang = lang if lang in ("en", "es", "fr") else "en"
    cue_starts, place_starts = _token_starts(text, zlang)
    out = list(_after_cue(text, zlang, cue_starts)) if cue_starts else []
    if place_starts:
        out.extend(_places(text, zlang, place_starts))
    return out


_CUE_GATE = cues.PERSON_ENDS | cues.STRONG_PLACE_ENDS


def lowercase_after_cue(text: str, lang: str) -> list[Suggestion]:
    """'my brother samir' / 'in the village of kafr nabl': lower-case names after strong cues."""
    zlang = lang if lang in ("en", "es", "fr") else "en"
    return list(_after_cue(text, zlang, _token_starts(text, zlang)[0]))


def _after_cue(text: str, zlang: str, starts: list[int]) -> Iterator[Suggestion]:
    """lowercase_after_cue at the token starts the cue scan found."""
    for e in starts:
        if text[e].isupper():
            continue
        # A previous word outside _CUE_GATE (which was checked against PERSON_LAST |
        # PLACE_LAST) can match neither cue pattern below (see cues._ending_in).
        prev = prev_word(text, e)
        if prev not in _CUE_GATE:
            continue
        tm = TOKEN.match(text, e)
        if tm is None or tm.end() - e < 3:
            continue
        end = tm.end()
        token = tm.group()
        if zipf(token.rstrip(".").strip("'’-").lower(), zlang) >= 3.3:
            continue
        # The cues in the 40 characters before the token (and not only in its last 3), read
        # backwards (cues.cue_before).
        if (
            prev in cues.PERSON_ENDS
            and cues.cue_before(cues.PERSON_BEFORE_REVERSED, text, e)
            and not cues.cue_before(cues.PERSON_BEFORE_REVERSED, text, e, 3)
        ):
            yield suggestion(e, end, "person", 0.6, "names", token)
        elif prev in cues.STRONG_PLACE_ENDS and cues.cue_before(
            cues.STRONG_PLACE_BEFORE_REVERSED, text, e
        ):
            yield suggestion(e, end, "place", 0.6, "names", token)


def warm_up() -> None:
    """Build the per-language regexes now."""
    for lang in ("en", "es", "fr"):
        _scans_at(lang)
        _both_scans(lang)
        _lang_scans(lang)
