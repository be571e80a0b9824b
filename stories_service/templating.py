"""The Jinja2 environment (autoescaping everywhere) and the page renderer."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from moderation.console_pages import pages_for_role
from stories_service import i18n
from stories_service.i18n.labels import content_note_label, replaced_detail_labels
from stories_service.i18n.language_tags import text_direction
from stories_service.i18n.languages_by_name import language_name, language_names_in
from stories_service.i18n.middleware import vary_by_language
from stories_service.static_assets import STATIC_DIR as STATIC_DIR
from stories_service.static_assets import static_url
from stories_service.timefmt import staff_time

STAFF_TEMPLATES = "staff/"


def _templates_dir() -> Path:
    """The templates beside the packages in a checkout (or an editable install), else where an
    installed wheel puts them (pyproject.toml, ``data-files``)."""
    checkout = Path(__file__).resolve().parent.parent / "templates"
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "healing-stories" / "templates"


TEMPLATES_DIR = _templates_dir()


def build_templates(directory: Path = TEMPLATES_DIR) -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(directory)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # The callables read the request's locale from a context variable: no per-request globals.
    # (jinja2.ext.i18n adds install_gettext_callables to the Environment at run time: untyped.)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.gettext, i18n.ngettext, newstyle=True
    )
    env.filters["format_date"] = i18n.format_date
    env.filters["format_number"] = i18n.format_number
    env.filters["format_list"] = format_list_html
    env.filters["content_note_label"] = content_note_label
    env.filters["replaced_detail_labels"] = replaced_detail_labels
    env.filters["text_direction"] = text_direction
    env.globals["interface_languages"] = i18n.language_names
    env.globals["static_url"] = static_url
    # The staff console: one date format, and its navigation by role.
    env.filters["staff_time"] = staff_time
    env.globals["console_nav"] = pages_for_role
    # Languages by name in the page's language, for searchable lists (<datalist>).
    env.globals["language_names"] = lambda: language_names_in(i18n.current_locale())
    env.filters["language_name"] = lambda tag: language_name(tag, i18n.current_locale())
    return Jinja2Templates(env=env)


def format_list_html(items: Iterable[object]) -> Markup:
    """``{{ tags|format_list }}``: a list as the page's language writes it (``a, b et c``,
    ``أ وب``), never ``join(", ")``. Items are escaped unless they are markup already (links);
    the separators come from CLDR and are escaped too."""
    parts = [escape(item).replace("\x00", "") for item in items]
    marks = [f"\x00{n}\x00" for n in range(len(parts))]
    joined = escape(i18n.format_list(marks))
    for mark, part in zip(marks, parts, strict=True):
        joined = joined.replace(mark, part)
    return joined


def render_page(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """Render a page in the site layout, in the request's language; never cached by shared
    caches. The staff console (``staff/`` templates) is English-only, whatever the visitor's
    language, so its layout never mirrors around English text."""
    if name.startswith(STAFF_TEMPLATES) and i18n.current_locale() != i18n.DEFAULT_LOCALE:
        with i18n.use_locale(i18n.DEFAULT_LOCALE):
            return render_page(request, name, context, status_code=status_code, headers=headers)
    templates: Jinja2Templates = request.app.state.runtime.templates
    locale = i18n.current_locale()
    ctx: dict[str, Any] = {
        "lang": locale,
        "dir": i18n.text_direction_of(locale),
        "csrf_token": None,
        "here": request.url.path,
        # Hidden fields the language switcher carries, so a page shown after a POST can be
        # shown again in the chosen language (see stories_service/language_switch.py).
        "language_switch_fields": {},
    }
    ctx.update(context or {})
    response = templates.TemplateResponse(
        request, name, ctx, status_code=status_code, headers=headers
    )
    response.headers.setdefault("Cache-Control", "no-store")
    response.headers.setdefault("Content-Language", locale)
    vary_by_language(response.headers)
    return response
