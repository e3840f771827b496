"""A manager transfers a role on a child's case (the social worker's, or any
other case role) to a team and worker today, saying why.

The checks stand alone (`check_transfer`) so a form with faults of its own
can show the transfer's faults on the same submit."""

from haven.casework import permissions as rules
from haven.core import access, clock, teams
from haven.core.caseroles import CaseRole
from haven.core.errors import Failures
from haven.core.models import Allocation, Team, User
from haven.core.permissions import may_hold_case_role, require
from haven.core.selectors import current_allocation
from haven.core.services import allocate_case
from haven.people.models import Person


def transfer_case(
    person: Person,
    *,
    team: Team,
    worker: User | None,
    reason: str,
    role: str = CaseRole.SOCIAL_WORKER,
    change_reason: str = "",
    by: User,
) -> Allocation:
    """Give a role on the child's case (the social worker's unless `role` says
    otherwise) to a team and worker today, saying why.

    The social worker's role goes only to a team that holds cases, and may sit
    with the team unallocated; every other role names its worker. The worker
    must be able to do the role's work (`caseroles.HOLDER_PERMISSION`).
    """
    check_transfer(
        person,
        team=team,
        worker=worker,
        reason=reason,
        role=role,
        change_reason=change_reason,
        by=by,
    )
    return allocate_case(
        person,
        team=team,
        worker=worker,
        on=clock.today(),
        reason=reason.strip(),
        role=role,
        change_reason=change_reason,
        by=by,
    )


def check_transfer(
    person: Person,
    *,
    team: Team | None,
    worker: User | None,
    reason: str,
    role: str,
    change_reason: str,
    by: User,
) -> None:
    """Every fault of the transfer at once (DomainError); `team` None when the
    form could not read it."""
    require(rules.may_transfer(by), "Only managers can transfer a case")
    # Lasting access only: a transfer on break-glass would hand its author the case.
    access.require_lasting_access(by, person)
    failures = Failures()
    if not reason.strip():
        failures.add(
            "reason_required", "Give the reason for the change", field="reason"
        )
    _check_holder(failures, role, team, worker)
    if role == CaseRole.SOCIAL_WORKER and not change_reason:
        failures.add(
            "change_reason_required",
            "Choose why the social worker is changing",
            field="change_reason",
        )
    if team is not None and role in CaseRole.values:
        _refuse_no_change(failures, person, role, team, worker)
    failures.raise_any()


def _refuse_no_change(
    failures: Failures, person: Person, role: str, team: Team, worker: User | None
) -> None:
    current = current_allocation(person, role)
    if (
        current is not None
        and current.team_id == team.pk
        and current.worker_id == (worker.pk if worker else None)
    ):
        failures.add(
            "no_change",
            "The case is already allocated to this team and worker",
            field="worker",
        )


def _check_holder(
    failures: Failures, role: str, team: Team | None, worker: User | None
) -> None:
    if role not in CaseRole.values:
        failures.add("role_unknown", "Choose the role", field="role")
        return
    if (
        team is not None
        and role == CaseRole.SOCIAL_WORKER
        and not teams.holds_cases(team)
    ):
        failures.add(
            "team_holds_no_cases",
            f"{team} does not hold children's cases: choose a team that does",
            field="team",
        )
    label = CaseRole(role).label
    if worker is None and role != CaseRole.SOCIAL_WORKER:
        failures.add("worker_required", f"Choose the {label.lower()}", field="worker")
    if worker is not None and not may_hold_case_role(worker, role):
        failures.add(
            "worker_holds_no_cases",
            f"{worker} cannot be the {label.lower()}: choose someone whose role "
            "does that work",
            field="worker",
        )
