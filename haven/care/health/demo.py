"""Health and education records for the demo authority's children in care now,
made through the services: the initial health assessment and PEP soon after
care started, then only the latest review, SDQ and PEP (each met late or on
time by the latest, so the queues hold only what falls due next), as the
demo records only the latest statutory visit. Recorded today, each
with the day it happened.

Its own generator, seeded from the child, so the other stories draw as they
did before these records existed."""

import datetime as dt
import random
from contextlib import suppress

from haven.care.education import recording as education
from haven.care.health import assessments, records
from haven.care.health.outcomes import age_on
from haven.care.models import PeriodOfCare
from haven.core.errors import DomainError
from haven.core.models import User
from haven.people.models import Person

PROFESSIONALS = (
    ("Dr Amara Bello", "Community paediatrician"),
    ("Helen Marsh", "Looked-after children's nurse"),
    ("Dr Tom Asante", "Designated doctor for looked-after children"),
)
SCHOOLS = ("Moorside Primary", "Hillcrest Academy", "St Aidan's High School")


def _term(day: dt.date) -> str:
    """The school term a day falls in (holidays counted with the term before)."""
    if day.month >= 9:
        return "autumn"
    return "spring" if day.month <= 3 else "summer"


def tell(
    child: Person, period: PeriodOfCare | None, worker: User, today: dt.date
) -> None:
    """The records of a child in care since `period.started_on`, up to today."""
    if period is None:
        return
    rng = random.Random(f"health-{child.pk}")
    start = period.started_on
    try:
        _health(rng, child, worker, start, today)
        if (age := age_on(child.date_of_birth, today)) is not None and age >= 3:
            _peps(rng, child, worker, start, today)
    except DomainError:
        pass  # a draw the rules refuse: the story keeps what it has


def _assess(
    rng: random.Random, child: Person, by: User, day: dt.date, kind: str
) -> None:
    who, role = rng.choice(PROFESSIONALS)
    assessments.record_health_assessment(
        child,
        assessments.Assessment(kind, day, who, role, "Healthy; plan agreed."),
        by=by,
    )


def _health(
    rng: random.Random, child: Person, by: User, start: dt.date, today: dt.date
) -> None:
    initial = start + dt.timedelta(days=rng.randint(5, 26))
    if initial >= today:
        return
    _assess(rng, child, by, initial, "initial")
    review = today - dt.timedelta(days=rng.randint(10, 150))
    if review > initial + dt.timedelta(days=90):
        _assess(rng, child, by, review, "review")
    age = age_on(child.date_of_birth, today)
    sdq_on = today - dt.timedelta(days=rng.randint(10, 300))
    if age is not None and 4 <= age <= 16 and sdq_on > start:
        score, completed_by = (
            rng.randint(4, 26),
            rng.choice(("carer", "carer", "teacher")),
        )
        # The SDQ is yearly: the one before, if the child was in care and 4
        # by then (the last collection year's OC2 reports it, rule 186).
        before = sdq_on - dt.timedelta(days=365)
        if before > start and (age_on(child.date_of_birth, before) or 0) >= 4:
            with suppress(DomainError):  # refused: the story keeps the latest
                records.record_sdq(
                    child,
                    score=score,
                    completed_by=completed_by,
                    completed_on=before,
                    by=by,
                )
        records.record_sdq(
            child, score=score, completed_by=completed_by, completed_on=sdq_on, by=by
        )


def _peps(
    rng: random.Random, child: Person, by: User, start: dt.date, today: dt.date
) -> None:
    school = rng.choice(SCHOOLS)
    first = start + dt.timedelta(days=rng.randint(3, 13))
    latest = today - dt.timedelta(days=rng.randint(5, 80))
    for day in (first, latest) if latest > first + dt.timedelta(days=30) else (first,):
        if day >= today:
            return
        education.record_pep(
            child,
            education.Pep(
                day, _term(day), school, "Ms Ruth Ellery", "", "Targets agreed."
            ),
            by=by,
        )
