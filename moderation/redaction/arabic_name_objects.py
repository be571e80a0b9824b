"""People named with no kin word of their own before them, in Arabic script: the object of a
verb of killing, arresting, abducting or taking ("قتلوا جميل", "اعتقلوا عادل", "اخذوا سعد"), a
listed name after a relation word ("مرت يوسف", Yusuf's wife), a name after a kin word and an
adjective ("زميله المحتجز موسى", his detained cellmate Musa), and Persian "زنگ زدم به X" (I
called X). Survivors write people so as often as they write things: a listed name, or for the
verbs of killing and arresting, which take people, a word with a name's shape; each a guess
below the leak guard's threshold unless the list knows the name and no ordinary word shares it."""

from __future__ import annotations

from collections.abc import Sequence

from .arabic_cue_words import NAME_CUES, PERSON_CUES, SONS_OR_HAS, STOP
from .arabic_name_lexicon import NameStrength, name_strength
from .arabic_name_links import name_shaped
from .arabic_person_cues import CuedName
from .arabic_words import Tok, bare, common_noun, conjugated, definite, unlike_a_name
from .folding import fold, folded_words

# Verbs of killing, arresting and abducting (MSA, Levantine, Iraqi, Sudanese "كتل"): their object
# is a person.
_KILLED = folded_words(
    "قتل قتلوا قتلو قتلت قتلتو كتل كتلوا كتلو كتلت اعدموا عدموا ذبحوا ذبحو اغتالوا "
    "اعتقل اعتقلوا اعتقلو اعتقلت اعتقلتو حبسوا حبسو سجنوا سجنو "
    "خطف خطفوا خطفو خطفت اختطف اختطفوا اختطفت"
)
# Verbs of taking and carrying away: also of things ("اخذوا الذهب"), so only a listed name.
_TAKEN = folded_words("اخذوا اخذو اخدوا اخدو خذوا خدوا شالوا شالو سحبوا سحبو")
# Relation words before the possessor's name: "مرت يوسف" (Yusuf's wife), "اخت سلمى".
_RELATIONS = folded_words("مرت مرة زوجة اخت اخو")
_GUESS = 0.75
_SURE = 0.85


def object_name(toks: Sequence[Tok], i: int, persian: bool) -> CuedName | None:
    """Token i is the person after a verb of harm or taking, a relation word, or a kin word and
    its adjective (see the module's docstring), or None."""
    if persian or i == 0:
        return None
    prev = toks[i - 1].word
    verb = prev if prev in _KILLED or prev in _TAKEN else bare(prev)
    cued = verb in _KILLED or verb in _TAKEN or prev in _RELATIONS or prev in SONS_OR_HAS
    # the cheap tests first: most words follow no cue
    kin = not cued and i > 1 and toks[i - 2].word in PERSON_CUES and definite(toks[i - 1])
    if not (cued or kin):
        return None
    tok = toks[i]
    if len(tok.word) < 3 or tok.word in STOP or tok.word in PERSON_CUES or tok.word in NAME_CUES:
        return None
    if definite(tok) or (kin and not _after_kin_and_adjective(toks, i)):
        return None
    strength = name_strength(tok)
    if strength is NameStrength.RARE and cued:
        return CuedName(tok.start, tok.end, _SURE)
    if strength is not NameStrength.NONE or ((verb in _KILLED or kin) and name_shaped(tok)):
        return CuedName(tok.start, tok.end, _GUESS)
    return None


def _after_kin_and_adjective(toks: Sequence[Tok], i: int) -> bool:
    """Token i follows a kin or role word and a definite adjective: "زميله المحتجز X" (his
    detained cellmate X), "صديقي العزيز X" (my dear friend X); it is no verb."""
    adjective, tok = toks[i - 1], toks[i]
    if adjective.word in PERSON_CUES or conjugated(tok.raw) or unlike_a_name(tok):
        return False
    return common_noun(adjective.raw)


# Persian "به X زنگ زدم / گفتم / پیام دادم" (I called, told, wrote to X), and "زنگ زدم به X".
_TO = fold("به")
_CALLED = folded_words("زنگ گفتم گفت گفتیم پیام نوشتم")
_RANG = folded_words("زدم زد زدیم زدند")
_RING = fold("زنگ")


def persian_called(toks: Sequence[Tok], i: int) -> bool:
    """Token i is X in "به X زنگ زدم" or "زنگ زدم به X" (I called X)."""
    if i == 0 or toks[i - 1].word != _TO:
        return False
    if i + 1 < len(toks) and toks[i + 1].word in _CALLED:
        return True
    return i > 2 and toks[i - 2].word in _RANG and toks[i - 3].word == _RING
