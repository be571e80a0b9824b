"""Detectors for e-mail addresses, URLs and bare domains, IP addresses and social media handles."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

from .model import Suggestion, suggestion
from .regex_util import trie_regex
from .scan import digit_runs, first_digit, lower_matches_ignorecase, lower_same_length, matches_at

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
# A reported name has a digit, "_" or "." (then a word character): a text without one of them
# is skipped (first_digit is known for every text; the rest are substring checks and a
# literal-led search, much cheaper than one search for "[\d_]|\.\w").
_DOT_WORD = re.compile(r"\.\w")
# Each _HANDLE_CUE_LOWER match has a platform word in the lower-cased text: one of the longer
# words anywhere (found with str.find, see _platform_starts), or "x" as a word ("x" not after a word
# character, then a word boundary; led by the literal "x").
_PLATFORM_WORDS = [w for w in _PLATFORMS.split("|") if w != "x"]
# The words without one that another word is a prefix of ("instagram" starts with "insta").
_PLATFORM_HEADS = tuple(
    w for w in _PLATFORM_WORDS if not any(v != w and w.startswith(v) for v in _PLATFORM_WORDS)
)
_X_WORD = re.compile(r"x\b(?<!\wx)")


def _local_part_start(text: str, at: int, floor: int) -> int:
    """Where the run of [\\w.+%-] characters before text[at] starts (not before floor)."""
    start = at
    while start > floor and ((c := text[start - 1]).isalnum() or c in "_.+%-"):
        start -= 1
    return start


def _email_matches(text: str) -> list[re.Match[str]]:
    """list(_EMAIL.finditer(text)), trying _EMAIL only where a match can start.

    A match has one "@", after a run of local-part characters [\\w.+%-]; it starts at the
    first character of that run (the only one not after [\\w.+-], but for one after "%",
    which would find the same "@" and domain: it matches exactly when the first one does).
    Where the run reaches back to the end of the previous match, the scan goes on from there
    as finditer does."""
    out: list[re.Match[str]] = []
    pos = 0
    while (at := text.find("@", pos)) >= 0:
        start = _local_part_start(text, at, pos)
        m = _EMAIL.search(text, pos) if start == pos > 0 else _EMAIL.match(text, start)
        if m is None:
            pos = at + 1
        else:
            out.append(m)
            pos = m.end()
    return out


def find_emails(text: str) -> list[Suggestion]:
    """E-mail addresses (any Unicode local part)."""
    return [
        suggestion(m.start(), m.end(), "email", 0.98, "email", m.group())
        for m in _email_matches(text)
    ]


_WWW = re.compile(r"(?i)www\.")
_HOST_CHARS = re.compile(r"[\w.-]")


def _chain_start(text: str, dot: int, floor: int) -> int:
    """Where the run of [\\w.-] characters around text[dot] starts (not before floor)."""
    start = dot
    is_host = _HOST_CHARS.match
    while start > floor and is_host(text, start - 1):
        start -= 1
    return start


def _url_matches(text: str) -> list[re.Match[str]]:
    """list(_URL.finditer(text)), trying _URL only where a match can start.

    Every match has "://", or a "www." or a top-level domain after "x." (a dot that
    _URL_DOT_GATE finds). A match without "://" or "www." is a host name (labels and dots
    after no [@\\w.-]) ending in such a dot: it starts where the run of [\\w.-] around that
    dot starts, so only there is it tried. Texts with "://" are scanned as before; at the
    first "www." the scan goes on as before from there (no match can start in between)."""
    if "://" in text:
        return list(_URL.finditer(text))
    out: list[re.Match[str]] = []
    pos = 0
    gate = _URL_DOT_GATE.search
    match = _URL.match
    while (g := gate(text, pos)) is not None:
        dot = g.start()
        if dot >= 3 and _WWW.match(text, dot - 3):
            out.extend(_URL.finditer(text, pos))
            break
        m = match(text, _chain_start(text, dot, pos))
        if m is None:
            pos = dot + 1
        else:
            out.append(m)
            pos = m.end()
    return out


def find_urls(text: str) -> list[Suggestion]:
    """URLs with a scheme or www., and bare domain names with a known top-level domain."""
    out: list[Suggestion] = []
    for m in _url_matches(text):
        s = m.group()
        scheme = s.lower().startswith(("http", "ftp", "www."))
        # "e.g" or "p.m" are not domains; bare ones need a letter label of two or more.
        if not scheme and len(s.split(".")[0]) < 2:
            continue
        out.append(suggestion(m.start(), m.end(), "url", 0.95 if scheme else 0.85, "url", s))
    return out


def find_ip_addresses(text: str) -> list[Suggestion]:
    """IPv4 and IPv6 addresses, validated with the ipaddress module."""
    out: list[Suggestion] = []
    if text.count(":") < 2 and first_digit(text) < 0:
        return out
    # A match starts a run of at most three digits followed by "." and has three dots.
    starts = (
        [s for s, e, nxt in digit_runs(text) if e - s <= 3 and nxt == "."]
        if text.count(".") >= 3
        else []
    )
    for m in matches_at(_IPV4, text, starts):
        if all(int(p) <= 255 for p in m.group().split(".")):
            out.append(suggestion(m.start(), m.end(), "ip_address", 0.9, "ip_address", m.group()))
    if text.count(":") < 2:
        return out
    pair = _IPV6_GATE.search(text)
    if pair is None:
        return out
    # A match starts at most 4 hex digits before the first such pair of colons.
    for m in _IPV6.finditer(text, max(0, pair.start() - 4)):
        s = m.group()
        if s.count(":") < 2 or len(s) < 6:
            continue
        try:
            ipaddress.IPv6Address(s)
        except ValueError:
            continue
        out.append(suggestion(m.start(), m.end(), "ip_address", 0.9, "ip_address", s))
    return out


def _platform_starts(lower: str) -> list[int]:
    """Where a _HANDLE_CUE_LOWER match can start in lower: every start of a platform word (each
    match starts with one) and each "x" as a word, in order.

    The platform words start exactly where one of _PLATFORM_HEADS starts (a word occurs where a
    head that is a prefix of it does, and each head is a platform word); the heads are found
    with str.find, overlapping ones too. No two heads start at one position (none is a prefix
    of another) and no head starts with "x", so the list has no repeats."""
    starts = []
    find = lower.find
    for head in _PLATFORM_HEADS:
        if head not in lower:
            continue  # (the common case; "in" is a much cheaper call than str.find)
        at = find(head)
        while at >= 0:
            starts.append(at)
            at = find(head, at + 1)
    if "x" in lower:
        starts.extend([m.start() for m in _X_WORD.finditer(lower)])
    starts.sort()
    return starts


def find_handles(text: str) -> list[Suggestion]:
    """@handles (not inside e-mail addresses) and usernames named after a platform."""
    out: list[Suggestion] = []
    if "@" in text:
        # Every match starts at an "@": tried there only (its leading look-ahead would make
        # the regex engine test every position of the text).
        ats = []
        at = text.find("@")
        while at >= 0:
            ats.append(at)
            at = text.find("@", at + 1)
        for m in matches_at(_HANDLE, text, ats):
            out.append(suggestion(m.start(), m.end(), "handle", 0.9, "handle", m.group()))
    if first_digit(text) < 0 and "_" not in text and not _DOT_WORD.search(text):
        return out  # only names with a digit, "_" or "." are reported
    if lower_matches_ignorecase(text):
        lower = lower_same_length(text)
        starts = _platform_starts(lower)
        if not starts:
            return out  # no platform word
        found: Iterable[re.Match[str]] = matches_at(_HANDLE_CUE_LOWER, lower, starts)
    else:
        found = _HANDLE_CUE.finditer(text)
    for m in found:
        name = text[m.start(1) : m.end(1)]
        if name.lower() in {"is", "was", "and", "the", "account", "but", "called"}:
            continue
        if any(c.isdigit() or c in "_." for c in name):
            out.append(suggestion(m.start(1), m.end(1), "handle", 0.8, "handle", name))
    return out
