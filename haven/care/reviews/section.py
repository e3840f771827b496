"""The "Reviews" section of a looked-after child's page: the child's IRO (a
case role), when the next review is due (from the timescale engine), the
reviews with the IRO's recommendations, the IRO's visits and midway checks,
and the escalations."""

from typing import Any

from haven.care import selectors
from haven.care.permissions import may_record_care, may_review_care
from haven.care.reviews import reads
from haven.core.models import User
from haven.people import sections
from haven.people.models import Person
from haven.timescales.catalogue import rule
from haven.timescales.queue import why_words

SHOWN = 5


def reviews_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """The section's context; None for a child never looked after."""
    cares = selectors.care_for_page(person)
    if not cares:
        return None
    current = cares[0].period if cares[0].period.is_open else None
    following = reads.next_review(person, current.pk, record_ids) if current else None
    reviews = reads.reviews_of(record_ids)
    may_change = sections.may_change(user, person)
    return {
        "person": person,
        "current": current,
        "iro": reads.iro_of(person),
        "next": following,
        "next_words": rule(following.rule_id).description if following else "",
        "next_why": why_words(following.rule_id) if following else "",
        "reviews": reviews[:SHOWN],
        "more": max(len(reviews) - SHOWN, 0),
        "contacts": reads.contacts_of(record_ids)[:SHOWN],
        "escalations": reads.escalations_of(record_ids),
        "may_review": may_review_care(user) and may_change,
        "may_ask": (may_review_care(user) or may_record_care(user)) and may_change,
        "user_id": user.pk,
    }
