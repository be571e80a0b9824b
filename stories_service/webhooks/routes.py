"""JSON API for webhook endpoints under /api/v1/webhooks (admin bearer token)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from moderation.states import StaffRole
from stories_service.errors import ApiError
from stories_service.http_input import InputText, read_json
from stories_service.models import WebhookEndpoint
from stories_service.runtime import runtime_of
from stories_service.staff.auth import require_api_staff
from stories_service.webhooks.admin import (
    EndpointError,
    endpoint_stats,
    endpoint_view,
    list_endpoints,
    recent_deliveries,
    register_endpoint,
)


class EndpointIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: InputText = Field(min_length=8, max_length=2000)
    events: list[InputText] = Field(min_length=1, max_length=10)
    secret: InputText | None = Field(default=None, max_length=200)


async def _require_admin(request: Request) -> None:
    staff = await require_api_staff(request)
    if staff.role != StaffRole.ADMIN:
        raise ApiError(403, "Only admins manage webhooks.")


async def list_webhooks(request: Request) -> Response:
    """GET /api/v1/webhooks: endpoints with delivery counts."""
    await _require_admin(request)
    return JSONResponse(
        {"endpoints": await list_endpoints()}, headers={"Cache-Control": "no-store"}
    )


async def create_webhook(request: Request) -> Response:
    """POST /api/v1/webhooks: register; the secret is in this answer only."""
    await _require_admin(request)
    body = await read_json(request, EndpointIn)
    runtime = runtime_of(request)
    try:
        endpoint, secret = await register_endpoint(
            runtime.cipher,
            body.url,
            body.events,
            body.secret,
            allowed=runtime.settings.webhook_allow_networks,
        )
    except EndpointError as error:
        raise ApiError(422, fields={error.field: error.message}) from None
    answer = endpoint_view(endpoint)
    answer["secret"] = secret
    return JSONResponse(answer, status_code=201, headers={"Cache-Control": "no-store"})


async def _endpoint(request: Request) -> WebhookEndpoint:
    endpoint_id = int(request.path_params["endpoint_id"])
    if endpoint_id >= 2**31:  # beyond the id column: no such row
        raise ApiError(404, "There is no such webhook endpoint.")
    endpoint = await WebhookEndpoint.get_or_none(id=endpoint_id)
    if endpoint is None:
        raise ApiError(404, "There is no such webhook endpoint.")
    return endpoint


async def webhook_detail(request: Request) -> Response:
    """GET /api/v1/webhooks/{id}: one endpoint and its recent deliveries and failures."""
    await _require_admin(request)
    endpoint = await _endpoint(request)
    answer = endpoint_view(endpoint, await endpoint_stats(endpoint.id))
    answer["recent_deliveries"] = await recent_deliveries(endpoint.id)
    return JSONResponse(answer, headers={"Cache-Control": "no-store"})


async def delete_webhook(request: Request) -> Response:
    """DELETE /api/v1/webhooks/{id}: remove the endpoint and its delivery records."""
    await _require_admin(request)
    endpoint = await _endpoint(request)
    await endpoint.delete()
    return Response(status_code=204)
