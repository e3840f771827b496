"""The pages of a social worker's day (issue 15): the home page, which is
their caseload, the caseload as a service manager sees it for that worker,
and the visits calendar, the worker's own and their team's.

The worker is the social worker with the largest caseload in the authority
(an early help worker's cases are their queue's, not a caseload): the heaviest
home page a worker opens.
"""

from typing import Any

from django.db.models import Count

from bench.budgets import SERVICE_MANAGER, WORKER
from bench.domain_pages import Page


def pages(service_manager: Any) -> list[Page]:
    from haven.core.caseroles import CaseRole
    from haven.core.models import Allocation, User

    busiest = (
        Allocation.objects.filter(
            ended_on=None,
            role=CaseRole.SOCIAL_WORKER,
            worker__groups__permissions__codename="record_casework",
        )
        .values("worker")
        .annotate(held=Count("pk"))
        .order_by("-held", "worker")
        .first()
    )
    if busiest is None:
        print("no allocated child: the caseload pages are not measured")
        return []
    worker = User.objects.get(pk=busiest["worker"])
    print(f"largest caseload: {busiest['held']} children ({worker.username})")
    return [
        Page("home page: caseload", "page", "/", {}, ((worker, WORKER),)),
        Page(
            "caseload of a worker",
            "page",
            "/casework/caseload/",
            {"worker": str(worker.pk)},
            ((service_manager, SERVICE_MANAGER),),
        ),
        Page("visits calendar", "page", "/casework/visits/", {}, ((worker, WORKER),)),
        Page(
            "team's visits calendar",
            "page",
            "/casework/visits/",
            {"who": "team"},
            ((worker, WORKER),),
        ),
    ]
