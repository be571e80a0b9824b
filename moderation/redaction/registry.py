"""The one place where detectors are registered and run, switchable by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from . import (
    addresses,
    appositive_names,
    arabic_names,
    article_nicknames,
    big_city_places,
    capitalised_word_names,
    case_note_names,
    companion_names,
    country_names,
    dates,
    given_names,
    initials,
    inner_capitals,
    kind_rules,
    known_organisations,
    kurmanji_names,
    lowercase_organisations,
    message_names,
    name_cues,
    name_lists,
    name_parts,
    names,
    ner_backend,
    never_appear,
    numbered_names,
    numbers,
    ordinary_words,
    organisation_list,
    organisations,
    person_company,
    place_lists,
    place_words,
    sorani_names,
    text_patterns,
    title_names,
    unknown_words,
)
from .arabic_kinds import settle_arabic_organisations
from .model import Suggestion
from .organisation_list import LIST_KINDS, ListedTerm
from .scan import first_digit, has_arabic


class Context:
    """What a detector gets: the text, its language, the submitter's never-appear list and the
    organisation's list (read-only by convention). Its repr leaves the text out (survivor text
    stays out of logs and tracebacks)."""

    __slots__ = ("language", "never_appear", "organisation_list", "text")

    def __init__(
        self,
        text: str,
        language: str,
        never_appear: Sequence[str],
        organisation_list: Sequence[ListedTerm] = (),
    ) -> None:
        self.text = text
        self.language = language
        self.never_appear = never_appear
        self.organisation_list = organisation_list

    def __repr__(self) -> str:
        return f"Context(language={self.language!r}, {len(self.text)} characters)"


@dataclass(frozen=True, slots=True)
class Detector:
    """A named detector and the kinds it may produce."""

    name: str
    kinds: tuple[str, ...]
    run: Callable[[Context], Iterable[Suggestion]]
    default_on: bool = True


def _arabic(ctx: Context) -> Iterable[Suggestion]:
    return arabic_names.find_arabic_names(ctx.text) if has_arabic(ctx.text) else ()


DETECTORS: dict[str, Detector] = {
    d.name: d
    for d in (
        Detector(
            "never_appear",
            ("never_appear",),
            lambda c: never_appear.find_never_appear(c.text, c.never_appear),
        ),
        Detector(
            organisation_list.DETECTOR,
            LIST_KINDS,
            lambda c: organisation_list.find_listed_terms(c.text, c.organisation_list),
        ),
        Detector("email", ("email",), lambda c: text_patterns.find_emails(c.text)),
        Detector("url", ("url",), lambda c: text_patterns.find_urls(c.text)),
        Detector("ip_address", ("ip_address",), lambda c: text_patterns.find_ip_addresses(c.text)),
        Detector("handle", ("handle",), lambda c: text_patterns.find_handles(c.text)),
        Detector("phone", ("phone", "id_number"), lambda c: numbers.find_phones(c.text)),
        Detector("payment_card", ("payment_card",), lambda c: numbers.find_payment_cards(c.text)),
        Detector("iban", ("iban",), lambda c: numbers.find_ibans(c.text)),
        Detector("id_number", ("id_number",), lambda c: numbers.find_id_numbers(c.text)),
        Detector("date", ("date",), lambda c: dates.find_dates(c.text)),
        Detector("address", ("address",), lambda c: addresses.find_addresses(c.text, c.language)),
        Detector("postcode", ("postcode",), lambda c: addresses.find_postcodes(c.text)),
        Detector(
            "organisation", ("organisation",), lambda c: organisations.find_organisations(c.text)
        ),
        Detector(
            known_organisations.DETECTOR,
            ("organisation",),
            lambda c: known_organisations.find_known_organisations(c.text),
        ),
        Detector("names", ("person", "place"), lambda c: names.find_names(c.text, c.language)),
        Detector(
            "name_cues",
            ("person",),
            lambda c: [
                *name_cues.find_cued_names(c.text, c.language),
                *initials.find_initials(c.text),
                *message_names.find_message_names(c.text, c.language),
                *person_company.find_people_in_company(c.text),
                *case_note_names.find_case_note_names(c.text, c.language),
                *appositive_names.find_appositive_names(c.text, c.language),
                *capitalised_word_names.find_capitalised_word_names(c.text, c.language),
            ],
        ),
        Detector(
            "name_parts",
            ("person", "place", "organisation"),
            lambda c: name_parts.find_name_parts(c.text, c.language),
        ),
        Detector(
            "given_names",
            ("person",),
            lambda c: given_names.find_given_names(c.text, c.language),
        ),
        Detector("country_names", ("place",), lambda c: country_names.find_countries(c.text)),
        Detector(
            "place_words", ("place",), lambda c: place_words.find_place_words(c.text, c.language)
        ),
        Detector(
            inner_capitals.DETECTOR,
            ("place", "organisation"),
            lambda c: inner_capitals.find_inner_capitals(c.text, c.language),
        ),
        Detector(
            title_names.DETECTOR,
            ("person",),
            lambda c: title_names.find_title_names(c.text, c.language),
        ),
        Detector(
            companion_names.DETECTOR,
            ("person",),
            lambda c: companion_names.find_companion_names(c.text, c.language),
        ),
        Detector(
            article_nicknames.DETECTOR,
            ("person",),
            lambda c: article_nicknames.find_article_nicknames(c.text, c.language),
        ),
        Detector(
            big_city_places.DETECTOR,
            ("place",),
            lambda c: big_city_places.find_big_city_places(c.text, c.language),
        ),
        Detector(
            numbered_names.DETECTOR,
            ("place",),
            lambda c: numbered_names.find_numbered_names(c.text, c.language),
        ),
        Detector(
            lowercase_organisations.DETECTOR,
            ("organisation",),
            lambda c: lowercase_organisations.find_lowercase_organisations(c.text, c.language),
        ),
        Detector(
            unknown_words.DETECTOR,
            ("person", "place", "organisation"),
            lambda c: unknown_words.find_unknown_words(c.text, c.language),
        ),
        Detector("arabic_names", ("person", "place", "organisation"), _arabic),
        Detector(
            kurmanji_names.DETECTOR,
            ("person", "place", "organisation"),
            lambda c: kurmanji_names.find_kurmanji_names(c.text),
        ),
        Detector(
            sorani_names.DETECTOR, ("person",), lambda c: sorani_names.find_sorani_names(c.text)
        ),
        Detector(
            "ner",
            ("person", "place", "organisation"),
            lambda c: ner_backend.find_entities(c.text, c.language),
        ),
    )
}
DEFAULT_ENABLED: frozenset[str] = frozenset(n for n, d in DETECTORS.items() if d.default_on)
# Detectors that return nothing at once for a text without a digit / an "@" / a never-appear
# list / an organisation's list / Arabic letters / a spaCy model for its language (each checks
# this first): for short texts, not calling them at all saves most of their cost. Same
# suggestions, same order.
_NEEDS_DIGIT = frozenset({"phone", "payment_card", "iban", "id_number", "date", "postcode"})


@lru_cache(maxsize=64)
def _default_runs(
    digit: bool, colons: bool, at: bool, never: bool, listed: bool, arabic: bool, ner: bool
) -> tuple[Callable[[Context], Iterable[Suggestion]], ...]:
    skip = set() if digit else set(_NEEDS_DIGIT)
    if not ner:
        skip.add("ner")
    if not digit and not colons:
        skip.add("ip_address")
    if not at:
        skip.add("email")
    if not never:
        skip.add("never_appear")
    if not listed:
        skip.add(organisation_list.DETECTOR)
    if not arabic:
        skip.update(("arabic_names", sorani_names.DETECTOR))
    return tuple(d.run for d in DETECTORS.values() if d.default_on and d.name not in skip)


def run_detectors(ctx: Context, enabled: AbstractSet[str] | None = None) -> list[Suggestion]:
    """Run the enabled detectors (all default ones when None) and return raw suggestions."""
    chosen: AbstractSet[str]
    if enabled is None:
        chosen = DEFAULT_ENABLED
        text = ctx.text
        runs = _default_runs(
            first_digit(text) >= 0,
            text.count(":") >= 2,
            "@" in text,
            bool(ctx.never_appear),
            bool(ctx.organisation_list),
            has_arabic(text),
            ner_backend.available(ctx.language),
        )
    else:
        chosen = enabled
        unknown = [name for name in chosen if name not in DETECTORS]
        if unknown:
            raise ValueError(f"unknown detectors: {sorted(unknown)}")
        runs = tuple(det.run for name, det in DETECTORS.items() if name in chosen)
    out: list[Suggestion] = []
    for run in runs:
        out.extend(run(ctx))
    if chosen & {
        "names",
        "arabic_names",
        "name_cues",
        "name_parts",
        "given_names",
        "place_words",
        kurmanji_names.DETECTOR,
        sorani_names.DETECTOR,
    }:
        # Unknown words are guesses of any kind: they neither anchor nor end a list.
        firm = [s for s in out if s.detector != unknown_words.DETECTOR]
        # Once a name is known, its other mentions (even at a sentence start) are names too.
        out.extend(names.propagate(ctx.text, out))
        # "mis hijos santiago, valentina y jesus daniel": the neighbours of a found name.
        out.extend(name_lists.listed_neighbours(ctx.text, firm))
        # "pasamos corinto, tecun, tapachula": the neighbours of a found place.
        out.extend(place_lists.listed_places(ctx.text, ctx.language, firm))
        # "Ahmad" + " al-Hassan", "Deir" + " ez-Zor", "Abu " + "Rami".
        out = name_parts.extend_over_particles(ctx.text, out)
    # Nothing made only of ordinary words reaches the leak guard's threshold; then kinds from
    # what is around ("Villacher Strasse 89" is a road).
    out = kurmanji_names.without_everyday_words(ctx.text, ordinary_words.cap_ordinary(out))
    if has_arabic(ctx.text):
        out = settle_arabic_organisations(ctx.text, out)
    return known_organisations.settle_known_organisations(kind_rules.settle_kinds(ctx.text, out))
