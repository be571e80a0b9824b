"""The JSON bodies of the survivor's API: a receipt code, a decision, an attribution."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from moderation.consent import MAX_COMMENT_LENGTH, MAX_DISPLAY_NAME_LENGTH
from moderation.states import Attribution


class ReceiptIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    receipt_code: str = Field(min_length=1, max_length=300)


class ConsentDecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    receipt_code: str = Field(min_length=1, max_length=300)
    decision: Literal["approve", "request_changes"]
    comment: str | None = Field(default=None, max_length=MAX_COMMENT_LENGTH)


class AttributionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    receipt_code: str = Field(min_length=1, max_length=300)
    attribution: Attribution
    display_name: str | None = Field(default=None, max_length=MAX_DISPLAY_NAME_LENGTH)
