"""The pages of the capabilities built on the core, chosen from the large
authority: a child's child protection plan and the chairs' queues (issue 13),
the whereabouts board today and as at a past day (issue 14).

Each is the heaviest of its kind the authority holds for a realistic user: the
open plan with the most concerns, the chair with the most conferences, the
worker with the most looked-after children. A capability the authority holds
no records of yet gives no page (printed, not measured).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from bench.budgets import SERVICE_MANAGER, WORKER

BOARD = "/looked-after/whereabouts/"
A_YEAR = dt.timedelta(days=365)


@dataclass(frozen=True)
class Page:
    label: str
    kind: str  # the budget's key with the audience (bench/budgets.py)
    url: str
    query: dict[str, Any]
    users: tuple[tuple[Any, str], ...]  # (user, audience)


def pages(service_manager: Any) -> list[Page]:
    return [*_protection(service_manager), *_board(service_manager)]


def _protection(service_manager: Any) -> list[Page]:
    from haven.core.models import Allocation, User
    from haven.protection.models import ChildProtectionPlan, Conference

    plan = (
        ChildProtectionPlan.objects.filter(ended_on=None)
        .annotate(written=Count("concerns"))
        .order_by("-written", "-pk")
        .first()
    )
    found = []
    if plan is None:
        print("no open child protection plan: its page is not measured")
    else:
        holder = _holder(Allocation, plan.person_id)
        found.append(
            Page(
                "a child's CP plan",
                "page",
                f"/child-protection/plans/{plan.pk}/",
                {},
                ((holder, WORKER), (service_manager, SERVICE_MANAGER)),
            )
        )
    busiest = (
        Conference.objects.values("chair")
        .annotate(held=Count("pk"))
        .order_by("-held", "chair")
        .first()
    )
    if busiest is None:
        print("no conference: the chair's queue is not measured")
        return found
    chair = User.objects.get(pk=busiest["chair"])
    found.append(
        Page(
            "chair's queue",
            "page",
            "/child-protection/conferences/",
            {},
            ((chair, WORKER),),
        )
    )
    lead = chair.team.managers.first() if chair.team else None
    if lead is None:
        print("the chairs' team has no manager: their workload is not measured")
    else:
        found.append(
            Page(
                "chairs' workload",
                "page",
                "/child-protection/chairs/",
                {},
                ((lead, SERVICE_MANAGER),),
            )
        )
    return found


def _holder(allocations: Any, person: int) -> Any:
    held = allocations.objects.filter(person=person, ended_on=None)
    return held.select_related("worker").order_by("pk").first().worker


def _board(service_manager: Any) -> list[Page]:
    from haven.care.models import PeriodOfCare
    from haven.core import clock
    from haven.core.models import Allocation, User

    in_care = PeriodOfCare.objects.filter(ended_on=None).values("person")
    busiest = (
        Allocation.objects.filter(
            ended_on=None,
            person__in=in_care,
            worker__groups__name="Social worker",
        )
        .values("worker")
        .annotate(children=Count("person", distinct=True))
        .order_by("-children", "worker")
        .first()
    )
    if busiest is None:
        print("no looked-after child: the whereabouts board is not measured")
        return []
    worker = User.objects.get(pk=busiest["worker"])
    users = ((worker, WORKER), (service_manager, SERVICE_MANAGER))
    past = clock.today() - A_YEAR
    day = {"day_day": past.day, "day_month": past.month, "day_year": past.year}
    return [
        Page("whereabouts board", "board", BOARD, {}, users),
        Page("whereabouts a year ago", "board (a past day)", BOARD, day, users),
    ]
