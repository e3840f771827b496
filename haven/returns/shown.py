"""A built return as its page shows it: the period in words, and the faults
grouped by child, each child named only where the reader may see them named
(a restricted or sealed child is shown by Haven ID alone, with no link)."""

import datetime as dt
from dataclasses import dataclass, field

from haven.core import access
from haven.core.models import User
from haven.people.models import Person
from haven.returns.annex_a.period import Period
from haven.returns.registry import Fault


def period_words(key: str, year: int, annex: Period | None = None) -> str:
    if annex is not None:
        return (
            f"{annex.start:%-d %B %Y} to {annex.end:%-d %B %Y} "
            f"(the {annex.months} months to the day the lists are as at)"
        )
    if key == "sen2":
        from haven.send.sen2 import census

        day = census.census_day(year)
        if day is None:
            return f"No SEN2 census day is known for {year}"
        return f"Census day {day.day:%-d %B %Y}, counting the work of {year - 1}"
    return f"{dt.date(year - 1, 4, 1):%-d %B %Y} to {dt.date(year, 3, 31):%-d %B %Y}"


@dataclass
class Line:
    words: str
    rule: str = ""
    query: bool = False


@dataclass
class ChildFaults:
    person_id: int | None  # None: the return as a whole
    name: str
    named: bool
    link: str = ""
    lines: list[Line] = field(default_factory=list)


def grouped(user: User, faults: list[Fault]) -> list[ChildFaults]:
    """The faults by child, the return's own first: two queries for any
    number of children."""
    ids = {f.person_id for f in faults if f.person_id is not None}
    hidden = access.unnamed_for(user, ids)
    people = Person.objects.in_bulk(ids - hidden)
    groups: dict[int | None, ChildFaults] = {}
    for fault in faults:
        pk = fault.person_id
        if pk not in groups:
            groups[pk] = _group(pk, people.get(pk) if pk is not None else None)
        group = groups[pk]
        if group.named and fault.link and not group.link:
            group.link = fault.link
        group.lines.append(Line(fault.words, fault.rule, fault.query))
    return sorted(
        groups.values(), key=lambda g: (g.person_id is not None, g.person_id or 0)
    )


def _group(pk: int | None, person: Person | None) -> ChildFaults:
    if pk is None:
        return ChildFaults(None, "The return as a whole", named=False)
    if person is None:
        return ChildFaults(pk, f"Haven ID {pk}", named=False)
    return ChildFaults(pk, person.full_name, named=True)


def named_ids(groups: list[ChildFaults]) -> list[int]:
    return [g.person_id for g in groups if g.named and g.person_id is not None]
