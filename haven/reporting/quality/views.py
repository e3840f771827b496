"""The data quality pages: every check counted at each month's end for the
period and team chosen (/reporting/quality/), and the records one check finds
at one month's end, each with the page where it is put right
(/reporting/quality/<check>/<month>/), downloadable as the dashboard's
children lists are."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.reporting import children, dashboard, downloads, scope
from haven.reporting.forms import PeriodForm, period_form
from haven.reporting.permissions import READERS, may_see_performance
from haven.reporting.quality import population
from haven.reporting.quality.checks import CHECKS
from haven.reporting.quality.listed import LISTED


def _asked(request: AuthenticatedRequest) -> tuple[PeriodForm, str]:
    if not may_see_performance(request.user):
        raise PermissionDenied("Your role does not include performance information")
    query = request.GET.copy()
    query.pop("format", None)
    query.pop("page", None)
    return period_form(query, dashboard.default_team(request.user)), query.urlencode()


@policy(Policy.ROLE, permission=READERS)
def index(request: AuthenticatedRequest) -> HttpResponse:
    form, query = _asked(request)
    context: dict[str, Any] = {"form": form, "query": query}
    if not form.errors:
        span, chosen = form.span(), scope.of_team(form.chosen_team())
        with population.shared():
            results = [check.figure.result(span, chosen) for check in LISTED]
        context |= {
            "span": span,
            "scope": chosen,
            "checks": list(zip(LISTED, results, strict=True)),
            "months": [
                (month, [(c, r.bars[i]) for c, r in zip(LISTED, results, strict=True)])
                for i, month in enumerate(span.months)
            ],
        }
    return render(request, "reporting/quality/index.html", context)


@policy(Policy.ROLE, permission=READERS)
def records(
    request: AuthenticatedRequest, key: str, bar: str
) -> HttpResponse | StreamingHttpResponse:
    form, query = _asked(request)
    check = CHECKS.get(key)
    if check is None or form.errors:
        raise Http404
    shown = children.behind_bar(request.user, check.figure, form, bar)
    export = request.GET.get("format", "")
    if export in downloads.FORMATS:
        name = f"quality-{check.key}-{bar}"
        return downloads.children_behind(request.user, shown, export, name, check.name)
    kept = [
        (k, v)
        for k, vs in request.GET.lists()
        if k not in ("format", "page")
        for v in vs
    ]
    day = next(m.last for m in form.span().months if m.key == bar)
    page = children.page_of(shown, request.GET.get("page"))
    context = {"query": query, "kept": kept, "check": check, "shown": shown, "day": day}
    context["page"] = page
    return render(request, "reporting/quality/records.html", context)
