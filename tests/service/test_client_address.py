from __future__ import annotations

from pathlib import Path

from starlette.requests import Request

from stories_service.runtime import client_address
from tests.conftest import make_settings


def request_with(forwarded: str | None) -> Request:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
    return Request({"type": "http", "headers": headers, "client": ("10.0.0.1", 1234)})


def test_forwarded_for_is_ignored_unless_trusted(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, "sqlite://x")
    assert client_address(request_with("1.2.3.4"), settings) == "10.0.0.1"


def test_trusted_proxy_entry_is_the_rightmost(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, "sqlite://x", trust_forwarded_for=True)
    assert client_address(request_with("6.6.6.6, 198.51.100.9"), settings) == "198.51.100.9"
    assert client_address(request_with(None), settings) == "10.0.0.1"
