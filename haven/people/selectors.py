"""Reads of the person register, always scoped by the user asking."""

from django.db.models import QuerySet

from haven.core.errors import AccessDenied
from haven.core.models import User
from haven.people.models import Person


def people_visible_to(user: User) -> QuerySet[Person]:
    """The persons whose records this user may open."""
    if not user.has_perm("core.view_case_record"):
        return Person.objects.none()
    return Person.objects.all()


def person_for(user: User, pk: int) -> Person:
    """One person's record, or AccessDenied when the user may not open it."""
    if not user.has_perm("core.view_case_record"):
        raise AccessDenied("Your role does not include reading case records")
    return Person.objects.get(pk=pk)
