"""Who may export a record for a subject access request.

Each `may_*` answers the view, the template and the service alike
(haven/core/permissions.py says how)."""

from typing import Any

from haven.core import permissions


def may_export_for_subject_access(user: Any) -> bool:
    """Managers handle subject access requests: they already see who viewed a
    record, and review third parties before release."""
    return permissions.may_manage_team_cases(user)
