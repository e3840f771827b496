"""A looked-after child's SSDA903 OC2 row for a collection year, derived from
their health and offending records and their periods of care, never stored
(../shared/domain/returns.md 2.5 and 2.7). The returns export calls it.

The row is for a child looked after continuously for 12 months at 31 March:
a period of care that started before the year (1 April) and had not ended by
its last day, with no short break (V3, V4) during the year. Any other child
has no row (rules 190/191).

Each flag answers for the collection year (1 April to 31 March); a flag the
return leaves blank for the child's age at 31 March is None: CONVICTED from
10 (rules 542/543), HEALTH_CHECK under 5 (545/546), SDQ_SCORE from 4 at 31
March to under 17 at 1 April (186-189), and the interventions when no
substance misuse was identified.
SDQ_REASON (why there is no score) is not recorded yet, so it is always None.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from haven.care.missing.reads import collection_span
from haven.care.models import (
    DentalCheck,
    HealthAssessment,
    LegalStatus,
    Offence,
    PeriodOfCare,
    SdqScore,
    SubstanceMisuse,
    UpToDate,
)
from haven.people.models import Person
from haven.people.selectors import records_of

SHORT_BREAKS = ("V3", "V4")


@dataclass(frozen=True)
class Oc2Row:
    """The OC2 fields, each as the return writes it (0/1, a score, or blank)."""

    sdq_score: int | None
    sdq_reason: str | None
    convicted: int | None
    health_check: int | None
    immunisations: int
    teeth_check: int
    health_assessment: int
    substance_misuse: int
    intervention_received: int | None
    intervention_offered: int | None

    def fields(self) -> dict[str, Any]:
        """The row keyed by the return's field names."""
        return {name.upper(): value for name, value in self.__dict__.items()}


def continuously_looked_after(child: Person, year: int) -> bool:
    """Looked after continuously for the 12 months to 31 March of `year`."""
    first, last = collection_span(year)
    # From 1 April (or before) to 31 March (ended_on, exclusive, on it or
    # later) is the 12 months, as the DfE's validator counts them.
    periods = PeriodOfCare.objects.filter(
        person_id__in=records_of(child), started_on__lte=first
    ).exclude(ended_on__lt=last)
    breaks = LegalStatus.objects.filter(
        period__in=periods, code__in=SHORT_BREAKS, started_on__lte=last
    ).exclude(ended_on__lt=first)
    return periods.exists() and not breaks.exists()


def age_on(born: dt.date | None, day: dt.date) -> int | None:
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _flag(found: "QuerySet[Any, Any]") -> int:
    return int(found.exists())


def _up_to_date(child: Person, what: str, first: dt.date, last: dt.date) -> int:
    latest = (
        UpToDate.objects.filter(
            person_id__in=records_of(child),
            what=what,
            checked_on__range=(first, last),
        )
        .order_by("-checked_on", "-pk")
        .first()
    )
    return int(latest is not None and latest.answer == UpToDate.Answer.YES)


def _sdq(child: Person, first: dt.date, last: dt.date) -> int | None:
    latest = (
        SdqScore.objects.filter(
            person_id__in=records_of(child), completed_on__range=(first, last)
        )
        .order_by("-completed_on", "-pk")
        .first()
    )
    return latest.score if latest is not None else None


def _sdq_asked(child: Person, first: dt.date, last: dt.date) -> bool:
    """The SDQ is asked of a child 4 or over at the end of the year and under
    17 at its start (rules 187 and 189)."""
    at_end, at_start = (
        age_on(child.date_of_birth, last),
        age_on(child.date_of_birth, first),
    )
    return at_end is not None and at_start is not None and at_end >= 4 and at_start < 17


def oc2_row(child: Person, year: int) -> Oc2Row | None:
    """The child's OC2 row for the collection year `year` (2026 is 2025-26),
    or None when the child is not in OC2's cohort."""
    if not continuously_looked_after(child, year):
        return None
    first, last = collection_span(year)
    age = age_on(child.date_of_birth, last)
    mine = {"person_id__in": records_of(child)}
    misuse = SubstanceMisuse.objects.filter(**mine, identified_on__range=(first, last))
    misused = misuse.exists()
    return Oc2Row(
        sdq_score=_sdq(child, first, last) if _sdq_asked(child, first, last) else None,
        sdq_reason=None,
        convicted=_flag(Offence.objects.filter(**mine, on__range=(first, last)))
        if age is not None and age >= 10
        else None,
        health_check=_up_to_date(child, UpToDate.What.DEVELOPMENT, first, last)
        if age is None or age < 5
        else None,
        immunisations=_up_to_date(child, UpToDate.What.IMMUNISATIONS, first, last),
        teeth_check=_flag(
            DentalCheck.objects.filter(**mine, checked_on__range=(first, last))
        ),
        health_assessment=_flag(
            HealthAssessment.objects.filter(**mine, completed_on__range=(first, last))
        ),
        substance_misuse=int(misused),
        intervention_received=_flag(misuse.filter(intervention_received=True))
        if misused
        else None,
        intervention_offered=_flag(misuse.filter(intervention_offered=True))
        if misused
        else None,
    )
