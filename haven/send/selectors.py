"""Reads of SEND records: a child's requests, the 20-week clocks, and the SEND
officer's queue. Due dates come from the engine's obligations."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from haven.core import access, few
from haven.core.models import User
from haven.people.models import Person
from haven.send import access as send_access
from haven.send.models import Advice, EhcPlan, EhcRequest
from haven.timescales.models import Obligation

TWENTY_WEEKS = "SEN-EHCP-20W"
ANNUAL = "SEN-ANNUAL"
DECISION = "SEN-AR-STEPS"


REQUEST_RELATED = ("plan__setting", "export")
REQUEST_PREFETCHED = (
    Prefetch("advice", Advice.objects.select_related("requested_from")),
    "plan__reviews",
)


def requests_of(person_ids: list[int]) -> QuerySet[EhcRequest]:
    return (
        EhcRequest.objects.filter(person_id__in=person_ids)
        .select_related(*REQUEST_RELATED)
        .prefetch_related(*REQUEST_PREFETCHED)
    )


def requests_for_page(record_ids: list[int]) -> list[EhcRequest]:
    """requests_of, for a child's page: its query compiled once (core/few.py),
    the advice and reviews read only for a child who has a request."""
    requests = few.of(
        "send.requests_for_page",
        EhcRequest,
        record_ids,
        lambda ids: EhcRequest.objects.filter(person_id__in=ids).select_related(
            *REQUEST_RELATED
        ),
    )
    prefetch_related_objects(requests, *REQUEST_PREFETCHED)
    return requests


def twenty_weeks_due(request_ids: list[int]) -> dict[int, dt.date]:
    """Each open request's 20-week date, by request id (the engine's)."""
    rows = Obligation.objects.filter(
        rule_id=TWENTY_WEEKS,
        status=Obligation.Status.DUE,
        subject__in=[str(pk) for pk in request_ids],
    ).values_list("subject", "due_on")
    return {int(subject): due for subject, due in rows}


def review_dates(requests: list[EhcRequest]) -> None:
    """Set, from the engine's obligations, each live final plan's next annual
    review date (`review_due`) and each undecided review's decision date
    (`decision_due`) on the requests' plans and reviews."""
    plans: list[EhcPlan] = [
        plan
        for r in requests
        if (plan := getattr(r, "plan", None)) is not None and plan.issued_on
    ]
    reviews = [review for plan in plans for review in plan.reviews.all()]
    rows = Obligation.objects.filter(
        status=Obligation.Status.DUE,
        rule_id__in=(ANNUAL, DECISION),
        subject__in={str(o.pk) for o in [*plans, *reviews]},
    ).values_list("rule_id", "subject", "due_on")
    due = {(rule, subject): day for rule, subject, day in rows}
    for plan in plans:
        plan.review_due = due.get((ANNUAL, str(plan.pk)))  # type: ignore[attr-defined]
    for review in reviews:
        review.decision_due = due.get(  # type: ignore[attr-defined]
            (DECISION, str(review.pk))
        )


@dataclass
class QueueRow:
    request: EhcRequest
    due_on: dt.date | None
    unnamed: bool  # a restricted or sealed child the officer may not open


def queue(user: User) -> list[QueueRow]:
    """The open requests of the children the officer's team holds, soonest
    20-week date first."""
    held = send_access.held_by_team(user)
    requests = [
        r
        for r in requests_of(
            list(Person.objects.filter(pk__in=held).values_list("pk", flat=True))
        )
        if not r.closed
    ]
    due = twenty_weeks_due([r.pk for r in requests])
    hidden = access.unnamed_for(user, [r.person_id for r in requests])
    rows = [QueueRow(r, due.get(r.pk), r.person_id in hidden) for r in requests]
    return sorted(rows, key=lambda row: (row.due_on is None, row.due_on or dt.date.max))
