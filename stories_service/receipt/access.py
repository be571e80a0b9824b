"""How a survivor reaches their submission: by receipt code (wrong codes throttled, one answer
for every wrong code) or, on /my-story, by the page's signed stand-in for the code."""

from __future__ import annotations

import hmac
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request

from stories_service import throttle
from stories_service.consent.wording import ConsentWording, consented_wording
from stories_service.crypto import FieldCipher
from stories_service.errors import ApiError
from stories_service.http_input import read_form
from stories_service.i18n import lazy_gettext
from stories_service.i18n import lazy_gettext as _l
from stories_service.models import Submission
from stories_service.moderating.consent import chosen_name, newest_consent
from stories_service.publishing.bylines import pending_byline
from stories_service.receipt.service import find_submission_by_code
from stories_service.runtime import client_address, runtime_of

RECEIPT_WINDOW_SECONDS = 900
UNKNOWN_CODE_MESSAGE = _l(
    "We could not find a story with this code. Check the words or digits and try again."
)


async def count_wrong_code(request: Request) -> None:
    """Count one wrong code against the client's address; 429 once more than
    ``receipt_rate_per_15min`` fell in the 15-minute window."""
    settings = runtime_of(request).settings
    key = throttle.throttle_key(settings.secret_key, "receipt", client_address(request, settings))
    await throttle.enforce(key, settings.receipt_rate_per_15min, RECEIPT_WINDOW_SECONDS)


async def submission_for_code(request: Request, raw_code: str) -> Submission:
    """Find, then count only a miss; the same 404 whether the code is malformed, wrong or unknown.

    A right code always opens, even from an address over its limit, and is never counted: people
    behind one shelter network or Tor exit share an address, and one of them mistyping (or a
    stranger guessing) must not keep the others out of their story or their withdrawal. What
    stops guessing is the code's 77.5 bits (``codes``); the limit bounds how many wrong answers
    one address gets.
    """
    submission = await find_submission_by_code(raw_code, runtime_of(request).settings.secret_keys)
    if submission is None:
        await count_wrong_code(request)
        raise ApiError(404, UNKNOWN_CODE_MESSAGE, code="unknown_code")
    return submission


def survivor_text(message: str) -> str:
    """Marks a survivor-facing message for translation: it is translated when shown, in the
    language of the request showing it (an extraction keyword, see the Makefile)."""
    # A LazyProxy passed off as the str it turns into when shown (the callers treat it as text).
    return lazy_gettext(message)  # type: ignore[return-value]


MY_STORY_TOKEN_MAX_AGE = 3600


def _token_serializer(request: Request) -> URLSafeTimedSerializer:
    # itsdangerous signs with the last key and verifies with any: oldest first.
    keys = list(reversed(runtime_of(request).settings.secret_keys))
    return URLSafeTimedSerializer(keys, salt="healing-stories.my-story")


def my_story_token(request: Request, submission: Submission) -> str:
    """A signed, hour-long stand-in for the receipt code, carried in the page's forms.

    The code itself is never shown again after the receipt page; the forms on /my-story carry
    this token in the POST body instead (never in a URL). It is bound to the code's hash, so a
    token stops working if the code is replaced.
    """
    return _token_serializer(request).dumps(
        {"s": str(submission.id), "h": submission.receipt_hash[:16]}
    )


async def submission_for_form_fields(request: Request, form: Any) -> Submission:
    """The submission behind a /my-story form's fields: the signed token, or a typed code."""
    token = str(form.get("receipt_token") or "")
    if not token:
        return await submission_for_code(request, str(form.get("receipt_code") or ""))
    try:
        data = _token_serializer(request).loads(token, max_age=MY_STORY_TOKEN_MAX_AGE)
    except BadSignature:
        raise ApiError(
            403,
            survivor_text("This page has expired. Please enter your receipt code again."),
            code="expired_form",
        ) from None
    submission = await Submission.get_or_none(id=data.get("s"))
    if submission is None or not hmac.compare_digest(
        submission.receipt_hash[:16], str(data.get("h"))
    ):
        raise ApiError(404, UNKNOWN_CODE_MESSAGE, code="unknown_code")
    return submission


async def submission_for_form(request: Request) -> Submission:
    """The submission behind a /my-story form: the page's signed token, or a typed code."""
    return await submission_for_form_fields(request, await read_form(request))


async def wording_consented_to(submission: Submission) -> ConsentWording | None:
    """The consent wording the survivor agreed to, exactly (its version and language, checked
    by hash): v1 for those who consented to v1, whatever the current version is."""
    record = await newest_consent(submission.id)
    if record is None:
        return None
    return consented_wording(record.wording_version, record.wording_language, record.wording_hash)


async def current_attribution(submission: Submission, cipher: FieldCipher) -> dict[str, Any] | None:
    """The attribution in force, the name chosen with it, and whether that name still waits for
    an editor before the published story shows it, for the survivor's own page."""
    record = await newest_consent(submission.id)
    if record is None:
        return None
    return {
        "attribution": str(record.attribution),
        "display_name": chosen_name(record, cipher),
        "awaiting_editor": await pending_byline(submission.id, cipher) is not None,
    }
