"""Detectors for e-mail addresses, URLs and bare domains, IP addresses and social media handles."""

from __future__ import annotations

import ipaddress
import re

from .model import Suggestion, suggestion
from .regex_util import CaselessPattern, trie_regex
from .scan import digit_runs, lower_same_length, matches_at

_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,24}(?![\w-])", re.UNICODE
)
_TLDS = (
    "com|org|net|edu|gov|mil|int|info|biz|io|co|me|tv|app|dev|online|site|xyz|news|blog|shop"
    "|ngo|onion|ly|ai|ac|uk|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|pt|gr|cz|sk|hu|ro|bg|hr|si|ee"
    "|lv|lt|ie|is|tr|ru|ua|by|sy|iq|lb|jo|ps|eg|ly|tn|dz|ma|sd|ye|sa|ae|qa|kw|om|ir|af|pk|in|bd"
    "|lk|mm|cn|jp|kr|us|ca|mx|br|ar|cl|pe|ve|uy|py|bo|ec|au|nz|za|ng|ke|et|er|so|ug|rw|cd|cy|lu"
)
# A domain label: up to 63 letters, digits and hyphens, not ending with a hyphen (nor starting:
# the label starts after a "." or a non-word character). Taken whole (possessive) and checked
# before its dot: a label always runs to its dot, so the same matches as
# "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\." without backtracking through every word.
_LABEL = r"[a-z0-9][a-z0-9-]{0,62}+(?<!-)\."
_URL = CaselessPattern(
    r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'()\[\]{}]+[^\s<>\"'()\[\]{}.,;:!?]"
    r"|(?<![@\w.-])(?:" + _LABEL + r")+(?:" + _TLDS + r")"
    r"(?:/[^\s<>\"'()\[\]{}]*[^\s<>\"'()\[\]{}.,;:!?])?(?![\w@-])"
)
_IPV4 = re.compile(r"(?=\d)(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
# Led by "@" itself (its look-behind written after it), so the engine searches for that one
# character instead of testing a look-ahead at every position.
_HANDLE = re.compile(r"@(?<![\w@/.]@)[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
_PLATFORMS = (
    "instagram|insta|twitter|x|tiktok|telegram|snapchat|facebook|fb|signal|handle|"
    "username|user name|account|cuenta|compte|usuario|pseudo"
)
# The platform words as a prefix tree: each must be followed by \b, so at most one can match at
# a position and the tree finds the same matches as the plain alternation (faster with (?i)).
# Case-insensitive (CaselessPattern): only the spans of its matches are used.
_HANDLE_CUE = CaselessPattern(
    r"(?=[itxsfhuacp])\b" + trie_regex(_PLATFORMS.split("|")) + r"\b\W{0,3}(?:is|es|est|:)?\s*"
    r"([A-Za-z0-9_][A-Za-z0-9_.]{2,29})\b"
)


def find_emails(text: str) -> list[Suggestion]:
    """E-mail addresses (any Unicode local part)."""
    return [
        suggestion(m.start(), m.end(), "email", 0.98, "email", m.group())
        for m in matches_at(_EMAIL, text, email_starts(text))
    ]


def email_starts(text: str) -> list[int]:
    """Where an e-mail address can start, in order: in the run of local-part characters before
    each "@", at its start or right after a "%" in it (where _EMAIL's look-behind lets a match
    start); so the pattern is tried there only, not at every word."""
    starts: list[int] = []
    at = text.find("@")
    while at >= 0:
        run: list[int] = []
        i = at
        while i > 0 and _local_part_character(text[i - 1]):
            i -= 1
            if i == 0 or text[i - 1] == "%" or not _local_part_character(text[i - 1]):
                run.append(i)
        starts.extend(reversed(run))
        at = text.find("@", at + 1)
    return starts


def _local_part_character(c: str) -> bool:
    return c.isalnum() or c in "_.+%-"  # [\w.+%-], as the regex engine reads \w


def find_urls(text: str) -> list[Suggestion]:
    """URLs with a scheme or www., and bare domain names with a known top-level domain."""
    out: list[Suggestion] = []
    for m in _URL.matches_at(text, url_starts(text)):
        s = text[m.start() : m.end()]
        scheme = s.lower().startswith(("http", "ftp", "www."))
        # "e.g" or "p.m" are not domains; bare ones need a letter label of two or more.
        if not scheme and len(s.split(".")[0]) < 2:
            continue
        out.append(suggestion(m.start(), m.end(), "url", 0.95 if scheme else 0.85, "url", s))
    return out


def url_starts(text: str) -> list[int]:
    """Where a URL can start, in order: "ftp", "http" or "https" before a "://", "www.", and
    the start of each run of word characters, dots and hyphens with a dot followed by a letter
    or digit in it (a bare domain: _URL's look-behind lets one start nowhere else)."""
    starts: set[int] = set()
    scheme_end = text.find("://")
    while scheme_end >= 0:
        starts.update(range(max(0, scheme_end - len("https")), scheme_end - len("ftp") + 1))
        scheme_end = text.find("://", scheme_end + 1)
    lower = lower_same_length(text)
    www = lower.find("www.")
    while www >= 0:
        starts.add(www)
        www = lower.find("www.", www + 1)
    dot = text.find(".")
    while dot >= 0:
        if text[dot + 1 : dot + 2].isalnum():
            start = dot
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
                start -= 1
            starts.add(start)
        dot = text.find(".", dot + 1)
    return sorted(starts)


def find_ip_addresses(text: str) -> list[Suggestion]:
    """IPv4 and IPv6 addresses, validated with the ipaddress module."""
    out: list[Suggestion] = []
    # An IPv4 address starts a run of one to three digits that a dot follows: tried there only.
    starts = [start for start, end, after in digit_runs(text) if end - start <= 3 and after == "."]
    for m in matches_at(_IPV4, text, starts):
        if all(int(p) <= 255 for p in m.group().split(".")):
            out.append(suggestion(m.start(), m.end(), "ip_address", 0.9, "ip_address", m.group()))
    for m in matches_at(_IPV6, text, _ipv6_starts(text)):
        s = m.group()
        if s.count(":") < 2 or len(s) < 6:
            continue
        try:
            ipaddress.IPv6Address(s)
        except ValueError:
            continue
        out.append(suggestion(m.start(), m.end(), "ip_address", 0.9, "ip_address", s))
    return out


_HEX_DIGITS = frozenset("0123456789ABCDEFabcdef")


def _ipv6_starts(text: str) -> list[int]:
    """Where an IPv6 address can start, in order: up to four hex digits before a ":", with no
    word character or ":" before them (_IPV6's look-behind)."""
    starts: list[int] = []
    colon = text.find(":")
    while colon >= 0:
        start = colon
        while start > 0 and colon - start < 4 and text[start - 1] in _HEX_DIGITS:
            start -= 1
        if start == 0 or not (_is_word_character(text[start - 1]) or text[start - 1] == ":"):
            starts.append(start)
        colon = text.find(":", colon + 1)
    return starts


def _is_word_character(c: str) -> bool:
    return c.isalnum() or c == "_"  # what the regex engine takes for \w


def find_handles(text: str) -> list[Suggestion]:
    """@handles (not inside e-mail addresses) and usernames named after a platform."""
    out: list[Suggestion] = []
    for m in _HANDLE.finditer(text):
        out.append(suggestion(m.start(), m.end(), "handle", 0.9, "handle", m.group()))
    for m in _HANDLE_CUE.finditer(text):
        name = text[m.start(1) : m.end(1)]
        if name.lower() in {"is", "was", "and", "the", "account", "but", "called"}:
            continue
        if any(c.isdigit() or c in "_." for c in name):
            out.append(suggestion(m.start(1), m.end(1), "handle", 0.8, "handle", name))
    return out
