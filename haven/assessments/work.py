"""Assessments waiting for a manager's authorisation, on the manager's My work."""

from collections.abc import Sequence

from django.urls import reverse

from haven.assessments.selectors import awaiting_authorisation, due_on
from haven.core.models import User
from haven.core.work import WorkItem


def assessments_to_authorise(workers: Sequence[User]) -> list[WorkItem]:
    """For each manager among the workers, the submitted assessments they may
    authorise (a manager's team view asks for only a few managers)."""
    items = []
    managers = User.objects.filter(
        pk__in=[w.pk for w in workers],
        groups__permissions__codename="manage_team_cases",
    ).distinct()
    for manager in managers:
        for assessment in awaiting_authorisation(manager):
            items.append(
                WorkItem(
                    worker_id=manager.pk,
                    kind="Assessment to authorise",
                    title="Authorise or return the single assessment",
                    url=reverse("assessments:detail", args=[assessment.pk]),
                    due_on=due_on(assessment),
                    person_id=assessment.person_id,
                    person_name=assessment.person.full_name,
                    source="Working Together 2023 ch.3: a manager authorises the "
                    "assessment",
                )
            )
    return items
