# ruff: noqa: RUF001  (typographic quotes are data)
"""People named by whom they are with or what was done to them, in any case:

- with the writer: "Dolores y yo salimos", "yo y marisol", "Andrii and I", "moi et Espoir";
- the personal "a" after a verb of meeting, seeing, calling, helping or harm: "vi a luz en la
  fila", "le pedí ayuda a socorro", "llamé a Amparo", "mataron a salvador"; after thanks and
  greetings ("gracias a nohemi", "saludame a toña", "un beso a Reinier"), the French "à" after
  a verb of telling ("dis a frantz"), and on along a list ("a jairo, a dilcia y a su niña").

The word must look like a name: a given name of the lists (even one that is a word: "luz",
"dolores"), a word rare in en, es and fr, or a capitalised word inside a capitalised sentence.
Below the leak guard's threshold: the shape is evidence, not proof."""

from __future__ import annotations

import re

from .cues import RELATION_WORDS
from .latin_word_frequencies import latin_frequency
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name
from .name_tokens import sentence_start
from .regex_util import trie_regex
from .scan import lower_same_length, written_in_lower_case

_CONFIDENCE = 0.7
_RARE = 3.0
# Zipf: after "me and", "moi et", "yo y" in a lower-case text a word below this is a name (who
# else goes with the writer), unless a relation word ("me and mom").
_AFTER_ME = 4.5
_RELATIONS = frozenset(
    (*RELATION_WORDS.split("|"), *["mom", "mum", "dad", "him", "them", "her", "us"])
)
_NAME = r"[^\W\d_][\w'’-]*"
# "X y yo", "X and I", "X et moi" (X one or two words), "yo y X", "me and X", "moi et X": the
# literal pair of words is looked for first (str.find), then the words around it.
_AND_ME = (" y yo", " e yo", " and i", " and me", " et moi")
_AND_ME_LATIN = (" y yo", " e yo", " et moi")
_ME_AND = ("yo y ", "me and ", "i and ", "moi et ")
_WORD_AT = re.compile(_NAME)
_VERB_WORDS = (
    "vi|ví|veo|conocí|conoci|conozco|llamé|llame|llamo|busqué|busque|buscamos|encontré|"
    "encontre|encontramos|abracé|abrace|visité|visite|esperé|espere|ayudé|ayude|mataron|mató|"
    "mato|secuestraron|secuestró|secuestro|desaparecieron|detuvieron|agarraron|golpearon|"
    "amenazaron|violaron|reclutaron|levantaron|dejé|deje|dejamos|extraño|extrano|"
    "le dije|le conté|le conte|le pedí|le pedi|le escribí|le escribi|le mandé|le mande|ayuda|"
    # thanks and greetings: "gracias a nohemi", "saludame a toña", "dale un beso a Reinier"
    "gracias|saludame|salúdame|saludes|saludos|saluda|beso|besos|abrazo|abrazos|"
    # "se llevaron a memo" (took Memo away; "nos llevaron a tapachula" is a journey)
    "se llevaron|se lo llevaron|conocimos|dile|dígale|digale|díganle|diganle|pregunté|pregunte|"
    # French, before "à" or "a" as a phone writes it: "dis a frantz que je pense a lui"
    "dis|dites|parlé|demandé|merci|bisous"
)
_VERBS = _VERB_WORDS.split("|")
# The personal "a" (" a " or " à ", found with str.find), then the verb right before it.
_VERB_BEFORE = re.compile(r"(?<![\w'’-])" + trie_regex(_VERBS) + r"$")
# One more of a list after the personal "a": the word or two before it, then ", a", " y a",
# " e a" ("a los cuatro, a mi, a jairo, a dilcia y a su niña").
_LIST_ITEM = r"[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?[ \t]*(?:,|[ \t]y|[ \t]e)[ \t]+[aà]"
_NEXT_IN_LIST = re.compile(_LIST_ITEM + r"[ \t]+")
_LIST_LENGTH = 6  # at most, after the verb
# The same verbs, or "con", "with", "avec", right before a word, perhaps along a list (see
# company_before).
_COMPANY_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:con|with|avec|junto[ \t]+a|(?:"
    + trie_regex(_VERBS)
    + r")[ \t]+[aà](?:[ \t]+"
    + _LIST_ITEM
    + r"){0,"
    + str(_LIST_LENGTH)
    + r"})[ \t]+$"
)
_COMPANY_WINDOW = 24 + 30 * _LIST_LENGTH  # characters before a word


def _words(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_NOT_NAMES = frozenset(
    _words(
        "el la los las un una mi mis su sus tu nuestro nuestra todos todas nadie alguien ella "
        "él ellos ellas usted ustedes nosotros otro otra otros otras uno ese esa este esta "
        "aquel aquella quien quién the a an my his her our their this that he she they we you "
        "it le les un une mon ma mes son sa ses il elle ils elles nous vous on dios god dieu "
        "tous toutes todo todos lui "
        "casa ver veces pesar través lado causa cada mí mi ti sí"
    )
)


def _looks_like_a_name(
    text: str, start: int, word: str, lower_text: bool, *, after_me: bool = False
) -> bool:
    low = word.lower()
    if len(low) < 3 or low in _NOT_NAMES or not low.replace("-", "").isalpha():
        return False
    if after_me and lower_text and low not in _RELATIONS and latin_frequency(low) < _AFTER_ME:
        return True  # "me and precious", "moi et espoir": a fairly common word there is a name
    if not lower_text and not word[0].isupper():
        return False
    if is_given_name(low):
        return True
    rare = latin_frequency(low)
    if rare < _RARE:
        return True
    return not lower_text and not sentence_start(text, start) and rare < 4.5


def find_people_in_company(text: str) -> list[Suggestion]:
    """People with the writer and after the personal "a" (see the module's docstring)."""
    lower = lower_same_length(text)
    lower_text = written_in_lower_case(text)
    out = []
    # In a capitalised text an English name before "and I" is capitalised: find_names has it.
    for at in _found(lower, _AND_ME if lower_text else _AND_ME_LATIN, after=True):
        last = _word_before(text, at)
        if last is None or not _looks_like_a_name(text, last[0], text[slice(*last)], lower_text):
            continue
        first = _word_before(text, last[0])
        if first is not None and _looks_like_a_name(
            text, first[0], text[slice(*first)], lower_text
        ):
            out.append(_person(text, first[0], last[1]))  # "Rosa Elvira y yo"
        else:
            out.append(_person(text, *last))  # "salimos dolores y yo": the word next to "y"
    starts = [
        (at + len(n), True) for at, n in _found_with(lower, _ME_AND) if _word_start(lower, at)
    ]
    starts += [
        (start, False)
        for at in _found(lower, (" a ", " à "), after=False)
        if _VERB_BEFORE.search(lower, max(0, at - 16), at)
        for start in _along_the_list(lower, at + 3)
    ]
    for start, after_me in starts:
        m = _WORD_AT.match(text, start)
        if m is not None and _looks_like_a_name(
            text, start, m.group(), lower_text, after_me=after_me
        ):
            out.append(_person(text, start, m.end()))
    return out


def _along_the_list(lower: str, start: int) -> list[int]:
    """The start of the word after the personal "a", and of each one after it along a list
    ("a memo y a chente")."""
    starts = [start]
    while len(starts) <= _LIST_LENGTH:
        m = _NEXT_IN_LIST.match(lower, starts[-1])
        if m is None:
            break
        starts.append(m.end())
    return starts


def _word_before(text: str, end: int) -> tuple[int, int] | None:
    """The span of the word that ends at end, after spaces and tabs (None if there is none)."""
    i = end
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and _letter(text, j - 1):
        j -= 1
    return (j, i) if j < i and text[j].isalpha() else None


def _found_with(lower: str, needles: tuple[str, ...]) -> list[tuple[int, str]]:
    """Where each needle occurs in the lower-cased text, and which."""
    out = []
    for needle in needles:
        at = lower.find(needle)
        while at >= 0:
            out.append((at, needle))
            at = lower.find(needle, at + 1)
    return out


def _found(lower: str, needles: tuple[str, ...], *, after: bool) -> list[int]:
    """Where the needles occur; with after, only those not followed by a letter ("and if")."""
    return [
        at
        for at, needle in _found_with(lower, needles)
        if not after or not _letter(lower, at + len(needle))
    ]


def _letter(text: str, i: int) -> bool:
    return i < len(text) and (text[i].isalnum() or text[i] in "'’-_")


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not _letter(text, i - 1)


def _person(text: str, start: int, end: int) -> Suggestion:
    return suggestion(start, end, "person", _CONFIDENCE, "name_cues", text[start:end])


def company_before(text: str, start: int) -> bool:
    """Whether the word at start follows "con", "with", "avec" or a verb of meeting, seeing,
    helping or harm and the personal "a": whom one is with or acts on ("fui con Rosario",
    "le pedí ayuda a Socorro")."""
    return _COMPANY_BEFORE.search(text, max(0, start - _COMPANY_WINDOW), start) is not None
