"""Who may read the performance pages: whoever holds view_performance
(performance analysts, service managers), and team managers, who answer for
their team's figures (the issue's dashboards are "for managers"; a team
manager's role does not hold view_performance). The children behind a figure
are named only to a reader who may open each of them (children.py)."""

from typing import Any

from haven.core import permissions

READERS = "core.view_performance or core.manage_team_cases"


def may_see_performance(user: Any) -> bool:
    return permissions.may_view_performance(user) or permissions.may_manage_team_cases(
        user
    )
