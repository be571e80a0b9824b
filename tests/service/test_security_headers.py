"""Which security headers ``SecurityHeaders.added_to`` puts on which answer (the whole app's
answers are checked in test_http_basics.py and the embed tests; these are the rules alone)."""

from __future__ import annotations

from stories_service.security_headers import RESOURCE_CONTENT_SECURITY_POLICY, SecurityHeaders


def _names(headers: list[tuple[bytes, bytes]]) -> list[bytes]:
    return [name for name, _ in headers]


def test_a_page_gets_the_whole_set_after_its_own_headers() -> None:
    own = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", b"10")]
    headers = SecurityHeaders(https=True).added_to("/stories/x", own)
    assert headers[:2] == own
    assert {b"x-frame-options", b"referrer-policy", b"strict-transport-security"} <= set(
        _names(headers)
    )


def test_json_gets_only_what_acts_on_a_resource() -> None:
    headers = SecurityHeaders(https=False).added_to(
        "/feed.json", [(b"content-type", b"application/feed+json")]
    )
    assert dict(headers)[b"content-security-policy"] == RESOURCE_CONTENT_SECURITY_POLICY.encode()
    assert b"x-frame-options" not in _names(headers)
    assert b"strict-transport-security" not in _names(headers)  # plain HTTP


def test_an_answer_without_a_type_is_treated_as_a_document() -> None:
    headers = SecurityHeaders(https=False).added_to("/x", [(b"content-length", b"0")])
    assert b"x-frame-options" in _names(headers)


def test_a_header_the_route_set_itself_is_kept_and_not_repeated() -> None:
    own = [(b"content-type", b"text/html"), (b"referrer-policy", b"same-origin")]
    headers = SecurityHeaders(https=False).added_to("/page", own)
    assert _names(headers).count(b"referrer-policy") == 1
    assert dict(headers)[b"referrer-policy"] == b"same-origin"
    assert b"content-security-policy" in _names(headers)


def test_an_embed_may_be_framed_by_the_configured_sites_only() -> None:
    headers = SecurityHeaders(https=False, embed_origins=("https://example.org",)).added_to(
        "/embed/stories/x", [(b"content-type", b"text/html")]
    )
    policy = dict(headers)[b"content-security-policy"]
    assert b"frame-ancestors 'self' https://example.org" in policy
    assert b"x-frame-options" not in _names(headers)
