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
from .model import Suggestion
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


@lru_cache(maxsize=4)
def preposition_then_word(lang: str) -> re.Pattern[str]:
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
        + trie_regex(PLACE_PREPOSITIONS.split("|"))
        + r"[ \t]+"
        + TOK_START
        + r"(?=[^\W\d_])(?!"
        + trie_regex(common)
        + r"(?![^\W\d_]|['’\-.][^\W\d_]))"
    )


def lowercase_places(text: str, lang: str) -> Iterator[Suggestion]:
    """'we moved here from tunisia', 'my friend lives in harburg': lower-case (or not
    capitalised) known places right after a place preposition."""
    zlang = lang if lang in ("en", "es", "fr") else "en"
    padded = " " + lower_same_length(text)
    gaz = load_gazetteer().latin
    pattern = preposition_then_word(zlang)
    pos = 0
    while (m := pattern.search(padded, pos)) is not None:
        e = m.end() - 1  # the token start in text
        pos = e  # the next preposition may start at the token
        if text[e].isupper():
            continue  # capitalised names are find_names' business
        toks = []
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
            yield Suggestion(e, end, "place", 0.6, "names", text[e:end])
            break


# A cue word (as prev_word sees it) followed by the start of a token: the only places where
# lowercase_after_cue can find something, so only these tokens are looked at.
# The cue-word search runs on lower-cased text (same length), so it needs no IGNORECASE.
# The regex starts with the cue words so that the engine can skip to their first letters; it
# finds a superset (a cue may follow a dot), and lowercase_after_cue checks prev_word.
# It runs on the lower-cased text with one space in front, and starts with the non-letter that
# precedes the cue word (a plain character class: the engine scans for it in C, and spaces are
# far rarer than letters), instead of a look-behind after every letter.
# Only the cue words after which PERSON_BEFORE or STRONG_PLACE_BEFORE can match are looked for
# (cues.SCAN_CUES: not "the", "my", "a", ...); every other hit was rejected after the search.
_CUE_THEN_TOKEN = (
    r"[\W\d_]"  # a non-letter, as the former look-behind required
    + trie_regex(cues.SCAN_CUES)
    + r"\.*[ \t,:\u00a0]*"
    + TOK_START
    + r"(?=[^\W\d_])"
)


# A token of at least three characters starts here.
_LEN3 = r"(?=[^\W\d_](?:['’\-.][^\W\d_]|[^\W\d_](?:[^\W\d_]|['’\-.][^\W\d_]|\.)))"


@lru_cache(maxsize=4)
def cue_then_rare(lang: str) -> re.Pattern[str]:
    """Cue followed by a token of 3+ characters that is not a common word of the language.

    Common words (zipf >= 3.3) and short tokens are rejected by lowercase_after_cue anyway;
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


_CUE_GATE = cues.PERSON_ENDS | cues.STRONG_PLACE_ENDS


def lowercase_after_cue(text: str, lang: str) -> Iterator[Suggestion]:
    """'my brother samir' / 'in the village of kafr nabl': lower-case names after strong cues."""
    zlang = lang if lang in ("en", "es", "fr") else "en"
    padded = " " + lower_same_length(text)
    search = cue_then_rare(zlang).search
    pos = 0
    while (m := search(padded, pos)) is not None:
        e = m.end() - 1  # the token start in text
        # The next cue may start at the token (the non-letter before it is at e in padded).
        pos = e
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
        before = text[max(0, e - 40) : e]
        if (
            prev in cues.PERSON_ENDS
            and cues.PERSON_BEFORE.search(before)
            and not cues.PERSON_BEFORE.search(before[-3:])
        ):
            yield Suggestion(e, end, "person", 0.6, "names", token)
        elif prev in cues.STRONG_PLACE_ENDS and cues.STRONG_PLACE_BEFORE.search(before):
            yield Suggestion(e, end, "place", 0.6, "names", token)


def warm_up() -> None:
    """Build the per-language regexes now."""
    for lang in ("en", "es", "fr"):
        cue_then_rare(lang)
        preposition_then_word(lang)
