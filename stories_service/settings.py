"""Settings, read from the environment once (the only module that reads ``os.environ``)."""

from __future__ import annotations

import base64
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from moderation.webhook_targets import Network, parse_networks


class SettingsError(RuntimeError):
    """A setting is missing or invalid; the message says which and how to fix it."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the service can be configured with; see README "Settings" for each variable."""

    data_dir: Path
    database_url: str
    secret_key: str
    encryption_keys: tuple[bytes, ...]
    # Earlier secret keys, kept to verify what was keyed or signed with them (receipt codes,
    # cookies, forms) after STORIES_SECRET_KEY was rotated; nothing new is signed with them.
    previous_secret_keys: tuple[str, ...] = ()
    base_url: str = "http://127.0.0.1:8000"
    environment: str = "development"
    max_body_bytes: int = 256 * 1024
    claim_idle_minutes: int = 120
    severe_notes_daily_limit: int = 5
    retention_days: int = 30
    submit_rate_per_hour: int = 30
    receipt_rate_per_15min: int = 20
    login_rate_per_15min: int = 10
    session_idle_minutes: int = 30
    trust_forwarded_for: bool = False
    apply_migrations_on_start: bool = True
    background_jobs: bool = True
    redaction_detectors: frozenset[str] | None = None
    public_max_age: int = 60
    export_dir: Path | None = None
    webhook_retry_base_seconds: int = 5
    webhook_allow_networks: tuple[Network, ...] = ()
    log_format: str = "text"
    metrics_token: str | None = None
    metrics_multiprocess_dir: Path | None = None
    # Where every withdrawal is appended, so a restore can re-apply it (docs/deploy.md);
    # None: beside the database in the data folder.
    tombstone_journal: Path | None = None
    db_statement_timeout_seconds: int = 30
    # Seconds serve lets requests in progress finish after SIGTERM before it cancels them.
    shutdown_grace_seconds: int = 20
    # True when a key was read from (or generated into) the data folder, not the environment.
    keys_in_data_dir: bool = False
    cors_origins: tuple[str, ...] = ()  # ("*",) for any origin
    embed_origins: tuple[str, ...] = ()
    # Where tables derived from installed packages are kept between starts (the redaction
    # engine's gazetteer): STORIES_CACHE_DIR, by default <data folder>/cache; None: not kept.
    # Deleting the folder only costs a slower start.
    cache_dir: Path | None = None
    # When the redaction engine's tables are built: "start" (in the background as the app
    # starts; /readyz waits for them) or "first_use" (by the first request or job that needs
    # them, which waits; for short-lived processes that may never redact).
    redaction_warm_up: str = "start"
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def production(self) -> bool:
        return self.environment == "production"

    @property
    def https(self) -> bool:
        return self.base_url.startswith("https://")

    @property
    def encryption_key(self) -> bytes:
        """The key new data is encrypted with (the first of the configured keys)."""
        return self.encryption_keys[0]

    @property
    def secret_keys(self) -> tuple[str, ...]:
        """Every secret key: the first signs and keys new values, all of them verify."""
        return (self.secret_key, *self.previous_secret_keys)

    @property
    def withdrawal_journal(self) -> Path:
        """The file each withdrawal is appended to (``STORIES_TOMBSTONE_JOURNAL``)."""
        return self.tombstone_journal or self.data_dir / "withdrawals.journal"

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if value < 0:
        raise SettingsError(f"{name} must not be negative")
    return value


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"{name} must be true or false, got {raw!r}")


def _read_or_create_key_file(path: Path, make: bytes) -> str:
    """Return the key stored at ``path``, creating it with 0600 permissions on first run."""
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(make.decode("ascii") + "\n")
    return make.decode("ascii")


def parse_encryption_keys(raw: str) -> tuple[bytes, ...]:
    """Parse comma-separated url-safe base64 32-byte keys; the first encrypts, all decrypt."""
    keys = []
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            key = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except ValueError:
            raise SettingsError("STORIES_ENCRYPTION_KEY is not url-safe base64") from None
        if len(key) != 32:
            raise SettingsError("STORIES_ENCRYPTION_KEY must hold 32-byte keys (base64)")
        keys.append(key)
    if not keys:
        raise SettingsError("STORIES_ENCRYPTION_KEY is empty")
    return tuple(keys)


def parse_previous_secret_keys(raw: str) -> tuple[str, ...]:
    """Earlier secret keys, separated by commas or white space (each at least 32 characters)."""
    keys = tuple(part for part in re.split(r"[\s,]+", raw) if part)
    if any(len(key) < 32 for key in keys):
        raise SettingsError("STORIES_PREVIOUS_SECRET_KEYS must hold keys of 32 characters or more")
    return keys


def new_encryption_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii").rstrip("=")


_DEFAULT_PORTS = {"http": 80, "https": 443}
# A host name or an address: nothing that could end a header value or a CSP directive.
_ORIGIN_RE = re.compile(r"^https?://([a-z0-9.-]+|\[[0-9a-f:.]+\])(:[0-9]{1,5})?/?$", re.IGNORECASE)


def parse_origins(raw: str, name: str, *, wildcard: bool) -> tuple[str, ...]:
    """Comma-separated web origins (``https://www.example.org``, a port where it is not the
    default), normalised as browsers send them in ``Origin``; ``*`` alone when ``wildcard``."""
    parts = [part.strip() for part in raw.split(",") if part.strip()]
    if parts == ["*"] and wildcard:
        return ("*",)
    origins: list[str] = []
    for part in parts:
        parsed = urlsplit(part.rstrip("/"))
        try:
            port = parsed.port
        except ValueError:
            port = -1
        scheme = parsed.scheme.lower()
        if (
            not _ORIGIN_RE.match(part)
            or scheme not in _DEFAULT_PORTS
            or not parsed.hostname
            or port == -1
            or parsed.path
            or parsed.query
            or parsed.fragment
            or parsed.username is not None
            or "*" in part
        ):
            allowed = "'*' alone, or " if wildcard else ""
            raise SettingsError(
                f"{name}: {part!r} is not an origin; write {allowed}scheme://host[:port], "
                "comma-separated"
            )
        host = parsed.hostname.lower()
        if ":" in host:
            host = f"[{host}]"
        origin = f"{scheme}://{host}"
        if port is not None and port != _DEFAULT_PORTS[scheme]:
            origin += f":{port}"
        if origin not in origins:
            origins.append(origin)
    return tuple(origins)


def local_base_url(host: str, port: int) -> str:
    """The base URL of a server bound to ``host``:``port`` when none is configured (an address
    that listens everywhere is reached on loopback from this machine)."""
    if host in {"", "0.0.0.0", "::"}:  # noqa: S104 (naming the wildcard, not binding to it)
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build settings from the environment; in production every secret must be given."""
    env = os.environ if env is None else env
    environment = env.get("STORIES_ENV", "development")
    if environment not in {"development", "production", "test"}:
        raise SettingsError("STORIES_ENV must be development, production or test")
    data_dir = Path(env.get("STORIES_DATA_DIR", "./var")).resolve()
    production = environment == "production"

    missing = [
        name
        for name in (
            "DATABASE_URL",
            "STORIES_SECRET_KEY",
            "STORIES_ENCRYPTION_KEY",
            "STORIES_BASE_URL",
        )
        if production and not env.get(name)
    ]
    if missing:
        raise SettingsError(
            "production mode (STORIES_ENV=production) needs "
            + ", ".join(missing)
            + "; see docs/deploy.md"
        )

    secret_key = env.get("STORIES_SECRET_KEY") or _read_or_create_key_file(
        data_dir / "secret.key", secrets.token_urlsafe(48).encode("ascii")
    )
    if len(secret_key) < 32:
        raise SettingsError("STORIES_SECRET_KEY must be at least 32 characters")
    raw_keys = env.get("STORIES_ENCRYPTION_KEY") or _read_or_create_key_file(
        data_dir / "encryption.key", new_encryption_key().encode("ascii")
    )
    database_url = env.get("DATABASE_URL") or f"sqlite://{data_dir / 'stories.sqlite3'}"
    if not database_url.startswith(("sqlite://", "postgres://", "postgresql://")):
        raise SettingsError("DATABASE_URL must start with sqlite:// or postgres://")
    base_url = env.get("STORIES_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    if not base_url.startswith(("http://", "https://")):
        raise SettingsError("STORIES_BASE_URL must start with http:// or https://")
    if production and not base_url.startswith("https://"):
        # Sessions, CSRF tokens and receipt codes would travel in clear, and cookies could not
        # be marked Secure: production runs behind TLS (docs/deploy.md, "TLS reverse proxy").
        raise SettingsError(
            "production mode (STORIES_ENV=production) needs an https:// STORIES_BASE_URL, "
            f"got {base_url!r}; see docs/deploy.md"
        )
    session_idle_minutes = _int(env, "STORIES_SESSION_IDLE_MINUTES", 30)
    if session_idle_minutes < 1:
        raise SettingsError("STORIES_SESSION_IDLE_MINUTES must be at least 1")
    detectors = env.get("STORIES_REDACTION_DETECTORS")
    try:
        webhook_allow_networks = parse_networks(env.get("STORIES_WEBHOOK_ALLOW_NETWORKS", ""))
    except ValueError as error:
        raise SettingsError(f"STORIES_WEBHOOK_ALLOW_NETWORKS: {error}") from None
    export_dir = env.get("STORIES_EXPORT_DIR")
    log_format = env.get("STORIES_LOG_FORMAT") or ("json" if production else "text")
    if log_format not in {"json", "text"}:
        raise SettingsError(f"STORIES_LOG_FORMAT must be json or text, got {log_format!r}")
    metrics_token = env.get("STORIES_METRICS_TOKEN") or None
    if metrics_token is not None and len(metrics_token) < 32:
        raise SettingsError("STORIES_METRICS_TOKEN must be at least 32 characters")
    # prometheus-client's own variable (it reads it too, when it is imported): set by `serve`
    # for several workers, or by whoever runs the workers (docs/deploy.md, "Metrics").
    multiprocess_dir = env.get("PROMETHEUS_MULTIPROC_DIR")
    journal = env.get("STORIES_TOMBSTONE_JOURNAL")
    # Any site may read the public JSON (it is public); framing a survivor's story stays an
    # explicit list of sites, so a page nobody chose cannot wrap it in its own context.
    cors_origins = parse_origins(
        env.get("STORIES_CORS_ORIGINS", ""), "STORIES_CORS_ORIGINS", wildcard=True
    )
    embed_origins = parse_origins(
        env.get("STORIES_EMBED_ORIGINS", ""), "STORIES_EMBED_ORIGINS", wildcard=False
    )
    cache_dir = env.get("STORIES_CACHE_DIR")
    redaction_warm_up = env.get("STORIES_REDACTION_WARM_UP") or "start"
    if redaction_warm_up not in {"start", "first_use"}:
        raise SettingsError(
            f"STORIES_REDACTION_WARM_UP must be start or first_use, got {redaction_warm_up!r}"
        )

    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        secret_key=secret_key,
        previous_secret_keys=tuple(
            key
            for key in parse_previous_secret_keys(env.get("STORIES_PREVIOUS_SECRET_KEYS", ""))
            if key != secret_key
        ),
        encryption_keys=parse_encryption_keys(raw_keys),
        base_url=base_url,
        environment=environment,
        max_body_bytes=_int(env, "STORIES_MAX_BODY_BYTES", 256 * 1024),
        claim_idle_minutes=_int(env, "STORIES_CLAIM_IDLE_MINUTES", 120),
        severe_notes_daily_limit=_int(env, "STORIES_SEVERE_NOTES_DAILY_LIMIT", 5),
        retention_days=_int(env, "STORIES_RETENTION_DAYS", 30),
        submit_rate_per_hour=_int(env, "STORIES_SUBMIT_RATE_PER_HOUR", 30),
        receipt_rate_per_15min=_int(env, "STORIES_RECEIPT_RATE_PER_15MIN", 20),
        login_rate_per_15min=_int(env, "STORIES_LOGIN_RATE_PER_15MIN", 10),
        session_idle_minutes=session_idle_minutes,
        trust_forwarded_for=_bool(env, "STORIES_TRUST_FORWARDED_FOR", False),
        apply_migrations_on_start=_bool(env, "STORIES_MIGRATE_ON_START", True),
        background_jobs=_bool(env, "STORIES_BACKGROUND_JOBS", True),
        redaction_detectors=(
            frozenset(d.strip() for d in detectors.split(",") if d.strip()) if detectors else None
        ),
        public_max_age=_int(env, "STORIES_PUBLIC_MAX_AGE", 60),
        export_dir=Path(export_dir).resolve() if export_dir else None,
        webhook_retry_base_seconds=_int(env, "STORIES_WEBHOOK_RETRY_BASE_SECONDS", 5),
        webhook_allow_networks=webhook_allow_networks,
        log_format=log_format,
        metrics_token=metrics_token,
        metrics_multiprocess_dir=Path(multiprocess_dir) if multiprocess_dir else None,
        tombstone_journal=Path(journal).resolve() if journal else None,
        db_statement_timeout_seconds=_int(env, "STORIES_DB_STATEMENT_TIMEOUT", 30),
        shutdown_grace_seconds=_int(env, "STORIES_SHUTDOWN_GRACE_SECONDS", 20),
        keys_in_data_dir=not (env.get("STORIES_SECRET_KEY") and env.get("STORIES_ENCRYPTION_KEY")),
        cors_origins=cors_origins,
        embed_origins=embed_origins,
        cache_dir=Path(cache_dir).resolve() if cache_dir else data_dir / "cache",
        redaction_warm_up=redaction_warm_up,
    )
