"""Annex A as one workbook (a sheet per list), and its registration: the
registry's build takes a collection year and gives the lists as at its
31 March; the returns page and `build_as_at` take any "as at" date and
look-back."""

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.urls import reverse

from haven.core.spreadsheets import workbook_of
from haven.returns import registry
from haven.returns.annex_a import care, children, front, leaving, protection
from haven.returns.annex_a.period import DEFAULT_MONTHS, Period, year_end
from haven.returns.annex_a.sheet import Sheet
from haven.returns.registry import Built, Fault

ADOPTERS = "List 11 Adopters"


def sheets(period: Period) -> list[Sheet]:
    return [
        front.contacts(period),
        front.early_help(period),
        front.referrals(period),
        front.assessments(period),
        front.section_47s(period),
        protection.in_need(period),
        protection.plans(period),
        care.children_in_care(period),
        leaving.care_leavers(period),
        leaving.adoption(period),
    ]


def _rows(sheet: Sheet, people: children.Children) -> Iterator[list[Any]]:
    for pk, values in sheet.rows:
        team = people.team(pk, sheet.team_role) if sheet.team_role else []
        yield people.common(pk) + values + team


def _header(sheet: Sheet) -> list[str]:
    return children.COMMON + sheet.header + (children.TEAM if sheet.team_role else [])


def file_name(period: Period) -> str:
    return f"Annex_A_{settings.HAVEN_LA_CODE or 'LA'}_{period.as_at.isoformat()}.xlsx"


def build_as_at(as_at: dt.date, months: int = DEFAULT_MONTHS) -> Built:
    """The lists for the `months` before `as_at` (six unless asked)."""
    period = Period(as_at, months)
    found = sheets(period)
    ids = {pk for sheet in found for pk, _ in sheet.rows}
    people = children.read(ids, period)
    leaving.personal_advisers(found[8], people.holders)
    book = [(f"{s.name} {s.title}", _header(s), list(_rows(s, people))) for s in found]
    book.append((ADOPTERS, leaving.ADOPTER_HEADER, leaving.adopters(period)))
    return Built(
        files={file_name(period): workbook_of(book)},
        person_ids=frozenset(ids),
        faults=faults(people),
    )


def faults(people: children.Children) -> list[Fault]:
    """What every list needs of a child and the record lacks: put right on
    the child's record."""
    found = []
    for pk in sorted(people.people):
        person = people.people[pk]
        link = reverse("people:detail", args=[pk])
        if person.date_of_birth is None:
            words = "No date of birth is recorded (the lists' age column is empty)"
            found.append(Fault(words, person_id=pk, link=link))
        if not person.ethnicity:
            words = "No ethnicity is recorded: record it, or that it was refused"
            found.append(Fault(words, person_id=pk, link=link))
    return found


def build(year: int) -> Built:
    return build_as_at(year_end(year))


registry.register(
    registry.Return(
        key="annex_a",
        title="Ofsted Annex A",
        source="Ofsted's ILACS child-level lists 1 to 11 (the LIIA template of "
        "January 2024), for the six months before the date chosen",
        build=build,
        names_children=False,
    )
)
