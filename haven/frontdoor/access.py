"""Why front door staff may open a child's record: an open contact about them."""

import datetime as dt

from django.db.models import Exists, OuterRef, Q

from haven.core import clock
from haven.core.models import User
from haven.frontdoor.models import ContactChild
from haven.frontdoor.selectors import works_at_front_door

# After the decision the front door keeps access for the rest of the day and the
# day after, so the worker can finish recording and tell the referrer.
KEEP_AFTER_DECISION = dt.timedelta(days=1)


def decided_since(today: dt.date) -> dt.datetime:
    """The earliest decision whose contact still opens the record (its day
    value)."""
    return clock.start_of(today - KEEP_AFTER_DECISION)


def open_contact(user: User, today: dt.date) -> Q | None:
    if not works_at_front_door(user):
        return None
    open_or_recent = ContactChild.objects.filter(
        Q(decision="") | Q(decided_at__gte=decided_since(today)), person=OuterRef("pk")
    )
    return Q(Exists(open_or_recent))
