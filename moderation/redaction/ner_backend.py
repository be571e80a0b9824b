"""Optional NER backend: spaCy, used only when the package and a model are both installed."""

from __future__ import annotations

from functools import cache
from typing import Any

from .model import Suggestion

_LABELS = {
    "PERSON": "person",
    "PER": "person",
    "GPE": "place",
    "LOC": "place",
    "ORG": "organisation",
    "FAC": "address",
}
_MODELS = {
    "en": ("en_core_web_sm", "en_core_web_md"),
    "es": ("es_core_news_sm",),
    "fr": ("fr_core_news_sm",),
    "ar": ("xx_ent_wiki_sm",),
}


@cache
def _load(lang: str) -> Any | None:
    try:
        import spacy
    except ImportError:
        return None
    for name in (*_MODELS.get(lang, ()), "xx_ent_wiki_sm"):
        try:
            return spacy.load(name, disable=["parser", "lemmatizer"])
        except OSError:  # model not installed
            continue
    return None


def available(lang: str = "en") -> bool:
    """True when spaCy and a model for the language are installed."""
    return _load(lang) is not None


def find_entities(text: str, lang: str = "en") -> list[Suggestion]:
    """Entities from spaCy, if present; otherwise nothing (the engine does not depend on it)."""
    nlp = _load(lang)
    if nlp is None:
        return []
    out = []
    for ent in nlp(text).ents:
        kind = _LABELS.get(ent.label_)
        if kind:
            out.append(Suggestion(ent.start_char, ent.end_char, kind, 0.7, "ner", ent.text))
    return out
