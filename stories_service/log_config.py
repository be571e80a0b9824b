"""How ``stories-service serve`` logs: one stream (standard error), as JSON lines or as text
(``STORIES_LOG_FORMAT``), for the service's own loggers and uvicorn's alike.

What keeps survivors out of the logs is what the code logs: ids, states, counts and exception
types, never text, receipt codes, tokens or passwords (docs/deploy.md, "Logs"). Two things here
hold whatever any library logs too:

- an exception is written as its type and stack frames, never its message: a database error
  quotes the values it refused, a parser error the text it choked on;
- a filter on the handler replaces IP addresses and API tokens, which have forms a machine can
  recognise for certain, wherever they appear in a line. Survivor text and receipt codes (six
  common words) have no such form, so no filter could promise to catch them; for them the rule
  above is the only guard, and tests/service/test_log_canary.py checks it on a whole lifecycle.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import re
import traceback
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from stories_service.access_log import ACCESS_LOGGER

ADDRESS_MARK = "[address]"
TOKEN_MARK = "[token]"  # noqa: S105 (a placeholder, not a secret)

# Attributes every LogRecord has; anything else on a record came as a structured field
# (``extra=``, or set by a filter such as the access log's).
_RECORD_ATTRIBUTES = frozenset(
    vars(logging.LogRecord("", 0, "", 0, "", None, None)).keys()
    | {"message", "asctime", "taskName", "color_message"}  # uvicorn's coloured duplicate
)
_TOKEN = re.compile(r"\bhs_[A-Za-z0-9_\-]{20,}")
_IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])")
_IPV6 = re.compile(r"(?<![\w:])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*(?![\w:])")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _address_or_same(match: re.Match[str]) -> str:
    try:
        ipaddress.ip_address(match.group(0))
    except ValueError:
        return match.group(0)  # "12:30:45", a version number: not an address
    return ADDRESS_MARK


def scrub(text: str) -> str:
    """``text`` with API tokens and IP addresses replaced by a mark."""
    text = _TOKEN.sub(TOKEN_MARK, text)
    if ":" in text:  # first: an IPv6 address may end in an IPv4 one (::ffff:192.0.2.1)
        text = _IPV6.sub(_address_or_same, text)
    if "." in text:
        text = _IPV4.sub(_address_or_same, text)
    return text


class ScrubAddressesAndTokens(logging.Filter):
    """Replace addresses and tokens in a record's message and its string fields."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        for name, value in list(vars(record).items()):
            if name not in _RECORD_ATTRIBUTES and isinstance(value, str):
                setattr(record, name, scrub(value))
        return True


def exception_fields(exc_info: ExcInfo) -> dict[str, str]:
    """An exception as its type and frames: never its message (it may quote what it refused)."""
    kind, _error, frames = exc_info
    return {
        "exception": kind.__name__,
        "traceback": "".join(traceback.format_tb(frames)).rstrip(),
    }


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, then the
    record's structured fields, and ``exception``/``traceback`` for an error with one."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in vars(record).items():
            if name not in _RECORD_ATTRIBUTES and not name.startswith("_"):
                entry[name] = value
        if record.exc_info and record.exc_info[0] is not None:
            entry.update(exception_fields(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """``2026-12-06 10:00:00,123 INFO stories_service.jobs: message``, with an exception's
    type and frames (not its message) on the lines after."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def formatException(self, ei: Any) -> str:
        fields = exception_fields(ei)
        return f"{fields['exception']} (message not logged)\n{fields['traceback']}"


def serve_logging_config(log_format: str) -> dict[str, Any]:
    """The ``logging.config.dictConfig`` of ``serve`` (uvicorn applies it in every worker):
    everything to standard error in ``log_format`` ("json" or "text"), the access log (when
    ``--access-log`` turns it on) without client addresses or query strings."""
    formatter = "JsonLinesFormatter" if log_format == "json" else "TextFormatter"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "drop_client_address": {"()": "stories_service.access_log.DropClientAddress"},
            "scrub": {"()": f"{__name__}.ScrubAddressesAndTokens"},
        },
        "formatters": {"lines": {"()": f"{__name__}.{formatter}"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "lines",
                "filters": ["scrub"],
            }
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"level": "INFO"},
            ACCESS_LOGGER: {
                "handlers": ["stderr"],
                "level": "INFO",
                "propagate": False,
                "filters": ["drop_client_address"],
            },
            # httpx logs every request it sends at INFO with its URL: a webhook receiver's
            # address and whatever its query string holds.
            "httpx": {"level": "WARNING"},
            "httpcore": {"level": "WARNING"},
        },
        "root": {"handlers": ["stderr"], "level": "INFO"},
    }
