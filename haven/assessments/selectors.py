"""Reads about single assessments."""

import datetime as dt

from django.db.models import F, QuerySet

from haven.assessments import permissions as rules
from haven.assessments.codes import Status
from haven.assessments.models import Assessment
from haven.core import access, clock
from haven.core.caseroles import CaseRole
from haven.core.models import Team, User
from haven.core.selectors import current_allocation
from haven.people import selectors as people
from haven.people.models import Person
from haven.timescales import selectors as timescales


def due_on(assessment: Assessment) -> dt.date | None:
    """When the assessment is due: the date the timescales engine holds for it
    (ASSESS-CF), the one answer every page and check shares, local settings of
    the rule included. None for an assessment the engine holds no duty for."""
    return timescales.due_on(assessment.person_id, "ASSESS-CF", assessment.pk)


def is_late(assessment: Assessment) -> bool:
    due = due_on(assessment)
    return due is not None and clock.today() > due


def assessment_for(user: User, pk: int, *, what: str, route: str = "") -> Assessment:
    """Open an assessment for a page, its child's read logged: DoesNotExist for
    an unknown id and (Person.DoesNotExist) for a child hidden from the user, so
    both look the same; AccessDenied for a child they may not open."""
    assessment = (
        Assessment.objects.select_related(
            "episode", "person", "submitted_by", "authorised_by"
        )
        .prefetch_related("returns__returned_by")
        .get(pk=pk)
    )
    people.person_for(user, assessment.person_id, what=what, route=route)
    return assessment


def holding_team(assessment: Assessment) -> Team | None:
    """The team that holds the child's case now."""
    current = current_allocation(assessment.person_id)
    return current.team if current else None


def manages_the_case(user: User, assessment: Assessment) -> bool:
    """Whether the user manages the team holding the child's case, directly or
    from a service above it: only they may authorise or return its assessment."""
    if not rules.may_manage_assessments(user):
        return False
    team = holding_team(assessment)
    return team is not None and team.pk in access.managed_team_ids(user)


def submitted_in_teams(team_ids: set[int]) -> QuerySet[Assessment]:
    """Submitted assessments of the cases these teams hold now, each with the
    team holding it (`holding_team`)."""
    # A closed episode's assessment can no longer be authorised. One filter()
    # call, so both conditions are on the same (current) allocation.
    return Assessment.objects.filter(
        status=Status.SUBMITTED,
        episode__closed_on__isnull=True,
        person__allocations__ended_on__isnull=True,
        person__allocations__role=CaseRole.SOCIAL_WORKER,
        person__allocations__team_id__in=team_ids,
    ).annotate(holding_team=F("person__allocations__team_id"))


def awaiting_authorisation(manager: User) -> QuerySet[Assessment]:
    """Submitted assessments the manager may authorise, oldest first: of children
    whose case a team they manage holds, and whose record they may open."""
    submitted = submitted_in_teams(access.managed_team_ids(manager)).exclude(
        submitted_by=manager
    )
    if not submitted.exists():
        return submitted  # nothing waiting: no need to work out access at all
    # The few submitted assessments first, then access: not access over everyone.
    children = Person.objects.filter(pk__in=submitted.values("person_id"))
    return (
        submitted.filter(person__in=access.visible_people(manager, children))
        .select_related("person", "episode", "submitted_by")
        .order_by("submitted_at", "pk")
    )
