"""The children of a collection year's SSDA903, read at once: every child
looked after on some day of the year, with all their periods of care (the
validator's first-episode and continuity rules look back before the year),
each period's SSDA903 episodes as haven.care.episodes derives them, and the
records the sub-tables need. The number of queries does not grow with the
number of children.

A record merged into another counts as the survivor's: its periods are the
survivor's, and the survivor's CHILD is written."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.db.models import Q

from haven.care import episodes as derived
from haven.care.episodes import Episode
from haven.care.history import CareHistory
from haven.care.missing.reads import collection_span
from haven.care.models import PeriodOfCare
from haven.care.recording import history_of, with_histories
from haven.people.models import Address, Person


@dataclass(frozen=True)
class Care:
    """One period of care with its history and its episodes."""

    period: PeriodOfCare
    history: CareHistory
    episodes: list[Episode]


@dataclass
class Child:
    """A child in the return, with every period of care, oldest first."""

    person: Person
    cares: list[Care] = field(default_factory=list)

    @property
    def child(self) -> str:
        return self.person.la_child_id


@dataclass(frozen=True)
class Year:
    """The collection year and the children looked after in it."""

    year: int
    first: dt.date  # 1 April
    last: dt.date  # 31 March
    children: dict[int, Child]  # by Haven ID
    records: dict[int, int]  # every record's Haven ID to its child's

    def owner(self, record: int) -> Child | None:
        found = self.records.get(record)
        return None if found is None else self.children[found]

    def in_year(self, episode: Episode) -> bool:
        return episode.decom <= self.last and (
            episode.dec is None or episode.dec >= self.first
        )

    def episodes_in_year(self, child: Child) -> list[Episode]:
        """The child's episodes open on some day of the year, as they stood at
        31 March: one that ended after it is still open (DEC, REC blank)."""
        found = []
        for care in child.cares:
            for episode in care.episodes:
                if not self.in_year(episode):
                    continue
                if episode.dec is not None and episode.dec > self.last:
                    episode = replace(episode, dec=None, rec="", reason_place_change="")
                found.append(episode)
        return found


def _owner(person: Person) -> int:
    return person.merged_into_id or person.pk


def load(year: int) -> Year:
    first, last = collection_span(year)
    in_year = PeriodOfCare.objects.filter(started_on__lte=last).exclude(
        ended_on__lt=first
    )
    owners = set()
    for pk, merged_into in in_year.values_list("person_id", "person__merged_into"):
        owners.add(merged_into or pk)
    people = Person.objects.filter(pk__in=owners).order_by("pk")
    children = {person.pk: Child(person) for person in people}
    records = {pk: pk for pk in children}
    merged = Person.objects.filter(merged_into__in=owners)
    for pk, survivor in merged.values_list("pk", "merged_into"):
        records[pk] = survivor or pk
    mine = Q(person_id__in=owners) | Q(person__merged_into__in=owners)
    lived: dict[int, list[tuple[dt.date, dt.date | None, str]]] = defaultdict(list)
    addresses = Address.objects.filter(mine).select_related("person")
    for address in addresses.order_by("started_on", "pk"):
        lived[_owner(address.person)].append(
            (address.started_on, address.ended_on, address.postcode)
        )
    periods = with_histories(PeriodOfCare.objects.filter(mine).select_related("person"))
    for period in periods:
        statuses = list(period.legal_statuses.all())
        placements = list(period.placements.all())
        history = history_of(period, statuses, placements)
        owner = _owner(period.person)
        found = derived.episodes(history, lived.get(owner, []))
        children[owner].cares.append(Care(period, history, found))
    return Year(year, first, last, children, records)
