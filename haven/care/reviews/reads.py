"""Reads about a looked-after child's reviews: who their IRO is (a case role),
their reviews with the IRO's recommendations, the IRO's visits and midway
checks, the escalations, and when the next review is due (the timescale
engine's obligation, never counted here). Pages open the child's record
(access checked, the read logged) before they ask."""

import datetime as dt
from dataclasses import dataclass

from haven.care.models import Escalation, IroContact, Recommendation, Review
from haven.core import few
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation
from haven.people.models import Person
from haven.people.sections import allocation_of
from haven.timescales import selectors as timescales

REVIEW_RULES = ("LAC-REVIEW-1", "LAC-REVIEW-2", "LAC-REVIEW-N")


def iro_of(person: Person) -> Allocation | None:
    """The child's IRO now: the current allocation of the IRO's case role."""
    return allocation_of(person, CaseRole.IRO)


def reviews_of(record_ids: list[int]) -> list[Review]:
    """The child's reviews, newest first, each with its recommendations as
    `recommended` (read for the child at once, not review by review)."""
    reviews = few.of(
        "care.reviews.reviews",
        Review,
        record_ids,
        lambda ids: (
            Review.objects.filter(period__person_id__in=ids)
            .select_related("chair")
            .order_by("-held_on", "-number")
        ),
    )
    recommendations = few.of(
        "care.reviews.recommendations",
        Recommendation,
        record_ids,
        lambda ids: (
            Recommendation.objects.filter(review__period__person_id__in=ids)
            .select_related("owner")
            .order_by("due_on", "pk")
        ),
    )
    by_review: dict[int, list[Recommendation]] = {}
    for recommendation in recommendations:
        by_review.setdefault(recommendation.review_id, []).append(recommendation)
    for review in reviews:
        setattr(review, "recommended", by_review.get(review.pk, []))  # noqa: B010
    return reviews


def contacts_of(record_ids: list[int]) -> list[IroContact]:
    return few.of(
        "care.reviews.contacts",
        IroContact,
        record_ids,
        lambda ids: (
            IroContact.objects.filter(period__person_id__in=ids)
            .select_related("iro")
            .order_by("-on", "-pk")
        ),
    )


def escalations_of(record_ids: list[int]) -> list[Escalation]:
    return few.of(
        "care.reviews.escalations",
        Escalation,
        record_ids,
        lambda ids: (
            Escalation.objects.filter(period__person_id__in=ids)
            .select_related("raised_by")
            .order_by("-raised_on", "-pk")
        ),
    )


@dataclass(frozen=True)
class NextReview:
    rule_id: str
    due_on: dt.date


def next_review(
    person: Person, period_id: int, record_ids: list[int]
) -> NextReview | None:
    """The period's next review, as the engine holds it."""
    obligations = timescales.due_for_page(record_ids)
    due = [
        NextReview(rule_id, day)
        for rule_id in REVIEW_RULES
        if (day := timescales.next_due_in(obligations, person.pk, rule_id, period_id))
        is not None
    ]
    return min(due, key=lambda n: n.due_on) if due else None
