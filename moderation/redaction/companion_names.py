# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""People named by whom the writer is with, stays with or goes to, in a lower-case Latin-script
text: "me fui con beto", "i ran with yonas", "on a fui avec mariama et aissatou", "me quedé
donde soledad", "je loge chez dieula", "se llevaron a memo", "preguntaban por beto", "j'ai
appele ousmane", "nos recibio margarita", "salue claude et nella"; who did something in a
cleft sentence ("c'est providence qui m'a aidee", a word not very frequent); and who
introduces themself at a story's start ("moi c'est fatou", "je suis patience,").

After such a word a person is named far more often than a thing, but things follow too ("con
pisto", "with fear"), so the word must look like a name: a given name of the lists that is not
a very frequent word, or a word uncommon in Spanish, English and French (also typed without
accents); not a title (title_names has the name after it) nor a nationality. The second of a
pair joined by "y", "and", "et" or "e" is tested the same way ("with mercy and faith").
Guesses, below the leak guard's threshold.
"""

from __future__ import annotations

import re

from .language import zipf
from .latin_word_frequencies import latin_frequency, unaccented_zipf
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name
from .name_word_lists import FUNCTION_WORDS
from .nationalities import is_nationality
from .scan import lower_same_length, written_in_lower_case
from .title_names import is_title

DETECTOR = "companion_names"
_CONFIDENCE = 0.5
_SELF_CONFIDENCE = 0.6
_RARE = 3.6  # Zipf: a rarer word after a cue of company is taken for a name
_LISTED_MAX = 5.0  # Zipf: a listed given name more frequent than this is a word ("hope")
_RARE_AS_TYPED = 2.5  # Zipf, in en, es and fr as typed
_PAIRED = 4.5  # Zipf: a word below this paired with a name is one too ("esperance et dieudonne")


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_COMPANY = re.compile(
    r"(?<![\w'’-])(?:con|junto[ \t]+a|donde|with|avec|chez|"
    r"(?:se[ \t]+)?(?:llevaron|agarraron|trajo|llevó|llevo)[ \t]+a|"
    r"pregunt(?:aba|aban|ando|ar|e|é|o|ó)[ \t]+por|"
    # whom the writer calls, meets or is taken in by: "j'ai appele ousmane", "i called
    # ousmane", "nos recibio margarita", "me ayudo mucho reina"
    r"(?:j['’]?ai|avons|ont|on[ \t]+a|il[ \t]+a|elle[ \t]+a)[ \t]+"
    r"(?:appel[ée]|rencontr[ée]|retrouv[ée]|t[ée]l[ée]phon[ée][ \t]+[àa])|"
    r"(?:i|we|he|she|they)[ \t]+(?:called|phoned|rang|texted|messaged|met|thanked)|"
    r"(?:me|nos)[ \t]+(?:recibi[óo]|ayud[óo](?:[ \t]+mucho)?)|"
    # whom the writer sends greetings: "salue claude et nella", "bisous a ketia", "saludame a
    # neto", "say hi to aram"
    r"salue|saluez|bisous[ \t]+[àa]|bises[ \t]+[àa]|saludame[ \t]+a|saludos[ \t]+a|"
    r"saludes[ \t]+a|say[ \t]+hi[ \t]+to|greetings[ \t]+to)[ \t]+"
    r"(?P<word>[a-zß-ÿ][a-zß-ÿ'’-]{2,})(?![\w'’-])"
)
# Who did something, in a cleft sentence: "c'est providence qui m'a aidee", "it was gift who
# found me", "fue reina quien me llevo"; SMS "c" for "c'est", and up to four people ("c alpha,
# oumou et thierno qui m ont sauve").
_CLEFT_WORD = r"[a-zß-ÿ][a-zß-ÿ'’-]{2,}"
_CLEFT = re.compile(
    r"(?<![\w'’-])(?:(?P<french>c['’ ]?est|cest|c)|it[ \t]+was|it['’]?s|fue|era)[ \t]+"
    rf"(?P<words>{_CLEFT_WORD}(?:(?:[ \t]*,[ \t]*|[ \t]+(?:et|and|y)[ \t]+){_CLEFT_WORD}){{0,3}})"
    r"[ \t]+(?:qui|who|quien)(?![\w'’-])"
)
_CLEFT_MAX = 4.5  # Zipf: a more frequent word is a word ("c'est toujours lui qui")
_AND_NEXT = re.compile(r"[ \t]+(?:y|and|et|e)[ \t]+(?P<word>[a-zß-ÿ][a-zß-ÿ'’-]{2,})(?![\w'’-])")
# At the start of a story, who writes: "moi c'est fatou", "je suis patience, je viens de...".
_SELF = re.compile(
    r"^\W*(?:moi[ \t,]*c['’ ]?est|je[ \t]+suis|yo[ \t]+soy|soy|i[ \t]+am|i['’]?m)[ \t]+"
    r"(?P<word>[a-zß-ÿ][a-zß-ÿ'’-]{2,})"
    r"(?=[ \t]*[,.!;]|[ \t]+(?:de|from|et|y|and|my|mi|mon|ma|je|i)[ \t])"
)
_NOT_NAMES = frozenset(
    _split(
        "todos todas nadie alguien ella ellos ellas usted ustedes nosotros otro otra otros otras "
        "ese esa este esta aquel aquella quien him her them everyone someone nobody others "
        "eux elle lui moi toi nous vous tout tous dios god dieu allah mami papi mama papa mom dad "
        "maman mum mother father mere pere madre padre "
        "celui celle ceux celles cela ceci that this those these one ones aquel"
    )
)


def _looks_like_a_name(word: str, lang: str) -> bool:
    if word in FUNCTION_WORDS or word in _NOT_NAMES or is_title(word) or is_nationality(word):
        return False
    if is_given_name(word) and max(zipf(word, lang), zipf(word, "en")) < _LISTED_MAX:
        return True
    return latin_frequency(word) < _RARE and unaccented_zipf(word, lang) < _RARE


def find_companion_names(text: str, lang: str) -> list[Suggestion]:
    """People after a word of company and at a story's start (see the module's docstring)."""
    if lang not in ("en", "es", "fr") or not written_in_lower_case(text):
        return []
    lower = lower_same_length(text)
    out = []
    for m in _COMPANY.finditer(lower):
        named = _looks_like_a_name(m.group("word"), lang)
        pair = _AND_NEXT.match(lower, m.end())
        second = pair is not None and (
            _looks_like_a_name(pair.group("word"), lang) or _rare_as_typed(pair.group("word"), lang)
        )
        # "avec esperance et dieudonne": a fairly common word paired with a name is one too
        if not named and not (second and _pairs_with_a_name(m.group("word"), lang)):
            continue
        out.append(_person(text, *m.span("word")))
        if pair is not None and second:
            out.append(_person(text, *pair.span("word")))
    for m in _CLEFT.finditer(lower):
        words = list(re.finditer(_CLEFT_WORD, m.group("words")))
        # a French cleft is judged in French too, whatever the story's language ("c bien qui")
        langs = (lang, "fr") if m.group("french") else (lang,)
        if m.group("french") == "c" and any(w.group().endswith(("s", "x")) for w in words):
            continue  # SMS "c rebelles qui", "c trafiquants et douaniers qui": plural nouns
        if not all(_cleft_name(w.group(), langs) for w in words if w.group() not in _JOINS):
            continue  # "c'est moi et ma soeur qui": not a list of people's names
        start = m.start("words")
        out.extend(_person(text, start + w.start(), start + w.end()) for w in words)
    first = _SELF.match(lower)
    if first is not None:
        word = first.group("word")
        listed = is_given_name(word) and zipf(word, lang) < _LISTED_MAX
        if _looks_like_a_name(word, lang) and (listed or latin_frequency(word) < _RARE - 0.6):
            out.append(suggestion(*first.span("word"), "person", _SELF_CONFIDENCE, DETECTOR, word))
    return out


_JOINS = frozenset(("and",))  # "et" and "y" are too short to be taken for a word


def _cleft_name(word: str, langs: tuple[str, ...]) -> bool:
    """A word of a cleft sentence's subject that looks like a name: not a function word, a
    title or a nationality, and not very frequent in `langs` ("c'est toujours lui qui")."""
    if word in FUNCTION_WORDS or word in _NOT_NAMES or is_title(word) or is_nationality(word):
        return False
    return max(max(zipf(word, x), unaccented_zipf(word, x)) for x in langs) < _CLEFT_MAX


def _rare_as_typed(word: str, lang: str) -> bool:
    """A word rare as typed that is a fairly common word only with its accents ("dieudonne",
    Dieudonné): a name typed on a phone, as the second of a pair."""
    if word in FUNCTION_WORDS or word in _NOT_NAMES or is_title(word) or is_nationality(word):
        return False
    return latin_frequency(word) < _RARE_AS_TYPED and unaccented_zipf(word, lang) < _PAIRED


def _pairs_with_a_name(word: str, lang: str) -> bool:
    """Whether a word not rare enough alone may be a name when a name follows it after "et",
    "y", "and": not a function, kin, title or nationality word, below _PAIRED."""
    if word in FUNCTION_WORDS or word in _NOT_NAMES or is_title(word) or is_nationality(word):
        return False
    return max(zipf(word, lang), unaccented_zipf(word, lang)) < _PAIRED


def _person(text: str, start: int, end: int) -> Suggestion:
    return suggestion(start, end, "person", _CONFIDENCE, DETECTOR, text[start:end])
