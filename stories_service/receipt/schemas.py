"""The JSON bodies of the survivor's API: a receipt code, a decision, an attribution."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from moderation.consent import MAX_COMMENT_LENGTH, MAX_DISPLAY_NAME_LENGTH
from moderation.states import Attribution
from stories_service.http_input import InputLabel, InputText


class ReceiptIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    receipt_code: InputText = Field(min_length=1, max_length=300)


class ConsentDecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    receipt_code: InputText = Field(min_length=1, max_length=300)
    decision: Literal["approve", "request_changes"]
    comment: InputText | None = Field(default=None, max_length=MAX_COMMENT_LENGTH)


class AttributionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    receipt_code: InputText = Field(min_length=1, max_length=300)
    attribution: Attribution
    display_name: InputLabel | None = Field(default=None, max_length=MAX_DISPLAY_NAME_LENGTH)
