"""The ASGI entry point for servers: ``uvicorn stories_service.asgi:app``."""

from stories_service.app import create_app

app = create_app()
