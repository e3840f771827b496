"""Who may record a child in need episode, plan and review: the CIN rules.

Each `may_*` answers the view, the template and the service alike
(haven/core/permissions.py says how)."""

from typing import Any

from haven.core import permissions


def may_record_cin(user: Any) -> bool:
    """Social workers record CIN episodes, plans, reviews and closures."""
    return permissions.may_record_casework(user)
