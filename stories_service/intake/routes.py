"""HTTP handlers for submitting a story (thin: parsing, throttling, calling the service)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from babel.support import LazyProxy
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise.backends.base.client import BaseDBAsyncClient

from moderation.markup_limits import TooMuchMarkup
from stories_service import idempotency, throttle
from stories_service.consent.wording import ConsentWording, consent_wording, wording_shown
from stories_service.cross_site import same_site_only
from stories_service.errors import (
    SANITIZER_RETRY_AFTER,
    ApiError,
    sanitizer_unavailable_message,
    too_much_markup_message,
)
from stories_service.http_input import read_json_body, validate, validation_fields
from stories_service.i18n import current_locale, gettext
from stories_service.i18n.languages_by_name import SEPARATORS_NAMED
from stories_service.intake.form import (
    form_errors_for_template,
    form_to_submission,
    language_choices,
)
from stories_service.intake.schemas import SubmissionIn
from stories_service.intake.service import StoredSubmission, store_submission
from stories_service.models import Staff
from stories_service.receipt import codes
from stories_service.runtime import client_address, runtime_of
from stories_service.sanitizing import SanitizerUnavailable
from stories_service.staff.tokens import optional_bearer_staff
from stories_service.templating import render_page

SUBMIT_WINDOW_SECONDS = 3600


async def _throttle_submissions(request: Request) -> None:
    runtime = runtime_of(request)
    settings = runtime.settings
    key = throttle.throttle_key(settings.secret_key, "submit", client_address(request, settings))
    await throttle.enforce(
        key,
        settings.submit_rate_per_hour,
        SUBMIT_WINDOW_SECONDS,
        gettext("Too many stories from here in a short time. Please wait and try again."),
    )


def _check_on_behalf(data: SubmissionIn, staff: Staff | None) -> None:
    if data.on_behalf is not None and staff is None:
        raise ApiError(
            422,
            fields={
                "on_behalf": "Only intake staff with an API token can submit on someone's behalf."
            },
        )
    if staff is not None and data.on_behalf is None:
        raise ApiError(
            422,
            fields={
                "on_behalf": "Staff submitting for a survivor must attest the survivor's consent."
            },
        )


@dataclass(frozen=True)
class _Idempotency:
    """A request's Idempotency-Key (checked) and the scope its record lives in: the staff
    account, or, for anyone without a token, this client alone and only with a strong key."""

    key: str
    scope: str


def _idempotency(request: Request, staff: Staff | None) -> _Idempotency | None:
    """What the request's Idempotency-Key asks to be remembered under; None without a key (then
    nothing is hashed)."""
    raw_key = request.headers.get("idempotency-key")
    if raw_key is None:
        return None
    key = idempotency.check_key(raw_key)
    if staff is not None:
        return _Idempotency(key, f"submissions|{staff.id}")
    idempotency.check_anonymous_key(key)
    settings = runtime_of(request).settings
    client = client_address(request, settings)
    scope = idempotency.anonymous_scope(settings.secret_key, "submissions|public", client)
    return _Idempotency(key, scope)


async def _earlier_answer(
    secret_key: str, asked: _Idempotency | None, fingerprint: str
) -> Response | None:
    """The stored first answer to this Idempotency-Key, replayed; None if there is none."""
    if asked is None:
        return None
    earlier = await idempotency.find_answer(secret_key, asked.key, asked.scope, fingerprint)
    if earlier is None:
        return None
    return JSONResponse(
        earlier.body,
        status_code=earlier.status_code,
        headers={"Idempotency-Replayed": "true", "Cache-Control": "no-store"},
    )


@same_site_only
async def create_submission_api(request: Request) -> Response:
    """POST /api/v1/submissions: a consented submission as JSON; 201 with the receipt code."""
    runtime = runtime_of(request)
    settings = runtime.settings
    staff = await optional_bearer_staff(request)
    asked = _idempotency(request, staff)
    await _throttle_submissions(request)
    payload = await read_json_body(request)
    fingerprint = idempotency.request_fingerprint(await request.body()) if asked else ""
    earlier = await _earlier_answer(settings.secret_key, asked, fingerprint)
    if earlier is not None:
        return earlier
    if not isinstance(payload, dict):
        message = gettext("The body must be a JSON object.")
        raise ApiError(422, message, fields={"body": message})
    data = validate(SubmissionIn, payload)
    _check_on_behalf(data, staff)

    async def remember(connection: BaseDBAsyncClient, stored: StoredSubmission) -> None:
        if asked is not None:
            await idempotency.store_answer(
                connection,
                settings.secret_key,
                asked.key,
                asked.scope,
                fingerprint,
                idempotency.StoredAnswer(201, stored.answer()),
            )

    try:
        stored = await store_submission(
            data,
            cipher=runtime.cipher,
            secret_key=settings.secret_key,
            wording=consent_wording(current_locale()),
            staff=staff,
            after_store=remember,
        )
    except Exception:
        # A concurrent retry with the same key won the race: answer with its result.
        earlier = await _earlier_answer(settings.secret_key, asked, fingerprint)
        if earlier is None:
            raise
        return earlier
    return JSONResponse(
        stored.answer(),
        status_code=201,
        headers={"Cache-Control": "no-store", "Location": "/my-story"},
    )


def _form_context(
    request: Request, values: Mapping[str, object], errors: Mapping[str, str | LazyProxy]
) -> dict[str, object]:
    # The consent questions in the interface language: the record will name this exact text.
    locale = current_locale()
    wording = consent_wording(locale)
    return {
        "values": values,
        "errors": errors,
        "languages": language_choices(locale),
        "separators_named": gettext(SEPARATORS_NAMED),
        "retention_days": runtime_of(request).settings.retention_days,
        "consent_text": wording.sections(),
        "consent_version": wording.version,
        "consent_language": wording.language,
    }


async def submit_form(request: Request) -> Response:
    """GET /submit: the form, nothing pre-ticked."""
    return render_page(request, "submit.html", _form_context(request, {}, {}))


@same_site_only
async def submit_form_post(request: Request) -> Response:
    """POST /submit: store, then show the receipt code once; or re-render with every problem."""
    runtime = runtime_of(request)
    form = await request.form()
    values = {key: form.getlist(key) if key == "languages" else form.get(key) for key in form}
    try:
        await _throttle_submissions(request)
    except ApiError as error:
        return render_page(
            request,
            "submit.html",
            _form_context(request, values, {"form": error.message}),
            status_code=429,
            headers=error.headers,
        )
    wording: ConsentWording = wording_shown(
        form.get("consent_language"), form.get("consent_version"), current_locale()
    )
    data_dict = form_to_submission(form, current_locale(), wording.sections())
    try:
        data = SubmissionIn.model_validate(data_dict)
    except ValidationError as error:
        errors = form_errors_for_template(validation_fields(error), data_dict["consent"])
        return render_page(
            request, "submit.html", _form_context(request, values, errors), status_code=422
        )
    try:
        stored = await store_submission(
            data,
            cipher=runtime.cipher,
            secret_key=runtime.settings.secret_key,
            wording=wording,
        )
    except TooMuchMarkup:
        errors = {"body": too_much_markup_message()}
        return render_page(
            request, "submit.html", _form_context(request, values, errors), status_code=422
        )
    except SanitizerUnavailable:
        return render_page(
            request,
            "submit.html",
            _form_context(request, values, {"form": sanitizer_unavailable_message()}),
            status_code=503,
            headers={"Retry-After": SANITIZER_RETRY_AFTER},
        )
    return render_receipt_page(request, stored.receipt_code, datetime.now(UTC).date())


def render_receipt_page(
    request: Request, receipt_code: str, received_on: date, status_code: int = 201
) -> Response:
    """The receipt page: the code as words and as digits, shown once (or again in another
    language when the survivor switches language on this very page)."""
    return render_page(
        request,
        "receipt.html",
        {
            "receipt_code": receipt_code,
            "receipt_code_digits": codes.as_digits(receipt_code),
            "received_on": received_on,
            "language_switch_fields": {"page": "receipt", "receipt_code": receipt_code},
        },
        status_code=status_code,
    )
