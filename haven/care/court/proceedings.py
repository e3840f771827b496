"""Applications to the court: issued, extended, decided. Each checks the
user's role and access (haven/care/recording.may_record), names every fault at
once, and writes its record and journal event in one transaction.

A care or supervision application starts CRT-26W (decided within 26 weeks,
CA89 s32(1)(a)(ii)); an extension moves that date by its weeks through the
timescale engine (the event carries the days, never a date); the decision
meets it.

Journal events:
  court.care_application_issued / court.proceedings_issued
                              {"proceedings", "kind", "issued_on", "court"}
  court.proceedings_extended  {"proceedings", "weeks", "days", "granted_on",
                               "reason"}
  court.proceedings_disposed  {"proceedings", "on", "outcome"}
"""

import datetime as dt

from django.db import transaction

from haven.care import inputs, recording
from haven.care.court import aftermath as aftermath_of
from haven.care.court import checks, implied
from haven.care.court.aftermath import Aftermath
from haven.care.court.kinds import (
    INTERIM,
    UNDER_26_WEEKS,
    OrderKind,
    Outcome,
    ProceedingsKind,
)
from haven.care.models import LegalStatus, Proceedings, ProceedingsExtension
from haven.core import journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.people.models import Person

CARE_ISSUED = "court.care_application_issued"
ISSUED = "court.proceedings_issued"
EXTENDED = "court.proceedings_extended"
DISPOSED = "court.proceedings_disposed"
MOST_WEEKS = 8  # s32(7): each extension at most eight weeks
NOTHING_SAID = Aftermath()


def issue_proceedings(
    child: Person,
    *,
    kind: str,
    issued_on: dt.date | None,
    court: str,
    case_number: str = "",
    by: User,
) -> Proceedings:
    """The authority's (or another's) application about the child was issued."""
    recording.may_record(by, child)
    failures = Failures()
    if kind not in ProceedingsKind.values:
        failures.add("kind_required", "Choose what the application is for", "kind")
    issued_on = checks.day(
        child,
        issued_on,
        field="issued_on",
        what="the application was issued",
        failures=failures,
    )
    if not court.strip():
        failures.add("court_required", "Enter the court", field="court")
    failures.raise_any()
    assert issued_on is not None
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=child.pk).exists()
        made = Proceedings.objects.create(
            person=child,
            kind=kind,
            issued_on=issued_on,
            court=court.strip(),
            case_number=case_number.strip(),
            recorded_by=by,
        )
        journal.append(
            child,
            CARE_ISSUED if kind in UNDER_26_WEEKS else ISSUED,
            {
                "proceedings": made.pk,
                "kind": kind,
                "issued_on": issued_on,
                "court": made.court,
            },
            by=by,
            occurred_at=recording.occurred(issued_on),
            significant=True,
        )
    return made


def _locked_running(proceedings: Proceedings) -> Proceedings:
    locked = Proceedings.objects.select_for_update().get(pk=proceedings.pk)
    if locked.disposed_on is not None:
        raise DomainError(
            "already_decided",
            f"These proceedings were decided on {inputs.words(locked.disposed_on)}",
        )
    return locked


def extend_proceedings(
    proceedings: Proceedings,
    *,
    weeks: int | None,
    granted_on: dt.date | None,
    reason: str,
    by: User,
) -> ProceedingsExtension:
    """The court extended the time for deciding the proceedings by `weeks`."""
    child = proceedings.person
    recording.may_record(by, child)
    failures = Failures()
    if weeks is None or not 1 <= weeks <= MOST_WEEKS:
        failures.add(
            "weeks_required",
            "Enter the weeks the court extended by: 1 to 8 (s32(7))",
            field="weeks",
        )
    if not reason.strip():
        failures.add("reason_required", "Say why the court extended", "reason")
    granted_on = checks.day(
        child, granted_on, field="granted_on", what="it was extended", failures=failures
    )
    if granted_on is not None and granted_on < proceedings.issued_on:
        failures.add(
            "before_application",
            "The extension is dated before the application was issued",
            field="granted_on",
        )
    with transaction.atomic():
        proceedings = _locked_running(proceedings)
        failures.raise_any()
        assert weeks is not None and granted_on is not None
        extension = ProceedingsExtension.objects.create(
            proceedings=proceedings,
            weeks=weeks,
            granted_on=granted_on,
            reason=reason.strip(),
            recorded_by=by,
        )
        journal.append(
            child,
            EXTENDED,
            {
                "proceedings": proceedings.pk,
                "weeks": weeks,
                "days": weeks * 7,
                "granted_on": granted_on,
                "reason": extension.reason,
            },
            by=by,
            occurred_at=recording.occurred(granted_on),
        )
    return extension


def dispose_proceedings(
    proceedings: Proceedings,
    *,
    on: dt.date | None,
    outcome: str,
    by: User,
    aftermath: Aftermath = NOTHING_SAID,
) -> Proceedings:
    """The court decided the proceedings on `on`, with `outcome`. A child
    looked after under an interim care order made in them is no longer once
    they are decided without an order: what the user says followed happens
    that day (haven/care/court/aftermath.py). A final order is recorded with
    the order form, which decides the proceedings itself."""
    child = proceedings.person
    recording.may_record(by, child)
    failures = Failures()
    if outcome not in Outcome.values:
        failures.add("outcome_required", "Choose how it was decided", field="outcome")
    on = checks.day(child, on, field="on", what="it was decided", failures=failures)
    if on is not None and on < proceedings.issued_on:
        failures.add(
            "before_application",
            "The decision is dated before the application was issued",
            field="on",
        )
    with transaction.atomic():
        proceedings = _locked_running(proceedings)
        status = under_interim_order(proceedings)
        if status is not None:
            _check_aftermath(outcome, aftermath, failures)
        failures.raise_any()
        assert on is not None
        decide(proceedings, on=on, outcome=outcome, by=by)
        if status is not None:
            aftermath_of.apply(status.period, aftermath, on=on, by=by)
    return proceedings


def under_interim_order(proceedings: Proceedings) -> LegalStatus | None:
    """The child's current legal status, if it follows an interim care order
    made in these proceedings and still running."""
    running = proceedings.orders.filter(
        kind=OrderKind.INTERIM_CARE, discharged_on__isnull=True
    )
    for order in running:
        status = aftermath_of.status_under(proceedings.person, order)
        if status is not None:
            return status
    return None


def _check_aftermath(outcome: str, aftermath: Aftermath, failures: Failures) -> None:
    if outcome == Outcome.ORDER_MADE:
        failures.add(
            "record_the_order",
            "Record the order the court made instead (Record an order): the "
            "child's legal status follows from it, and it decides the proceedings",
            field="outcome",
        )
    elif outcome in Outcome.values:
        aftermath_of.check(aftermath, failures)


def decide(proceedings: Proceedings, *, on: dt.date, outcome: str, by: User) -> None:
    """Write the decision, inside the caller's transaction: the interim orders
    made in the proceedings end with it (CA89 s38(4))."""
    child = proceedings.person
    proceedings.disposed_on = on
    proceedings.outcome = outcome
    proceedings.save(update_fields=["disposed_on", "outcome"])
    journal.append(
        child,
        DISPOSED,
        {"proceedings": proceedings.pk, "on": on, "outcome": outcome},
        by=by,
        occurred_at=recording.occurred(on),
        significant=True,
    )
    running = proceedings.orders.filter(kind__in=INTERIM, discharged_on__isnull=True)
    for order in running:
        if order.ends_on is None or order.ends_on > on:
            implied.end_order(child, order, on=on, why="proceedings decided", by=by)
