"""Django's ModelBackend, reading a user's permissions in one query compiled once.

Every request asks several rules of the signed-in user, a new user object each
time, and Django's backend builds two queries for it (the user's own permissions
and their groups'): building them cost more than the database took to answer.
The answer is the same set, kept on the user object where Django keeps it (and
where permissions.prime fills it for many users at once).
"""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef, Q, QuerySet

from haven.core import compiled
from haven.core.models import User


def _build(rows: QuerySet[Permission]) -> compiled.Compiled:
    user = compiled.ID_STAND_IN
    own = User.user_permissions.through.objects.filter(
        permission=OuterRef("pk"), user_id=user
    )
    groups = User.groups.through.objects.filter(user_id=user).values("group_id")
    by_group = Group.permissions.through.objects.filter(
        permission=OuterRef("pk"), group_id__in=groups
    )
    held = rows.filter(Q(Exists(own)) | Q(Exists(by_group)))
    slot = compiled.Slot("user", user, User._meta.pk, repeated=True)
    return compiled.Compiled(
        held.order_by().values_list("content_type__app_label", "codename"), [slot]
    )


class RoleBackend(ModelBackend):
    """Signs in as ModelBackend does; reads permissions in one compiled query."""

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            query = compiled.once("core.permissions", Permission, _build)
            rows = query.rows(user=user_obj.pk)
            user_obj._perm_cache = {f"{app}.{codename}" for app, codename in rows}
        found: set[str] = user_obj._perm_cache
        return found
