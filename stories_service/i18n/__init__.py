"""The survivor's interface language: catalogues, per-request choice, lazy messages, formatting.

Adding a language means adding one catalogue (``stories_service/locale/<code>/LC_MESSAGES/
messages.po``) and one consent wording file; see ``docs/i18n.md``.
"""

from stories_service.i18n.catalogues import (
    DEFAULT_LOCALE,
    LOCALE_DIR,
    N_,
    available_locales,
    current_locale,
    format_date,
    format_list,
    format_number,
    gettext,
    language_names,
    lazy_gettext,
    name_for_staff,
    ngettext,
    use_locale,
)
from stories_service.i18n.language_tags import text_direction_of
from stories_service.i18n.negotiation import closest_locale

__all__ = [
    "DEFAULT_LOCALE",
    "LOCALE_DIR",
    "N_",
    "available_locales",
    "closest_locale",
    "current_locale",
    "format_date",
    "format_list",
    "format_number",
    "gettext",
    "language_names",
    "lazy_gettext",
    "name_for_staff",
    "ngettext",
    "text_direction_of",
    "use_locale",
]
