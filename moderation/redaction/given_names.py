# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""People named by a given or family name of the lexicon (name_lexicon), in Latin script,
the way survivors write them: in lower case ("mi hija yesenia", "kevin me pegaba"), at a
sentence start, or a common word after a cue ("my daughter hope", "se llama paz", "conocí a
dulce", "la señora Consuelo"), and the next name of a pair ("Santiago y Luz").

Every suggestion here stays below the leak guard's threshold: the lexicon is evidence, not
proof, and a name that is an ordinary word ("hope", "paz") is suggested only after a cue or
beside another name.
"""

from __future__ import annotations

import re

from .cues import PERSON_AFTER
from .language import zipf
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name, is_name, is_ordinary
from .name_tokens import sentence_start
from .person_structures import find_people_by_structure
from .regex_util import first_chars, trie_regex
from .scan import lower_same_length, written_in_lower_case


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


def _phrases(words: str) -> list[str]:
    """Space-separated cue phrases ("_" stands for a space inside one)."""
    return [w.replace("_", " ") for w in words.split()]


# Kin and roles after a possessive ("mi novio", "my daughter", "son père").
_KIN = _phrases(
    "brother sister mother father mom mum dad son daughter husband wife uncle aunt auntie "
    "cousin nephew niece grandmother grandfather grandma grandpa friend best_friend neighbour "
    "neighbor boyfriend girlfriend fiancé fiancée child baby kid colleague boss teacher "
    "caseworker lawyer landlord partner "
    "hermano hermana madre padre mamá mama papá papa hijo hija hijito hijita esposo esposa "
    "marido mujer tío tio tía tia primo prima abuelo abuela abuelita amigo amiga vecino vecina "
    "novio novia cuñado cuñada suegro suegra sobrino sobrina nieto nieta compañero compañera "
    "pareja jefe jefa patrón patrona maestro maestra profesor profesora niño niña bebé "
    "hermanita hermanito primita primito abuelito mamita comadre compadre madrina padrino "
    "ahijada ahijado nuera yerno padrastro madrastra hijastro hijastra bisabuelo bisabuela "
    "parrain marraine filleul filleule godfather godmother stepfather stepmother colega "
    "bebe compa carnal supervisor supervisora encargado encargada "
    "frère frere sœur soeur mère mere père pere maman fils fille mari femme époux épouse "
    "oncle tante cousin cousine ami amie voisin voisine fiancé copain copine beau-frère "
    "belle-sœur belle-mère beau-père neveu nièce enfant bébé collègue patron patronne"
)
_POSSESSIVE = _phrases(
    "my his her our their your mi mis su sus tu nuestro nuestra mon ma mes son sa ses notre "
    "nos ton ta the el la le"
)
# Titles and roles written right before a name ("doña Remedios", "sister blessing").
_TITLES = _phrases(
    "doña don señora señor sra sr seño la_señora el_señor la_seño madam madame mama maman "
    "papa mamá papá tía tío tia tio tita tata tonton tantine sister brother pastor pasteur "
    "la_hermana el_hermano hermana hermano padre père soeur sœur frère imam sheikh uncle "
    "auntie aunt tante doctora doctor docteur la_doctora el_doctor licenciado licenciada "
    "profe profesora profesor maestra maestro teacher nurse midwife miss mrs mr mme mlle "
    "monsieur abuela abuelo comandante capitán commander captain "
    # roles written before a name, often with a comma ("une juriste, Claire")
    "juriste bénévole avocate avocat assistante infirmière infirmier éducatrice voluntaria "
    "voluntario abogada abogado trabajadora_social volunteer caseworker interpreter "
    "intérprete traductrice un_tal una_tal un_certain une_certaine "
    # verbs with a person right after them ("le dije a carmen", "fui con lucía")
    "le_dije_a le_dijo_a le_conté_a fui_con hablé_con junto_con vivía_con me_fui_con "
    # remembering someone: "i remember precious laughing", "me acuerdo de socorro", "je me
    # souviens de Fidèle qui riait" (a lexicon name only, as after any title)
    "i_remember we_remember me_acuerdo_de nos_acordamos_de recuerdo_a je_me_souviens_de "
    "on_se_souvient_de je_pense_à "
    # naming a child: a lexicon name after it ("a la nena le pusimos luz", "we named her hope")
    "le_pusimos le_pusieron le_puso we_named_her we_named_him"
)
# Words that name the next words ("se llama paz", "conocí a dulce", "was called madam joy").
_NAMING = _phrases(
    "se_llama se_llamaba se_llamaban llamado llamada llamaban le_decían le_decian le_dicen "
    "le_decimos le_decíamos les_decían conocí_a conocimos_a conoci_a con_su_hijo con_su_hija "
    "named called was_called is_called known_as met they_called_him they_called_her "
    "s'appelle s'appelait s’appelle s’appelait appelé appelée nommé nommée on_l'appelait "
    "on_l’appelait j'ai_rencontré j’ai_rencontré le_pusimos_de_nombre le_pusieron_de_nombre "
    "on_l'a_appelée on_l'a_appelé on_l’a_appelée on_l’a_appelé "
    # titles that only ever come before a name, whatever the word ("doña lucha", "la seño
    # paz", "el profe tito"; not "don", which English has: "i don t know")
    "doña doñita seño la_seño profe el_profe"
)
# On lower-cased text; Spanish "le" before a verb of naming is not an article ("a la bebe le
# pusimos luz", "a mi tio le decian").
_ARTICLE = r"(?:(?:la|el|the)[ \t]+|le[ \t]+(?!pus|dec|dij|dic|llam)|l'|l’)?"
# A cue, then the start of the word it names: the kin and title cues in "cue", the naming cues
# in "naming" (every word after one is a name, even one the lexicon lacks). It runs on the
# lower-cased text (same length), led by a look-ahead on the cues' first letters.
_CUES = re.compile(
    first_chars(_NAMING + _POSSESSIVE + _TITLES)
    + r"(?<![\w'’])(?:(?P<naming>"
    + trie_regex(_NAMING)
    + r")|(?P<cue>"
    + trie_regex(_POSSESSIVE)
    + r"[ \t]+"
    + trie_regex(_KIN)
    + "|"
    + trie_regex(_TITLES)
    + r"))\.?[ \t,:]+"
    + _ARTICLE
    + r"(?=[^\W\d_])"
)
# A name, then "and"/"y"/"et" and the next name ("Santiago y Luz").
_AND = re.compile(r"[ \t]*,?[ \t]+(?:and|y|e|et|û|o|or|ou)[ \t]+$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# In a text with capitals only capitalised words are looked at (and the word after a naming cue).
# Led by the class of capitals, so that the engine skips to them; the look-behind (no word
# character before the capital) comes after it.
_CAPITALISED_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w'’-].)[\w'’-]*")
# Function words and pronouns that end a name and are never one on their own.
_STOP = frozenset(
    _split(
        "the a an my our his her their your this that to at in from of and or is was were "
        "with for by on we he she they it who which when but not la el los las le les un une "
        "una de del du des y e et en que con por para sin mi mis su sus ce cette mon ma mes son "
        "sa ses il elle nous on qui où se me te nos ne pas es era fue al lo ya"
        # pronouns after "met", "named", "conocí a": "they met us", "conocí a todos"
        " us him them you me someone somebody everyone people nobody alguien todos todas "
        "ellos ellas nadie vous eux tous toutes personne quelqu'un"
    )
    # Months and days are given names too ("May", "June"): the date detector has them.
    + _split(
        "january february march april may june july august september october november "
        "december monday tuesday wednesday thursday friday saturday sunday"
    )
)
# An object pronoun and a verb after a word at a sentence start: "Esperanza nos ayudó",
# "Rosario me dijo", "Patience m'a aidée".
_OBJECT_PRONOUN = re.compile(
    r"[ \t]+(?:(?:me|nos|le|les|te|nous|lui|leur)[ \t]+|m'|m’|l'|l’)[^\W\d_]{2,}", re.IGNORECASE
)
# A reporting verb of case notes right after the name, with no comma between ("Alejandra relata
# que", "Georges raconte"): after a comma it reports the whole clause ("vivía en Choloma,
# relata").
_REPORTS = re.compile(
    r"[ \t]+(?:dice|relata|refiere|explica|narra|tells|explains|reports|raconte|explique|"
    r"rapporte|déclare|indique)[ \t]+(?:que|that|qu['’]|how|como|cómo|comment)",
    re.IGNORECASE,
)
# A street word right after or before a name makes it a road ("Marina Fort Street", "calle
# Morelos"): the address detector's business.
_STREET_AFTER = re.compile(
    r"(?i)(?:[ \t]+[^\W\d_][\w'’-]*)?[ \t]+"
    r"(?:street|st\.|road|rd\.|avenue|ave\.|lane|boulevard|blvd|drive|highway|square)\b"
)
_STREET_BEFORE = re.compile(
    r"(?i)(?<![\w'’])(?:calle|avenida|av\.|rue|avenue|boulevard|bd\.|chemin|carrera)[ \t]+$"
)
_CUE_CONFIDENCE = 0.75
_ALONE_CONFIDENCE = 0.6  # a lexicon name with no cue, in lower case or at a sentence start
_CAPITAL_CONFIDENCE = 0.7  # a capitalised lexicon name inside a sentence


def _first_word(
    text: str, m: re.Match[str], lower_text: bool, cued: bool, previous: tuple[int, int] | None
) -> float:
    """The confidence with which the word m starts a name, 0 if it does not (a word right
    after a naming cue is not asked here)."""
    word = m.group()
    low = word.lower()
    if low in _STOP or len(word) < 3:
        return 0.0
    capital = word[0].isupper()
    if not lower_text and not capital:
        return 0.0
    if not is_name(word):
        # In lower case, a rare word right after a kin cue or a title ("papa delphin").
        rare = lower_text and max(zipf(low, "en"), zipf(low, "es"), zipf(low, "fr")) < 3.0
        return _CUE_CONFIDENCE if rare and cued else 0.0
    if cued:
        return _CUE_CONFIDENCE
    ordinary = is_ordinary(low)
    if previous is not None and _AND.fullmatch(text, previous[1], m.start()):
        return _CAPITAL_CONFIDENCE if capital or not ordinary else _ALONE_CONFIDENCE
    if capital and not sentence_start(text, m.start()):
        # A given name, capitalised inside a sentence, even an ordinary word ("Luz", "Hope").
        return _CAPITAL_CONFIDENCE if is_given_name(word) or not ordinary else 0.0
    if ordinary:
        # "patience was my best friend", "Grace said": a given name that does what people do.
        after = text[m.end() : m.end() + 40]
        said = PERSON_AFTER.match(after) or _OBJECT_PRONOUN.match(after) or _REPORTS.match(after)
        return _ALONE_CONFIDENCE if said and is_given_name(word) else 0.0
    return _ALONE_CONFIDENCE


def _rest_of_name(text: str, end: int, lower_text: bool, cued: bool) -> int:
    """The end of the name after its first word: the next lexicon names, one space apart (in
    lower case, an ordinary word only right after a cue: "mi hermano esperanza paz")."""
    while (m := _WORD.match(text, end + 1)) is not None and text[end] == " ":
        word = m.group()
        if word.lower() in _STOP:
            break
        if not is_name(word):
            if lower_text and _rare_family_name(word):
                end = m.end()  # "marcela choc", "juan ixcoy": a family name no list has
            break
        if not lower_text and not word[0].isupper():
            break
        if lower_text and not cued and is_ordinary(word):
            break
        end = m.end()
    return end


_RARE_FAMILY_NAME_ZIPF = 2.5


def _rare_family_name(word: str) -> bool:
    """A word of three letters or more that is rare in en, es and fr alike: after a given name
    in lower case, a family name (Mayan, Tigrinya, Haitian ones are on no list)."""
    low = word.lower()
    return (
        len(low) >= 3
        and low.isalpha()
        and max(zipf(low, "en"), zipf(low, "es"), zipf(low, "fr")) < _RARE_FAMILY_NAME_ZIPF
    )


def find_given_names(text: str, lang: str) -> list[Suggestion]:
    """People named by a lexicon name, below the leak guard's threshold."""
    lower_text = written_in_lower_case(text)
    lowered = lower_same_length(text)
    cues = {m.end(): m.group("naming") is not None for m in _CUES.finditer(lowered)}
    # The words as _WORD finds them at each start (a capitalised word is one too).
    words = {m.start(): m for m in (_WORD if lower_text else _CAPITALISED_WORD).finditer(text)}
    out: list[Suggestion] = []
    previous: tuple[int, int] | None = None
    pos = 0
    for start in sorted(words.keys() | cues.keys()):
        m = words[start] if start in words else _WORD.match(text, start)
        if start < pos or m is None:
            continue
        if cues.get(start):
            confidence = _CUE_CONFIDENCE if m.group().lower() not in _STOP else 0.0
        else:
            confidence = _first_word(text, m, lower_text, start in cues, previous)
        if not confidence:
            continue
        end = _rest_of_name(text, m.end(), lower_text, confidence == _CUE_CONFIDENCE)
        if _STREET_AFTER.match(text, end) or _STREET_BEFORE.search(text, max(0, start - 12), start):
            continue
        out.append(suggestion(start, end, "person", confidence, "given_names", text[start:end]))
        previous = (start, end)
        pos = end
    return out + find_people_by_structure(text, lang)
