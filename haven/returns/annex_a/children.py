"""The columns every Annex A list starts with, and the team and worker most
lists end with, read for all a list's children at once."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from haven.core.caseroles import CaseRole
from haven.core.models import Allocation
from haven.people.codes import Disability
from haven.people.models import Person
from haven.returns.annex_a.period import Period

COMMON = [
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Does the Child have a Disability",
]
TEAM = ["Allocated Team", "Allocated Worker"]
# Ofsted's loose value lists (the LIIA template's).
GENDER = {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return "Yes" if value else "No"


def age_on(born: dt.date | None, day: dt.date) -> int | None:
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def disabled(codes: list[str]) -> str:
    if not codes:
        return "Not recorded"
    return "b) No" if codes == [Disability.NONE] else "a) Yes"


@dataclass(frozen=True)
class Children:
    """The people of a list, and who held each of their cases."""

    people: dict[int, Person]
    holders: dict[tuple[int, str], Allocation]
    as_at: dt.date

    def common(self, person_id: int) -> list[Any]:
        person = self.people[person_id]
        return [
            person.pk,
            GENDER.get(person.sex, "c) Not stated/recorded"),
            person.ethnicity,
            person.date_of_birth,
            age_on(person.date_of_birth, self.as_at),
            disabled(list(person.disabilities or [])),
        ]

    def team(self, person_id: int, role: str = CaseRole.SOCIAL_WORKER) -> list[str]:
        held = self.holders.get((person_id, role))
        if held is None:
            return ["", ""]
        worker = str(held.worker) if held.worker is not None else "Unallocated"
        return [str(held.team), worker]


def read(person_ids: Iterable[int], period: Period) -> Children:
    """Three queries for any number of children: the people, and the latest
    holder of each case role within the period."""
    ids = set(person_ids)
    people = Person.objects.in_bulk(ids)
    held = (
        Allocation.objects.filter(person_id__in=ids, started_on__lte=period.end)
        .exclude(ended_on__lt=period.start)
        .select_related("team", "worker")
        .order_by("started_on", "pk")
    )
    holders = {(a.person_id, a.role): a for a in held}
    return Children(people, holders, period.as_at)
