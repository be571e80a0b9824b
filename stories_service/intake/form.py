"""Turning the HTML submission form into the JSON shape, and the form's choices."""

from __future__ import annotations

from functools import cache
from typing import NotRequired, TypedDict

from starlette.datastructures import FormData

from stories_service.i18n.catalogues import name_in_itself

# Offered in the form's language lists; any other BCP 47 tag can be typed.
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


_NAMES_BABEL_LACKS = {"prs": "دری"}


@cache
def language_choices() -> tuple[tuple[str, str], ...]:
    """Each offered language named in itself ("العربية", "Español")."""
    return tuple(
        (code, _NAMES_BABEL_LACKS.get(code) or name_in_itself(code)) for code in FORM_LANGUAGES
    )


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


def form_to_submission(form: FormData) -> FormSubmission:
    """The JSON-shaped dict the form stands for; absent answers stay absent (so: "needed")."""
    consent: dict[str, object] = {}
    for key, field in (
        ("publish", "publish"),
        ("review_before_publish", "review"),
        ("syndicate", "syndicate"),
    ):
        # Missing answers become None, which fails validation: the form asks every question
        # explicitly, even where the JSON API has a default.
        consent[key] = _yes_no(form, field)
    if form.get("attribution"):
        consent["attribution"] = str(form.get("attribution"))
    if form.get("display_name"):
        consent["display_name"] = str(form.get("display_name"))
    languages = [str(v) for v in form.getlist("languages") if str(v).strip()]
    other = str(form.get("languages_other") or "").strip()
    languages += [part.strip() for part in other.replace(";", ",").split(",") if part.strip()]
    if languages:
        consent["languages"] = languages
    data: FormSubmission = {
        "title": str(form.get("title") or ""),
        "body": str(form.get("body") or ""),
        "language": str(form.get("language") or form.get("language_other") or ""),
        "consent": consent,
        "never_appear": [
            line.strip()
            for line in str(form.get("never_appear") or "").splitlines()
            if line.strip()
        ],
    }
    if str(form.get("language") or "") == "other":
        data["language"] = str(form.get("language_other") or "")
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
        if name.startswith("never_appear."):
            key = "never_appear"
        out.setdefault(key, message)
    return out
