"""Building every lazily loaded table of the engine at once (at service start-up, off the
request path), so that no request pays for it."""

from __future__ import annotations

import gc
from functools import cache

import wordfreq

from .arabic_country_names import arabic_script_places
from .arabic_name_lexicon import given_names
from .arabic_places import run_together_names
from .big_city_places import warm_up as warm_up_big_city_places
from .country_names import warm_up as warm_up_country_names
from .folding import warm_up as warm_up_folding
from .gazetteer import load_gazetteer
from .language import warm_up_zipf
from .latin_word_frequencies import warm_up as warm_up_unaccented
from .name_lexicon import warm_up as warm_up_name_lexicon
from .names import warm_up as warm_up_names
from .numbers import warm_up as warm_up_numbers
from .ordinary_words import warm_up as warm_up_ordinary_words
from .place_apposition import warm_up as warm_up_place_apposition


def warm_up() -> None:
    """Build every lazily loaded resource now (call at service start-up, off the request path;
    safe to call from a thread of its own; later calls return at once)."""
    _warm_up_once()


@cache
def _warm_up_once() -> None:
    load_gazetteer()
    given_names()
    arabic_script_places()
    run_together_names()
    warm_up_names()
    warm_up_name_lexicon()
    warm_up_country_names()
    warm_up_numbers()
    warm_up_zipf()
    warm_up_unaccented()
    warm_up_folding()
    warm_up_ordinary_words()
    warm_up_place_apposition()
    warm_up_big_city_places()
    for lang in ("en", "es", "fr", "de", "it", "pt", "nl", "ar", "fa"):
        wordfreq.zipf_frequency("a", lang)
        wordfreq.get_frequency_dict(lang, wordlist="best")
    _settle_garbage_collector()


def _settle_garbage_collector() -> None:
    """Collect what building left behind, then exempt the survivors from future collections.

    The tables built above (wordfreq's word lists hold millions of references) live as long as
    the process. Without this, the next full collection, due a few thousand requests later,
    traverses all of them (tens of milliseconds, in the middle of someone's request), and so
    does every full collection after it. gc.freeze() is what the Python documentation advises
    for long-lived start-up state.
    """
    gc.collect()
    gc.freeze()
