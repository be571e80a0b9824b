"""Detectors for e-mail addresses, URLs and bare domains, IP addresses and social media handles."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from ._digit_runs import digit_runs, matches_at
from .model import Suggestion
from .regex_util import trie_regex
from .scan import first_digit, lower_matches_ignorecase, lower_same_length

_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,24}(?![\w-])", re.UNICODE
)
_TLDS = (
    "com|org|net|edu|gov|mil|int|info|biz|io|co|me|tv|app|dev|online|site|xyz|news|blog|shop"
    "|ngo|onion|ly|ai|ac|uk|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|pt|gr|cz|sk|hu|ro|bg|hr|si|ee"
    "|lv|lt|ie|is|tr|ru|ua|by|sy|iq|lb|jo|ps|eg|ly|tn|dz|ma|sd|ye|sa|ae|qa|kw|om|ir|af|pk|in|bd"
    "|lk|mm|cn|jp|kr|us|ca|mx|br|ar|cl|pe|ve|uy|py|bo|ec|au|nz|za|ng|ke|et|er|so|ug|rw|cd|cy|lu"
)
_URL = re.compile(
    r"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'()\[\]{}]+[^\s<>\"'()\[\]{}.,;:!?]"
    r"|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:" + _TLDS + r")"
    r"(?:/[^\s<>\"'()\[\]{}]*[^\s<>\"'()\[\]{}.,;:!?])?(?![\w@-])"
)
_IPV4 = re.compile(r"(?=\d)(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
# Every IPv6 match has two colons with at most four hex digits between them (led by ":").
_IPV6_GATE = re.compile(r":[0-9A-Fa-f]{0,4}:")
_HANDLE = re.compile(r"(?=@)(?<![\w@/.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
_PLATFORMS = (
    "instagram|insta|twitter|x|tiktok|telegram|snapchat|facebook|fb|signal|handle|"
    "username|user name|account|cuenta|compte|usuario|pseudo"
)
# The platform words as a prefix tree: each must be followed by \b, so at most one can match at
# a position and the tree finds the same matches as the plain alternation (faster with (?i)).
_HANDLE_CUE = re.compile(
    r"(?i)(?=[itxsfhuacp])\b" + trie_regex(_PLATFORMS.split("|")) + r"\b\W{0,3}(?:is|es|est|:)?\s*"
    r"([A-Za-z0-9_][A-Za-z0-9_.]{2,29})\b"
)

# Whole-text gates: a text without these cannot contain a match (same results, less time).
_URL_GATE = re.compile(r"(?i)[a-z0-9]\.[a-z]|://|www\.")
# A stricter check than _URL_GATE that still lets every _URL match through (besides "://"):
# "www." or a known top-level domain after "x." that is not followed by [\w@-]. Led by the
# literal "." so that the regex engine can skip to the dots.
_URL_DOT_GATE = re.compile(
    r"\.(?i:(?<=[a-z0-9]\.)" + trie_regex(_TLDS.split("|")) + r"(?![\w@-])|(?<=www\.))"
)
# The same over lower_same_length(text) (offsets are the same) without IGNORECASE, led by the
# platform words' first letters with the word-start check after the first letter (the engine
# scans for the first letters instead of trying a look-ahead at every position): same matches
# unless the text has one of the few characters that lower_matches_ignorecase rules out.
_HANDLE_CUE_LOWER = re.compile(
    trie_regex(_PLATFORMS.split("|"), after_first=r"(?<!\w.)")
    + r"\b\W{0,3}(?:is|es|est|:)?\s*([a-z0-9_][a-z0-9_.]{2,29})\b"
)
_HANDLE_NAME_GATE = re.compile(r"[\d_]|\.\w")


def find_emails(text: str) -> Iterator[Suggestion]:
    """E-mail addresses (any Unicode local part)."""
    if "@" not in text:
        return
    for m in _EMAIL.finditer(text):
        yield Suggestion(m.start(), m.end(), "email", 0.98, "email", m.group())


def find_urls(text: str) -> Iterator[Suggestion]:
    """URLs with a scheme or www., and bare domain names with a known top-level domain."""
    if "://" not in text and not _URL_DOT_GATE.search(text):
        return
    for m in _URL.finditer(text):
        s = m.group()
        scheme = s.lower().startswith(("http", "ftp", "www."))
        # "e.g" or "p.m" are not domains; bare ones need a letter label of two or more.
        if not scheme and len(s.split(".")[0]) < 2:
            continue
        yield Suggestion(m.start(), m.end(), "url", 0.95 if scheme else 0.85, "url", s)


def find_ip_addresses(text: str) -> Iterator[Suggestion]:
    """IPv4 and IPv6 addresses, validated with the ipaddress module."""
    if text.count(":") < 2 and first_digit(text) < 0:
        return
    # A match starts a run of at most three digits followed by "." and has three dots.
    starts = (
        [s for s, e, nxt in digit_runs(text) if e - s <= 3 and nxt == "."]
        if text.count(".") >= 3
        else []
    )
    for m in matches_at(_IPV4, text, starts):
        if all(int(p) <= 255 for p in m.group().split(".")):
            yield Suggestion(m.start(), m.end(), "ip_address", 0.9, "ip_address", m.group())
    if text.count(":") < 2:
        return
    pair = _IPV6_GATE.search(text)
    if pair is None:
        return
    # A match starts at most 4 hex digits before the first such pair of colons.
    for m in _IPV6.finditer(text, max(0, pair.start() - 4)):
        s = m.group()
        if s.count(":") < 2 or len(s) < 6:
            continue
        try:
            ipaddress.IPv6Address(s)
        except ValueError:
            continue
        yield Suggestion(m.start(), m.end(), "ip_address", 0.9, "ip_address", s)


def find_handles(text: str) -> Iterator[Suggestion]:
    """@handles (not inside e-mail addresses) and usernames named after a platform."""
    if "@" in text:
        for m in _HANDLE.finditer(text):
            yield Suggestion(m.start(), m.end(), "handle", 0.9, "handle", m.group())
    if not _HANDLE_NAME_GATE.search(text):
        return  # only names with a digit, "_" or "." are reported
    if lower_matches_ignorecase(text):
        found = _HANDLE_CUE_LOWER.finditer(lower_same_length(text))
    else:
        found = _HANDLE_CUE.finditer(text)
    for m in found:
        name = text[m.start(1) : m.end(1)]
        if name.lower() in {"is", "was", "and", "the", "account", "but", "called"}:
            continue
        if any(c.isdigit() or c in "_." for c in name):
            yield Suggestion(m.start(1), m.end(1), "handle", 0.8, "handle", name)
