"""How far a name written in Arabic script runs: tokens written next to each other, the start
of a sentence, nasab and kunya chains ("بن علي", "أبو زيد") and Dari compounds with "گل"."""

from __future__ import annotations

from collections.abc import Sequence

from .arabic_cue_words import KIN_POSSESSED, KUNYA, NASAB, SPEECH, STOP, STOP_RAW
from .arabic_name_lexicon import NameStrength, name_strength
from .arabic_words import Tok, arabic_zipf, unlike_a_name

_SENTENCE_ENDS = (".", "!", "?", "؟", "،", ",", ":", "؛")


def adjacent(text: str, toks: Sequence[Tok], i: int) -> bool:
    """Whether token i+1 exists and only white space on one line separates it from token i (a
    name does not run over a line break: "نام پدر: رحمت‌الله" / "تخلص: جعفری")."""
    if i + 1 >= len(toks):
        return False
    gap = text[toks[i].end : toks[i + 1].start]
    return not gap.strip() and "\n" not in gap


def starts_sentence(text: str, toks: Sequence[Tok], k: int) -> bool:
    """Token k starts the text, a sentence or a clause."""
    return k == 0 or text[toks[k - 1].end : toks[k].start].strip()[-1:] in _SENTENCE_ENDS


def told_by(text: str, toks: Sequence[Tok], i: int) -> bool:
    """Token i follows "قال لي" / "قالت لي" (told me) with no subject before the verb: "قالت لي
    مريم", Maryam told me. With one ("يزن قال لي لا تخاف", "امي قالت لي روحي"), what follows is
    what was said, not the speaker."""
    if i < 2 or toks[i - 1].word != "لي" or toks[i - 2].word not in SPEECH:
        return False
    return subjectless(text, toks, i - 2)


def subjectless(text: str, toks: Sequence[Tok], k: int) -> bool:
    """Token k, a verb, has no subject right before it in its clause: it starts the clause or
    follows a function word ("ثم قالت", "وهي قالت")."""
    if k == 0 or starts_sentence(text, toks, k) or not adjacent(text, toks, k - 1):
        return True
    before = toks[k - 1].word
    return before in STOP or (before[:1] == "و" and before[1:] in STOP)


def named_confidence(tok: Tok, persian: bool) -> float:
    """The confidence of the word after a naming cue: the name (0.85), unless it is shaped like
    a verb and on no list ("اسمه يشابه اسم واحد", his name resembles someone's): 0.75."""
    if name_strength(tok) is NameStrength.NONE and unlike_a_name(tok, persian):
        return 0.75
    return 0.85


def flower_compound(
    toks: Sequence[Tok], i: int, j: int, spaced: bool, after: bool
) -> tuple[int, int]:
    """Tokens i..j of a Persian name over "گل" (flower) before it (`spaced`: written apart
    from it) or after it (`after`: written apart): Dari "گل احمد", "شیرین گل"."""
    if spaced and i > 0 and toks[i - 1].word == "گل":
        i -= 1
    if after and toks[j + 1].word == "گل":
        j += 1
    elif after and toks[j].word == "گل" and name_strength(toks[j + 1]) is not NameStrength.NONE:
        j += 1  # "برادرم گل محمد": the cue found "گل" alone
    return i, j


def named(toks: Sequence[Tok], i: int) -> bool:
    """Token i can be the name after a particle ("بن علي", "أبو زيد")."""
    return i < len(toks) and toks[i].raw not in STOP_RAW and len(toks[i].word) >= 2


# Persian "فرزند" (child of) of case notes and documents, which give the father's name:
# "نامبرده گل‌محمد فرزند شیرآقا"; it is also "child" ("مریم فرزند بزرگ‌تر است", the elder).
_CHILD_OF = "فرزند"
_RARE = 3.5
_LINKS = NASAB | KUNYA | {_CHILD_OF}


def chain(text: str, toks: Sequence[Tok], j: int) -> int:
    """Extend a name ending at token j over nasab and kunya links ("بن علي", "أبو زيد"), not
    over a kin word, which makes the particle one too ("حمودي ابن اختي", my sister's son)."""
    while (
        adjacent(text, toks, j)
        and toks[j + 1].word in _LINKS
        and adjacent(text, toks, j + 1)
        and named(toks, j + 2)
        and toks[j + 2].word not in KIN_POSSESSED
        and (toks[j + 1].word != _CHILD_OF or _a_father(toks[j + 2]))
    ):
        j += 2
    return j


def _a_father(tok: Tok) -> bool:
    """The word after "فرزند" is a listed given name or a rare word, not "بزرگ‌تر" (the elder),
    "اول" (first) or "شهید" (a martyr's)."""
    return name_strength(tok) is not NameStrength.NONE or arabic_zipf(tok.raw) < _RARE
