# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""The second-round shortcuts of the names detector give the same answers as the code they
replaced (kept here as oracles): facts of single tokens, the single-token path of find_names."""

from __future__ import annotations

import random

from moderation.redaction import cues, names
from moderation.redaction.model import Suggestion
from moderation.redaction.name_tokens import cap_groups, sentence_start
from tests.moderation.redaction._name_oracles import old_propagate as _old_propagate

# Capitalised words of every kind _facts tells apart: places (big and small), names, common
# words, connectors, pseudonyms, organisation words, never-names, initials, acronyms.
_WORDS = [
    "Samir", "Haddad", "Tunisia", "Harburg", "Paris", "Kiel", "Alep", "New", "Zealand", "The",
    "What", "Then", "Hope", "Will", "May", "March", "Can", "I", "I'm", "God", "UN", "NGO", "USA",
    "Person", "Place", "Name", "Organisation", "Bank", "Ltd", "University", "De", "Del", "El",
    "Al", "Bin", "Y", "P", "K", "J", "Nabl", "Kafr", "Zaid", "Luis", "Karim", "Émile", "Ürgüp",
    "Øresund", "Łódź", "Sahbi", "J'enseignais", "Qu'il", "O'Brien", "D’Souza", "Jean-Luc",
    "Mshina", "Wahad", "Southern", "Greater", "Manchester", "Princess", "Royal", "Monday",
    "Facebook", "Whatsapp", "Xq", "Zzyzx", "Mr", "Dr", "Sr", "Mme", "ſam", "İstanbul",
]  # fmt: skip
_SEPARATORS = [" ", " ", " ", "  ", "-", ". ", ", ", "\n", " de ", " al ", " and ", "'", "’", ""]
_CONTEXT = [
    "my brother", "in", "from", "born in", "village of", "said", "camp", "is", "was", "he",
    "told me", "mi hermano", "mon frère", "à", "the", "we met", "near", "to", "?", ":", ".",
]  # fmt: skip


def _texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rnd.randint(2, 9)):
            piece = rnd.choice(_WORDS) if rnd.random() < 0.6 else rnd.choice(_CONTEXT)
            if rnd.random() < 0.15:
                piece = piece.lower() if rnd.random() < 0.5 else piece + "."
            parts.append(piece + rnd.choice(_SEPARATORS))
        out.append("".join(parts))
    return out


def test_single_facts_are_the_facts_of_a_group_of_one() -> None:
    tokens = {t[2] for text in _texts(3000, 11) for group in cap_groups(text) for t in group}
    tokens |= {w + "." for w in _WORDS} | {w + "’" for w in _WORDS} | {w.upper() for w in _WORDS}
    assert len(tokens) > 200
    for lang in ("en", "es", "fr", "de", "ar"):
        for token in sorted(tokens):
            assert names._single_facts(token, lang) == names._facts((token,), lang), (token, lang)


def _old_find_names(text: str, lang: str) -> list[Suggestion]:
    """find_names as it was: every group through the same path (cap_groups, _facts)."""
    out: list[Suggestion] = []
    for group in cap_groups(text):
        first = group[0]
        texts = tuple(t[2] for t in group)
        at_start = sentence_start(text, first[0])
        if (
            at_start
            and len(group) > 1
            and names._word_likeness(names._word(first[2]), lang) < 0.5
            and not names._gazetteer_part(texts, whole=True)
        ):
            group = group[1:]
            while group and group[0][2].lower() in cues.NAME_CONNECTORS:
                group = group[1:]
            if not group:
                continue
            texts = tuple(t[2] for t in group)
            at_start = False
        facts = names._facts(texts, lang)
        sug = None
        if facts is not None:
            start, end = group[0][0], group[-1][1]
            sug = names._classify(text, start, end, len(group), facts, lang, at_start)
        if sug is None and len(group) > 1:
            part = names._gazetteer_part(texts, whole=False)
            if part is not None:
                sug = names._span(text, group[part[0]][0], group[part[1] - 1][1], "place", 0.7)
        if sug is not None:
            out.append(sug)
    out.extend(names.lowercase_names(text, lang))
    return out


def test_find_names_matches_the_one_path_version() -> None:
    found = 0
    for lang in ("en", "es", "fr"):
        names._SINGLE_FACTS.clear()  # also exercise the first sight of each token
        for text in _texts(1500, 5):
            new = names.find_names(text, lang)
            assert new == _old_find_names(text, lang), (text, lang)
            found += len(new)
    assert found > 3000  # the texts do produce names and places


def test_propagate_matches_the_previous_version() -> None:
    rnd = random.Random(17)
    kinds = ["person", "person", "place", "address", "organisation"]
    propagated = 0
    for base in _texts(3000, 9):
        # Names found in the first half are mentioned again (in another case) in the second.
        text = base + " and " + rnd.choice([base, base.lower(), base.upper(), base[::-1]])
        found = names.find_names(text, "en")
        for _ in range(rnd.randint(0, 3)):  # spans of other detectors, any kind and text
            start = rnd.randrange(len(text))
            end = min(len(text), start + rnd.randint(1, 20))
            conf = rnd.choice([0.5, 0.6, 0.9])
            found.append(Suggestion(start, end, rnd.choice(kinds), conf, "x", text[start:end]))
        new = names.propagate(text, found)
        assert new == _old_propagate(text, found), (text, found)
        propagated += len(new)
    assert propagated > 300  # the texts do repeat names


def test_after_cues_matched_in_place_match_the_slice() -> None:
    pieces = ["'s", "’s", "'S", " ", "  ", "\n", ",", "said", "SAID", "was born", "camp",
              "Samir", "Refugee Camp", "ſaid", "İs my", "is my", "and I", "town", "x", ".",
              "saidx", "é"]  # fmt: skip
    rnd = random.Random(29)
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) for _ in range(6000)]
    hits = 0
    for text in texts:
        for end in range(len(text) + 1):
            want = names._AFTER.match(text[end : end + 30])
            got = names._AFTER_AT.match(text, end, end + 30)
            assert want is not None and got is not None
            assert want.group("person", "place") == got.group("person", "place"), (text, end)
            hits += want.group("person") is not None
    assert hits > 3000
