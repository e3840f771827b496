"""A child's SSDA903 UASC row (CHILD, SEX, DOB, DUC), derived from their
recorded UASC status and date of birth, never stored.

DUC is the date UASC status ceased: the last period's end, or the 18th
birthday where the status was still open then (a UASC is a child; rule 304
holds DUC to that day at the latest). Blank while the child is a UASC now.
Dates are written day/month/year, as the return wants them."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from haven.care.leavers.rules import birthday
from haven.care.models import UascStatus
from haven.people.models import Person
from haven.people.selectors import records_of


@dataclass(frozen=True)
class UascRow:
    child: str
    sex: str
    dob: dt.date | None
    duc: dt.date | None

    def fields(self) -> dict[str, Any]:
        return {
            "CHILD": self.child,
            "SEX": self.sex,
            "DOB": f"{self.dob:%d/%m/%Y}" if self.dob else "",
            "DUC": f"{self.duc:%d/%m/%Y}" if self.duc else "",
        }


def uasc_row(person: Person, on: dt.date) -> UascRow | None:
    """The child's UASC row as of `on`, or None for a child who has had no
    UASC status by then."""
    last = (
        UascStatus.objects.filter(person_id__in=records_of(person), started_on__lte=on)
        .order_by("-started_on", "-pk")
        .first()
    )
    if last is None:
        return None
    ceased = last.ceased_on if last.ceased_on and last.ceased_on <= on else None
    born = person.date_of_birth
    if ceased is None and born and birthday(born, 18) <= on:
        ceased = birthday(born, 18)
    return UascRow(person.la_child_id, person.sex or "", born, ceased)
