"""The SSDA903 for a collection year: its tables built from the records, the
files written from them, and Haven's own checks of what they show."""

from typing import Any

from haven.people.models import Person
from haven.returns.registry import Built
from haven.returns.ssda903 import checks, tables
from haven.returns.ssda903.adoption import (
    ad1_rows,
    placed_adoption_rows_of,
    prev_perm_rows,
)
from haven.returns.ssda903.cohorts import looked_after_in_year
from haven.returns.ssda903.episode_rows import episode_rows
from haven.returns.ssda903.header import header_rows
from haven.returns.ssda903.leavers import oc3_rows
from haven.returns.ssda903.loading import Year, load
from haven.returns.ssda903.missing import missing_rows
from haven.returns.ssda903.outcomes import oc2_rows, uasc_rows
from haven.returns.ssda903.reviews import review_rows
from haven.returns.ssda903.social_workers import social_worker_rows

Rows = list[dict[str, Any]]


def rows_of(loaded: Year) -> tuple[dict[str, Rows], list[int]]:
    """Every table's rows (DoLo has none: Haven does not record deprivation
    of liberty orders), and the children OC2's selector left out."""
    oc2, left_out = oc2_rows(loaded)
    oc3, leavers = oc3_rows(loaded)
    uasc = uasc_rows(loaded)
    people: dict[int, Person] = {p.pk: p for p in leavers}
    people.update((pk, child.person) for pk, child in loaded.children.items())
    found: dict[str, Rows] = {
        tables.HEADER: header_rows(
            [people[pk] for pk in sorted(people)],
            {
                pk
                for pk, c in loaded.children.items()
                if looked_after_in_year(loaded, c)
            },
        ),
        tables.EPISODES: episode_rows(loaded, {row["_person"] for row in uasc}),
        tables.REVIEWS: review_rows(loaded),
        tables.UASC: uasc,
        tables.OC2: oc2,
        tables.OC3: oc3,
        tables.AD1: ad1_rows(loaded),
        tables.PLACED_ADOPTION: placed_adoption_rows_of(loaded),
        tables.PREV_PERM: prev_perm_rows(loaded),
        tables.MISSING: missing_rows(loaded),
        tables.DOLO: [],
    }
    if loaded.year >= tables.FIRST_YEAR[tables.SOCIAL_WORKERS]:
        found[tables.SOCIAL_WORKERS] = social_worker_rows(loaded)
    return found, left_out


def build(year: int) -> Built:
    loaded = load(year)
    found, left_out = rows_of(loaded)
    files = {
        name: tables.csv_bytes(name, found.get(name, []))
        for name in tables.files_for(year)
    }
    people = {
        row["_person"] for rows in found.values() for row in rows if "_person" in row
    }
    people |= set(loaded.children)
    return Built(
        files=files,
        person_ids=frozenset(people),
        faults=checks.faults(loaded, found, left_out),
    )
