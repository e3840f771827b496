"""Assessments waiting for a manager's authorisation, on the manager's My work."""

from collections.abc import Sequence

from haven.assessments import permissions as rules
from haven.assessments.selectors import submitted_in_teams
from haven.core import access
from haven.core.links import link
from haven.core.models import User
from haven.core.work import WorkItem
from haven.timescales import selectors as timescales

SOURCE = "Working Together 2023 ch.3: a manager authorises the assessment"


def assessments_to_authorise(workers: Sequence[User]) -> list[WorkItem]:
    """For each manager among the workers, the submitted assessments of the
    cases their teams hold (not their own), in two queries however many
    managers a service manager's team view asks about. Which of them a reader
    may open is the queue's to decide (`items_for`, `access_filtered`)."""
    managers = [w for w in workers if rules.may_manage_assessments(w)]
    teams = {m.pk: access.managed_team_ids(m) for m in managers}
    everyone = set().union(*teams.values())
    submitted = list(
        submitted_in_teams(everyone)
        .select_related("person")
        .order_by("submitted_at", "pk")
    )
    due = timescales.due_dates("ASSESS-CF", [(a.person_id, a.pk) for a in submitted])
    return [
        WorkItem(
            worker_id=manager.pk,
            kind="Assessment to authorise",
            title="Authorise or return the single assessment",
            url=link("assessments:detail", assessment.pk),
            due_on=due.get((assessment.person_id, str(assessment.pk))),
            person_id=assessment.person_id,
            person_name=assessment.person.full_name,
            source=SOURCE,
        )
        for manager in managers
        for assessment in submitted
        if assessment.holding_team in teams[manager.pk]  # type: ignore[attr-defined]
        and assessment.submitted_by_id != manager.pk
    ]
