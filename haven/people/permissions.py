"""Who may search, add and look after the register's records: the people
app's rules.

Each `may_*` answers the view, the template and the service alike
(haven/core/permissions.py says how)."""

from typing import Any

from haven.core import permissions


def may_search_records(user: Any) -> bool:
    """Find a child's record (each record opened still needs a reason)."""
    return permissions.may_read_case_records(user)


def may_add_people(user: Any) -> bool:
    """Any recording role adds a person to the register."""
    return permissions.may_record_about_children(user)


def may_ask_break_glass(user: Any) -> bool:
    """Staff who read records may ask for temporary access to one more."""
    return permissions.may_read_case_records(user)


def may_see_who_viewed(user: Any) -> bool:
    """Managers see who viewed a record and the break-glass report."""
    return permissions.may_manage_team_cases(user)


def may_agree_merges(user: Any) -> bool:
    """Managers agree to (or refuse) merging two records."""
    return permissions.may_manage_team_cases(user)
