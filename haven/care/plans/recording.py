"""Recording a new version of a looked-after child's care plan (with its plan
for permanence) or of a placement plan. Each checks the user's role and
access, names every fault at once, and writes the version and its journal
events in one transaction; a version never changes once written.

The events are dated the day the plan was agreed, or the day the care or the
placement started if it was agreed before (a plan is made before the first
placement where it can be), so the timescale engine reads them after the
clock they stop.

Journal events:
  care.care_plan_agreed          {"period", "plan", "version", "agreed_on"}
  care.permanence_plan_recorded  {"period", "plan", "option", "before"}
  care.placement_plan_agreed     {"placement", "plan", "version", "agreed_on"}
"""

import datetime as dt
from dataclasses import asdict, dataclass

from django.db import transaction

from haven.care import inputs, recording
from haven.care.models import CarePlan, PeriodOfCare, Placement, PlacementPlan
from haven.care.plans import versions
from haven.core import journal
from haven.core.errors import Failures
from haven.core.models import User

AGREED = "care.care_plan_agreed"
PERMANENCE = "care.permanence_plan_recorded"
PLACEMENT_AGREED = "care.placement_plan_agreed"


@dataclass(frozen=True)
class CarePlanSections:
    """What the care plan says (CPPCR Schedule 1)."""

    health: str
    education: str
    emotional: str
    identity: str
    relationships: str
    contact: str
    changes: str
    permanence: str = ""
    permanence_reason: str = ""


CARE_PLAN_WORDS = {
    "health": "Say what the child's health needs are and how they will be met",
    "education": "Say how the child's education will be supported",
    "emotional": "Say how the child's emotional and behavioural development "
    "will be supported",
    "identity": "Say how the child's identity will be respected and supported",
    "relationships": "Say how the child's family and social relationships will "
    "be kept up",
    "contact": "Say what the contact arrangements are",
    "changes": "Say what must change, by whom and by when",
}


@dataclass(frozen=True)
class PlacementPlanSections:
    """What the placement plan says (CPPCR Schedule 2)."""

    needs: str
    health: str
    education: str
    contact: str
    delegated_authority: str
    support: str


PLACEMENT_PLAN_WORDS = {
    "needs": "Say how the placement will meet the child's needs",
    "health": "Say how the child's health care will be arranged",
    "education": "Say how the child will go to school",
    "contact": "Say what the contact arrangements are at this placement",
    "delegated_authority": "Say which day-to-day decisions the carer may make",
    "support": "Say what support the child and the carer will have",
}


def _sections(sections: CarePlanSections | PlacementPlanSections) -> dict[str, str]:
    return {name: str(text).strip() for name, text in asdict(sections).items()}


def _agreed(
    agreed_on: dt.date | None, ended_on: dt.date | None, failures: Failures
) -> dt.date | None:
    agreed_on = inputs.past_date(
        agreed_on, field="agreed_on", what="the plan was agreed", failures=failures
    )
    if agreed_on is not None and ended_on is not None and agreed_on >= ended_on:
        failures.add(
            "agreed_after_end",
            f"That ended on {inputs.words(ended_on)}: a plan is agreed before then",
            field="agreed_on",
        )
    return agreed_on


def _check_permanence(
    text: dict[str, str], latest: CarePlan | None, failures: Failures
) -> None:
    option = text["permanence"]
    if option and option not in CarePlan.Permanence.values:
        failures.add(
            "permanence_unknown", "Choose the plan for permanence", "permanence"
        )
    if option and not text["permanence_reason"]:
        failures.add(
            "permanence_reason_required",
            "Say why this is the plan for permanence",
            field="permanence_reason",
        )
    if text["permanence_reason"] and not option:
        failures.add(
            "permanence_required",
            "Choose the plan for permanence the reason is for",
            field="permanence",
        )
    if latest is not None and latest.permanence and not option:
        failures.add(
            "permanence_removed",
            "The plan for permanence may change but not be taken out: choose one",
            field="permanence",
        )


def _journal_care_plan(plan: CarePlan, latest: CarePlan | None, *, by: User) -> None:
    period = plan.period
    at = recording.occurred(max(plan.agreed_on, period.started_on))
    payload = {"period": period.pk, "plan": plan.pk}
    journal.append(
        period.person,
        AGREED,
        {**payload, "version": plan.number, "agreed_on": plan.agreed_on},
        by=by,
        occurred_at=at,
    )
    before = latest.permanence if latest else ""
    if plan.permanence and plan.permanence != before:
        journal.append(
            period.person,
            PERMANENCE,
            {**payload, "option": plan.permanence, "before": before},
            by=by,
            occurred_at=at,
        )


def record_care_plan(
    period: PeriodOfCare,
    *,
    sections: CarePlanSections,
    agreed_on: dt.date | None,
    what_changed: str = "",
    by: User,
) -> CarePlan:
    """A new version of the period's care plan, superseding the last: the first
    meets LAC-CAREPLAN; one that sets or changes the plan for permanence meets
    LAC-PERM-PLAN."""
    child = period.person
    recording.may_record(by, child)
    failures = Failures()
    text = _sections(sections)
    care = {k: v for k, v in text.items() if k in CARE_PLAN_WORDS}
    versions.required(care, CARE_PLAN_WORDS, failures)
    agreed_on = _agreed(agreed_on, period.ended_on, failures)
    with transaction.atomic():
        PeriodOfCare.objects.select_for_update().get(pk=period.pk)
        latest = CarePlan.objects.filter(period=period).order_by("-number").first()
        place = versions.following(
            latest, agreed_on=agreed_on, what_changed=what_changed, failures=failures
        )
        _check_permanence(text, latest, failures)
        failures.raise_any()
        assert agreed_on is not None
        plan = CarePlan.objects.create(
            period=period,
            number=place.number,
            supersedes=place.supersedes,
            agreed_on=agreed_on,
            what_changed=what_changed.strip() if latest else "",
            written_by=by,
            **text,
        )
        _journal_care_plan(plan, latest, by=by)
    return plan


def record_placement_plan(
    placement: Placement,
    *,
    sections: PlacementPlanSections,
    agreed_with: str,
    agreed_on: dt.date | None,
    what_changed: str = "",
    by: User,
) -> PlacementPlan:
    """A new version of the placement's plan, agreed with the carer on
    `agreed_on`, superseding the last: the first meets LAC-PLACEPLAN."""
    child = placement.period.person
    recording.may_record(by, child)
    failures = Failures()
    text = _sections(sections)
    versions.required(text, PLACEMENT_PLAN_WORDS, failures)
    if not agreed_with.strip():
        failures.add(
            "agreed_with_required",
            "Enter the name of the carer who agreed the plan",
            field="agreed_with",
        )
    agreed_on = _agreed(agreed_on, placement.ended_on, failures)
    with transaction.atomic():
        Placement.objects.select_for_update().get(pk=placement.pk)
        latest = (
            PlacementPlan.objects.filter(placement=placement)
            .order_by("-number")
            .first()
        )
        place = versions.following(
            latest, agreed_on=agreed_on, what_changed=what_changed, failures=failures
        )
        failures.raise_any()
        assert agreed_on is not None
        plan = PlacementPlan.objects.create(
            placement=placement,
            number=place.number,
            supersedes=place.supersedes,
            agreed_on=agreed_on,
            agreed_with=agreed_with.strip(),
            what_changed=what_changed.strip() if latest else "",
            written_by=by,
            **text,
        )
        journal.append(
            child,
            PLACEMENT_AGREED,
            {
                "placement": placement.pk,
                "plan": plan.pk,
                "version": plan.number,
                "agreed_on": agreed_on,
            },
            by=by,
            occurred_at=recording.occurred(max(agreed_on, placement.started_on)),
        )
    return plan
