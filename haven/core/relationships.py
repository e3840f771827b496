"""The core's relationships to a child's record: through the case's allocation.

Declared in the core's plugin.py, as every app declares its own. Each is a
function (user, today) -> a filter over Person, or None (see haven.core.access).
"""

import datetime as dt

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from haven.core import permissions
from haven.core.access import team_ids_for
from haven.core.models import Allocation, User


def allocated_worker(user: User, today: dt.date) -> Q | None:
    if not permissions.may_read_case_records(user):
        return None
    return Q(
        Exists(
            Allocation.objects.filter(
                person=OuterRef("pk"), worker=user, ended_on__isnull=True
            )
        )
    )


def allocated_team(user: User, today: dt.date) -> Q | None:
    teams = team_ids_for(user)
    if not teams or not permissions.may_read_case_records(user):
        return None
    current = Allocation.objects.filter(
        person=OuterRef("pk"), team_id__in=teams, ended_on__isnull=True
    )
    return Q(Exists(current))


# When a case ends (no one holds it now), the worker and team who held it keep
# reading it for a while to finish the write-up: local practice, so the council
# sets the number of days (HAVEN_ACCESS_AFTER_CASE_ENDS_DAYS, a week by default).
# A case that moves to someone else moves access at once.
def keep_after_case_ends() -> dt.timedelta:
    return dt.timedelta(days=settings.HAVEN_ACCESS_AFTER_CASE_ENDS_DAYS)


def ended_since(today: dt.date) -> dt.date:
    """The earliest end of a case that still opens it (its day value)."""
    return today - keep_after_case_ends()


def recently_ended(user: User, today: dt.date) -> Q | None:
    if not permissions.may_read_case_records(user):
        return None
    theirs = Q(worker=user)
    teams = team_ids_for(user)
    if teams:
        theirs |= Q(team_id__in=teams)
    recent = Allocation.objects.filter(
        theirs, person=OuterRef("pk"), ended_on__gte=ended_since(today)
    )
    held_now = Allocation.objects.filter(person=OuterRef("pk"), ended_on__isnull=True)
    return Q(Exists(recent)) & ~Q(Exists(held_now))
