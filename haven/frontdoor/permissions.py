"""Who may record and decide contacts: the front door's rules.

Each `may_*` answers the view, the template and the service alike
(haven/core/permissions.py says how)."""

from typing import Any

from haven.core import permissions


def may_record_contacts(user: Any) -> bool:
    """Front door staff record a new contact."""
    return permissions.may_record_contacts(user)


def may_decide_contacts(user: Any) -> bool:
    """A manager decides what happens next with a contact's children."""
    return permissions.may_manage_team_cases(user)


def may_write_contacts(user: Any) -> bool:
    """Add to a contact already recorded (the referrer's acknowledgement and
    feedback, checks with other agencies): front door staff and managers."""
    return may_record_contacts(user) or may_decide_contacts(user)
