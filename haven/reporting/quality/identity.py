"""A child's identifiers and ethnicity, as the returns need them: the UPN
with its check letter (or the reason there is none), the NHS number with
its check digit, and the ethnicity. Checked with the same validators the
person's record uses at entry (haven.people.identifiers), so a number
migrated or typed before the rule came in is found here."""

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

from django.core.exceptions import ValidationError

from haven.people.codes import Ethnicity
from haven.people.identifiers import validate_nhs_number, validate_upn
from haven.reporting.figures import Item
from haven.reporting.quality.checks import DATED, Check, declare, found, links
from haven.reporting.quality.population import Population, population
from haven.reporting.spans import Span

HISTORY = (
    DATED + " An identifier's value on a day is read from the child's journal, "
    "where each change keeps the value it replaced."
)
Fault = Callable[[Population, int, dt.date], str | None]


@lru_cache(maxsize=65536)  # a number is checked for each month of the span
def _invalid(validate: Callable[[str], str], value: str) -> str | None:
    try:
        validate(value)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def _upn(people: Population, person_id: int, day: dt.date) -> str | None:
    upn = people.value(person_id, "upn", day)
    if upn:
        wrong = _invalid(validate_upn, upn)
        return f"The UPN {upn} is not valid: {wrong}" if wrong else None
    if not people.value(person_id, "upn_unknown", day):
        return "No UPN, and no reason recorded why there is none (UPNunknown)"
    return None


def _nhs(people: Population, person_id: int, day: dt.date) -> str | None:
    number = people.value(person_id, "nhs_number", day)
    if number:
        wrong = _invalid(validate_nhs_number, number)
        return f"The NHS number {number} is not valid: {wrong}" if wrong else None
    if people.is_looked_after(person_id, day):
        return "Looked after with no NHS number"
    return None


def _ethnicity(people: Population, person_id: int, day: dt.date) -> str | None:
    if people.value(person_id, "ethnicity", day) == Ethnicity.NOBT:
        return "Ethnicity not recorded (information not yet obtained)"
    return None


def _checked(fault: Fault) -> Callable[[Span], list[Item]]:
    def compute(span: Span) -> list[Item]:
        people = population(span)
        items, link = [], links("people:edit")
        for month in span.months:
            for person_id in people.counted_on(month.last):
                words = fault(people, person_id, month.last)
                if words:
                    items.append(found(person_id, month, words, link(person_id)))
        return items

    return compute


WHO = "children in need or looked after at the end of the month"
FIX = "Correct the child's details (the person's edit page)"

UPN = declare(
    Check(
        key="upn",
        name="UPN wrong or missing",
        finds=f"Among {WHO}: a UPN whose check letter is wrong, or no UPN and no "
        "reason recorded for it",
        breaks="The CIN census and the SSDA903 return send the UPN, or the "
        "UPNunknown reason in its place; the DfE's validators refuse a UPN with "
        "a wrong check letter and a child with neither, and the virtual school "
        "cannot match the child to their school's records.",
        fixed_on=FIX,
        compute=_checked(_upn),
        history=HISTORY,
    )
)
NHS = declare(
    Check(
        key="nhs_number",
        name="NHS number wrong or missing",
        finds=f"Among {WHO}: an NHS number whose check digit is wrong, or a "
        "looked-after child with none",
        breaks="Health assessments and the SSDA903 health figures (OC2) are "
        "matched to the child by the NHS number; a wrong one sends a request to "
        "the wrong GP, and a looked-after child without one cannot have a "
        "health assessment booked through the health service.",
        fixed_on=FIX,
        compute=_checked(_nhs),
        history=HISTORY,
    )
)
ETHNICITY = declare(
    Check(
        key="ethnicity",
        name="Ethnicity missing",
        finds=f"Among {WHO}: ethnicity not recorded (NOBT, information not yet "
        "obtained); a refusal (REFU) is an answer and is not counted",
        breaks="The CIN census and the SSDA903 return send the child's ethnicity; "
        "NOBT is queried by the DfE's validator, and the authority's figures on "
        "disproportionality are wrong without it.",
        fixed_on=FIX,
        compute=_checked(_ethnicity),
        history=HISTORY,
    )
)
