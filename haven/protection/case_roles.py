"""The chair's and the conference administrator's roles on the child's case
(docs/decisions/0004-case-roles.md): given when a conference is arranged or
recorded with them, ended once the child's conference work is done. Each role
is an allocation, so access follows it as it follows the social worker's
(haven.core.relationships.allocated_worker), and a write that gives one is
made only by someone who already holds lasting access to the child (every
service asks `require_lasting_access` first): naming oneself gains nothing."""

from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.errors import Failures
from haven.core.models import User
from haven.core.permissions import may_hold_case_role
from haven.core.selectors import current_allocation
from haven.core.services import allocate_case, end_allocation
from haven.people.models import Person
from haven.people.selectors import records_of
from haven.protection.models import (
    ChildProtectionPlan,
    Conference,
    ConferenceArrangement,
)

ROLES = (CaseRole.CP_CHAIR, CaseRole.CONFERENCE_ADMIN)
_WHAT = {
    CaseRole.CP_CHAIR: ("a child protection chair", "choose a conference chair"),
    CaseRole.CONFERENCE_ADMIN: (
        "a conference administrator",
        "choose a conference administrator",
    ),
}


def check_holder(
    user: User | None, role: CaseRole, *, field: str, failures: Failures
) -> None:
    """Whoever is named for the role does that work and sits in a team (an
    allocation is held by a team and its worker)."""
    if user is None:
        return
    what, choose = _WHAT[role]
    name = user.get_full_name() or user.get_username()
    if not may_hold_case_role(user, role):
        failures.add(f"{field}_not_allowed", f"{name} is not {what}: {choose}", field)
    elif user.team_id is None:
        failures.add(
            f"{field}_no_team",
            f"{name} is in no team: ask an administrator to put them in one",
            field,
        )


def give(person: Person, user: User | None, role: CaseRole, *, by: User) -> None:
    """The user holds the role on the child's case from today (inside the
    caller's transaction); the holder before them, if another, stops."""
    if user is None or user.team is None:
        return
    current = current_allocation(person, role)
    if current is not None and current.worker_id == user.pk:
        return
    allocate_case(
        person,
        team=user.team,
        worker=user,
        on=clock.today(),
        role=role,
        reason="Named for the child's child protection conference",
        by=by,
    )


def work_left(person: Person) -> bool:
    """A plan running, a conference booked, or a record not yet signed off."""
    mine = records_of(person)
    return (
        ChildProtectionPlan.objects.filter(person__in=mine, ended_on=None).exists()
        or ConferenceArrangement.objects.filter(
            episode__person__in=mine, conference=None
        ).exists()
        or Conference.objects.filter(
            episode__person__in=mine, signed_off_at=None
        ).exists()
    )


def to_circulate(person: Person) -> bool:
    """A signed record its administrator has still to send to those invited."""
    return ConferenceArrangement.objects.filter(
        episode__person__in=records_of(person),
        administrator__isnull=False,
        conference__signed_off_at__isnull=False,
        record_circulated_on=None,
    ).exists()


def release_if_done(person: Person, *, by: User) -> None:
    """End the chair's and the administrator's roles once no plan runs, no
    conference is booked and every record is signed off (inside the caller's
    transaction): their reason to open the record has ended. The
    administrator keeps theirs until the signed records are circulated."""
    if work_left(person):
        return
    roles = (CaseRole.CP_CHAIR,) if to_circulate(person) else ROLES
    for role in roles:
        end_allocation(
            person,
            on=clock.today(),
            reason="The child's child protection conferences are done",
            role=role,
            by=by,
        )
