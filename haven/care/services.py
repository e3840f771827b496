"""Starting and ending a child's period of care. Moves and changes of legal
status are in moves.py, corrections in corrections.py. Each write checks the
user's role and access, checks the history it would leave (every fault named at
once, haven.care.history), writes, and journals its event on the child's record
in one transaction.

Journal events:
  care.period_of_care_started  {"period", "started_on", "need", "legal_status",
                                "code", "order", "placement": facts,
                                "placements"}
  care.period_of_care_ended    {"period", "on", "reason", "legal_status",
                                "placements"}
"""

import datetime as dt
from dataclasses import replace
from typing import TypeVar

from django.db import transaction

from haven.care import in_need, inputs, placing, recording
from haven.care.codes import NEEDS_903, LegalStatusCode, ReasonCeased
from haven.care.court import implied
from haven.care.history import CareHistory, Status, Stay
from haven.care.missing import checks as missing
from haven.care.models import (
    PERIOD_OF_CARE,
    CourtOrder,
    LegalStatus,
    PeriodOfCare,
    Placement,
)
from haven.care.visits import timeline
from haven.core import clock, journal
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import records_of

R = TypeVar("R", Status, Stay)


def start_period_of_care(
    child: Person,
    *,
    on: dt.date | None,
    need: str,
    legal_status: str,
    placement: placing.PlacementDetails,
    by: User,
    order: CourtOrder | None = None,
    court: str = "",
) -> PeriodOfCare:
    """The child starts to be looked after on `on` (SSDA903 RNE "S"), with their
    first legal status (from its `order`, or one made by `court`, or implied,
    haven/care/court/implied.py) and placement from that day."""
    recording.may_record(by, child)
    failures = Failures()
    on = inputs.past_date(
        on,
        field="started_on",
        what="they started to be looked after",
        failures=failures,
    )
    _check_codes(need, legal_status, failures)
    placed = placing.complete(placement, on=on or clock.today(), failures=failures)
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=child.pk).exists()
        if on is not None:
            proposed = CareHistory(
                start=on,
                need=need,
                statuses=(Status(legal_status, on),),
                stays=(placed.stay(on),),
            )
            recording.check_history(proposed, child, failures)
            _refuse_overlap(child, on, failures)
            in_need.refuse_without_episode(child, on, failures)
        failures.raise_any()
        assert on is not None
        period = PeriodOfCare.objects.create(person=child, started_on=on, need=need)
        status = LegalStatus.objects.create(
            period=period, code=legal_status, started_on=on
        )
        implied.follow(None, status, child, by=by, order=order, court=court)
        first = Placement.objects.create(
            period=period, started_on=on, **placed.fields()
        )
        _journal_started(child, period, status, first, by=by)
        timeline.sync(child, by=by)
    return period


def _check_codes(need: str, legal_status: str, failures: Failures) -> None:
    if need not in NEEDS_903:
        failures.add("need_required", "Choose the category of need", field="need")
    if legal_status not in LegalStatusCode.values:
        failures.add(
            "legal_status_required", "Choose the legal status", field="legal_status"
        )


def _journal_started(
    child: Person,
    period: PeriodOfCare,
    status: LegalStatus,
    first: Placement,
    *,
    by: User,
) -> None:
    journal.append(
        child,
        "care.period_of_care_started",
        {
            "period": period.pk,
            "started_on": period.started_on,
            "need": period.need,
            "legal_status": status.pk,
            "code": status.code,
            "order": status.order_id,
            "placement": recording.facts(first),
            "placements": [first.pk],
        },
        by=by,
        occurred_at=recording.occurred(period.started_on),
        significant=True,
    )


def _refuse_overlap(child: Person, on: dt.date, failures: Failures) -> None:
    """A child has one period of care at a time: a new one is open-ended, so it
    must start after every earlier one ended."""
    periods = PeriodOfCare.objects.filter(person_id__in=records_of(child))
    clash = PERIOD_OF_CARE.clash(periods, on, None, what="a period of care")
    if clash is None:
        return
    failures.add(
        "overlaps_period_of_care",
        f"{child} was already looked after on {inputs.words(on)}: this would "
        f"overlap the period of care {PERIOD_OF_CARE.words(clash.row)}. "
        + (
            "Record a move or a change of legal status on it instead"
            if clash.row.ended_on is None
            else "Correct that period's placements instead, or choose a later date"
        ),
        field="started_on",
    )


def end_period_of_care(
    period: PeriodOfCare, *, on: dt.date | None, reason: str, by: User
) -> PeriodOfCare:
    """The child ceases to be looked after on `on` (SSDA903 DEC), for a reason
    (REC); their legal status and placement end that day."""
    child = period.person
    recording.may_record(by, child)
    failures = Failures()
    on = inputs.past_date(
        on, field="ended_on", what="they ceased to be looked after", failures=failures
    )
    check_reason_ended(child, reason, failures)
    with transaction.atomic():
        period = recording.locked_open(period)
        statuses, placements = recording.rows_of(period)
        missing.check_open_episodes(period, on, failures)
        if on is not None:
            history = recording.history_of(period, statuses, placements)
            proposed = replace(
                history,
                end=on,
                reason_ended=reason,
                statuses=_ended(history.statuses, on),
                stays=_ended(history.stays, on),
            )
            recording.check_history(proposed, child, failures)
        failures.raise_any()
        assert on is not None
        _end_rows(period, statuses[-1], placements[-1], on=on, reason=reason)
        journal.append(
            child,
            "care.period_of_care_ended",
            {
                "period": period.pk,
                "on": on,
                "reason": reason,
                "legal_status": statuses[-1].pk,
                "placements": [placements[-1].pk],
            },
            by=by,
            occurred_at=recording.occurred(on),
            significant=True,
        )
        timeline.sync(child, by=by)
    return period


def _ended(rows: tuple[R, ...], on: dt.date) -> tuple[R, ...]:
    """The rows with the open one ended on `on`."""
    return tuple(replace(row, end=on) if row.end is None else row for row in rows)


def check_reason_ended(child: Person, reason: str, failures: Failures) -> None:
    """Why the child ceased to be looked after (SSDA903 REC): a code of the
    year's list, and a death recorded before 'Died'."""
    if reason not in ReasonCeased.values or reason == ReasonCeased.X1:
        failures.add(
            "reason_required",
            "Choose the reason the child ceased to be looked after",
            field="reason",
        )
    elif reason == ReasonCeased.E2 and child.date_of_death is None:
        failures.add(
            "death_not_recorded",
            "Record the child's date of death on their details before ending the "
            "period of care with 'Died'",
            field="reason",
        )


def _end_rows(
    period: PeriodOfCare,
    status: LegalStatus,
    placement: Placement,
    *,
    on: dt.date,
    reason: str,
) -> None:
    status.ended_on = on
    status.save(update_fields=["ended_on"])
    placement.ended_on = on
    placement.save(update_fields=["ended_on"])
    period.ended_on = on
    period.reason_ended = reason
    period.save(update_fields=["ended_on", "reason_ended"])
