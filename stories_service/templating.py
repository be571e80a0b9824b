"""The Jinja2 environment (autoescaping everywhere) and the page renderer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"


def build_templates(directory: Path = TEMPLATES_DIR) -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(directory)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    return Jinja2Templates(env=env)


def render_page(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """Render a page in the site layout; pages are never cached by shared caches."""
    templates: Jinja2Templates = request.app.state.runtime.templates
    ctx: dict[str, Any] = {"lang": "en", "dir": "ltr", "csrf_token": None}
    ctx.update(context or {})
    response = templates.TemplateResponse(
        request, name, ctx, status_code=status_code, headers=headers
    )
    response.headers.setdefault("Cache-Control", "no-store")
    return response  # type: ignore[return-value]
