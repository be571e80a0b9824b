"""Every route of the service, in one place (handlers live in their feature modules)."""

from __future__ import annotations

from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from stories_service import health, openapi, pages
from stories_service.intake import routes as intake
from stories_service.protection import routes as protection
from stories_service.receipt import routes as receipt
from stories_service.templating import STATIC_DIR


def build_routes() -> list[BaseRoute]:
    return [
        # Service
        Route("/healthz", health.healthz, methods=["GET"]),
        Route("/openapi.json", openapi.openapi_json, methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
        # Public site
        Route("/", pages.home, methods=["GET"]),
        # Survivors: submitting and the receipt code
        Route("/submit", intake.submit_form, methods=["GET"]),
        Route("/submit", intake.submit_form_post, methods=["POST"]),
        Route("/api/v1/submissions", intake.create_submission_api, methods=["POST"]),
        Route("/my-story", receipt.my_story_page, methods=["GET"]),
        Route("/my-story", receipt.my_story_post, methods=["POST"]),
        Route("/api/v1/receipt/status", receipt.receipt_status_api, methods=["POST"]),
        # Survivors: withdrawal and their data (protection)
        Route("/my-story/withdraw", protection.my_story_withdraw, methods=["POST"]),
        Route("/my-story/withdraw/confirm", protection.my_story_withdraw_confirm, methods=["POST"]),
        Route("/my-story/export", protection.my_story_export, methods=["POST"]),
        Route("/api/v1/receipt/withdraw", protection.receipt_withdraw_api, methods=["POST"]),
        Route("/api/v1/receipt/export", protection.receipt_export_api, methods=["POST"]),
        # Public: tombstones of withdrawn stories
        Route("/api/v1/withdrawals", protection.withdrawals_api, methods=["GET"]),
        # Staff: take-down on a survivor's behalf, retention (protection)
        Route(
            "/api/v1/submissions/{submission_id}/withdraw",
            protection.staff_withdraw_api,
            methods=["POST"],
        ),
        Route("/api/v1/retention", protection.retention_api, methods=["GET"]),
    ]
