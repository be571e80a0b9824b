"""The faster internals of the number detectors give the answers of the plain versions."""

from __future__ import annotations

import random
import re
import sys

from moderation.redaction import numbers, scan
from moderation.redaction._number_starts import number_starts
from moderation.redaction.model import Suggestion
from tests.moderation.redaction._speed_texts import texts

_PREFIXES = [
    "", "0", "00", "011", "1", "01", "44", "0044", "+", "+0", "+1", "+44", "+49", "+963", "(",
    "+(", "+ ", "49", "33", "39", "0039", "06", "3", "9", "8", "800", "+800", "+888", "+999",
    "+9", "7", "+7", "12", "34", "61", "0061", "0011", "+212", "212", "0212", "1800", "+1 (",
]  # fmt: skip


def _phone_candidates(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    chars = "0123456789" * 6 + " -./()\u00a0\t٣x"
    return [
        rnd.choice(_PREFIXES) + "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 17)))
        for _ in range(count)
    ]


def test_possible_phone_matches_the_region_loop() -> None:
    numbers.warm_up()
    extra = [
        "+44 20 7946 0958", "(555) 123-4567", "00 33 1 23 45 67 89", "07715 381967",
        "0490 75 40 81", "+963 979 574 824", "011 44 20 7946 0958", "1 800 555 0199",
        "+1-984-182-0190", "180020497005751", "0612 345 678", "(602)272-9781", "٠٦١٢٣٤٥٦٧٨",
    ]  # fmt: skip
    for candidate in extra + _phone_candidates(60000, 7):
        want = numbers._possible_phone_plain(candidate)
        assert numbers._possible_phone(candidate) == want, candidate


def _plain_phones(text: str) -> list[Suggestion]:
    """The plain version: the candidate pattern over the whole text, the plain region loop."""
    out = []
    for m in numbers._PHONE_CANDIDATE.finditer(text):
        cand = m.group().rstrip()
        start = m.start()
        if cand.startswith("(") and ")" not in cand:
            cand, start = cand[1:], start + 1
        digits = "".join(c for c in cand.split("x")[0].split("ext")[0] if c.isdigit())
        if not 7 <= len(digits) <= 15 or numbers._DATE_LIKE.match(cand):
            continue
        if cand.count(".") == 3 and len(cand.split(".")) == 4 and "+" not in cand:
            continue
        cue = bool(numbers._PHONE_CUE.search(text, max(0, start - 40), start))
        grouped = bool(numbers._GROUPED.search(cand))
        possible = numbers._possible_phone_plain(cand.split(" x")[0].split("x")[0])
        if cand.startswith(("+", "00")) and possible:
            conf = 0.95
        elif possible and (cue or grouped):
            conf = 0.9 if cue else 0.85
        elif possible or cue:
            conf = 0.6
        else:
            continue
        out.append(Suggestion(start, start + len(cand), "phone", conf, "phone", cand))
    return out


def _plain_cards(text: str) -> list[Suggestion]:
    out = []
    for m in numbers._CARD.finditer(text):
        digits = "".join(c for c in m.group() if c.isdigit())
        if len(digits) >= 12 and numbers.luhn_ok(digits) and len(set(digits)) > 1:
            out.append(
                Suggestion(m.start(), m.end(), "payment_card", 0.95, "payment_card", m.group())
            )
    return out


def _plain_ibans(text: str) -> list[Suggestion]:
    out = []
    for m in numbers._IBAN.finditer(text):
        s = m.group().rstrip()
        while not numbers.iban_ok(s) and " " in s[15:]:
            s = s[: s.rindex(" ")]
        if numbers.iban_ok(s):
            out.append(Suggestion(m.start(), m.start() + len(s), "iban", 0.97, "iban", s))
        elif sum(c.isdigit() for c in s) >= 10:
            out.append(Suggestion(m.start(), m.start() + len(s), "iban", 0.5, "iban", s))
    return out


def _plain_ids(text: str) -> list[Suggestion]:
    # Mixed letter-and-digit IDs (issue 15) are found by plain code first; the rest is the oracle.
    out = numbers._mixed_ids(text) if any(c.isdigit() for c in text) else []
    out += [
        Suggestion(m.start(), m.end(), "id_number", 0.85, "id_number", m.group())
        for m in numbers._SSN.finditer(text)
    ]
    for m in numbers._ID_TOKEN.finditer(text):
        s = m.group()
        cue = numbers._ID_CUE.search(text, max(0, m.start() - 30), m.start())
        if cue:
            conf = 0.85
        elif any(c.isalpha() for c in s) and sum(c.isdigit() for c in s) >= 6:
            conf = 0.6
        else:
            continue
        out.append(Suggestion(m.start(), m.end(), "id_number", conf, "id_number", s))
    return out


_NUMBERY = [
    "+44 20 7946 0958, (555) 123-4567, 00 33 1 23 45 67 89; GB82 WEST 1234 5698 7654 32",
    "AB-123456 X 123-45-6789; 10.0.0.1; 4111 1111 1111 1111; 12/03/2019 10:30pm; ١٢ آذار",
    "+(44)20 7946 0958; call +1-984-182-0190 x12; tel 0612 345 678 ext 4; 2006-04-07 09:30",
    "DE89 3704 0044 0532 0130 00, de89370400440532013000, xGB82WEST12345698765432, A1-234",
    "passport no X1234567, N° 12-34-56, case 2019/1234, ZZ-12345, AB 12345, K12-ABC123",
]


def _digit_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    parts = [
        "4111",
        "1111",
        "12",
        "7",
        "0612",
        "345",
        "678",
        "00",
        "+",
        "(",
        ")",
        "-",
        "/",
        ".",
        "x",
        "AB",
        "GB82",
        "WEST",
        "Z",
        "de",
        "no",
        "call",
        "#",
        "٣",
    ]
    parts += [" ", " "]
    return ["".join(rnd.choice(parts) for _ in range(14)) for _ in range(count)]


def test_number_detectors_match_the_plain_versions() -> None:
    numbers.warm_up()
    found = [0, 0, 0, 0]
    for text in _NUMBERY + texts(8000, 41) + _digit_texts(8000, 43):
        for i, (new, plain) in enumerate(
            (
                (numbers.find_phones, _plain_phones),
                (numbers.find_payment_cards, _plain_cards),
                (numbers.find_ibans, _plain_ibans),
                (numbers.find_id_numbers, _plain_ids),
            )
        ):
            want = plain(text)
            assert new(text) == want, (new.__name__, text)
            found[i] += len(want)
    assert min(found) > 20, found  # the texts do exercise the detectors


def test_lower_case_cues_agree_with_ignorecase() -> None:
    # The cue patterns without IGNORECASE over lower_same_length(text) find what the IGNORECASE
    # ones find over text (texts that lower_matches_ignorecase rules out keep IGNORECASE): each
    # character matches a letter of the cue words under IGNORECASE exactly when its lower case
    # is that letter, and lower-casing never changes whether a character is a word character
    # (for \b).
    letters = set(numbers._PHONE_CUE_WORDS + numbers._ID_CUE_WORDS + "idlicensº°o#")
    anyletter = re.compile("(?i)[" + re.escape("".join(sorted(letters))) + "]")
    word = re.compile(r"\w")
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if not scan.lower_matches_ignorecase(c):
            continue
        lower = scan.lower_same_length(c)
        if lower != c:
            assert bool(word.match(c)) == bool(word.match(lower)), hex(cp)
        if anyletter.fullmatch(c) or lower in letters:
            for x in letters:
                assert bool(re.fullmatch("(?i)" + re.escape(x), c)) == (lower == x), hex(cp)


def test_cues_match_the_ignorecase_search() -> None:
    rnd = random.Random(3)
    pieces = [
        "Phone", "TEL", "móvil", "MÓVIL", "Número", "ID", "id", "Id:", "N°", "Nº", "NO", "#",
        "License", "LICENCE", "Passport", "Cédula", "رقم", "İD", "\u017fsn", "K", " ", "1",
    ]  # fmt: skip
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", " "]) for _ in range(6))
        end = rnd.randint(0, len(text))
        for cue, lower in (
            (numbers._PHONE_CUE, numbers._PHONE_CUE_LOWER),
            (numbers._ID_CUE, numbers._ID_CUE_LOWER),
        ):
            want = cue.search(text, max(0, end - 30), end) is not None
            assert numbers._cue_before(text, end, 30, cue, lower) == want, text


def test_number_starts_cover_every_match() -> None:
    patterns = {
        "phone": numbers._PHONE_CANDIDATE,
        "card": numbers._CARD,
        "iban": numbers._IBAN,
        "ssn": numbers._SSN,
        "id_token": numbers._ID_TOKEN,
    }
    for text in _NUMBERY + texts(6000, 45) + _digit_texts(6000, 47):
        starts = number_starts(text)
        for name, pattern in patterns.items():
            found = getattr(starts, name)
            assert found == sorted(found), (name, text)
            assert {m.start() for m in pattern.finditer(text)} <= set(found), (name, text)
