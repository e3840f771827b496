"""Annual reviews of a final EHC plan (CAFA s44; SENDR reg 20-21): the review
meeting meets SEN-ANNUAL (which then falls due again 12 months later) and
starts SEN-AR-STEPS; the local authority's decision to keep, amend or cease
the plan meets SEN-AR-STEPS. Ceasing ends the plan and its open duties. The
dates are the engine's, read from its obligations."""

import datetime as dt

from django.db import transaction

from haven.core import clock
from haven.core.errors import Failures
from haven.core.models import User
from haven.send.codes import CeaseReason, ReviewOutcome
from haven.send.models import AnnualReview, EhcPlan
from haven.send.rules import check_date, locked, may_manage, record_event


def _latest(plan: EhcPlan) -> AnnualReview | None:
    return plan.reviews.order_by("-held_on", "-pk").first()


def _check_meeting(
    failures: Failures,
    plan: EhcPlan,
    held_on: dt.date | None,
    attended: str,
    views: str,
) -> None:
    latest = _latest(plan)
    if plan.issued_on is None:
        failures.add("not_final", "The plan must be issued before it is reviewed")
    elif plan.ceased_on is not None:
        failures.add("plan_ceased", "The plan has ceased: it is not reviewed")
    elif latest is not None and not latest.decision:
        failures.add("review_undecided", "Record the decision on the last review first")
    after, words = plan.issued_on, "the plan was issued"
    if latest is not None:
        after, words = latest.held_on, "the last review meeting"
    check_date(
        failures,
        held_on,
        field="held_on",
        what="the meeting was held",
        not_before=after,
        not_before_words=words,
    )
    if not attended.strip():
        failures.add("attended_required", "Say who attended the meeting", "attended")
    if not views.strip():
        failures.add(
            "views_required",
            "Give the views of the child and family, in short",
            "views",
        )


def record_meeting(
    plan: EhcPlan,
    *,
    held_on: dt.date | None,
    attended: str,
    views: str,
    by: User,
) -> AnnualReview:
    """Record the annual review meeting held on the final plan."""
    may_manage(by, plan.request)
    with transaction.atomic():
        request = locked(plan.request)
        plan = EhcPlan.objects.select_for_update().get(pk=plan.pk)
        failures = Failures()
        _check_meeting(failures, plan, held_on, attended, views)
        failures.raise_any()
        assert held_on is not None
        review = AnnualReview.objects.create(
            plan=plan,
            person=plan.person,
            held_on=held_on,
            attended=attended.strip(),
            views=views.strip(),
            created_by=by,
            created_at=clock.now(),
        )
        payload = {"plan": plan.pk, "review": review.pk}
        record_event(request, "annual_review_meeting_held", payload, by=by, on=held_on)
    return review


def _check_decision(
    failures: Failures,
    review: AnnualReview,
    decision: str,
    on: dt.date | None,
    amendments: str,
    cease_reason: str,
) -> None:
    if review.decision:
        failures.add("already_decided", "The decision on this review is recorded")
    if decision not in ReviewOutcome.values:
        failures.add(
            "decision_required",
            "Choose whether to keep, amend or cease the plan",
            "decision",
        )
    check_date(
        failures,
        on,
        field="on",
        what="of the decision",
        not_before=review.held_on,
        not_before_words="the review meeting",
    )
    if decision == ReviewOutcome.AMEND and not amendments.strip():
        failures.add(
            "amendments_required",
            "Set out the proposed amendments: the family are sent them with the "
            "decision",
            "amendments",
        )
    if decision == ReviewOutcome.CEASE and cease_reason not in CeaseReason.values:
        failures.add(
            "cease_reason_required", "Choose why the plan ends", "cease_reason"
        )


def decide(
    review: AnnualReview,
    *,
    decision: str,
    on: dt.date | None,
    amendments: str = "",
    cease_reason: str = "",
    by: User,
) -> AnnualReview:
    """Record the local authority's decision after the review meeting: keep
    the plan, amend it (with the proposed amendments) or cease it (with the
    SEN2 reason), which ends the plan."""
    may_manage(by, review.plan.request)
    with transaction.atomic():
        request = locked(review.plan.request)
        plan = EhcPlan.objects.select_for_update().get(pk=review.plan_id)
        review = AnnualReview.objects.select_for_update().get(pk=review.pk)
        failures = Failures()
        _check_decision(failures, review, decision, on, amendments, cease_reason)
        failures.raise_any()
        assert on is not None
        review.decision, review.decided_on = decision, on
        amend = decision == ReviewOutcome.AMEND
        review.amendments = amendments.strip() if amend else ""
        review.save(update_fields=["decision", "decided_on", "amendments"])
        payload = {"plan": plan.pk, "review": review.pk, "decision": decision}
        record_event(request, "annual_review_decided", payload, by=by, on=on)
        if decision == ReviewOutcome.CEASE:
            plan.ceased_on, plan.cease_reason = on, cease_reason
            plan.save(update_fields=["ceased_on", "cease_reason"])
            ceased = {"plan": plan.pk, "reason": cease_reason}
            record_event(request, "plan_ceased", ceased, by=by, on=on)
    return review
