"""The security headers every response gets (added by ``response_edge.py``, the outermost
layer, so streamed and error responses get them too).

Every page refuses to be framed (``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``),
except the embeddable fragments under ``EMBED_PREFIX``, which the configured sites (and this
service itself) may frame.
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


def embed_frame_ancestors(origins: tuple[str, ...]) -> str:
    """Who may frame an embed: this service's own pages and each configured origin."""
    return " ".join(("'self'", *origins))


def _encoded(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [
        (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()
    ]


def _with_own(
    headers: Iterable[tuple[bytes, bytes]], own: list[tuple[bytes, bytes]], names: frozenset[bytes]
) -> list[tuple[bytes, bytes]]:
    """The response's headers plus each of ``own`` (named ``names``) it did not set itself."""
    combined = list(headers)
    present = {name.lower() for name, _ in combined}
    if present.isdisjoint(names):
        combined += own  # the usual case: no route sets any of them
    else:
        combined += [item for item in own if item[0] not in present]
    return combined


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
        self._raw = _encoded(headers)
        self._raw_embed = _encoded(embed)
        self._names = frozenset(name for name, _ in self._raw + self._raw_embed)

    def added_to(
        self, path: str, headers: Iterable[tuple[bytes, bytes]]
    ) -> list[tuple[bytes, bytes]]:
        """A response's headers for ``path`` with the security headers it did not set itself."""
        own = self._raw_embed if path.startswith(EMBED_PREFIX) else self._raw
        return _with_own(headers, own, self._names)
