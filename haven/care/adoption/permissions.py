"""Who may read and record adoption: the rules the views, templates and
services share (haven/core/permissions.py says how)."""

from typing import Any

from haven.care.permissions import may_record_care
from haven.core import permissions

MANAGE = "care.manage_adoption"


def may_manage_adoption(user: Any) -> bool:
    """Adoption workers: the only ones who read or record the adopters (the
    sealed record). Each child's record still needs lasting access."""
    return permissions.holds(user, MANAGE)


def may_plan_adoption(user: Any) -> bool:
    """The decision that a child should be placed for adoption, its ending and
    previous permanence: the child's social worker or an adoption worker."""
    return may_record_care(user) or may_manage_adoption(user)
