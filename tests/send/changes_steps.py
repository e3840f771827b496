"""Steps for the plan-changes tests: a final plan issued 120 days ago, and the
engine's obligations under a rule."""

import datetime as dt

from haven.core.models import Establishment, User
from haven.people.models import Person
from haven.send import plans, services
from haven.send.models import EhcPlan
from haven.timescales.models import Obligation
from tests.send.conftest import ago, requested

DUE = Obligation.Status.DUE
MET = Obligation.Status.MET_ON_TIME
ENDED = Obligation.Status.NO_LONGER_REQUIRED


def issued_plan(child: Person, by: User, school: Establishment) -> EhcPlan:
    request = requested(child, by, days=200)
    services.decide_assessment(request, decision="Y", on=ago(190), by=by)
    services.decide_plan(request, decision="Y", on=ago(150), by=by)
    text = plans.PlanText(sections={"f": "Speech therapy weekly."}, primary_need="ASD")
    plan = plans.serve_draft(request, on=ago(140), text=text, by=by)
    final = plans.PlanText(
        sections={"f": "Speech therapy weekly."}, setting=school, primary_need="ASD"
    )
    return plans.issue_plan(plan, on=ago(120), text=final, by=by)


def obligations(child: Person, rule_id: str) -> list[tuple[str, str, dt.date]]:
    return list(
        Obligation.objects.filter(person=child, rule_id=rule_id)
        .order_by("pk")
        .values_list("subject", "status", "due_on")
    )
