"""Phase transfers (SENDR reg 18): the plan must be amended to name the next
school or institution by a date the catalogue holds. Opening a transfer
starts the rule of its phase (SEN-PHASE, SEN-PHASE-POST16 or
SEN-POST16-MOVE; see codes.RULE_OF); the amended plan naming the next
school meets it (amendments.issue)."""

import datetime as dt

from django.db import transaction

from haven.core import clock
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.send.changes.codes import RULE_OF, Phase
from haven.send.changes.common import check_live, locked_plan
from haven.send.changes.models import PhaseTransfer
from haven.send.models import EhcPlan
from haven.send.rules import check_date, locked, may_manage, record_event
from haven.timescales.models import Obligation


def _check_year(failures: Failures, year: int | None) -> None:
    if year is None:
        failures.add("year_required", "Enter the year of the transfer", "transfer_year")


def _check_due_year(person_id: int, rule_id: str, subject: int, year: int) -> None:
    """The catalogue's fixed date ("14 Feb", "30 Mar") falls on the next such
    day on or after the day the transfer is opened: it must be the transfer
    year's. Read from the obligation the engine has just made (no date is
    counted here); the transaction is undone when it is not."""
    due = (
        Obligation.objects.filter(
            person_id=person_id, rule_id=rule_id, subject=str(subject)
        )
        .values_list("due_on", flat=True)
        .first()
    )
    if due is None or due.year == year:
        return
    if due.year < year:
        raise DomainError(
            "too_early",
            f"Too early: open a transfer in {year} after "
            f"{due.replace(year=year - 1):%-d %B %Y}",
            "transfer_year",
        )
    raise DomainError(
        "too_late",
        "Too late: the plan had to name the next school by "
        f"{due.replace(year=year):%-d %B %Y}",
        "transfer_year",
    )


def _check(
    failures: Failures,
    plan: EhcPlan,
    phase: str,
    year: int | None,
    planned_on: dt.date | None,
    on: dt.date | None,
) -> None:
    check_live(failures, plan, "plan a transfer")
    if plan.transfers.filter(named_on__isnull=True).exists():
        failures.add("transfer_open", "A transfer is already waiting for its school")
    if phase not in Phase.values:
        failures.add("phase_required", "Choose the transfer", "phase")
    check_date(
        failures,
        on,
        field="on",
        what="the transfer was opened",
        not_before=plan.issued_on,
        not_before_words="the plan was issued",
    )
    if phase == Phase.POST16_MOVE:
        if planned_on is None:
            failures.add("planned_required", "Enter the date of the move", "planned_on")
        elif on is not None and planned_on <= on:
            failures.add(
                "planned_past", "The move must be after today's record", "planned_on"
            )
        year = planned_on.year if planned_on else year or 0
    _check_year(failures, year)


def open_transfer(
    plan: EhcPlan,
    *,
    phase: str,
    transfer_year: int | None,
    planned_on: dt.date | None = None,
    on: dt.date | None,
    by: User,
) -> PhaseTransfer:
    """Record the coming transfer: its rule's clock starts."""
    may_manage(by, plan.request)
    with transaction.atomic():
        request = locked(plan.request)
        plan = locked_plan(plan)
        failures = Failures()
        _check(failures, plan, phase, transfer_year, planned_on, on)
        failures.raise_any()
        assert on is not None
        move = phase == Phase.POST16_MOVE
        year = planned_on.year if move and planned_on else transfer_year
        assert year is not None
        transfer = PhaseTransfer.objects.create(
            plan=plan,
            person=plan.person,
            phase=phase,
            transfer_year=year,
            planned_on=planned_on if move else None,
            opened_on=on,
            created_by=by,
            created_at=clock.now(),
        )
        # Amendments already with the family name the next school.
        plan.amendments.filter(issued_on__isnull=True, transfer=None).update(
            transfer=transfer
        )
        _rule, key = RULE_OF[phase]
        payload: dict[str, object] = {"plan": plan.pk, key: transfer.pk}
        payload["phase"] = phase
        if move:
            assert planned_on is not None
            # SEN-POST16-MOVE counts back from the move, not from today.
            payload["transfer_date"] = planned_on.isoformat()
        kind = "post16_transfer_planned" if move else "phase_transfer_window_opened"
        record_event(request, kind, payload, by=by, on=on)
        if not move:
            _check_due_year(plan.person_id, RULE_OF[phase][0], transfer.pk, year)
    return transfer
