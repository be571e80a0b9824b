# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""People and places in Kurmanji (Latin script), by the shapes in which Kurmanji names them.

Kurmanji puts the possessor after the kin word ("birayê min Serhat", my brother Serhat), names
with "navê wî X e" (his name is X) and "jê re dibêjin X" (they call him X), puts titles before
the name ("mele Ebdulrehman", "şêx Şamo"), and marks a place with an oblique ending after a
preposition or a verb of a journey ("li Şengalê", "çûn stenbolê", "derbasî Yewnanistanê") or
after a place word ("gundê Koço", "taxa Hilêliyê", "kampa Domîzê"). Stories are often typed
without Kurmanji's letters ("bave min", "xwiska min") and in lower case, so the cues are
matched both ways and a name is any word that is no everyday Kurmanji word
(``kurdish_words``) nor a function word.

Confidences: a name after a naming verb followed by a copula, or a capitalised name after a kin
word, 0.85; in lower case below the leak guard; a capitalised word with an oblique ending after
a place cue 0.8-0.85 (its stem a gazetteer place), in lower case 0.7 for a known place and 0.5
for an unknown word.
"""

from __future__ import annotations

import re

from .folding import fold
from .gazetteer import load_gazetteer
from .kurdish_words import is_kurdish_word
from .language import zipf
from .model import Suggestion, suggestion
from .scan import written_in_lower_case

DETECTOR = "kurmanji"


def _words(words: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(words.split())


_POSSESSOR = r"(?:min|te|wî|wi|wê|we|me|wan|xwe)"
# Kin and companions with their ezafe, with and without Kurmanji's letters.
_KIN = (
    r"bavê|bave|diya|dayika|birayê|biraye|birayên|xwişka|xwîşka|xwiska|xwuşka|xweha|apê|ape|"
    r"mamê|mame|xalê|xale|meta|metka|xaltiya|xaltîka|xaltika|pismamê|pismame|dotmama|keça|keca|"
    r"kurê|kure|zarokê|zaroka|zarokên|neviyê|neviya|dapîra|dapira|bapîrê|bapire|kalikê|pîrika|"
    r"hevjînê|hevjîna|hevserê|hevsera|mêrê|mere|jina|hevalê|havalê|hevale|hevala|hevalên|"
    r"cîranê|cîrana|cirane|biraziyê|biraziya|xwarziyê|xwarziya|bûka|zavayê|kurên|keçên"
)
# An adjective after the possessor: "birayê min ê mezin Serhat".
_KIN_ADJECTIVE = r"(?:[ \t]+(?:ê|yê|a|ya|ên)[ \t]+(?:mezin|biçûk|piçûk|bicuk|ciwan|pîr|berê))?"
_TITLE = (
    r"mam|mamo|apo|xal|xalo|mele|mela|şêx|şex|sêx|hecî|heci|mamoste|mamosta|seyda|doktor|"
    r"birêz|xanim|xatûn|kek|kak|mixtar|muxtar"
)
_NAMING = (
    r"navê[ \t]+" + _POSSESSOR + r"(?:[ \t]+(?:yê|ê|ya|a)[ \t]+(?:rast|rastî|rasti|eslî))?"
    r"|nave[ \t]+" + _POSSESSOR + r"|bi[ \t]+navê"
    r"|(?:jê|je|ji[ \t]+(?:min|wî|wi|wê|me|wan|te))[ \t]+re[ \t]+"
    r"(?:dibêjin|dibejin|dibêje|dibeje|digotin|digot|digo)"
)
_NAME = r"[^\W\d_][\w'’-]*"
# A kin word or a title leading a nickname after a naming cue: "dayika Zelal" (Zelal's mother),
# "bavê Serhat", "xalê Cemîl".
_NICKNAME_LEAD = re.compile(
    r"(?i)(?:dayika|daya|diya|bavê|bave|xalê|xale|apê|ape|mamê|mame|metê|xaltîka|"
    + _TITLE
    + r")[ \t]+(?="
    + _NAME
    + ")"
)
_CUE = re.compile(
    r"(?i)(?<![\w'’])(?:(?P<naming>" + _NAMING + r")"
    r"|(?P<kin>(?:" + _KIN + r")[ \t]+" + _POSSESSOR + _KIN_ADJECTIVE + r")"
    r"|(?P<title>" + _TITLE + r"))[ \t]*[,:]?[ \t]+(?=" + _NAME + ")"
)
# "ez Hêvî me" (I am Hêvî) at the start of a sentence.
_I_AM = re.compile(
    r"(?i)(?:^|[.!?\n][ \t]*)ez[ \t]+(?P<name>" + _NAME + r")[ \t]+(?:im|me|bûm|bum)(?![\w'’])"
)
_WORD = re.compile(_NAME)
# A verb with its present or subjunctive prefix: "dijin" (they live), "bikim" (I do).
_VERB = re.compile(
    r"(?:di|bi)\w{2,}(?:im|in|e|ê|ine|iye)$"
    # negated verbs ("naaxive", "nenivîsin") and infinitives ("şandin", "ruxandin", "kuştin")
    r"|(?:na|ne)\w{3,}(?:im|in|e|ê)$|\w{2,}(?:andin|ndin|ştin|rtin)$"
)
# A copula or the end of a clause after a name: "navê wî Hesen e", "jê re dibêjin Kalo."
_AFTER_NAME = re.compile(
    r"[ \t]+(?:e|ye|bû|bu|be|im|me|in|ne|bûn)(?![\w'’])|[ \t]*(?:[.,;:!?)\n]|$)"
)
# Words that end a name or never are one, beyond the everyday words of ``kurdish_words``.
_STOP = _words(
    "û u ku ji li bi di de re ra da ve ez tu ew em hûn hun min te wî wi wê we me wan xwe "
    "e ye bû bu be im in ne jî ji ki ya yê ye ê a ên yên hat hate hatin çû cu çûn bû "
    "niha nuha heta paşê pase û ne na jê je lê le bo ber sala salê roja rojê dema gava "
    "piştî berî yanî wallah yani walla inşallah xwedê xweda xwedê "
    # north, south, west, east of: "li bakurê Şengalê" (the place is the next word)
    "bakurê başûrê rojavayê rojhilatê"
)
# Prepositions and verbs of a journey before a place: in, from, to, towards, near, beside, by
# way of, as far as; took, went, fled, crossed into, reached, came to, lived in.
_PLACE_CUE = re.compile(
    r"(?i)(?<![\w'’])(?:(?P<weak>paşê|pase|ji[ \t]+wir|ji[ \t]+wê[ \t]+derê|heta)|li[ \t]+ber|"
    r"li|ji|bo|ber[ \t]+bi|hetanî|nêzîkî|nezîkî|nezike|nêzîk|"
    r"bi[ \t]+rêya|bi[ \t]+rêka|bi[ \t]+reya|derbasî|derbasi|gihişt|gihîşt|gihiştin|gihiştine|"
    r"gihastin|çûn|çûm|çû|cun|cum|birin|bir|anîn|reviyan|reviyam|revîm|revî|reviya|"
    r"hatin|hatim|hat|xelkê|xelke|aliyê|gundê|gunde|gundekî|taxa|taxe|kampa|kampe|bajarê|"
    r"bajare|bajarokê|girtîgeha|girtigeha|zindana|kolana|herêma|herema|navçeya|navceya|"
    r"deşta|çiyayê|mizgefta|bakurê|başûrê|rojavayê|rojhilatê)"
    r"(?:[ \t]+(?:me|min|wan|xwe|wî|wi|wê|we))?[ \t]+(?=" + _NAME + ")"
)
_PLACE_WORDS = _words(
    "gundê gunde gundekî taxa taxe kampa kampe bajarê bajare bajarokê girtîgeha girtigeha "
    "zindana kolana herêma herema navçeya navceya deşta çiyayê mizgefta"
)
# Oblique and ezafe endings of a place: "Şengalê", "Almanyayê", "Qamişloyê", "Efrînê".
_ENDINGS = ("yê", "ye", "ê", "e", "ya", "a")


def _ordinary(word: str) -> bool:
    """A Kurmanji everyday or function word, also with an oblique ending ("girtîgehê")."""
    low = word.lower()
    if low in _STOP or low in _PLACE_WORDS or is_kurdish_word(low):
        return True
    if word[0].isupper():
        return False  # "Wanê" is Van though "wan" is "them"; "Tirkiyê" no "tirkî" (Turkish)
    # not "-yê": "tirkiyê" (Turkey) is no "tirkî" (Turkish)
    return any(
        low.endswith(e) and is_kurdish_word(low[: -len(e)]) and not _big_place(low[: -len(e)])
        for e in ("ê", "a")
    )


def _frequent_elsewhere(low: str) -> bool:
    """A word frequent in English, German or French: code-switching, not a Kurdish name."""
    return max(zipf(low, "en"), zipf(low, "de"), zipf(low, "fr")) >= 4.0


def _known_place(word: str) -> bool:
    """The word, or its stem without an oblique ending, is a gazetteer place."""
    names = load_gazetteer().latin
    low = fold(word.lower())
    if names.get(low, 0) >= 1_000:
        return True
    return any(
        low.endswith(e) and len(low) - len(e) >= 3 and names.get(low[: -len(e)], 0) >= 1_000
        for e in _ENDINGS
    )


def _name_words(text: str, pos: int, most: int, lower_text: bool) -> tuple[int, int] | None:
    """Up to ``most`` words at pos that may be a name: no everyday word, capitalised unless the
    text is in lower case."""
    start = end = None
    for count, w in enumerate(_WORD.finditer(text, pos, min(len(text), pos + 50))):
        if count == most or text[pos : w.start()].strip(" \t"):
            break
        word = w.group()
        if (
            _ordinary(word)
            or _VERB.match(word)
            or (count and not lower_text and not word[0].isupper())
        ):
            break
        start = w.start() if start is None else start
        end = pos = w.end()
    return None if start is None or end is None else (start, end)


def _people(text: str, lower_text: bool) -> list[Suggestion]:
    out: list[Suggestion] = []
    for cue in _CUE.finditer(text):
        naming = cue.group("naming") is not None
        span = _name_words(text, cue.end(), 3 if naming else 2, True)
        led = _NICKNAME_LEAD.match(text, cue.end()) if naming and span is None else None
        if led is not None:  # "ji min re dibêjin dayika Zelal" (Zelal's mother), "xalê Cemîl"
            named = _name_words(text, led.end(), 2, True)
            span = None if named is None else (cue.end(), named[1])
        if span is None:
            continue
        word = text[span[0] : span[1]]
        closed = _AFTER_NAME.match(text, span[1]) is not None
        capitalised = word[0].isupper()
        if naming:
            if not closed:
                continue  # "navê min nenivîsin" (do not write my name): a verb, no name
            conf = 0.85 if capitalised or lower_text else 0.75
        elif cue.group("kin") is not None:
            conf = 0.85 if capitalised else 0.7 if lower_text else 0.6
        else:
            conf = 0.75 if capitalised else 0.65
        if lower_text and _frequent_elsewhere(word.split()[0].lower()):
            conf = min(conf, 0.6)
        out.append(suggestion(*span, "person", conf, DETECTOR, word))
        # the names listed after it: "du xwişkên wê Jîhan û Viyan", "Nûjîn û Rojbîn"
        link = re.compile(r"[ \t]*(?:,[ \t]*|[ \t]+û[ \t]+)").match(text, span[1])
        if link and not naming:
            nxt = _name_words(text, link.end(), 1, lower_text)
            if nxt is not None:
                out.append(
                    suggestion(*nxt, "person", min(conf, 0.75), DETECTOR, text[nxt[0] : nxt[1]])
                )
    for m in _I_AM.finditer(text):
        word = m.group("name")
        if not _ordinary(word) and not _frequent_elsewhere(word.lower()):
            out.append(suggestion(*m.span("name"), "person", 0.7, DETECTOR, word))
    return out


def _places(text: str, lower_text: bool) -> list[Suggestion]:
    out: list[Suggestion] = []
    for cue in _PLACE_CUE.finditer(text):
        place_word = cue.group().split()[0].lower() in _PLACE_WORDS
        span = _name_words(text, cue.end(), 3 if place_word else 2, True)
        if span is None:
            continue
        while adj := _PLACE_ADJECTIVE.match(text, span[1]):
            span = (span[0], adj.end())  # "girê sor", "kanî reş": colours and sizes
        words = text[span[0] : span[1]]
        first = words.split()[0]
        known = _known_place(words) or _known_place(first)
        oblique = first.endswith(("ê", "yê"))
        toponym = words.istitle() and " " in words and first.lower() in _TOPONYM_HEADS
        if first.isupper() and len(first) > 1 and len(first) <= 6:
            # an acronym after a preposition: "li HDP bû" (was in the HDP)
            org = (span[0], span[0] + len(first))
            out.append(suggestion(*org, "organisation", 0.7, DETECTOR, first))
            continue
        if (
            _DATIVE.match(text, span[1])  # "ji Rênasê re got" (said to Rênas): a person
            or (cue.group("weak") and not (known or (oblique and first[0].isupper())))
            or _ORG.match(text, span[0])  # "li Mala Jinan a Wanê": an organisation
        ):
            continue
        if first[0].isupper():
            conf = 0.88 if known else 0.86 if oblique or toponym else 0.8
        elif known or place_word:
            conf = 0.75
        elif _frequent_elsewhere(first.lower()) or len(first) < 4:
            continue
        else:
            conf = 0.5
        if " " in words and (oblique or not (place_word or known or words.istitle())):
            span = (span[0], span[0] + len(first))  # the oblique ending ends the name
        out.append(suggestion(*span, "place", conf, DETECTOR, text[span[0] : span[1]]))
        # the places listed after it: "bi rêya Tirkiyê, Bulgaristanê û Sirbistanê"
        pos = span[1]
        while (link := _LIST_LINK.match(text, pos)) and (nxt := _WORD.match(text, link.end())):
            word = nxt.group()
            if (
                _ordinary(word)
                or _VERB.match(word)
                or not (word[0].isupper() or _known_place(word))
            ):
                break
            out.append(suggestion(*nxt.span(), "place", min(conf, 0.8), DETECTOR, word))
            pos = nxt.end()
    return out


# The first word of many Kurdish and Syrian place names: hill, spring, plain, mountain
# ("Til Temir", "Tel Efer", "Girê Spî", "Kanî Sipî").
_TOPONYM_HEADS = _words("til tel tell girê gire kanî kani deşta çiyayê ain eyn ras serê")
_PLACE_ADJECTIVE = re.compile(
    r"(?i)[ \t]+(?:sor|spî|spi|sipî|reş|res|kesk|zer|şîn|sin|mezin|biçûk|bicuk|jor|jêr|jer|"
    r"kevn|nû|nu)(?![\w'’])"
)
_DATIVE = re.compile(r"[ \t]+(?:re|ra)(?![\w'’])")
_LIST_LINK = re.compile(r"[ \t]*,[ \t]*|[ \t]+û[ \t]+")
# Type words of organisations, with their ezafe: centre, association, organisation, institution,
# office, house, school, hospital, university, clinic, foundation, council, party, committee;
# "Heyva Sor" (the Red Crescent).
_ORG = re.compile(
    r"(?i)(?<![\w'’])(?:navenda|komeleya|komela|rêxistina|rexistina|sazgeha|saziya|nivîsgeha|"
    r"dibistana|nexweşxaneya|nexwesxaneya|zanîngeha|klînîka|klinika|weqfa|desteya|encûmena|"
    r"meclîsa|partiya|komîteya|heyva[ \t]+sor|(?-i:Mala))(?![\w'’])"
)
# "Mala Jinan a Wanê" (the Women's House of Van), not "Mala Ehmed" (Ehmed's family).
_HOUSE_OF = re.compile(r"[ \t]+[A-ZÇÊÎŞÛ]\w+[ \t]+(?:a|ya)[ \t]+[A-ZÇÊÎŞÛ]")
_ORG_LINK = _words("a ya ê yê ji bo")


def _organisations(text: str) -> list[Suggestion]:
    """An organisation by its type word and the words of its name: "Navenda Tenduristiya Derûnî
    ya Jinan", "Heyva Sor a Kurdistanê", "rêxistina jiyana nû"."""
    out: list[Suggestion] = []
    for m in _ORG.finditer(text):
        if m.group() == "Mala" and not _HOUSE_OF.match(text, m.end()):
            continue
        end, words, pos = m.end(), 0, m.end()
        for w in _WORD.finditer(text, pos, min(len(text), pos + 80)):
            if text[pos : w.start()].strip(" \t") or words == 5:
                break
            low = w.group().lower()
            if low in _ORG_LINK:
                pos = w.end()
                continue
            if (
                low in _STOP
                or _VERB.match(low)
                or (w.group()[0].islower() and not m.group()[0].islower())
            ):
                break
            end, pos, words = w.end(), w.end(), words + 1
        if words:
            conf = 0.86 if m.group()[0].isupper() else 0.7
            out.append(
                suggestion(m.start(), end, "organisation", conf, DETECTOR, text[m.start() : end])
            )
    return out


def looks_kurmanji(text: str) -> bool:
    """Whether the text has enough Kurmanji function words to be worth the Kurmanji pass."""
    low = text[:4000].lower()
    if "navê " in low or "nave " in low or " re dibêj" in low or " re digot" in low:
        return True
    hits = low.count(" li ") + low.count(" ji ") + low.count(" û ") + low.count(" min ")
    return hits + low.count("ê ") // 2 >= 3


def find_kurmanji_names(text: str) -> list[Suggestion]:
    """People after Kurmanji kin, naming and title cues; places after Kurmanji place cues;
    organisations after a type word."""
    if not looks_kurmanji(text):
        return []
    lower_text = written_in_lower_case(text)
    return _people(text, lower_text) + _places(text, lower_text) + _organisations(text)


_GUESSERS = frozenset(("names", "given_names", "name_parts"))


def _big_place(word: str) -> bool:
    """A gazetteer place of 100,000 or more, as written: "Wan" (Van) stays a place."""
    return load_gazetteer().latin.get(fold(word.lower()), 0) >= 100_000


def without_everyday_words(text: str, suggestions: list[Suggestion]) -> list[Suggestion]:
    """In a Kurmanji text, the guesses below 0.7 (a capitalised word at a sentence start, a rare
    word after "li") made only of everyday Kurmanji words are dropped: "Niha" (now),
    "Hejmara" (the number of), "taxa" (the quarter of) are no names."""
    if not suggestions or not looks_kurmanji(text):
        return suggestions
    return [
        s
        for s in suggestions
        if not (
            s.confidence < 0.7
            and s.detector in _GUESSERS
            and s.kind in ("person", "place")
            and all(_ordinary(w.lower()) and not _big_place(w) for w in s.text.split())
        )
    ]
