"""The nginx and Caddy rules in docs/deploy.md serve the static export as ``resolve()`` does
(issue 16 #6): their query maps name the same page files, and their locations cover every
listing and document; and nginx and Caddy (``make proxy-deps``), run with them over a real
export, answer each URL as ``resolve()`` says, which the mirror test compares with the live site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from stories_service.models import PublishedStory, Tombstone
from stories_service.publishing.static_export import export_static
from stories_service.publishing.static_layout import DOCUMENTS, LISTINGS, page_key, resolve
from tests.conftest import ROOT
from tests.publishing.factories import publish_story
from tests.servers import free_port, live_client, spawned_server

DEPLOY = (ROOT / "docs" / "deploy.md").read_text("utf-8")
SECTION = DEPLOY.split("## Serving the static export", 1)[1].split("\n## ", 1)[0]
NGINX = re.search(r"```nginx\n(.*?)```", SECTION, re.S)[1]  # type: ignore[index]
CADDY = re.search(r"```caddyfile\n(.*?)```", SECTION, re.S)[1]  # type: ignore[index]
QUERIES = [
    "",
    "after=eyJhIjoxfQ",
    "before=abc_-9",
    "since=YzEuMTI",
    "after=abc&before=def",
    "lang=ar",
    "tag=grief",
    "limit=5",
    "after=../../stories/x",
    "after=",
    "utm_source=mail",
    "since=abc%3D",
]


def _nginx_page(query: str) -> str:
    """What the documented nginx ``map $args $hs_page`` gives for ``query``."""
    block = re.search(r"map \$args \$hs_page \{(.*?)\n\}", NGINX, re.S)
    assert block is not None
    arguments = dict(part.split("=", 1) for part in query.split("&") if "=" in part)
    default = None
    for line in block[1].strip().splitlines():
        source, value = [a or b for a, b in re.findall(r'"([^"]*)"|([^\s;]+)', line)][:2]
        value = re.sub(r"\$arg_(\w+)", lambda m: arguments.get(m[1], ""), value)
        if source == "default":
            default = value
        elif source == query or (source.startswith("~") and re.search(source[1:], query)):
            return value
    assert default is not None
    return default


def _caddy_page(query: str) -> str:
    block = re.search(r"map \{query\} \{hs_page\} \{(.*?)\n\t\}", CADDY, re.S)
    assert block is not None
    for line in block[1].strip().splitlines():
        source, value = line.split()
        if source == "default":
            return value.strip('"')
        found = re.search(source.removeprefix("~"), query)
        if found:
            return re.sub(r"\$\{(\d)\}", lambda m, found=found: found[int(m[1])], value.strip('"'))
    raise AssertionError("no default in the Caddy map")


@pytest.mark.parametrize("query", QUERIES)
def test_the_query_maps_name_the_page_resolve_serves(query: str) -> None:
    key = page_key(query)
    assert _nginx_page(query) == ("/" + key if key else "/none"), query
    assert _caddy_page(query) == (key if key else "none"), query


def _nginx_location_for(path: str) -> str:
    """The location nginx picks for ``path`` (exact, then ^~ prefixes, then regexes, then the
    longest plain prefix), as ``"kind pattern"``."""
    locations = re.findall(r"^\s*location\s+(=|\^~|~)?\s*(\S+)\s*\{", NGINX, re.M)
    for kind, pattern in locations:
        if kind == "=" and pattern == path:
            return f"= {pattern}"
    prefixes = [p for k, p in locations if k == "^~" and path.startswith(p)]
    if prefixes:
        return f"^~ {max(prefixes, key=len)}"
    for kind, pattern in locations:
        if kind == "~" and re.search(pattern, path):
            return f"~ {pattern}"
    plain = [p for k, p in locations if not k and path.startswith(p)]
    return f" {max(plain, key=len)}" if plain else "none"


def test_the_rules_give_every_listing_and_document_its_own_place() -> None:
    for path in LISTINGS:
        assert _nginx_location_for(path) not in {" /", "none"}, path
        assert re.search(rf"(handle|path)[^\n]*\s{re.escape(path)}(\s|$)", CADDY), path
    for prefix, (_type, gone_body) in DOCUMENTS.items():
        assert _nginx_location_for(prefix + "AAAAAAAAAA") == f"^~ {prefix}"
        block = NGINX.split(f"location ^~ {prefix} {{", 1)[1].split("}\n", 1)[0]
        assert f"error_page 410 /{gone_body};" in block
        assert "_export/gone$uri" in block
        assert f"handle {prefix}* {{" in CADDY
    assert _nginx_location_for("/_export/pages/first") == "^~ /_export/"
    assert _nginx_location_for("/submit") == " /"  # "location / { return 404; }"
    assert _nginx_location_for("/static/site.css") == "^~ /static/"


def _nginx_config(folder: Path, root: Path, port: int) -> list[str]:
    site = NGINX.replace("listen 443 ssl;", f"listen 127.0.0.1:{port};")
    site = site.replace("/srv/healing-stories/site", str(root))
    temp = "\n".join(
        f"{kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root root;" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"""{user}
worker_processes 1;
pid {folder / "nginx.pid"};
events {{ worker_connections 64; }}
http {{
    types {{ text/html html; text/css css; application/json json; image/svg+xml svg;
             application/javascript js; }}
    default_type application/octet-stream;
    {temp}
    {site}
}}
"""
    )
    return [str(NGINX_BIN), "-p", str(folder), "-c", str(folder / "nginx.conf")]


def _caddy_config(folder: Path, root: Path, port: int) -> list[str]:
    site = CADDY.replace("stories.example.org {", f"http://127.0.0.1:{port} {{")
    site = site.replace("/srv/healing-stories/site", str(root))
    options = f"{{\n\tadmin off\n\tstorage file_system {folder / 'data'}\n}}\n"
    (folder / "Caddyfile").write_text(options + site)
    return [str(CADDY_BIN), "run", "--config", str(folder / "Caddyfile"), "--adapter", "caddyfile"]


def _binary(path: Path, name: str) -> Path | None:
    found = path if path.exists() else shutil.which(name)
    return Path(found) if found else None


NGINX_BIN = _binary(Path(sys.prefix) / "nginx" / "usr" / "sbin" / "nginx", "nginx")
CADDY_BIN = _binary(Path(sys.executable).parent / "caddy", "caddy")
SERVERS = {
    "nginx": (NGINX_BIN, _nginx_config),
    "caddy": (CADDY_BIN, _caddy_config),
}


@pytest.mark.parametrize("server", sorted(SERVERS))
def test_the_server_accepts_the_rules(server: str, tmp_path: Path) -> None:
    binary, configure = SERVERS[server]
    if binary is None:
        pytest.skip(f"{server} is not installed here (make proxy-deps)")
    command = configure(tmp_path, tmp_path / "site", free_port())
    (tmp_path / "site").mkdir()
    check = (
        [*command, "-t", "-g", "daemon off;"]
        if server == "nginx"
        else [str(binary), "validate", *command[2:]]
    )
    result = subprocess.run(check, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr + result.stdout


def _synthetic_pages(root: Path) -> None:
    """Page files a big site would have (the rules, not the data, are under test here)."""
    pages = root / "_export" / "pages"
    for listing in ("", "/feed.json", "/feed.atom", "/api/v1/stories"):
        first = (pages / listing.lstrip("/") / "first").read_bytes()
        for key in ("after/Q3Vyc29y", "before/Q3Vyc29y"):
            target = pages / listing.lstrip("/") / key
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(first + key.encode())


async def test_nginx_and_caddy_serve_the_export_as_resolve_does(
    client, runtime, editor_token, tmp_path
):
    available = {name: binary for name, (binary, _) in SERVERS.items() if binary is not None}
    if not available:
        pytest.skip("neither nginx nor caddy is installed here (make proxy-deps)")
    public = await publish_story(client, runtime.cipher, editor_token, title="Shown")
    gone = await publish_story(client, runtime.cipher, editor_token, title="Gone")
    stone = await PublishedStory.get(slug=gone["slug"])
    await PublishedStory.filter(id=stone.id).delete()
    await Tombstone.create(slug=stone.slug, entry_id=stone.entry_id, withdrawn_at=datetime.now(UTC))
    root = tmp_path / "site"
    await export_static(root, runtime.templates.env, "https://stories.example.org")
    _synthetic_pages(root)
    since = sorted((root / "_export/pages/api/v1/changes/since").iterdir())[0].name
    urls = [
        "/", "/?after=Q3Vyc29y", "/?before=Q3Vyc29y", "/?utm_source=mail", "/?after=bGF0ZXI",
        "/feed.json", "/feed.json?after=Q3Vyc29y", "/feed.json?lang=ar", "/feed.atom",
        "/feed.atom?before=Q3Vyc29y", "/api/v1/stories", "/api/v1/stories?after=Q3Vyc29y",
        "/api/v1/stories?limit=5", "/api/v1/changes", f"/api/v1/changes?since={since}",
        "/api/v1/changes?since=bm90LWhlbGQ", "/api/v1/withdrawals", "/api/v1/content-notes",
        f"/stories/{public['slug']}", f"/stories/{stone.slug}", "/stories/AAAAAAAAAA",
        f"/api/v1/stories/{public['slug']}", f"/api/v1/stories/{stone.slug}",
        "/static/site.css", "/static/site.css?v=0123456789ab", "/static/favicon.svg",
        "/_export/gone.txt", "/_export/pages/first", "/submit", "/index.html", "/my-story",
    ]  # fmt: skip
    for name, (_binary_path, configure) in SERVERS.items():
        if name not in available:
            continue
        folder = tmp_path / name
        folder.mkdir()
        port = free_port()
        command = configure(folder, root, port)
        if name == "nginx":
            command += ["-g", "daemon off;", "-e", str(folder / "error.log")]
        with spawned_server(command, port, ready_path="/"):
            async with live_client(base_url=f"http://127.0.0.1:{port}") as http:
                failures = [f for url in urls if (f := await _compare(http, root, url, name))]
        assert not failures, failures


async def _compare(http: httpx.AsyncClient, root: Path, url: str, server: str) -> str | None:
    """What differs between the server's answer and ``resolve()``'s (None: nothing)."""
    path, _, query = url.partition("?")
    expected = resolve(root, path, query)
    answer = await http.get(url)
    if answer.status_code != expected.status:
        return f"{server} {url}: {answer.status_code}, not {expected.status}"
    if expected.file is None:
        return None
    if answer.headers.get("content-type") != expected.content_type:
        return f"{server} {url}: {answer.headers.get('content-type')}"
    if answer.content != (root / expected.file).read_bytes():
        return f"{server} {url}: not the bytes of {expected.file}"
    long = "immutable" in answer.headers.get("cache-control", "")
    if path.startswith("/static/") and long != ("v=" in query):
        return f"{server} {url}: Cache-Control {answer.headers.get('cache-control')}"
    return None
