"""Who may open a child's record because of early help."""

import datetime as dt

from django.db.models import Exists, OuterRef, Q

from haven.core import permissions
from haven.core.access import team_ids_for
from haven.core.models import User
from haven.earlyhelp import permissions as rules
from haven.earlyhelp.models import EarlyHelpRequest


def early_help_open_request(user: User, today: dt.date) -> Q | None:
    """Early help workers and managers can open the records of the children who
    wait in, or are worked by, their team, so they can read before allocating;
    and the worker given the request, wherever their team. This is how the
    worker reads the record of a child whose case social care still holds."""
    if not permissions.may_read_case_records(user):
        return None
    if not rules.may_work_early_help(user):
        return None
    teams = team_ids_for(user)
    theirs = Q(allocated_worker=user)
    if teams:
        theirs |= Q(team_id__in=teams)
    open_requests = EarlyHelpRequest.objects.filter(
        theirs, children=OuterRef("pk"), closed_on__isnull=True
    )
    return Q(Exists(open_requests))
