"""A worker's caseload: every child allocated to them, with what a social
worker wants to see of each at a glance.

Read in a fixed number of queries however long the caseload is: the
allocations, which of them the reader may open, each app's legal context and
placements (haven.casework.caseload_facts), the last time each child was seen
and seen alone (their case notes), their warnings, their home addresses, and
what is due next, which is the timescales engine's obligation as My work shows
it (never counted here).
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max, Q

from haven.casework.caseload_facts import Legal, facts_for
from haven.casework.models import CaseNote
from haven.core import access, among
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, User
from haven.core.work import WorkItem
from haven.people.models import Address, Person, PersonWarning
from haven.timescales.queue import obligations_of


@dataclass
class Row:
    """One child on the caseload."""

    person: Person
    allocated_on: dt.date
    legal: list[Legal] = field(default_factory=list)
    where: str = ""
    placed: bool = False
    last_seen: dt.datetime | None = None
    last_seen_alone: dt.datetime | None = None
    next_due: WorkItem | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def overdue_on(self) -> dt.date | None:
        return self.next_due.due_on if self.next_due else None


@dataclass
class Caseload:
    worker: User
    rows: list[Row]
    sort: str
    descending: bool
    hidden: int = 0  # children allocated to the worker the reader may not open


def _key(value: Any) -> tuple[bool, Any]:
    # Blanks (never seen, nothing due) sort after every value, either way up.
    return (value is None or value == "", value if value is not None else 0)


SORTS: dict[str, tuple[str, Callable[[Row], Any]]] = {
    "name": ("Child", lambda r: _key((r.person.family_name, r.person.given_name))),
    "age": ("Age", lambda r: _key(r.person.date_of_birth)),
    "legal": ("Legal context", lambda r: _key(r.legal[0].order if r.legal else None)),
    "where": ("Lives or placed", lambda r: _key(r.where)),
    "seen": ("Last seen", lambda r: _key(r.last_seen)),
    "alone": ("Last seen alone", lambda r: _key(r.last_seen_alone)),
    "due": ("Next due", lambda r: _key(r.overdue_on)),
}
DEFAULT_SORT = "due"


def caseload_of(
    worker: User,
    *,
    reader: User,
    today: dt.date,
    sort: str = DEFAULT_SORT,
    descending: bool = False,
) -> Caseload:
    """The children allocated to `worker` as their social worker now, those
    `reader` may open, sorted by `sort` (a key of SORTS)."""
    allocations = list(
        Allocation.objects.filter(
            worker=worker,
            role=CaseRole.SOCIAL_WORKER,
            ended_on__isnull=True,
            person__merged_into__isnull=True,
        ).select_related("person")
    )
    ids = {a.person_id for a in allocations}
    openable = among.openable_among(reader, ids).openable
    rows = [
        Row(person=a.person, allocated_on=a.started_on)
        for a in allocations
        if a.person_id in openable
    ]
    _fill(rows, worker, today)
    sort = sort if sort in SORTS else DEFAULT_SORT
    key = SORTS[sort][1]
    rows.sort(key=lambda r: (r.person.family_name, r.person.given_name))
    if descending:
        # Blanks stay last when reversed: sort the dated rows, then append.
        blank = [r for r in rows if key(r)[0]]
        dated = sorted((r for r in rows if not key(r)[0]), key=key, reverse=True)
        rows = dated + blank
    else:
        rows.sort(key=key)
    hidden = len(allocations) - len(rows)
    return Caseload(worker, rows, sort, descending, hidden)


def _fill(rows: list[Row], worker: User, today: dt.date) -> None:
    ids = {r.person.pk for r in rows}
    if not ids:
        return
    facts = facts_for(ids, today)
    seen = _last_seen(ids)
    due = _next_due(worker)
    warnings = _warnings(ids, today)
    homes = _homes(ids, today)
    for row in rows:
        pk = row.person.pk
        row.legal = facts.legal.get(pk, [])
        row.placed = pk in facts.placed
        row.where = facts.placed.get(pk) or homes.get(pk, "")
        row.last_seen, row.last_seen_alone = seen.get(pk, (None, None))
        row.next_due = due.get(pk)
        row.warnings = warnings.get(pk, [])


def _last_seen(ids: set[int]) -> dict[int, tuple[Any, Any]]:
    """When each child was last seen, and seen alone, by their case notes."""
    rows = (
        CaseNote.objects.filter(person_id__in=ids, child_seen=True)
        .order_by()
        .values("person_id")
        .annotate(
            seen=Max("occurred_at"),
            alone=Max("occurred_at", filter=Q(seen_alone=True)),
        )
    )
    return {row["person_id"]: (row["seen"], row["alone"]) for row in rows}


def _next_due(worker: User) -> dict[int, WorkItem]:
    """Each child's soonest due obligation, as My work lists it (one query)."""
    soonest: dict[int, WorkItem] = {}
    for item in obligations_of([worker]):
        if item.person_id is None or item.due_on is None:
            continue
        held = soonest.get(item.person_id)
        if held is None or (item.due_on, item.title) < (held.due_on, held.title):
            soonest[item.person_id] = item
    return soonest


def _warnings(ids: set[int], today: dt.date) -> dict[int, list[str]]:
    current = PersonWarning.objects.filter(person_id__in=ids).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=today)
    )
    found: dict[int, list[str]] = {}
    for warning in current.order_by("kind"):
        found.setdefault(warning.person_id, []).append(warning.get_kind_display())
    return found


def _homes(ids: set[int], today: dt.date) -> dict[int, str]:
    """Each child's current home address, in words (the latest started)."""
    current = Address.objects.filter(person_id__in=ids, started_on__lte=today).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=today)
    )
    found: dict[int, str] = {}
    for address in current.order_by("person_id", "-started_on", "-pk"):
        found.setdefault(address.person_id, f"{address.line_1}, {address.town}")
    return found


def workers_for(manager: User) -> list[User]:
    """The workers whose caseloads a manager may look at: those in the teams
    they manage (directly or through a service above them)."""
    teams = access.managed_team_ids(manager)
    return list(
        User.objects.filter(is_active=True, team_id__in=teams)
        .filter(groups__permissions__codename="record_casework")
        .distinct()
        .order_by("last_name", "first_name")
    )
