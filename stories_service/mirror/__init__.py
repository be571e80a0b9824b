"""The reference consumer: keeps a local copy of a Healing Stories site's public stories.

A client of the public API only (httpx): it never imports the service's database, models or
web code, so a web team can read it as the example it is. ``Mirror`` follows
``GET /api/v1/changes`` (a first full sync, then the change log from its saved cursor),
``LocalCopy`` holds the stories as files, and ``WebhookReceiver`` turns signed webhooks into an
immediate sync. ``stories-service mirror URL DIR`` runs them (docs/publishing.md, "Keeping a
copy in sync").
"""

from stories_service.mirror.client import MirrorError, PublicSite
from stories_service.mirror.store import LocalCopy
from stories_service.mirror.sync import Applied, Mirror
from stories_service.mirror.webhooks import BadSignature, WebhookReceiver, verify_signature

__all__ = [
    "Applied",
    "BadSignature",
    "LocalCopy",
    "Mirror",
    "MirrorError",
    "PublicSite",
    "WebhookReceiver",
    "verify_signature",
]
