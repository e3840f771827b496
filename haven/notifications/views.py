"""The user's own notifications: the list, and marking them read."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from haven.core.errors import DomainError
from haven.core.http import AuthenticatedRequest
from haven.core.paging import uncounted_page
from haven.core.params import page_number
from haven.core.route_policy import Policy, policy
from haven.notifications import selectors, services, words

PAGE_SIZE = 25


@policy(Policy.STAFF)
def notification_list(request: AuthenticatedRequest) -> HttpResponse:
    page = uncounted_page(
        selectors.notifications_of(request.user), request.GET.get("page"), PAGE_SIZE
    )
    context = {
        "page": page,
        "rows": words.shown_to(request.user, page.object_list),
    }
    return render(request, "notifications/list.html", context)


def _back(request: AuthenticatedRequest) -> HttpResponse:
    page = page_number(request.POST.get("page"))
    url = reverse("notifications:list")
    return redirect(f"{url}?page={page}" if page > 1 else url)


@policy(Policy.STAFF)
@require_POST
def mark_read(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    try:
        services.mark_read(pk, by=request.user)
    except DomainError as err:
        raise Http404(err.message) from err
    messages.success(request, "Notification marked as read")
    return _back(request)


@policy(Policy.STAFF)
@require_POST
def mark_all_read(request: AuthenticatedRequest) -> HttpResponse:
    marked = services.mark_all_read(by=request.user)
    messages.success(
        request, f"{marked} notification{'' if marked == 1 else 's'} marked as read"
    )
    return _back(request)
