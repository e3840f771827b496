"""Who holds a child's case as social care's work starts and ends: a referral
puts the case with a social care team, and closing the episode takes it off the
social worker's caseload. The allocations are written (and journalled) by
haven.core.services, inside the caller's transaction."""

import datetime as dt

from haven.core import teams
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError
from haven.core.models import Allocation, Team, User
from haven.core.selectors import allocation_may_start, current_allocation
from haven.core.services import allocate_case, end_allocation
from haven.people.models import Person

REFERRED = "Referred to social care: for a manager to allocate"


def hold_for_social_care(
    person: Person, *, on: dt.date, team: Team | None, by: User
) -> None:
    """A referral is social care's work, so a social care team must hold the
    case: if no one does (a new family, or one whose case had ended), or early
    help does, it goes to `team` or the team where referrals arrive, with no
    worker until its manager allocates one. It then shows on that team's work,
    and the assessment is never left with someone who cannot do it."""
    current = (
        Allocation.objects.select_for_update()
        .filter(person=person, role=CaseRole.SOCIAL_WORKER, ended_on__isnull=True)
        .select_related("team")
        .first()
    )
    if current is not None and teams.does_social_care(current.team):
        return
    target = team or teams.referral_team()
    if target is None:
        raise DomainError(
            "no_social_care_team",
            "There is no social care team to take the referral. Ask an "
            "administrator to check the teams",
        )
    start = allocation_may_start(person, on)
    allocate_case(person, team=target, on=start, reason=REFERRED, by=by)


def after_closure(person: Person, *, on: dt.date, by: User) -> None:
    """Social care's work has ended, so the case leaves the social worker's
    caseload: early help takes it if the family has early help open (stepped
    down, or alongside), otherwise the allocation ends. (Child protection and
    looked-after work, when they arrive, will keep the case open too.)"""
    # Late import: early help imports this app for step up.
    from haven.earlyhelp.handoffs import take_over_case

    if take_over_case(person, on=on, by=by):
        return
    current = current_allocation(person)
    if current is not None:
        end_allocation(
            person,
            on=max(on, current.started_on),
            reason="Child in need episode closed",
            by=by,
        )
