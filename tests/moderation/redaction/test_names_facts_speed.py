# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""The second-round shortcuts of the names detector give the same answers as the code they
replaced (kept here as oracles): facts of single tokens, the single-token path of find_names."""

from __future__ import annotations

import random

from moderation.redaction import cues, names
from moderation.redaction.model import Suggestion
from moderation.redaction.name_tokens import cap_groups, sentence_start

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
