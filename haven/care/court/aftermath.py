"""What follows for a looked-after child when the order their legal status
follows ends and no order takes its place: a care order discharged (CA89
s39), an emergency protection order, police protection or a child assessment
order over early, or an interim care order ended because the proceedings were
decided without a final order (s38(4)). The child is then no longer looked
after under that order, so their legal status cannot stay as it was: either
their care ends, or the authority goes on accommodating them under section 20
(legal status V2). Which one, and why care ended (SSDA903 REC), are facts of
the child's life, asked of the user and never assumed: a child who went home
as planned (E4A), went home unplanned (E4B), or went to live with someone
without parental responsibility (E13) are all possible after a discharge.

A supervision order made on the discharge of a care order (s39(4)), or in
place of an interim care order, ends care too, with the reason asked."""

import datetime as dt
from dataclasses import dataclass

from django.db import models

from haven.care import moves, services
from haven.care.codes import LegalStatusCode, ReasonCeased
from haven.care.court.kinds import OrderKind
from haven.care.models import CourtOrder, LegalStatus, PeriodOfCare
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import records_of


class Follows(models.TextChoices):
    CARE_ENDS = "care_ends", "Their care ended that day"
    ACCOMMODATED = (
        "accommodated",
        "They stay looked after, accommodated under section 20 (legal status V2)",
    )


# Reasons that come with an order of their own: recording that order (an
# adoption, child arrangements or special guardianship order) ends care with
# its reason, so they are not offered here.
ORDER_REASONS = frozenset(
    {
        ReasonCeased.E11,
        ReasonCeased.E12,
        ReasonCeased.E41,
        ReasonCeased.E45,
        ReasonCeased.E46,
        ReasonCeased.E47,
        ReasonCeased.E48,
    }
)
REASONS = tuple(
    c for c in ReasonCeased if c not in ORDER_REASONS and c != ReasonCeased.X1
)
ACCOMMODATED_STATUS = LegalStatusCode.V2
# The orders a supervision order takes the place of, and how each ends.
SUPERVISION = frozenset({OrderKind.SUPERVISION, OrderKind.INTERIM_SUPERVISION})
REPLACED_BY_SUPERVISION = {
    OrderKind.CARE: "discharged",
    OrderKind.INTERIM_CARE: "replaced",
}


@dataclass(frozen=True)
class Aftermath:
    """What the user says followed the end of the order."""

    follows: str = ""
    reason: str = ""


def status_under(child: Person, order: CourtOrder) -> LegalStatus | None:
    """The child's current legal status, in an open period of care, if it
    follows `order`."""
    status = (
        LegalStatus.objects.filter(
            period__person_id__in=records_of(child),
            period__ended_on__isnull=True,
            ended_on__isnull=True,
        )
        .select_related("period", "order")
        .order_by("-started_on", "-pk")
        .first()
    )
    if status is None or status.order_id != order.pk:
        return None
    return status


def replaced_by_supervision(
    child: Person, kind: str, on: dt.date | None
) -> LegalStatus | None:
    """The current legal status a supervision order made on `on` ends: one
    that follows a care or interim care order running that day."""
    if kind not in SUPERVISION or on is None:
        return None
    status = (
        LegalStatus.objects.filter(
            period__person_id__in=records_of(child),
            period__ended_on__isnull=True,
            ended_on__isnull=True,
            started_on__lte=on,
        )
        .select_related("period", "order")
        .order_by("-started_on", "-pk")
        .first()
    )
    if status is None or status.order is None:
        return None
    if status.order.kind not in REPLACED_BY_SUPERVISION:
        return None
    return status


def check(aftermath: Aftermath, failures: Failures, *, care_only: bool = False) -> None:
    """The user said what followed, and why care ended if it did."""
    follows = Follows.CARE_ENDS.value if care_only else aftermath.follows
    if follows not in Follows.values:
        failures.add(
            "follows_required",
            "Say what happened to the child's care when the order ended: it "
            "ended, or they stay accommodated under section 20",
            field="follows",
        )
        return
    if follows != Follows.CARE_ENDS:
        return
    if aftermath.reason in ORDER_REASONS:
        failures.add(
            "reason_is_an_order",
            "That reason is an order of its own: record the adoption, child "
            "arrangements or special guardianship order instead, and it ends "
            "the child's care with its reason",
            field="reason",
        )
    elif aftermath.reason not in {c.value for c in REASONS}:
        failures.add(
            "reason_required",
            "Choose why the child's care ended (the SSDA903 reason)",
            field="reason",
        )


def apply(
    period: PeriodOfCare,
    aftermath: Aftermath,
    *,
    on: dt.date,
    by: User,
    care_only: bool = False,
) -> None:
    """Inside the caller's transaction: end the child's care with its reason,
    or change their legal status to section 20 accommodation."""
    if care_only or aftermath.follows == Follows.CARE_ENDS:
        services.end_period_of_care(period, on=on, reason=aftermath.reason, by=by)
    else:
        moves.change_legal_status(period, on=on, code=ACCOMMODATED_STATUS, by=by)
