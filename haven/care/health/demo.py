"""Health and education records for the demo authority's children in care now,
made through the services: the initial health assessment and PEP soon after
care started, then only the latest review and PEP (each met late or on time
by the latest, so the queues hold only what falls due next), as the demo
records only the latest statutory visit; and an SDQ in the last collection
year and in this one, which the last year's return reports. Recorded today, each
with the day it happened.

Its own generator, seeded from the child, so the other stories draw as they
did before these records existed."""

import datetime as dt
import random
from contextlib import suppress

from haven.care.education import recording as education
from haven.care.health import assessments, records
from haven.care.health.outcomes import age_on
from haven.care.leavers.rules import birthday
from haven.care.missing.reads import collection_span
from haven.care.models import PeriodOfCare
from haven.core.codelists import collection_year
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
    except DomainError:
        told = False  # a draw the rules refuse: the story keeps what it has
    else:
        told = True
    # Whatever the health story reached: each SDQ's refusal is its own.
    _sdqs(rng, child, worker, start, today)
    if not told:
        return
    try:
        if (age := age_on(child.date_of_birth, today)) is not None and age >= 3:
            _peps(rng, child, worker, start, today)
    except DomainError:
        pass


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


def _sdqs(
    rng: random.Random, child: Person, by: User, start: dt.date, today: dt.date
) -> None:
    """The SDQ is yearly: one in the last collection year and one in this, each
    on a day the child was in care and 4 to 16 (the ages it is asked at), so
    the last year's OC2 has the score rules 186 and 197B look for."""
    born = child.date_of_birth
    if born is None:
        return
    score, completed_by = rng.randint(4, 26), rng.choice(("carer", "carer", "teacher"))
    this_year = collection_year(today)
    for year in (this_year - 1, this_year):
        first, last = collection_span(year)
        earliest = max(first, start + dt.timedelta(days=1), birthday(born, 4))
        latest = min(
            last,
            today - dt.timedelta(days=10),
            birthday(born, 17) - dt.timedelta(days=1),
        )
        if earliest > latest:
            continue
        day = earliest + dt.timedelta(days=rng.randint(0, (latest - earliest).days))
        with suppress(DomainError):  # refused: the story keeps the others
            records.record_sdq(
                child, score=score, completed_by=completed_by, completed_on=day, by=by
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
