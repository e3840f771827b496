"""Who may ask for, work and allocate early help: the early help rules.

Each `may_*` answers the view, the template and the service alike
(haven/core/permissions.py says how). `services.may_allocate` (the request's
team's managers) joins these once services.py is split (issue 11)."""

from typing import Any

from haven.core import permissions


def may_request_early_help(user: Any) -> bool:
    """Any recording role asks for early help for a child."""
    return permissions.may_record_about_children(user)


def may_work_early_help(user: Any) -> bool:
    """Early help workers, and managers, work a request (each child's record
    still needs a reason to open)."""
    return permissions.may_record_early_help(user) or permissions.may_manage_team_cases(
        user
    )


def may_take_requests(user: Any) -> bool:
    """An early help worker, whose own team's queue a new request joins."""
    return permissions.may_record_early_help(user)


def may_see_waiting_times(user: Any) -> bool:
    """The waiting-times report: early help staff, managers and performance."""
    return may_work_early_help(user) or permissions.may_view_performance(user)
