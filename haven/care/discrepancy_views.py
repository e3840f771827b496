"""Discrepancies in looked-after children's records: the list for managers,
and the section on a child's page (haven.care.discrepancies says which)."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from haven.care import discrepancies as checks
from haven.care.discrepancies import Discrepancy
from haven.care.permissions import may_see_discrepancies
from haven.care.whereabouts import children
from haven.core import among, clock
from haven.core.http import AuthenticatedRequest
from haven.core.models import User
from haven.core.route_policy import Policy, policy
from haven.people.models import Person

MANAGE = "core.manage_team_cases"


@dataclass(frozen=True)
class Listed:
    child: Person
    found: list[Discrepancy]


def listed_for(user: User) -> tuple[list[Listed], int]:
    """Each child the user may open with what is wrong in their records, and
    how many children with discrepancies the user may not open."""
    today = clock.today()
    ids = checks.looked_after_ids(today)
    found = checks.discrepancies(ids, today)
    openable = among.openable_among(user, {d.child_id for d in found}).openable
    people = children(openable)
    by_child: dict[int, list[Discrepancy]] = {}
    for one in found:
        if one.child_id in openable:
            by_child.setdefault(one.child_id, []).append(one)
    listed = [Listed(people[pk], rows) for pk, rows in by_child.items()]
    listed.sort(key=lambda row: (row.child.family_name, row.child.given_name))
    hidden = len({d.child_id for d in found} - openable)
    return listed, hidden


@policy(Policy.ROLE, permission=MANAGE)
def discrepancy_list(request: AuthenticatedRequest) -> HttpResponse:
    if not may_see_discrepancies(request.user):
        raise PermissionDenied("Your role does not include the discrepancies list")
    listed, hidden = listed_for(request.user)
    context = {"listed": listed, "hidden": hidden}
    return render(request, "care/discrepancies.html", context)


def section(person: Person, user: User, record_ids: list[int]) -> dict[str, Any] | None:
    """The child's discrepancies, for their page; no section when there are
    none (or the child is not looked after today)."""
    today = clock.today()
    if not checks.looked_after_ids(today, among=record_ids):
        return None
    found = checks.discrepancies(record_ids, today)
    return {"found": found} if found else None
