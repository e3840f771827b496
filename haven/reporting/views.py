"""The performance pages: the dashboard (/reporting/), one figure with its
downloads (/reporting/<figure>/), and the children behind one of its bars
(/reporting/<figure>/<bar>/), each for the period and team chosen."""

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
from haven.reporting import (
    charts,
    children,
    comparisons,
    dashboard,
    downloads,
    panels,
    scope,
    tables,
)
from haven.reporting.figures import FIGURES, Figure, Result
from haven.reporting.forms import PeriodForm, period_form
from haven.reporting.permissions import READERS, may_see_performance


def _allowed(request: AuthenticatedRequest) -> None:
    if not may_see_performance(request.user):
        raise PermissionDenied("Your role does not include performance information")


def _choice(request: AuthenticatedRequest) -> tuple[PeriodForm, str]:
    """The form as asked, and the query string its links carry on."""
    query = request.GET.copy()
    query.pop("format", None)
    query.pop("page", None)
    form = period_form(query, dashboard.default_team(request.user))
    return form, query.urlencode()


def _kept(request: AuthenticatedRequest) -> list[tuple[str, str]]:
    """The choice, as the download buttons' form sends it again. The downloads
    are buttons, not links: a link a bar would multiply every page a crawl or
    a prefetching browser follows by three."""
    return [
        (key, value)
        for key, values in request.GET.lists()
        if key not in ("format", "page")
        for value in values
    ]


def href_for(query: str) -> charts.Href:
    def href(figure: str, bar: str) -> str:
        url = reverse("reporting:children", args=[figure, bar])
        return f"{url}?{query}" if query else url

    return href


@policy(Policy.ROLE, permission=READERS)
def index(request: AuthenticatedRequest) -> HttpResponse:
    """The page itself: the panels kept (panels.py) drawn in place, the rest
    each loaded on its own by htmx, so the page answers at once."""
    _allowed(request)
    form, query = _choice(request)
    context: dict[str, Any] = {"form": form, "query": query}
    if not form.errors:
        span, chosen = form.span(), scope.of_team(form.chosen_team())
        found = panels.kept(span, chosen)
        written = panels.query_of(span, chosen)
        context |= {
            "span": span,
            "scope": chosen,
            "again": panels.fields_of(span, chosen),
            "fresh": panels.fresh_minutes(),
            "oldest": min((w.at for w in found.values()), default=None),
            "panels": [
                {
                    "panel": panel,
                    "kept": found.get(panel.key),
                    "url": f"{reverse('reporting:panel', args=[panel.key])}?{written}",
                }
                for panel in dashboard.PANELS
            ],
        }
    return render(request, "reporting/dashboard.html", context)


@policy(Policy.ROLE, permission=READERS)
def panel(request: AuthenticatedRequest, key: str) -> HttpResponse:
    """One panel, as kept or worked out now: its markup alone for htmx, or a
    page of its own for a browser without JavaScript."""
    _allowed(request)
    found = panels.panel_of(key)
    form, query = _choice(request)
    if found is None or form.errors:
        raise Http404
    span, chosen = form.span(), scope.of_team(form.chosen_team())
    worked = panels.worked_out(request, found, span, chosen)
    context: dict[str, Any] = {"panel": found, "span": span, "scope": chosen}
    context |= {
        "written": panels.query_of(span, chosen),
        "fresh": panels.fresh_minutes(),
    }
    return panels.answered(request, worked, "reporting/panel.html", context)


@policy(Policy.ROLE, permission=READERS)
@require_POST
def work_out_again(request: AuthenticatedRequest) -> HttpResponse:
    """Forget the kept panels for the period and team: the dashboard then
    works each out again from the records as they stand now."""
    _allowed(request)
    return panels.forgotten(request, panels.forget, "reporting:index")


def drawn(panel: dashboard.Panel, span: Any, chosen: Any, href: Any) -> dict[str, Any]:
    results = [figure.result(span, chosen) for figure in panel.figures]
    return {
        "panel": panel,
        "results": results,
        "comparisons": _compared(panel.figures),
        **_chart(results, href, panel),
    }


def _compared(figures: tuple[Figure, ...]) -> list[comparisons.Comparison]:
    """The published figures to read beside these (haven.reporting.comparisons)."""
    return [row for figure in figures for row in comparisons.for_figure(figure.key)]


def _chart(
    results: list[Result], href: charts.Href, panel: dashboard.Panel
) -> dict[str, Any]:
    if panel.line:
        title = f"{panel.title}: {results[0].scope.words}, {results[0].span.words}"
        chart = charts.line_chart(
            results, href, chart_id=f"chart-{panel.key}", title=title
        )
    elif len(results[0].bars) > dashboard.MOST_BARS:
        chart = None
    else:
        chart = charts.bar_chart(results[0], href, chart_id=f"chart-{panel.key}")
    return {"chart": chart, "href": href}


def _figure(key: str) -> Figure:
    found = FIGURES.get(key)
    if found is None:
        raise Http404
    return found


@policy(Policy.ROLE, permission=READERS)
def figure(
    request: AuthenticatedRequest, key: str
) -> HttpResponse | StreamingHttpResponse:
    _allowed(request)
    found = _figure(key)
    form, query = _choice(request)
    if form.errors:
        return render(request, "reporting/figure.html", {"form": form, "figure": found})
    result = found.result(form.span(), scope.of_team(form.chosen_team()))
    export = request.GET.get("format", "")
    if export in downloads.FORMATS:
        name = (
            f"{found.key}-{result.span.first:%Y-%m-%d}-to-{result.span.last:%Y-%m-%d}"
        )
        return downloads.table(
            export,
            name,
            found.name,
            tables.figure_header(result),
            tables.figure_rows(result),
        )
    panel = dashboard.Panel(found.key, found.name, (found,))
    context = {
        "form": form,
        "query": query,
        "kept": _kept(request),
        "figure": found,
        "result": result,
        "results": [result],
        "panel": panel,
        "comparisons": _compared((found,)),
        **_chart([result], href_for(query), panel),
    }
    return render(request, "reporting/figure.html", context)


@policy(Policy.ROLE, permission=READERS)
def behind(
    request: AuthenticatedRequest, key: str, bar: str
) -> HttpResponse | StreamingHttpResponse:
    _allowed(request)
    found = _figure(key)
    form, query = _choice(request)
    if form.errors:
        raise Http404
    shown = children.behind_bar(request.user, found, form, bar)
    export = request.GET.get("format", "")
    if export in downloads.FORMATS:
        name = f"{found.key}-{bar}-children"
        return downloads.children_behind(request.user, shown, export, name, found.name)
    context = {
        "form": form,
        "query": query,
        "kept": _kept(request),
        "figure": found,
        "shown": shown,
        "page": children.page_of(shown, request.GET.get("page")),
    }
    return render(request, "reporting/children.html", context)
