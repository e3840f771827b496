"""One or two of the demo authority's teenagers in care are unaccompanied
asylum-seeking children: status from the day care started, through the
services, one of them with the status ceased (leave to remain granted)."""

import datetime as dt
from contextlib import suppress

from haven.care.models import PeriodOfCare
from haven.care.uasc import recording
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.selectors import current_allocation
from haven.people.lifestage import age_on
from haven.people.models import Person

HOW_MANY = 2


def populate(children: list[Person]) -> None:
    periods = (
        PeriodOfCare.objects.filter(person__in=children, ended_on__isnull=True)
        .select_related("person")
        .order_by("person_id")
    )
    teenagers = [
        p for p in periods if (age_on(p.person, clock.today()) or 0) in range(14, 17)
    ]
    for index, period in enumerate(teenagers[:HOW_MANY]):
        held = current_allocation(period.person)
        if held is None or held.worker is None:
            continue
        ceased = None
        if index == 1 and period.started_on < clock.today() - dt.timedelta(days=60):
            ceased = clock.today() - dt.timedelta(days=30)
        with suppress(DomainError):  # a draw the rules refuse: none recorded
            recording.record_uasc(
                period.person,
                started_on=period.started_on,
                ceased_on=ceased,
                by=held.worker,
            )
