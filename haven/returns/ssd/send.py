"""The SEND tables: each request for an EHC needs assessment that was live on
some day of the year (received by 31 March; not refused, and its plan not
ceased, before 1 April), its assessment decision, its plan and the plan's
needs and last annual review, as Haven's SEND records hold them
(haven.send.models, the records the SEN2 is built from). ssd_send has one
row per young person, keyed by their Haven ID."""

import datetime as dt
from typing import Any

from django.db.models import Max, Q

from haven.returns.ssd.scope import Rows, Scope
from haven.send.models import Decision, EhcRequest


def _live(scope: Scope, request: EhcRequest) -> bool:
    def before(day: dt.date | None) -> bool:
        return day is not None and day < scope.first

    plan = getattr(request, "plan", None)
    if plan is not None:
        return not before(plan.ceased_on)
    refused = (request.assess == Decision.NO and before(request.assess_decided_on)) or (
        request.issue == Decision.NO and before(request.issue_decided_on)
    )
    return not refused


def requests_of(scope: Scope) -> list[EhcRequest]:
    found = (
        EhcRequest.objects.filter(received_on__lte=scope.last)
        .select_related("plan")
        .annotate(
            last_review=Max(
                "plan__reviews__held_on",
                filter=Q(plan__reviews__held_on__lte=scope.last),
            )
        )
        .order_by("received_on", "pk")
    )
    live: list[EhcRequest] = [r for r in found if _live(scope, r)]
    scope.read(r.person_id for r in live)
    return live


def send_rows(scope: Scope, requests: list[EhcRequest]) -> Rows:
    people = sorted({scope.survivor(r.person_id) for r in requests}, key=lambda p: p.pk)
    return [
        {
            "_person": p.pk,
            "send_table_id": p.pk,
            "send_person_id": p.la_child_id,
            "send_upn": p.upn,
            "send_upn_unknown": "" if p.upn else p.upn_unknown,
        }
        for p in people
    ]


def _decided(scope: Scope, outcome: str, day: dt.date | None) -> tuple[Any, str]:
    """A decision as at 31 March: (its date, Y or N), or blank."""
    if not outcome or scope.by_end(day) is None:
        return None, ""
    return day, outcome


def request_rows(scope: Scope, requests: list[EhcRequest]) -> Rows:
    rows = []
    for r in requests:
        day, outcome = _decided(scope, r.assess, r.assess_decided_on)
        rows.append(
            {
                "_person": scope.survivor(r.person_id).pk,
                "ehcr_ehcp_request_id": r.pk,
                "ehcr_send_table_id": scope.survivor(r.person_id).pk,
                "ehcr_ehcp_req_date": r.received_on,
                "ehcr_ehcp_req_outcome_date": day,
                "ehcr_ehcp_req_outcome": outcome,
            }
        )
    return rows


def assessment_rows(scope: Scope, requests: list[EhcRequest]) -> Rows:
    """Each assessment agreed by 31 March: whether a plan is to be issued."""
    rows = []
    for r in requests:
        if _decided(scope, r.assess, r.assess_decided_on)[1] != Decision.YES:
            continue
        day, outcome = _decided(scope, r.issue, r.issue_decided_on)
        plan = getattr(r, "plan", None)
        rows.append(
            {
                "_person": scope.survivor(r.person_id).pk,
                "ehca_ehcp_assessment_id": r.pk,
                "ehca_ehcp_request_id": r.pk,
                "ehca_ehcp_assessment_outcome_date": day,
                "ehca_ehcp_assessment_outcome": outcome,
                "ehca_ehcp_assessment_exceptions": plan.exception if plan else "",
            }
        )
    return rows


def plan_rows(scope: Scope, requests: list[EhcRequest]) -> tuple[Rows, Rows, Rows]:
    """The plans issued by 31 March; those still in force then, with their
    last annual review; and each active plan's needs, ranked."""
    named: Rows = []
    active: Rows = []
    needs: Rows = []
    for r in requests:
        plan = getattr(r, "plan", None)
        if plan is None or scope.by_end(plan.issued_on) is None:
            continue
        who = scope.survivor(r.person_id).pk
        ceased = scope.by_end(plan.ceased_on)
        named.append(
            {
                "_person": who,
                "ehcn_named_plan_id": plan.pk,
                "ehcn_ehcp_asmt_id": r.pk,
                "ehcn_named_plan_start_date": plan.issued_on,
                "ehcn_named_plan_ceased_date": ceased,
                "ehcn_named_plan_ceased_reason": plan.cease_reason if ceased else "",
            }
        )
        if ceased is not None:
            continue
        last_review = r.last_review  # type: ignore[attr-defined]
        active.append(
            {
                "_person": who,
                "ehcp_active_ehcp_id": plan.pk,
                "ehcp_ehcp_request_id": r.pk,
                "ehcp_active_ehcp_last_review_date": scope.by_end(last_review),
            }
        )
        for rank, need in enumerate((plan.primary_need, plan.secondary_need), 1):
            if need:
                needs.append(
                    {
                        "_person": who,
                        "senn_table_id": f"{plan.pk}-{rank}",
                        "senn_active_ehcp_id": plan.pk,
                        "senn_active_ehcp_need_type": need,
                        "senn_active_ehcp_need_rank": rank,
                    }
                )
    return named, active, needs
