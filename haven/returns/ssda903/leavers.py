"""The OC3 table: care leavers at their 17th to 21st birthdays in the year,
each row from the leavers' own selector (haven.care.leavers.oc3.oc3_row, which
holds the cohort rule: a relevant or former relevant child on the birthday).

It is asked only of the young people born in the years those birthdays can
fall in who have ever been in care (one query finds them). A care leaver may
not be looked after in the year: their Person is read here, for the Header.

A young person whose care ended on or after that birthday has no OC3 row in
this year (rule 1016: the DfE does not ask it of them yet)."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from haven.care.leavers.keeping_in_touch import AGES
from haven.care.leavers.oc3 import oc3_row
from haven.care.models import PeriodOfCare
from haven.people.models import Person
from haven.returns.ssda903.loading import Year


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _left_since(year: Year, pk: int, birthday: dt.date) -> bool:
    child = year.children.get(pk)
    return left_since(
        [care.history.end for care in child.cares] if child else [], birthday
    )


def left_since(ends: Iterable[dt.date | None], birthday: dt.date) -> bool:
    """Whether a period of care ended on or after the birthday (rule 1016)."""
    return any(end is not None and end >= birthday for end in ends)


def oc3_rows(year: Year) -> tuple[list[dict[str, Any]], list[Person]]:
    """The OC3 rows, and the people in them."""
    youngest, oldest = min(AGES), max(AGES)
    born_from = _years_before(year.first, oldest + 1)
    born_to = _years_before(year.last, youngest)
    in_care = PeriodOfCare.objects.values("person_id")
    candidates = (
        Person.objects.filter(
            merged_into__isnull=True, date_of_birth__range=(born_from, born_to)
        )
        .filter(pk__in=in_care)
        .order_by("pk")
    )
    rows, people = [], []
    for person in candidates:
        row = oc3_row(person, year.year)
        if row is None or _left_since(year, person.pk, row.birthday):
            continue
        people.append(person)
        rows.append(
            {
                "CHILD": person.la_child_id,
                "DOB": person.date_of_birth,
                **row.fields(),
                "_person": person.pk,
            }
        )
    return rows, people
