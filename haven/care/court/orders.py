"""Recording an order the court made (or police protection). For a
looked-after child the order is the one place their legal status is entered:
in the same transaction an order with a legal status (kinds.LEGAL_STATUS)
changes it through haven/care/moves.change_legal_status, and a special
guardianship or child arrangements order ends the period of care with its
reason (SSDA903 REC E45 to E48, E41) through end_period_of_care. For a child
not looked after the order is recorded, and starting their period of care
with its legal status finds it (haven/care/court/implied.py).

Journal events: court.order_made, or the catalogue's trigger for the kind
(implied.TRIGGERS), {"order", "kind", "made_on", "court", "proceedings",
"implied"}; a final order in proceedings also decides them
(court.proceedings_disposed).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from haven.care import moves, services
from haven.care.court import aftermath as aftermath_of
from haven.care.court import checks, implied
from haven.care.court.aftermath import Aftermath
from haven.care.court.kinds import (
    ENDS_CARE,
    INTERIM,
    LEGAL_STATUS,
    SUPERSEDED,
    OrderKind,
    Outcome,
)
from haven.care.court.proceedings import decide
from haven.care.models import CourtOrder, LegalStatus, PeriodOfCare, Proceedings
from haven.care.recording import may_record
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import records_of

NOTHING_SAID = Aftermath()


@dataclass(frozen=True)
class OrderDetails:
    """What the user enters about an order."""

    kind: str
    made_on: dt.date | None
    court: str = ""
    ends_on: dt.date | None = None
    proceedings: Proceedings | None = None
    special_guardians: str = ""
    # Why care ended, where the order ends it with no reason of its own (a
    # supervision order made in place of a care or interim care order).
    reason: str = ""


def record_order(child: Person, details: OrderDetails, *, by: User) -> CourtOrder:
    """The order was made on `made_on`; a looked-after child's legal status
    follows from it, or their care ends with it."""
    may_record(by, child)
    failures = Failures()
    made_on = checks.day(
        child,
        details.made_on,
        field="made_on",
        what="the order was made",
        failures=failures,
    )
    checks.order_details(
        child,
        details.kind,
        made_on,
        court=details.court,
        ends_on=details.ends_on,
        special_guardians=details.special_guardians,
        failures=failures,
    )
    case = _their_proceedings(child, details.proceedings, failures)
    checks.in_proceedings(details.kind, made_on, case, failures)
    checks.after_care_order(child, details.kind, made_on, failures)
    replaced = aftermath_of.replaced_by_supervision(child, details.kind, made_on)
    if replaced is not None:
        ending = Aftermath(reason=details.reason)
        aftermath_of.check(ending, failures, care_only=True)
    failures.raise_any()
    assert made_on is not None
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=child.pk).exists()
        order = CourtOrder.objects.create(
            person=child,
            proceedings=case,
            kind=details.kind,
            made_on=made_on,
            court=details.court.strip(),
            ends_on=details.ends_on,
            special_guardians=details.special_guardians
            if details.kind == OrderKind.SPECIAL_GUARDIANSHIP
            else "",
            recorded_by=by,
        )
        implied.journal_order(child, order, by=by)
        if replaced is None:
            _follow_in_care(child, order, by=by)
        else:
            _ends_care(child, order, replaced, details.reason, by=by)
        _decides(order, by=by)
    return order


def _their_proceedings(
    child: Person, proceedings: Proceedings | None, failures: Failures
) -> Proceedings | None:
    """The proceedings as they now stand, if they are this child's."""
    if proceedings is None:
        return None
    case = Proceedings.objects.filter(
        pk=proceedings.pk, person_id__in=records_of(child)
    ).first()
    if case is None:
        failures.add(
            "not_their_proceedings",
            "Choose proceedings about this child",
            field="proceedings",
        )
    return case


def _period_on(child: Person, day: dt.date) -> PeriodOfCare | None:
    """The child's open period of care, if it had started by `day`."""
    return (
        PeriodOfCare.objects.filter(
            person_id__in=records_of(child),
            ended_on__isnull=True,
            started_on__lte=day,
        )
        .order_by("-started_on")
        .first()
    )


def _follow_in_care(child: Person, order: CourtOrder, *, by: User) -> None:
    period = _period_on(child, order.made_on)
    if period is None:
        return
    kind = OrderKind(order.kind)
    code = LEGAL_STATUS.get(kind)
    if code is not None:
        current = period.legal_statuses.order_by("started_on", "pk").last()
        if current is not None and current.code == code:
            return  # the same status goes on (an order renewed)
        moves.change_legal_status(
            period, on=order.made_on, code=code, by=by, order=order
        )
        return
    reason = order.special_guardians or ENDS_CARE.get(kind)
    if reason:
        services.end_period_of_care(period, on=order.made_on, reason=reason, by=by)


def _ends_care(
    child: Person, order: CourtOrder, replaced: LegalStatus, reason: str, *, by: User
) -> None:
    """A supervision order takes the place of the care or interim care order
    the child is looked after under (CA89 s39(4), s38(3)): that order ends
    and so does the child's care, for the reason the user gave."""
    assert replaced.order is not None
    if replaced.order.discharged_on is None:
        why = aftermath_of.REPLACED_BY_SUPERVISION[OrderKind(replaced.order.kind)]
        implied.end_order(child, replaced.order, on=order.made_on, why=why, by=by)
    aftermath_of.apply(
        replaced.period,
        Aftermath(reason=reason),
        on=order.made_on,
        by=by,
        care_only=True,
    )


def _decides(order: CourtOrder, *, by: User) -> None:
    """A final order decides the proceedings it was made in."""
    proceedings = order.proceedings
    if proceedings is None or order.kind in INTERIM or order.kind in SUPERSEDED:
        return
    if proceedings.disposed_on is None:
        decide(proceedings, on=order.made_on, outcome=Outcome.ORDER_MADE, by=by)


def discharge_order(
    order: CourtOrder,
    *,
    on: dt.date | None,
    by: User,
    aftermath: Aftermath = NOTHING_SAID,
) -> CourtOrder:
    """The order stopped having effect on `on` before its end (discharged by
    the court, or the child left police protection). Where a looked-after
    child's legal status follows it, what the user says followed happens
    that day: their care ends, or they stay accommodated under s20."""
    child = order.person
    may_record(by, child)
    failures = Failures()
    on = checks.day(child, on, field="on", what="the order ended", failures=failures)
    with transaction.atomic():
        order = CourtOrder.objects.select_for_update().get(pk=order.pk)
        status = aftermath_of.status_under(child, order)
        if status is not None and order.discharged_on is None:
            aftermath_of.check(aftermath, failures)
        if order.discharged_on is not None:
            failures.add("already_ended", "The order has already ended")
        if on is not None and on < order.made_on:
            failures.add(
                "ends_before_made",
                "The date it ended must be on or after the date it was made",
                field="on",
            )
        failures.raise_any()
        assert on is not None
        implied.end_order(child, order, on=on, why="discharged", by=by)
        if status is not None:
            aftermath_of.apply(status.period, aftermath, on=on, by=by)
    return order
