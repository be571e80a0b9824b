"""``stories-service seed-demo``: fictional stories and demo staff, for a first look."""

from __future__ import annotations

import secrets

from moderation.states import Attribution
from stories_service.consent.wording import consent_wording
from stories_service.crypto import FieldCipher
from stories_service.intake.schemas import ConsentIn, SubmissionIn
from stories_service.intake.service import store_submission
from stories_service.models import Staff
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
    for title, language, body in DEMO_STORIES:
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
        lines.append(f"story {title!r} ({language}) receipt code: {stored.receipt_code}")
    return lines
