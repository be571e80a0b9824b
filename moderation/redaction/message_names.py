# ruff: noqa: RUF001  (typographic quotes are data)
"""Names in the shape of a message: who writes after a greeting ("hola soy yuleisy", "bjr
madame c'est dieudonne", "hi, it is halyna"), who is greeted or thanked at its opening
("bonjour nadege, c'est moi", "merci fortune pour tout"), who signs after a closing word at the end
("bendiciones, yamileth", "merci, espoir", "thanks, gift") and who an attestation is by or
about ("je soussigné X", "atteste que X"). A word that is not a function word,
in the text's case; below the leak guard's threshold (a message is not always signed)."""

from __future__ import annotations

import re

from .language import zipf
from .latin_word_frequencies import latin_frequency, unaccented_zipf
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name
from .regex_util import CaselessPattern, first_chars
from .scan import lower_same_length, written_in_lower_case
from .title_names import is_title

_CONFIDENCE = 0.7
_MAX_ZIPF = 4.5  # a more frequent word is a word ("hola soy nueva", "gracias, todos")
_SELF = (
    r"soy|yo[ \t]+soy|c['’]est|cest|c[ \t]+est|c|ici|it[ \t]+is|it['’]s|its|this[ \t]+is|i[ \t]+am|"
    r"i['’]m|am|"
    r"mwen[ \t]+se"
)
_GREETING = (
    r"hola|holaa|buenas|buenos[ \t]+d[ií]as|buenas[ \t]+tardes|buenas[ \t]+noches|saludos|"
    r"bonjour|bonsoir|bjr|bsr|slt|salut|coucou|cc|hello|hi|hey|dear|good[ \t]+morning|"
    r"salam|salaam|selam|salamu[ \t]+alaikum|assalamu[ \t]+alaikum|mbote|jambo|habari|"
    r"querida|querido|cher|ch[èe]re|"
    # on the phone in French; Haitian Creole; Kinyarwanda ("good morning")
    r"allo|allô|alo|bonjou|mwaramutse"
)
# Titles and kin words of address before a greeted name ("hi sister mary", "mbote papa X",
# "salam khala X"): never the name themselves.
_TITLES = (
    r"madame|monsieur|mme|señora|señorita|seño|doctora|doctor|miss|sir|sister|brother|pastor|"
    r"pastora|pasteur|hermana|hermano|padre|father|aunty|auntie|uncle|tata|tonton|tantine|tantie|"
    r"maman|mama|mamá|mum|mom|papa|papá|baba|khala|khalto|amo|ammo|"
    # a teacher (English, Arabic)
    r"teacher|ustaz|ustadh|ustaza"
)
_TITLE_WORDS = frozenset(_TITLES.split("|"))
# "It is" in English: a word after it is as often how things are ("it's raining", "this is
# urgent"): who writes must be a listed given name or a rare word.
_ENGLISH_SELF = re.compile(r"its|it['’]s|it[ \t]+is|this[ \t]+is")
_ENGLISH_SELF_MAX_ZIPF = 3.5
_WORD = r"[^\W\d_][\w'’-]*"
# A greeting, perhaps a title, perhaps the greeted one's name, then who writes: "hola soy X",
# "bjr madame c'est X", "selam yonas this is X" (run on the lower-cased text, same length).
_INTRODUCTION = re.compile(
    rf"(?<![\w'’])(?:{_GREETING})(?:[ \t]+(?:{_TITLES}))?(?:[ \t]+(?P<greeted>{_WORD}))??"
    rf"[ \t]*[,!.:]*[ \t]*(?P<self>{_SELF})[ \t]+(?P<name>{_WORD}(?:[ \t]+{_WORD})?)"
)
# A message that opens on the greeted one's name and who writes, with no greeting: "abebe its
# tigist" (the shorter list of words for "it is").
_NAME_THEN_SELF = re.compile(
    rf"^[\W]*(?:(?:{_TITLES})[ \t]+)?(?!(?:{_GREETING})(?![\w'’]))(?P<greeted>{_WORD})"
    r"[ \t]*[,!.:]*[ \t]*"
    r"(?P<self>its|it['’]s|it[ \t]+is|this[ \t]+is|c['’]est|cest|soy)[ \t]+"
    rf"(?P<name>{_WORD}(?:[ \t]+{_WORD})?)"
)
_SELF_PATTERNS = (_INTRODUCTION, _NAME_THEN_SELF)
_OPENING = 160  # characters
# Who is greeted or thanked at a message's opening, with a comma or "pour/for/por" after:
# "bonjour nadege, c'est moi", "merci fortune pour tout", "hi amina! we are fine".
_VOCATIVE = re.compile(  # run on the lower-cased text (same length)
    rf"^[\W]*(?:{_GREETING}|merci|gracias|thanks|thank[ \t]+you|thank[ \t]+u|thx)"
    rf"(?:[ \t]+(?:{_TITLES}))?[ \t]+"
    rf"(?P<name>{_WORD}(?:[ \t]+{_WORD})?)"
    r"(?=[ \t]*[,!:]|[ \t]+(?:pour|por|for)[ \t])"
)
# A letter's salutation anywhere (after a place and date): "Goma, le 14 juillet. Chère
# Merveille, ...", "Querida Mercedes: te escribo".
_SALUTATION = re.compile(  # run on the lower-cased text (same length), at a line or sentence start
    r"(?:^|(?<=[\n.!?]))[ \t]*(?:dear|cher|ch[èe]re|querida|querido|estimada|estimado)"
    rf"(?:[ \t]+(?:{_TITLES}))?[ \t]+(?P<name>{_WORD}(?:[ \t]+{_WORD})?)(?=[ \t]*[,:!\n])"
)
# Who signs or is vouched for in an attestation: "je soussigné père Jean-Marie Lukusa",
# "atteste que Espérance Kabuya", "hace constar que Rosa Elvira", "I certify that Amina Yakubu".
_ATTESTATION = CaselessPattern(
    first_chars("jsacheli")
    + r"(?<![\w'’])(?:je[ \t]+soussign[ée]e?|soussign[ée]e?|atteste[ \t]+que|"
    r"certifie[ \t]+que|hace[ \t]+constar[ \t]+que|certifica[ \t]+que|certify[ \t]+that|"
    r"el[ \t]+suscrito|la[ \t]+suscrita|i,?[ \t]+the[ \t]+undersigned,?)[ \t]+"
    r"(?:(?:p[èe]re|father|fr|padre|pastor|pasteur|dr|don|doña|sr|sra|mme|m|mr|mrs|ms|s[oœ]eur|"
    r"sister|hermana|abbé|abbe)\.?[ \t]+)?"
    rf"(?P<name>{_WORD}(?:[ \t]+{_WORD})?)"
)
# Substrings without which the salutation or the attestation pattern cannot match.
_SALUTATION_WORDS = ("dear", "cher", "chère", "chere", "querid", "estimad")
_ATTESTATION_WORDS = ("soussign", "atteste", "certifi", "constar", "suscrit", "undersigned")
_CLOSING = (
    r"bendiciones|saludos|gracias|muchas[ \t]+gracias|atentamente|un[ \t]+abrazo|besos|"
    r"cordialement|merci|merci[ \t]+beaucoup|bisous|amitiés|amities|thanks|thank[ \t]+you|"
    r"regards|best[ \t]+regards|blessings|love|sincerely|god[ \t]+bless"
)
_SIGNATURE = re.compile(
    rf"(?i:(?<![\w'’])(?:{_CLOSING}))[ \t]*[,.!:\n-]+[ \t\n]*"
    # "besos, tu yoyi", "bisous, ta nadege": the writer's possessive before the name
    rf"(?P<mine>(?i:tu|ton|ta|your|votre)[ \t]+)?"
    rf"(?P<name>{_WORD}(?:[ \t]+{_WORD})?)"
    r"[ \t.!]*$"
)


def _words(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_FUNCTION = frozenset(
    _words(
        "de del la el los las le les un une una a en y e et and the a an my mi mis ma mon mes "
        "que qui to de para por pour with con avec todos todas tous all you usted ustedes dios "
        "god vous tu toi yo moi me i we nosotros nous"
    )
)


def find_message_names(text: str, lang: str) -> list[Suggestion]:
    """Who introduces themselves after a greeting and who signs at the end."""
    zlang = lang if lang in ("en", "es", "fr") else "en"
    lower_text = written_in_lower_case(text)
    out = []
    lower = lower_same_length(text)
    matches: list[re.Match[str]] = []
    # A greeting opens a message: only its first characters are looked at.
    matches.extend(_INTRODUCTION.finditer(lower, 0, _OPENING))
    opening = _NAME_THEN_SELF.match(lower, 0, _OPENING)
    if opening is not None:
        matches.append(opening)
    vocative = _VOCATIVE.match(lower, 0, _OPENING)
    if vocative is not None and not is_title(vocative.group("name").split()[0]):
        matches.append(vocative)
    if any(w in lower for w in _SALUTATION_WORDS):
        matches.extend(_SALUTATION.finditer(lower))
    if any(w in lower for w in _ATTESTATION_WORDS):
        matches.extend(_ATTESTATION.finditer(text))
    signature = _SIGNATURE.search(text, max(0, len(text) - 80))
    if signature is not None:
        matches.append(signature)
    elif lower_text:
        signed = _LAST_WORD.search(text, max(0, len(text) - 40))
        last = signed.group("name").lower() if signed is not None else ""
        rare = latin_frequency(last) < _LAST_WORD_MAX_ZIPF or is_given_name(last)
        if signed is not None and last not in _LAST_WORDS and rare and len(text.split()) > 6:
            matches.append(signed)  # "... n ap pale. nadege", "tell nakato i said hi. kizza"
    spans: list[tuple[int, int] | None] = []
    for m in matches:
        if m.re is _SIGNATURE and m.start("mine") >= 0 and not _signed_name(m.group("name")):
            continue  # "love, your mum", "bisous, ton frere": who, not their name
        greeted = None
        if "greeted" in m.re.groupindex and m.start("greeted") >= 0:
            # The greeted one before who writes ("selam yonas this is semhar"): a name too;
            # with no greeting before it, the match stands or falls with it ("today it is").
            greeted = _name(text, *m.span("greeted"), lower_text, zlang)
            if greeted is not None and lower[greeted[0] : greeted[1]] in _TITLE_WORDS:
                greeted = None
            if greeted is None and m.re is _NAME_THEN_SELF:
                continue
        # Who writes after "it is" / "c'est" may be a listed name that is a word ("its hope").
        introduced = m.re in _SELF_PATTERNS
        english = introduced and _ENGLISH_SELF.fullmatch(m.group("self")) is not None
        spans += [greeted, _name(text, *m.span("name"), lower_text, zlang, introduced, english)]
    seen: set[tuple[int, int]] = set()
    for span in spans:
        if span and span not in seen and not is_title(lower[span[0] : span[1]].split()[0]):
            seen.add(span)
            out.append(
                suggestion(*span, "person", _CONFIDENCE, "name_cues", text[span[0] : span[1]])
            )
    return out


# A phone message's last word alone after a full stop or on a line of its own: who signs, when
# it is a listed name or a rare word (see _signed_name).
_LAST_WORDS = frozenset(
    _words(
        "inchallah inshallah inshalla incha'allah wallah wallahi hamdoulah hamdullah "
        "alhamdulillah elhamdoulillah amen amin ameen amine xoxo lol mdr ptdr jaja jajaja haha "
        "hahaha hehe bisous besos kisses bye ciao chao tchao salut okay ok merci gracias thanks "
        "thx mercii svp stp pls plz tqm tkm ily ilysm jerejef asante shukran shukria"
    )
)
_LAST_WORD_MAX_ZIPF = 2.0  # a word rarer than this in en, es and fr, as typed
_LAST_WORD = re.compile(rf"(?:[.!]|\n)[ \t\n]*(?P<name>{_WORD})[ \t.!]*$")
# After "your" a signed name is listed or rare ("besos, tu yoyi"): kin words are not ("love,
# your mum"; "frere" is rare only without its accent).
_SIGNED_MAX_ZIPF = 3.0


def _signed_name(words: str) -> bool:
    """Whether the first word after a closing word and a possessive is a name."""
    low = words.split()[0].lower()
    if is_given_name(low):
        return True
    return max(latin_frequency(low), unaccented_zipf(low, "fr")) < _SIGNED_MAX_ZIPF


def _name(
    text: str,
    start: int,
    stop: int,
    lower_text: bool,
    zlang: str,
    introduced: bool = False,
    english: bool = False,
) -> tuple[int, int] | None:
    """The name of the match: its words up to the first that is a function or common word
    (or not capitalised in a text with capitals); when the writer introduces themselves, a
    listed given name even if it is a common word ("hi mama its hope"), and after English "it
    is" a listed name or a rare word only ("hi its raining")."""
    end = start
    most = _ENGLISH_SELF_MAX_ZIPF if english else _MAX_ZIPF
    for w in re.finditer(_WORD, text[start:stop]):
        word = w.group()
        low = word.lower()
        if (
            low in _FUNCTION
            or len(low) < 3
            or (not lower_text and not word[0].isupper())
            # wordfreq reads "jean-marie" as its parts: a hyphenated word is not judged by it
            or (
                "-" not in low
                and max(zipf(low, zlang), zipf(low, "en")) >= most
                and not (introduced and is_given_name(low))
            )
        ):
            break
        end = start + w.end()
    return (start, end) if end > start else None
