"""Recording a leaving care needs assessment: the record that meets
CL-ELIG-ASSESS (an eligible child's, within three months of becoming eligible,
CPPCR 2010 reg 42(1)) and CL-REL-ASSESS (a relevant child's without a pathway
plan, CLR 2010 reg 5(2)(a)), and that starts CL-ELIG-PATHWAY (the pathway plan
written from it, CPPCR reg 43). A social worker or personal adviser with
lasting access records it; every fault is named at once; the record and its
journal event are written in one transaction.

Journal event:
  care.leaving_care_assessment_completed {"child", "assessment", "completed_on"}
"""

import datetime as dt
from dataclasses import asdict, dataclass

from django.db import transaction

from haven.care import inputs, recording
from haven.care.leavers.rules import ELIGIBLE, FORMER_RELEVANT, RELEVANT
from haven.care.leavers.status import leaver_status
from haven.care.models import NeedsAssessment
from haven.core import few, journal
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import record_ids

COMPLETED = "care.leaving_care_assessment_completed"
ASSESSED = (ELIGIBLE, RELEVANT, FORMER_RELEVANT)


@dataclass(frozen=True)
class Needs:
    """The young person's needs, in short, under reg 42(2)'s headings."""

    health: str
    education: str
    support: str
    finance: str
    skills: str
    accommodation: str
    wishes: str


WORDS = {
    "health": "Say what their health and development need",
    "education": "Say what their education, training or work need",
    "support": "Say what support they have from family and others",
    "finance": "Say what money they have and how they manage it",
    "skills": "Say which skills for living independently they have and need",
    "accommodation": "Say what care, support and accommodation they need",
    "wishes": "Say what the young person wants and feels",
}


def latest_assessment(person: Person) -> NeedsAssessment | None:
    return few.first_of(
        "leavers.latest_assessment",
        NeedsAssessment,
        record_ids(person),
        lambda ids: NeedsAssessment.objects.filter(person_id__in=ids),
    )


def _assessed_on(
    person: Person, day: dt.date | None, failures: Failures
) -> dt.date | None:
    day = inputs.past_date(
        day,
        field="completed_on",
        what="the assessment was completed",
        failures=failures,
    )
    if day is None:
        return None
    status = leaver_status(person, day)
    if status is None or status.kind not in ASSESSED:
        failures.add(
            "no_assessment_due",
            f"On {inputs.words(day)} they were not an eligible, relevant or former "
            "relevant child: a leaving care needs assessment is for them",
            "completed_on",
        )
    return day


def complete_needs_assessment(
    person: Person,
    needs: Needs,
    *,
    completed_on: dt.date | None,
    assessor: str,
    by: User,
) -> NeedsAssessment:
    """The young person's leaving care needs assessment, completed on
    `completed_on` by `assessor`."""
    recording.may_record(by, person)
    failures = Failures()
    text = {name: str(value).strip() for name, value in asdict(needs).items()}
    for name, message in WORDS.items():
        if not text[name]:
            failures.add(f"{name}_required", message, name)
    assessor = assessor.strip()
    if not assessor:
        failures.add(
            "assessor_required", "Say who carried out the assessment", "assessor"
        )
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).exists()
        completed_on = _assessed_on(person, completed_on, failures)
        failures.raise_any()
        assert completed_on is not None
        assessment = NeedsAssessment.objects.create(
            person=person,
            completed_on=completed_on,
            assessor=assessor,
            recorded_by=by,
            **text,
        )
        journal.append(
            person,
            COMPLETED,
            {
                "child": person.pk,
                "assessment": assessment.pk,
                "completed_on": completed_on,
            },
            by=by,
            occurred_at=recording.occurred(completed_on),
        )
    return assessment
