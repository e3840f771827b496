"""Who may record child protection work: the rules the views, the templates
(`{% load may %}`) and the services ask alike (haven/core/permissions.py)."""

from typing import Any

from haven.core import permissions


def may_record_protection(user: Any) -> bool:
    """Social workers record strategy discussions, enquiries, conferences,
    plans and core groups."""
    return permissions.may_record_casework(user)
