"""Webhooks reach no internal address (issue 14 #3): a real receiver on loopback is refused at
registration and when connecting, unless its network is allow-listed (the test settings allow
loopback: tests/conftest.py); admins see fixed reasons and status codes, never exceptions."""

from __future__ import annotations

from datetime import UTC, datetime
from ipaddress import ip_network

import pytest

from stories_service.models import WebhookDelivery
from stories_service.webhooks.jobs import run_dispatcher_once
from stories_service.webhooks.transport import AddressRefused, webhook_client
from tests.publishing.factories import bearer, publish_story, staff_token
from tests.publishing.test_webhooks import Receiver, _register
from tests.staffing import make_staff, sign_in

INTERNAL = [
    "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "http://[fd00:ec2::254]/",
    "http://10.0.0.5:8080/",
    "http://0x7f000001:22/",
    "http://2130706433/",
    "http://127.1:5432/",
    "http://[::ffff:127.0.0.1]:8000/",
    "http://[fe80::1%25eth0]/",
    "http://localhost:6379/",
    "http://0.0.0.0:8000/",
]


async def _retry_now(runtime) -> None:
    await WebhookDelivery.filter(status="pending").update(next_attempt_at=datetime.now(UTC))
    await run_dispatcher_once(runtime)


async def test_internal_addresses_are_refused_at_registration(client, override_settings):
    override_settings(webhook_allow_networks=())
    admin = await staff_token("admin")
    for url in INTERNAL:
        answer = await client.post(
            "/api/v1/webhooks", json={"url": url, "events": ["*"]}, headers=bearer(admin)
        )
        assert answer.status_code == 422, url
        assert "may not reach" in answer.json()["error"]["fields"]["url"], url
    staff = await make_staff("admin")
    csrf = await sign_in(client, staff)
    page = await client.post(
        "/staff/webhooks",
        data={"csrf_token": csrf, "url": "http://2130706433/", "events": ["story.published"]},
    )
    assert page.status_code == 422
    assert "may not reach (loopback)" in page.text


async def test_a_loopback_receiver_is_refused_unless_allow_listed(
    client, runtime, override_settings, editor_token
):
    allowed = runtime.settings.webhook_allow_networks
    assert allowed, "the test settings allow loopback"
    with Receiver(refuse=0) as receiver:
        override_settings(webhook_allow_networks=())
        refused = await client.post(
            "/api/v1/webhooks",
            json={"url": receiver.url, "events": ["*"]},
            headers=bearer(await staff_token("admin")),
        )
        assert refused.status_code == 422
        assert "loopback" in refused.json()["error"]["fields"]["url"]

        # Registered while allowed, by address and by a name that resolves to loopback; then
        # the allow-list is taken away: the connection itself is refused, nothing is sent.
        override_settings(webhook_allow_networks=allowed)
        port = receiver.server.server_address[1]
        by_address = await _register(client, receiver.url, ["story.published"])
        by_name = await _register(client, f"http://localhost:{port}/hooks", ["story.published"])
        await publish_story(client, runtime.cipher, editor_token)
        override_settings(webhook_allow_networks=())
        await run_dispatcher_once(runtime)
        assert receiver.requests == []
        for endpoint in (by_address, by_name):
            delivery = await WebhookDelivery.get(endpoint_id=endpoint["id"])
            assert delivery.status == "pending" and delivery.attempts == 1
            assert delivery.last_error == "refused address"
            assert delivery.last_status_code is None
        detail = await client.get(
            f"/api/v1/webhooks/{by_name['id']}", headers=bearer(by_name["admin"])
        )
        assert detail.json()["recent_deliveries"][0]["last_error"] == "refused address"

        # The same receiver, allow-listed again, gets both deliveries.
        override_settings(webhook_allow_networks=allowed)
        await _retry_now(runtime)
    assert len(receiver.requests) == 2
    assert await WebhookDelivery.filter(status="delivered").count() == 2


async def test_the_delivery_client_refuses_the_connection_itself():
    with Receiver(refuse=0) as receiver:
        async with webhook_client(()) as refusing:
            with pytest.raises(AddressRefused):
                await refusing.post(receiver.url, content=b"{}")
        async with webhook_client(()) as refusing:
            with pytest.raises(AddressRefused):
                await refusing.post(receiver.url.replace("127.0.0.1", "localhost"))
        assert receiver.requests == []
        allowed = (ip_network("127.0.0.0/8"),)
        async with webhook_client(allowed) as client:
            answer = await client.post(receiver.url, content=b"{}", headers={"webhook-id": "x"})
        assert answer.status_code == 200
        assert len(receiver.requests) == 1
        assert receiver.requests[0][0]["host"] == receiver.url.split("/")[2]  # the URL's host


async def test_a_redirect_is_not_followed_and_shows_its_status(client, runtime, editor_token):
    with (
        Receiver(refuse=0) as target,
        Receiver(refuse=0, status_after=302, location=target.url) as redirecting,
    ):
        endpoint = await _register(client, redirecting.url, ["story.published"])
        await publish_story(client, runtime.cipher, editor_token)
        await run_dispatcher_once(runtime)
    assert len(redirecting.requests) == 1 and target.requests == []
    delivery = await WebhookDelivery.get(endpoint_id=endpoint["id"])
    assert (delivery.status, delivery.last_status_code, delivery.last_error) == (
        "pending",
        302,
        "HTTP 302",
    )


async def test_a_closed_port_reads_could_not_connect(client, runtime, editor_token):
    endpoint = await _register(client, "http://127.0.0.1:9/closed", ["story.published"])
    await publish_story(client, runtime.cipher, editor_token)
    await run_dispatcher_once(runtime)
    delivery = await WebhookDelivery.get(endpoint_id=endpoint["id"])
    assert delivery.last_error == "could not connect"
    assert delivery.last_status_code is None
