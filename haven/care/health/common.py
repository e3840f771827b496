"""What every health write shares: who may make it, the date it happened (a
real past date inside a period of care), the lock that makes one writer at a
time per child, and the journal event."""

import datetime as dt
from typing import Any

from django.db.models import Q

from haven.care import inputs, recording
from haven.care.models import PeriodOfCare
from haven.core import journal
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import records_of


def start(child: Person, by: User) -> Failures:
    """Refuse a user who may not record this child's care (a role without it,
    or no lasting access to the child); the faults to gather come after."""
    recording.may_record(by, child)
    return Failures()


def period_on(child: Person, day: dt.date) -> PeriodOfCare | None:
    """The period of care the child was in on the day (its last day included)."""
    return (
        PeriodOfCare.objects.filter(
            person_id__in=records_of(child), started_on__lte=day
        )
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day))
        .order_by("-started_on", "-pk")
        .first()
    )


def day_in_care(
    child: Person, day: dt.date | None, *, field: str, what: str, failures: Failures
) -> tuple[dt.date | None, PeriodOfCare | None]:
    """The date `what` happened: given, past, and while the child was looked
    after (health records here are a looked-after child's)."""
    day = inputs.past_date(day, field=field, what=what, failures=failures)
    if day is None:
        return None, None
    period = period_on(child, day)
    if period is None:
        failures.add(
            "not_looked_after",
            f"The child was not looked after on {inputs.words(day)}",
            field=field,
        )
    return day, period


def lock(child: Person) -> None:
    """One writer at a time per child: the checks read the child's records."""
    Person.objects.select_for_update().filter(pk=child.pk).exists()


def text(value: str, *, field: str, what: str, failures: Failures) -> str:
    value = value.strip()
    if not value:
        failures.add(f"{field}_required", what, field=field)
    return value


def choice(
    value: str, choices: Any, *, field: str, what: str, failures: Failures
) -> str:
    if value not in choices.values:
        failures.add(f"{field}_required", what, field=field)
    return value


def journal_on(
    child: Person, type_: str, payload: dict[str, Any], day: dt.date, by: User
) -> None:
    journal.append(child, type_, payload, by=by, occurred_at=recording.occurred(day))
