"""The admin console page for webhooks: endpoints, recent deliveries and failures, registration."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from moderation.states import StaffRole
from stories_service.errors import ApiError
from stories_service.http_input import read_form
from stories_service.models import Staff, WebhookEndpoint
from stories_service.publishing.outbox import EVENT_TYPES
from stories_service.runtime import runtime_of
from stories_service.staff.auth import console
from stories_service.staff.csrf import render_with_csrf
from stories_service.webhooks.admin import (
    EndpointError,
    list_endpoints,
    recent_deliveries,
    register_endpoint,
)


async def _page(
    request: Request,
    staff: Staff,
    *,
    error: str | None = None,
    created: dict[str, object] | None = None,
    status_code: int = 200,
) -> Response:
    return render_with_csrf(
        request,
        "staff/webhooks.html",
        {
            "staff": staff,
            "endpoints": await list_endpoints(),
            "deliveries": await recent_deliveries(limit=50),
            "failures": await recent_deliveries(failed_only=True, limit=50),
            "event_types": EVENT_TYPES,
            "error": error,
            "created": created,
            "notice": request.query_params.get("notice"),
        },
        status_code=status_code,
    )


@console(StaffRole.ADMIN)
async def webhooks_page(request: Request, staff: Staff) -> Response:
    """GET /staff/webhooks."""
    return await _page(request, staff)


@console(StaffRole.ADMIN)
async def webhook_add_post(request: Request, staff: Staff) -> Response:
    """POST /staff/webhooks: register; the page shows the new secret this once."""
    form = await read_form(request)
    events = [str(e) for e in form.getlist("events")]
    runtime = runtime_of(request)
    try:
        endpoint, secret = await register_endpoint(
            runtime.cipher,
            str(form.get("url") or "").strip(),
            events,
            allowed=runtime.settings.webhook_allow_networks,
        )
    except EndpointError as error:
        return await _page(request, staff, error=f"{error.field}: {error.message}", status_code=422)
    return await _page(request, staff, created={"id": endpoint.id, "secret": secret})


@console(StaffRole.ADMIN)
async def webhook_delete_post(request: Request, staff: Staff) -> Response:
    """POST /staff/webhooks/{endpoint_id}/delete."""
    raw = str(request.path_params["endpoint_id"])
    if not raw.isdigit() or int(raw) >= 2**31:
        raise ApiError(404)
    deleted = await WebhookEndpoint.filter(id=int(raw)).delete()
    if not deleted:
        raise ApiError(404, "There is no such webhook endpoint.")
    return RedirectResponse("/staff/webhooks?notice=removed", status_code=303)
