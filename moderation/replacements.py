"""What was replaced in a text, as the survivor is told it, and when a moderator must confirm
sending a text in which nothing was.

A revision records the kinds of the redactions applied to make it (``moderation.revisions``).
Each revision is made from the one before, so the text the survivor reviews carries every
redaction of the revisions up to it: the survivor is told which kinds of details were replaced
in plain groups ("names", "places"), and is never told that something was replaced when nothing
was. Loading the revisions is ``stories_service.moderating.replacements``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from moderation.redaction import KINDS
from moderation.revisions import N_
from moderation.workflow import WorkflowError

# The groups the survivor reads, in the order they are listed, with the kinds each one covers.
# The labels are English source messages, translated where the survivor reads them
# (``stories_service.i18n.labels.replaced_detail_label``).
REPLACED_DETAILS: dict[str, tuple[str, tuple[str, ...]]] = {
    "names": (N_("names"), ("person",)),
    "places": (N_("places"), ("place",)),
    "addresses": (N_("addresses"), ("address", "postcode")),
    "organisations": (N_("names of organisations"), ("organisation",)),
    "contact": (
        N_("contact details and online accounts"),
        ("email", "phone", "url", "handle", "ip_address"),
    ),
    "dates": (N_("dates"), ("date",)),
    "numbers": (N_("identity, card and bank numbers"), ("id_number", "payment_card", "iban")),
    "listed": (N_("the names and places you asked us never to show"), ("never_appear",)),
    "other": (N_("other details that could identify someone"), ("other",)),
}
_GROUP_OF_KIND = {kind: group for group, (_, kinds) in REPLACED_DETAILS.items() for kind in kinds}


class UnredactedNotConfirmed(WorkflowError):
    """A text with nothing replaced, sent while the engine still suggests redactions, without
    the moderator confirming that nothing in it needs replacing."""

    status = 409
    code = "unredacted_not_confirmed"


def replaced_kinds(redactions_by_revision: Iterable[Iterable[Mapping[str, object]]]) -> list[str]:
    """The redaction kinds applied in the given revisions (each a list of ``{"kind": ...}``),
    each once, in the engine's order; kinds it does not know are left out."""
    seen = {str(r.get("kind")) for revision in redactions_by_revision for r in revision}
    return [kind for kind in KINDS if kind in seen]


def replaced_details(kinds: Iterable[str]) -> list[str]:
    """The groups (keys of ``REPLACED_DETAILS``) the kinds fall into, each once, in order."""
    groups = {_GROUP_OF_KIND[kind] for kind in kinds if kind in _GROUP_OF_KIND}
    return [group for group in REPLACED_DETAILS if group in groups]


def must_confirm_unredacted(replaced: Collection[str], open_suggestions: Collection[str]) -> bool:
    """A moderator confirms before sending when nothing was replaced in the text although the
    engine still suggests redactions in it (``open_suggestions``: the kind of each one)."""
    return not replaced and bool(open_suggestions)


def check_unredacted_confirmed(
    replaced: Collection[str], open_suggestions: Collection[str], *, confirmed: bool
) -> None:
    """Raise ``UnredactedNotConfirmed`` when the moderator must confirm and has not."""
    if confirmed or not must_confirm_unredacted(replaced, open_suggestions):
        return
    count = len(open_suggestions)
    kinds = [kind for kind in KINDS if kind in set(open_suggestions)]
    raise UnredactedNotConfirmed(
        f"Nothing has been redacted in this text, but the engine still suggests "
        f"{count} redaction{'s' if count != 1 else ''} "
        f"({', '.join(kind.replace('_', ' ') for kind in kinds)}). Redact them, or confirm that "
        "nothing in the text needs replacing, before sending it to the survivor.",
        extra={"open_suggestions": count, "kinds": kinds},
    )
