"""The EHC plan: the draft served on the family, then the final plan within
the 20 weeks of SEN-EHCP-20W, with any exception to the 20 weeks recorded so
timeliness can leave it out (SENDR reg 13)."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction

from haven.core.errors import Failures
from haven.core.models import Establishment, User
from haven.send.codes import PLAN_SECTIONS, Exception20, NeedType
from haven.send.models import Decision, EhcPlan, EhcRequest
from haven.send.rules import check_date, locked, may_manage, record_event

# SENDR reg 13(1): the family have at least 15 days, beginning with the day the
# draft is served, to comment and ask for a school: the earliest day the plan
# can be final is the 16th (SEN-DRAFT-REPS, an earliest date, not a deadline).
REPRESENTATION_DAYS = 15


@dataclass
class PlanText:
    """Sections A to K of the plan, by letter, and the plan's SEN2 facts."""

    sections: dict[str, str] = field(default_factory=dict)
    setting: Establishment | None = None
    primary_need: str = ""
    secondary_need: str = ""

    def apply(self, plan: EhcPlan) -> None:
        for letter, _words in PLAN_SECTIONS:
            setattr(plan, f"section_{letter}", self.sections.get(letter, "").strip())
        plan.setting = self.setting
        plan.primary_need = self.primary_need
        plan.secondary_need = self.secondary_need


def _check_needs(failures: Failures, text: PlanText, *, required: bool) -> None:
    if text.primary_need and text.primary_need not in NeedType.values:
        failures.add("need_unknown", "Choose the main need", "primary_need")
    elif required and not text.primary_need:
        failures.add("need_required", "Choose the child's main need", "primary_need")
    if text.secondary_need and text.secondary_need not in NeedType.values:
        failures.add("need_unknown", "Choose the second need", "secondary_need")
    elif text.secondary_need and text.secondary_need == text.primary_need:
        failures.add(
            "need_twice",
            "The second need must differ from the main need",
            "secondary_need",
        )


def serve_draft(
    request: EhcRequest, *, on: dt.date | None, text: PlanText, by: User
) -> EhcPlan:
    """Serve the draft plan on the family: their 15 days begin."""
    may_manage(by, request)
    with transaction.atomic():
        request = locked(request)
        failures = Failures()
        if request.issue != Decision.YES:
            failures.add("not_to_issue", "Decide to issue a plan before drafting it")
        elif EhcPlan.objects.filter(request=request).exists():
            failures.add("already_drafted", "The draft plan has already been served")
        check_date(
            failures,
            on,
            field="on",
            what="the draft was served",
            not_before=request.issue_decided_on,
            not_before_words="the decision to issue a plan",
        )
        _check_needs(failures, text, required=False)
        failures.raise_any()
        assert on is not None
        plan = EhcPlan(request=request, person=request.person, draft_served_on=on)
        text.apply(plan)
        plan.save()
        record_event(request, "draft_plan_served", {"plan": plan.pk}, by=by, on=on)
    return plan


def earliest_final(plan: EhcPlan) -> dt.date:
    return plan.draft_served_on + dt.timedelta(days=REPRESENTATION_DAYS)


def issue_plan(
    plan: EhcPlan,
    *,
    on: dt.date | None,
    text: PlanText,
    exception: str = "",
    by: User,
) -> EhcPlan:
    """Issue the final EHC plan, naming the school or setting."""
    may_manage(by, plan.request)
    with transaction.atomic():
        request = locked(plan.request)
        plan = EhcPlan.objects.select_for_update().get(pk=plan.pk)
        failures = Failures()
        if plan.issued_on is not None:
            failures.add("already_issued", "The plan has already been issued")
        check_date(
            failures,
            on,
            field="on",
            what="the plan was issued",
            not_before=earliest_final(plan),
            not_before_words="the end of the family's 15 days",
        )
        _check_needs(failures, text, required=True)
        if text.setting is None:
            failures.add("setting_required", "Choose the school or setting", "setting")
        if exception not in Exception20.values:
            failures.add("exception_unknown", "Choose the exception", "exception")
        failures.raise_any()
        assert on is not None
        text.apply(plan)
        plan.issued_on, plan.exception = on, exception
        plan.save()
        payload = {"plan": plan.pk, "exception": exception, "setting": plan.setting_id}
        record_event(request, "plan_finalised", payload, by=by, on=on)
    return plan
