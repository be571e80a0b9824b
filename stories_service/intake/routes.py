"""HTTP handlers for submitting a story (thin: parsing, throttling, calling the service)."""

from __future__ import annotations

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from stories_service import idempotency, throttle
from stories_service.consent.wording import consent_wording
from stories_service.errors import ApiError
from stories_service.http_input import read_json_body, validate, validation_fields
from stories_service.intake.form import (
    form_errors_for_template,
    form_to_submission,
    language_choices,
)
from stories_service.intake.schemas import SubmissionIn
from stories_service.intake.service import StoredSubmission, store_submission
from stories_service.models import Staff
from stories_service.runtime import client_address, runtime_of
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
        "Too many stories from here in a short time. Please wait and try again.",
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


async def _earlier_answer(
    secret_key: str, key: str | None, scope: str, fingerprint: str
) -> Response | None:
    """The stored first answer to this Idempotency-Key, replayed; None if there is none."""
    if key is None:
        return None
    earlier = await idempotency.find_answer(secret_key, key, scope, fingerprint)
    if earlier is None:
        return None
    return JSONResponse(
        earlier.body,
        status_code=earlier.status_code,
        headers={"Idempotency-Replayed": "true", "Cache-Control": "no-store"},
    )


async def create_submission_api(request: Request) -> Response:
    """POST /api/v1/submissions: a consented submission as JSON; 201 with the receipt code."""
    runtime = runtime_of(request)
    settings = runtime.settings
    staff = await optional_bearer_staff(request)
    await _throttle_submissions(request)
    raw_key = request.headers.get("idempotency-key")
    key = idempotency.check_key(raw_key) if raw_key is not None else None
    payload = await read_json_body(request)
    fingerprint = idempotency.request_fingerprint(await request.body())
    scope = f"submissions|{staff.id if staff else 'public'}"
    earlier = await _earlier_answer(settings.secret_key, key, scope, fingerprint)
    if earlier is not None:
        return earlier
    if not isinstance(payload, dict):
        raise ApiError(
            422, "The body must be a JSON object.", fields={"body": "Expected an object."}
        )
    data = validate(SubmissionIn, payload)
    _check_on_behalf(data, staff)

    async def remember(connection: object, stored: StoredSubmission) -> None:
        if key is not None:
            await idempotency.store_answer(
                connection,  # type: ignore[arg-type]
                settings.secret_key,
                key,
                scope,
                fingerprint,
                idempotency.StoredAnswer(201, stored.answer()),
            )

    try:
        stored = await store_submission(
            data,
            cipher=runtime.cipher,
            secret_key=settings.secret_key,
            wording=consent_wording("en"),
            staff=staff,
            after_store=remember,
        )
    except Exception:
        # A concurrent retry with the same key won the race: answer with its result.
        earlier = await _earlier_answer(settings.secret_key, key, scope, fingerprint)
        if earlier is None:
            raise
        return earlier
    return JSONResponse(
        stored.answer(),
        status_code=201,
        headers={"Cache-Control": "no-store", "Location": "/my-story"},
    )


def _form_context(values: dict[str, object], errors: dict[str, str]) -> dict[str, object]:
    wording = consent_wording("en")
    return {
        "values": values,
        "errors": errors,
        "languages": language_choices(),
        "consent_text": wording.sections(),
        "consent_version": wording.version,
    }


async def submit_form(request: Request) -> Response:
    """GET /submit: the form, nothing pre-ticked."""
    return render_page(request, "submit.html", _form_context({}, {}))


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
            _form_context(values, {"form": error.message}),
            status_code=429,
            headers=error.headers,
        )
    data_dict = form_to_submission(form)
    try:
        data = SubmissionIn.model_validate(data_dict)
    except ValidationError as error:
        errors = form_errors_for_template(validation_fields(error), data_dict["consent"])  # type: ignore[arg-type]
        return render_page(request, "submit.html", _form_context(values, errors), status_code=422)
    stored = await store_submission(
        data,
        cipher=runtime.cipher,
        secret_key=runtime.settings.secret_key,
        wording=consent_wording("en"),
    )
    answer = stored.answer()
    return render_page(
        request,
        "receipt.html",
        {
            "receipt_code": answer["receipt_code"],
            "receipt_code_digits": answer["receipt_code_digits"],
        },
        status_code=201,
    )
