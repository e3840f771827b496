"""Booking a relevant or former relevant young person's next pathway plan
review, which starts CL-PA-VISIT-PRE: the personal adviser visits them before
it (Care Leavers (England) Regulations 2010 reg 8(2)(b)), due by the review's
day. A social worker or personal adviser with lasting access books it; every
fault is named at once; the booking and its journal event are written in one
transaction. The review itself is recorded when held (pathway.py).

Journal event:
  care.pathway_review_scheduled {"child", "booking", "review_on"}
"""

import datetime as dt

from django.db import transaction

from haven.care import recording
from haven.care.leavers.pathway import latest_plan
from haven.care.leavers.rules import FORMER_RELEVANT, RELEVANT
from haven.care.leavers.status import leaver_status
from haven.care.models import PathwayReviewBooking
from haven.core import clock, few, journal
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import record_ids

SCHEDULED = "care.pathway_review_scheduled"
# The adviser's visits (reg 8) are for those the authority supports after care.
VISITED_BEFORE = (RELEVANT, FORMER_RELEVANT)


def next_booking(person: Person) -> PathwayReviewBooking | None:
    """The latest booking for a review not yet past."""
    found = few.objects(
        "leavers.next_booking",
        PathwayReviewBooking,
        record_ids(person),
        lambda ids, day, _now: PathwayReviewBooking.objects.filter(
            person_id__in=ids, review_on__gte=day
        ).order_by("-created_at", "-pk")[:1],
        clock.today(),
    )
    return found[0] if found else None


def _checked(person: Person, review_on: dt.date | None, failures: Failures) -> None:
    if review_on is None:
        failures.add("date_required", "Enter the date of the review", "review_on")
    elif review_on < clock.today():
        failures.add(
            "date_in_past",
            "The review must be booked for today or later: record a review "
            "already held as held",
            "review_on",
        )
    status = leaver_status(person, clock.today())
    if status is None or status.kind not in VISITED_BEFORE:
        failures.add(
            "not_a_care_leaver",
            "They are not a relevant or former relevant young person today: an "
            "eligible child's plan is reviewed with their looked-after reviews",
            "review_on",
        )
    elif latest_plan(person) is None:
        failures.add(
            "no_plan_to_review",
            "There is no pathway plan to review: record the plan first",
            "review_on",
        )


def book_pathway_review(
    person: Person, *, review_on: dt.date | None, by: User
) -> PathwayReviewBooking:
    """The young person's next pathway plan review is booked for `review_on`."""
    recording.may_record(by, person)
    failures = Failures()
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).exists()
        _checked(person, review_on, failures)
        failures.raise_any()
        assert review_on is not None
        booking = PathwayReviewBooking.objects.create(
            person=person, review_on=review_on, booked_by=by
        )
        journal.append(
            person,
            SCHEDULED,
            {"child": person.pk, "booking": booking.pk, "review_on": review_on},
            by=by,
            # At the start of the day, as visits are: one made later that day
            # (recorded after the booking) is before the review.
            occurred_at=recording.occurred(clock.today()),
        )
    return booking
