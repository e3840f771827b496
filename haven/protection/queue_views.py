"""The chair's queue, and the chairs' workload for their manager."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render

from haven.core import clock
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.protection import chair_queue, chair_work
from haven.protection.permissions import may_chair_conferences, may_see_chairs_workload


def _page(
    request: AuthenticatedRequest, queue: chair_queue.ChairQueue, mine: bool
) -> HttpResponse:
    today = clock.today()
    return render(
        request,
        "protection/chair_queue.html",
        {
            "queue": queue,
            "mine": mine,
            "today": today,
            "window_end": chair_work.window_end(today),
            "window": chair_work.WINDOW,
        },
    )


@policy(Policy.ROLE, permission="core.chair_conferences")
def my_conferences(request: AuthenticatedRequest) -> HttpResponse:
    if not may_chair_conferences(request.user):
        raise PermissionDenied("Only child protection chairs have a conference queue")
    [queue] = chair_queue.queues([request.user], request.user)
    return _page(request, queue, mine=True)


def _may_see_workload(request: AuthenticatedRequest) -> None:
    if not may_see_chairs_workload(request.user):
        raise PermissionDenied("Only the chairs' manager sees their workload")


@policy(Policy.ROLE, permission="core.chair_conferences")
def chairs(request: AuthenticatedRequest) -> HttpResponse:
    _may_see_workload(request)
    chairs = chair_queue.chairs_managed_by(request.user)
    return render(
        request,
        "protection/chairs.html",
        {
            "queues": chair_queue.queues(chairs, request.user),
            "unchaired": chair_queue.unchaired(),
            "window": chair_work.WINDOW,
        },
    )


@policy(Policy.ROLE, permission="core.chair_conferences")
def chair(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _may_see_workload(request)
    chosen = [c for c in chair_queue.chairs_managed_by(request.user) if c.pk == pk]
    if not chosen:
        raise Http404
    [queue] = chair_queue.queues(chosen, request.user)
    return _page(request, queue, mine=False)
