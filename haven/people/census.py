"""The person's fields as the DfE census returns read them.

Sources: CIN census specification (LAchildID rules 1570 and 1580: at most 20
characters, letters and digits only; uniqueness in the file, rule 8510; an unborn
child's Sex must be U, rule 8750; UPNunknown UN1 queried for a school-age child,
rule 8770Q) and the SSDA903 guide (UN1 not for a school-age child, rule 209).
"""

import datetime as dt
import re
from typing import Any

from haven.core.errors import Failures
from haven.people.codes import Sex, UpnUnknown

LA_CHILD_ID = re.compile(r"^[A-Za-z0-9]{1,20}$")
# Haven's own IDs as LAchildID: "H" and the database ID (at most 19 digits, so at
# most 20 characters). No local person ID may take this form, so the two never
# collide.
HAVEN_ID = re.compile(r"^[Hh][0-9]+$")

SCHOOL_STARTS = 5  # compulsory school age from the school year after turning 5
SCHOOL_ENDS = 16


def la_child_id(local_id: str | None, pk: int | None) -> str:
    """The local person ID where it meets the census format (IDs recorded before
    the format was checked may not), otherwise "H" and the Haven ID."""
    if (
        local_id
        and LA_CHILD_ID.fullmatch(local_id)
        and not HAVEN_ID.fullmatch(local_id)
    ):
        return local_id
    return f"H{pk}"


def is_school_age_on(born: dt.date | None, day: dt.date) -> bool:
    """Of compulsory school age, read simply: aged 5 to 15 on the 1 September
    that began the school year `day` falls in. (The law starts it the term after
    the fifth birthday; reading the whole school year refuses UN1 only for a
    child who is certainly of school age.)"""
    if born is None:
        return False
    year = day.year if (day.month, day.day) >= (9, 1) else day.year - 1
    start = dt.date(year, 9, 1)
    age = start.year - born.year - ((start.month, start.day) < (born.month, born.day))
    return SCHOOL_STARTS <= age < SCHOOL_ENDS


def check_census_fields(
    details: dict[str, Any], today: dt.date, failures: Failures
) -> None:
    """The census rules on a person's details, each fault named."""
    born = details.get("date_of_birth")
    unborn = not born and bool(details.get("expected_date_of_birth"))
    if unborn and details.get("sex", Sex.UNKNOWN) != Sex.UNKNOWN:
        failures.add(
            "unborn_sex",
            "An unborn child's sex is recorded as Unknown (CIN census rule 8750)",
            field="sex",
        )
    reason = details.get("upn_unknown") or ""
    if not reason:
        return
    if details.get("upn"):
        failures.add(
            "upn_and_reason",
            "Leave 'why there is no UPN' blank when the UPN is recorded",
            field="upn_unknown",
        )
    elif reason == UpnUnknown.UN1 and is_school_age_on(born, today):
        failures.add(
            "un1_school_age",
            "UN1 is for a child not yet of school age: this child is of school "
            "age, so find their UPN or choose another reason",
            field="upn_unknown",
        )
    elif reason == UpnUnknown.UN6 and not unborn:
        failures.add(
            "un6_not_unborn",
            "UN6 is for an unborn child: choose another reason",
            field="upn_unknown",
        )
