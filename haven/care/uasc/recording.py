"""Recording that a child is an unaccompanied asylum-seeking child, and the
day that status ceased. Social workers who record the child's care make both;
every fault is named at once; each write is journalled in its transaction.

UASC status ends by the 18th birthday at the latest (SSDA903 rule 304: DUC no
later than it); a child's periods of status never overlap, and at most one is
current (a database constraint too).

Journal events:
  care.uasc_started  {"status", "started_on", "ceased_on"}
  care.uasc_ceased   {"status", "ceased_on"}
"""

import datetime as dt

from django.db import transaction

from haven.care import inputs, recording
from haven.care.health import common
from haven.care.leavers.rules import birthday
from haven.care.models import UascStatus
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import records_of

STARTED = "care.uasc_started"
CEASED = "care.uasc_ceased"


def record_uasc(
    child: Person,
    *,
    started_on: dt.date | None,
    ceased_on: dt.date | None = None,
    by: User,
) -> UascStatus:
    """The child has been an unaccompanied asylum-seeking child since
    `started_on` (until `ceased_on`, for a past period)."""
    recording.may_record(by, child)
    failures = Failures()
    start = inputs.past_date(
        started_on, field="started_on", what="the status began", failures=failures
    )
    if ceased_on is not None:
        _ceasing(child, start, ceased_on, failures)
    with transaction.atomic():
        common.lock(child)
        if start:
            _overlaps(child, start, ceased_on, failures)
        failures.raise_any()
        assert start is not None
        made = UascStatus.objects.create(
            person=child, started_on=start, ceased_on=ceased_on, recorded_by=by
        )
        payload = {"status": made.pk, "started_on": start, "ceased_on": ceased_on}
        common.journal_on(child, STARTED, payload, start, by)
    return made


def cease_uasc(status: UascStatus, *, on: dt.date | None, by: User) -> UascStatus:
    """The child's UASC status ceased on `on` (DUC)."""
    child = status.person
    recording.may_record(by, child)
    failures = Failures()
    with transaction.atomic():
        common.lock(child)
        status = UascStatus.objects.get(pk=status.pk)
        if status.ceased_on is not None:
            raise DomainError(
                "uasc_ceased",
                f"This status ceased on {inputs.words(status.ceased_on)}",
            )
        _ceasing(child, status.started_on, on, failures)
        failures.raise_any()
        assert on is not None
        status.ceased_on = on
        status.save(update_fields=["ceased_on"])
        payload = {"status": status.pk, "ceased_on": on}
        common.journal_on(child, CEASED, payload, on, by)
    return status


def _ceasing(
    child: Person, start: dt.date | None, on: dt.date | None, failures: Failures
) -> None:
    day = inputs.past_date(
        on, field="ceased_on", what="the status ceased", failures=failures
    )
    if day is None:
        return
    if start and day < start:
        failures.add(
            "ceased_before_start",
            "The date the status ceased must be on or after the date it began",
            field="ceased_on",
        )
    born = child.date_of_birth
    if born and day > birthday(born, 18):
        failures.add(
            "ceased_after_18",
            "UASC status ceases by the child's 18th birthday, "
            f"{inputs.words(birthday(born, 18))}",
            field="ceased_on",
        )


def _overlaps(
    child: Person, start: dt.date, ceased: dt.date | None, failures: Failures
) -> None:
    last = ceased or dt.date.max
    for other in UascStatus.objects.filter(person_id__in=records_of(child)):
        if other.started_on <= last and start <= (other.ceased_on or dt.date.max):
            failures.add(
                "uasc_overlaps",
                f"The child has UASC status from {inputs.words(other.started_on)}"
                + (
                    f" to {inputs.words(other.ceased_on)}"
                    if other.ceased_on
                    else ": record when it ceased first"
                ),
                field="started_on",
            )
