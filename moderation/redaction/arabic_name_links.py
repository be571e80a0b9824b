"""People linked to a person already found, in Arabic script: the second of two names joined
by "و" ("سامر وعمار", "زهرا و فرشته"), a name before a kin word at a sentence start ("شریفه
خواهرم", Sharifa my sister; "فراس صديقي") or before a relation and a kin word anywhere ("نجاح
مرت اخوي", my brother's wife), a name before Persian "جان", dear ("نجیبه جان"), and other
mentions of a given name found by a cue ("قالت لي مريم" ... "مريم"). All below the leak
guard's threshold: the link is a guess, the word's shape the only evidence."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

from .arabic_cue_words import (
    ENDEARMENTS,
    KIN_ADJECTIVES,
    PERSON_CUES,
    RELATIONS,
    SONS_OR_HAS,
    STOP,
)
from .arabic_name_extent import starts_sentence
from .arabic_name_lexicon import NameStrength, name_strength
from .arabic_words import (
    Tok,
    after_first_letter,
    arabic_zipf,
    bare,
    common_noun,
    conjugated,
    definite,
    ordinary,
    persian_common,
    persian_text,
    persian_verb,
    unlike_a_name,
)
from .folding import fold
from .language import zipf
from .model import Suggestion, suggestion

_LINKED = 0.75


def name_shaped(tok: Tok, persian: bool = False) -> bool:
    """A word that can be a given name: a listed name, or a rare word that no ordinary-word
    test claims (not a function word, a common noun, a verb or a frequent Persian word)."""
    if len(tok.word) < 3 or tok.word in STOP or tok.word in PERSON_CUES or definite(tok):
        return False
    if name_strength(tok) in (NameStrength.RARE, NameStrength.COMMON):
        return True
    raw = tok.raw
    plain = ordinary(tok) or common_noun(raw) or conjugated(raw) or persian_common(raw)
    plain = plain or (persian and persian_verb(raw))
    # A past tense in "-t" ("ساعدت", she helped: "ساعدوا", they helped, is frequent).
    past = raw.endswith("ت") and zipf(raw[:-1] + "وا", "ar") >= 3.0
    unlike = unlike_a_name(tok, persian)
    return not plain and not past and not unlike and arabic_zipf(raw) < 4.5


def _word_with_waw(tok: Tok) -> bool:
    """A word whose "و" is its own first letter, not "and" ("وحدة", "وقت"); after a name, "and"
    before a listed name that is also a word ("عباس وقاسم", Abbas and Qasim)."""
    if arabic_zipf(tok.raw) >= 3.5:
        return True
    rest = after_first_letter(tok)
    return common_noun(tok.raw) and not _listed(rest)


def _kin_word(tok: Tok) -> bool:
    """A kin or friend word with "my" or "our" ("أختي", "خواهرم", "جارنا")."""
    return tok.word in PERSON_CUES and tok.word.endswith(("ي", "م", "نا"))


def _kin_phrase(toks: Sequence[Tok], k: int) -> bool:
    """Token k starts a kin phrase: a kin word with "my" ("أختي", "خواهرم"), or a relation word
    before one or before Persian "من"/"ما" ("مرت اخوي", my brother's wife; "پسر کاکایم", my
    uncle's son; "دوست من", my friend)."""
    if _kin_word(toks[k]):
        return True
    if toks[k].word not in RELATIONS or k + 1 >= len(toks):
        return False
    # Persian "برادر کوچکم" (my little brother): a relation and an adjective of age with "my"
    aged = toks[k + 1].word in KIN_ADJECTIVES and toks[k + 1].word.endswith(("م", "ش"))
    return _kin_word(toks[k + 1]) or toks[k + 1].word in ("من", "ما") or aged


def _vocative(text: str, toks: Sequence[Tok], k: int) -> bool:
    """Token k starts a sentence and is followed by "جان" and a comma: one addresses a person
    so, whatever the word ("نگار جان،")."""
    tok = toks[k]
    if len(tok.word) < 3 or tok.word in STOP or definite(tok) or k + 1 >= len(toks):
        return False
    after = text[toks[k + 1].end : toks[k + 1].end + 2].strip()[:1]
    return after in ("،", ",") and starts_sentence(text, toks, k)


def _listed(tok: Tok) -> bool:
    """A word of the given-name list that is not a function word nor definite."""
    usable = len(tok.word) >= 3 and tok.word not in STOP and not definite(tok)
    return usable and name_strength(tok) is not NameStrength.NONE


def _second_of_pair(toks: Sequence[Tok], k: int, spaced: Callable[[Tok, Tok], bool]) -> Tok | None:
    """The listed name joined to token k by "و" ("شبنم و نیلوفر", "رنا وهالة"), or None."""
    if k + 1 >= len(toks) or not spaced(toks[k], toks[k + 1]):
        return None
    nxt = toks[k + 1]
    if nxt.word == "و" and k + 2 < len(toks) and spaced(nxt, toks[k + 2]):
        return toks[k + 2] if _listed(toks[k + 2]) else None
    if not nxt.word.startswith("و"):
        return None
    rest = Tok(nxt.start + 1, nxt.end, nxt.raw[1:], nxt.word[1:])
    return rest if _listed(rest) and not _word_with_waw(nxt) else None


def _glued_listed(tok: Tok) -> bool:
    """A listed name with "و" (and) glued before it: "وجمال"."""
    return tok.word.startswith("و") and _listed(after_first_letter(tok))


def linked_people(text: str, toks: Sequence[Tok], found: Sequence[Suggestion]) -> list[Suggestion]:
    """People linked to the people found (see the module's docstring)."""
    token_starts = [t.start for t in toks]
    covered: set[int] = set()  # the tokens inside a suggestion

    def cover(start: int, end: int) -> None:
        covered.update(range(bisect_left(token_starts, start), bisect_left(token_starts, end)))

    for s in found:
        cover(s.start, s.end)
    ends = {s.end for s in found if s.kind == "person"}
    persian = persian_text(text)
    out: list[Suggestion] = []

    def free(k: int) -> bool:
        return k not in covered

    def spaced(a: Tok, b: Tok) -> bool:
        return not text[a.end : b.start].strip()

    def add(tok: Tok, start: int) -> None:
        out.append(
            suggestion(start, tok.end, "person", _LINKED, "arabic_names", text[start : tok.end])
        )
        cover(start, tok.end)
        ends.add(tok.end)  # "پروین و شبنم و نیلوفر": each name links the next

    def linkable(tok: Tok) -> bool:
        return name_shaped(tok, persian) or _listed(tok)

    def before_found(k: int) -> bool:
        """Token k is joined by "و" to a person found: "كوكو ونجلاء", "نبی و سمیع"."""
        nxt = toks[k + 1]
        if nxt.word == "و":
            return k + 2 < len(toks) and toks[k + 2].end in ends and spaced(nxt, toks[k + 2])
        # "ونجلاء" (and Najla), not "وحیده" (Vahideh, a name of its own)
        if not nxt.word.startswith("و") or nxt.end not in ends or free(k + 1):
            return False
        return name_strength(nxt) is NameStrength.NONE

    listed_run: set[int] = set()  # the ends of names linked by "و" to a name before them
    for k, tok in enumerate(toks[:-1]):
        nxt = toks[k + 1]
        if tok.end not in ends and free(k) and _listed(tok) and _second_of_pair(toks, k, spaced):
            add(tok, tok.start)  # two listed names joined by "و" ("شبنم و نیلوفر")
        elif (
            tok.end not in ends
            and before_found(k)
            and free(k)
            and spaced(tok, nxt)
            and name_shaped(tok, persian)
        ):
            add(tok, tok.start)  # "كوكو ونجلاء": the first of a pair
        if tok.end in ends and spaced(tok, nxt):
            if nxt.word == "و" and k + 2 < len(toks) and spaced(nxt, toks[k + 2]):
                other = toks[k + 2]
                if free(k + 2) and linkable(other):
                    add(other, other.start)
                    listed_run.add(other.end)
            elif nxt.word.startswith("و") and free(k + 1):
                rest = Tok(nxt.start + 1, nxt.end, nxt.raw[1:], nxt.word[1:])
                # The third name of a list may be a word too ("صقر وهديل وأنور وفرح"), and
                # so may the second after a kin word ("ولديه علي وحسن", his two sons) or
                # before a third ("عادل وكريم وجمال").
                in_list = tok.end in listed_run or tok.word.startswith("و")
                before = toks[k - 1].word if k > 0 else ""
                in_list = in_list or bare(before) in PERSON_CUES or before in SONS_OR_HAS
                in_list = in_list or (k + 2 < len(toks) and _glued_listed(toks[k + 2]))
                third = in_list and _listed(rest)
                if third or (not _word_with_waw(nxt) and linkable(rest)):
                    add(nxt, nxt.start)
                    listed_run.add(nxt.end)
        if not (spaced(tok, nxt) and free(k)):
            continue
        # A kin word alone after a sentence's first word; a relation and a kin word anywhere.
        kin_after = _kin_phrase(toks, k + 1) and (
            starts_sentence(text, toks, k) or not _kin_word(nxt)
        )
        # Before a relation and a kin word, a listed name that is also a word: "يوسف ابن عمي".
        relation = kin_after and not _kin_word(nxt) and _listed(tok)
        if (kin_after or nxt.word in ENDEARMENTS) and (name_shaped(tok, persian) or relation):
            add(tok, tok.start)
        elif nxt.word in ENDEARMENTS and _vocative(text, toks, k):
            add(tok, tok.start)  # "نگار جان،", Negar dear, at a sentence's start
        elif _and_kin(toks, k) and name_shaped(tok, persian):
            add(tok, tok.start)  # "با فریبا و دخترم", with Fariba and my daughter
    return out


def _and_kin(toks: Sequence[Tok], k: int) -> bool:
    """Token k is followed by "و" (and) and a kin word with "my": "فریبا و خواهرم"."""
    return k + 2 < len(toks) and toks[k + 1].word == "و" and _kin_phrase(toks, k + 2)


def other_mentions(
    toks: Sequence[Tok], given: set[str], found: Sequence[Suggestion]
) -> list[Suggestion]:
    """The other mentions of the given names found (folded words `given`), below the leak
    guard's threshold."""
    if not given:
        return []
    taken = [(s.start, s.end) for s in found]
    return [
        suggestion(tok.start, tok.end, "person", 0.7, "arabic_names", tok.raw)
        for tok in toks
        if tok.word in given and not any(a < tok.end and tok.start < b for a, b in taken)
    ]


def linked_names(linked: Sequence[Suggestion], given: set[str]) -> set[str]:
    """The one-word names of the people linked (folded, also without a glued "و": "ونايف"),
    that are not also ordinary words ("ومجاهد", and fighter) nor already in `given`: their other
    mentions are the same people ("ونايف" ... "نايف انحبس")."""
    names: set[str] = set()
    for s in linked:
        word = fold(s.text)
        if " " in word or word in given:
            continue
        rest = word[1:] if word.startswith("و") and len(word) > 3 else word
        if name_strength(Tok(s.start, s.end, s.text[-len(rest) :], rest)) is not NameStrength.WORD:
            names.update((word, rest))
    return names - given
