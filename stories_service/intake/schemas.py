"""The shape of a submission, validated with the same rules for the JSON API and the form."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    ValidationInfo,
    field_validator,
    model_validator,
)

from moderation.consent import BylineOnNeverAppearList, check_byline
from moderation.states import Attribution
from stories_service.http_input import InputLabel, InputText, LanguageTag
from stories_service.i18n.catalogues import N_

MAX_BODY_CHARS = 100_000


def _strip(value: str) -> str:
    return value.strip()


class ConsentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    publish: StrictBool
    attribution: Attribution
    display_name: InputLabel | None = Field(default=None, max_length=60, validate_default=True)
    review_before_publish: StrictBool = True
    syndicate: StrictBool
    # Consent v2: may search engines list the story? Its own choice, no unless asked for.
    search_indexing: StrictBool = False
    languages: list[LanguageTag] = Field(default_factory=list, max_length=10)

    @field_validator("display_name")
    @classmethod
    def _display_name_matches_attribution(
        cls, value: str | None, info: ValidationInfo
    ) -> str | None:
        attribution = info.data.get("attribution")
        if attribution is Attribution.ANONYMOUS:
            return None
        if attribution is not None and not value:
            raise ValueError(N_("A first name or chosen name is needed for this choice."))
        return value


class OnBehalfIn(BaseModel):
    """Intake staff submitting for a survivor attest that the survivor gave this consent."""

    model_config = ConfigDict(extra="forbid")

    survivor_consented: StrictBool
    attestation: Annotated[InputText, AfterValidator(_strip)] = Field(
        min_length=10, max_length=1000
    )

    @field_validator("survivor_consented")
    @classmethod
    def _must_be_true(cls, value: bool) -> bool:
        if not value:
            raise ValueError("the survivor's consent must be confirmed")
        return value


class SubmissionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: InputLabel = Field(min_length=1, max_length=200)
    body: InputText = Field(min_length=1, max_length=MAX_BODY_CHARS)
    language: LanguageTag
    consent: ConsentIn
    never_appear: list[Annotated[InputText, AfterValidator(_strip)]] = Field(
        default_factory=list, max_length=100
    )
    contact: Annotated[InputText, AfterValidator(_strip)] | None = Field(
        default=None, max_length=300
    )
    on_behalf: OnBehalfIn | None = None

    @field_validator("title")
    @classmethod
    def _title_not_blank(cls, value: str) -> str:
        if not value:
            raise ValueError(N_("Please give your story a title."))
        return value

    @field_validator("body")
    @classmethod
    def _body_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError(N_("Your story is empty."))
        return value

    @field_validator("never_appear")
    @classmethod
    def _terms_short(cls, value: list[str]) -> list[str]:
        terms = [term for term in value if term]
        if any(len(term) > 100 for term in terms):
            raise ValueError(N_("Each name or place can be at most 100 characters long."))
        return list(dict.fromkeys(terms))

    @field_validator("never_appear")
    @classmethod
    def _byline_not_listed(cls, value: list[str], info: ValidationInfo) -> list[str]:
        consent = info.data.get("consent")
        try:
            check_byline(consent.display_name if consent else None, value)
        except BylineOnNeverAppearList:
            raise ValueError(
                N_(
                    "The name you chose to be shown with your story is on this list. "
                    "Please choose another name, or no name."
                )
            ) from None
        return value

    @field_validator("contact")
    @classmethod
    def _contact_empty_is_none(cls, value: str | None) -> str | None:
        return value or None

    @model_validator(mode="after")
    def _languages_default_to_story_language(self) -> SubmissionIn:
        if not self.consent.languages:
            self.consent.languages = [self.language]
        self.consent.languages = list(dict.fromkeys(self.consent.languages))
        return self


class SubmissionCreated(BaseModel):
    id: str
    status: str
    receipt_code: str
    receipt_code_digits: str
