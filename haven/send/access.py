"""Which children a SEND officer may work on: those whose SEND case their team
holds (the SEND case officer's allocation). This is SEND's own reason, not a
relationship to the whole record: the SEND officer reads the SEND pages and the
child's social care context, never the case notes (issue 18). A restricted or
sealed record stays closed to them unless they are granted it."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from haven.core import access
from haven.core.caseroles import CaseRole
from haven.core.errors import AccessDenied
from haven.core.models import Allocation, User
from haven.people.models import Person
from haven.send.permissions import may_manage_ehc

WHY = "SEND case held by the SEND service"


def holds_send_case(user: User, person: Person) -> bool:
    if not may_manage_ehc(user):
        return False
    if access.is_secret(person) and not access.may_change(user, person):
        return False
    teams = access.team_ids_for(user)
    return Allocation.objects.filter(
        Q(worker=user) | Q(team_id__in=teams),
        person=person,
        role=CaseRole.SEND_OFFICER,
        ended_on__isnull=True,
    ).exists()


def require(user: User, person: Person) -> None:
    """A service's check: refused in words the user can act on."""
    if not holds_send_case(user, person):
        raise AccessDenied("The child's SEND case is not held by your team")


def open_for_send(user: User, person: Person, *, what: str) -> Person:
    """A SEND page's read: refused as a page refuses, and logged as every read."""
    if not holds_send_case(user, person):
        access.record_denial(user, person.pk, what=what)
        # Unknown, restricted and sealed look the same to someone without
        # access: that a restricted record exists can be the secret.
        if access.is_secret(person) and not access.may_change(user, person):
            raise Http404
        raise PermissionDenied("The child's SEND case is not held by your team")
    access.log_reads(user, [person.pk], what=what, why=WHY)
    return person


def held_by_team(user: User) -> "QuerySet[Allocation, Any]":
    """The children whose SEND case the user's team holds, as person ids (a
    subquery for the SEND queues)."""
    return Allocation.objects.filter(
        role=CaseRole.SEND_OFFICER,
        ended_on__isnull=True,
        team_id__in=access.team_ids_for(user),
    ).values("person_id")


def held_among(user: User, person_ids: set[int]) -> set[int]:
    """Of these children, those whose SEND case the user's team holds, in one
    query (a report links only to the requests the reader may open)."""
    if not may_manage_ehc(user) or not person_ids:
        return set()
    held = set(
        Allocation.objects.filter(
            Q(worker=user) | Q(team_id__in=access.team_ids_for(user)),
            person_id__in=person_ids,
            role=CaseRole.SEND_OFFICER,
            ended_on__isnull=True,
        ).values_list("person_id", flat=True)
    )
    return held - access.unnamed_for(user, held)
