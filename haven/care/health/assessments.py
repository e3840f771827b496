"""Recording a looked-after child's health assessment (CPPCR reg 7): the
initial one when they come into care, then the reviews. Checks the user's role
and access, names every fault at once, writes and journals in one transaction.

The timescale engine reads the event (haven/care/plugin.py): every assessment
restarts the review clock (LAC-HEALTH-RHA every 6 months under 5,
LAC-HEALTH-RHA-5 every 12 from 5, chosen by the child's age on the day), and an
initial one meets its period's LAC-HEALTH-IHA duties. Only an initial
assessment names the period in its payload, so a review does not meet them.

Journal event:
  care.health_assessment_completed  {"health_assessment", "child", "kind",
                                     "completed_on", "professional", "role",
                                     "period" (initial only)}
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from haven.care.health import common
from haven.care.models import HealthAssessment, PeriodOfCare
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person

COMPLETED = "care.health_assessment_completed"


@dataclass(frozen=True)
class Assessment:
    """What the worker enters about an assessment."""

    kind: str
    completed_on: dt.date | None
    professional: str
    role: str
    outcome: str


def _check(child: Person, a: Assessment, failures: Failures) -> PeriodOfCare | None:
    common.choice(
        a.kind,
        HealthAssessment.Kind,
        field="kind",
        what="Choose whether it was the initial or a review health assessment",
        failures=failures,
    )
    _, period = common.day_in_care(
        child,
        a.completed_on,
        field="completed_on",
        what="the assessment was completed",
        failures=failures,
    )
    common.text(
        a.professional,
        field="professional",
        what="Enter the name of who carried out the assessment",
        failures=failures,
    )
    common.text(a.role, field="role", what="Enter their role", failures=failures)
    common.text(
        a.outcome,
        field="outcome",
        what="Summarise what the assessment found",
        failures=failures,
    )
    return period


def _check_initial(period: PeriodOfCare, failures: Failures) -> None:
    done = HealthAssessment.objects.filter(
        period=period, kind=HealthAssessment.Kind.INITIAL
    ).first()
    if done is not None:
        failures.add(
            "initial_recorded",
            f"The initial health assessment for this period of care was recorded "
            f"already, on {done.completed_on:%-d %B %Y}: record a review",
            field="kind",
        )


def record_health_assessment(
    child: Person, assessment: Assessment, *, by: User
) -> HealthAssessment:
    """A health professional assessed the child's health on `completed_on`."""
    failures = common.start(child, by)
    period = _check(child, assessment, failures)
    with transaction.atomic():
        common.lock(child)
        initial = assessment.kind == HealthAssessment.Kind.INITIAL
        if initial and period is not None:
            _check_initial(period, failures)
        failures.raise_any()
        assert period is not None and assessment.completed_on is not None
        made = HealthAssessment.objects.create(
            person=child,
            period=period,
            kind=assessment.kind,
            completed_on=assessment.completed_on,
            professional=assessment.professional.strip(),
            role=assessment.role.strip(),
            outcome=assessment.outcome.strip(),
            recorded_by=by,
        )
        payload = {
            "health_assessment": made.pk,
            "child": child.pk,
            "kind": made.kind,
            "completed_on": made.completed_on,
            "professional": made.professional,
            "role": made.role,
        }
        if initial:
            payload["period"] = period.pk
        common.journal_on(child, COMPLETED, payload, made.completed_on, by)
    return made
