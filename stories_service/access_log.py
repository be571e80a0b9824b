"""The access log of ``stories-service serve`` (only with ``--access-log``): no client address.

Survivors write from shelters, and some are hunted: an address in a log file ties a person to a
time and a page (``/my-story``, ``/submit``). uvicorn's access log writes the address first on
every line, so ``serve`` runs without it by default; ``--access-log`` turns on one of our own,
which keeps the method, the path without its query string, the protocol and the status. The
address is taken out of each record before any handler sees it, whatever format a deployment's
own logging configuration gives it.
"""

from __future__ import annotations

import logging

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
        path = str(path_with_query).split("?", 1)[0]
        record.msg = '"%s %s HTTP/%s" %s'
        record.args = (method, path, http_version, status)
        # The same, as structured fields for the JSON log (stories_service.log_config).
        record.method, record.path, record.status = method, path, status
        return True
