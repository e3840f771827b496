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


def open_contact(user: User, today: dt.date) -> Q | None:
    if not works_at_front_door(user):
        return None
    since = clock.start_of(today - KEEP_AFTER_DECISION)
    open_or_recent = ContactChild.objects.filter(
        Q(decision="") | Q(decided_at__gte=since), person=OuterRef("pk")
    )
    return Q(Exists(open_or_recent))
