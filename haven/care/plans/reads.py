"""Reads of a looked-after child's plans, for a user who may open the child's
record (anyone else is refused, as for the record itself): a plan's versions
newest first, the version in force, and when the engine holds each plan due."""

import datetime as dt
from dataclasses import dataclass

from haven.care.models import CarePlan, PeriodOfCare, Placement, PlacementPlan
from haven.core import few
from haven.core.errors import AccessDenied
from haven.core.models import User
from haven.people.models import Person
from haven.people.sections import why_may_open
from haven.people.selectors import record_ids
from haven.timescales import selectors as timescales

CARE_PLAN = "LAC-CAREPLAN"
PERMANENCE = "LAC-PERM-PLAN"
PLACEMENT_PLAN = "LAC-PLACEPLAN"


def _may_read(user: User, person: Person) -> None:
    why = why_may_open(user, person)
    if why is None:
        raise AccessDenied()


def care_plans(user: User, period: PeriodOfCare) -> list[CarePlan]:
    """Every version of the period's care plan, newest (in force) first."""
    _may_read(user, period.person)
    return list(
        CarePlan.objects.filter(period=period)
        .select_related("written_by")
        .order_by("-number")
    )


def placement_plans(user: User, placement: Placement) -> list[PlacementPlan]:
    """Every version of the placement's plan, newest (in force) first."""
    _may_read(user, placement.period.person)
    return list(
        PlacementPlan.objects.filter(placement=placement)
        .select_related("written_by")
        .order_by("-number")
    )


def _may_read_period(user: User, person: Person, period: PeriodOfCare) -> None:
    """The user may open the child, and the period is the child's (or of a
    record merged into theirs): a plan is never read through another child."""
    _may_read(user, person)
    if period.person_id not in record_ids(person):
        raise AccessDenied()


def care_plan_in_force(
    user: User, person: Person, period: PeriodOfCare
) -> CarePlan | None:
    """The care plan in force for a period of the child's (or of a record
    merged into theirs)."""
    _may_read_period(user, person, period)
    return few.first_of(
        "care.plans.care_plan_in_force",
        CarePlan,
        [period.pk],
        lambda ids: CarePlan.objects.filter(period_id__in=ids).order_by("-number"),
    )


def placement_plan_in_force(
    user: User, person: Person, period: PeriodOfCare, placement: Placement
) -> PlacementPlan | None:
    """The plan in force for a placement in a period of the child's (as
    above)."""
    _may_read_period(user, person, period)
    if placement.period_id != period.pk:
        raise AccessDenied()
    return few.first_of(
        "care.plans.placement_plan_in_force",
        PlacementPlan,
        [placement.pk],
        lambda ids: PlacementPlan.objects.filter(placement_id__in=ids).order_by(
            "-number"
        ),
    )


@dataclass(frozen=True)
class Due:
    """A plan the engine holds due, and by when."""

    rule_id: str
    due_on: dt.date


def due(
    person: Person, rule_id: str, subject: object, record_ids: list[int]
) -> Due | None:
    """When the engine holds a plan due for `subject` (a period or a placement),
    from the obligations the page reads once; None if nothing is due."""
    obligations = timescales.due_for_page(record_ids)
    day = timescales.next_due_in(obligations, person.pk, rule_id, subject)
    return Due(rule_id, day) if day is not None else None
