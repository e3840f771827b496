"""Who may record child protection work: the rules the views, the templates
(`{% load may %}`) and the services ask alike (haven/core/permissions.py)."""

from typing import Any

from haven.core import permissions


def may_record_protection(user: Any) -> bool:
    """Social workers record strategy discussions, enquiries, conferences,
    plans and core groups."""
    return permissions.may_record_casework(user)


def may_chair_conferences(user: Any) -> bool:
    """Child protection chairs chair conferences and sign off their records."""
    return permissions.holds(user, "core.chair_conferences")


def may_administer_conferences(user: Any) -> bool:
    """Conference administrators arrange conferences and keep their records."""
    return permissions.holds(user, "core.administer_conferences")


def may_arrange_conferences(user: Any) -> bool:
    """The social worker or a conference administrator books a conference
    and chooses its chair."""
    return may_record_protection(user) or may_administer_conferences(user)


def may_record_conferences(user: Any) -> bool:
    """A held conference's record (its minutes and views) is written by the
    social worker, the chair or the conference administrator."""
    return may_arrange_conferences(user) or may_chair_conferences(user)


def may_see_chairs_workload(user: Any) -> bool:
    """A manager of chairs (the IRO service manager) sees their workload."""
    return may_chair_conferences(user) and permissions.may_manage_team_cases(user)
