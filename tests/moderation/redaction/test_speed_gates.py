# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""The whole-text checks that let detectors skip patterns never skip a text the pattern would
match, and the rewritten cue scan of names finds what the plain finditer version found."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from functools import lru_cache

from moderation.redaction import (
    addresses,
    cues,
    dates,
    name_lowercase,
    name_tokens,
    numbers,
    organisations,
    scan,
    text_patterns,
)
from moderation.redaction.language import zipf
from moderation.redaction.model import Suggestion
from moderation.redaction.regex_util import trie_regex

_PIECES = [
    "Rue", "rue", "Av.", "Avda", "Avda.", "C/", "Str.", "Shari'", "place", "Via", " ", "  ",
    "\t", "\n", ",", ".", "-", "'", "’", "12", "7", "2019", "1987", "x", "Main", "street",
    "st.", "Road", "road", "u.", "utca", "gate", "Kings", "Berliner", "straße", "STRASSE",
    "weg", "Ring", "during", "tér", "March", "MAY", "mars", "de", "del", "of", "in", "since",
    "University", "School", "Bank", "and", "Sons", "Acme", "Ltd", "www", "http", "://", "com",
    "E.G", "a.b", "my", "brother", "sister", "village", "samir", "karim", "akhi", "sahbi",
    "the", "town", "mon", "frère", "mi", "hermano", "Samir", "é", "É", "ſ", "K", "İ", "ß",
]  # fmt: skip


def _texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [
        "".join(rnd.choice(_PIECES) + rnd.choice(["", " ", " ", ", "]) for _ in range(12))
        for _ in range(count)
    ]


_TEXTS = [
    *_texts(4000, 11),
    "We lived at 12 Rue de la Paix, then Avda. Mayor 3 and C/ Luna 5.",
    "Kossuth Lajos utca 12; Berliner Straße 7; 1 Main street; Storgata 4",
    "On 12 March 2019, in 1987, since 2001, MARCH 3rd, mars 2020, marzo de 2018.",
    "Acme, Bolt and Cole; Smith and Sons; University of Aleppo; www.example.org; a.b",
]


def test_address_gates_never_skip_a_match() -> None:
    for text in _TEXTS:
        if addresses._PATTERNS[1][0].search(text):
            assert addresses._PREFIX_GATE.search(text), text
        if addresses._PATTERNS[2][0].search(text):
            assert addresses._STREET_WORD_GATE.search(text), text
        if text.isascii():
            old = addresses._COMPOUND_GATE.search(text) is not None
            new = addresses._COMPOUND_GATE_LOWER.search(text.lower()) is not None
            assert old == new, text


def test_date_gates_never_skip_a_match() -> None:
    for text in _TEXTS:
        if text.isascii():
            for (pattern, _), month_led in zip(dates._PATTERNS, dates._MONTH_LED, strict=True):
                if month_led and pattern.search(text):
                    assert dates._MONTH_THEN_DIGIT.search(text.lower()), text


def test_url_and_organisation_gates() -> None:
    for text in _TEXTS:
        if text_patterns._URL.search(text):
            assert "://" in text or text_patterns._URL_DOT_GATE.search(text), text
        if organisations._PATTERNS[1][0].search(text):
            assert any(w in text for w in organisations._ORG_PREFIX_WORDS), text
        if organisations._PATTERNS[3][0].search(text):
            assert organisations._ORG_LIST_GATE.search(text), text
        if organisations._PATTERNS[0][0].search(text):
            assert organisations._ORG_SUFFIX_AFTER_SPACE.search(text), text


@lru_cache(maxsize=4)
def _old_cue_then_rare(zlang: str) -> re.Pattern[str]:
    new = name_lowercase.cue_then_rare(zlang).pattern
    # The scan now looks for cues.SCAN_CUES only; the oracle looks for every cue word.
    head = r"[\W\d_]" + trie_regex(cues.SCAN_CUES)
    assert new.startswith(head)
    return re.compile(
        trie_regex(cues.PERSON_LAST | cues.PLACE_LAST, after_first=r"(?<![^\W\d_'’\-].)")
        + new[len(head) :]
    )


def _old_lowercase_after_cue(text: str, lang: str) -> Iterator[Suggestion]:
    """The previous version: a look-behind after the first letter of every cue word, finditer."""
    zlang = lang if lang in ("en", "es", "fr") else "en"
    old = _old_cue_then_rare(zlang)
    lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for m in old.finditer(lower):
        e = m.end()
        if text[e].isupper():
            continue
        tm = name_tokens.TOKEN.match(text, e)
        if tm is None or tm.end() - e < 3:
            continue
        w = tm.group().rstrip(".").strip("'’-")
        if zipf(w.lower(), zlang) >= 3.3:
            continue
        prev = name_tokens.prev_word(text, e)
        if prev not in cues.PERSON_LAST and prev not in cues.PLACE_LAST:
            continue
        before = text[max(0, e - 40) : e]
        if cues.PERSON_BEFORE.search(before) and not cues.PERSON_BEFORE.search(before[-3:]):
            yield Suggestion(e, tm.end(), "person", 0.6, "names", text[e : tm.end()])
        elif cues.STRONG_PLACE_BEFORE.search(before):
            yield Suggestion(e, tm.end(), "place", 0.6, "names", text[e : tm.end()])


def test_cue_scan_matches_previous_version() -> None:
    extra = [
        "my brother samir and akhi sahbi karim went to the village of kafr nabl",
        "mon frère karim, mi hermano luis; ma sœur leïla; 3my brother x-samir; d’alep",
        "sister mona samir. brother-in-law hakim. friend:  zaid, town of  bayt lahia",
        "x-brother samir; half-brother samir; mrnamed samir; xvillage of kafr; townof nabl",
        "name is  samir; d' alep; jusqu'à alep; mr.. samir; İn samir; cousin samir; to kiel",
        "his name was\nsamir; known as, zaid; nom est karim; se llama luis; 2brother samir",
    ]
    found = 0
    for text in _TEXTS + extra:
        for lang in ("en", "fr"):
            old = list(_old_lowercase_after_cue(text, lang))
            assert list(name_lowercase.lowercase_after_cue(text, lang)) == old, text
            found += len(old)
    assert found > 20  # the texts do exercise the cue rules


_DIGITY = [
    *_texts(3000, 5),
    "+44 20 7946 0958, (555) 123-4567, 00 33 1 23 45 67 89; GB82 WEST 1234 5698 7654 32",
    "AB-123456 X 123-45-6789; 10.0.0.1; 4111 1111 1111 1111; 12/03/2019 10:30pm; ١٢ آذار",
]


def test_digit_led_patterns_tried_at_digit_runs_only() -> None:
    led = [p for (p, _), d in zip(dates._PATTERNS, dates._DIGIT_LED, strict=True) if d]
    led += [addresses._PATTERNS[0][0], addresses._POSTCODE_SHAPE, numbers._CARD, numbers._SSN]
    led.append(text_patterns._IPV4)
    for text in _DIGITY + _TEXTS:
        for pattern in led:
            old = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in scan.digit_led_matches(pattern, text)] == old, text


def test_scans_start_late_enough() -> None:
    for text in _DIGITY:
        first = scan.first_digit(text)
        if first < 0:
            continue
        for pattern, start in (
            (numbers._IBAN, max(0, first - 2)),
            (numbers._PHONE_CANDIDATE, max(0, first - 2)),
        ):
            old = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in pattern.finditer(text, start)] == old, text
    for text in _DIGITY:
        old = list(numbers._ID_TOKEN.finditer(text))
        mixed = set(numbers._mixed_ids(text))  # letters and digits (issue 15): plain code
        new = [s for s in numbers.find_id_numbers(text) if s not in mixed]
        cued = {(m.start(), m.end()) for m in old}
        assert {(s.start, s.end) for s in new if s.confidence != 0.85} <= cued
        assert all(s.kind == "id_number" for s in new)


def test_lower_case_gates_agree_with_ignorecase() -> None:
    letters = "abcdefghijklmnopqrstuvwxyzßäöéúàçñü"
    for cp in range(0x80, 0x3000):
        c = chr(cp)
        if not scan.lower_matches_ignorecase(c):
            continue
        for x in letters:
            if re.fullmatch("(?i)" + x, c):
                assert scan.lower_same_length(c) == x, hex(cp)


def _old_lowercase_places(text: str, lang: str) -> list[int]:
    """Token starts the previous preposition scan (look-behind after each letter) found."""
    zlang = lang if lang in ("en", "es", "fr") else "en"
    new = name_lowercase.preposition_then_word(zlang).pattern
    head = r"[\W\d_]" + trie_regex(name_lowercase.PLACE_PREPOSITIONS.split("|"))
    assert new.startswith(head)
    old = _compiled(
        trie_regex(name_lowercase.PLACE_PREPOSITIONS.split("|"), after_first=r"(?<![^\W\d_'’\-.].)")
        + new[len(head) :]
    )
    lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return [m.end() for m in old.finditer(lower)]


@lru_cache(maxsize=4)
def _compiled(src: str) -> re.Pattern[str]:
    return re.compile(src)


def test_preposition_scan_matches_previous_version() -> None:
    extra = [
        "we came from tunisia to harburg via into near  from to in tunis",
        "desde cerca de alep",
    ]
    for text in _TEXTS + extra:
        padded = " " + scan.lower_same_length(text)
        pattern = name_lowercase.preposition_then_word("en")
        starts, pos = [], 0
        while (m := pattern.search(padded, pos)) is not None:
            starts.append(m.end() - 1)
            pos = m.end() - 1
        assert starts == _old_lowercase_places(text, "en"), text


def _windows() -> Iterator[tuple[str, int, int]]:
    extra = [
        "my late brother   named Samir; mi hermano Luis; mon frère, Karim; he was born in",
        "the village of Kafr; fled to; Samir said; was born; camp; phone number 12; call me",
        "passport no 123; ID: 44; licence 9; N° 5; # 7; رقم 5; whatsapp; téléphone; cédula",
    ]
    for text in _TEXTS[:1500] + _DIGITY[:1500] + extra:
        for i in range(0, len(text) + 1, 2):
            yield text, max(0, i - 40), i


def test_cue_patterns_match_where_the_plain_ones_do() -> None:
    phone_old = re.compile("(?i)(?:" + numbers._PHONE_CUE_WORDS + ")")
    id_old = re.compile("(?i)(?:" + numbers._ID_CUE_WORDS + r"|\bid\b|licen[cs]e|n[º°o]\.?|#)")
    hits = 0
    for text, lo, hi in _windows():
        before, after = text[lo:hi], text[hi : hi + 30]
        for name in ("PERSON_BEFORE", "PLACE_BEFORE", "STRONG_PLACE_BEFORE"):
            old = cues.PLAIN[name].search(before) is not None
            assert (getattr(cues, name).search(before) is not None) == old, (name, before)
            hits += old
        for name in ("PERSON_AFTER", "PLACE_AFTER", "SUBJECT_VERB"):
            old = cues.PLAIN[name].match(after) is not None
            assert (getattr(cues, name).match(after) is not None) == old, (name, after)
        for old_p, new_p in ((phone_old, numbers._PHONE_CUE), (id_old, numbers._ID_CUE)):
            assert (old_p.search(text, lo, hi) is None) == (new_p.search(text, lo, hi) is None)
    assert hits > 100


def test_ipv6_scan_starts_late_enough() -> None:
    for text in [*_DIGITY, "a fe80::1 b", "x 2001:db8:85a3::8a2e:370:7334 y", "10:30 ab:cd:ef"]:
        if text_patterns._IPV6_GATE.search(text) is None:
            assert text_patterns._IPV6.search(text) is None, text
            continue
        start = max(0, text_patterns._IPV6_GATE.search(text).start() - 4)
        old = [m.span() for m in text_patterns._IPV6.finditer(text)]
        assert [m.span() for m in text_patterns._IPV6.finditer(text, start)] == old, text


def test_unit_words_tree_finds_the_same_addresses() -> None:
    new = addresses._PATTERNS[4][0]
    old = re.compile(new.pattern.replace(addresses._UNIT_TREE, addresses._UNIT), new.flags)
    assert old.pattern != new.pattern
    extra = ["Apt 4, APARTMENT 12b, appt. 3, P.O. Box 77, po box 5, Suite #9, Unit no. 4, Piso 2"]
    for text in [*extra, *_DIGITY, *_TEXTS]:
        assert [m.group() for m in new.finditer(text)] == [m.group() for m in old.finditer(text)]


_HANDLY = [
    *_texts(1500, 17),
    "My Instagram: samir_99, TELEGRAM is Karim.K, fb @x; user name: a.b.c; ex-twitter x_12",
    "Account KK_12 (Kelvin sign), İnstagram ab_12, ſignal ab_34, handle: Ab.Cd and cuenta es z_1",
]


def test_handle_cue_scan_on_lower_case_text_matches_ignorecase() -> None:
    extra = ["instagram", "twitter", "x", "handle", "user name", ":", "_12", "a.b", "99", "is"]
    rnd = random.Random(3)
    texts = _HANDLY + [
        "".join(rnd.choice(extra + _PIECES) + rnd.choice(["", " ", ": "]) for _ in range(10))
        for _ in range(3000)
    ]
    for text in texts:
        old = [m.span(1) for m in text_patterns._HANDLE_CUE.finditer(text)]
        if not scan.lower_matches_ignorecase(text):
            continue
        lower = scan.lower_same_length(text)
        new = [m.span(1) for m in text_patterns._HANDLE_CUE_LOWER.finditer(lower)]
        assert new == old, text


def test_ssn_and_ipv4_need_their_separators() -> None:
    for text in _DIGITY:
        if "-" not in text:
            assert numbers._SSN.search(text) is None, text
        if text.count(".") < 3:
            assert text_patterns._IPV4.search(text) is None, text


def test_default_detectors_skipped_only_when_they_cannot_match() -> None:
    # run_detectors leaves out detectors that return nothing at once for the text: the
    # suggestions are those of every default detector run (as when they are named), in the
    # same order.
    from moderation.redaction.registry import DEFAULT_ENABLED, Context, run_detectors

    texts = [*_DIGITY[:800], *_TEXTS[:800], *_HANDLY[:300], "أخي سمير في حلب", "a@b.co 1::2"]
    for text in texts:
        for never in ((), ("Samir",)):
            ctx = Context(text, "en", never)
            assert run_detectors(ctx) == run_detectors(ctx, frozenset(DEFAULT_ENABLED)), text
