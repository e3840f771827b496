"""What a list of people shows beside each name, so two children of the same
name can be told apart: age and date of birth, where they live and who their
social worker is. Read for the whole page at once: the number of queries does
not grow with the rows."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation
from haven.people import selectors
from haven.people.codes import WarningKind
from haven.people.models import Address, Person, PersonWarning


@dataclass(frozen=True)
class ResultRow:
    """One person in a list of results. `address` is None when none is
    recorded; `address_withheld` when a warning says never to disclose it."""

    person: Person
    address: Address | None
    address_withheld: bool
    allocation: Allocation | None


def result_rows(people: Iterable[Person]) -> list[ResultRow]:
    """The people (each one the user may open: search and lists give no
    others) with their current address and allocated social worker.

    A merged duplicate's address counts for the record it joined, as it does
    on the person's page."""
    people = list(people)
    ids = [p.pk for p in people]
    if not ids:
        return []
    today = clock.today()
    current = Q(ended_on__isnull=True) | Q(ended_on__gt=today)
    addresses: dict[int, Address] = {}
    rows = Address.objects.filter(
        current,
        person_id__in=selectors.records_of_ids(ids),
        started_on__lte=today,
    ).select_related("person")
    for address in rows.order_by("started_on", "pk"):
        owner = address.person.merged_into_id or address.person_id
        addresses[owner] = address  # the latest started wins
    withheld = set(
        PersonWarning.objects.filter(
            current, person_id__in=ids, kind=WarningKind.DO_NOT_DISCLOSE_ADDRESS
        ).values_list("person_id", flat=True)
    )
    allocations = {
        a.person_id: a
        for a in Allocation.objects.filter(
            person_id__in=ids, role=CaseRole.SOCIAL_WORKER, ended_on__isnull=True
        ).select_related("worker", "team")
    }
    return [
        ResultRow(
            person=p,
            address=None if p.pk in withheld else addresses.get(p.pk),
            address_withheld=p.pk in withheld and p.pk in addresses,
            allocation=allocations.get(p.pk),
        )
        for p in people
    ]
