"""``stories-service seed-demo``: fictional stories and demo staff, for a first look."""

from __future__ import annotations

import secrets

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
from stories_service.settings import Settings
from stories_service.staff.accounts import create_staff

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


async def seed_demo(settings: Settings) -> list[str]:
    """Create demo staff (passwords printed once) and a few fictional submissions."""
    lines = []
    for role in ("moderator", "editor", "admin"):
        email = f"demo-{role}@example.org"
        if await Staff.exists(email=email):
            lines.append(f"{email} exists already")
            continue
        password = secrets.token_urlsafe(12)
        await create_staff(email, role, password)
        lines.append(f"staff {email} password {password}")
    cipher = FieldCipher(settings.encryption_keys)
    moderator = await Staff.get(email="demo-moderator@example.org")
    for index, (title, language, body) in enumerate(DEMO_STORIES):
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
        stored = await store_submission(
            data, cipher=cipher, secret_key=settings.secret_key, wording=consent_wording("en")
        )
        state = await _advance(index, stored.id, title, body, moderator, cipher)
        if state == "published":
            state = await _publish_demo(stored.id, cipher, settings.base_url)
        lines.append(f"story {title!r} ({language}, {state}) receipt code: {stored.receipt_code}")
    return lines


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
