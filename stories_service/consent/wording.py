"""Versioned consent wording. The text a survivor saw is hashed into their consent record.

Each wording lives in ``consent/wording_<version>.<lang>.txt``; changing a text means adding a new
version, never editing an old one (a test pins the hashes of released versions).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

CURRENT_VERSION = "2026-12-v2"
DEFAULT_LANGUAGE = "en"
_NAME = re.compile(r"^wording_(?P<version>[0-9A-Za-z-]+)\.(?P<lang>[a-z]{2,3})\.txt$")


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
def available_wordings() -> frozenset[tuple[str, str]]:
    """Every ``(version, language)`` with a wording file; adding a language adds a file."""
    found = set()
    for entry in resources.files(__package__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.add((match["version"], match["lang"]))
    return frozenset(found)


def languages(version: str = CURRENT_VERSION) -> tuple[str, ...]:
    return tuple(sorted(lang for v, lang in available_wordings() if v == version))


@cache
def consent_wording(language: str = "en", version: str = CURRENT_VERSION) -> ConsentWording:
    """The wording in ``language`` (falling back to English) at ``version``."""
    lang = language if (version, language) in available_wordings() else DEFAULT_LANGUAGE
    name = f"wording_{version}.{lang}.txt"
    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    return ConsentWording(version=version, language=lang, text=text)


def consented_wording(version: str, language: str, sha256: str) -> ConsentWording | None:
    """The exact text a consent record names (its version, language and hash): a survivor who
    consented under v1 is shown v1, never the current version. None when that text is not here
    (a record whose hash matches no wording file)."""
    if (version, language) not in available_wordings():
        return None
    wording = consent_wording(language, version)
    return wording if wording.sha256 == sha256 else None


def wording_shown(language: object, version: object, interface_language: str) -> ConsentWording:
    """The wording a form was rendered with (its hidden fields), if it is a real one.

    The survivor may switch the interface language between reading the form and sending it; the
    record must name the text they actually read. Unknown values fall back to the current wording
    in the interface language.
    """
    if (str(version), str(language)) in available_wordings():
        return consent_wording(str(language), str(version))
    return consent_wording(interface_language)
