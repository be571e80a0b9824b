from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from stories_service.settings import SettingsError, load_settings, new_encryption_key


def test_local_defaults_generate_keys_with_0600(tmp_path: Path) -> None:
    settings = load_settings({"STORIES_DATA_DIR": str(tmp_path)})
    for name in ("secret.key", "encryption.key"):
        mode = stat.S_IMODE((tmp_path / name).stat().st_mode)
        assert mode == 0o600, name
    assert settings.database_url == f"sqlite://{tmp_path / 'stories.sqlite3'}"
    assert settings.redaction_warm_up == "start"  # the engine warms as the service starts
    again = load_settings({"STORIES_DATA_DIR": str(tmp_path)})
    assert again.secret_key == settings.secret_key
    assert again.encryption_keys == settings.encryption_keys


def test_the_warm_up_may_be_left_to_first_use(tmp_path: Path) -> None:
    env = {"STORIES_DATA_DIR": str(tmp_path), "STORIES_REDACTION_WARM_UP": "first_use"}
    assert load_settings(env).redaction_warm_up == "first_use"


def test_production_refuses_to_start_without_secrets(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as error:
        load_settings({"STORIES_ENV": "production", "STORIES_DATA_DIR": str(tmp_path)})
    message = str(error.value)
    for name in (
        "DATABASE_URL",
        "STORIES_SECRET_KEY",
        "STORIES_ENCRYPTION_KEY",
        "STORIES_BASE_URL",
    ):
        assert name in message
    assert not (tmp_path / "secret.key").exists()


def test_production_with_everything_set(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "STORIES_ENV": "production",
            "DATABASE_URL": "postgres://app@db/stories",
            "STORIES_SECRET_KEY": "s" * 40,
            "STORIES_ENCRYPTION_KEY": f"{new_encryption_key()},{new_encryption_key()}",
            "STORIES_BASE_URL": "https://stories.example.org/",
        }
    )
    assert settings.production and settings.https
    assert len(settings.encryption_keys) == 2
    assert settings.base_url == "https://stories.example.org"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("STORIES_ENCRYPTION_KEY", "too-short"),
        ("STORIES_SECRET_KEY", "short"),
        ("DATABASE_URL", "mysql://x"),
        ("STORIES_MAX_BODY_BYTES", "lots"),
        ("STORIES_SESSION_IDLE_MINUTES", "0"),
        ("STORIES_ENV", "staging"),
        ("STORIES_BASE_URL", "ftp://x"),
        ("STORIES_WEBHOOK_ALLOW_NETWORKS", "10.0.0.0/8,10.0.0.0/33"),
        ("STORIES_REDACTION_WARM_UP", "later"),
    ],
)
def test_invalid_values_are_named(tmp_path: Path, name: str, value: str) -> None:
    with pytest.raises(SettingsError) as error:
        load_settings({"STORIES_DATA_DIR": str(tmp_path), name: value})
    assert name in str(error.value)


def test_sqlite_file_is_private(tmp_path: Path) -> None:
    from stories_service.db.config import tortoise_config

    path = tmp_path / "private" / "stories.sqlite3"
    tortoise_config(f"sqlite://{path}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize("base_url", ["http://stories.example.org", "http://127.0.0.1:8000"])
def test_production_refuses_an_http_base_url(tmp_path: Path, base_url: str) -> None:
    """Issue 14 #14: sessions, CSRF tokens and receipt codes never travel in clear."""
    with pytest.raises(SettingsError) as error:
        load_settings(
            {
                "STORIES_ENV": "production",
                "STORIES_DATA_DIR": str(tmp_path),
                "DATABASE_URL": "postgres://app@db/stories",
                "STORIES_SECRET_KEY": "s" * 40,
                "STORIES_ENCRYPTION_KEY": new_encryption_key(),
                "STORIES_BASE_URL": base_url,
            }
        )
    message = str(error.value)
    assert "STORIES_BASE_URL" in message and "https://" in message


def test_serve_in_production_with_an_http_base_url_exits_with_the_reason(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "STORIES_ENV": "production",
        "STORIES_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite://{tmp_path / 'stories.sqlite3'}",
        "STORIES_SECRET_KEY": "s" * 40,
        "STORIES_ENCRYPTION_KEY": new_encryption_key(),
        "STORIES_BASE_URL": "http://stories.example.org",
    }
    done = subprocess.run(
        [sys.executable, "-m", "stories_service.cli", "serve", "--port", "1"],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "configuration error" in done.stderr and "https://" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "stories.sqlite3").exists()
