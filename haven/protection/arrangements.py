"""Booking a child protection conference before it is held: its day, its
chair and its administrator (a transfer-in conference can be booked before the
child's plan comes here). The chair and the administrator hold the child's
case in their roles from the booking (case_roles.py), so the conference is on
the chair's queue and they can read the record they will chair.

Journal events:
  protection.conference_arranged {"arrangement", "episode", "kind",
      "planned_on", "chair", "administrator", "section_47", "plan"}
      (a transfer-in conference's first booking starts CP-TRANSFER-IN)
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from django.db import transaction

from haven.cin.models import CinEpisode
from haven.cin.services import open_locked
from haven.core import access, clock, journal
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.core.permissions import require
from haven.protection import case_roles
from haven.protection.codes import ConferenceKind, EnquiryOutcome
from haven.protection.models import (
    ChildProtectionPlan,
    ConferenceArrangement,
    Section47Enquiry,
)
from haven.protection.permissions import may_arrange_conferences
from haven.protection.rules import check_weekday


@dataclass(frozen=True)
class Booking:
    """A conference's day, chair and administrator, as typed."""

    planned_on: dt.date | None
    chair: User | None
    administrator: User | None = None


def _check_booking(
    episode: CinEpisode, booking: Booking, after: tuple[dt.date, str]
) -> None:
    failures = Failures()
    day = booking.planned_on
    if day is None:
        failures.add("date_required", "Enter the date of the conference", "planned_on")
    elif day < max(clock.today(), after[0]):
        since = "today" if clock.today() >= after[0] else after[1]
        failures.add(
            "date_too_early",
            f"The conference must be arranged for {since} or later "
            f"({max(clock.today(), after[0]):%-d %B %Y})",
            "planned_on",
        )
    with failures.gather():
        check_weekday(day, field="planned_on")
    if booking.chair is None:
        failures.add("chair_required", "Choose who chairs the conference", "chair")
    case_roles.check_holder(
        booking.chair, CaseRole.CP_CHAIR, field="chair", failures=failures
    )
    case_roles.check_holder(
        booking.administrator,
        CaseRole.CONFERENCE_ADMIN,
        field="administrator",
        failures=failures,
    )
    failures.raise_any()


def _may_arrange(by: User, episode: CinEpisode) -> None:
    require(
        may_arrange_conferences(by),
        "Only the social worker or a conference administrator arranges a conference",
    )
    access.require_lasting_access(by, episode.person)


def check_initial(enquiry: Section47Enquiry, booking: Booking) -> None:
    if enquiry.outcome != EnquiryOutcome.SIGNIFICANT_HARM:
        raise DomainError(
            "not_recommended",
            "The section 47 enquiry has not called an initial conference: record "
            "its outcome first",
        )
    if hasattr(enquiry, "initial_conference"):
        raise DomainError(
            "conference_held", "This enquiry's initial conference is already recorded"
        )
    after = enquiry.completed_on or enquiry.started_on
    _check_booking(enquiry.episode, booking, (after, "the enquiry's outcome"))


def arrange_initial(
    enquiry: Section47Enquiry, booking: Booking, *, by: User
) -> ConferenceArrangement:
    """Book the initial conference the enquiry called (a pre-birth one for
    an unborn child), or change its booking."""
    _may_arrange(by, enquiry.episode)
    enquiry = Section47Enquiry.objects.select_related("episode__person").get(
        pk=enquiry.pk
    )
    check_initial(enquiry, booking)
    unborn = enquiry.episode.person.is_unborn
    kind = ConferenceKind.PRE_BIRTH if unborn else ConferenceKind.INITIAL
    return _save(enquiry.episode, booking, by=by, kind=kind, section_47=enquiry)


def check_review(plan: ChildProtectionPlan, booking: Booking) -> None:
    if plan.ended_on is not None:
        raise DomainError("plan_ended", "This child protection plan has ended")
    last = plan.reviews.order_by("-held_on").first()
    after = (plan.started_on, "the day after the plan started")
    if last is not None:
        after = (last.held_on, "the day after the last review")
    after = (after[0] + dt.timedelta(days=1), after[1])
    _check_booking(plan.episode, booking, after)


def arrange_review(
    plan: ChildProtectionPlan, booking: Booking, *, by: User
) -> ConferenceArrangement:
    """Book the plan's next review conference, or change its booking."""
    _may_arrange(by, plan.episode)
    plan = ChildProtectionPlan.objects.select_related("episode__person").get(pk=plan.pk)
    check_review(plan, booking)
    return _save(plan.episode, booking, by=by, kind=ConferenceKind.REVIEW, plan=plan)


def check_transfer_in(episode: CinEpisode, booking: Booking) -> None:
    """Booked ahead of the child's plan coming here from another authority:
    the child is on no plan here yet."""
    if episode.closed_on is not None:
        raise DomainError("episode_closed", "This episode is closed")
    if episode.person.is_unborn:
        raise DomainError(
            "unborn",
            "An unborn child's plan starts at a pre-birth conference, not a "
            "transfer-in conference",
        )
    if episode.person.cp_plans.filter(ended_on=None).exists():
        raise DomainError(
            "on_a_plan",
            "The child is already on a child protection plan here: a transfer-in "
            "conference is for a plan coming from another authority",
        )
    _check_booking(episode, booking, (episode.referral_date, "the referral"))


def arrange_transfer_in(
    episode: CinEpisode, booking: Booking, *, by: User
) -> ConferenceArrangement:
    """Book the transfer-in conference for a child whose plan is moving here,
    or change its booking: the chair's queue shows it due (CP-TRANSFER-IN)."""
    _may_arrange(by, episode)
    episode = CinEpisode.objects.select_related("person").get(pk=episode.pk)
    check_transfer_in(episode, booking)
    kind = ConferenceKind.TRANSFER_IN
    return _save(episode, booking, by=by, kind=kind)


def open_for(**subject: Any) -> ConferenceArrangement | None:
    """The booking waiting for an enquiry's or a plan's conference (or an
    episode's transfer-in conference: episode=, kind=)."""
    return (
        ConferenceArrangement.objects.filter(conference=None, **subject)
        .select_related("chair", "administrator")
        .first()
    )


def _save(
    episode: CinEpisode, booking: Booking, *, by: User, kind: str, **subject: Any
) -> ConferenceArrangement:
    with transaction.atomic():
        episode = open_locked(episode)
        found = (
            ConferenceArrangement.objects.select_for_update()
            .filter(conference=None, episode=episode, kind=kind, **subject)
            .first()
        ) or ConferenceArrangement(episode=episode, kind=kind, **subject)
        # Both checked before the transaction (_check_booking).
        if found.planned_on != booking.planned_on:
            found.invitations_sent_on = None  # invited to another day: again
        found.planned_on = cast(dt.date, booking.planned_on)
        found.chair = cast(User, booking.chair)
        found.administrator = booking.administrator
        found.arranged_by = by
        found.arranged_at = clock.now()
        found.save()
        person = episode.person
        case_roles.give(person, booking.chair, CaseRole.CP_CHAIR, by=by)
        case_roles.give(person, booking.administrator, CaseRole.CONFERENCE_ADMIN, by=by)
        journal.append(
            person,
            "protection.conference_arranged",
            {
                "arrangement": found.pk,
                "episode": episode.pk,
                "kind": kind,
                "planned_on": found.planned_on,
                "chair": found.chair_id,
                "administrator": found.administrator_id,
                "section_47": found.section_47_id,
                "plan": found.plan_id,
            },
            by=by,
        )
    return found
