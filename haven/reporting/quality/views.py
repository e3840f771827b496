"""The data quality pages: every check counted at each month's end for the
period and team chosen (/reporting/quality/; the counts are kept once worked
out, kept.py, drawn by counts/ and forgotten by again/), and the records one
check finds at one month's end, each with the page where it is put right
(/reporting/quality/<check>/<month>/), downloadable as the dashboard's
children lists are."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.reporting import children, dashboard, downloads, panels, scope
from haven.reporting.forms import PeriodForm, period_form
from haven.reporting.permissions import READERS, may_see_performance
from haven.reporting.quality import kept as keeping
from haven.reporting.quality.checks import CHECKS


def _allowed(request: AuthenticatedRequest) -> None:
    if not may_see_performance(request.user):
        raise PermissionDenied("Your role does not include performance information")


def _asked(request: AuthenticatedRequest) -> tuple[PeriodForm, str]:
    _allowed(request)
    query = request.GET.copy()
    query.pop("format", None)
    query.pop("page", None)
    return period_form(query, dashboard.default_team(request.user)), query.urlencode()


@policy(Policy.ROLE, permission=READERS)
def index(request: AuthenticatedRequest) -> HttpResponse:
    """The page itself: the counts as kept (kept.py) drawn in place, or loaded
    by htmx once worked out, so the page answers at once."""
    form, query = _asked(request)
    context: dict[str, Any] = {"form": form, "query": query}
    if not form.errors:
        span, chosen = form.span(), scope.of_team(form.chosen_team())
        written = panels.query_of(span, chosen)
        context |= {
            "span": span,
            "scope": chosen,
            "kept": keeping.kept(span, chosen),
            "counts_url": f"{reverse('reporting:quality_counts')}?{written}",
            "again": panels.fields_of(span, chosen),
            "fresh": panels.fresh_minutes(),
        }
    return render(request, "reporting/quality/index.html", context)


@policy(Policy.ROLE, permission=READERS)
def counts(request: AuthenticatedRequest) -> HttpResponse:
    """The counts, as kept or worked out now: their markup alone for htmx, or
    a page of their own for a browser without JavaScript."""
    form, _ = _asked(request)
    if form.errors:
        raise Http404
    span, chosen = form.span(), scope.of_team(form.chosen_team())
    worked = keeping.worked_out(span, chosen)
    context = {"span": span, "scope": chosen, "fresh": panels.fresh_minutes()}
    context["written"] = panels.query_of(span, chosen)
    return panels.answered(request, worked, "reporting/quality/counts.html", context)


@policy(Policy.ROLE, permission=READERS)
@require_POST
def work_out_again(request: AuthenticatedRequest) -> HttpResponse:
    """Forget the kept counts for the period and team: the page then works
    them out again from the records as they stand now."""
    _allowed(request)
    return panels.forgotten(request, keeping.forget, "reporting:quality")


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
