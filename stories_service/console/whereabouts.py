"""Where a story is now, from any state: a sentence for staff and a link to that place
(the queue view it sits in, the approvals desk, its public page)."""

from __future__ import annotations

from dataclasses import dataclass

from moderation.states import SubmissionState
from stories_service.models import PublishedStory, Submission
from stories_service.timefmt import staff_time


@dataclass(frozen=True)
class Whereabouts:
    sentence: str
    href: str | None
    link_text: str | None


_PLACES: dict[SubmissionState, Whereabouts] = {
    SubmissionState.SUBMITTED: Whereabouts(
        "Waiting in the queue for a moderator.", "/staff?view=waiting", "Open the queue"
    ),
    SubmissionState.IN_REVIEW: Whereabouts(
        "Being redacted by the moderator who claimed it.", "/staff?view=in_review", "In review"
    ),
    SubmissionState.AWAITING_CONSENT: Whereabouts(
        "With the survivor, who reads the text and agrees or asks for changes.",
        "/staff?view=awaiting_consent",
        "With the survivor",
    ),
    SubmissionState.READY: Whereabouts(
        "The survivor agreed; waiting for an editor's approval.",
        "/staff/approvals",
        "Open the approvals desk",
    ),
    SubmissionState.APPROVED: Whereabouts(
        "Approved; an editor publishes it or schedules it here.", "/staff?view=approved", "Approved"
    ),
    SubmissionState.UNPUBLISHED: Whereabouts(
        "Taken down: readers no longer see it.", "/staff?view=published", "Published and taken down"
    ),
    SubmissionState.REJECTED: Whereabouts(
        "Rejected; the survivor was told why.", "/staff?view=rejected", "Rejected"
    ),
}


async def whereabouts(submission: Submission, viewer_id: int) -> Whereabouts:
    """Where ``submission`` is now, for staff member ``viewer_id``; a published story links to
    its public page."""
    state = SubmissionState(submission.state)
    if state == SubmissionState.IN_REVIEW and submission.claimed_by_id == viewer_id:
        return Whereabouts("With you: you claimed it.", "/staff?view=mine", "My claims")
    if state == SubmissionState.WITHDRAWN:
        when = staff_time(submission.withdrawn_at)
        return Whereabouts(
            f"Withdrawn by the survivor on {when}: its text is deleted everywhere.", None, None
        )
    if state in (SubmissionState.PUBLISHED, SubmissionState.SCHEDULED):
        public = await PublishedStory.get_or_none(submission_id=submission.id)
        if state == SubmissionState.SCHEDULED:
            when = staff_time(public.publish_at if public else submission.publish_at)
            return Whereabouts(
                f"Scheduled to be published on {when}.", "/staff?view=published", "Published"
            )
        if public is not None:
            return Whereabouts(
                "Published: readers see it on its public page.",
                f"/stories/{public.slug}",
                "Open the public page",
            )
    return _PLACES.get(state, Whereabouts("Published.", "/staff?view=published", "Published"))


async def public_slugs(submission_ids: list[str]) -> dict[str, str]:
    """The public page's slug of each published submission among ``submission_ids``."""
    rows = await PublishedStory.filter(submission_id__in=submission_ids, state="published")
    return {str(row.submission_id): row.slug for row in rows}
