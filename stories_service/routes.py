"""Every route of the service, in one place (handlers live in their feature modules)."""

from __future__ import annotations

from starlette.routing import BaseRoute, Mount, Route

from stories_service import health, language_switch, openapi, openapi_docs, pages
from stories_service.console import admin as staff_admin
from stories_service.console import api as staff_api
from stories_service.console import dashboard
from stories_service.console import organisation_terms as org_terms
from stories_service.console import pages as console
from stories_service.intake import routes as intake
from stories_service.metrics import endpoint as metrics
from stories_service.protection import console as protection_console
from stories_service.protection import routes as protection
from stories_service.publishing import embed_routes as embeds
from stories_service.publishing import public_routes as public
from stories_service.publishing import seo_routes as seo
from stories_service.publishing import staff_routes as publishing
from stories_service.receipt import routes as receipt
from stories_service.static_assets import STATIC_DIR, VersionedStaticFiles
from stories_service.webhooks import console as webhooks_console
from stories_service.webhooks import routes as webhooks


def build_routes() -> list[BaseRoute]:
    return [
        # Public site (first: the most requested paths match first)
        Route("/feed.json", public.feed_json, methods=["GET", "HEAD"]),
        Route("/feed.atom", public.feed_atom, methods=["GET", "HEAD"]),
        Route("/stories/{slug}", public.story_page, methods=["GET", "HEAD"]),
        Route("/", public.index, methods=["GET", "HEAD"]),
        Route("/api/v1/stories", public.api_stories, methods=["GET", "HEAD"]),
        Route("/api/v1/changes", public.api_changes, methods=["GET", "HEAD"]),
        Route("/api/v1/content-notes", public.api_content_notes, methods=["GET", "HEAD"]),
        Route("/api/v1/stories/{slug}", public.api_story, methods=["GET", "HEAD"]),
        Route("/about", pages.home, methods=["GET"]),
        # Public: for other sites (embeds, oEmbed) and for search engines
        Route("/embed/stories", embeds.embed_index, methods=["GET", "HEAD"]),
        Route("/embed/stories/{slug}", embeds.embed_story, methods=["GET", "HEAD"]),
        Route("/oembed", embeds.oembed, methods=["GET", "HEAD"]),
        Route("/sitemap.xml", seo.sitemap, methods=["GET", "HEAD"]),
        Route("/robots.txt", seo.robots, methods=["GET", "HEAD"]),
        # Service
        Route("/healthz", health.healthz, methods=["GET"]),
        Route("/readyz", health.readyz, methods=["GET"]),
        Route("/openapi.json", openapi.openapi_json, methods=["GET"]),
        Route("/api/docs", openapi_docs.api_docs, methods=["GET", "HEAD"]),
        Route("/metrics", metrics.metrics, methods=["GET"]),
        Mount("/static", VersionedStaticFiles(directory=STATIC_DIR), name="static"),
        # The interface language (the switcher on every survivor page)
        Route("/language", language_switch.choose_language, methods=["POST"]),
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
        Route("/staff/retention", protection_console.retention_page, methods=["GET"]),
        Route("/api/v1/receipt/consent", receipt.receipt_consent_api, methods=["POST"]),
        Route("/api/v1/receipt/attribution", receipt.receipt_attribution_api, methods=["POST"]),
        # Staff console (HTML; signed session cookie, CSRF token on every POST)
        Route("/staff/login", console.login_page, methods=["GET"]),
        Route("/staff/login", console.login_post, methods=["POST"]),
        Route("/staff/logout", console.logout_post, methods=["POST"]),
        Route("/staff", console.queue_page, methods=["GET"]),
        Route("/staff/approvals", console.approvals_page, methods=["GET"]),
        Route("/staff/dashboard", dashboard.dashboard_page, methods=["GET"]),
        Route("/staff/queue/claim-next", console.claim_next_post, methods=["POST"]),
        Route("/staff/submissions/{submission_id}", console.workspace_page, methods=["GET"]),
        Route("/staff/submissions/{submission_id}/save", console.save_post, methods=["POST"]),
        Route("/staff/submissions/{submission_id}/compare", console.compare_page, methods=["GET"]),
        Route(
            "/staff/submissions/{submission_id}/{action:str}",
            console.action_post,
            methods=["POST"],
        ),
        Route("/staff/audit", staff_admin.audit_page, methods=["GET"]),
        Route("/staff/admin", staff_admin.staff_admin_page, methods=["GET"]),
        Route("/staff/admin/staff", staff_admin.staff_add_post, methods=["POST"]),
        Route("/staff/admin/staff/{staff_id}/role", staff_admin.staff_role_post, methods=["POST"]),
        Route(
            "/staff/admin/staff/{staff_id}/deactivate",
            staff_admin.staff_deactivate_post,
            methods=["POST"],
        ),
        Route(
            "/staff/admin/tokens/{token_id}/revoke", staff_admin.token_revoke_post, methods=["POST"]
        ),
        # The organisation's list of terms to redact in every story (issue 15 #4)
        Route("/staff/admin/terms", org_terms.terms_page, methods=["GET"]),
        Route("/staff/admin/terms", org_terms.term_add_post, methods=["POST"]),
        Route("/staff/admin/terms/bulk", org_terms.term_bulk_post, methods=["POST"]),
        Route("/staff/admin/terms/{term_id}/remove", org_terms.term_remove_post, methods=["POST"]),
        # Staff JSON API: the moderation workflow
        Route("/api/v1/queue", staff_api.queue_api, methods=["GET"]),
        Route("/api/v1/queue/claim-next", staff_api.claim_next_api, methods=["POST"]),
        Route("/api/v1/audit", staff_api.audit_api, methods=["GET"]),
        Route("/api/v1/submissions/{submission_id}", staff_api.submission_api, methods=["GET"]),
        *[
            Route(f"/api/v1/submissions/{{submission_id}}/{name}", handler, methods=[method])
            for name, handler, method in [
                ("claim", staff_api.claim_api, "POST"),
                ("release", staff_api.release_api, "POST"),
                ("revise", staff_api.revise_api, "POST"),
                ("suggestions", staff_api.suggestions_api, "GET"),
                ("revisions", staff_api.revisions_api, "POST"),
                ("compare", staff_api.compare_api, "GET"),
                ("send-for-consent", staff_api.send_for_consent_api, "POST"),
                ("skip-consent", staff_api.skip_consent_api, "POST"),
                ("approve", staff_api.approve_api, "POST"),
                ("send-back", staff_api.send_back_api, "POST"),
                ("reject", staff_api.reject_api, "POST"),
            ]
        ],
        # Editors: publishing
        Route(
            "/api/v1/submissions/{submission_id}/publish",
            publishing.publish_api,
            methods=["POST"],
        ),
        Route("/api/v1/stories/{slug}/unpublish", publishing.unpublish_api, methods=["POST"]),
        Route(
            "/api/v1/submissions/{submission_id}/confirm-byline",
            publishing.confirm_byline_api,
            methods=["POST"],
        ),
        # Admins: webhooks
        Route("/api/v1/webhooks", webhooks.list_webhooks, methods=["GET"]),
        Route("/api/v1/webhooks", webhooks.create_webhook, methods=["POST"]),
        Route("/api/v1/webhooks/{endpoint_id:int}", webhooks.webhook_detail, methods=["GET"]),
        Route("/api/v1/webhooks/{endpoint_id:int}", webhooks.delete_webhook, methods=["DELETE"]),
        Route("/staff/webhooks", webhooks_console.webhooks_page, methods=["GET"]),
        Route("/staff/webhooks", webhooks_console.webhook_add_post, methods=["POST"]),
        Route(
            "/staff/webhooks/{endpoint_id}/delete",
            webhooks_console.webhook_delete_post,
            methods=["POST"],
        ),
    ]
