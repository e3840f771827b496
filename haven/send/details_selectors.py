"""Reads of an EHC plan's details and consultations, for the request page
and the child's SEND section."""

from typing import Any

from haven.send import details, details_placements
from haven.send.codes import RESIDENTIAL_SOURCE, WORK_BASED_SOURCE
from haven.send.models import EhcPlan, EhcRequest, PlanArrangements, SendPlacement


def page_context(ehc: EhcRequest, plan: EhcPlan | None) -> dict[str, Any]:
    """What the request page shows of the consultations and the plan's details."""
    context: dict[str, Any] = {
        "consultations": list(ehc.consultations.select_related("establishment")),
        "may_consult": ehc.issue == "Y" and not (plan and plan.issued_on),
        "residential_source": RESIDENTIAL_SOURCE,
        "work_based_source": WORK_BASED_SOURCE,
    }
    if plan is not None:
        context.update(
            named=details.plan_details(plan),
            arrangements=PlanArrangements.objects.filter(plan=plan).first(),
            placements=list(
                SendPlacement.objects.filter(person_id=plan.person_id).select_related(
                    "establishment"
                )
            ),
        )
    return context


def short(plan: EhcPlan | None) -> dict[str, Any]:
    """The child's SEND section's line: where they are now, and any budget."""
    if plan is None or plan.issued_on is None:
        return {}
    return {
        "placement": details_placements.current_placement(plan),
        "arrangements": PlanArrangements.objects.filter(plan=plan).first(),
    }
