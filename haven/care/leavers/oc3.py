"""A care leaver's SSDA903 OC3 row for a collection year, derived from their
date of birth, their periods of care and the birthday record kept for it
(keeping_in_touch.py), never stored.

A young person has a row when one of their 17th to 21st birthdays falls in the
year (1 April to 31 March) and they were a relevant or former relevant child
on it; at most one birthday falls in any year. A birthday with nothing
recorded gives a row with its answers blank: the return needs them, and the
blank says so.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from haven.care.leavers.keeping_in_touch import AGES, IN_OC3
from haven.care.leavers.rules import Span, birthday, standing
from haven.care.leavers.status import looked_after_spans
from haven.care.missing.reads import collection_span
from haven.care.models import BirthdayContact
from haven.people.models import Person
from haven.people.selectors import records_of


@dataclass(frozen=True)
class Oc3Row:
    """The OC3 fields as the return writes them, with the birthday they are for."""

    age: int
    birthday: dt.date
    in_touch: str
    activ: str
    accom: str

    def fields(self) -> dict[str, Any]:
        return {"IN_TOUCH": self.in_touch, "ACTIV": self.activ, "ACCOM": self.accom}

    @classmethod
    def kept(cls, age: int, day: dt.date, kept: BirthdayContact | None) -> "Oc3Row":
        """The row from what was kept for the birthday: blank if nothing was."""
        if kept is None:
            return cls(age, day, "", "", "")
        return cls(age, day, kept.in_touch, kept.activity, kept.accommodation)


def counted_on(born: dt.date, spans: list[Span], day: dt.date) -> bool:
    """Whether OC3 counts the young person at a birthday: a relevant or
    former relevant child on it (spans as status.looked_after_spans)."""
    return standing(born, spans, day).kind in IN_OC3


def birthday_in(born: dt.date, year: int) -> tuple[int, dt.date] | None:
    """The 17th to 21st birthday falling in the collection year, if any."""
    first, last = collection_span(year)
    for age in AGES:
        day = birthday(born, age)
        if first <= day <= last:
            return age, day
    return None


def oc3_row(person: Person, year: int) -> Oc3Row | None:
    """The young person's OC3 row for `year`, or None when they have none."""
    if person.date_of_birth is None:
        return None
    found = birthday_in(person.date_of_birth, year)
    if found is None:
        return None
    age, day = found
    if not counted_on(person.date_of_birth, looked_after_spans(person), day):
        return None
    kept = (
        BirthdayContact.objects.filter(person_id__in=records_of(person), age=age)
        .order_by("-pk")
        .first()
    )
    return Oc3Row.kept(age, day, kept)
