"""The security headers every response gets (added by ``response_edge.py``, the outermost
layer, so streamed and error responses get them too).

Every answer refuses to be framed (``frame-ancestors 'none'``, and ``X-Frame-Options: DENY`` on
documents for older browsers), except the embeddable fragments under ``EMBED_PREFIX``, which
the configured sites (and this service itself) may frame.

Documents (HTML, and an answer that names no type) get the whole set. Everything else (JSON,
feeds, style sheets, images) gets what acts on a resource: a CSP that lets nothing load or run
and nobody frame it (in case a browser is made to open it as a page), ``nosniff``,
``Cross-Origin-Resource-Policy`` and HSTS. ``Referrer-Policy``, ``Cross-Origin-Opener-Policy``,
``Permissions-Policy`` and ``X-Frame-Options`` act only on documents (links followed, windows
opened, features a script asks for, a page's UI framed to be clickjacked; the CSP's
``frame-ancestors`` supersedes ``X-Frame-Options`` in every current browser), so a JSON or XML
answer, where the CSP lets no script run, is not sent them: each header costs every response of
the cached feeds about a microsecond in the server (docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Iterable

EMBED_PREFIX = "/embed/"


def content_security_policy(frame_ancestors: str = "'none'") -> str:
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        f"font-src 'self'; connect-src 'self'; form-action 'self'; "
        f"frame-ancestors {frame_ancestors}; base-uri 'none'"
    )


CONTENT_SECURITY_POLICY = content_security_policy()
# For what is not a document: nothing loads, nothing runs, nobody frames it.
RESOURCE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"
# The headers that act only on a document, left off other answers.
DOCUMENT_ONLY = (
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
)


def embed_frame_ancestors(origins: tuple[str, ...]) -> str:
    """Who may frame an embed: this service's own pages and each configured origin."""
    return " ".join(("'self'", *origins))


def _encoded(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [
        (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()
    ]


def _is_document(content_type: bytes | None) -> bool:
    """HTML, or an answer that names no type (a browser might take it for one)."""
    return content_type is None or content_type.startswith(b"text/html")


class SecurityHeaders:
    """This deployment's security headers, encoded once: ``added_to`` runs on every response,
    the cached feed's included (``response_edge.py`` calls it on each start message)."""

    def __init__(self, *, https: bool, embed_origins: tuple[str, ...] = ()) -> None:
        headers = {
            "Content-Security-Policy": CONTENT_SECURITY_POLICY,
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "DENY",
            "Cross-Origin-Opener-Policy": "same-origin",
            "Cross-Origin-Resource-Policy": "same-site",
            "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        }
        if https:
            headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
        embed = dict(headers)
        # frame-ancestors decides; X-Frame-Options has no way to name several sites.
        del embed["X-Frame-Options"]
        embed["Content-Security-Policy"] = content_security_policy(
            embed_frame_ancestors(embed_origins)
        )
        # A site that sends Cross-Origin-Embedder-Policy may still frame the embed.
        embed["Cross-Origin-Resource-Policy"] = "cross-origin"
        resource = {name: value for name, value in headers.items() if name not in DOCUMENT_ONLY}
        resource["Content-Security-Policy"] = RESOURCE_CONTENT_SECURITY_POLICY
        self._raw = _encoded(headers)
        self._raw_embed = _encoded(embed)
        self._raw_resource = _encoded(resource)
        self._names = frozenset(name for name, _ in self._raw + self._raw_embed)

    def added_to(
        self, path: str, headers: Iterable[tuple[bytes, bytes]]
    ) -> list[tuple[bytes, bytes]]:
        """A response's headers for ``path`` with the security headers it did not set itself.

        ASGI header names are lower case (the spec requires it, and Starlette's responses
        lower-case theirs), so they are compared as they come."""
        combined = list(headers)
        content_type = None
        sets_its_own = False
        for name, value in combined:
            if name == b"content-type":
                content_type = value
            elif name in self._names:
                sets_its_own = True
        if not _is_document(content_type):
            own = self._raw_resource
        elif path.startswith(EMBED_PREFIX):
            own = self._raw_embed
        else:
            own = self._raw
        if sets_its_own:
            present = {name for name, _ in combined}
            return combined + [item for item in own if item[0] not in present]
        return combined + own  # the usual case: no route sets any of them
