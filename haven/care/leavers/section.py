"""The "Leaving care" section of a young person's page: their care leaver
status today with its rule and legal source (derived, never stored), their
personal adviser (a case role), what was found at each birthday from 17 to
21 (the OC3 fields), each code in its list's words, and their support
(support_section.py)."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from haven.care.leavers import keeping_in_touch as kit
from haven.care.leavers.booking import next_booking
from haven.care.leavers.education_return import latest_notice
from haven.care.leavers.needs import latest_assessment
from haven.care.leavers.pathway import latest_plan
from haven.care.leavers.status import leaver_status
from haven.care.leavers.support_section import support
from haven.care.models import BirthdayContact, PathwayReview
from haven.care.permissions import may_record_care
from haven.care.selectors import care_for_page
from haven.casework import permissions as casework_rules
from haven.core import clock, codelists, few
from haven.core.caseroles import CaseRole
from haven.core.models import User
from haven.people import sections
from haven.people.models import Person
from haven.timescales import selectors as timescales
from haven.timescales.models import Obligation

# Leaving care starts to matter at 14, when the 13 weeks begin to count.
FROM_AGE = 14
REVIEW_RULE = "CL-PATHWAY-REVIEW"
ASSESS_RULES = ("CL-ELIG-ASSESS", "CL-REL-ASSESS", "CL-23CA-ASSESS")
SHOWN = 3


@dataclass(frozen=True)
class Kept:
    """One birthday's record in words."""

    record: BirthdayContact
    in_touch: str
    activity: str
    accommodation: str


def _in_words(record: BirthdayContact) -> Kept:
    return Kept(
        record,
        codelists.wording(kit.IN_TOUCH, record.in_touch),
        codelists.wording(kit.ACTIVITY, record.activity),
        codelists.wording(kit.ACCOMMODATION, record.accommodation),
    )


def leaving_care_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """The section's context; None for someone never looked after, or under 14."""
    if not care_for_page(person):
        return None
    status = leaver_status(person, clock.today())
    if status is None or status.age < FROM_AGE:
        return None
    kept = few.of(
        "leavers.birthdays",
        BirthdayContact,
        record_ids,
        lambda ids: BirthdayContact.objects.filter(person_id__in=ids).order_by("age"),
    )
    may_change = sections.may_change(user, person)
    due = timescales.due_for_page(record_ids)
    return {
        "person": person,
        "status": status,
        "adviser": sections.allocation_of(person, CaseRole.PERSONAL_ADVISER),
        "birthdays": [_in_words(k) for k in kept],
        "plan": latest_plan(person),
        "reviews": few.of(
            "leavers.reviews",
            PathwayReview,
            record_ids,
            lambda ids: PathwayReview.objects.filter(person_id__in=ids)[:SHOWN],
        ),
        "next_review": timescales.next_due_in(due, person.pk, REVIEW_RULE, person.pk),
        "assessment": latest_assessment(person),
        "booked": next_booking(person),
        "returning": latest_notice(person),
        "assessment_due": _first_due(due, person.pk, ASSESS_RULES),
        "may_plan": may_record_care(user) and may_change and status.age >= 16,
        "may_record": may_record_care(user) and may_change and status.age >= 17,
        "may_allocate": casework_rules.may_transfer(user) and may_change,
        **support(person, record_ids),
    }


def _first_due(
    due: list[Obligation], person_id: int, rule_ids: tuple[str, ...]
) -> dt.date | None:
    days = [timescales.next_due_in(due, person_id, r, person_id) for r in rule_ids]
    return min((d for d in days if d is not None), default=None)
