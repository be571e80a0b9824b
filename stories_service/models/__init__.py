"""Tortoise models for the whole lifecycle; Tortoise discovers them through this package."""

from stories_service.models.audit import AuditEvent
from stories_service.models.infra import ChangeCounter, IdempotencyRecord, JobLease, ThrottleBucket
from stories_service.models.organisation import OrganisationTerm
from stories_service.models.publishing import (
    OutboxEvent,
    PublicChange,
    PublishedStory,
    Tombstone,
    WebhookDelivery,
    WebhookEndpoint,
)
from stories_service.models.staff import ApiToken, Staff, StaffSession
from stories_service.models.submissions import ConsentRecord, Revision, Submission
from stories_service.models.wellbeing import StoryRead

__all__ = [
    "ApiToken",
    "AuditEvent",
    "ChangeCounter",
    "ConsentRecord",
    "IdempotencyRecord",
    "JobLease",
    "OrganisationTerm",
    "OutboxEvent",
    "PublicChange",
    "PublishedStory",
    "Revision",
    "Staff",
    "StaffSession",
    "StoryRead",
    "Submission",
    "ThrottleBucket",
    "Tombstone",
    "WebhookDelivery",
    "WebhookEndpoint",
]
