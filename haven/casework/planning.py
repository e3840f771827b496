"""Planned visits: a worker puts a visit in the calendar before making it.

A plan is not a record that the child was seen, so it meets no timescale:
only the visit note does. Planning and cancelling are journalled on the child's
record, so the chronology shows a visit planned and never made.

Journal events:
  casework.visit_planned            {"planned_visit", "planned_for", "visitor",
                                     "visitor_name", "purpose"}
  casework.planned_visit_cancelled  {"planned_visit", "planned_for", "reason"}
"""

import datetime as dt

from django.db import transaction

from haven.casework import permissions as rules
from haven.casework.models import PlannedVisit
from haven.core import access, clock, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.core.permissions import require
from haven.people.models import Person

PLANNED = "casework.visit_planned"
CANCELLED = "casework.planned_visit_cancelled"


def visitors_for(user: User) -> list[User]:
    """Who a worker may plan a visit for: themselves, and the caseworkers of
    their own team and of any team they manage."""
    teams = access.team_ids_for(user)
    others = (
        User.objects.filter(is_active=True, team_id__in=teams)
        .filter(groups__permissions__codename="record_casework")
        .exclude(pk=user.pk)
        .distinct()
        .order_by("last_name", "first_name")
    )
    return [user, *others]


def plan_visit(
    child: Person, *, on: dt.date | None, visitor: User | None, purpose: str, by: User
) -> PlannedVisit:
    """Plan a visit to the child on a day, by the worker who will make it
    (the planner, or a caseworker in their teams)."""
    require(rules.may_record_notes(by), "Your role does not include recording casework")
    access.require_lasting_access(by, child)
    failures = Failures()
    if on is None:
        failures.add(
            "planned_for_required", "Enter the date of the visit", "planned_for"
        )
    elif on < clock.today():
        failures.add(
            "planned_in_past",
            "The date of a planned visit must be today or later",
            "planned_for",
        )
    if visitor is None:
        failures.add("visitor_required", "Choose who will visit", "visitor")
    elif visitor.pk not in {u.pk for u in visitors_for(by)}:
        failures.add(
            "visitor_not_in_team",
            "Choose yourself or a caseworker in your team as the visitor",
            "visitor",
        )
    failures.raise_any()
    assert on is not None and visitor is not None
    with transaction.atomic():
        planned = PlannedVisit.objects.create(
            person=child,
            planned_for=on,
            visitor=visitor,
            purpose=purpose.strip(),
            planned_by=by,
            recorded_at=clock.now(),
        )
        journal.append(
            child,
            PLANNED,
            {
                "planned_visit": planned.pk,
                "planned_for": on,
                "visitor": visitor.pk,
                "visitor_name": str(visitor),
                "purpose": planned.purpose,
            },
            by=by,
        )
    return planned


def cancel_planned_visit(planned: PlannedVisit, *, reason: str, by: User) -> None:
    """Take a planned visit out of the calendar, saying why."""
    require(rules.may_record_notes(by), "Your role does not include recording casework")
    access.require_lasting_access(by, planned.person)
    if not reason.strip():
        raise DomainError(
            "reason_required", "Say why the visit is cancelled", field="reason"
        )
    with transaction.atomic():
        locked = PlannedVisit.objects.select_for_update().get(pk=planned.pk)
        if locked.cancelled_at is not None:
            raise DomainError("already_cancelled", "This visit is already cancelled")
        locked.cancelled_at = clock.now()
        locked.cancel_reason = reason.strip()
        locked.save(update_fields=["cancelled_at", "cancel_reason"])
        journal.append(
            locked.person,
            CANCELLED,
            {
                "planned_visit": locked.pk,
                "planned_for": locked.planned_for,
                "reason": locked.cancel_reason,
            },
            by=by,
        )
    planned.cancelled_at = locked.cancelled_at
    planned.cancel_reason = locked.cancel_reason
