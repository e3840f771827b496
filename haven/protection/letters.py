"""The letter to a child's parents about their child protection plan, in
plain words: why the child has a plan, what must change and who will do
what, when the plan is next reviewed (the engine's due date, or the day the
review is booked for), and what to do if they disagree."""

import datetime as dt
from dataclasses import dataclass

from haven.core.models import Allocation, User
from haven.core.selectors import current_allocation
from haven.people.codes import RelationshipKind
from haven.people.models import Person
from haven.people.selectors import relationships_of
from haven.protection import arrangements
from haven.protection.codes import PLAIN_CATEGORY, Category
from haven.protection.models import ChildProtectionPlan, PlanConcern
from haven.timescales import selectors

PARENTS = {
    RelationshipKind(kind).label
    for kind in ("mother", "father", "parent", "step_parent", "carer")
}


@dataclass(frozen=True)
class Letter:
    person: Person
    plan: ChildProtectionPlan
    to: list[str]  # the parents and carers the reader may see named
    worried: str  # why the child has a plan, in plain words
    concerns: list[PlanConcern]
    next_review: dt.date | None
    review_booked: bool
    worker: Allocation | None
    chair: User


def _parents(person: Person, reader: User) -> list[str]:
    """The child's parents and carers, named only if the reader may see
    them named (a restricted parent is left out)."""
    return [
        row["person"].full_name
        for row in relationships_of(person, reader)
        if row["kind"] in PARENTS and not row["unnamed"]
    ]


def _next_review(plan: ChildProtectionPlan) -> tuple[dt.date | None, bool]:
    booked = arrangements.open_for(plan=plan)
    if booked is not None:
        return booked.planned_on, True
    for rule_id in ("CP-RCPC1", "CP-RCPC-N"):
        due = selectors.next_due_on(plan.person_id, rule_id, plan.pk)
        if due is not None:
            return due, False
    return None, False


def letter_for(plan: ChildProtectionPlan, person: Person, reader: User) -> Letter:
    worried = PLAIN_CATEGORY[Category(plan.latest_category)]
    review, booked = (None, False) if plan.ended_on else _next_review(plan)
    return Letter(
        person=person,
        plan=plan,
        to=_parents(person, reader),
        worried=worried.format(name=person.given_name),
        concerns=list(plan.concerns.all()),
        next_review=review,
        review_booked=booked,
        worker=current_allocation(person),
        chair=plan.starting_conference.chair,
    )
