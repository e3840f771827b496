"""What an SSD extract for a collection year reads once and every table
shares: the year's span, the CIN census's children (haven.returns.cin.scope,
with their referrals and what followed each, as the census reads them) and the
SSDA903's looked-after children (haven.returns.ssda903.loading, with each
period of care's derived episodes), so the SSD says what the returns say.

A record merged into another is written as its survivor, as both returns do:
`Scope.survivor` follows the merge chain, reading the people it has not seen in
one query per step of the chain, never one per child."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from haven.people.models import Person
from haven.returns.cin import scope as cin_scope
from haven.returns.ssda903.loading import Year, load

Rows = list[dict[str, Any]]


@dataclass
class Scope:
    year: int
    first: dt.date  # 1 April
    last: dt.date  # 31 March
    period: cin_scope.Period
    in_need: list[cin_scope.Child]
    looked_after: Year
    people: dict[int, Person] = field(default_factory=dict)  # record -> survivor

    def overlaps(self, start: dt.date | None, end: dt.date | None) -> bool:
        """Open on some day of the year."""
        return (start is None or start <= self.last) and (
            end is None or end >= self.first
        )

    def by_end(self, day: dt.date | None) -> dt.date | None:
        """The day if it had come by 31 March; a later one has not happened yet."""
        return self.period.by_end(day)

    def read(self, pks: Iterable[int]) -> None:
        """Learn the survivors of these records (a few queries, however many)."""
        wanted = set(pks) - self.people.keys()
        found: dict[int, Person] = {}
        while wanted:
            rows = Person.objects.filter(pk__in=wanted)
            found.update({p.pk: p for p in rows})
            wanted = {
                p.merged_into_id
                for p in found.values()
                if p.merged_into_id and p.merged_into_id not in found
            } - self.people.keys()
        found.update(self.people)
        for pk in list(found):
            person = found[pk]
            while person.merged_into_id is not None:
                person = found[person.merged_into_id]
            self.people[pk] = person

    def survivor(self, pk: int) -> Person:
        if pk not in self.people:
            self.read([pk])
        return self.people[pk]

    def who(self, pk: int, column: str | None) -> dict[str, Any]:
        """A row's person: the survivor's SSD person ID in `column`, and
        Haven's own ID (under "_person", not written) for the person table
        and the return's children."""
        person = self.survivor(pk)
        if column is None:  # a table with no person column
            return {"_person": person.pk}
        return {"_person": person.pk, column: person.la_child_id}


def scope_of(year: int) -> Scope:
    period = cin_scope.Period(year)
    scope = Scope(
        year=year,
        first=period.start,
        last=period.end,
        period=period,
        in_need=cin_scope.children(period),
        looked_after=load(year),
    )
    for child in scope.in_need:
        scope.people[child.person.pk] = child.person
        for episode in child.episodes:
            scope.people[episode.person_id] = child.person
    for pk, survivor in scope.looked_after.records.items():
        scope.people[pk] = scope.looked_after.children[survivor].person
    return scope
