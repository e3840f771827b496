"""The OC2 and UASC tables, each row from the care app's own selector
(haven.care.health.outcomes.oc2_row, haven.care.uasc.ssda903.uasc_row).

OC2 is asked only of the children continuously looked after for the year
(cohorts.py), UASC only of those with a UASC status recorded: each selector
reads its child's records, so the queries grow with those children alone."""

from typing import Any

from haven.care.health.outcomes import oc2_row
from haven.care.models import UascStatus
from haven.care.uasc.ssda903 import uasc_row
from haven.returns.ssda903.cohorts import continuously_looked_after
from haven.returns.ssda903.loading import Year


def oc2_rows(year: Year) -> tuple[list[dict[str, Any]], list[int]]:
    """The OC2 rows, and the children continuously looked after whom the
    health selector left out (a disagreement Haven's checks name)."""
    rows, left_out = [], []
    for child in year.children.values():
        if not continuously_looked_after(year, child):
            continue
        row = oc2_row(child.person, year.year)
        if row is None:
            left_out.append(child.person.pk)
            continue
        fields = row.fields()
        rows.append(
            {
                "CHILD": child.child,
                "DOB": child.person.date_of_birth,
                **fields,
                "_person": child.person.pk,
            }
        )
    return rows, left_out


def uasc_rows(year: Year) -> list[dict[str, Any]]:
    recorded = UascStatus.objects.filter(
        person_id__in=list(year.records), started_on__lte=year.last
    ).values_list("person_id", flat=True)
    rows = []
    for pk in sorted({year.records[record] for record in recorded}):
        child = year.children[pk]
        row = uasc_row(child.person, year.last)
        if row is not None:
            rows.append({**row.fields(), "_person": pk})
    return rows
