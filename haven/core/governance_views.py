"""The information governance report page."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from haven.core import alerts, governance, permissions
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy


@policy(Policy.ROLE, permission="core.review_access")
def information_governance(request: AuthenticatedRequest) -> HttpResponse:
    if not permissions.may_review_access(request.user):
        raise PermissionDenied("Only the information governance lead sees this report")
    context = {
        # Counted before they are marked seen: the banner says what is new now.
        "new_bursts": alerts.new_for(request.user),
        "bursts": governance.bursts(),
        "denials": governance.recent_denials(),
        "uses": governance.recent_break_glass(),
        "days": governance.REPORT_DAYS,
        "denials_burst": settings.HAVEN_DENIALS_BURST,
        "break_glass_burst": settings.HAVEN_BREAK_GLASS_BURST,
    }
    response = render(request, "core/information_governance.html", context)
    alerts.mark_seen(request.user)
    return response
