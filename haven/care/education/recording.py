"""Recording a looked-after child's personal education plan meeting. Checks
the user's role and access, names every fault at once, writes and journals in
one transaction.

Every PEP meeting names its period of care: the first meets the period's
LAC-PEP duty (the plan started with the care plan), and each restarts the
termly LAC-PEP-REVIEW clock, which is due only where the council sets its
interval (term dates differ by school).

The school is the child's main enrolment on the day of the meeting (their
school history, schools.py) unless the worker names another; one of the two
is needed. Social workers and the child's virtual school officer record PEPs.

Journal event:
  care.pep_reviewed  {"pep", "child", "period", "term", "held_on", "school"}
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from haven.care.education import schools, who
from haven.care.health import common
from haven.care.models import PersonalEducationPlan
from haven.core.models import User
from haven.people.models import Person

REVIEWED = "care.pep_reviewed"


@dataclass(frozen=True)
class Pep:
    """What the worker enters about a PEP meeting."""

    held_on: dt.date | None
    term: str
    school: str
    designated_teacher: str
    virtual_school: str
    summary: str


def record_pep(child: Person, pep: Pep, *, by: User) -> PersonalEducationPlan:
    """The child's personal education plan was started or reviewed at a
    meeting on `held_on`."""
    failures = who.start(child, by)
    _, period = common.day_in_care(
        child, pep.held_on, field="held_on", what="of the meeting", failures=failures
    )
    common.choice(
        pep.term,
        PersonalEducationPlan.Term,
        field="term",
        what="Choose the school term",
        failures=failures,
    )
    school = pep.school.strip()
    if not school and pep.held_on:
        enrolled = schools.current_enrolment(child, pep.held_on)
        school = enrolled.establishment.name if enrolled else ""
    if not school:
        failures.add(
            "school_required",
            "Enter the child's school: they had no school on the roll that day",
            field="school",
        )
    for field, what in (
        ("designated_teacher", "Enter the designated teacher's name"),
        ("summary", "Write the targets agreed and the support"),
    ):
        common.text(getattr(pep, field), field=field, what=what, failures=failures)
    with transaction.atomic():
        common.lock(child)
        failures.raise_any()
        assert period is not None and pep.held_on is not None
        made = PersonalEducationPlan.objects.create(
            person=child,
            period=period,
            held_on=pep.held_on,
            term=pep.term,
            school=school,
            designated_teacher=pep.designated_teacher.strip(),
            virtual_school=pep.virtual_school.strip(),
            summary=pep.summary.strip(),
            recorded_by=by,
        )
        payload = {
            "pep": made.pk,
            "child": child.pk,
            "period": period.pk,
            "term": made.term,
            "held_on": made.held_on,
            "school": made.school,
        }
        common.journal_on(child, REVIEWED, payload, made.held_on, by)
    return made
