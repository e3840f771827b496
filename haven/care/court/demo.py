"""The demo authority's court records. The looked-after histories
(haven/care/demo.py) record their legal statuses through the care services,
which record the order behind each (implied, as an import would). One child
accommodated under section 20 now has care proceedings running: issued nine
weeks ago, an interim care order a week later changing their legal status to
C1, so their worker's My work shows the 26 weeks (CRT-26W)."""

import datetime as dt
import random

from django.db import transaction

from haven.care.court.orders import OrderDetails, record_order
from haven.care.court.proceedings import issue_proceedings
from haven.care.models import LegalStatus
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.selectors import current_allocation
from haven.people.models import Person

COURT = "Leeds Family Court"
ISSUED_AGO = dt.timedelta(weeks=9)
ORDER_AFTER = dt.timedelta(weeks=1)


def populate(rng: random.Random, children: list[Person]) -> None:
    """Care proceedings for one child accommodated under section 20 since
    before they were issued (the first, in the order given, that the services
    accept)."""
    issued = clock.today() - ISSUED_AGO
    accommodated = LegalStatus.objects.filter(
        code="V2",
        ended_on__isnull=True,
        started_on__lt=issued,
        period__ended_on__isnull=True,
        period__person__in=children,
    ).select_related("period__person")
    for status in sorted(accommodated, key=lambda s: s.pk):
        if _proceedings(status.period.person, issued):
            return


def _proceedings(child: Person, issued: dt.date) -> bool:
    held = current_allocation(child)
    if held is None or held.worker is None:
        return False
    try:
        with transaction.atomic():
            case = issue_proceedings(
                child,
                kind="care",
                issued_on=issued,
                court=COURT,
                case_number=f"LS{issued:%y}C{child.pk:05d}",
                by=held.worker,
            )
            record_order(
                child,
                OrderDetails(
                    kind="ico",
                    made_on=issued + ORDER_AFTER,
                    court=COURT,
                    proceedings=case,
                ),
                by=held.worker,
            )
    except DomainError:
        return False
    return True
