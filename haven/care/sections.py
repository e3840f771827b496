"""The "Looked after" section of a child's page: where they are placed now, the
placement and legal status histories of each period of care, and the SSDA903
episodes as the return will see them (derived from those histories)."""

from dataclasses import dataclass
from typing import Any

from haven.care import directory, selectors
from haven.care.models import Placement
from haven.care.permissions import may_record_care
from haven.care.selectors import Care
from haven.cin import selectors as cin
from haven.core.models import User
from haven.people import sections as page
from haven.people.models import Person

ADULT = 18


@dataclass(frozen=True)
class Row:
    """A placement with whom the child lived, as this user may see them named."""

    placement: Placement
    lives_with: str


def _lives_with(placement: Placement, names: dict[int, str]) -> str:
    if placement.carer_id is not None:
        return names[placement.carer_id]
    if placement.provider is not None:
        return str(placement.provider)
    return (
        "Parents or others with parental responsibility"
        if placement.place == "P1"
        else ""
    )


def _rows(cares: list[Care], user: User) -> dict[int, list[Row]]:
    carers = [p.carer for c in cares for p in c.placements if p.carer is not None]
    names = directory.carer_names(user, carers)
    return {
        care.period.pk: [Row(p, _lives_with(p, names)) for p in care.placements]
        for care in cares
    }


def looked_after(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """The section's context; None (no section) for someone never looked after
    whom the user could not start a period of care for (an adult, say)."""
    cares = selectors.care_for_page(person)
    may_record = may_record_care(user) and page.may_change(user, person)
    child = person.age is None or person.age < ADULT
    if not cares and not (may_record and child and not person.is_unborn):
        return None
    current = cares[0] if cares and cares[0].period.is_open else None
    rows = _rows(cares, user)
    return {
        "person": person,
        "current": current,
        "current_row": rows[current.period.pk][-1] if current else None,
        "periods": [(care, rows[care.period.pk]) for care in cares],
        "may_record": may_record,
        # Care starts inside an open child in need episode (in_need.py).
        "in_need": may_record and not current and cin.open_episode(person) is not None,
    }
