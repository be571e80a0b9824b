"""Storing a consented submission: encrypted text, the first consent record, the audit event."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from moderation.states import SubmissionState
from stories_service.audit_log import append_audit_event
from stories_service.consent.wording import ConsentWording
from stories_service.crypto import FieldCipher, column_context
from stories_service.intake.schemas import SubmissionIn
from stories_service.models import ConsentRecord, Staff, Submission
from stories_service.receipt import codes
from stories_service.sanitizing import sanitize_story


@dataclass(frozen=True, slots=True)
class StoredSubmission:
    id: uuid.UUID
    receipt_code: str

    def answer(self) -> dict[str, object]:
        return {
            "id": str(self.id),
            "status": SubmissionState.SUBMITTED.value,
            "receipt_code": self.receipt_code,
            "receipt_code_digits": codes.as_digits(self.receipt_code),
        }


def encrypt_submission_fields(
    cipher: FieldCipher, submission_id: uuid.UUID, data: SubmissionIn, body_html: str
) -> dict[str, bytes | None]:
    def ctx(column: str) -> str:
        return column_context("submissions", column, submission_id)

    return {
        "title_enc": cipher.encrypt(data.title, ctx("title")),
        "body_enc": cipher.encrypt(body_html, ctx("body")),
        "contact_enc": cipher.encrypt_optional(data.contact, ctx("contact")),
        "never_appear_enc": (
            cipher.encrypt_json(data.never_appear, ctx("never_appear"))
            if data.never_appear
            else None
        ),
    }


async def store_submission(
    data: SubmissionIn,
    *,
    cipher: FieldCipher,
    secret_key: str,
    wording: ConsentWording,
    staff: Staff | None = None,
    after_store: Callable[[BaseDBAsyncClient, StoredSubmission], Awaitable[None]] | None = None,
    receipt_code: str | None = None,
) -> StoredSubmission:
    """Store one submission and its first consent record atomically; returns the receipt code.

    ``after_store``, when given, is an async callable ``(connection, stored)`` run inside the same
    transaction (the idempotency record goes there, so a duplicate rolls everything back).
    ``receipt_code`` is for the demo seed only (its codes stay the same across reruns); a
    survivor's code is always fresh and random.
    """
    submission_id = uuid.uuid4()
    receipt_code = receipt_code or codes.new_code()
    body_html = await sanitize_story(data.body)  # TooMuchMarkup: nothing stored
    on_behalf = data.on_behalf if staff is not None else None
    # Everything that costs CPU (encryption, hashing, building the rows) is done before the
    # transaction opens: on SQLite the transaction holds the one connection, so other
    # submissions wait for as long as it is open.
    submission = Submission(
        id=submission_id,
        state=SubmissionState.SUBMITTED,
        language=data.language,
        receipt_hash=codes.code_hash(receipt_code, secret_key),
        submitted_by_staff=staff,
        **encrypt_submission_fields(cipher, submission_id, data, body_html),
    )
    consent = ConsentRecord(
        submission_id=submission_id,
        publish=data.consent.publish,
        attribution=data.consent.attribution,
        display_name_enc=cipher.encrypt_optional(
            data.consent.display_name,
            column_context("consent_records", "display_name", submission_id),
        ),
        review_before_publish=data.consent.review_before_publish,
        syndicate=data.consent.syndicate,
        search_indexing=data.consent.search_indexing,
        languages=data.consent.languages,
        wording_version=wording.version,
        wording_language=wording.language,
        wording_hash=wording.sha256,
        recorded_by="staff" if on_behalf else "survivor",
        recorded_by_staff=staff if on_behalf else None,
        attestation_enc=cipher.encrypt_optional(
            on_behalf.attestation if on_behalf else None,
            column_context("consent_records", "attestation", submission_id),
        ),
    )
    async with in_transaction() as connection:
        await submission.save(using_db=connection, force_create=True)
        await consent.save(using_db=connection, force_create=True)
        await append_audit_event(
            connection,
            actor=f"staff:{staff.id}" if staff else "survivor",
            action="submission.create",
            submission_id=submission_id,
            to_state=SubmissionState.SUBMITTED.value,
            data={"consent_record": consent.id, "on_behalf": bool(on_behalf)},
        )
        stored = StoredSubmission(id=submission_id, receipt_code=receipt_code)
        if after_store is not None:
            await after_store(connection, stored)
    return stored
