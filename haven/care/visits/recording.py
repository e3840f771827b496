"""What a worker records about a looked-after child's statutory visits beyond
the visit notes themselves: the child's agreement to fewer visits in a
long-term foster placement (CPPCR reg 28(3A)), and a request for an extra visit
(reg 28(6)-(7)). Each checks the user's role and access, names every fault at
once, writes and journals in one transaction, and brings the visit events the
timescale engine reads up to date (timeline.sync).

Journal events:
  care.fewer_visits_agreed  {"placement", "agreed_on"}
  care.visit_requested      {"child", "request", "requested_on", "asked_by"}
"""

import datetime as dt

from django.db import transaction

from haven.care import inputs, recording
from haven.care.models import (
    FewerVisitsAgreement,
    PeriodOfCare,
    Placement,
    VisitRequest,
)
from haven.care.visits import timeline
from haven.core import journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.timescales.calendar import add_months


def may_agree_from(placement: Placement) -> dt.date:
    """The day a long-term foster placement has lasted a year, from when the
    child may agree to be visited less often."""
    return add_months(placement.started_on, 12)


def record_fewer_visits_agreed(
    placement: Placement, *, agreed_on: dt.date | None, views: str, by: User
) -> FewerVisitsAgreement:
    """The child agreed to visits at intervals of up to six months; from the
    next visit LAC-VISIT-LTFP applies in place of the three-month regime."""
    child = placement.period.person
    recording.may_record(by, child)
    failures = Failures()
    agreed_on = inputs.past_date(
        agreed_on, field="agreed_on", what="the child agreed", failures=failures
    )
    if not views.strip():
        failures.add(
            "views_required", "Write what the child said, in their words", field="views"
        )
    if placement.place not in timeline.UNTIL_18:
        raise DomainError(
            "not_long_term_fostering",
            "Only a child in a long-term foster placement (U1 or U4) may agree to "
            "fewer visits",
        )
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=placement.pk)
        if FewerVisitsAgreement.objects.filter(placement=placement).exists():
            raise DomainError(
                "already_agreed",
                "The child's agreement to fewer visits is recorded already for "
                "this placement",
            )
        if agreed_on is not None:
            _check_in_placement(placement, agreed_on, failures)
        failures.raise_any()
        assert agreed_on is not None
        agreement = FewerVisitsAgreement.objects.create(
            placement=placement,
            agreed_on=agreed_on,
            views=views.strip(),
            recorded_by=by,
        )
        journal.append(
            child,
            "care.fewer_visits_agreed",
            {"placement": placement.pk, "agreed_on": agreed_on},
            by=by,
            occurred_at=recording.occurred(agreed_on),
        )
        timeline.sync(child, by=by)
    return agreement


def _check_in_placement(
    placement: Placement, agreed_on: dt.date, failures: Failures
) -> None:
    ended = placement.ended_on
    if ended is not None and agreed_on >= ended:
        failures.add(
            "after_placement",
            f"The placement ended on {inputs.words(ended)}: the agreement must be "
            "made while the child lived there",
            field="agreed_on",
        )
    elif agreed_on < may_agree_from(placement):
        failures.add(
            "placement_under_a_year",
            f"The placement started on {inputs.words(placement.started_on)}: a "
            "child may agree to fewer visits once it has lasted a year, from "
            f"{inputs.words(may_agree_from(placement))}",
            field="agreed_on",
        )


def record_visit_request(
    period: PeriodOfCare,
    *,
    requested_on: dt.date | None,
    asked_by: str,
    details: str,
    by: User,
) -> VisitRequest:
    """Someone asked for an extra visit, or a concern was reported: the visit
    is made as soon as reasonably practicable (LAC-VISIT-REQ)."""
    child = period.person
    recording.may_record(by, child)
    failures = Failures()
    requested_on = inputs.past_date(
        requested_on,
        field="requested_on",
        what="the visit was asked for",
        failures=failures,
    )
    if asked_by not in VisitRequest.AskedBy.values:
        failures.add(
            "asked_by_required", "Choose who asked for the visit", field="asked_by"
        )
    if not details.strip():
        failures.add(
            "details_required", "Say what was asked for, and why", field="details"
        )
    if requested_on is not None and not _in_care(period, requested_on):
        failures.add(
            "outside_care",
            "The child was not looked after on that day: a request for a "
            "statutory visit is made while they are",
            field="requested_on",
        )
    failures.raise_any()
    assert requested_on is not None
    with transaction.atomic():
        request = VisitRequest.objects.create(
            period=period,
            requested_on=requested_on,
            asked_by=asked_by,
            details=details.strip(),
            recorded_by=by,
        )
        journal.append(
            child,
            "care.visit_requested",
            {
                "child": child.pk,
                "request": request.pk,
                "requested_on": requested_on,
                "asked_by": asked_by,
            },
            by=by,
            occurred_at=recording.occurred(requested_on),
        )
    return request


def _in_care(period: PeriodOfCare, day: dt.date) -> bool:
    return period.started_on <= day and (
        period.ended_on is None or day < period.ended_on
    )
