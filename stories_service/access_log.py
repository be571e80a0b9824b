"""How ``stories-service serve`` configures uvicorn's logging: its own messages as uvicorn writes
them, and an access log (only with ``--access-log``) that holds no client address.

Survivors write from shelters, and some are hunted: an address in a log file ties a person to a
time and a page (``/my-story``, ``/submit``). uvicorn's access log writes the address first on
every line, so ``serve`` runs without it by default; ``--access-log`` turns on one of our own,
which keeps the method, the path without its query string, the protocol and the status. The
address is taken out of each record before any handler sees it, whatever format a deployment's
own logging configuration gives it.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from uvicorn.config import LOGGING_CONFIG

ACCESS_LOGGER = "uvicorn.access"


class DropClientAddress(logging.Filter):
    """Rewrite uvicorn's access records as ``"GET /path HTTP/1.1" 200``: no client address, no
    query string (it may carry a cursor or a search a person typed). A record of another shape
    (a future uvicorn) is dropped rather than let through with what it might hold."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if not isinstance(args, tuple) or len(args) != 5:
            return False
        _client, method, path_with_query, http_version, status = args
        record.msg = '"%s %s HTTP/%s" %s'
        record.args = (method, str(path_with_query).split("?", 1)[0], http_version, status)
        return True


def serve_logging_config() -> dict[str, Any]:
    """uvicorn's logging configuration with the address filter on its access logger."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"drop_client_address": {"()": f"{__name__}.DropClientAddress"}}
    config["formatters"]["access"] = {
        "()": "uvicorn.logging.DefaultFormatter",
        "fmt": "%(asctime)s %(levelprefix)s %(message)s",
    }
    config["loggers"][ACCESS_LOGGER]["filters"] = ["drop_client_address"]
    return config
