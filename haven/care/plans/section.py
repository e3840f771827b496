"""The "Care plan" section of a looked-after child's page: the care plan in
force for their latest period of care with its plan for permanence, the plan
for the placement they live in now, and, from the timescale engine, when
either is due."""

from typing import Any

from haven.care import selectors
from haven.care.permissions import may_record_care
from haven.care.plans import reads
from haven.core.models import User
from haven.people import sections
from haven.people.models import Person


def plans_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """The section's context; None for a child never looked after."""
    cares = selectors.care_for_page(person)
    if not cares:
        return None
    period = cares[0].period
    placement = cares[0].current_placement
    care_plan = reads.care_plan_in_force(user, person, period)
    plan_due = reads.due(person, reads.CARE_PLAN, period.pk, record_ids)
    permanence_due = reads.due(person, reads.PERMANENCE, period.pk, record_ids)
    placement_due = (
        reads.due(person, reads.PLACEMENT_PLAN, placement.pk, record_ids)
        if placement is not None
        else None
    )
    return {
        "person": person,
        "period": period,
        "care_plan": care_plan,
        "care_plan_due": plan_due,
        "permanence_due": permanence_due,
        "placement": placement,
        "placement_plan": (
            reads.placement_plan_in_force(user, person, period, placement)
            if placement
            else None
        ),
        "placement_plan_due": placement_due,
        "may_record": may_record_care(user) and sections.may_change(user, person),
    }
