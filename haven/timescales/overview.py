"""Team work for a manager of many teams: one row a team, then a team's page.

A service manager over a whole authority's children's social care manages
fifty teams and five hundred workers; one page of every worker's queue would
list thousands of items and take seconds to draw. Above TEAMS_ON_ONE_PAGE
teams, team work opens on the teams instead: each with its workers, the
children it holds and its statutory timescales overdue and due this week,
counted in the database; each team's name opens that team's page, the page a
team manager sees (haven.timescales.queue.team_view).

The counts are of statutory timescales (the engine's obligations) only: the
other items on a worker's queue (supervision actions, drafts, decisions to
make) are for the team's manager, on the team's page. Children whose records
the reader may not open are counted, never named.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.urls import reverse

from haven.core import access
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, Team, User
from haven.timescales.models import Obligation

# More teams than this and team work opens on the teams (an area's service
# manager, with six teams of nine, still sees every worker).
TEAMS_ON_ONE_PAGE = 6


@dataclass(frozen=True)
class TeamRow:
    team: Team
    workers: int
    caseload: int
    overdue: int
    due_this_week: int

    @property
    def url(self) -> str:
        return reverse("timescales:team") + f"?team={self.team.pk}"


def staffed_teams(manager: User) -> list[Team]:
    """The teams with staff that this manager manages or works in, by name."""
    staffed = User.objects.filter(is_active=True).values("team_id")
    return list(
        Team.objects.filter(pk__in=access.team_ids_for(manager))
        .filter(pk__in=staffed)
        .order_by("name")
    )


def overview(teams: list[Team], today: dt.date) -> list[TeamRow]:
    """Each team's counts, in four queries however many teams there are."""
    ids = [team.pk for team in teams]
    workers = _counts(
        User.objects.filter(team_id__in=ids, is_active=True), "team_id", Count("pk")
    )
    current = Allocation.objects.filter(
        team_id__in=ids,
        ended_on__isnull=True,
        role=CaseRole.SOCIAL_WORKER,
        person__merged_into__isnull=True,
    )
    caseload = _counts(current, "team_id", Count("pk"))
    due = _due_by_team(ids, today)
    return [
        TeamRow(
            team,
            workers.get(team.pk, 0),
            caseload.get(team.pk, 0),
            due.get(team.pk, (0, 0))[0],
            due.get(team.pk, (0, 0))[1],
        )
        for team in teams
    ]


def _counts(rows: QuerySet, key: str, count: Count) -> dict[int, int]:
    return dict(rows.values(key).annotate(n=count).values_list(key, "n"))


def _due_by_team(ids: list[int], today: dt.date) -> dict[int, tuple[int, int]]:
    """(overdue, due within 7 days) of the children each team holds now. One
    filter() call, so every condition is on the same (current) allocation."""
    week = today + dt.timedelta(days=7)
    rows = (
        Obligation.objects.filter(
            status=Obligation.Status.DUE,
            person__merged_into__isnull=True,
            person__allocations__ended_on__isnull=True,
            person__allocations__role=CaseRole.SOCIAL_WORKER,
            person__allocations__team_id__in=ids,
        )
        .annotate(team=F("person__allocations__team_id"))
        .values("team")
        .annotate(
            overdue=Count("pk", filter=Q(due_on__lt=today)),
            soon=Count("pk", filter=Q(due_on__gte=today, due_on__lte=week)),
        )
        .values_list("team", "overdue", "soon")
    )
    return {team: (overdue, soon) for team, overdue, soon in rows}
