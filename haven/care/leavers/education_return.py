"""Recording that a former relevant young person told the authority they are
pursuing, or want to pursue, education or training (Children Act 1989 s23CA),
which starts CL-23CA-ASSESS: their needs are assessed within three months (Care
Leavers (England) Regulations 2010 reg 5(2)(b)), met by the leaving care needs
assessment (needs.py). A social worker or personal adviser with lasting access
records it; every fault is named at once; the record and its journal event are
written in one transaction.

Journal event:
  care.return_to_education_notified {"child", "notice", "notified_on"}
"""

import datetime as dt

from django.db import transaction

from haven.care import inputs, recording
from haven.care.leavers.rules import FORMER_RELEVANT
from haven.care.leavers.status import leaver_status
from haven.care.models import ReturnToEducation
from haven.core import few, journal
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import record_ids

NOTIFIED = "care.return_to_education_notified"


def latest_notice(person: Person) -> ReturnToEducation | None:
    return few.first_of(
        "leavers.latest_notice",
        ReturnToEducation,
        record_ids(person),
        lambda ids: ReturnToEducation.objects.filter(person_id__in=ids),
    )


def _told_on(person: Person, day: dt.date | None, failures: Failures) -> dt.date | None:
    day = inputs.past_date(
        day,
        field="notified_on",
        what="they told the authority",
        failures=failures,
    )
    if day is None:
        return None
    status = leaver_status(person, day)
    if status is None or status.kind != FORMER_RELEVANT:
        failures.add(
            "not_former_relevant",
            f"On {inputs.words(day)} they were not a former relevant young person "
            "(18 to 25, and a relevant or eligible child before): section 23CA "
            "support is for them",
            "notified_on",
        )
    return day


def record_return_to_education(
    person: Person, *, notified_on: dt.date | None, programme: str, by: User
) -> ReturnToEducation:
    """The young person told the authority on `notified_on` that they are
    pursuing, or want to pursue, `programme`."""
    recording.may_record(by, person)
    failures = Failures()
    programme = programme.strip()
    if not programme:
        failures.add(
            "programme_required",
            "Say what education or training they are returning to",
            "programme",
        )
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).exists()
        notified_on = _told_on(person, notified_on, failures)
        failures.raise_any()
        assert notified_on is not None
        notice = ReturnToEducation.objects.create(
            person=person, notified_on=notified_on, programme=programme, recorded_by=by
        )
        journal.append(
            person,
            NOTIFIED,
            {"child": person.pk, "notice": notice.pk, "notified_on": notified_on},
            by=by,
            occurred_at=recording.occurred(notified_on),
        )
    return notice
