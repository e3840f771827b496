"""The "Unaccompanied asylum-seeking child" section of a child's page: the
periods of UASC status and the SSDA903 row they give today."""

from typing import Any

from haven.care.models import UascStatus
from haven.care.permissions import may_record_care
from haven.care.selectors import care_for_page
from haven.care.uasc.ssda903 import uasc_row
from haven.core import clock, few
from haven.core.models import User
from haven.people import sections
from haven.people.models import Person


def uasc_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """The section's context; None for a child never looked after and never
    a UASC."""
    statuses = few.of(
        "care.uasc.statuses",
        UascStatus,
        record_ids,
        lambda ids: UascStatus.objects.filter(person_id__in=ids),
    )
    if not statuses and not care_for_page(person):
        return None
    row = uasc_row(person, clock.today()) if statuses else None
    return {
        "person": person,
        "statuses": statuses,
        "row": row.fields() if row else None,
        "may_record": may_record_care(user) and sections.may_change(user, person),
    }
