# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Random texts full of the pieces that number, date and text-pattern detectors look at, for
the tests that compare the faster detectors with their plain versions."""

from __future__ import annotations

import random

PIECES = [
    "1", "7", "12", "31", "123", "2019", "1987", "0612", "345", "678", "4111", "00", "011",
    "+", "+(", "(", ")", "-", "/", ".", ":", ",", " ", " ", "  ", "\t", "\u00a0", "\n", "x",
    "ext", "h", "H", "am", "p.m.", "a.m.", "PM", "st", "th", "º", "°", "of", "de", "del",
    "March", "mar", "MAY", "mai", "sept", "décembre", "août", "janvier", "in", "since", "en",
    "jusqu'en", "année", "عام", "سنة", "شهر", "آذار", "رمضان", "كانون الثاني", "١٢", "٢٠١٩",
    "AB", "X", "Z-", "GB82", "WEST", "de89", "ID", "passport", "no", "#", "N°", "phone",
    "call", "tel", "@", "a@b.co", "samir.k", "%", "_", "x.com", "www.", "WWW.", "http://",
    "://", "e.g", "co.uk", "gmail.com", ".org", "it", "is", "me", "-x", "ſ", "İ", "K", "é",
]  # fmt: skip


def texts(count: int, seed: int, pieces: int = 14) -> list[str]:
    """count random texts of a few pieces each, with or without spaces between them."""
    rnd = random.Random(seed)
    return [
        "".join(rnd.choice(PIECES) + rnd.choice(["", "", " ", ", "]) for _ in range(pieces))
        for _ in range(count)
    ]
