"""The admin console page for webhooks: register, see deliveries and failures, remove."""

from __future__ import annotations

import re

from stories_service.models import WebhookEndpoint
from stories_service.webhooks.jobs import run_dispatcher_once
from tests.publishing.factories import publish_story
from tests.staffing import csrf_from, make_staff, sign_in


async def test_admin_registers_an_endpoint_and_sees_its_failures(client, runtime):
    admin = await make_staff("admin")
    csrf = await sign_in(client, admin)
    page = await client.get("/staff/webhooks")
    assert page.status_code == 200
    assert "No endpoints yet" in page.text
    refused = await client.post(
        "/staff/webhooks", data={"url": "http://127.0.0.1:9/hook", "events": ["story.published"]}
    )
    assert refused.status_code == 403  # no CSRF token
    created = await client.post(
        "/staff/webhooks",
        data={
            "csrf_token": csrf,
            "url": "http://127.0.0.1:9/hook",
            "events": ["story.published", "story.withdrawn"],
        },
    )
    assert created.status_code == 200
    secret = re.search(r"<code>(whsec_[^<]+)</code>", created.text).group(1)
    endpoint = await WebhookEndpoint.get(url="http://127.0.0.1:9/hook")
    assert endpoint.events == ["story.published", "story.withdrawn"]
    assert secret.encode() not in endpoint.secret_enc  # stored encrypted
    assert secret not in (await client.get("/staff/webhooks")).text  # shown once only

    editor = await make_staff("editor")
    await publish_story(client, runtime.cipher, editor.token)
    await run_dispatcher_once(runtime)  # port 9 refuses: a failure to show
    page = (await client.get("/staff/webhooks")).text
    failures = page[page.index('id="failures"') :]
    assert "story.published" in failures and "could not connect" in failures
    assert "ConnectError" not in failures  # a fixed reason, never an exception's name

    bad = await client.post(
        "/staff/webhooks", data={"csrf_token": csrf, "url": "ftp://x.example", "events": []}
    )
    assert bad.status_code == 422

    removed = await client.post(
        f"/staff/webhooks/{endpoint.id}/delete", data={"csrf_token": csrf_from(page)}
    )
    assert removed.status_code == 303
    assert not await WebhookEndpoint.filter(id=endpoint.id).exists()


async def test_the_webhooks_page_is_for_admins_only(client):
    editor = await make_staff("editor")
    anonymous = await client.get("/staff/webhooks")
    assert anonymous.status_code == 303
    await sign_in(client, editor)
    assert (await client.get("/staff/webhooks")).status_code == 403
