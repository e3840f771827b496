"""Early help family plan actions on the My work page."""

from collections.abc import Sequence

from haven.core.links import link
from haven.core.models import User
from haven.core.work import WorkItem
from haven.earlyhelp.models import PlanAction


def early_help_actions(workers: Sequence[User]) -> list[WorkItem]:
    """Open family plan actions the workers follow up: one query for them all."""
    actions = (
        PlanAction.objects.filter(
            owner__in=workers,
            done_on__isnull=True,
            plan__request__closed_on__isnull=True,
        )
        .select_related("plan__request__person")
        .order_by("by_when", "pk")
    )
    items = []
    for action in actions:
        person = action.plan.request.person
        assert action.owner_id is not None
        items.append(
            WorkItem(
                worker_id=action.owner_id,
                kind="Family plan action",
                title=f"{action.action} ({action.who})",
                url=link("earlyhelp:person", person.pk),
                due_on=action.by_when,
                person_id=person.pk,
                person_name=person.full_name,
                source="The family plan",
            )
        )
    return items
