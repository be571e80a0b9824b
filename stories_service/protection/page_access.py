"""Short-lived signed tokens that carry a survivor from one /my-story page to the next.

The receipt code is shown once, at submission, and never again, not even in a hidden field. After
the survivor types it, the pages hold a token instead: signed with the service's secret, bound to
the submission and its code hash, and good for half an hour. It travels in POST bodies only.
"""

from __future__ import annotations

import hashlib

from itsdangerous import BadSignature, URLSafeTimedSerializer

from stories_service.models import Submission

MAX_AGE_SECONDS = 1800
_SALT = "my-story-page-access"


def _serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=_SALT)


def _binding(submission: Submission) -> str:
    return hashlib.sha256(submission.receipt_hash.encode("ascii")).hexdigest()[:16]


def issue_page_access(submission: Submission, secret_key: str) -> str:
    return _serializer(secret_key).dumps({"s": str(submission.id), "b": _binding(submission)})


async def submission_for_page_access(token: str, secret_key: str) -> Submission | None:
    """The submission a token opens, or None if it is forged, stale or for another code."""
    try:
        data = _serializer(secret_key).loads(token, max_age=MAX_AGE_SECONDS)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("s"), str):
        return None
    submission = await Submission.get_or_none(id=data["s"])
    if submission is None or data.get("b") != _binding(submission):
        return None
    return submission
