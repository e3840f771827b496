"""Register items on work queues: merges waiting for a holding team's manager."""

from collections.abc import Sequence

from haven.core import access
from haven.core.links import link
from haven.core.models import Allocation, User
from haven.core.work import WorkItem
from haven.people import merging
from haven.people import permissions as rules
from haven.people.models import MergeRequest, Person


def _held_sides(requests: list[MergeRequest]) -> dict[int, Person]:
    """For each request, the record the holding team holds (the one the item is
    about): the duplicate if that team holds it now, else the record it joins.
    One query for every request."""
    held = set(
        Allocation.objects.filter(
            person__in=[r.duplicate_id for r in requests], ended_on__isnull=True
        ).values_list("person_id", "team_id")
    )
    return {
        r.pk: r.duplicate if (r.duplicate_id, r.holding_team_id) in held else r.into
        for r in requests
    }


def merge_requests(workers: Sequence[User]) -> list[WorkItem]:
    """For managers: merges another team asked for that wait for their agreement."""
    managers = [w for w in workers if rules.may_agree_merges(w)]
    teams = {m.pk: access.managed_team_ids(m) for m in managers}
    requests = list(
        merging.pending_in(set().union(*teams.values())).select_related(
            "duplicate", "into"
        )
    )
    sides = _held_sides(requests)
    return [
        WorkItem(
            worker_id=manager.pk,
            kind="Merge request",
            title="Agree to or decline a merge of a record your team holds",
            url=link("people:merge_request", request.pk),
            person_id=sides[request.pk].pk,
            person_name=sides[request.pk].full_name,
            source=f"Asked for by {request.requested_by}",
        )
        for manager in managers
        for request in requests
        if request.holding_team_id in teams[manager.pk]
    ]
