# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Detectors for phone numbers, payment cards, IBANs and passport / national-ID-like numbers."""

from __future__ import annotations

import re

import phonenumbers

from .model import Suggestion, suggestion
from .regex_util import trie_regex
from .scan import digit_runs, first_digit, lower_matches_ignorecase, lower_same_length, matches_at

# Candidate digit runs: optional +/00 prefix, digits with common separators, optional extension.
# \d also matches Arabic-Indic digits; phonenumbers normalises them.
_PHONE_CANDIDATE = re.compile(
    r"(?=[+(\d])(?<![\w+/.-])(?:\+|00)?\(?\d[\d \t\u00a0().\-/]{4,22}\d"
    r"(?:\s?(?:x|ext\.?|extension|poste)\s?\d{1,5})?(?![\w/]|[.,-]\d)"
)
_PHONE_CUE_WORDS = (
    "phone|mobile|cell|tel|telephone|call|ring|text|whatsapp|viber|signal|number|"
    "contact|reach|teléfono|telefono|móvil|movil|celular|llam|número|numero|portable|"
    "téléphone|telephone|appel|numéro|هاتف|جوال|رقم|موبايل|واتس"
)
# Only ever tested for a match or none, so the words can be a prefix tree (same answer, and
# much faster with IGNORECASE, where the engine would try every word in turn).
_PHONE_CUE = re.compile("(?i)" + trie_regex(_PHONE_CUE_WORDS.split("|")))
# The same without IGNORECASE, for lower_same_length(text): several times faster (under
# IGNORECASE the engine cannot skip to the words' first letters) and the same answer unless
# the text has one of the few characters that lower_matches_ignorecase rules out.
_PHONE_CUE_LOWER = re.compile(_PHONE_CUE.pattern.removeprefix("(?i)"))


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


# Words of an identity or case number that never name a phone ("número de cédula", "DNI",
# "passport"), and the phone cues that "number"/"número" are not: a phone-shaped number after
# the first and none of the second is an ID (a Honduran DNI is 0801-1990-12345).
_ID_ONLY_CUE_WORDS = (
    "cédula|cedula|dni|passport|pasaporte|passeport|expediente|unhcr|acnur|alien|a-number|"
    "identidad|identité|identity|ssn|social security|شماره ملی|هوية|"
    # the residence and asylum files of France, Spain and Poland: "numéro étranger", "n° de
    # dossier", "récépissé", "AGDREF", "NIE", "PESEL"
    "étranger|etranger|dossier|récépissé|recepisse|agdref|ofpra|nie|pesel"
)
_ID_ONLY_CUE = re.compile("(?i)" + trie_regex(_ID_ONLY_CUE_WORDS.split("|")))
_ID_ONLY_CUE_LOWER = re.compile(_ID_ONLY_CUE.pattern.removeprefix("(?i)"))
_PHONE_ONLY_CUE_WORDS = (
    "phone|mobile|cell|tel|call|ring|text|whatsapp|viber|signal|contact|reach|móvil|movil|"
    "celular|llam|portable|appel|هاتف|جوال|موبايل|واتس"
)
_PHONE_ONLY_CUE = re.compile("(?i)" + trie_regex(_PHONE_ONLY_CUE_WORDS.split("|")))
_PHONE_ONLY_CUE_LOWER = re.compile(_PHONE_ONLY_CUE.pattern.removeprefix("(?i)"))


def _an_ids_number(text: str, start: int) -> bool:
    """Whether an ID-only cue and no phone cue come in the 30 characters before start."""
    return _cue_before(text, start, 30, _ID_ONLY_CUE, _ID_ONLY_CUE_LOWER) and not _cue_before(
        text, start, 30, _PHONE_ONLY_CUE, _PHONE_ONLY_CUE_LOWER
    )


def _cue_before(
    text: str, end: int, width: int, cue: re.Pattern[str], cue_lower: re.Pattern[str]
) -> bool:
    """Whether cue (an IGNORECASE pattern) matches in the width characters before end, found
    with cue_lower (the same pattern without IGNORECASE) on the lower-cased text if that can
    tell."""
    if lower_matches_ignorecase(text):
        return cue_lower.search(lower_same_length(text), max(0, end - width), end) is not None
    return cue.search(text, max(0, end - width), end) is not None


_DATE_LIKE = re.compile(
    r"^\s*(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{4}\s*[-–]\s*\d{2,4}|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)\s*$"
)
_REGIONS = (
    "US",
    "GB",
    "FR",
    "DE",
    "ES",
    "IT",
    "SE",
    "CH",
    "AU",
    "SY",
    "IQ",
    "AF",
    "LB",
    "JO",
    "TR",
    "GR",
    "MA",
    "SD",
    "ER",
    "NG",
    "MX",
    "CO",
    "VE",
    "UA",
    "BE",
    "NL",
)
_GROUPED = re.compile(r"\d[\s().\-/]+\d")


_NOT_DIGIT = re.compile(r"\D")


def _digits(s: str) -> str:
    """The digits of s. Only used on pattern matches whose digits are all \\d, so this
    equals "".join(c for c in s if c.isdigit()) (isdigit also takes "²", never in them)."""
    return _NOT_DIGIT.sub("", s)


def _possible_phone(candidate: str) -> bool:
    """Whether phonenumbers takes the candidate for a possible number: international as
    written, else in each default region in turn (a parse error ends the loop)."""
    try:
        if candidate.startswith(("+", "00")):
            num = phonenumbers.parse(
                "+" + candidate[2:] if candidate.startswith("00") else candidate, None
            )
            possible: bool = phonenumbers.is_possible_number(num)
            return possible
        for region in _REGIONS:
            num = phonenumbers.parse(candidate, region)
            if phonenumbers.is_possible_number(num):
                return True
    except phonenumbers.NumberParseException:
        return False
    return False


def warm_up() -> None:
    """Load phonenumbers' per-region metadata now (it is loaded lazily on first use of a region
    or country code; called by gazetteer.warm_up, off the request path)."""
    for region in phonenumbers.SUPPORTED_REGIONS:
        phonenumbers.PhoneMetadata.metadata_for_region(region)
    for cc in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS:
        phonenumbers.PhoneMetadata.metadata_for_nongeo_region(cc)
    for region in _REGIONS:
        phonenumbers.is_possible_number(phonenumbers.parse("0612 345 678", region))
        _possible_phone("+" + str(phonenumbers.country_code_for_region(region)) + " 612 345 678")


def _phone_starts(text: str) -> list[int]:
    """Where a _PHONE_CANDIDATE match can start, in order: at a run of digits, or at the "+",
    "(" or "+(" right before one (the look-behind keeps a digit out before a match)."""
    starts: list[int] = []
    for start, _, _ in digit_runs(text):
        if text[max(0, start - 2) : start] == "+(":
            starts.append(start - 2)
        if start > 0 and text[start - 1] in "+(":
            starts.append(start - 1)
        starts.append(start)
    return starts


def find_phones(text: str) -> list[Suggestion]:
    """Phone numbers in international and local formats (regex prefilter, phonenumbers check);
    one after an ID-only cue ("DNI", "cédula") and no phone cue is an id_number."""
    out: list[Suggestion] = []
    for m in matches_at(_PHONE_CANDIDATE, text, _phone_starts(text)):
        cand = m.group().rstrip()
        start = m.start()
        if cand.startswith("(") and ")" not in cand:
            cand, start = cand[1:], start + 1
        digits = _digits(cand.split("x")[0].split("ext")[0])
        if not 7 <= len(digits) <= 15 or _DATE_LIKE.match(cand):
            continue
        if cand.count(".") == 3 and len(cand.split(".")) == 4 and "+" not in cand:
            continue  # IPv4-shaped
        cue = _cue_before(text, start, 40, _PHONE_CUE, _PHONE_CUE_LOWER)
        grouped = bool(_GROUPED.search(cand))
        possible = _possible_phone(cand.split(" x")[0].split("x")[0])
        if cand.startswith(("+", "00")) and possible:
            conf = 0.95
        elif possible and (cue or grouped):
            conf = 0.9 if cue else 0.85
        elif possible or cue:
            conf = 0.6  # a bare run of digits: could be an ID, still worth a look
        else:
            continue
        # "número de cédula 0801-1990-12345": an identity number, as sure as a phone would be
        kind = "id_number" if conf < 0.95 and _an_ids_number(text, start) else "phone"
        out.append(suggestion(start, start + len(cand), kind, conf, "phone", cand))
    return out


_CARD = re.compile(r"(?=\d)(?<![\d-])\d(?:[ -]?\d){11,18}(?![\d-]|[.,]\d)")


def luhn_ok(digits: str) -> bool:
    """Luhn (mod 10) checksum used by payment cards."""
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def find_payment_cards(text: str) -> list[Suggestion]:
    """Payment card numbers of 12-19 digits, optionally grouped, that pass the Luhn check."""
    out: list[Suggestion] = []
    # A card number starts a run of digits: of twelve or more, or followed by a separator.
    starts = [
        start for start, end, after in digit_runs(text) if end - start >= 12 or after in (" ", "-")
    ]
    for m in matches_at(_CARD, text, starts):
        digits = _digits(m.group())
        if len(digits) >= 12 and luhn_ok(digits) and len(set(digits)) > 1:
            out.append(
                suggestion(m.start(), m.end(), "payment_card", 0.95, "payment_card", m.group())
            )
    return out


_IBAN = re.compile(r"(?i)(?<![\w])[a-z]{2}\d{2}(?:[ ]?[a-z0-9]){11,30}(?![\w])")


def iban_ok(candidate: str) -> bool:
    """ISO 13616 IBAN check: ISO 7064 mod 97-10 over the rearranged alphanumeric string."""
    s = candidate.replace(" ", "").upper()
    if not 15 <= len(s) <= 34:
        return False
    rearranged = s[4:] + s[:4]
    try:
        return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1
    except ValueError:
        return False


def find_ibans(text: str) -> list[Suggestion]:
    """IBANs (any case, optionally in groups of four) with a valid mod-97 checksum."""
    out: list[Suggestion] = []
    # An IBAN's two check digits start a run of digits, right after its two-letter country code.
    starts = [start - 2 for start, end, _ in digit_runs(text) if start >= 2 and end - start >= 2]
    for m in matches_at(_IBAN, text, starts):
        s = m.group().rstrip()
        # The pattern may run on into following words; retry shorter at each group boundary.
        while not iban_ok(s) and " " in s[15:]:
            s = s[: s.rindex(" ")]
        if iban_ok(s):
            out.append(suggestion(m.start(), m.start() + len(s), "iban", 0.97, "iban", s))
        elif sum(c.isdigit() for c in s) >= 10:
            out.append(suggestion(m.start(), m.start() + len(s), "iban", 0.5, "iban", s))
    return out


_SSN = re.compile(r"(?=\d)(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
_ID_CUE_WORDS = (
    "passport|pasaporte|passeport|national id|identity card|id card|id number|"
    "id no|dni|nie|cédula|cedula|carte d'identité|carte de séjour|residence permit|"
    "permit|registration|case|file|unhcr|refugee|asylum|a-number|alien|ssn|"
    "social security|number|número|numéro|hejmar|جواز|هوية|رقم|بطاقة|ملف|شماره|پرونده"
)
# Only ever tested for a match or none (see _PHONE_CUE); "n[º°o]\.?" finds a match exactly
# where "n[º°o]" does.
_ID_CUE = re.compile(
    "(?i)(?:" + trie_regex(_ID_CUE_WORDS.split("|")) + r"|\bid\b|licen[cs]e|n[º°o]|#)"
)
_ID_CUE_LOWER = re.compile(_ID_CUE.pattern.removeprefix("(?i)"))  # see _PHONE_CUE_LOWER
_ID_TOKEN = re.compile(
    r"(?=[A-Z\d])(?<![\w-])(?=[A-Z0-9-]*\d)"
    r"(?:[A-Z]{1,3}[- ]?\d{5,12}|\d{6,14}[A-Z]?|[A-Z0-9]{2,5}-\d{3,10}"
    r"(?:-\d{1,6})?|[A-Z]\d{2,4}-?[A-Z0-9]{3,10}|\d{2,6}(?:[-/]\d{2,6}){1,3}"
    # a cédula written with thousands dots, Venezuelan with its letter: "V-24.563.118"
    r"|(?:[VEJ]-?)?\d{1,3}(?:\.\d{3}){2,3})(?![\w-])"
)


# Passport, case and registration numbers that mix letters and digits, in either case and with
# separators: "AB1234567", "XXX-17-045329", "476-05J16233", "b2156250". Checked further below.
_MIXED_ID = re.compile(
    r"(?<![\w@./+-])(?=[\w-]*\d)(?=[\w-]*[a-zA-Z])[a-zA-Z0-9]+(?:[-/][a-zA-Z0-9]+){0,3}"
    r"(?![\w@-]|\.\w)",
    re.ASCII,
)
_MONTHS = frozenset(_split("jan feb mar apr may jun jul aug sep sept oct nov dec"))


def _mixed_ids(text: str, word_starts: list[int]) -> list[Suggestion]:
    """Tokens of letters and at least five digits: an ID unless a part is a month ("12-Mar-2019")
    or a long word; at the leak guard's threshold after an ID cue ("case number", "رقم").
    A token starts at one of word_starts (_words_with_digits)."""
    out: list[Suggestion] = []
    for m in matches_at(_MIXED_ID, text, word_starts):
        s = m.group()
        parts = re.split(r"[-/]", s)
        if sum(c.isdigit() for c in s) < 5 or len(s) < 7:
            continue
        if any(p.isalpha() and (p.lower() in _MONTHS or len(p) > 4) for p in parts):
            continue
        cue = _cue_before(text, m.start(), 30, _ID_CUE, _ID_CUE_LOWER)
        out.append(
            suggestion(m.start(), m.end(), "id_number", 0.85 if cue else 0.75, "id_number", s)
        )
    return out


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def _words_with_digits(text: str) -> list[int]:
    """Where each word of ASCII letters, digits, "_" and "-" that holds a run of digits starts
    (a run's position when no such character is before it), in order. An _ID_TOKEN or
    _MIXED_ID match starts at one: it has a digit, and no word character or hyphen is before
    it."""
    starts: list[int] = []
    previous_end = -1
    for start, end, _ in digit_runs(text):
        i = start
        while i > 0 and text[i - 1] in _WORD_CHARS:
            if i == previous_end:
                break  # the word of the previous run, already in starts
            i -= 1
        else:
            starts.append(i)
        previous_end = end
    return starts


def find_id_numbers(text: str) -> list[Suggestion]:
    """Social-security, passport, national-ID, case and licence numbers (shape + context)."""
    out: list[Suggestion] = []
    if first_digit(text) < 0:
        return out
    word_starts = _words_with_digits(text)
    out.extend(_mixed_ids(text, word_starts))
    # An SSN starts a run of three digits that a hyphen follows: tried there only.
    ssn_starts = [
        start for start, end, after in digit_runs(text) if end - start == 3 and after == "-"
    ]
    for m in matches_at(_SSN, text, ssn_starts):
        out.append(suggestion(m.start(), m.end(), "id_number", 0.85, "id_number", m.group()))
    for m in matches_at(_ID_TOKEN, text, word_starts):
        s = m.group()
        cue = _cue_before(text, m.start(), 30, _ID_CUE, _ID_CUE_LOWER)
        letters = any(c.isalpha() for c in s)
        if cue:
            conf = 0.85
        elif letters and sum(c.isdigit() for c in s) >= 6:
            conf = 0.6  # passport-like: letters then many digits
        else:
            continue
        out.append(suggestion(m.start(), m.end(), "id_number", conf, "id_number", s))
    return out
