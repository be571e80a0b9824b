"""``stories-service seed-demo``: demo staff and fictional stories, for a first look.

It runs beside a running server (SQLite included) and may be run again at any time:

- the demo accounts come first, each printed with a new password as soon as it is set (a rerun
  resets the passwords, restores the accounts' roles and prints them again);
- each story is made in one transaction: all of its steps, or nothing. A rerun recognises the
  stories it made by their receipt codes, which are derived from the secret key (the same on
  every run), and makes only the missing ones;
- a transaction that finds the database busy past its busy timeout is tried again.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
from collections.abc import Awaitable, Callable
from typing import TypeVar

from tortoise.exceptions import OperationalError, TransactionManagementError
from tortoise.transactions import in_transaction

from moderation.revisions import RevisionDraft
from moderation.states import Attribution
from moderation.workflow import Actor
from stories_service.consent.wording import consent_wording
from stories_service.crypto import FieldCipher
from stories_service.intake.schemas import ConsentIn, SubmissionIn
from stories_service.intake.service import store_submission
from stories_service.models import Staff, Submission
from stories_service.moderating.approval import approve_submission
from stories_service.moderating.consent import send_for_consent, survivor_decides
from stories_service.moderating.queue import claim_submission
from stories_service.moderating.revisions import save_revision
from stories_service.publishing.publisher import publish_submission
from stories_service.receipt import codes
from stories_service.redaction_warm_up import engine_ready
from stories_service.settings import Settings
from stories_service.staff.accounts import create_staff, new_staff_password, reset_password

T = TypeVar("T")
Say = Callable[[str], None]

DEMO_ROLES = ("moderator", "editor", "admin")
ATTEMPTS = 5


class DemoBusy(RuntimeError):
    """The database stayed busy through every attempt; nothing half-made was left behind."""


def demo_email(role: str) -> str:
    return f"demo-{role}@example.org"


DEMO_STORIES = [
    (
        "The garden on the fourth floor",
        "en",
        "When I arrived I could not sleep. A neighbour gave me a pot of mint, and then another. "
        "Now the balcony is full, and I sleep again.",
    ),
    (
        "Aprender a nadar otra vez",
        "es",
        "El agua me daba miedo después del viaje. Una voluntaria me enseñó a flotar, despacio, "
        "cada martes. Hoy nado con mi hija.",
    ),
    (
        "Le pain du dimanche",
        "fr",
        "Chaque dimanche, je fais le pain comme ma mère. L'odeur remplit l'appartement et, "
        "pour une heure, je suis chez moi.",
    ),
    (
        "الكتب التي أنقذتني",
        "ar",
        "في المخيم كانت هناك مكتبة صغيرة. كل يوم كنت أقرأ كتاباً جديداً، والكلمات أعادت لي الأمل.",
    ),
    (
        "Learning the bus routes",
        "en",
        "For months the city was a maze to me. A volunteer drew the bus routes on a napkin, and "
        "we rode them together. Now I show newcomers the way.",
    ),
]


async def seed_demo(settings: Settings, say: Say | None = None) -> list[str]:
    """Make or refresh the demo accounts (new passwords, said at once) and the demo stories that
    are missing; returns every line said."""
    lines: list[str] = []

    def tell(line: str) -> None:
        lines.append(line)
        if say is not None:
            say(line)

    tell(f"demo staff accounts (sign in at {settings.base_url}/staff/login):")
    for role in DEMO_ROLES:
        password = new_staff_password()
        created = await _retrying(functools.partial(_demo_account, role, password))
        note = "" if created else " (password reset)"
        tell(f"staff {demo_email(role)} password {password}{note}")
    tell("demo stories (the leak guard needs the redaction engine: a few seconds at first)")
    # Once, before any transaction: warming up inside one would hold it.
    await engine_ready(settings.cache_dir)
    cipher = FieldCipher(settings.encryption_keys)
    for index, (title, language, _body) in enumerate(DEMO_STORIES):
        code, existing = await _demo_story(settings, index)
        if existing is None:
            state = await _retrying(functools.partial(_make_story, index, code, settings, cipher))
        else:
            state = f"{existing.state}, made before"
        tell(f"story {title!r} ({language}, {state}) receipt code: {code}")
    return lines


async def _demo_story(settings: Settings, index: int) -> tuple[str, Submission | None]:
    """Demo story ``index`` and its code if a run made it, under the current secret key or an
    earlier one (``STORIES_PREVIOUS_SECRET_KEYS``); else the code to make it with."""
    for key in settings.secret_keys:
        code = demo_receipt_code(key, index)
        existing = await Submission.get_or_none(receipt_hash=codes.code_hash(code, key))
        if existing is not None:
            return code, existing
    return demo_receipt_code(settings.secret_key, index), None


def demo_receipt_code(secret_key: str, index: int) -> str:
    """The receipt code of demo story ``index``: six words chosen by an HMAC under the secret
    key, so that a rerun finds the story (only the code's hash is stored) and prints it again."""
    label = f"healing-stories seed-demo story {index}".encode()
    digest = hmac.new(secret_key.encode(), label, hashlib.sha256).digest()
    words = codes.word_list()
    return " ".join(
        words[int.from_bytes(digest[2 * i : 2 * i + 2], "big") % len(words)]
        for i in range(codes.WORDS_PER_CODE)
    )


async def _demo_account(role: str, password: str) -> bool:
    """Create the demo account of ``role``, or give it back its role and a new password (which
    ends its sessions); True when it was created."""
    email = demo_email(role)
    if not await Staff.exists(email=email):
        await create_staff(email, role, password)
        return True
    await Staff.filter(email=email).update(role=role, active=True)
    await reset_password(email, password)
    return False


async def _make_story(index: int, code: str, settings: Settings, cipher: FieldCipher) -> str:
    """Store demo story ``index`` and walk it as far as its stage, in one transaction."""
    title, language, body = DEMO_STORIES[index]
    data = SubmissionIn(
        title=title,
        body=body,
        language=language,
        consent=ConsentIn(
            publish=True,
            attribution=Attribution.ANONYMOUS,
            review_before_publish=True,
            syndicate=True,
            languages=[language],
        ),
    )
    async with in_transaction():
        moderator = await Staff.get(email=demo_email("moderator"))
        stored = await store_submission(
            data,
            cipher=cipher,
            secret_key=settings.secret_key,
            wording=consent_wording("en"),
            receipt_code=code,
        )
        state = await _advance(index, stored.id, title, body, moderator, cipher)
        if state == "published":
            state = await _publish_demo(stored.id, cipher, settings.base_url)
    return state


def _database_busy(error: Exception) -> bool:
    return "locked" in str(error) or "busy" in str(error)


async def _retrying(step: Callable[[], Awaitable[T]]) -> T:
    """Run ``step`` (one transaction) again while SQLite stays busy past its busy timeout."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return await step()
        except (OperationalError, TransactionManagementError) as error:
            if not _database_busy(error):
                raise
            if attempt == ATTEMPTS:
                raise DemoBusy(
                    "the database stayed busy; nothing half-made was left behind: "
                    "run seed-demo again"
                ) from error
            await asyncio.sleep(attempt)
    raise AssertionError("unreachable")


# How far each demo story gets: in review with a revision, awaiting consent, ready, waiting,
# and published on the public site.
_DEMO_STAGES = ("in_review", "awaiting_consent", "ready", "submitted", "published")


async def _advance(
    index: int, submission_id: object, title: str, body: str, moderator: Staff, cipher: FieldCipher
) -> str:
    """Walk a demo story through the workflow as the demo moderator and survivor would."""
    stage = _DEMO_STAGES[index % len(_DEMO_STAGES)]
    if stage == "submitted":
        return stage
    actor = Actor.staff(moderator.id, moderator.role)
    await claim_submission(str(submission_id), actor)
    draft = RevisionDraft(
        title=title,
        summary=body.split(". ")[0][:200],
        body=body,
        content_notes=["displacement"],
        tags=["demo"],
    )
    await save_revision(str(submission_id), actor, draft, cipher)
    if stage == "in_review":
        return stage
    await send_for_consent(str(submission_id), actor)
    if stage == "awaiting_consent":
        return stage
    submission = await Submission.get(id=submission_id)
    await survivor_decides(submission, "approve", None, cipher)
    return stage


async def _publish_demo(submission_id: object, cipher: FieldCipher, base_url: str) -> str:
    """The demo editor approves (four eyes) and publishes, so the public site has a story."""
    editor = await Staff.get(email="demo-editor@example.org")
    actor = Actor.staff(editor.id, editor.role)
    await approve_submission(str(submission_id), actor, cipher)
    outcome = await publish_submission(str(submission_id), actor, cipher, base_url)
    return f"published at {base_url}/stories/{outcome.slug}"
