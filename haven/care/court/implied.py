"""The order behind a legal status. Every legal status that needs an order
(C1, C2, D1, E1, L1, L2, L3) points at one: the order recorded with it, or
an earlier order of its kind still running that day, or, where the status was
entered on its own (older screens, the demo, an import), an order of the
implied kind made that day, recorded and journaled as implied so that its
court and details can be added.

Journal events:
  court.order_made (and the catalogue's trigger for its kind)
      {"order", "kind", "made_on", "court", "proceedings", "implied"}
  court.order_ended  {"order", "kind", "on", "why"}
"""

import datetime as dt

from haven.care import recording
from haven.care.court.kinds import ORDER_FOR, SUPERSEDED, OrderKind
from haven.care.models import CourtOrder, LegalStatus
from haven.core import journal
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import records_of

MADE = "court.order_made"
ENDED = "court.order_ended"
# The catalogue's trigger events (haven/timescales/catalogue/court.py): an
# order of these kinds is journaled under its own event type.
TRIGGERS = {
    OrderKind.EMERGENCY_PROTECTION: "court.emergency_protection_order_made",
    OrderKind.POLICE_PROTECTION: "court.police_protection_started",
    OrderKind.CHILD_ASSESSMENT: "court.child_assessment_order_started",
    OrderKind.INTERIM_CARE: "court.interim_care_order_made",
}
ORDER_EVENTS = (MADE, *TRIGGERS.values())


def journal_order(child: Person, order: CourtOrder, *, by: User) -> None:
    journal.append(
        child,
        TRIGGERS.get(OrderKind(order.kind), MADE),
        {
            "order": order.pk,
            "kind": order.kind,
            "made_on": order.made_on,
            "court": order.court,
            "proceedings": order.proceedings_id,
            "implied": order.implied,
        },
        by=by,
        occurred_at=recording.occurred(order.made_on),
    )


def running(child: Person, kind: str, on: dt.date) -> CourtOrder | None:
    """The child's latest order of `kind` made by `on` and not ended before it."""
    orders = CourtOrder.objects.filter(
        person_id__in=records_of(child), kind=kind, made_on__lte=on
    ).order_by("-made_on", "-pk")
    for order in orders:
        ended = order.discharged_on or order.ends_on
        if ended is None or ended >= on:
            return order
    return None


def attach(
    status: LegalStatus,
    child: Person,
    *,
    by: User,
    order: CourtOrder | None = None,
    court: str = "",
) -> None:
    """Point the status at its order, recording one if need be: made by
    `court` where the form named it, else implied."""
    kind = ORDER_FOR.get(status.code)
    if kind is None:
        if status.order_id is not None:
            status.order = None
            status.save(update_fields=["order"])
        return
    if status.order is not None and status.order.kind == kind and order is None:
        return
    order = order or running(child, kind, status.started_on)
    if order is None:
        order = CourtOrder.objects.create(
            person=child,
            kind=kind,
            made_on=status.started_on,
            court=court.strip(),
            implied=not court.strip(),
            recorded_by=by,
        )
        journal_order(child, order, by=by)
    status.order = order
    status.save(update_fields=["order"])


def end_order(
    child: Person, order: CourtOrder, *, on: dt.date, why: str, by: User
) -> None:
    """The order stops having effect on `on` (replaced, or the proceedings
    decided); its end meets the timescale its making started."""
    order.discharged_on = on
    order.save(update_fields=["discharged_on"])
    journal.append(
        child,
        ENDED,
        {"order": order.pk, "kind": order.kind, "on": on, "why": why},
        by=by,
        occurred_at=recording.occurred(on),
    )


def follow(
    previous: LegalStatus | None,
    status: LegalStatus,
    child: Person,
    *,
    by: User,
    order: CourtOrder | None = None,
    court: str = "",
) -> None:
    """A new legal status starts: it gets its order, and the short or interim
    order the previous status followed from ends that day if another took its
    place."""
    attach(status, child, by=by, order=order, court=court)
    before = previous.order if previous is not None else None
    if (
        before is not None
        and before.kind in SUPERSEDED
        and before.pk != status.order_id
        and before.discharged_on is None
    ):
        end_order(child, before, on=status.started_on, why="replaced", by=by)
