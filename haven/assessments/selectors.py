"""Reads about single assessments."""

import datetime as dt

from django.db.models import QuerySet

from haven.assessments.codes import Status
from haven.assessments.models import Assessment
from haven.core import access
from haven.core.models import User
from haven.people.models import Person
from haven.timescales.catalogue import rule


def due_on(assessment: Assessment) -> dt.date:
    """45 working days from the point of referral (Working Together 2023 ch.3)."""
    deadline = rule("ASSESS-CF").deadline
    assert deadline is not None
    return deadline.due_from(assessment.episode.referral_date)


def assessment_with_detail(pk: int) -> Assessment:
    return (
        Assessment.objects.select_related(
            "episode", "person", "submitted_by", "authorised_by"
        )
        .prefetch_related("returns__returned_by")
        .get(pk=pk)
    )


def awaiting_authorisation(manager: User) -> QuerySet[Assessment]:
    """Submitted assessments of children the manager may open, oldest first."""
    # A closed episode's assessment can no longer be authorised.
    submitted = Assessment.objects.filter(
        status=Status.SUBMITTED, episode__closed_on__isnull=True
    ).exclude(submitted_by=manager)
    if not submitted.exists():
        return submitted  # nothing waiting: no need to work out access at all
    # The few submitted assessments first, then access: not access over everyone.
    children = Person.objects.filter(pk__in=submitted.values("person_id"))
    return (
        submitted.filter(person__in=access.visible_people(manager, children))
        .select_related("person", "episode", "submitted_by")
        .order_by("submitted_at", "pk")
    )
