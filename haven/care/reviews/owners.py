"""Who may own one of the IRO's recommendations: the workers who hold a role
on the child's case now (the social worker, the IRO, a personal adviser) and
the other active staff of their teams, who reach the record through them."""

from django.db.models import Q, QuerySet

from haven.core.models import Allocation, User
from haven.people.models import Person


def eligible_owners(child: Person) -> QuerySet[User]:
    """The active workers a recommendation about this child may be given to,
    by name."""
    current = Allocation.objects.filter(person=child, ended_on__isnull=True)
    return (
        User.objects.filter(
            Q(pk__in=current.exclude(worker=None).values("worker"))
            | Q(team__in=current.values("team")),
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )
