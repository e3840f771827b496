"""What happens between a child's reviews: the IRO's visits to the child and
midway checks on the care plan, a review asked for early, and an IRO's
recommendation marked done by its owner. Each checks the user's role and
access, names every fault at once, writes and journals in one transaction.

Journal events:
  care.iro_visited_child            {"period", "contact", "on"}
  care.iro_midway_check_made        {"period", "contact", "on"}
  care.early_review_required        {"period", "asked_on", "reason"}
  care.review_recommendation_done   {"review", "recommendation", "done_on"}
  care.review_decisions_circulated  {"period", "review", "on"}
"""

import datetime as dt

from django.db import transaction

from haven.care import inputs, recording
from haven.care.models import IroContact, PeriodOfCare, Recommendation, Review
from haven.care.permissions import may_record_care, may_review_care
from haven.care.reviews.recording import in_period, may_review
from haven.core import access, journal, permissions
from haven.core.errors import DomainError, Failures
from haven.core.models import User

CONTACT_EVENTS = {
    IroContact.Kind.VISIT: "care.iro_visited_child",
    IroContact.Kind.MIDWAY: "care.iro_midway_check_made",
}


def _in_care(period: PeriodOfCare, day: dt.date | None, failures: Failures) -> None:
    if day is not None and not in_period(period, day):
        failures.add(
            "outside_care",
            f"The child was looked after from {inputs.words(period.started_on)}: "
            "choose a day while they were",
            field="on",
        )


def record_iro_contact(
    period: PeriodOfCare, *, kind: str, on: dt.date | None, notes: str, by: User
) -> IroContact:
    """The IRO visited or met the child, or checked midway between reviews
    how the care plan is going; a first visit meets LAC-IRO-APPT."""
    child = period.person
    may_review(by, child)
    failures = Failures()
    if kind not in IroContact.Kind.values:
        failures.add("kind_required", "Choose what you did", field="kind")
    on = inputs.past_date(
        on, field="on", what="of the visit or check", failures=failures
    )
    _in_care(period, on, failures)
    if not notes.strip():
        failures.add("notes_required", "Write what you found", field="notes")
    failures.raise_any()
    assert on is not None
    with transaction.atomic():
        contact = IroContact.objects.create(
            period=period, kind=kind, on=on, iro=by, notes=notes.strip()
        )
        journal.append(
            child,
            CONTACT_EVENTS[IroContact.Kind(kind)],
            {"period": period.pk, "contact": contact.pk, "on": on},
            by=by,
            occurred_at=recording.occurred(on),
        )
    return contact


def request_early_review(
    period: PeriodOfCare, *, asked_on: dt.date | None, reason: str, by: User
) -> None:
    """A review is wanted before its date (CPPCR reg 33(3)): the IRO asked,
    the placement no longer safeguards the child, or the care plan is to
    change significantly. The social worker or the IRO records it."""
    child = period.person
    if not (may_review_care(by) or may_record_care(by)):
        raise DomainError(
            "not_permitted", "Only the child's social worker or IRO asks for a review"
        )
    access.require_lasting_access(by, child)
    failures = Failures()
    asked_on = inputs.past_date(
        asked_on, field="on", what="the review was asked for", failures=failures
    )
    _in_care(period, asked_on, failures)
    if period.ended_on is not None:
        failures.add("period_ended", "The child is no longer looked after")
    if not reason.strip():
        failures.add(
            "reason_required", "Say why the review is needed early", field="reason"
        )
    failures.raise_any()
    assert asked_on is not None
    with transaction.atomic():
        journal.append(
            child,
            "care.early_review_required",
            {"period": period.pk, "asked_on": asked_on, "reason": reason.strip()},
            by=by,
            occurred_at=recording.occurred(asked_on),
        )


def may_complete(by: User, recommendation: Recommendation) -> bool:
    """Its owner marks it done; so may the IRO and a manager, who chase it."""
    return (
        recommendation.owner_id == by.pk
        or may_review_care(by)
        or permissions.may_manage_team_cases(by)
    )


def complete_recommendation(
    recommendation: Recommendation, *, on: dt.date | None, note: str, by: User
) -> Recommendation:
    """Mark one of the IRO's recommendations done, saying what was done."""
    review = recommendation.review
    child = review.period.person
    if not may_complete(by, recommendation):
        raise DomainError(
            "not_permitted",
            "Only the recommendation's owner, the IRO or a manager can mark it done",
        )
    access.require_lasting_access(by, child)
    failures = Failures()
    on = inputs.past_date(on, field="on", what="it was done", failures=failures)
    if on is not None and on < review.held_on:
        failures.add(
            "done_before_review",
            f"The review was held on {inputs.words(review.held_on)}: it cannot "
            "have been done before",
            field="on",
        )
    if not note.strip():
        failures.add("note_required", "Say what was done", field="note")
    with transaction.atomic():
        recommendation = Recommendation.objects.select_for_update().get(
            pk=recommendation.pk
        )
        if recommendation.done_on is not None:
            failures.add("already_done", "This recommendation is already done")
        failures.raise_any()
        assert on is not None
        recommendation.done_on, recommendation.done_by = on, by
        recommendation.done_note = note.strip()
        recommendation.save(update_fields=["done_on", "done_by", "done_note"])
        journal.append(
            child,
            "care.review_recommendation_done",
            {
                "review": review.pk,
                "recommendation": recommendation.pk,
                "done_on": on,
            },
            by=by,
            occurred_at=recording.occurred(on),
        )
    return recommendation


def record_decisions_circulated(
    review: Review, *, on: dt.date | None, by: User
) -> Review:
    """The review's decisions were sent to the child, parents, carers and
    professionals (LAC-IRO-RECORD): by the IRO, or the social worker for them."""
    child = review.period.person
    if not (may_review_care(by) or may_record_care(by)):
        raise DomainError(
            "not_permitted",
            "Only the child's IRO or social worker records the decisions sent",
        )
    access.require_lasting_access(by, child)
    failures = Failures()
    on = inputs.past_date(on, field="on", what="they were sent", failures=failures)
    if on is not None and on < review.held_on:
        failures.add(
            "before_review",
            f"The review was held on {inputs.words(review.held_on)}: the decisions "
            "were sent that day or later",
            field="on",
        )
    with transaction.atomic():
        review = Review.objects.select_for_update().get(pk=review.pk)
        if review.decisions_circulated_on is not None:
            failures.add("already_sent", "The decisions are recorded as sent already")
        failures.raise_any()
        assert on is not None
        review.decisions_circulated_on = on
        review.save(update_fields=["decisions_circulated_on"])
        journal.append(
            child,
            "care.review_decisions_circulated",
            {"period": review.period_id, "review": review.pk, "on": on},
            by=by,
            occurred_at=recording.occurred(on),
        )
    return review
