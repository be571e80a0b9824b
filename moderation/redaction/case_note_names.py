# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""People named in the fields of a case note: a role and a colon, then who holds it
("Interpreter: Osas", "Référente : Sophie", "Travailleuse sociale : Rose-Marie", "Trabajadora
social: Daysi", "Foster carer - Linda", "Witness: Amira Haddad"). A title may come between
("Abogada: Lic. Karla", "Key worker: Mr Ade"); its name is what is taken.

A role field holds a person far more often than anything else, but not always ("Interpreter:
not needed", "Intérprete: Dari", "Contact: by phone"), so the words must look like a name: in a
text with capitals, capitalised words that are neither a nationality or language nor a very
frequent word of the text's language (unless a given name of the lists); in a lower-case text,
a word that is not common. Below the leak guard's threshold: a field is a cue, not proof.
"""

from __future__ import annotations

import re

from .language import zipf
from .latin_word_frequencies import unaccented_zipf
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name
from .name_word_lists import FUNCTION_WORDS
from .nationalities import is_nationality
from .ordinary_words import is_language_name
from .scan import written_in_lower_case

_DETECTOR = "name_cues"
_CONFIDENCE = 0.75
_COMMON = 4.0  # Zipf: a more frequent capitalised word is a word ("None", "Pendiente", "Oui")
_LOWER_COMMON = 3.6  # Zipf: in a lower-case text, a more frequent word is a word

_ROLES = (
    # English
    r"interpreter|translator|case[ \t]?worker|key[ \t]?worker|social[ \t]+worker|"
    r"support[ \t]+worker|foster[ \t]+(?:carer|mum|mom|mother|father|parent)|counsellor|"
    r"counselor|therapist|psychologist|solicitor|lawyer|advocate|volunteer|witness|mentor|"
    r"guardian|referrer|signed|nurse|midwife|gp|"
    # French
    r"interpr[èe]te|traducteur|traductrice|r[ée]f[ée]rente?|travailleu(?:r|se)[ \t]+sociale?|"
    r"assistante?[ \t]+sociale?|[ée]ducat(?:eur|rice)(?:[ \t]+sp[ée]cialis[ée]e?)?|"
    r"psychologue|avocate?|b[ée]n[ée]vole|t[ée]moin|sign[ée]e?|tut(?:eur|rice)|"
    r"accompagnante?|intervenante?|infirmi[èe]re?|sage-femme|"
    # Spanish
    r"int[ée]rprete|traduct(?:or|ora)|trabajador(?:a)?[ \t]+social|psic[óo]log(?:a|o)|"
    r"terapeuta|abogad(?:a|o)|testigo|firma|acompañante|tut(?:or|ora)(?:[ \t]+legal)?|"
    r"educador(?:a)?|enfermer(?:a|o)|voluntari(?:a|o)|promotor(?:a)?|referente|"
    r"gestor(?:a)?[ \t]+de[ \t]+caso|facilitador(?:a)?"
)
# Found from the separator (a colon, or a dash between spaces: literals the regex engine scans
# for fast), then the role right before it and the name right after it.
_SEPARATOR = re.compile(r"[:\-–]")  # a dash only between spaces (checked after)
_SPACES = re.compile(r"[ \t]*")
_ROLE_BEFORE = re.compile(rf"(?i:(?<![\w'’-])(?:{_ROLES}))(?:[ \t]*\([^()\n]{{1,30}}\))?$")
_NAME_AFTER = re.compile(
    r"(?:(?i:dr|dra|mr|mrs|ms|miss|mme|mlle|m|me|sr|sra|srta|lic|lcda|lcdo|licda|mtra|mtro|"
    r"prof|ing|sœur|soeur|sister|hermana|père|pere|father|padre)\.?[ \t]+)?"
    r"(?P<name>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,2})"
)
_WINDOW = 60  # characters looked back at for the role


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


# The last word of every role (tested before the role's regex): "worker" ends "case worker".
_ROLE_LAST = frozenset(
    _split(
        "interpreter translator caseworker worker keyworker carer mum mom mother father parent "
        "counsellor counselor therapist psychologist solicitor lawyer advocate volunteer "
        "witness mentor guardian referrer signed nurse midwife gp interprète interprete "
        "traducteur traductrice référent référente referent referente social sociale "
        "éducateur educateur éducatrice educatrice spécialisé spécialisée specialise specialisee "
        "psychologue avocat avocate bénévole benevole témoin temoin signé signée signe signee "
        "tuteur tutrice accompagnant accompagnante intervenant intervenante infirmier infirmière "
        "infirmiere sage-femme intérprete traductor traductora psicólogo psicóloga psicologo "
        "psicologa terapeuta abogado abogada testigo firma acompañante tutor tutora legal "
        "educador educadora enfermero enfermera voluntario voluntaria promotor promotora caso "
        "facilitador facilitadora"
    )
)
_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*)[ \t]*(?:\([^()\n]{1,30}\))?[ \t]*$")


def _role_word_before(text: str, end: int) -> bool:
    """Whether the word before `end` (a parenthesis after it skipped) ends a role."""
    m = _LAST_WORD.search(text, max(0, end - 45), end)
    return m is not None and m.group(1).lower() in _ROLE_LAST


def find_case_note_names(text: str, lang: str) -> list[Suggestion]:
    """Who holds a role in a case note's field (see the module's docstring)."""
    if ":" not in text and "-" not in text and "–" not in text:
        return []
    zlang = lang if lang in ("en", "es", "fr") else "en"
    lower_text = written_in_lower_case(text)
    out = []
    for sep in _SEPARATOR.finditer(text):
        if sep.group() != ":" and text[sep.start() - 1 : sep.end() + 1].strip() != sep.group():
            continue  # "Jean-Pierre", "0501-2003"
        role_end = sep.start()
        while role_end > 0 and text[role_end - 1] in " \t":
            role_end -= 1
        if not _role_word_before(text, role_end) or (
            _ROLE_BEFORE.search(text, max(0, role_end - _WINDOW), role_end) is None
        ):
            continue
        after = _SPACES.match(text, sep.end())
        m = _NAME_AFTER.match(text, after.end() if after else sep.end())
        if m is None:
            continue
        start = m.start("name")
        end = start
        for w in re.finditer(r"[^\W\d_][\w'’-]*", m.group("name")):
            if not _name_word(w.group(), zlang, lower_text, first=end == start):
                break
            end = start + w.end()
        if end > start:
            out.append(suggestion(start, end, "person", _CONFIDENCE, _DETECTOR, text[start:end]))
    return out


def _name_word(word: str, zlang: str, lower_text: bool, *, first: bool) -> bool:
    """Whether a word after a role's colon may be (part of) the name."""
    low = word.lower()
    if low in FUNCTION_WORDS or is_nationality(low) or is_language_name(low) or len(low) < 2:
        return False
    if lower_text:
        if not first:
            return False  # "interprete: fatou pour le rdv": only the first word is sure
        listed = is_given_name(low) and zipf(low, zlang) < _COMMON
        return listed or max(zipf(low, zlang), unaccented_zipf(low, zlang)) < _LOWER_COMMON
    if not word[0].isupper():
        return False
    if "-" in low or is_given_name(low):
        return True  # wordfreq reads "rose-marie" as its parts
    return max(zipf(low, zlang), unaccented_zipf(low, zlang), zipf(low, "en")) < _COMMON
