# ruff: noqa: RUF001  (multilingual text: Arabic letters and odd letters are data)
"""E-mails, URLs and IPv4 addresses are tried only where a match can start; the detectors
find what the plain versions (the pattern's finditer over the whole text) find."""

from __future__ import annotations

import ipaddress
import random

from moderation.redaction import text_patterns as tp
from moderation.redaction.model import Suggestion
from tests.moderation.redaction._speed_texts import texts

_EXTRA = [
    "mail a@b.co, x%y@c.org, a.b@c.com.%x@d.com, a@b.com.x@c.com, @x, a@@b.co, é@ü.de",
    "see www.example.org, WWW.x.com, http://a.b/c, x.www.foo.com, e.g. it, co.uk.me, a-b.io/x",
    "10.0.0.1, 1.2.3.4.5, 256.1.1.1, 1.2.3, ١.٢.٣.٤, 01.02.03.04, fe80::1, 1::2:3",
    "samir.k@gmail.com, karim_9@hotmail.fr. Visit karim.blogspot.com; @handle_1 x.com/abc",
]


def _plain_emails(text: str) -> list[Suggestion]:
    return [
        Suggestion(m.start(), m.end(), "email", 0.98, "email", m.group())
        for m in tp._EMAIL.finditer(text)
    ]


def _plain_urls(text: str) -> list[Suggestion]:
    out = []
    for m in tp._URL.finditer(text):
        s = m.group()
        scheme = s.lower().startswith(("http", "ftp", "www."))
        if not scheme and len(s.split(".")[0]) < 2:
            continue
        out.append(Suggestion(m.start(), m.end(), "url", 0.95 if scheme else 0.85, "url", s))
    return out


def _plain_ips(text: str) -> list[Suggestion]:
    out = []
    for m in tp._IPV4.finditer(text):
        if all(int(p) <= 255 for p in m.group().split(".")):
            out.append(Suggestion(m.start(), m.end(), "ip_address", 0.9, "ip_address", m.group()))
    for m in tp._IPV6.finditer(text):
        s = m.group()
        if s.count(":") < 2 or len(s) < 6:
            continue
        try:
            ipaddress.IPv6Address(s)
        except ValueError:
            continue
        out.append(Suggestion(m.start(), m.end(), "ip_address", 0.9, "ip_address", s))
    return out


def _dotted(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    parts = ["1", "12", "255", "256", "0", "007", "١", ".", ".", ".", " ", ":", "::", "a", "f"]
    return ["".join(rnd.choice(parts) for _ in range(16)) for _ in range(count)]


def test_emails_urls_and_ips_match_the_plain_versions() -> None:
    found = [0, 0, 0]
    for text in _EXTRA + texts(15000, 31) + _dotted(5000, 3):
        for i, (new, plain) in enumerate(
            (
                (tp.find_emails, _plain_emails),
                (tp.find_urls, _plain_urls),
                (tp.find_ip_addresses, _plain_ips),
            )
        ):
            want = plain(text)
            assert new(text) == want, (new.__name__, text)
            found[i] += len(want)
    assert min(found) > 100, found  # the texts do exercise the patterns


_PLATFORM_PIECES = [
    "instagram", "Insta", "twitter", "x", "X", "ex", "x_", "tiktok", "TELEGRAM", "snapchat",
    "facebook", "fb", "signal", "handle", "username", "user name", "user", "account", "cuenta",
    "compte", "usuario", "pseudo", "is", "es", "est", ":", " ", " ", "@", "karim_9", "samir.k",
    "abc", "12", "_", ".", ".x", "the", "was", "İ", "ſignal", "ınsta", "é",
]  # fmt: skip


def _plain_handles(text: str) -> list[Suggestion]:
    """The plain version: both patterns over the whole text (IGNORECASE cue), no gates."""
    out = [
        Suggestion(m.start(), m.end(), "handle", 0.9, "handle", m.group())
        for m in tp._HANDLE.finditer(text)
    ]
    for m in tp._HANDLE_CUE.finditer(text):
        name = m.group(1)
        if name.lower() in {"is", "was", "and", "the", "account", "but", "called"}:
            continue
        if any(c.isdigit() or c in "_." for c in name):
            out.append(Suggestion(m.start(1), m.end(1), "handle", 0.8, "handle", name))
    return out


def test_handles_match_the_plain_version() -> None:
    rnd = random.Random(5)
    platform_texts = [
        "".join(rnd.choice(_PLATFORM_PIECES) + rnd.choice(["", " ", " ", ": "]) for _ in range(8))
        for _ in range(15000)
    ]
    found = 0
    for text in _EXTRA + texts(8000, 33) + platform_texts:
        want = _plain_handles(text)
        assert tp.find_handles(text) == want, text
        found += len(want)
    assert found > 1000, found
