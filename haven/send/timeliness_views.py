"""The EHC plan timeliness report: each month's final plans and how many came
within 20 weeks, each figure opening onto the children behind it (named only
to a reader who may see them named; linked only where the reader may open the
request)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from haven.core import access as record_access
from haven.core import clock
from haven.core.http import AuthenticatedRequest
from haven.core.params import bounded
from haven.core.permissions import may_view_performance
from haven.core.route_policy import Policy, policy
from haven.send import access, permissions, timeliness

READERS = "core.manage_ehc_plans or core.view_performance"


@policy(Policy.ROLE, permission=READERS)
def report(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not (permissions.may_manage_ehc(user) or may_view_performance(user)):
        raise PermissionDenied("Your role does not include SEND performance")
    today = clock.today()
    # EHC plans began in September 2014 (the Children and Families Act 2014).
    year = bounded(request.GET.get("year"), today.year, low=2014, high=today.year)
    months, whole = timeliness.year(year)
    context = {
        "year": year,
        "months": months,
        "whole": whole,
        "this_year": today.year,
        **_behind(request, months, whole),
    }
    return render(request, "send/timeliness.html", context)


def _behind(
    request: AuthenticatedRequest,
    months: list[timeliness.Period],
    whole: timeliness.Period,
) -> dict[str, object]:
    """The children behind the figure asked for, if one is."""
    figure = request.GET.get("figure", "")
    if figure not in timeliness.FIGURES:
        return {}
    month = bounded(request.GET.get("month"), 0, low=0, high=12)
    period = months[month - 1] if month else whole
    rows = [p for p in period.plans if p.counts_as(figure)]
    ids = {p.plan.person_id for p in rows}
    unnamed = record_access.unnamed_for(request.user, ids)
    return {
        "figure": timeliness.FIGURES[figure],
        "period": period,
        "rows": [p for p in rows if p.plan.person_id not in unnamed],
        "unnamed": sum(1 for p in rows if p.plan.person_id in unnamed),
        "linked": access.held_among(request.user, ids),
    }
