"""Turning the HTML submission form into the JSON shape, and the form's choices."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import NotRequired, TypedDict

from starlette.datastructures import FormData

from stories_service.i18n.catalogues import N_, gettext
from stories_service.i18n.languages_by_name import (
    SEPARATORS_NAMED,
    language_name,
    own_name,
    split_language_list,
    tag_for_language,
)

# Offered as boxes to tick in the consent's language list; any other language can be typed by
# name (in the interface language, in English or in itself) or as a BCP 47 tag.
FORM_LANGUAGES = (
    "en",
    "ar",
    "es",
    "fr",
    "fa",
    "prs",
    "ps",
    "uk",
    "ru",
    "tr",
    "ku",
    "ckb",
    "ur",
    "ti",
    "am",
    "so",
    "sw",
    "my",
    "ta",
    "bn",
    "rw",
    "ha",
    "pt",
    "de",
    "it",
)


@cache
def language_choices(locale: str) -> tuple[tuple[str, str, str], ...]:
    """Each offered language as ``(tag, name in the interface language, name in itself)``:
    ``("es", "الإسبانية", "Español")`` in the Arabic interface."""
    return tuple((code, language_name(code, locale), own_name(code)) for code in FORM_LANGUAGES)


def _yes_no(form: FormData, name: str) -> bool | str | None:
    value = form.get(name)
    if value == "yes":
        return True
    if value == "no":
        return False
    return None if value in (None, "") else str(value)


class FormSubmission(TypedDict):
    """What ``form_to_submission`` returns: SubmissionIn's JSON shape, before validation."""

    title: str
    body: str
    language: str
    consent: dict[str, object]
    never_appear: list[str]
    contact: NotRequired[str]


def _story_language(typed: str, locale: str) -> str:
    """The tag of the language typed or picked by name; what was typed when it names none (the
    validation then refuses it, and the form says how to choose)."""
    return tag_for_language(typed, locale) or typed


def form_to_submission(form: FormData, locale: str, questions: Iterable[str]) -> FormSubmission:
    """The JSON-shaped dict the form stands for; absent answers stay absent (so: "needed").

    ``questions`` are the sections of the consent wording the form was shown with: a form
    rendered under a wording without the search-indexing question (v1) records "no" for it.
    Languages arrive as names in ``locale`` (or in English, or in themselves) or as tags."""
    consent: dict[str, object] = {}
    asked = [
        ("publish", "publish"),
        ("review_before_publish", "review"),
        ("syndicate", "syndicate"),
    ]
    if "search_indexing" in questions:
        asked.append(("search_indexing", "search_indexing"))
    else:
        consent["search_indexing"] = False
    for key, field in asked:
        # Missing answers become None, which fails validation: the form asks every question
        # explicitly, even where the JSON API has a default.
        consent[key] = _yes_no(form, field)
    if form.get("attribution"):
        consent["attribution"] = str(form.get("attribution"))
    if form.get("display_name"):
        consent["display_name"] = str(form.get("display_name"))
    languages = [str(v) for v in form.getlist("languages") if str(v).strip()]
    typed, unknown = split_language_list(str(form.get("languages_other") or ""), locale)
    # A part that names no language stays as typed, so validation refuses it.
    languages += typed + unknown
    if languages:
        consent["languages"] = languages
    data: FormSubmission = {
        "title": str(form.get("title") or ""),
        "body": str(form.get("body") or ""),
        "language": _story_language(str(form.get("language") or "").strip(), locale),
        "consent": consent,
        "never_appear": [
            line.strip()
            for line in str(form.get("never_appear") or "").splitlines()
            if line.strip()
        ],
    }
    contact = str(form.get("contact") or "").strip()
    if contact:
        data["contact"] = contact
    return data


def form_errors_for_template(
    fields: dict[str, str], consent_given: dict[str, object]
) -> dict[str, str]:
    """Key errors by the form's own field names so each shows beside its field."""
    renames = {
        "consent.publish": "publish",
        "consent.review_before_publish": "review",
        "consent.syndicate": "syndicate",
        "consent.search_indexing": "search_indexing",
        "consent.attribution": "attribution",
        "consent.display_name": "display_name",
        "consent.languages": "languages",
        "consent": "languages" if consent_given else "publish",
    }
    out: dict[str, str] = {}
    for name, message in fields.items():
        key = renames.get(name, name.split(".")[0])
        if name.startswith("consent.languages."):
            key = "languages"
            message = f"{gettext(_LANGUAGES_UNKNOWN)} {gettext(SEPARATORS_NAMED)}"
        if name == "language":
            message = gettext(_LANGUAGE_UNKNOWN)
        if name.startswith("never_appear."):
            key = "never_appear"
        out.setdefault(key, message)
    return out


# What the form says when a language is not understood: how to choose one (and, for a typed
# list, which separators it may use: SEPARATORS_NAMED).
_LANGUAGE_UNKNOWN = N_(
    "We could not find this language. Choose it from the list, or type its name or a code "
    "such as ti or pt-BR."
)
_LANGUAGES_UNKNOWN = N_(
    "We could not find every language you typed. Type each by its name or a code such as ti."
)
