"""Register items on work queues: merges waiting for a holding team's manager."""

from collections.abc import Sequence

from django.urls import reverse

from haven.core.models import User
from haven.core.work import WorkItem
from haven.people import merging, services
from haven.people.models import MergeRequest, Person


def _held_side(request: MergeRequest) -> Person:
    """The record the manager's team holds: the one the item is about."""
    if request.holding_team_id in services.holding_teams(request.duplicate):
        return request.duplicate
    return request.into


def merge_requests(workers: Sequence[User]) -> list[WorkItem]:
    """For managers: merges another team asked for that wait for their agreement."""
    managers = User.objects.filter(
        pk__in=[w.pk for w in workers], managed_teams__isnull=False
    ).distinct()
    items = []
    for manager in managers:
        for request in merging.pending_for(manager).select_related("duplicate", "into"):
            held = _held_side(request)
            items.append(
                WorkItem(
                    worker_id=manager.pk,
                    kind="Merge request",
                    title="Agree to or decline a merge of a record your team holds",
                    url=reverse("people:merge_request", args=[request.pk]),
                    person_id=held.pk,
                    person_name=held.full_name,
                    source=f"Asked for by {request.requested_by}",
                )
            )
    return items
