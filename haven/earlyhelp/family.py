"""The children an early help request can cover: the child asked about and their
brothers and sisters in the register (a current sibling or half-sibling
relationship, either way round, or a child in the same household)."""

from django.db.models import Q, QuerySet

from haven.core import clock
from haven.people import lifestage
from haven.people.codes import RelationshipKind
from haven.people.models import Person, Relationship

SIBLING_KINDS = (RelationshipKind.SIBLING, RelationshipKind.HALF_SIBLING)


def siblings_of(person: Person) -> QuerySet[Person]:
    """The other children of the family, by name."""
    current = Relationship.objects.filter(kind__in=SIBLING_KINDS, ended_on__isnull=True)
    named = set(current.filter(person=person).values_list("other_id", flat=True))
    named |= set(current.filter(other=person).values_list("person_id", flat=True))
    household = Q(households__members=person)
    return (
        Person.objects.filter(Q(pk__in=named) | household, merged_into__isnull=True)
        .filter(lifestage.children_on(clock.today()))
        .exclude(pk=person.pk)
        .distinct()
        .order_by("family_name", "given_name", "pk")
    )
