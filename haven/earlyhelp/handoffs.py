"""Who holds a child's case while early help works with the family: early help
takes it on allocation, or from social care when social care closes with early
help open; hands it back to the team that held it before (or ends it) when early
help closes; and notes where a step up to social care put it. The allocations
are written (and journalled) by haven.core.services, inside the caller's
transaction."""

import datetime as dt
from typing import Any

from haven.core import teams
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, Team, User
from haven.core.selectors import allocation_may_start
from haven.core.services import allocate_case, end_allocation
from haven.earlyhelp.models import EarlyHelpRequest
from haven.people.models import Person

EARLY_HELP_REASON = "Early help"
# The reason on the allocation social care makes when it closes its episode and
# early help carries on: social care has finished, so when early help ends too
# the case ends rather than going back to social care.
HANDED_TO_EARLY_HELP = "Social care closed: early help continues"


def take_over_case(person: Person, *, on: dt.date, by: User) -> bool:
    """Social care has closed its episode: if the family has early help open, the
    case passes to it (its worker, or its team while the family waits) rather
    than ending or staying with a social worker who has finished.

    Returns whether early help still needs the case (False: no open request).
    Called inside social care's closing transaction.
    """
    request = (
        EarlyHelpRequest.objects.filter(children=person, closed_on__isnull=True)
        .select_related("allocated_worker__team", "team")
        .first()
    )
    if request is None:
        return False
    if early_help_allocation(request, person) is not None:
        return True  # early help holds it already
    worker = request.allocated_worker
    team = worker.team if worker is not None else request.team
    if team is None:
        return True  # no early help team to hold it: social care keeps it
    allocate_case(
        person,
        team=team,
        worker=worker if worker is not None and worker.team_id == team.pk else None,
        on=case_moves_on(person, on),
        reason=HANDED_TO_EARLY_HELP,
        by=by,
    )
    return True


def case_moves_on(person: Person, on: dt.date) -> dt.date:
    # An allocation recorded late must not rewrite who held the case meanwhile:
    # the case moves to the worker on the later of the two dates, while the
    # request keeps the real allocation date for the waiting times.
    # A case whose allocation has ended moves on no earlier than it ended: one
    # holder at a time (haven.core.periods).
    return allocation_may_start(person, on)


def early_help_allocation(
    request: EarlyHelpRequest, person: Person
) -> Allocation | None:
    """The current allocation of one of the request's children if early help
    made it for this request (to its worker, or to its team when social care
    handed the case over); otherwise None: social care (or someone since) holds
    the case and early help leaves it alone."""
    current = (
        Allocation.objects.select_for_update()
        .filter(person=person, role=CaseRole.SOCIAL_WORKER, ended_on__isnull=True)
        .first()
    )
    if current is None or current.started_on < request.requested_on:
        return None
    worked = (
        current.reason == EARLY_HELP_REASON
        and request.allocated_worker_id is not None
        and current.worker_id == request.allocated_worker_id
    )
    handed = current.reason == HANDED_TO_EARLY_HELP and current.worker_id in (
        None,
        request.allocated_worker_id,
    )
    return current if worked or handed else None


def held_before(request: EarlyHelpRequest, current: Allocation) -> Allocation | None:
    """The allocation that held the case until early help took it: the one ending
    the day the early help chain began (passing over reallocations between early
    help workers). None if the case was held by no one just before, or if social
    care handed it over when its own work ended."""
    earlier = Allocation.objects.filter(
        person=current.person_id, role=CaseRole.SOCIAL_WORKER
    ).exclude(pk=current.pk)
    link = current
    while link.reason != HANDED_TO_EARLY_HELP:
        before = (
            earlier.filter(ended_on=link.started_on)
            .order_by("-started_on", "-pk")
            .first()
        )
        if before is None:
            return None
        made_by_early_help = (
            before.reason in (EARLY_HELP_REASON, HANDED_TO_EARLY_HELP)
            and before.started_on >= request.requested_on
        )
        if not made_by_early_help:
            return before
        link = before
        earlier = earlier.exclude(pk=before.pk)
    return None


def hand_back_case(
    request: EarlyHelpRequest, person: Person, *, on: dt.date, by: User
) -> dict[str, Any]:
    """Early help has ended: its worker no longer holds the child's (one of the
    request's children) case.

    The case goes back to the team that held it before early help (unallocated,
    for its manager to allocate: the worker who stepped the case down may have
    moved on), journalled by core's allocation. With no team before, the
    allocation ends, journalled by core too.
    """
    current = early_help_allocation(request, person)
    if current is None:
        return {"case": "unchanged"}
    # The allocation may have moved to the worker later than the request's
    # allocation date (see case_moves_on): it cannot end before it began.
    on = max(on, current.started_on)
    before = held_before(request, current)
    if before is not None:
        allocate_case(
            person,
            team=before.team,
            on=on,
            reason="Early help closed: returned to the team that held the case",
            by=by,
        )
        return {"case": "returned_to_team", "case_team": before.team.name}
    end_allocation(person, on=on, reason="Early help closed", by=by)
    return {"case": "allocation_ended"}


def case_after_referral(
    held: Allocation | None, now: Allocation | None
) -> dict[str, Any]:
    """What the referral did with the case, for the closing event."""
    if now is None or (held is not None and now.pk == held.pk):
        return {"case": "unchanged"}
    return {"case": "stepped_up_to_team", "case_team": now.team.name}


def social_care_team_before(request: EarlyHelpRequest, person: Person) -> Team | None:
    """The social care team that held the child's case until early help took it."""
    mine = early_help_allocation(request, person)
    before = held_before(request, mine) if mine is not None else None
    if before is not None and teams.does_social_care(before.team):
        return before.team
    return None
