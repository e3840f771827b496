"""The performance pages measured on the large authority (issue 20: "every
dashboard for the large authority under 500 ms of server time"): the dashboard
for the whole authority as the service manager reads it, for one team as its
manager reads it, the data-quality page, and the children behind the heaviest
bar (the looked-after children at the last month's end). The period is the
dashboard's own default, the last twelve months.

A dashboard is measured three ways, each with its own label:
- the page alone, before any panel is worked out (what every reader waits for
  first: the panels then load by htmx, each on its own);
- each panel's first (cold) computation, once, from the records: what the
  first reader of a period and team waits for that panel, never budgeted,
  reported so a slow figure shows;
- the dashboard with every panel kept (haven/reporting/panels.py), warm.
The budget (bench/budgets.py, kind "dashboard") is held by the page alone and
the warm dashboard: the dashboard's server time. A panel's first computation
is not held to it; the slowest (work overdue at each month's end, on the
large authority) is what a reader waits for when no one has asked for the
period and team in the last HAVEN_DASHBOARD_FRESH_MINUTES."""

import time
from collections.abc import Callable
from typing import Any

from bench.budgets import SERVICE_MANAGER, TEAM_MANAGER, Figure, timing
from bench.domain_pages import Page

DASHBOARD = "/reporting/"
QUALITY = f"{DASHBOARD}quality/"
KEPT = "with every panel kept"


def pages(service_manager: Any) -> list[Page]:
    """The pages measured as every other page is, after `first_computations`
    has worked out and kept the dashboards' panels."""
    from haven.core import clock

    last_month = f"{clock.today():%Y-%m}"
    found = [
        Page(
            "data quality, the authority, with the counts kept",
            "dashboard",
            QUALITY,
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
    return [*dashboards(service_manager, KEPT), *found]


def dashboards(service_manager: Any, how: str) -> list[Page]:
    """The authority's dashboard and the busiest team's, each as read."""
    found = [
        Page(
            f"performance dashboard, the authority, {how}",
            "dashboard",
            DASHBOARD,
            {},
            ((service_manager, SERVICE_MANAGER),),
        )
    ]
    team_manager = _team_manager()
    if team_manager is None:
        print("no team manager manages one team: a team's dashboard is not measured")
    else:
        found.append(
            Page(
                f"performance dashboard, a team, {how}",
                "dashboard",
                DASHBOARD,
                {},
                ((team_manager, TEAM_MANAGER),),
            )
        )
    return found


Measure = Callable[..., Figure]


def first_computations(
    service_manager: Any, client_of: Callable[[Any], Any], page: Measure, repeat: int
) -> list[Figure]:
    """The page alone with no panel kept, then each panel worked out once."""
    from django.conf import settings
    from django.core.cache import cache

    # Kept for the whole run, so the warm dashboards measured later find them.
    settings.HAVEN_DASHBOARD_FRESH_MINUTES = 24 * 60
    figures = []
    cache.clear()  # the authority's and the team's panels are kept apart
    for shown in dashboards(service_manager, "the page alone, no panel kept"):
        for user, audience in shown.users:
            client = client_of(user)
            figures.append(
                page(
                    f"{shown.label} ({user.username})",
                    audience,
                    client,
                    DASHBOARD,
                    {},
                    repeat,
                    "dashboard",
                )
            )
            figures += _loaded(client, DASHBOARD, audience, user.username)
    return [*figures, *_quality(service_manager, client_of, page, repeat)]


def _quality(
    service_manager: Any, client_of: Callable[[Any], Any], page: Measure, repeat: int
) -> list[Figure]:
    """The data quality page alone, then its counts worked out once (kept for
    the page measured with the counts kept, haven/reporting/quality/kept.py)."""
    client = client_of(service_manager)
    label = "data quality, the authority, the page alone, no counts kept"
    alone = page(
        f"{label} ({service_manager.username})",
        SERVICE_MANAGER,
        client,
        QUALITY,
        {},
        repeat,
        "dashboard",
    )
    return [alone, *_loaded(client, QUALITY, SERVICE_MANAGER, service_manager.username)]


def _loaded(client: Any, url: str, audience: str, username: str) -> list[Figure]:
    """Each part the page asks htmx for (a panel, the data quality counts),
    worked out once from the records."""
    import re

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    html = client.get(url).content.decode()
    figures = []
    for part in re.findall(r'hx-get="([^"]+)"', html):
        part = part.replace("&amp;", "&")
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(part, headers={"HX-Request": "true"})
            took = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (part, response.status_code)
        named = "data quality counts" if part.startswith(QUALITY) else "panel"
        if named == "panel":
            named = f"panel {part.split('/')[3]}"
        label = f"  {named}, first computation ({username})"
        print(f"{label:52} once   {took:7.1f} ms   {len(queries):4} queries")
        kind = "dashboard panel (first)"  # no budget: see the module's comment
        figures.append(
            Figure(
                label,
                kind,
                audience,
                timing([took]),
                len(queries),
                None,
                connection.vendor,
            )
        )
    return figures


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
