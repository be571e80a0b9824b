"""The nginx and Caddy rules in docs/deploy.md serve the static export as ``resolve()`` does
(issue 16 #6): their query maps name the same page files, and their locations cover every
listing and document; ``nginx -t`` and ``caddy validate`` check them where those are installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from stories_service.publishing.static_layout import DOCUMENTS, LISTINGS, page_key
from tests.conftest import ROOT

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
    arguments = dict(part.split("=", 1) for part in query.split("&") if "=" in part)
    for line in block[1].strip().splitlines():
        source, value = line.split()
        value = re.sub(r"\{query\.(\w+)\}", lambda m: arguments.get(m[1], ""), value.strip('"'))
        if source == "default" or re.search(source.removeprefix("~"), query):
            return value
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


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed here")
def test_nginx_accepts_the_rules(tmp_path: Path) -> None:
    mime_types = Path("/etc/nginx/mime.types")
    site = NGINX.replace("listen 443 ssl;", "listen 127.0.0.1:18080;").replace(
        "/srv/healing-stories/site", str(tmp_path / "site")
    )
    (tmp_path / "site").mkdir()
    config = tmp_path / "nginx.conf"
    include = f"include {mime_types};" if mime_types.exists() else ""
    config.write_text(f"events {{}}\nhttp {{\n{include}\n{site}\n}}\n")
    result = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(config), "-g", "pid nginx.pid;"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("caddy") is None, reason="caddy is not installed here")
def test_caddy_accepts_the_rules(tmp_path: Path) -> None:
    config = tmp_path / "Caddyfile"
    config.write_text(CADDY.replace("stories.example.org", "http://127.0.0.1:18081"))
    result = subprocess.run(
        ["caddy", "validate", "--adapter", "caddyfile", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
