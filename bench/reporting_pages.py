"""The performance pages measured on the large authority (issue 20: "every
dashboard for the large authority under 500 ms of server time"): the dashboard
for the whole authority as the service manager reads it, for one team as its
manager reads it, the data-quality page, and the children behind the heaviest
bar (the looked-after
children at the last month's end). The period is the dashboard's own default,
the last twelve months."""

from typing import Any

from bench.budgets import SERVICE_MANAGER, TEAM_MANAGER
from bench.domain_pages import Page

DASHBOARD = "/reporting/"


def pages(service_manager: Any) -> list[Page]:
    from haven.core import clock

    last_month = f"{clock.today():%Y-%m}"
    team_manager = _team_manager()
    found = [
        Page(
            "performance dashboard, the authority",
            "dashboard",
            DASHBOARD,
            {},
            ((service_manager, SERVICE_MANAGER),),
        ),
        Page(
            "data quality, the authority",
            "dashboard",
            f"{DASHBOARD}quality/",
            {},
            ((service_manager, SERVICE_MANAGER),),
        ),
        Page(
            "children looked after this month",
            "dashboard",
            f"{DASHBOARD}looked_after/{last_month}/",
            {},
            ((service_manager, SERVICE_MANAGER),),
        ),
    ]
    if team_manager is None:
        print("no team manager manages one team: a team's dashboard is not measured")
    else:
        found.append(
            Page(
                "performance dashboard, a team",
                "dashboard",
                DASHBOARD,
                {},
                ((team_manager, TEAM_MANAGER),),
            )
        )
    return found


def _team_manager() -> Any:
    """The manager of the team holding the most open cases: their dashboard
    opens on that team (haven.reporting.dashboard.default_team)."""
    from django.db.models import Count

    from haven.core.caseroles import CaseRole
    from haven.core.models import Allocation, Team

    busiest = (
        Allocation.objects.filter(ended_on=None, role=CaseRole.SOCIAL_WORKER)
        .values("team")
        .annotate(cases=Count("pk"))
        .order_by("-cases", "team")
        .first()
    )
    if busiest is None:
        return None
    team = Team.objects.get(pk=busiest["team"])
    only_theirs = team.managers.annotate(teams=Count("managed_teams")).filter(teams=1)
    return only_theirs.order_by("pk").first()
