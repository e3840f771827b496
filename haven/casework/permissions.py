"""Who may record casework, supervise it and move cases: the casework rules.

Each `may_*` answers the view, the template and the service alike
(haven/core/permissions.py says how)."""

from typing import Any

from haven.core import permissions


def may_record_notes(user: Any) -> bool:
    """Case notes and their drafts: social workers."""
    return permissions.may_record_casework(user)


def may_hold_a_caseload(worker: Any) -> bool:
    """A worker a case can be given to: one who does casework."""
    return bool(worker.is_active) and permissions.may_record_casework(worker)


def may_supervise(user: Any) -> bool:
    """Case supervision and the oversight report: managers."""
    return permissions.may_manage_team_cases(user)


def may_manage_actions(user: Any) -> bool:
    """Marking anyone's supervision action done: managers."""
    return permissions.may_manage_team_cases(user)


def may_complete_action(user: Any, action: Any) -> bool:
    """A supervision action is marked done by its owner, or a manager."""
    return action.owner_id == user.pk or may_manage_actions(user)


def may_transfer(user: Any) -> bool:
    """Moving a case to another worker or team: managers."""
    return permissions.may_manage_team_cases(user)


def may_set_oversight_policy(user: Any) -> bool:
    return permissions.may_manage_reference_data(user)
