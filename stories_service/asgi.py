"""The ASGI entry point for servers: ``uvicorn stories_service.asgi:app``."""

import logging

from stories_service.app import create_app

# Python's warnings (a library's deprecation, a resource left open) go through logging, so they
# come out in the log format of ``serve`` and through its scrubbing filter, not as plain text.
logging.captureWarnings(True)

app = create_app()
