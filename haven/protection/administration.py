"""The conference administrator's part in a booked conference: the
invitations sent for its day, and the chair's signed record sent to those
invited. (A rebooking to another day asks for the invitations again:
arrangements.py clears the day they were sent.)

Journal events:
  protection.conference_invitations_sent {"arrangement", "episode", "kind",
      "planned_on"}
  protection.conference_record_circulated {"arrangement", "conference",
      "episode"}
"""

from django.db import transaction

from haven.core import access, clock, journal
from haven.core.errors import DomainError
from haven.core.models import User
from haven.core.permissions import require
from haven.protection import case_roles
from haven.protection.models import ConferenceArrangement
from haven.protection.permissions import may_arrange_conferences


def _may(by: User, booked: ConferenceArrangement) -> None:
    require(
        may_arrange_conferences(by),
        "Only a conference administrator or the social worker sends a "
        "conference's papers",
    )
    access.require_lasting_access(by, booked.episode.person)


def _locked(booked: ConferenceArrangement) -> ConferenceArrangement:
    # Not joined to its conference: the booking may have none yet, and
    # PostgreSQL locks no row on the nullable side of an outer join.
    return (
        ConferenceArrangement.objects.select_for_update()
        .select_related("episode__person")
        .get(pk=booked.pk)
    )


def _mark_sent(booked: ConferenceArrangement, field: str, words: str) -> None:
    """Today, once: a second time says when it was."""
    sent = getattr(booked, field)
    if sent is not None:
        raise DomainError("already_sent", f"{words} on {sent:%-d %B %Y}")
    setattr(booked, field, clock.today())
    booked.save(update_fields=[field])


def record_invitations_sent(
    booked: ConferenceArrangement, *, by: User
) -> ConferenceArrangement:
    """The invitations to the booked conference went out today."""
    _may(by, booked)
    with transaction.atomic():
        booked = _locked(booked)
        if booked.conference_id is not None:
            raise DomainError("conference_held", "This conference has been held")
        _mark_sent(booked, "invitations_sent_on", "The invitations were sent")
        journal.append(
            booked.episode.person,
            "protection.conference_invitations_sent",
            {
                "arrangement": booked.pk,
                "episode": booked.episode_id,
                "kind": booked.kind,
                "planned_on": booked.planned_on,
            },
            by=by,
        )
    return booked


def record_circulated(
    booked: ConferenceArrangement, *, by: User
) -> ConferenceArrangement:
    """The conference's record, signed off by its chair, went to those
    invited today."""
    _may(by, booked)
    with transaction.atomic():
        booked = _locked(booked)
        held = booked.conference
        if held is None or held.signed_off_at is None:
            raise DomainError(
                "not_signed_off",
                "The chair has not signed the record off yet: it is circulated "
                "once signed",
            )
        _mark_sent(booked, "record_circulated_on", "The record was circulated")
        journal.append(
            booked.episode.person,
            "protection.conference_record_circulated",
            {
                "arrangement": booked.pk,
                "conference": held.pk,
                "episode": booked.episode_id,
            },
            by=by,
        )
        # The administrator's part done: their role may end with it.
        case_roles.release_if_done(booked.episode.person, by=by)
    return booked
