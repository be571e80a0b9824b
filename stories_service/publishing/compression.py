"""Content codings of cached public pages: compressed once when a page is cached, chosen per
request from Accept-Encoding (RFC 9110 12.5.3).

A page gets a gzip and a brotli copy when its body is large enough to gain from it; each copy
has its own ETag (the identity ETag with ``-gz`` or ``-br`` inside the quotes), because a
different body is a different representation for caches.
"""

from __future__ import annotations

import gzip

import brotli

IDENTITY = "identity"
GZIP = "gzip"
BROTLI = "br"
# Server preference among codings the client rates equally: smallest first.
PREFERENCE = (BROTLI, GZIP, IDENTITY)
ETAG_SUFFIX = {GZIP: "-gz", BROTLI: "-br"}

# Below this, headers outweigh the saving (and tiny bodies compress poorly anyway).
MIN_BYTES = 1024
# Levels chosen for a cache miss: about 0.3 ms each for a 20 KB feed page; brotli's top
# quality (11) saves a few percent more for twenty times the time.
GZIP_LEVEL = 6
BROTLI_QUALITY = 5

# Raw Accept-Encoding values seen → the coding chosen; clients send few distinct values, so a
# cache hit does not parse the header. Bounded against a client sending endless variations.
_CHOICES: dict[bytes, str] = {}
_MAX_CHOICES = 256


def compressed_copies(body: bytes) -> dict[str, bytes]:
    """The gzip and brotli copies of ``body`` worth sending (none for a small body, and none
    that is not clearly smaller)."""
    if len(body) < MIN_BYTES:
        return {}
    copies = {
        GZIP: gzip.compress(body, GZIP_LEVEL, mtime=0),
        BROTLI: brotli.compress(body, quality=BROTLI_QUALITY),
    }
    return {coding: copy for coding, copy in copies.items() if len(copy) < len(body) * 0.9}


def coded_etag(etag: str, coding: str) -> str:
    """The ETag of a coded copy: ``"abc"`` → ``"abc-gz"`` (weak prefixes kept)."""
    if coding == IDENTITY:
        return etag
    return etag[:-1] + ETAG_SUFFIX[coding] + '"'


def choose_coding(accept_encoding: bytes | None) -> str:
    """The coding to send for this Accept-Encoding among br, gzip and identity.

    No header: identity. Otherwise the acceptable coding with the highest q-value, ties going to
    the smallest body. ``*`` covers codings not named; ``identity`` stays acceptable unless
    refused by ``identity;q=0`` or ``*;q=0``; when the client refuses all three, identity is
    sent anyway (RFC 9110 12.5.3 allows that rather than an error)."""
    if accept_encoding is None:
        return IDENTITY
    choice = _CHOICES.get(accept_encoding)
    if choice is None:
        choice = _negotiate(accept_encoding.decode("latin-1"))
        if len(_CHOICES) >= _MAX_CHOICES:
            _CHOICES.clear()
        _CHOICES[accept_encoding] = choice
    return choice


def _negotiate(header: str) -> str:
    ratings = _ratings(header)
    star = ratings.get("*")

    def quality(coding: str) -> float:
        if coding in ratings:
            return ratings[coding]
        if star is not None:
            return star
        # Identity unnamed stays acceptable, after any coding the client named.
        return 0.001 if coding == IDENTITY else 0.0

    best, best_q = IDENTITY, 0.0
    for coding in PREFERENCE:  # in preference order, so a tie keeps the earlier one
        q = quality(coding)
        if q > best_q:
            best, best_q = coding, q
    return best


def _ratings(header: str) -> dict[str, float]:
    ratings: dict[str, float] = {}
    for item in header.split(","):
        name, _, params = item.partition(";")
        coding = name.strip().lower()
        if not coding:
            continue
        if coding == "x-gzip":  # RFC 9110 8.4.1.3: the same as gzip
            coding = GZIP
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = 0.0
                if not 0.0 <= q <= 1.0:  # also NaN
                    q = 0.0
        ratings[coding] = max(q, ratings.get(coding, q))
    return ratings
