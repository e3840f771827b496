"""The AD1, PlacedAdoption and PrevPerm tables, each row from the adoption
record's own selectors (haven.care.adoption.returns), asked only of the
children who have such a record (one query finds them)."""

from collections.abc import Iterable
from typing import Any

from haven.care.adoption.returns import ad1_row, placed_adoption_rows, prev_perm_row
from haven.care.models import Adopters, AdoptionDecision, PermanenceBefore
from haven.returns.ssda903.loading import Child, Year


def _with(year: Year, records: Iterable[int]) -> list[Child]:
    return [year.children[pk] for pk in sorted({year.records[r] for r in records})]


def _row(child: Child, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "CHILD": child.child,
        "DOB": child.person.date_of_birth,
        **fields,
        "_person": child.person.pk,
    }


def ad1_rows(year: Year) -> list[dict[str, Any]]:
    adopted = Adopters.objects.filter(
        decision__person_id__in=list(year.records),
        adopted_on__range=(year.first, year.last),
    ).values_list("decision__person_id", flat=True)
    rows = []
    for child in _with(year, adopted):
        row = ad1_row(child.person, year.year)
        if row is not None:
            rows.append(_row(child, row.fields()))
    return rows


def placed_adoption_rows_of(year: Year) -> list[dict[str, Any]]:
    decided = AdoptionDecision.objects.filter(
        person_id__in=list(year.records), decided_on__lte=year.last
    ).values_list("person_id", flat=True)
    return [
        _row(child, fields)
        for child in _with(year, decided)
        for fields in placed_adoption_rows(child.person, year.year)
    ]


def prev_perm_rows(year: Year) -> list[dict[str, Any]]:
    recorded = PermanenceBefore.objects.filter(
        person_id__in=list(year.records),
        period__started_on__range=(year.first, year.last),
    ).values_list("person_id", flat=True)
    rows = []
    for child in _with(year, recorded):
        row = prev_perm_row(child.person, year.year)
        if row is not None:
            rows.append(_row(child, row))
    return rows
