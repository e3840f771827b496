"""The "Adoption" section of a child's page. Everyone who may open the child
sees that a plan for adoption exists and its dates (decided, matched, placed,
adopted, or the plan ended); only adoption workers see the adopters, read
through the sealed selector (sealed.adopters_for)."""

from typing import Any

from haven.care.adoption import sealed
from haven.care.adoption.codes import PlanCeased
from haven.care.adoption.permissions import may_manage_adoption, may_plan_adoption
from haven.care.models import Adopters, AdoptionDecision, PermanenceBefore
from haven.care.selectors import care_for_page
from haven.core import few
from haven.core.models import User
from haven.people import sections
from haven.people.models import Person
from haven.timescales.earliest import earliest_from


def _dates(decision: AdoptionDecision | None) -> dict[str, Any]:
    """The match's dates, which are not sealed (the AD1 sends them)."""
    if decision is None:
        return {}
    found = (
        Adopters.objects.filter(decision=decision)
        .values("matched_on", "placement__started_on", "adopted_on")
        .first()
    )
    if found is None:
        return {}
    return {
        "matched_on": found["matched_on"],
        "placed_on": found["placement__started_on"],
        "adopted_on": found["adopted_on"],
    }


def adoption_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """The section's context; None for a child never looked after."""
    cares = care_for_page(person)
    if not cares:
        return None
    decision = few.first_of(
        "care.adoption.decision",
        AdoptionDecision,
        record_ids,
        lambda ids: AdoptionDecision.objects.filter(person_id__in=ids).order_by(
            "-decided_on", "-pk"
        ),
    )
    open_period = next((c.period for c in cares if c.period.ended_on is None), None)
    may_change = sections.may_change(user, person)
    dates = _dates(decision)
    live = decision is not None and decision.ceased_on is None
    manage = may_manage_adoption(user) and may_change and open_period is not None
    return {
        "person": person,
        "period": open_period,
        "decision": decision,
        "ceased_reason": (
            PlanCeased(decision.ceased_reason).label
            if decision and decision.ceased_reason
            else ""
        ),
        "dates": dates,
        "may_apply_from": _may_apply_from(dates),
        "adopters": sealed.adopters_for(person, user),
        "permanence": few.first_of(
            "care.adoption.permanence",
            PermanenceBefore,
            record_ids,
            lambda ids: PermanenceBefore.objects.filter(person_id__in=ids).order_by(
                "-pk"
            ),
        ),
        "may_decide": may_plan_adoption(user)
        and may_change
        and open_period is not None
        and not live,
        "may_cease": may_plan_adoption(user) and may_change and live,
        "may_match": manage and live and "matched_on" not in dates,
        "may_place": manage
        and live
        and dates.get("matched_on") is not None
        and dates.get("placed_on") is None,
        "may_order": manage and live and dates.get("placed_on") is not None,
        "may_record_permanence": may_plan_adoption(user)
        and may_change
        and open_period is not None,
    }


def _may_apply_from(dates: dict[str, Any]) -> Any:
    """When the adopters may apply for the adoption order (ADO-S42), while
    the child is placed with them and not yet adopted."""
    placed_on = dates.get("placed_on")
    if placed_on is None or dates.get("adopted_on") is not None:
        return None
    return earliest_from("ADO-S42", placed_on)
