# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Lower-case names and places of the names detector: after a strong cue ("my brother samir",
"in the village of kafr nabl") and after a place preposition ("we came from tunisia")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import wordfreq

from . import cues
from .folding import fold
from .gazetteer import load_gazetteer
from .language import zipf
from .model import Suggestion, suggestion
from .name_tokens import TOK_START, TOKEN, prev_word
from .place_words import PLACE_WORD_SET
from .regex_util import trie_regex
from .scan import lower_same_length

# Prepositions after which a lower-case known place name is taken as a place ("from tunisia").
PLACE_PREPOSITIONS = (
    "in|from|near|to|into|towards|toward|via|through|outside|reached|"
    "desde|hacia|hasta|cerca de|depuis|vers|près de|"
    # French "habiter" takes its place with no preposition: "j'habitais bafoussam"
    "habite|habites|habitais|habitait|habitions|habitent|habitons|habité"
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
            # wordfreq reads a hyphenated name as its parts ("port-au-prince" 4.5, from "port",
            # "au", "prince"): such a name is as distinctive as one of several words.
            if n == 1 and words[0].lower() in _ARTICLES:
                continue  # "a los cipotes": an article alone is no place ("Los" is, somewhere)
            if (
                n == 2
                and words[0].lower() in _ARTICLES
                and not _article_place(text, e, words[1], pop, zlang)
            ):
                continue
            if (
                n == 1
                and pop < _COUNTRY_POPULATION
                and "-" not in words[0]
                and (len(words[0]) < 4 or zipf(words[0].lower(), zlang) >= _LOWER_PLACE_MAX_ZIPF)
                and not _city_after_arrival(text, e, words[0], pop, zlang)
                and not _big_city_after_preposition(text, e, words[0], pop, zlang)
                and not (zlang == "es" and _city_short_form(text, e, words[0], pop))
            ):
                continue
            end = toks[n - 1].start() + len(words[-1])
            yield suggestion(e, end, "place", 0.6, "names", text[e:end])
            break


_ARTICLES = frozenset(("el", "la", "los", "las", "le", "les"))
_ARTICLE_CITY = 300_000  # inhabitants
# A big city's short form of three letters that is no word of en, es or fr ("sps", "gdl"), in
# a Spanish text (Kurmanji "li ber", in front of, is not Bern): the gazetteer has it among the
# city's other names.
_SHORT_FORM_CITY = 100_000
_SHORT_FORM_MAX_ZIPF = 3.2


def _city_short_form(text: str, start: int, word: str, pop: int) -> bool:
    """Whether a three-letter word after a preposition is a big city's short form; not after
    an article, which an acronym takes ("la cita del cbp one")."""
    low = word.lower()
    return (
        len(low) == 3
        and pop >= _SHORT_FORM_CITY
        and max(zipf(low, "es"), zipf(low, "en"), zipf(low, "fr")) < _SHORT_FORM_MAX_ZIPF
        and _ARTICLE_BEFORE.search(text, max(0, start - 6), start) is None
    )


_ARTICLE_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:el|la|los|las|del|al|the|le|les|du)[ \t]+$")


def _article_place(text: str, start: int, word: str, pop: int, zlang: str) -> bool:
    """Whether an article and a word that name a known place are that place ("la ceiba", "las
    palmas", "las vegas") rather than a phrase ("el monte", the bush; "la plata", the money;
    "el progreso", progress, unless after a verb of arriving or living)."""
    frequency = zipf(word.lower(), zlang)
    return (
        frequency < _LOWER_PLACE_MAX_ZIPF
        or (pop >= _ARTICLE_CITY and frequency < _ARRIVAL_MAX_ZIPF)
        or _city_after_arrival(text, start, word, pop, zlang)
    )


# A verb of arriving, leaving or living and its preposition, right before a name: "llegué a
# monterrey", "vivíamos en veracruz", "je suis née à nice", "we lived in reading".
_ARRIVAL = re.compile(
    r"(?i)(?<![\w'’])(?:llegu[eé]|llegamos|llegaron|lleg[oó]|sal[ií]|salimos|salieron|"
    r"viv[ií]a|viv[ií]amos|vivo|vivimos|nac[ií]|naci[oó]|huimos|me[ \t]+fui|nos[ \t]+fuimos|"
    r"arrived|reached|lived|live|born|moved|fled|arrivée?s?|née?|vivais|vivait|habitais|"
    r"habitait|fui|fuimos|parti|partie|partis|estamos|estoy|vine|vinimos|"
    # staying, working, being taken somewhere: "estuvimos en veracruz", "nos pasaron a chiapas"
    r"estaba|estábamos|estabamos|estuve|estuvimos|quedamos|qued[eé]|pasamos|pasaron|"
    r"trabajaba|trabaj[eé]|trabajamos|regres[eé]|regresamos|volvimos|entramos|cruzamos|"
    r"deportaron|mandaron|llevaron|stayed|worked|returned|ended[ \t]+up|deported|"
    r"restée?|restés|restées|travaillais|travaillait|étais|etais|"
    r"suis|sommes|habite|habitons|vis|vivons|arrivés|arrivées|arrive|arrivé|arrivee)"
    r"[ \t]+(?:a|en|de|para|pa|por|in|to|from|at|à|au)[ \t]+$"
)
_ARRIVAL_CITY = 100_000  # inhabitants
_ARRIVAL_MAX_ZIPF = 5.0  # a word more frequent than this is never taken ("paz", "nice")
# A state, department or province (the gazetteer's pseudo-population of one) that is a fairly
# common word: "nos pasaron a chiapas" (4.1), not "estaba en guerrero" (4.4: also "warrior").
_ARRIVAL_STATE = 60_000
_ARRIVAL_STATE_MAX_ZIPF = 4.3


def _city_after_arrival(text: str, start: int, word: str, pop: int, zlang: str) -> bool:
    """Whether a city or a state whose name is also a frequent word of the language
    ("monterrey" 4.2, "chiapas" 4.1) is named right after a verb of arriving or living."""
    if word.lower() in PLACE_WORD_SET:
        return False  # "fuimos a colonia nueva": a place word, not Cologne
    frequency = zipf(word.lower(), zlang)
    return (
        (pop >= _ARRIVAL_CITY and frequency < _ARRIVAL_MAX_ZIPF)
        or (pop >= _ARRIVAL_STATE and frequency < _ARRIVAL_STATE_MAX_ZIPF)
    ) and _ARRIVAL.search(text, max(0, start - 30), start) is not None


# A big city whose name is a frequent word of Spanish or French ("lima", "quito", "valencia",
# "caracas", "guadalajara"; "lyon", "nantes") right after "en", "desde", "para", "à"...: a
# place when other languages name it often too (the median of its Zipf values in four other
# languages at least _BIG_CITY_ELSEWHERE and within _BIG_CITY_GAP of its own), which the
# words the gazetteer shares ("mesa", "sala", "ojo", "cita") are not.
_BIG_CITY = 250_000  # inhabitants
_BIG_CITY_ELSEWHERE = 2.3
_BIG_CITY_GAP = 2.0
_BIG_CITY_PREPOSITION = re.compile(
    r"(?i)(?<![\w'’])(?:en|desde|hasta|hacia|para|pa|à|a|vers|depuis|jusqu['’]à|jusqu['’]a)"
    r"[ \t]+$"
)
_OTHER_LANGUAGES = {"es": ("en", "fr", "de", "nl"), "fr": ("en", "es", "de", "nl")}
# A city every language names this often is the city even where its name is very frequent in
# the story's own ("a paris": 5.7 in French, 4.8 in English, 4.9 in German).
_WORLD_CITY_ELSEWHERE = 4.0
# A name of four letters or fewer only for a city this big ("a lyon"; not "a cork").
_SHORT_NAMED_CITY = 500_000


def _big_city_after_preposition(text: str, start: int, word: str, pop: int, zlang: str) -> bool:
    """Whether a big city whose name is a frequent word is named right after a preposition
    of place (see _BIG_CITY)."""
    others = _OTHER_LANGUAGES.get(zlang)
    low = word.lower()
    short = len(word) < 5 and pop < _SHORT_NAMED_CITY
    if others is None or pop < _BIG_CITY or short or low in PLACE_WORD_SET:
        return False  # "a colonia nueva": Colonia is Cologne in Spanish
    own = zipf(low, zlang)
    elsewhere = sorted(zipf(low, o) for o in others)
    median = (elsewhere[1] + elsewhere[2]) / 2
    return (
        (own < _ARRIVAL_MAX_ZIPF or median >= _WORLD_CITY_ELSEWHERE)
        and median >= _BIG_CITY_ELSEWHERE
        and own - median < _BIG_CITY_GAP
        and _BIG_CITY_PREPOSITION.search(text, max(0, start - 12), start) is not None
    )


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


def _both_looks(lang: str) -> str:
    """The two look-aheads of _both_scans and the conditional that needs one of them."""
    return (
        "(?:(?=(?P<cue>"
        + _cue_then_rare_source(lang)
        + "))|)(?:(?=(?P<prep>"
        + _preposition_then_word_source(lang)
        + "))|)(?(cue)|(?(prep)|(?!)))"
    )


def _token_starts(text: str, zlang: str) -> tuple[list[int], list[int]]:
    """The token starts (in text) that the cue scan and the preposition scan find, from one
    pass of _both_scans over the lower-cased text (with a space in front, so that a cue at the
    text's start has its non-letter)."""
    padded = " " + lower_same_length(text)
    return _starts_of(list(_both_scans(zlang).finditer(padded)))


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
        # The cues in the 40 characters before the token (and not only in its last 3).
        if (
            prev in cues.PERSON_ENDS
            and cues.cue_before(cues.PERSON_BEFORE, text, e)
            and not cues.cue_before(cues.PERSON_BEFORE, text, e, 3)
        ):
            yield suggestion(e, end, "person", 0.6, "names", token)
        elif prev in cues.STRONG_PLACE_ENDS and cues.cue_before(cues.STRONG_PLACE_BEFORE, text, e):
            yield suggestion(e, end, "place", 0.6, "names", token)


def warm_up() -> None:
    """Build the per-language regexes now."""
    for lang in ("en", "es", "fr"):
        _both_scans(lang)
