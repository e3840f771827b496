"""The Missing table: the care app's (haven.care.missing.reads.missing_table),
each row given its child's CHILD and DOB."""

from typing import Any

from haven.care.missing.reads import missing_table
from haven.returns.ssda903.loading import Year


def missing_rows(year: Year) -> list[dict[str, Any]]:
    rows = []
    for row in missing_table(year.year, person_ids=list(year.records)):
        child = year.owner(row.child)
        if child is None:
            continue
        rows.append(
            {
                "CHILD": child.child,
                "DOB": child.person.date_of_birth,
                "MISSING": row.missing,
                "MIS_START": row.mis_start,
                "MIS_END": row.mis_end,
                "_person": child.person.pk,
                "_period": row.episode.period_id,
            }
        )
    return rows
