"""Reads for early help: the queue with each family's wait, the waiting-times
report, and one child's early help history. Reads take the user asking."""

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from haven.core import among, clock
from haven.core.access import team_ids_for
from haven.core.models import Team, User
from haven.earlyhelp.models import EarlyHelpRequest
from haven.people.models import Person
from haven.people.selectors import record_ids

LONG_WAIT_DAYS = 28


@dataclass(frozen=True)
class QueueRow:
    request: EarlyHelpRequest
    waiting_days: int  # from the request to allocation, or to today if waiting

    @property
    def long_wait(self) -> bool:
        """Highlighted on the queue: a family waiting four weeks or more. A local
        choice of emphasis, not a statutory timescale (early help has none)."""
        return self.waiting_days >= LONG_WAIT_DAYS

    @property
    def waiting(self) -> bool:
        return self.request.allocated_on is None

    @property
    def children(self) -> int:
        return len(self.request.children.all())


def count_children(rows: list[QueueRow]) -> int:
    """The children in the families listed: a family of three counts three."""
    return sum(row.children for row in rows)


def waiting_days(request: EarlyHelpRequest, today: dt.date) -> int:
    end = request.allocated_on or today
    return (end - request.requested_on).days


def _open_requests() -> QuerySet[EarlyHelpRequest]:
    return (
        EarlyHelpRequest.objects.filter(closed_on__isnull=True)
        .select_related("person", "team", "allocated_worker")
        .prefetch_related("children")
    )


def queue(user: User) -> list[QueueRow]:
    """Open requests in the user's teams (all teams for users in none),
    families still waiting first, longest wait first.

    Waiting days run from the request to today for a family still waiting, and
    to the allocation for one being worked.
    """
    today = clock.today()
    requests = _open_requests()
    teams = team_ids_for(user)
    if teams:
        requests = requests.filter(Q(team_id__in=teams) | Q(team__isnull=True))
    # The team's requests first, then which children the user may open: as a
    # subquery, access would be worked out for everyone on the register.
    found = list(requests)
    openable = among.openable_among(user, {r.person_id for r in found}).openable
    rows = [
        QueueRow(r, waiting_days(r, today)) for r in found if r.person_id in openable
    ]
    rows.sort(key=lambda row: (not row.waiting, -row.waiting_days, row.request.pk))
    return rows


@dataclass
class TeamWaits:
    """Waits are counted once a family (one request, however many children it
    covers), so a large family does not weigh more in the median; the children
    are counted beside them."""

    team: str
    waiting: list[int] = field(default_factory=list)  # open, unallocated
    allocated: list[int] = field(default_factory=list)  # allocated in 12 months
    waiting_children: int = 0
    allocated_children: int = 0

    @staticmethod
    def _summary(days: list[int]) -> tuple[int, float | None, int | None]:
        if not days:
            return 0, None, None
        return len(days), statistics.median(days), max(days)

    @property
    def waiting_count(self) -> int:
        return len(self.waiting)

    @property
    def waiting_median(self) -> float | None:
        return self._summary(self.waiting)[1]

    @property
    def waiting_longest(self) -> int | None:
        return self._summary(self.waiting)[2]

    @property
    def allocated_count(self) -> int:
        return len(self.allocated)

    @property
    def allocated_median(self) -> float | None:
        return self._summary(self.allocated)[1]

    @property
    def allocated_longest(self) -> int | None:
        return self._summary(self.allocated)[2]


NO_TEAM = "No team yet"


def waiting_times_by_team() -> list[TeamWaits]:
    """Per team: families waiting now (count, median and longest wait so far) and
    families allocated in the last 12 months (count, median and longest wait
    before allocation). Counts only, no names, so managers can see every team."""
    today = clock.today()
    year_ago = today - dt.timedelta(days=365)
    by_team: dict[str, TeamWaits] = defaultdict(lambda: TeamWaits(""))
    rows = (
        EarlyHelpRequest.objects.filter(
            Q(closed_on__isnull=True, allocated_on__isnull=True)
            | Q(allocated_on__gt=year_ago, allocated_on__lte=today)
        )
        .annotate(children_count=Count("children"))
        .values_list("team__name", "requested_on", "allocated_on", "children_count")
    )
    for team_name, requested_on, allocated_on, children in rows:
        name = team_name or NO_TEAM
        waits = by_team[name]
        waits.team = name
        if allocated_on is None:
            waits.waiting.append((today - requested_on).days)
            waits.waiting_children += children
        else:
            waits.allocated.append((allocated_on - requested_on).days)
            waits.allocated_children += children
    return sorted(by_team.values(), key=lambda w: w.team)


def requests_of(person: Person) -> QuerySet[EarlyHelpRequest]:
    """A child's early help, newest first, with everything the person page shows."""
    return (
        EarlyHelpRequest.objects.filter(children=person)
        .select_related("person", "team", "allocated_worker", "assessment", "plan")
        .prefetch_related("children", "plan__actions", "plan__reviews")
        .order_by("-requested_on", "-pk")
    )


def open_request(person: Person) -> EarlyHelpRequest | None:
    return (
        EarlyHelpRequest.objects.filter(
            children__in=record_ids(person), closed_on__isnull=True
        )
        .select_related("team", "allocated_worker")
        .distinct()
        .first()
    )


def allocatable_workers(user: User) -> QuerySet[User]:
    """Workers in the teams the user manages, for the allocate page."""
    from haven.core.access import managed_team_ids

    return User.objects.filter(
        team_id__in=managed_team_ids(user), is_active=True
    ).order_by("last_name", "first_name")


def teams() -> QuerySet[Team]:
    return Team.objects.filter(kind=Team.Kind.TEAM)
