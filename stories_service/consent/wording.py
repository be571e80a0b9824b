"""Versioned consent wording. The text a survivor saw is hashed into their consent record.

Each wording lives in ``consent/wording_<version>.<lang>.txt``; changing a text means adding a new
version, never editing an old one (a test pins the hashes of released versions).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

CURRENT_VERSION = "2026-11-v1"
LANGUAGES = ("en",)


@dataclass(frozen=True, slots=True)
class ConsentWording:
    version: str
    language: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def sections(self) -> dict[str, str]:
        """The wording split into its named questions ("[publish]" headers in the file)."""
        out: dict[str, str] = {}
        current = None
        for line in self.text.splitlines():
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1]
                out[current] = ""
            elif current is not None and line.strip():
                out[current] = (out[current] + " " + line.strip()).strip()
        return out


@cache
def consent_wording(language: str = "en", version: str = CURRENT_VERSION) -> ConsentWording:
    """The wording in ``language`` (falling back to English) at ``version``."""
    lang = language if language in LANGUAGES else "en"
    name = f"wording_{version}.{lang}.txt"
    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    return ConsentWording(version=version, language=lang, text=text)
