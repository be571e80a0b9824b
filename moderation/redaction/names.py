# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Person and place detection for Latin-script text: capitalised sequences scored by gazetteer,
word-frequency evidence and context cues, plus cue-led lower-case names and propagation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import cues
from .folding import fold, fold_with_map, map_span
from .gazetteer import load_gazetteer
from .language import name_likeness, zipf
from .model import Suggestion
from .organisations import ORG_WORDS

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-.](?=[^\W\d_]))*\.?")
_SENTENCE_END = re.compile(r"(?:^|[.!?…:;\"“”«»()\[\]\n>*•|-]|\.\.\.)[\s\"“«'(]*$")
_PSEUDONYM = re.compile(r"^(?:Person|Place|Organisation|Name)$")
_MAX_GAP = 2  # only spaces (or a single space + hyphen) may separate words of one name


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    cap: bool


def _is_cap(word: str) -> bool:
    # "McDonald", "DeSouza", "SEINÄJOKI" are fine; "I" alone is handled by NOT_NAMES.
    return word[0].isupper()


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group(), _is_cap(m.group())) for m in _TOKEN.finditer(text)]


def _groups(text: str, toks: list[_Tok]) -> Iterator[list[_Tok]]:
    """Runs of capitalised tokens, joined by single spaces and name connectors."""
    i = 0
    n = len(toks)
    while i < n:
        if not toks[i].cap:
            i += 1
            continue
        group = [toks[i]]
        j = i + 1
        while j < n:
            if group[-1].text.endswith(".") and len(group[-1].text) > 2:
                break  # "Nabl." ends a sentence; "P." is an initial and may go on
            gap = text[group[-1].end : toks[j].start]
            if len(gap) > _MAX_GAP or gap.strip(" -"):
                break
            if toks[j].cap:
                group.append(toks[j])
                j += 1
                continue
            # A lower-case connector is kept only if a capitalised word follows it.
            if toks[j].text.lower() in cues.NAME_CONNECTORS and j + 1 < n and toks[j + 1].cap:
                gap2 = text[toks[j].end : toks[j + 1].start]
                if len(gap2) <= _MAX_GAP and not gap2.strip(" -"):
                    group.extend((toks[j], toks[j + 1]))
                    j += 2
                    continue
            break
        yield group
        i = j


def _sentence_start(text: str, pos: int) -> bool:
    return bool(_SENTENCE_END.search(text, max(0, pos - 6), pos)) or pos == 0


def _word(t: _Tok) -> str:
    return t.text.rstrip(".").strip("'’-")


def _likeness(t: _Tok, lang: str) -> float:
    w = _word(t)
    if fold(w) in cues.NOT_NAMES or _PSEUDONYM.match(w):
        return 0.0
    if len(w) == 1:
        return 0.3  # an initial
    return name_likeness(w, lang)


def _span(text: str, toks: list[_Tok], kind: str, conf: float, detector: str) -> Suggestion:
    start, end = toks[0].start, toks[-1].end
    if text[end - 1] == "." and not re.search(r"\b[A-Z]\.$", text[start:end]):
        end -= 1  # keep the full stop of a sentence out, but not of an initial
    return Suggestion(start, end, kind, conf, detector, text[start:end])


def _prev_word(text: str, pos: int) -> str:
    """The word just before pos (lower case), or '' if punctuation other than , : intervenes."""
    i = pos
    while i > 0 and text[i - 1] in " \t,:\u00a0":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'’-."):
        j -= 1
    return text[j:i].lower().strip(".")


def _classify(
    text: str, group: list[_Tok], lang: str, at_sentence_start: bool
) -> Suggestion | None:
    gaz = load_gazetteer().latin
    words = [_word(t) for t in group]
    folded = fold(" ".join(words))
    if any(w in ORG_WORDS for w in words):
        return None  # organisations are the organisation detector's business
    if all(fold(w) in cues.NOT_NAMES or _PSEUDONYM.match(w) for w in words):
        return None
    before = text[max(0, group[0].start - 40) : group[0].start]
    after = text[group[-1].end : group[-1].end + 30]
    prev = _prev_word(text, group[0].start)
    person_cue = bool(prev in cues.PERSON_LAST and cues.PERSON_BEFORE.search(before)) or bool(
        cues.PERSON_AFTER.match(after)
    )
    strong_place = bool(prev in cues.PLACE_LAST and cues.STRONG_PLACE_BEFORE.search(before)) or (
        bool(cues.PLACE_AFTER.match(after))
    )
    place_cue = strong_place or bool(prev in cues.PLACE_LAST and cues.PLACE_BEFORE.search(before))
    pop = gaz.get(folded, 0)
    likeness = [_likeness(t, lang) for t in group if t.text.lower() not in cues.NAME_CONNECTORS]
    if not likeness:
        return None
    if pop:
        if person_cue and not strong_place and pop < 1_000_000:
            return _span(text, group, "person", 0.85, "names")
        if place_cue:
            return _span(text, group, "place", 0.9, "names")
        if pop >= 50_000 or len(group) > 1:
            return _span(text, group, "place", 0.8 if not at_sentence_start else 0.7, "names")
        if min(likeness) >= 0.5:
            return _span(text, group, "person", 0.6, "names")
        return _span(text, group, "place", 0.5, "names")
    if person_cue and zipf(words[0].lower(), lang if lang in ("en", "es", "fr") else "en") < 5.5:  # noqa: SIM102 (reads as two separate conditions)
        if not strong_place and len(words[0]) > 1:
            return _span(text, group, "person", 0.9, "names")
    if max(likeness) < 0.5:
        return None  # only ordinary words ("The Big Three")
    if strong_place:
        return _span(text, group, "place", 0.85, "names")
    if person_cue:
        return _span(text, group, "person", 0.9, "names")
    rare = min(likeness) >= 0.9
    if len(likeness) >= 2:
        conf = 0.85 if rare else 0.7
        kind = "place" if place_cue and not _looks_like_person(words) else "person"
        return _span(text, group, kind, conf, "names")
    w = words[0]
    if at_sentence_start:
        own = zipf(w.lower(), lang if lang in ("en", "es", "fr") else "en")
        if own < 3.0 and w.lower() not in cues.NAME_CONNECTORS:
            return _span(text, group, "person", 0.65, "names")
        if likeness[0] >= 0.9 and cues.SUBJECT_VERB.match(after):
            return _span(text, group, "person", 0.6, "names")
        return None
    if w.isupper() and len(w) <= 4:
        return None  # acronyms: UN, NGO, USA
    kind = "place" if (place_cue and lang != "en") or strong_place else "person"
    if place_cue and text[group[0].start - 3 : group[0].start].lower() in ("in ", "om "):
        kind = "place"
    return _span(text, group, kind, 0.75 if rare else 0.5, "names")


def _looks_like_person(words: list[str]) -> bool:
    return len(words) == 2 and all(len(w) > 1 for w in words) and words[0][0].isupper()


_LOWER_AFTER_CUE = re.compile(r"[^\W\d_][\w'’-]*")


def find_names(text: str, lang: str = "en") -> list[Suggestion]:
    """People and places in Latin-script text (cues, gazetteer, frequency evidence)."""
    toks = _tokens(text)
    out: list[Suggestion] = []
    for group in _groups(text, toks):
        at_start = _sentence_start(text, group[0].start)
        if at_start and len(group) > 1 and _likeness(group[0], lang) < 0.5:
            # "Then Samir Haddad came", "The Princess Royal": drop the sentence-initial word.
            group = group[1:]
            while group and group[0].text.lower() in cues.NAME_CONNECTORS:
                group = group[1:]
            if not group:
                continue
            at_start = False
        sug = _classify(text, group, lang, at_start)
        if sug is not None:
            out.append(sug)
    out.extend(_lowercase_after_cue(text, toks, lang))
    return out


def _lowercase_after_cue(text: str, toks: list[_Tok], lang: str) -> Iterator[Suggestion]:
    """'my brother samir' / 'in the village of kafr nabl': lower-case names after strong cues."""
    for _i, t in enumerate(toks):
        if t.cap or len(t.text) < 3:
            continue
        w = _word(t)
        if zipf(w.lower(), lang if lang in ("en", "es", "fr") else "en") >= 3.3:
            continue
        prev = _prev_word(text, t.start)
        if prev not in cues.PERSON_LAST and prev not in cues.PLACE_LAST:
            continue
        before = text[max(0, t.start - 40) : t.start]
        if cues.PERSON_BEFORE.search(before) and not cues.PERSON_BEFORE.search(before[-3:]):
            yield Suggestion(t.start, t.end, "person", 0.6, "names", text[t.start : t.end])
        elif cues.STRONG_PLACE_BEFORE.search(before):
            yield Suggestion(t.start, t.end, "place", 0.6, "names", text[t.start : t.end])


def propagate(text: str, found: list[Suggestion]) -> list[Suggestion]:
    """Mark every other occurrence of names already found (including single parts of full names)."""
    terms: dict[str, tuple[str, float]] = {}
    for s in found:
        if s.kind not in ("person", "place") or s.confidence < 0.6:
            continue
        terms.setdefault(fold(s.text), (s.kind, s.confidence))
        if s.kind == "person":
            for part in s.text.split():
                p = part.strip(".,'’")
                if len(p) >= 3 and p.lower() not in cues.NAME_CONNECTORS and p[0].isupper():  # noqa: SIM102 (reads as two separate conditions)
                    if name_likeness(p, "en") >= 0.5:
                        terms.setdefault(fold(p), ("person", 0.6))
    if not terms:
        return []
    folded, index = fold_with_map(text)
    pattern = re.compile(
        r"(?<![\w])(?:"
        + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
        + r")(?![\w])"
    )
    covered = {(s.start, s.end) for s in found}
    out = []
    for m in pattern.finditer(folded):
        start, end = map_span(index, m.start(), m.end(), text)
        if (start, end) in covered:
            continue
        original = text[start:end]
        if not original[0].isupper() and zipf(original.lower(), "en") >= 3.0:
            continue  # "hope" lower case is a word, not Hope
        kind, conf = terms[m.group()]
        out.append(Suggestion(start, end, kind, min(conf, 0.75), "names", original))
    return out
