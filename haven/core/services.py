"""Writes about access to a child's record: allocation, restriction, grants,
break-glass. Each journals its event on the child's record."""

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction

from haven.core import alerts, clock, journal, permissions
from haven.core.access import BREAK_GLASS_HOURS
from haven.core.caseroles import CaseRole, ChangeReason
from haven.core.errors import DomainError
from haven.core.models import (
    AccessGrant,
    Allocation,
    BreakGlass,
    Restriction,
    Team,
    User,
)
from haven.core.models.access import ALLOCATION_PERIOD


def allocate_case(
    person: Any,
    *,
    team: Team,
    worker: User | None = None,
    on: dt.date | None = None,
    reason: str = "",
    role: str = CaseRole.SOCIAL_WORKER,
    change_reason: str = "",
    by: User,
) -> Allocation:
    """Give a role on the child's case (the social worker's, unless `role` says
    otherwise) to a team and worker, ending the current holder of that role.
    Other roles are untouched: a looked-after child keeps their IRO when their
    social worker changes."""
    on = on or clock.today()
    _check_allocation(team=team, worker=worker, role=role, change_reason=change_reason)
    with transaction.atomic():
        current = _end_current_holder(person, role=role, on=on)
        _refuse_overlap(person, role=role, on=on)
        allocation = Allocation.objects.create(
            person=person,
            team=team,
            worker=worker,
            started_on=on,
            role=role,
            change_reason=change_reason,
            reason=reason,
        )
        journal.append(
            person,
            "core.case_allocated",
            {
                "team": team.name,
                "worker": str(worker) if worker else None,
                "worker_id": worker.pk if worker else None,
                "previous_worker": str(current.worker)
                if current and current.worker
                else None,
                "reason": reason,
                "role": role,
                "change_reason": change_reason,
            },
            by=by,
            occurred_at=clock.start_of(on),
        )
    return allocation


def _check_allocation(
    *, team: Team, worker: User | None, role: str, change_reason: str
) -> None:
    if worker is not None and worker.team_id != team.pk:
        raise DomainError(
            "worker_not_in_team", f"{worker} is not in {team}", field="worker"
        )
    if role not in CaseRole.values:
        raise DomainError("role_unknown", "Choose the role", field="role")
    if change_reason and change_reason not in ChangeReason.values:
        raise DomainError(
            "change_reason_unknown",
            "Choose why the worker is changing",
            field="change_reason",
        )


def _end_current_holder(person: Any, *, role: str, on: dt.date) -> Allocation | None:
    """End the allocation holding the role until `on`, locked for the change;
    the allocation ended, or None if no one held the role."""
    current = (
        Allocation.objects.select_for_update()
        .filter(person=person, role=role, ended_on__isnull=True)
        .first()
    )
    if current is not None:
        if on < current.started_on:
            raise DomainError(
                "before_current_allocation",
                "The new allocation cannot start before the current one started",
                field="on",
            )
        current.ended_on = on
        current.save(update_fields=["ended_on"])
    return current


def _refuse_overlap(person: Any, *, role: str, on: dt.date) -> None:
    """One holder of a role at a time: a new holder from `on` may not start
    while an earlier one, since ended, still held it (the database refuses it
    too on PostgreSQL)."""
    others = Allocation.objects.filter(person=person, role=role)
    clash = ALLOCATION_PERIOD.clash(others, on, None, what="an earlier allocation")
    if clash is not None:
        holder = clash.row.worker or clash.row.team
        raise DomainError(
            "overlaps_allocation",
            f"{clash.message} ({CaseRole(role).label.lower()}: {holder})",
            field="on",
        )


def end_allocation(
    person: Any,
    *,
    on: dt.date,
    reason: str,
    role: str = CaseRole.SOCIAL_WORKER,
    by: User,
) -> None:
    """No one holds this role on the child's case any more (the social worker's,
    unless `role` says otherwise: work has ended)."""
    if not reason.strip():
        raise DomainError("reason_required", "Give the reason the case ends")
    with transaction.atomic():
        current = (
            Allocation.objects.select_for_update()
            .filter(person=person, role=role, ended_on__isnull=True)
            .first()
        )
        if current is None:
            return
        if on < current.started_on:
            raise DomainError(
                "before_current_allocation",
                "The case cannot end before its current allocation started",
                field="on",
            )
        current.ended_on = on
        current.save(update_fields=["ended_on"])
        journal.append(
            person,
            "core.allocation_ended",
            {"team": current.team.name, "reason": reason, "role": role},
            by=by,
            occurred_at=clock.start_of(on),
        )


def restrict_record(
    person: Any,
    *,
    kind: str,
    reason: str,
    sealed_for: list[str] | None = None,
    by: User,
) -> Restriction:
    """Close a record to all but granted users (restricted) or named roles (sealed)."""
    permissions.require(
        permissions.may_restrict_records(by), "Only managers can restrict a record"
    )
    if not reason.strip():
        raise DomainError(
            "reason_required", "Give the reason for restricting the record"
        )
    with transaction.atomic():
        restriction, _ = Restriction.objects.update_or_create(
            person=person,
            defaults={
                "kind": kind,
                "reason": reason,
                "created_at": clock.now(),
                "created_by": by,
            },
        )
        groups = Group.objects.filter(name__in=sealed_for or [])
        restriction.sealed_for.set(groups)
        journal.append(
            person,
            "core.record_restricted",
            {"kind": kind, "reason": reason, "sealed_for": sorted(sealed_for or [])},
            by=by,
            significant=True,
        )
    return restriction


def grant_access(person: Any, *, to: User, reason: str, by: User) -> AccessGrant:
    """Let one user read a restricted record."""
    permissions.require(
        permissions.may_restrict_records(by),
        "Only managers can grant access to a record",
    )
    if not reason.strip():
        raise DomainError("reason_required", "Give the reason for the access")
    with transaction.atomic():
        grant = AccessGrant.objects.create(
            person=person, user=to, reason=reason, granted_by=by, granted_at=clock.now()
        )
        journal.append(
            person, "core.access_granted", {"user": str(to), "reason": reason}, by=by
        )
    return grant


def break_glass(person: Any, *, reason: str, by: User) -> BreakGlass:
    """Open a record with no relationship, for a stated reason, for a few hours."""
    permissions.require(
        permissions.may_read_case_records(by),
        "Your role does not include reading case records",
    )
    _check_reason(reason)
    if Restriction.objects.filter(person=person).exists():
        raise DomainError(
            "restricted_record",
            # Words that do not confirm the record exists or is restricted.
            "No record to open with temporary access",
        )
    now = clock.now()
    with transaction.atomic():
        # Locking the user makes two uses at once count one after the other.
        User.objects.select_for_update().filter(pk=by.pk).first()
        _check_rate(by)
        glass = BreakGlass.objects.create(
            person=person,
            user=by,
            reason=reason.strip(),
            started_at=now,
            expires_at=now + dt.timedelta(hours=BREAK_GLASS_HOURS),
        )
        journal.append(person, "core.break_glass_used", {"reason": glass.reason}, by=by)
        alerts.after_break_glass(by)
    return glass


# A reason is read by a manager and the information governance lead: it must
# say something, in words.
REASON_WORDS = 3
_WORD = re.compile(r"[^\W\d_]{2,}")


def _check_reason(reason: str) -> None:
    if "\x00" in reason:
        raise DomainError(
            "reason_unreadable",
            "The reason contains a character Haven cannot store: type it again",
            field="reason",
        )
    words = [w for w in _WORD.findall(reason) if len(set(w.lower())) > 1]
    if len(reason.strip()) < 10 or len(words) < REASON_WORDS:
        raise DomainError(
            "reason_required",
            "Explain in words why you need to see this record now (at least "
            f"{REASON_WORDS} words and 10 characters)",
            field="reason",
        )


def _check_rate(user: User) -> None:
    """Local policy: at most HAVEN_BREAK_GLASS_PER_HOUR uses in any hour."""
    limit = settings.HAVEN_BREAK_GLASS_PER_HOUR
    since = clock.now() - dt.timedelta(hours=1)
    used = BreakGlass.objects.filter(user=user, started_at__gt=since).count()
    if used >= limit:
        raise DomainError(
            "break_glass_limit",
            f"You have opened {used} records with temporary access in the last hour, "
            f"the most this council allows (local policy: {limit} an hour). Ask your "
            "manager if you need to see another record now.",
            field="reason",
        )
