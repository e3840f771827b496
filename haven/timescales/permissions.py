"""Who may see a team's work and change a rule's local value: the timescales
app's rules.

Each `may_*` answers the view, the template and the service alike
(haven/core/permissions.py says how)."""

from typing import Any

from haven.core import permissions


def may_hold_work(user: Any) -> bool:
    """Staff whose work comes from children's records: My work lists it."""
    return permissions.may_read_case_records(user)


def may_see_team_work(user: Any) -> bool:
    """Managers see their teams' work."""
    return permissions.may_manage_team_cases(user)


def may_change_rules(user: Any) -> bool:
    """Administrators set a configurable rule's local value."""
    return permissions.may_manage_reference_data(user)
