"""Who may ask for, work and allocate early help: the early help rules.

Each `may_*` answers the view, the template and the service alike
(haven/core/permissions.py says how)."""

from typing import Any

from haven.core import access, permissions


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


def may_work_on(user: Any, request: Any) -> bool:
    """Work this request: an early help role and lasting access to every child
    it covers (a family's request is one piece of work; break-glass reads only)."""
    return may_work_early_help(user) and all(
        access.may_change(user, child) for child in request.family()
    )


def may_allocate(user: Any, request: Any) -> bool:
    """Team managers, and early help workers who manage the request's team."""
    if not may_work_early_help(user):
        return False
    managed = access.managed_team_ids(user)
    if request.team_id is None:
        return bool(managed)
    return request.team_id in managed
