"""First-level subdivisions of every country (states, regions, departments, provinces,
governorates) from ISO 3166-2 through pycountry, for the gazetteer build."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pycountry

from .name_lexicon import is_name

# Subdivision types that are first-level regions people name as where they come from; the
# finer ones (municipalities, districts, parishes, boroughs) are mostly towns geonames has.
_REGION_TYPES = frozenset(
    (
        "Province",
        "Region",
        "State",
        "Department",
        "Governorate",
        "Autonomous region",
        "Autonomous community",
        "Autonomous province",
        "Administrative region",
        "Regional state",
        "Republic",
        "Federal entity",
        "Capital district",
    )
)
# ISO names of Arabic-speaking countries keep the article ("Al Ḩasakah", "Ar Raqqah"); people
# write the name without it as often as with it.
_ARABIC_ARTICLE = re.compile(r"^(?:al|an|ar|as|ad|ash|at|az|ath|adh)[ -](?=\w)", re.IGNORECASE)
# Official long names of Mexican states ("Michoacán de Ocampo") are used by their first part.
_LONG_NAME_OF = re.compile(r"^(?P<short>\S+) de (?:\S+ ?){1,4}$")


def subdivision_names() -> Iterator[str]:
    """The ISO 3166-2 names of first-level regions, with their usual short forms, less the
    one-word names that are given or family names of the name lists ("Chuy", "Farah", "Kara"):
    as places they would outweigh the person a listed name suggests ("conocí a Chuy")."""
    for subdivision in pycountry.subdivisions:
        if subdivision.type not in _REGION_TYPES:
            continue
        name: str = subdivision.name
        forms = {name, _ARABIC_ARTICLE.sub("", name)}
        long_name = _LONG_NAME_OF.match(name)
        if long_name:
            forms.add(long_name.group("short"))
        yield from sorted(f for f in forms if " " in f or not is_name(f))
