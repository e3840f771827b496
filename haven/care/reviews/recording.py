"""Recording a looked-after child's review: the IRO who chaired it, the
child's participation, who attended, and the IRO's recommendations, each an
action with an owner and the date the IRO set. Checks the user's role and
access, names every fault at once, writes and journals in one transaction.

Reviews are recorded in the order they were held: the first and the second
decide when the next is due (CPPCR reg 33), so the journal says which one
each is, and that must not change when a review is recorded later.

Journal events (each with "period", the key of the review timescales):
  care.review_held         {"period", "review", "number", "held_on",
                            "participation", "recommendations"}
  care.first_review_held   {"period", "review"}  (after care.review_held)
  care.second_review_held  {"period", "review"}  (after care.review_held)
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from haven.care import inputs, recording
from haven.care.models import PeriodOfCare, Recommendation, Review
from haven.care.permissions import may_review_care
from haven.care.reviews.codes import UNDER_FOUR, Participation
from haven.care.reviews.owners import eligible_owners
from haven.core import access, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.people.lifestage import age_on
from haven.people.models import Person

# The events that say which review it was, after care.review_held.
ORDINAL_EVENTS = {1: "care.first_review_held", 2: "care.second_review_held"}


@dataclass(frozen=True)
class NewRecommendation:
    """A recommendation the IRO made: what, who will do it and by when."""

    description: str
    owner: User | None
    due_on: dt.date | None

    @property
    def is_blank(self) -> bool:
        """A row of the form left empty: no recommendation."""
        return not (self.description.strip() or self.owner or self.due_on)


def may_review(by: User, child: Person) -> None:
    """Refuse a user who may not record the child's reviews."""
    if not may_review_care(by):
        raise DomainError(
            "not_permitted", "Only an independent reviewing officer records reviews"
        )
    access.require_lasting_access(by, child)


def in_period(period: PeriodOfCare, day: dt.date) -> bool:
    return period.started_on <= day and (
        period.ended_on is None or day <= period.ended_on
    )


def record_review(
    period: PeriodOfCare,
    *,
    held_on: dt.date | None,
    participation: str,
    attended: str,
    recommendations: Sequence[NewRecommendation] = (),
    by: User,
) -> Review:
    """The IRO records the review they chaired (by is the chair)."""
    child = period.person
    may_review(by, child)
    failures = Failures()
    held_on = _check_review(period, held_on, participation, attended, failures)
    owners = set(eligible_owners(child).values_list("pk", flat=True))
    checked = [
        _check_recommendation(i, r, held_on, owners, failures)
        for i, r in enumerate(recommendations)
        if not r.is_blank
    ]
    with transaction.atomic():
        period = recording.locked(period)
        last = Review.objects.filter(period=period).order_by("-number").first()
        if last is not None and held_on is not None and held_on <= last.held_on:
            failures.add(
                "before_last_review",
                f"The last review was held on {inputs.words(last.held_on)}: record "
                "reviews in the order they were held",
                field="held_on",
            )
        failures.raise_any()
        assert held_on is not None
        review = Review.objects.create(
            period=period,
            number=(last.number + 1) if last else 1,
            held_on=held_on,
            chair=by,
            participation=participation,
            attended=attended.strip(),
            recorded_by=by,
        )
        made = Recommendation.objects.bulk_create(
            Recommendation(review=review, description=d, owner=o, due_on=due)
            for d, o, due in (c for c in checked if c is not None)
        )
        _journal(child, review, [r.pk for r in made], by)
    return review


def _check_review(
    period: PeriodOfCare,
    held_on: dt.date | None,
    participation: str,
    attended: str,
    failures: Failures,
) -> dt.date | None:
    held_on = inputs.past_date(
        held_on, field="held_on", what="the review was held", failures=failures
    )
    if held_on is not None and not in_period(period, held_on):
        failures.add(
            "outside_care",
            f"The child was looked after from {inputs.words(period.started_on)}: "
            "a review is held while they are",
            field="held_on",
        )
    _check_participation(period.person, participation, held_on, failures)
    if not attended.strip():
        failures.add(
            "attended_required", "Say who attended the review", field="attended"
        )
    return held_on


def _journal(child: Person, review: Review, made: list[int], by: User) -> None:
    period, occurred = review.period_id, recording.occurred(review.held_on)
    journal.append(
        child,
        "care.review_held",
        {
            "period": period,
            "review": review.pk,
            "number": review.number,
            "held_on": review.held_on,
            "participation": review.participation,
            "recommendations": made,
        },
        by=by,
        occurred_at=occurred,
    )
    ordinal = ORDINAL_EVENTS.get(review.number)
    if ordinal is not None:
        payload = {"period": period, "review": review.pk}
        journal.append(child, ordinal, payload, by=by, occurred_at=occurred)


def _check_participation(
    child: Person, code: str, held_on: dt.date | None, failures: Failures
) -> None:
    if code not in Participation.values:
        failures.add(
            "participation_required",
            "Choose how the child took part in the review",
            field="participation",
        )
        return
    age = age_on(child, held_on) if held_on is not None else None
    if age is None:
        return
    under_four = age < 4
    # SSDA903 rules 440 and 441: PN0 for a child under 4, and only for them.
    if under_four and code != UNDER_FOUR:
        failures.add(
            "participation_under_four",
            "The child was under 4 at the review: choose PN0",
            field="participation",
        )
    if not under_four and code == UNDER_FOUR:
        failures.add(
            "participation_not_under_four",
            "PN0 is only for a child under 4 at the review: choose how the "
            "child took part",
            field="participation",
        )


def _check_recommendation(
    index: int,
    new: NewRecommendation,
    held_on: dt.date | None,
    owners: set[int],
    failures: Failures,
) -> tuple[str, User, dt.date] | None:
    """The recommendation's fields once all are sound; each fault is added
    against its own field."""
    prefix, n = f"rec{index}-", index + 1
    found = Failures()
    if not new.description.strip():
        found.add(
            "recommendation_required",
            f"Enter recommendation {n}",
            field=prefix + "description",
        )
    if new.owner is None or new.owner.pk not in owners:
        found.add(
            "recommendation_owner_required",
            f"Choose who will carry out recommendation {n}: a worker on the "
            "child's case or in their team",
            field=prefix + "owner",
        )
    if new.due_on is None:
        found.add(
            "recommendation_due_required",
            f"Enter when recommendation {n} is due",
            field=prefix + "due_on",
        )
    elif held_on is not None and new.due_on < held_on:
        found.add(
            "recommendation_due_before_review",
            f"Recommendation {n} cannot be due before the review",
            field=prefix + "due_on",
        )
    with failures.gather():
        found.raise_any()
    if found or new.owner is None or new.due_on is None:
        return None
    return (new.description.strip(), new.owner, new.due_on)
