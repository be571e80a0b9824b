"""Every route of the service, in one place (handlers live in their feature modules)."""

from __future__ import annotations

from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from stories_service import health, openapi, pages
from stories_service.intake import routes as intake
from stories_service.publishing import public_routes as public
from stories_service.publishing import staff_routes as publishing
from stories_service.receipt import routes as receipt
from stories_service.templating import STATIC_DIR
from stories_service.webhooks import routes as webhooks


def build_routes() -> list[BaseRoute]:
    return [
        # Public site (first: the most requested paths match first)
        Route("/feed.json", public.feed_json, methods=["GET", "HEAD"]),
        Route("/feed.atom", public.feed_atom, methods=["GET", "HEAD"]),
        Route("/stories/{slug}", public.story_page, methods=["GET", "HEAD"]),
        Route("/", public.index, methods=["GET", "HEAD"]),
        Route("/api/v1/stories", public.api_stories, methods=["GET", "HEAD"]),
        Route("/api/v1/stories/{slug}", public.api_story, methods=["GET", "HEAD"]),
        Route("/about", pages.home, methods=["GET"]),
        # Service
        Route("/healthz", health.healthz, methods=["GET"]),
        Route("/openapi.json", openapi.openapi_json, methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
        # Survivors: submitting and the receipt code
        Route("/submit", intake.submit_form, methods=["GET"]),
        Route("/submit", intake.submit_form_post, methods=["POST"]),
        Route("/api/v1/submissions", intake.create_submission_api, methods=["POST"]),
        Route("/my-story", receipt.my_story_page, methods=["GET"]),
        Route("/my-story", receipt.my_story_post, methods=["POST"]),
        Route("/api/v1/receipt/status", receipt.receipt_status_api, methods=["POST"]),
        # Editors: publishing
        Route(
            "/api/v1/submissions/{submission_id}/publish",
            publishing.publish_api,
            methods=["POST"],
        ),
        Route("/api/v1/stories/{slug}/unpublish", publishing.unpublish_api, methods=["POST"]),
        # Admins: webhooks
        Route("/api/v1/webhooks", webhooks.list_webhooks, methods=["GET"]),
        Route("/api/v1/webhooks", webhooks.create_webhook, methods=["POST"]),
        Route("/api/v1/webhooks/{endpoint_id:int}", webhooks.webhook_detail, methods=["GET"]),
        Route("/api/v1/webhooks/{endpoint_id:int}", webhooks.delete_webhook, methods=["DELETE"]),
    ]
