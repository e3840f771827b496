"""Who may do what with SEND records. Each `may_*` answers the view, the
template and the service alike (haven/core/permissions.py says how)."""

from typing import Any

from haven.core import permissions


def may_manage_ehc(user: Any) -> bool:
    """The SEND officer: records requests, decisions, advice and plans."""
    return permissions.holds(user, "core.manage_ehc_plans")


def may_see_send(user: Any) -> bool:
    """The SEND section of a child's page: the SEND officer, and those who read
    case records (the social worker, the virtual school officer)."""
    return may_manage_ehc(user) or permissions.may_read_case_records(user)


def may_give_advice(user: Any, advice: Any) -> bool:
    """The advice's own recorder: the SEND officer, or the worker it was asked of
    (the social worker giving the social care advice), or a manager of social
    care cases, who may give it for an absent worker (team work lists it; the
    record still needs their lasting access to the child)."""
    asked = advice.requested_from_id is not None and advice.requested_from_id == user.pk
    manager = advice.requested_from_id is not None and (
        permissions.may_manage_team_cases(user)
    )
    return (
        may_manage_ehc(user)
        or (asked and permissions.may_record_casework(user))
        or manager
    )
