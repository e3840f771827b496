"""Whose figures: the authority's, or one team's (with the teams beneath it,
so a service's figures are its teams').

An item counts for a team in one of two ways, as its figure declares: by its
own team (a caseload's allocation; a contact decided by the front door's
manager), or by the team holding the child's case (the social worker's
allocation) on the day the item counts."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, Team
from haven.core.models.access import ALLOCATION_PERIOD
from haven.core.periods import contains


@dataclass(frozen=True)
class Scope:
    team: Team | None = None  # None: the whole authority
    team_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def words(self) -> str:
        return self.team.name if self.team else "The authority"


def of_team(team: Team | None) -> Scope:
    """The team and every team beneath it (two levels, services and teams, in
    practice: walked to any depth)."""
    if team is None:
        return Scope()
    below: dict[int | None, list[int]] = {}
    for pk, parent in Team.objects.values_list("pk", "parent_id"):
        below.setdefault(parent, []).append(pk)
    ids, frontier = {team.pk}, [team.pk]
    while frontier:
        frontier = [t for f in frontier for t in below.get(f, []) if t not in ids]
        ids.update(frontier)
    return Scope(team, frozenset(ids))


def held_on(scope: Scope, first: dt.date, last: dt.date) -> "Holding":
    """The scope's teams' holdings of children's cases between two days, in one
    query whatever the number of children."""
    rows = (
        Allocation.objects.filter(
            role=CaseRole.SOCIAL_WORKER, team_id__in=scope.team_ids
        )
        .filter(ALLOCATION_PERIOD.overlapping_days(first, last))
        .values_list("person_id", "started_on", "ended_on")
    )
    held: dict[int, list[tuple[dt.date, dt.date | None]]] = {}
    for person_id, started_on, ended_on in rows:
        held.setdefault(person_id, []).append((started_on, ended_on))
    return Holding(held)


@dataclass(frozen=True)
class Holding:
    periods: dict[int, list[tuple[dt.date, dt.date | None]]]

    def holds(self, person_id: int, day: dt.date) -> bool:
        return any(
            contains(start, end, day, inclusive_end=ALLOCATION_PERIOD.inclusive_end)
            for start, end in self.periods.get(person_id, ())
        )


def team_names(ids: Iterable[int]) -> dict[int, str]:
    return dict(Team.objects.filter(pk__in=set(ids)).values_list("pk", "name"))
