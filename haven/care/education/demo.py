"""Schools for the demo authority's school-age children in care, made through
the services: the synthetic establishments list loaded (made-up schools in the
national list's CSV layout, haven/core/data/establishments_demo.csv), the
virtual school officer allocated each child in care on the day care started,
and each school-age child's main school from the start of a school year, with
the last full term's attendance and, now and then, a suspension.

Its own generator, seeded from the child, so the other stories draw as they
did before these records existed."""

import datetime as dt
import random
from contextlib import suppress
from pathlib import Path

from haven.care.education import attendance, schools
from haven.care.models import PeriodOfCare
from haven.core import clock, establishments
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError
from haven.core.models import Establishment, User
from haven.core.roles import ROLES_BY_KEY
from haven.core.services import allocate_case
from haven.people.lifestage import age_on
from haven.people.models import Person

LIST = Path(__file__).resolve().parents[2] / "core" / "data" / "establishments_demo.csv"
OFFICER = ROLES_BY_KEY["virtual_school_officer"].name
SCHOOL_AGE = range(5, 16)  # compulsory school age, roughly


def populate(children: list[Person]) -> None:
    """The schools of the children in care now among `children`."""
    if not Establishment.objects.exists():
        establishments.load(establishments.read_text(LIST))
    officer = (
        User.objects.filter(groups__name=OFFICER, is_active=True, team__isnull=False)
        .select_related("team")
        .order_by("pk")
        .first()
    )
    if officer is None:
        return
    periods = PeriodOfCare.objects.filter(
        person__in=children, ended_on__isnull=True
    ).select_related("person")
    for period in periods:
        # A draw the rules refuse: the story keeps what it has.
        with suppress(DomainError):
            _tell(period, officer)


def _tell(period: PeriodOfCare, officer: User) -> None:
    child, today = period.person, clock.today()
    assert officer.team is not None
    allocate_case(
        child,
        team=officer.team,
        worker=officer,
        on=period.started_on,
        reason="Came into care: the virtual school",
        role=CaseRole.VIRTUAL_SCHOOL,
        by=officer,
    )
    age = age_on(child, today)
    if age is None or age not in SCHOOL_AGE:
        return
    rng = random.Random(f"schools-{child.pk}")
    phase = "Primary" if age < 11 else "Secondary"
    choices = list(Establishment.objects.filter(phase=phase, closed_on__isnull=True))
    year = today.year if today.month >= 9 else today.year - 1
    start = dt.date(year - rng.randint(0, min(age - 5, 3)), 9, 4)
    enrolment = schools.record_enrolment(
        child,
        schools.NewEnrolment(str(rng.choice(choices).urn), "main", start),
        by=officer,
    )
    if start.year < year:
        possible = rng.randint(120, 146) // 2 * 2
        attended = possible - rng.randint(0, possible // 5)
        summer = attendance.Term(year - 1, "summer", possible, attended)
        attendance.record_attendance(child, enrolment, summer, by=officer)
        if rng.random() < 0.15:
            day = dt.date(year - 1, 5, 12)
            attendance.record_exclusion(
                child,
                enrolment,
                attendance.NewExclusion("suspension", day, day, 2, "PD"),
                by=officer,
            )
