"""Caseloads on the period's last day: the children whose case each team and
each social worker holds (the social worker's allocation), counted from the
allocations themselves. A case held by a team with no worker yet counts for the
team and, among the workers, as "Not allocated to a worker"."""

from haven.core.caseroles import CaseRole
from haven.core.models import Allocation
from haven.core.models.access import ALLOCATION_PERIOD
from haven.reporting.figures import OWN, BarKey, Figure, Item, declare
from haven.reporting.spans import Span

UNALLOCATED = "Not allocated to a worker"


def _worker_name(first: str, last: str, username: str) -> str:
    return f"{first} {last}".strip() or username


def _held(span: Span, *, by_worker: bool) -> list[Item]:
    rows = (
        Allocation.objects.filter(role=CaseRole.SOCIAL_WORKER)
        .filter(ALLOCATION_PERIOD.current(on=span.last))
        .order_by()
        .values_list(
            "person_id",
            "team_id",
            "team__name",
            "worker_id",
            "worker__first_name",
            "worker__last_name",
            "worker__username",
            "started_on",
        )
    )
    items = []
    for person, team, team_name, worker, first, last, username, since in rows:
        name = _worker_name(first, last, username) if worker else UNALLOCATED
        bar = f"worker-{worker or 0}-{team}" if by_worker else f"team-{team}"
        items.append(
            Item(person, bar, span.last, team_id=team, details=(team_name, name, since))
        )
    return items


def _bars(span: Span, items: list[Item], *, by_worker: bool) -> list[BarKey]:
    """One bar for each team (or worker) holding a case, in name order."""
    found: dict[str, BarKey] = {}
    for item in items:
        team_name, worker_name = item.details[0], item.details[1]
        words = f"{worker_name} ({team_name})" if by_worker else team_name
        short = worker_name if by_worker else team_name
        found.setdefault(item.bar, BarKey(item.bar, words, short))
    return sorted(found.values(), key=lambda k: (k.words, k.key))


def _declare(key: str, name: str, counts: str, *, by_worker: bool) -> Figure:
    return declare(
        Figure(
            key=key,
            name=name,
            counts=counts,
            source="A child's case is held by the social worker's allocation "
            "(its team, and its worker once allocated); a transfer ends one "
            "allocation the day the next starts.",
            compute=lambda span: _held(span, by_worker=by_worker),
            columns=("Team", "Social worker", "Held since"),
            team_is=OWN,
            team_words="the team holding the case",
            bars=lambda span, items: _bars(span, items, by_worker=by_worker),
        )
    )


BY_TEAM = _declare(
    "caseload_teams",
    "Caseloads by team",
    "The children whose case each team holds on the last day of the period",
    by_worker=False,
)
BY_WORKER = _declare(
    "caseload_workers",
    "Caseloads by social worker",
    "The children whose case each social worker holds on the last day of the period",
    by_worker=True,
)
