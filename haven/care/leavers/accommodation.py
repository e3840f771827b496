"""Recording where a care leaver lives and the personal adviser's visits there
(Care Leavers (England) Regulations 2010 reg 8(2)). Each write checks the
user's role and access (a social worker or the personal adviser with lasting
access), names every fault at once, and writes the record and its journal
event in one transaction.

Accommodation provided starts CL-PA-VISIT-1 (a visit within 7 days); each
visit meets it and keeps CL-PA-VISIT-N rolling (the next within two months);
a move ends the old accommodation's duties. Both are keyed on the young
person ("child"): they live in one place at a time, and a move's ending event
comes before the new accommodation's, so the 7 days start again.

Journal events:
  care.leaving_care_accommodation_provided {"child", "accommodation",
                                            "started_on", "accom"}
  care.leaving_care_accommodation_ended    {"child", "accommodation", "ended_on"}
  care.personal_adviser_visit_made         {"child", "visit", "accommodation",
                                            "visited_on"}
"""

import datetime as dt

from django.db import transaction
from django.db.models import Q

from haven.care import inputs, recording
from haven.care.leavers.rules import FORMER_RELEVANT, QUALIFYING, RELEVANT
from haven.care.leavers.status import leaver_status
from haven.care.models import AdviserVisit, LeaverAccommodation
from haven.core import codelists, few, journal
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import record_ids, records_of

PROVIDED = "care.leaving_care_accommodation_provided"
ENDED = "care.leaving_care_accommodation_ended"
VISITED = "care.personal_adviser_visit_made"
ACCOMMODATION = "ssda903_accommodation"
# Accommodation under s23B (relevant) or s24B (former relevant, qualifying).
HOUSED = (RELEVANT, FORMER_RELEVANT, QUALIFYING)


def history(person: Person) -> list[LeaverAccommodation]:
    """Every accommodation recorded, the latest first."""
    return few.of(
        "leavers.accommodation",
        LeaverAccommodation,
        record_ids(person),
        lambda ids: LeaverAccommodation.objects.filter(person_id__in=ids),
    )


def lived_on(person: Person, day: dt.date) -> LeaverAccommodation | None:
    """Where they lived on `day`, if recorded."""
    return (
        LeaverAccommodation.objects.filter(
            person_id__in=records_of(person), started_on__lte=day
        )
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day))
        .first()
    )


def _check_move(
    person: Person, started_on: dt.date | None, failures: Failures
) -> LeaverAccommodation | None:
    """The accommodation the move ends, after checking the young person was a
    care leaver that day and the move follows the last one recorded."""
    if started_on is None:
        return None
    status = leaver_status(person, started_on)
    if status is None or status.kind not in HOUSED:
        failures.add(
            "not_a_care_leaver",
            f"On {inputs.words(started_on)} they were not a relevant, former "
            "relevant or qualifying care leaver",
            "started_on",
        )
    last = LeaverAccommodation.objects.filter(person_id__in=records_of(person)).first()
    if last is not None and last.started_on >= started_on:
        failures.add(
            "before_last_accommodation",
            f"They moved into their last accommodation on "
            f"{inputs.words(last.started_on)}: a move must be after it",
            "started_on",
        )
    return last if last is not None and last.ended_on is None else None


def _move_out(
    person: Person, before: LeaverAccommodation, on: dt.date, by: User
) -> None:
    """The accommodation they leave ends on the day they move."""
    before.ended_on = on
    before.save(update_fields=["ended_on"])
    journal.append(
        person,
        ENDED,
        {"child": person.pk, "accommodation": before.pk, "ended_on": on},
        by=by,
        occurred_at=recording.occurred(on),
    )


def provide_accommodation(
    person: Person,
    *,
    started_on: dt.date | None,
    accommodation: str,
    place: str,
    by: User,
) -> LeaverAccommodation:
    """The care leaver lives at `place` from `started_on`; the accommodation
    they lived in before ends that day."""
    recording.may_record(by, person)
    failures = Failures()
    place = place.strip()
    if not place:
        failures.add("place_required", "Enter the address or place", "place")
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).exists()
        started_on = inputs.past_date(
            started_on, field="started_on", what="they moved in", failures=failures
        )
        if not codelists.is_valid(
            ACCOMMODATION, accommodation, year=codelists.year_of(started_on)
        ):
            failures.add(
                "accommodation_required",
                "Choose the accommodation, and whether it suits them",
                "accommodation",
            )
        before = _check_move(person, started_on, failures)
        failures.raise_any()
        assert started_on is not None
        if before is not None:
            _move_out(person, before, started_on, by)
        made = LeaverAccommodation.objects.create(
            person=person,
            started_on=started_on,
            accommodation=accommodation,
            place=place,
            recorded_by=by,
        )
        journal.append(
            person,
            PROVIDED,
            {
                "child": person.pk,
                "accommodation": made.pk,
                "started_on": started_on,
                "accom": accommodation,
            },
            by=by,
            occurred_at=recording.occurred(started_on),
        )
    return made


def record_adviser_visit(
    person: Person, *, visited_on: dt.date | None, note: str, by: User
) -> AdviserVisit:
    """The personal adviser visited the young person where they lived on
    `visited_on`."""
    recording.may_record(by, person)
    failures = Failures()
    note = note.strip()
    if not note:
        failures.add("note_required", "Say what you saw and heard", "note")
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).exists()
        visited_on = inputs.past_date(
            visited_on, field="visited_on", what="of the visit", failures=failures
        )
        home = lived_on(person, visited_on) if visited_on else None
        if visited_on is not None and home is None:
            failures.add(
                "no_accommodation",
                f"No accommodation is recorded for {inputs.words(visited_on)}: "
                "record where they lived first",
                "visited_on",
            )
        failures.raise_any()
        assert visited_on is not None and home is not None
        visit = AdviserVisit.objects.create(
            person=person,
            accommodation=home,
            visited_on=visited_on,
            note=note,
            recorded_by=by,
        )
        journal.append(
            person,
            VISITED,
            {
                "child": person.pk,
                "visit": visit.pk,
                "accommodation": home.pk,
                "visited_on": visited_on,
            },
            by=by,
            occurred_at=recording.occurred(visited_on),
        )
    return visit
