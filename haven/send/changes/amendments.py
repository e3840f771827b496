"""Amending an EHC plan (SENDR reg 22): the proposed amendments are sent to
the family (after a review decided "amend", or at any time the local
authority proposes them), which starts SEN-AMEND; the final amended plan
meets it. The family have at least 15 days for representations first."""

import datetime as dt

from django.db import transaction

from haven.core import clock
from haven.core.errors import Failures
from haven.core.models import Establishment, User
from haven.send.changes.codes import RULE_OF
from haven.send.changes.common import check_live, locked_plan
from haven.send.changes.models import PhaseTransfer, PlanAmendment
from haven.send.codes import PLAN_SECTIONS, ReviewOutcome
from haven.send.models import AnnualReview, EhcPlan
from haven.send.plans import REPRESENTATION_DAYS
from haven.send.rules import check_date, locked, may_manage, record_event


def _check_proposal(
    failures: Failures,
    plan: EhcPlan,
    review: AnnualReview | None,
    proposed: str,
    sent_on: dt.date | None,
) -> None:
    check_live(failures, plan, "amend it")
    if plan.amendments.filter(issued_on__isnull=True).exists():
        failures.add(
            "amendment_open",
            "Amendments already sent are waiting for the final amended plan",
        )
    after, words = plan.issued_on, "the plan was issued"
    if review is not None:
        if review.plan_id != plan.pk or review.decision != ReviewOutcome.AMEND:
            failures.add("not_amend", "The review did not decide to amend the plan")
        elif PlanAmendment.objects.filter(review=review).exists():
            failures.add("already_sent", "This review's amendments have been sent")
        after, words = review.decided_on, "the decision after the review"
    if not proposed.strip():
        failures.add("proposed_required", "Set out the proposed amendments", "proposed")
    check_date(
        failures,
        sent_on,
        field="sent_on",
        what="the amendments were sent",
        not_before=after,
        not_before_words=words,
    )


def propose(
    plan: EhcPlan,
    *,
    proposed: str = "",
    sent_on: dt.date | None,
    review: AnnualReview | None = None,
    by: User,
) -> PlanAmendment:
    """Send the proposed amendments to the family (a review's own, when
    `proposed` is left blank): SEN-AMEND starts."""
    may_manage(by, plan.request)
    with transaction.atomic():
        request = locked(plan.request)
        plan = locked_plan(plan)
        if review is not None:
            review = AnnualReview.objects.get(pk=review.pk)  # as decided now
        if review is not None and not proposed.strip():
            proposed = review.amendments
        failures = Failures()
        _check_proposal(failures, plan, review, proposed, sent_on)
        failures.raise_any()
        assert sent_on is not None
        amendment = PlanAmendment.objects.create(
            plan=plan,
            person=plan.person,
            review=review,
            transfer=plan.transfers.filter(named_on__isnull=True).first(),
            proposed=proposed.strip(),
            sent_on=sent_on,
            created_by=by,
            created_at=clock.now(),
        )
        payload = {"plan": plan.pk, "amendment": amendment.pk}
        record_event(request, "amendments_proposed", payload, by=by, on=sent_on)
    return amendment


def earliest_issue(amendment: PlanAmendment) -> dt.date:
    """reg 22(2)(c): 15 days, beginning with the day they were sent."""
    return amendment.sent_on + dt.timedelta(days=REPRESENTATION_DAYS)


def _check_issue(
    failures: Failures,
    amendment: PlanAmendment,
    on: dt.date | None,
    changes: str,
    named: Establishment | None,
) -> None:
    check_live(failures, amendment.plan, "amend it")
    if amendment.issued_on is not None:
        failures.add("already_issued", "The amended plan has already been issued")
    check_date(
        failures,
        on,
        field="on",
        what="the amended plan was issued",
        not_before=earliest_issue(amendment),
        not_before_words="the end of the family's 15 days for representations",
    )
    if not changes.strip():
        failures.add("changes_required", "Say what changed in the plan", "changes")
    if amendment.transfer_id is not None and named is None:
        failures.add(
            "named_required",
            "Name the next school or institution for the coming transfer",
            "setting",
        )


def issue(
    amendment: PlanAmendment,
    *,
    on: dt.date | None,
    changes: str,
    sections: dict[str, str] | None = None,
    named: Establishment | None = None,
    by: User,
) -> PlanAmendment:
    """Issue the final amended plan: meets SEN-AMEND and, when it names the
    next school for a coming transfer, that transfer's rule."""
    may_manage(by, amendment.plan.request)
    with transaction.atomic():
        request = locked(amendment.plan.request)
        plan = locked_plan(amendment.plan)
        amendment = PlanAmendment.objects.select_for_update().get(pk=amendment.pk)
        failures = Failures()
        _check_issue(failures, amendment, on, changes, named)
        failures.raise_any()
        assert on is not None
        for letter, _words in PLAN_SECTIONS:
            if sections and letter in sections:
                setattr(plan, f"section_{letter}", sections[letter].strip())
        plan.save()
        amendment.issued_on, amendment.changes = on, changes.strip()
        amendment.save(update_fields=["issued_on", "changes"])
        payload = {"plan": plan.pk, "amendment": amendment.pk}
        if amendment.transfer_id is not None:
            payload |= _name(amendment.transfer_id, named, on)
        record_event(request, "amended_plan_issued", payload, by=by, on=on)
    return amendment


def _name(transfer_id: int, named: Establishment | None, on: dt.date) -> dict[str, int]:
    """Record the next school on the transfer; the payload key its rule reads."""
    transfer = PhaseTransfer.objects.select_for_update().get(pk=transfer_id)
    transfer.named, transfer.named_on = named, on
    transfer.save(update_fields=["named", "named_on"])
    _rule, key = RULE_OF[transfer.phase]
    return {key: transfer.pk, "named": named.pk if named else 0}
