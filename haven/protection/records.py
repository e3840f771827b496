"""A conference's record once it is held: its words change freely until the
chair signs it off (conferences.sign_off); after that the signed record is
read-only, and a correction is added beside it as an amendment, saying who
made it, when and why. Nothing signed is ever written over.

Journal events:
  protection.conference_record_changed {"conference", "episode", "before",
      "after"} (only the parts that changed)
  protection.conference_amended {"conference", "episode", "amendment"}
"""

from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.core import access, clock, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.core.permissions import require
from haven.protection.models import Conference, ConferenceAmendment
from haven.protection.permissions import may_record_conferences

# The words of a record that may change before it is signed off. The day, the
# chair, the decision and the category start and end plans: they are not here.
WORDS = ("minutes", "family_views", "child_views", "dissent")


def _may_write(by: User, conference: Conference) -> None:
    require(
        may_record_conferences(by),
        "Only the social worker, the chair or a conference administrator changes "
        "a conference's record",
    )
    access.require_lasting_access(by, conference.episode.person)


def _locked(conference: Conference) -> Conference:
    return (
        Conference.objects.select_for_update()
        .select_related("episode__person")
        .get(pk=conference.pk)
    )


def signed_words(conference: Conference) -> str:
    assert conference.signed_off_at is not None
    return f"{timezone.localtime(conference.signed_off_at):%-d %B %Y}"


def change_record(
    conference: Conference, changes: dict[str, str], *, by: User
) -> Conference:
    """Change the record's words before the chair signs it off."""
    _may_write(by, conference)
    with transaction.atomic():
        conference = _locked(conference)
        if conference.signed_off_at is not None:
            raise DomainError(
                "signed_off",
                f"The chair signed this record off on {signed_words(conference)}, "
                "so it cannot be changed: add an amendment instead",
            )
        before = {name: getattr(conference, name) for name in WORDS}
        after = {name: str(changes[name]).strip() for name in WORDS if name in changes}
        changed = {name: v for name, v in after.items() if v != before[name]}
        if not changed:
            return conference
        for name, value in changed.items():
            setattr(conference, name, value)
        conference.save(update_fields=list(changed))
        journal.append(
            conference.episode.person,
            "protection.conference_record_changed",
            {
                "conference": conference.pk,
                "episode": conference.episode_id,
                "before": {name: before[name] for name in changed},
                "after": changed,
            },
            by=by,
        )
    return conference


def check_amendment(conference: Conference, text: str, reason: str) -> None:
    failures = Failures()
    if conference.signed_off_at is None:
        failures.add(
            "not_signed_off",
            "The chair has not signed this record off yet: change the record itself",
        )
    if not text.strip():
        failures.add("text_required", "Write the amendment", field="text")
    if not reason.strip():
        failures.add("reason_required", "Say why the record is amended", "reason")
    failures.raise_any()


def amend(
    conference: Conference, *, text: str, reason: str, by: User
) -> ConferenceAmendment:
    """Add an amendment beside a signed-off record."""
    _may_write(by, conference)
    with transaction.atomic():
        conference = _locked(conference)
        check_amendment(conference, text, reason)
        made = ConferenceAmendment.objects.create(
            conference=conference,
            text=text.strip(),
            reason=reason.strip(),
            made_by=by,
            made_at=clock.now(),
        )
        journal.append(
            conference.episode.person,
            "protection.conference_amended",
            {
                "conference": conference.pk,
                "episode": conference.episode_id,
                "amendment": made.pk,
            },
            by=by,
            reason=made.reason,
        )
    return made


def record_of(conference: Conference) -> dict[str, Any]:
    """The record's words as they stand, for a form."""
    return {name: getattr(conference, name) for name in WORDS}
