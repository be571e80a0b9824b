"""A faster, exactly equivalent form of "is this candidate a possible phone number" for the
phone detector.

The original check parses the candidate with phonenumbers once per default region (up to 26
times) and asks ``is_possible_number``. For a "plain" candidate (ASCII digits and the ASCII
separators below, no letters) most of ``phonenumbers.parse`` does the same work for every
region: find where the number starts, check that it looks viable, strip an extension, drop
the punctuation. What depends on the region is small: its international (IDD) prefix, its
country code at the start, its national prefix, and then only the LENGTH of the national
number decides ``is_possible_number``. So the digits are extracted once and, per region, only
that part is done, with the per-length answers of phonenumbers' ``_test_number_length``
tabled once. Whenever a region needs one of the rarer paths (an IDD prefix, the region's own
country code at the start, a length outside 2..17) that region falls back to the real
``phonenumbers.parse``, so the answer is always phonenumbers' own.
``tests/moderation/redaction/test_numbers_speed.py`` checks it against the plain loop.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

import phonenumbers
from phonenumbers import phonenumberutil
from phonenumbers.phonemetadata import PhoneMetadata

# phonenumbers' internals, untyped on purpose: their stubs do not always say what they return
# (_maybe_strip_national_prefix_carrier_code gives None for a str), and compiled code checks
# every typed value at run time.
_pnu: Any = phonenumberutil

# Characters of a plain candidate: phonenumbers drops them all as punctuation (each is in its
# _VALID_PUNCTUATION), none can start an extension, RFC 3966 part or a second number.
# A leading "(" is skipped by parse (a number starts at "+" or a digit).
_PLAIN = re.compile(r"\(?[0-9][0-9 ().\-/\u00a0]*\Z")
_NON_DIGIT = re.compile(r"[^0-9]")
_MAX_LEN = 20  # length tables cover 0.._MAX_LEN; a plain candidate has at most 15 digits

_OK = (_pnu.ValidationResult.IS_POSSIBLE, _pnu.ValidationResult.IS_POSSIBLE_LOCAL_ONLY)
# parse() keeps the national number with its national prefix when stripping it gives one of
# these (see the end of phonenumbers.parse).
_KEEP_PREFIX = (
    _pnu.ValidationResult.TOO_SHORT,
    _pnu.ValidationResult.IS_POSSIBLE_LOCAL_ONLY,
    _pnu.ValidationResult.INVALID_LENGTH,
)

# Per-region rules: (region, IDD regex, country code as a string, metadata,
# stripping kept by length, possible by length). Filled by prepare().
_Rule = tuple[str, re.Pattern[str], str, PhoneMetadata, tuple[bool, ...], tuple[bool, ...]]
_rules: dict[tuple[str, ...], tuple[_Rule, ...]] = {}
# Per country code (international numbers): (metadata, stripping kept, possible) by length.
_by_cc: dict[int, tuple[PhoneMetadata, tuple[bool, ...], tuple[bool, ...]]] = {}


def _length_tables(meta: PhoneMetadata, cc: int) -> tuple[tuple[bool, ...], tuple[bool, ...]]:
    """For national numbers of each length: does parse() take the number with its national
    prefix stripped, and does is_possible_number() say yes (it only looks at the length, in
    the metadata of the country code's main region)."""
    main = PhoneMetadata.metadata_for_region_or_calling_code(
        cc, phonenumbers.region_code_for_country_code(cc)
    )
    assert main is not None
    keep, possible = [], []
    for n in range(_MAX_LEN + 1):
        keep.append(_pnu._test_number_length("0" * n, meta) not in _KEEP_PREFIX)
        possible.append(_pnu._test_number_length("0" * n, main) in _OK)
    return tuple(keep), tuple(possible)


def _prepare_country_codes() -> None:
    for cc, region_codes in _pnu.COUNTRY_CODE_TO_REGION_CODE.items():
        meta = PhoneMetadata.metadata_for_region_or_calling_code(cc, region_codes[0])
        if meta is not None:
            _by_cc[cc] = (meta, *_length_tables(meta, cc))


def prepare(regions: tuple[str, ...]) -> tuple[_Rule, ...]:
    """Table the per-region rules and the per-country-code ones (done by numbers.warm_up, or
    on first use)."""
    if not _by_cc:
        _prepare_country_codes()
    rules = []
    for region in regions:
        meta = PhoneMetadata.metadata_for_region(region)
        assert meta is not None and meta.country_code is not None
        # With the country code found, parse() takes the metadata of its main region: the
        # rules assume it is this region (true of every default region).
        assert phonenumbers.region_code_for_country_code(meta.country_code) == region
        idd = re.compile(meta.international_prefix or "NonMatch")
        keep, possible = _length_tables(meta, meta.country_code)
        rules.append((region, idd, str(meta.country_code), meta, keep, possible))
    _rules[regions] = tuple(rules)
    return _rules[regions]


@cache
def _prefix_regex(prefix: str) -> re.Pattern[str]:
    return re.compile(prefix)


def _national(number: str, meta: PhoneMetadata, keep: tuple[bool, ...]) -> str:
    """The national number parse() keeps: with the national prefix stripped (phonenumbers'
    own function) unless the stripped length is one of _KEEP_PREFIX."""
    prefix = meta.national_prefix_for_parsing
    # Without a match of the prefix regex at the start, phonenumbers' function returns the
    # number unchanged: checked here first, without the call.
    if not prefix or not _prefix_regex(prefix).match(number):
        return number
    stripped = _pnu._maybe_strip_national_prefix_carrier_code(number, meta)[1]
    return stripped if len(stripped) <= _MAX_LEN and keep[len(stripped)] else number


def possible_international(candidate: str, slow: Callable[[], bool]) -> bool:
    """is_possible_number(parse(candidate, None)) for a candidate starting with "+" (False
    where parse raises); slow() is that real check, used for the rarer paths."""
    rest = candidate[1:]
    if not _PLAIN.match(rest):
        return slow()
    digits = _NON_DIGIT.sub("", rest)
    if not _by_cc:
        _prepare_country_codes()
    cc, national = _pnu._extract_country_code(digits)
    if cc == 0 or len(digits) <= 2 or len(national) < 2 or cc not in _by_cc:
        return slow()  # parse raises (or takes another rare path): let it
    meta, keep, possible = _by_cc[cc]
    national = _national(national, meta, keep)
    if not 2 <= len(national) <= 17:
        return slow()
    return possible[len(national)]


def _without_own_country_code(digits: str, cc: str, meta: PhoneMetadata) -> str:
    """The national number parse() goes on with when the digits start with the region's own
    country code (the end of phonenumbers' _maybe_extract_country_code, with its functions):
    without it if the number only fits the region's pattern without it, or is too long."""
    potential: str = _pnu._maybe_strip_national_prefix_carrier_code(digits[len(cc) :], meta)[1]
    general = meta.general_desc
    if (
        not _pnu._match_national_number(digits, general, False)
        and _pnu._match_national_number(potential, general, False)
    ) or _pnu._test_number_length(digits, meta) == _pnu.ValidationResult.TOO_LONG:
        return potential
    return digits


def possible_national(
    candidate: str, regions: tuple[str, ...], slow_region: Callable[[str, str], bool]
) -> bool | None:
    """The answer of the region loop for a candidate without "+": True as soon as one region
    finds it possible, False when none does. slow_region(candidate, region) is the real parse +
    is_possible_number for one region (raising NumberParseException as parse does; the caller
    turns that into False). None when the candidate is not plain (the caller runs the loop)."""
    if not _PLAIN.match(candidate):
        return None
    digits = _NON_DIGIT.sub("", candidate)
    if not 3 <= len(digits) <= 17:
        return None
    rules = _rules.get(regions) or prepare(regions)
    for region, idd, cc, meta, keep, possible in rules:
        national = digits
        if digits.startswith(cc):
            national = _without_own_country_code(digits, cc, meta)
        if idd.match(digits) or len(national) < 2:
            # An IDD prefix (or a number that is too short): parse's rarer paths.
            if slow_region(candidate, region):
                return True
            continue
        national = _national(national, meta, keep)
        if not 2 <= len(national) <= 17:
            if slow_region(candidate, region):  # parse raises: let it
                return True
        elif possible[len(national)]:
            return True
    return False
