"""Moving a child, and changing their legal status, during a period of care.

A move is one step: the current placement ends on the day of the move and the
next starts that day, so there is never a gap or an overlap to put right. A
change of legal status likewise ends one and starts the next on its day. Either
may be recorded late (backdated), never before the current one started.

Journal events:
  care.placement_moved        {"period", "on", "reason", "ended": facts,
                               "placement": facts, "placements"}
  care.legal_status_changed   {"period", "on", "code", "previous_code",
                               "legal_status", "previous", "order"}
"""

import datetime as dt
from dataclasses import replace

from django.db import transaction

from haven.care import codes, inputs, placing, recording
from haven.care.codes import LegalStatusCode, PlaceChangeReason
from haven.care.court import implied
from haven.care.court.kinds import SUPERSEDED
from haven.care.history import Status
from haven.care.models import CourtOrder, LegalStatus, PeriodOfCare, Placement
from haven.care.visits import timeline
from haven.core import clock, journal
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person


def move_placement(
    period: PeriodOfCare,
    *,
    on: dt.date | None,
    placement: placing.PlacementDetails,
    reason: str,
    by: User,
) -> Placement:
    """Move the child: the current placement ends on `on`, for `reason`
    (SSDA903 REASON_PLACE_CHANGE), and the new one starts that day."""
    child = period.person
    recording.may_record(by, child)
    failures = Failures()
    on = inputs.past_date(on, field="on", what="of the move", failures=failures)
    placed = placing.complete(placement, on=on or clock.today(), failures=failures)
    with transaction.atomic():
        period = recording.locked_open(period)
        statuses, placements = recording.rows_of(period)
        current = placements[-1]
        _check_reason(current, reason, failures)
        _refuse_no_change(current, placed, failures)
        if on is not None:
            history = recording.history_of(period, statuses, placements)
            ending = replace(history.stays[-1], end=on, change_reason=reason)
            stays = (*history.stays[:-1], ending, placed.stay(on))
            recording.check_history(replace(history, stays=stays), child, failures)
        failures.raise_any()
        assert on is not None
        current.ended_on = on
        current.change_reason = reason
        current.save(update_fields=["ended_on", "change_reason"])
        moved = Placement.objects.create(
            period=period, started_on=on, **placed.fields()
        )
        journal.append(
            child,
            "care.placement_moved",
            {
                "period": period.pk,
                "on": on,
                "reason": reason,
                "ended": recording.facts(current),
                "placement": recording.facts(moved),
                "placements": [current.pk, moved.pk],
            },
            by=by,
            occurred_at=recording.occurred(on),
            significant=True,
        )
        timeline.sync(child, by=by)
    return moved


def _check_reason(current: Placement, reason: str, failures: Failures) -> None:
    """Why the placement ended: asked unless it was temporary (rules 225, 226)."""
    if current.place in codes.TEMPORARY:
        if reason:
            failures.add(
                "no_reason_for_temporary",
                f"Leave the reason blank: the SSDA903 records no reason for the end "
                f"of a temporary placement ({current.place}, rule 226)",
                field="reason",
            )
    elif reason not in PlaceChangeReason.values:
        failures.add(
            "reason_required", "Choose the reason the placement ended", field="reason"
        )


def _refuse_no_change(
    current: Placement, placed: placing.Placing, failures: Failures
) -> None:
    same = (
        current.place == placed.place
        and current.provider == placed.provider
        and current.carer == placed.carer
        and current.postcode == placed.postcode
        and current.address_line_1 == placed.address_line_1
    )
    if same:
        failures.add(
            "nothing_changes",
            "The new placement is the same as the current one: change the type, "
            "carer, provider or address, or correct the current placement instead",
        )


def change_legal_status(
    period: PeriodOfCare,
    *,
    on: dt.date | None,
    code: str,
    by: User,
    order: CourtOrder | None = None,
    court: str = "",
) -> LegalStatus:
    """The child's legal status changes on `on` (an order made, or ended): the
    current one ends that day and the new one starts, pointing at its `order`
    (or one made by `court`, or implied, haven/care/court/implied.py)."""
    child = period.person
    recording.may_record(by, child)
    failures = Failures()
    on = inputs.past_date(
        on, field="on", what="the legal status changed", failures=failures
    )
    if code not in LegalStatusCode.values:
        failures.add("legal_status_required", "Choose the legal status", field="code")
    with transaction.atomic():
        period = recording.locked_open(period)
        statuses, placements = recording.rows_of(period)
        current = statuses[-1]
        _check_status_change(period, child, (statuses, placements), on, code, failures)
        failures.raise_any()
        assert on is not None
        current.ended_on = on
        current.save(update_fields=["ended_on"])
        status = LegalStatus.objects.create(period=period, code=code, started_on=on)
        implied.follow(current, status, child, by=by, order=order, court=court)
        journal.append(
            child,
            "care.legal_status_changed",
            {
                "period": period.pk,
                "on": on,
                "code": code,
                "previous_code": current.code,
                "legal_status": status.pk,
                "previous": current.pk,
                "order": status.order_id,
            },
            by=by,
            occurred_at=recording.occurred(on),
            significant=True,
        )
        timeline.sync(child, by=by)
    return status


def _check_status_change(
    period: PeriodOfCare,
    child: Person,
    rows: tuple[list[LegalStatus], list[Placement]],
    on: dt.date | None,
    code: str,
    failures: Failures,
) -> None:
    """Everything that would refuse `code` starting on `on` after the
    period's current legal status."""
    statuses, placements = rows
    current = statuses[-1]
    _check_after_order(current, on, failures)
    if code == current.code:
        failures.add(
            "legal_status_unchanged",
            f"The legal status is already {code}: choose the new one",
            field="code",
        )
    if on is not None:
        history = recording.history_of(period, statuses, placements)
        ending = replace(history.statuses[-1], end=on)
        changed = (*history.statuses[:-1], ending, Status(code, on))
        proposed = replace(history, statuses=changed)
        recording.check_history(proposed, child, failures)


def _check_after_order(
    current: LegalStatus, on: dt.date | None, failures: Failures
) -> None:
    """A short or interim order ends the day the next legal status starts
    (implied.follow), which cannot be before the order was made."""
    order = current.order
    if on is None or order is None or order.kind not in SUPERSEDED:
        return
    if on < order.made_on:
        failures.add(
            "before_order_made",
            f"The {order.get_kind_display().lower()} behind the current legal "
            f"status ({current.code}) was made on {inputs.words(order.made_on)}: "
            "the legal status cannot change before that day",
            field="on",
        )
