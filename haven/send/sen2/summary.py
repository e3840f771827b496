"""What the SEN2 page shows of a return: its counts, read from the XML the
DfE will see, and each child's faults named only to a reader who may see
the child's name."""

from dataclasses import dataclass
from typing import Any

from lxml import etree

from haven.core import access
from haven.core.models import User
from haven.people.models import Person
from haven.send.sen2.build import Sen2Return
from haven.send.sen2.report import ChildFaults


@dataclass
class Counts:
    children: int
    requests: int
    assessments: int
    new_plans: int
    active_plans: int
    ceased_plans: int


def counts(sen2: Sen2Return) -> Counts:
    root: Any = etree.fromstring(sen2.xml)
    start, end = sen2.census.period_start.isoformat(), sen2.census.period_end
    plans = root.findall(".//NamedPlan")
    return Counts(
        children=len(root.findall("Persons/Person")),
        requests=len(root.findall(".//Requests")),
        assessments=len(root.findall(".//Assessment")),
        new_plans=sum(
            start <= p.findtext("StartDate") <= end.isoformat() for p in plans
        ),
        active_plans=sum(p.find("CeaseDate") is None for p in plans),
        ceased_plans=sum(p.find("CeaseDate") is not None for p in plans),
    )


@dataclass
class FaultRow:
    name: str
    person_id: int | None
    request_id: int | None
    named: bool
    words: list[str]


def restricted(person_id: int) -> str:
    """A child whose record the reader may not open: by Haven ID only (the
    name of a restricted or sealed child is itself the secret)."""
    return f"A child whose record is restricted (Haven ID {person_id})"


def fault_rows(user: User, faults: list[ChildFaults]) -> list[FaultRow]:
    ids = [f.person_id for f in faults if f.person_id is not None]
    hidden = access.unnamed_for(user, ids)
    people = Person.objects.in_bulk(ids)
    rows = []
    for fault in faults:
        pk = fault.person_id
        if pk is None:
            rows.append(
                FaultRow("The return as a whole", None, None, False, fault.words)
            )
            continue
        named = pk not in hidden and pk in people
        name = people[pk].full_name if named else restricted(pk)
        rows.append(FaultRow(name, pk, fault.request_id, named, fault.words))
    return rows
