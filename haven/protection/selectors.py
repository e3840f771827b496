"""Reads child protection's pages share: who may be named for a conference."""

from django.db.models import Q, QuerySet

from haven.core.caseroles import HOLDER_PERMISSION, CaseRole
from haven.core.models import User


def holders_of(role: CaseRole) -> QuerySet[User]:
    """Active staff in a team whose roles do the case role's work (the same
    permission `may_hold_case_role` asks): the people a picker offers."""
    app, codename = HOLDER_PERMISSION[role].split(".")
    through_group = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app,
    )
    their_own = Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app,
    )
    chosen = User.objects.filter(through_group | their_own).values("pk")
    return User.objects.filter(
        pk__in=chosen, is_active=True, team__isnull=False
    ).order_by("first_name", "last_name", "pk")
