"""Recording a looked-after child's school history: an enrolment at a school
from the establishments list (by its URN), its end, and the moves between
schools. A child has one main enrolment at a time: a new main enrolment ends
the open one the day before it starts (the child moved school), and one that
would overlap a past main enrolment is refused.

Journal events:
  care.school_enrolled   {"enrolment", "urn", "school", "kind", "started_on",
                          "ended_on", "ended": [enrolment ids ended by the move]}
  care.enrolment_ended   {"enrolment", "urn", "school", "ended_on"}
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from haven.care import inputs
from haven.care.education import who
from haven.care.health import common
from haven.care.models import Enrolment
from haven.core.errors import DomainError, Failures
from haven.core.models import Establishment, User
from haven.people.models import Person
from haven.people.selectors import records_of

ENROLLED = "care.school_enrolled"
ENDED = "care.enrolment_ended"


@dataclass(frozen=True)
class NewEnrolment:
    """What the worker enters about a school place."""

    urn: str
    kind: str
    started_on: dt.date | None
    ended_on: dt.date | None = None


def establishment(urn: str, failures: Failures) -> Establishment | None:
    """The school with this URN in the establishments list."""
    urn = "".join((urn or "").split())
    if not urn:
        failures.add("urn_required", "Enter the school's URN", field="urn")
        return None
    found = (
        Establishment.objects.filter(urn=int(urn)).first() if urn.isdigit() else None
    )
    if found is None:
        failures.add(
            "urn_unknown",
            f"No school has the URN {urn} in the establishments list: check the "
            "number on the school's record in Get Information about Schools",
            field="urn",
        )
    return found


def record_enrolment(child: Person, new: NewEnrolment, *, by: User) -> Enrolment:
    """The child joined a school's roll on `started_on`."""
    failures = who.start(child, by)
    school = establishment(new.urn, failures)
    common.choice(
        new.kind,
        Enrolment.Kind,
        field="kind",
        what="Choose the kind of place",
        failures=failures,
    )
    start = inputs.past_date(
        new.started_on, field="started_on", what="the child started", failures=failures
    )
    if new.ended_on and start and new.ended_on < start:
        failures.add(
            "ended_before_start",
            "The date the child left must be on or after the date they started",
            field="ended_on",
        )
    with transaction.atomic():
        common.lock(child)
        ending = _moves(child, new, start, failures)
        failures.raise_any()
        assert school is not None and start is not None
        for open_one in ending:
            open_one.ended_on = start - dt.timedelta(days=1)
            open_one.save(update_fields=["ended_on"])
        made = Enrolment.objects.create(
            person=child,
            establishment=school,
            kind=new.kind,
            started_on=start,
            ended_on=new.ended_on,
            recorded_by=by,
        )
        payload = {
            "enrolment": made.pk,
            "urn": school.urn,
            "school": school.name,
            "kind": made.kind,
            "started_on": start,
            "ended_on": new.ended_on,
            "ended": [e.pk for e in ending],
        }
        common.journal_on(child, ENROLLED, payload, start, by)
    return made


def _moves(
    child: Person, new: NewEnrolment, start: dt.date | None, failures: Failures
) -> list[Enrolment]:
    """The open main enrolment the new one ends; a fault for any main
    enrolment it would overlap."""
    if start is None or new.kind != Enrolment.Kind.MAIN:
        return []
    mains = Enrolment.objects.filter(
        person_id__in=records_of(child), kind=Enrolment.Kind.MAIN
    ).select_related("establishment")
    ending, last = [], new.ended_on or dt.date.max
    for other in mains:
        other_end = other.ended_on or dt.date.max
        if other.ended_on is None and other.started_on < start and new.ended_on is None:
            ending.append(other)
        elif other.started_on <= last and start <= other_end:
            failures.add(
                "enrolment_overlaps",
                f"The child was on the roll of {other.establishment.name} from "
                f"{inputs.words(other.started_on)}"
                + (f" to {inputs.words(other.ended_on)}" if other.ended_on else "")
                + ": a child has one main school at a time",
                field="started_on",
            )
    return ending


def end_enrolment(enrolment: Enrolment, *, on: dt.date | None, by: User) -> Enrolment:
    """The child left the school's roll on `on`."""
    child = enrolment.person
    failures = who.start(child, by)
    day = inputs.past_date(
        on, field="ended_on", what="the child left", failures=failures
    )
    with transaction.atomic():
        common.lock(child)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.ended_on is not None:
            raise DomainError(
                "enrolment_ended",
                f"This enrolment ended on {inputs.words(enrolment.ended_on)}",
            )
        if day and day < enrolment.started_on:
            failures.add(
                "ended_before_start",
                "The date the child left must be on or after the date they started",
                field="ended_on",
            )
        failures.raise_any()
        assert day is not None
        enrolment.ended_on = day
        enrolment.save(update_fields=["ended_on"])
        school = enrolment.establishment
        payload = {
            "enrolment": enrolment.pk,
            "urn": school.urn,
            "school": school.name,
            "ended_on": day,
        }
        common.journal_on(child, ENDED, payload, day, by)
    return enrolment


def current_enrolment(child: Person, on: dt.date) -> Enrolment | None:
    """The child's main enrolment on the day."""
    for enrolment in Enrolment.objects.filter(
        person_id__in=records_of(child), kind=Enrolment.Kind.MAIN, started_on__lte=on
    ).select_related("establishment"):
        if enrolment.ended_on is None or enrolment.ended_on >= on:
            return enrolment
    return None
